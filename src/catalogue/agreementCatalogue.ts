/**
 * Reads the agreement folders (agreements/<folder>/*.yaml, instances under instances/) and validates them.
 * This is the I/O shell around src/domain/agreement.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { instantiateAgreement, validateAgreementParts, type AgreementPart } from "../domain/agreement/resolveAgreement.ts";
import type { ValidationIssue } from "../domain/agreement/validationIssue.ts";

/** The repository's agreements/ folder, found upwards from this module (works from src/ and from dist/). */
function findAgreementsDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, "agreements");
    if (existsSync(join(directory, "package.json")) && existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return resolve("agreements");
    directory = parent;
  }
}

export const DEFAULT_AGREEMENTS_DIRECTORY = process.env.TEILHABE_AGREEMENTS ?? findAgreementsDirectory();

export interface Catalogue {
  agreements: Map<string, Agreement>;
  /** Where each agreement came from (folder or instance file), relative to the catalogue root. */
  origins: Map<string, string>;
  issues: ValidationIssue[];
}

function readYamlFile(path: string, root: string): { part?: AgreementPart; issue?: ValidationIssue } {
  const file = relative(process.cwd(), path) || path;
  try {
    return { part: { file, data: parseYaml(readFileSync(path, "utf8")) } };
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message : String(error);
    return { issue: { file: relative(root, path) ? file : path, path: "(Dokument)", message: `YAML nicht lesbar: ${message}` } };
  }
}

function listYaml(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort()
    .map((name) => join(directory, name));
}

/** Loads one agreement folder: its template or concrete agreement, plus its instances. */
export function loadAgreementFolder(folder: string, root = dirname(folder)): Catalogue {
  const agreements = new Map<string, Agreement>();
  const origins = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  const parts: AgreementPart[] = [];
  for (const path of listYaml(folder)) {
    const { part, issue } = readYamlFile(path, root);
    if (part) parts.push(part);
    if (issue) issues.push(issue);
  }
  if (parts.length === 0) return { agreements, origins, issues };
  const result = validateAgreementParts(parts);
  if (!result.ok) return { agreements, origins, issues: [...issues, ...result.issues] };
  agreements.set(result.agreement.id, result.agreement);
  origins.set(result.agreement.id, relative(root, folder));
  const instancesDirectory = join(folder, "instances");
  if (existsSync(instancesDirectory)) {
    for (const path of listYaml(instancesDirectory)) {
      const { part, issue } = readYamlFile(path, root);
      if (issue) issues.push(issue);
      if (!part) continue;
      const instance = instantiateAgreement(result.agreement, part);
      if (!instance.ok) issues.push(...instance.issues);
      else {
        if (agreements.has(instance.agreement.id)) issues.push({ file: part.file, path: "id", value: instance.agreement.id, message: "Vereinbarungs-ID doppelt" });
        agreements.set(instance.agreement.id, instance.agreement);
        origins.set(instance.agreement.id, relative(root, path));
      }
    }
  }
  return { agreements, origins, issues };
}

/** Loads every agreement folder below the root (default: the repository's agreements/). */
export function loadCatalogue(root = DEFAULT_AGREEMENTS_DIRECTORY): Catalogue {
  const catalogue: Catalogue = { agreements: new Map(), origins: new Map(), issues: [] };
  const folders = readdirSync(root)
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory())
    .sort();
  for (const folder of folders) {
    const loaded = loadAgreementFolder(folder, root);
    catalogue.issues.push(...loaded.issues);
    for (const [id, agreement] of loaded.agreements) {
      if (catalogue.agreements.has(id)) catalogue.issues.push({ file: relative(root, folder), path: "id", value: id, message: "Vereinbarungs-ID doppelt" });
      catalogue.agreements.set(id, agreement);
      catalogue.origins.set(id, loaded.origins.get(id)!);
    }
  }
  return catalogue;
}
