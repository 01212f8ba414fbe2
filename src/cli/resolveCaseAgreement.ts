/**
 * Finds the agreement a case file names: a concrete agreement by id, or a template plus the inputs the case
 * fills (for tests and what-if questions; such values are marked as Beispielwerte).
 */
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { inputValueSchema, type InputValues } from "../domain/agreement/inputRegister.ts";
import { fillAgreementInputs } from "../domain/agreement/resolveAgreement.ts";
import type { CaseFile } from "../domain/case/caseFileSchema.ts";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import { InputFileError } from "./inputFileError.ts";

export function resolveCaseAgreement(catalogue: Catalogue, caseFile: CaseFile, file: string): Agreement {
  const choice = caseFile.agreement;
  const id = typeof choice === "string" ? choice : choice.template;
  const agreement = catalogue.agreements.get(id);
  if (!agreement) {
    throw new InputFileError([{ file, path: typeof choice === "string" ? "agreement" : "agreement.template", value: id, message: `unbekannte Vereinbarung (bekannt: ${[...catalogue.agreements.keys()].join(", ")})` }]);
  }
  if (typeof choice === "string") return agreement;
  const defined = new Set(agreement.inputs.map((input) => input.id));
  const values: InputValues = {};
  for (const [inputId, raw] of Object.entries(choice.inputs)) {
    if (!defined.has(inputId)) throw new InputFileError([{ file, path: `agreement.inputs.${inputId}`, message: `Vereinbarung ${id} hat keine Eingabe ${inputId}` }]);
    const structured = inputValueSchema.safeParse(raw);
    values[inputId] = structured.success && typeof raw === "object" && raw !== null && !Array.isArray(raw) ? structured.data : { value: raw, example: true };
  }
  return fillAgreementInputs(agreement, values);
}
