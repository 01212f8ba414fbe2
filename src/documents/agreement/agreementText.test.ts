/** The agreement text from the catalogue's data: quotes in clause order, filled inputs in their blanks, gaps visible, printed rates with their values. */
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { textOfTextDocument } from "../text/textDocument.ts";
import { compareClauses, createAgreementText } from "./agreementText.ts";

const catalogue = loadCatalogue();
const textOf = (id: string) => textOfTextDocument(createAgreementText(catalogue.agreements.get(id)!, { date: "2026-04-15" }));

describe("agreement text", () => {
  it("orders clauses as the document numbers them", () => {
    const clauses = ["Unterschriften", "§ 10", "Anl. 1 § 5.1", "§ 2.1", "Kopf", "§ 1.3", "§ 9 a)", "Titel", "§ 2"];
    expect([...clauses].sort(compareClauses)).toEqual(["Titel", "Kopf", "§ 1.3", "§ 2", "§ 2.1", "§ 9 a)", "§ 10", "Anl. 1 § 5.1", "Unterschriften"]);
  });

  it("the A0 template shows the rate blanks as gaps; the Leipzig instance shows its example rates in their place", () => {
    expect(textOf("A0")).toContain("„Für den Zeitraum 01.01.2026 bis 31.12.2026: [offen: P-A0-05 Vergütung je Fachleistungsstunde 01.01.2026–31.12.2026 (Euro)] €“");
    const instance = textOf("A0-beispiel-leipzig");
    expect(instance).toContain("„Für den Zeitraum 01.01.2026 bis 31.12.2026: 100,00 € (gültig ab 01.01.2026 bis 31.12.2026) [Beispielwert]“");
    expect(instance).not.toContain("[offen: P-A0-05");
  });

  it("A4 as printed: the rate of § 5.1 with its components and total, and the open inputs listed", () => {
    const text = textOf("A4");
    expect(text).toContain("Grundpauschale 72,22 € · Maßnahmepauschale 849,24 € · Ergänzungspauschale 137,93 € · Investitionsbetrag 46,88 € · Interventionsdienst 340,11 € · insgesamt 1.446,38 € (ab 01.01.2026 bis 30.06.2026)");
    expect(text).toContain("„Fachkraftquote im Tagdienst (6-22 Uhr) in Höhe von [offen: P-A4-05 Mindest-Fachkraftquote im Tagdienst (6–22 Uhr)]“");
    expect(text.indexOf("\n§ 5.1\n")).toBeLessThan(text.indexOf("\n§ 5.2\n"));
    expect(text.indexOf("\n§ 7.3\n")).toBeLessThan(text.indexOf("\nAnl. 1 § 2\n"));
    expect(text).toContain("\nOffene Eingaben\n[offen: P-A4-01 Plan-Belegung laut Kalkulation] (§ 3.2)");
  });
});
