/**
 * Every value's source quote in every agreement file is literal text of the seed document it names (pieces
 * joined by "…" are checked one by one; white space is folded; Markdown bold is ignored). A quote that is not
 * in the document would make a figure untraceable.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_AGREEMENTS_DIRECTORY } from "./agreementCatalogue.ts";

const SEEDS = join(DEFAULT_AGREEMENTS_DIRECTORY, "../../shared/seeds");
const normalise = (text: string) => text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();

function listYamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return listYamlFiles(path);
    return name.endsWith(".yaml") ? [path] : [];
  });
}

function collectQuotes(value: unknown, path: string, found: { path: string; file: string; quote: string }[]): void {
  if (Array.isArray(value)) value.forEach((item, index) => collectQuotes(item, `${path}[${index}]`, found));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.file === "string" && typeof record.quote === "string") found.push({ path, file: record.file, quote: record.quote });
    for (const [key, child] of Object.entries(record)) collectQuotes(child, path ? `${path}.${key}` : key, found);
  }
}

describe.skipIf(!existsSync(SEEDS))("source quotes", () => {
  const seeds = new Map<string, string>();
  const seedText = (file: string) => {
    if (!seeds.has(file)) seeds.set(file, normalise(readFileSync(join(SEEDS, file), "utf8")));
    return seeds.get(file)!;
  };
  const quotes = listYamlFiles(DEFAULT_AGREEMENTS_DIRECTORY).flatMap((path) => {
    const found: { path: string; file: string; quote: string }[] = [];
    collectQuotes(parse(readFileSync(path, "utf8")), "", found);
    return found.map((quote) => ({ ...quote, yaml: relative(DEFAULT_AGREEMENTS_DIRECTORY, path) }));
  });

  it("cover the agreement files (more than 300 quotes)", () => {
    expect(quotes.length).toBeGreaterThan(300);
  });

  it("are literal in their seed documents", () => {
    const notLiteral = quotes.flatMap((quote) => {
      const text = seedText(quote.file);
      const missing = quote.quote.split("…").map(normalise).filter((piece) => piece.length > 0 && !text.includes(piece));
      return missing.length > 0 ? [`${quote.yaml} ${quote.path}: ${JSON.stringify(missing)}`] : [];
    });
    expect(notLiteral).toEqual([]);
  });
});
