/** Reads a case file and resolves its agreement from the catalogue. */
import { caseFileSchema, type CaseFile } from "../domain/case/caseFileSchema.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { loadCatalogue, type Catalogue } from "../catalogue/agreementCatalogue.ts";
import { readInputFile } from "./readInputFile.ts";
import { resolveCaseAgreement } from "./resolveCaseAgreement.ts";
import { InputFileError } from "./inputFileError.ts";

export interface LoadedCase {
  file: string;
  caseFile: CaseFile;
  agreement: Agreement;
  catalogue: Catalogue;
}

export function loadCatalogueOrFail(): Catalogue {
  const catalogue = loadCatalogue();
  if (catalogue.issues.length > 0) throw new InputFileError(catalogue.issues);
  return catalogue;
}

export function loadCase(file: string, catalogue = loadCatalogueOrFail()): LoadedCase {
  const caseFile = readInputFile(file, caseFileSchema);
  return { file, caseFile, agreement: resolveCaseAgreement(catalogue, caseFile, file), catalogue };
}
