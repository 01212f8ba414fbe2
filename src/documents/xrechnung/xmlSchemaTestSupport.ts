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

/**
 * Runs xmllint --schema over the XML texts, one xmllint call per document kind (the schema is parsed once);
 * returns xmllint's messages per document, "" for a valid one.
 */
export function validateAgainstUbl(documents: { xml: string; kind: "Invoice" | "CreditNote" }[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), "teilhabe-ubl-"));
  try {
    const files = documents.map((document, index) => {
      const file = join(folder, `document-${index}.xml`);
      writeFileSync(file, document.xml);
      return file;
    });
    const results = documents.map(() => "");
    for (const kind of ["Invoice", "CreditNote"] as const) {
      const indexes = documents.flatMap((document, index) => (document.kind === kind ? [index] : []));
      if (indexes.length === 0) continue;
      const schema = join(UBL_XSD_FOLDER, `UBL-${kind}-2.1.xsd`);
      const result = spawnSync("xmllint", ["--noout", "--schema", schema, ...indexes.map((index) => files[index]!)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (result.status === 0) continue;
      const messages = `${result.stderr}`.split("\n");
      for (const index of indexes) {
        const file = files[index]!;
        const own = messages.filter((message) => message.startsWith(file) && !message.endsWith(" validates"));
        results[index] = own.join("\n");
      }
      if (indexes.every((index) => results[index] === "")) throw new Error(`xmllint exit ${result.status}: ${result.stderr}`);
    }
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
