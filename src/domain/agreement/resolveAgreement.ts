/**
 * Builds a validated agreement from the parts of its folder, and a concrete agreement from a template plus
 * the instance that fills its inputs. Pure: the caller reads the files.
 */
import { agreementSchema, type Agreement } from "./agreementSchema.ts";
import { InputRegister, type InputValues } from "./inputRegister.ts";
import { collectIssues, type ValidationIssue } from "./validationIssue.ts";

export interface AgreementPart {
  file: string;
  data: unknown;
}

export type AgreementResult = { ok: true; agreement: Agreement } | { ok: false; issues: ValidationIssue[] };

/** Merges the YAML files of one folder by their top-level keys; a key defined twice is an error. */
export function mergeAgreementParts(parts: AgreementPart[]): { data: Record<string, unknown>; fileOfKey: Map<string, string>; issues: ValidationIssue[] } {
  const data: Record<string, unknown> = {};
  const fileOfKey = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  for (const part of parts) {
    if (part.data === null || typeof part.data !== "object" || Array.isArray(part.data)) {
      issues.push({ file: part.file, path: "(Dokument)", message: "YAML-Dokument muss eine Zuordnung (Schlüssel: Wert) sein" });
      continue;
    }
    for (const [key, value] of Object.entries(part.data)) {
      const earlier = fileOfKey.get(key);
      if (earlier !== undefined) {
        issues.push({ file: part.file, path: key, message: `Schlüssel „${key}“ ist schon in ${earlier} definiert` });
        continue;
      }
      data[key] = value;
      fileOfKey.set(key, part.file);
    }
  }
  return { data, fileOfKey, issues };
}

export function validateAgreementParts(parts: AgreementPart[]): AgreementResult {
  const merged = mergeAgreementParts(parts);
  const parsed = agreementSchema.safeParse(merged.data);
  const fallbackFile = parts[0]?.file ?? "(unbekannt)";
  const fileOf = (path: readonly PropertyKey[]) => merged.fileOfKey.get(String(path[0])) ?? fallbackFile;
  const issues = [...merged.issues, ...(parsed.success ? [] : collectIssues(parsed.error, merged.data, fileOf))];
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, agreement: parsed.data };
}

/** Keys an instance may set on top of its template: who, when, how many, and the filled inputs. */
const INSTANCE_KEYS = ["id", "kind", "template", "title", "parties", "validity", "capacity", "policies", "inputValues", "notes"] as const;

export function instantiateAgreement(template: Agreement, instance: AgreementPart): AgreementResult {
  const data = instance.data as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (data === null || typeof data !== "object") return { ok: false, issues: [{ file: instance.file, path: "(Dokument)", message: "YAML-Dokument muss eine Zuordnung sein" }] };
  for (const key of Object.keys(data)) {
    if (!(INSTANCE_KEYS as readonly string[]).includes(key)) issues.push({ file: instance.file, path: key, message: `eine konkrete Vereinbarung darf „${key}“ nicht setzen (erlaubt: ${INSTANCE_KEYS.join(", ")})` });
  }
  if (data.template !== template.id) issues.push({ file: instance.file, path: "template", value: data.template, message: `Vorlage muss „${template.id}“ sein` });
  if (issues.length > 0) return { ok: false, issues };
  const merged = {
    ...template,
    ...data,
    kind: "concrete",
    template: template.id,
    policies: { ...template.policies, ...((data.policies as Record<string, string>) ?? {}) },
    notes: [...template.notes, ...((data.notes as string[]) ?? [])],
  };
  const parsed = agreementSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, issues: collectIssues(parsed.error, merged, () => instance.file) };
  return { ok: true, agreement: parsed.data };
}

/** Fills inputs of an agreement for one case (template id + inputs in a case file). */
export function fillAgreementInputs(agreement: Agreement, values: InputValues): Agreement {
  return { ...agreement, kind: "concrete", template: agreement.template ?? agreement.id, inputValues: { ...agreement.inputValues, ...values } };
}

export function createInputRegister(agreement: Agreement): InputRegister {
  return new InputRegister(agreement.inputs, agreement.inputValues);
}
