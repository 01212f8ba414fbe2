/** Validates XML against the UBL 2.1 XSD with xmllint (Debian libxml2-utils); tests skip when xmllint is absent. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const UBL_XSD_FOLDER = fileURLToPath(new URL("../../../../shared/xrechnung/ubl-2.1-xsd/maindoc/", import.meta.url));
export const XRECHNUNG_EXAMPLES_FOLDER = fileURLToPath(new URL("../../../../shared/xrechnung/examples/", import.meta.url));

export function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

export const XMLLINT_MISSING_MESSAGE = "xmllint fehlt (Debian-Paket libxml2-utils): UBL-Schemaprüfung übersprungen";

/** Runs xmllint --schema over each XML text; returns xmllint's messages per document ("" when valid). */
export function validateAgainstUbl(documents: { xml: string; kind: "Invoice" | "CreditNote" }[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), "teilhabe-ubl-"));
  try {
    return documents.map((document, index) => {
      const file = join(folder, `document-${index}.xml`);
      writeFileSync(file, document.xml);
      const result = spawnSync("xmllint", ["--noout", "--schema", join(UBL_XSD_FOLDER, `UBL-${document.kind}-2.1.xsd`), file], { encoding: "utf8" });
      return result.status === 0 ? "" : `${result.stderr}`.trim() || `xmllint exit ${result.status}`;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

