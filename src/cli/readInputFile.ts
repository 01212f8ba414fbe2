/**
 * Reads a JSON or YAML input file (case, team) and validates it with its schema; every problem is collected.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { collectIssues } from "../domain/agreement/validationIssue.ts";
import { InputFileError } from "./inputFileError.ts";

export function readInputFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputFileError([{ file: path, path: "(Datei)", message: "Datei nicht lesbar oder nicht vorhanden" }]);
  }
  let data: unknown;
  try {
    data = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InputFileError([{ file: path, path: "(Datei)", message: `kein gültiges ${path.endsWith(".json") ? "JSON" : "YAML"}: ${(error as Error).message}` }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputFileError(collectIssues(parsed.error, data, () => path));
  return parsed.data;
}
