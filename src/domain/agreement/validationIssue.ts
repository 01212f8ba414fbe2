/**
 * Errors are collected with their paths and reported once: file, field path, value, and the rule broken.
 */
import type { z } from "zod";

export interface ValidationIssue {
  file: string;
  path: string;
  value?: unknown;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod issues into file/path/value/message issues; `fileOf` maps a path to the file it came from. */
export function collectIssues(error: z.ZodError, data: unknown, fileOf: (path: readonly PropertyKey[]) => string): ValidationIssue[] {
  return error.issues.map((issue) => {
    const value = valueAt(data, issue.path);
    const shown = value !== undefined && (typeof value !== "object" || value === null) ? { value } : {};
    return { file: fileOf(issue.path), path: formatPath(issue.path) || "(Dokument)", ...shown, message: issue.message };
  });
}

export function formatIssue(issue: ValidationIssue): string {
  const value = issue.value !== undefined ? ` (Wert: ${JSON.stringify(issue.value)})` : "";
  return `${issue.file}: ${issue.path}${value}: ${issue.message}`;
}
