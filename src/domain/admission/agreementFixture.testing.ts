/**
 * Test support (not production code): loads an agreement folder's header (agreement.yaml) together with its
 * admission.yaml, documentation.yaml and staffing.yaml (the one qualification catalogue that the A1-R09 entry
 * checks classify staff with, X-R02), validates them with the real schema, and fills inputs with values
 * marked as examples (test fixtures, never agreement values). Only these files are read so that the
 * admission and documentation tests do not depend on other sections.
 */
// eslint-disable-next-line no-restricted-imports -- tests read the agreement data files
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { fillAgreementInputs, validateAgreementParts, type AgreementPart } from "../agreement/resolveAgreement.ts";
import { formatIssue } from "../agreement/validationIssue.ts";
import { caseFileSchema, type CaseFile, type CaseFileInput } from "../case/caseFileSchema.ts";

export const AGREEMENT_FOLDERS = {
  A0: "A0-sachsen-begleitete-elternschaft",
  A1: "A1-niedersachsen-assistenz-wohnen",
  A2: "A2-bremen-rahmen-kognitive-beeintraechtigung",
  A3: "A3-niedersachsen-zuverdienst",
  A4: "A4-bremen-intensivpaedagogisch",
} as const;
export type AgreementKey = keyof typeof AGREEMENT_FOLDERS;

export const AGREEMENTS_ROOT = new URL("../../../agreements/", import.meta.url);
export const SEEDS_ROOT = new URL("../../../../shared/seeds/", import.meta.url);

export function readAgreementFile(key: AgreementKey, name: string): string | undefined {
  const url = new URL(`${AGREEMENT_FOLDERS[key]}/${name}`, AGREEMENTS_ROOT);
  return existsSync(url) ? readFileSync(url, "utf8") : undefined;
}

export function readSeed(file: string): string | undefined {
  const url = new URL(file, SEEDS_ROOT);
  return existsSync(url) ? readFileSync(url, "utf8") : undefined;
}

const cache = new Map<AgreementKey, Agreement>();

/** The agreement header plus admission, documentation and staffing sections, validated. Throws with the issues. */
export function loadAgreement(key: AgreementKey): Agreement {
  const cached = cache.get(key);
  if (cached) return cached;
  const parts: AgreementPart[] = ["agreement.yaml", "admission.yaml", "documentation.yaml", "staffing.yaml"].flatMap((name) => {
    const text = readAgreementFile(key, name);
    return text === undefined ? [] : [{ file: `${AGREEMENT_FOLDERS[key]}/${name}`, data: parseYaml(text) }];
  });
  const result = validateAgreementParts(parts);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  cache.set(key, result.agreement);
  return result.agreement;
}

/** The agreement with inputs filled by test values (marked as examples). */
export function loadAgreementWithInputs(key: AgreementKey, values: Record<string, unknown> = {}): Agreement {
  const filled = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, example: true }]));
  return fillAgreementInputs(loadAgreement(key), filled);
}

export const EXAMPLES_ROOT = new URL("../../../examples/", import.meta.url);

/** A case file from examples/ (e.g. "a3-zuverdienst.json"), validated with the case-file schema. */
export function readExampleCaseFile(name: string): CaseFile {
  return caseFileSchema.parse(JSON.parse(readFileSync(new URL(name, EXAMPLES_ROOT), "utf8")));
}

export function buildCaseFile(input: CaseFileInput): CaseFile {
  return caseFileSchema.parse(input);
}

/** An eligible A0 parent (A0-R01): adult, substantial disability, a minor child, support need, own flat in Leipzig. */
export const A0_PARENT = {
  birthDate: "2000-03-01",
  substantialDisability: true,
  disabilities: ["intellectual"],
  children: [{ birthDate: "2020-05-10" }],
  assessments: { supportNeed: true },
  livingSituation: "ownFlat",
  residence: { municipality: "Leipzig", land: "SN" as const },
} satisfies Partial<CaseFileInput["client"]>;
