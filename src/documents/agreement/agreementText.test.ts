/**
 * The agreement text. With its full wording (text.yaml): the PDF read back shows the clause headings in the
 * seed's order, the seed's sentences word for word, filled inputs formatted in place of their blanks, unfilled
 * ones as visible gaps, the parties from the store, and the signature block; the DOCX the same. Without
 * text.yaml (fallback): the quotes of the data in clause order.
 */
import { strFromU8, unzipSync } from "fflate";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { fillAgreementInputs } from "../../domain/agreement/resolveAgreement.ts";
import { textOfTextDocument } from "../text/textDocument.ts";
import { createTextDocumentDocx } from "../text/textDocumentDocx.ts";
import { createTextDocumentPdf } from "../text/textDocumentPdf.ts";
import { compareClauses, createAgreementQuoteText, createAgreementText } from "./agreementText.ts";

const catalogue = loadCatalogue();
const agreementOf = (id: string) => catalogue.agreements.get(id)!;
const quoteTextOf = (id: string) => textOfTextDocument(createAgreementQuoteText(agreementOf(id), { date: "2026-04-15" }));

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

function docxText(bytes: Uint8Array): string {
  return strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!)
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** A4 with three inputs filled (test values, not real rates) and the parties from the store. */
function filledA4() {
  const agreement = fillAgreementInputs(agreementOf("A4"), {
    "P-A4-05": { value: "50", example: false },
    "P-A4-07": { value: "61234.5", example: false },
    "P-A4-13": { value: "2026-01-31", example: false },
  });
  return createAgreementText(agreement, {
    date: "2026-04-15",
    parties: { provider: { name: "Träger A gGmbH", address: "Rotdornallee 64, 28717 Bremen" }, payer: { name: "Amt für Soziale Dienste Bremen", address: "Contrescarpe 73, 28195 Bremen" } },
  });
}

const A4_HEADINGS = ["1 Gegenstand", "2 Leistungsvereinbarung", "3 Personelle Ausstattung", "4 Vergütung des Personals", "5 Vergütungsvereinbarung", "6 Prüfung der Wirtschaftlichkeit und Qualität der Leistungen", "7 Vereinbarungszeitraum", "8 Sonstige Regelungen", "Anlagen:", "Leistungsbeschreibung für das Modell", "1 Kurzbeschreibung/ Begriff/Rechts- grundlage", "8 Vergütung"];
const A4_SENTENCE =
  "Bei Unterbrechung der vereinbarten personenzentrierten Unterstützungsleistungen aufgrund von Urlaub, Krankheit oder Kuraufenthalt des Leistungsempfängers, wird das Gesamtentgelt für bis zu 30 zusammenhängende Abrechnungstage fortgezahlt.";

describe("agreement text from the full wording (text.yaml)", () => {
  it("A4 as PDF: headings in the seed's order, the wording, filled inputs in place, gaps, parties and signatures", async () => {
    const text = await pdfText(await createTextDocumentPdf(filledA4()));
    // Each heading follows the one before it (searched from there on).
    let cursor = text.indexOf("geschlossen:");
    const missing = A4_HEADINGS.filter((heading) => {
      const at = text.indexOf(heading, cursor);
      cursor = at < 0 ? cursor : at + heading.length;
      return at < 0;
    });
    expect(missing).toEqual([]);
    expect(text).toContain(A4_SENTENCE);
    expect(text).toContain("72,22 € | 849,24 € | 137,93 € | 46,88 € | 340,11 € | 1.446,38 €");
    // Filled: the amount and the date formatted in German, in place of the blank.
    expect(text).toContain("betragen für Fachkräfte 61.234,50 € und für Nicht-Fachkräfte [offen: P-A4-08 Arbeitgeberbruttojahreskosten Nicht-Fachkraft – noch nicht eingetragen]");
    expect(text).toContain("Es wird eine Fachkraftquote im Tagdienst (6-22 Uhr) in Höhe von 50 vergütet");
    expect(text).not.toContain("[REDACTED]");
    // Unfilled: a visible gap, never a value.
    expect(text).toContain("insgesamt [offen: P-A4-02 Vollzeitstellen insgesamt – noch nicht eingetragen] Vollzeitstellen");
    // Parties from the store and the signature block: place, date, a line to sign per party.
    expect(text).toContain("Leistungserbringer: Träger A gGmbH, Rotdornallee 64, 28717 Bremen");
    expect(text).toContain(
      "Geschlossen: Bremen, im April 2026 Ort, Datum: Bremen, 31.01.2026 ______________________________________ Träger der Eingliederungshilfe: Amt für Soziale Dienste Bremen Die Senatorin für Arbeit, Soziales, Jugend und Integration Ort, Datum: Bremen, 31.01.2026 ______________________________________ Leistungserbringer: Träger A gGmbH Leistungserbringer",
    );
    expect(text.indexOf("Ort, Datum:")).toBeLessThan(text.indexOf("Anlagen:"));
    // Inputs without a blank in the wording stay visible after their clause.
    expect(text).toContain("5.8 Im Einzelfall erforderliche Begleitung im Krankenhaus");
    expect(text).toContain("in der jeweils gültigen Fassung, vergütet werden. § 5.8: [offen: P-A4-09 Stundensatz Begleitung im Krankenhaus, Kompensation durch Fachkraft (Anlage 9) – noch nicht eingetragen]");
  });

  it("A4 as DOCX: the same wording, values and gaps", async () => {
    const words = docxText(await createTextDocumentDocx(filledA4()));
    expect(words).toContain(A4_SENTENCE);
    expect(words).toContain("betragen für Fachkräfte 61.234,50 € und für Nicht-Fachkräfte [offen: P-A4-08 Arbeitgeberbruttojahreskosten Nicht-Fachkraft – noch nicht eingetragen].");
    expect(words).toContain("Ort, Datum: Bremen, 31.01.2026");
    expect(words.indexOf("5 Vergütungsvereinbarung")).toBeLessThan(words.indexOf("6 Prüfung der Wirtschaftlichkeit"));
  });

  it("without parties from the store the agreement's own values and inputs name them; an unfilled name is a gap", () => {
    const a4 = textOfTextDocument(createAgreementText(agreementOf("A4"), { date: "2026-04-15" }));
    expect(a4).toContain("Leistungserbringer: Friedehorst Teilhabe Leben gGmbH, Rotdornallee 64, 28717 Bremen");
    expect(a4).toContain("Ort, Datum: Bremen, [offen: P-A4-13 Tag der Unterzeichnung – noch nicht eingetragen]");
    const a0 = textOfTextDocument(createAgreementText(agreementOf("A0"), { date: "2026-04-15" }));
    expect(a0).toContain("Leistungserbringer: [offen: P-A0-01 Name und Anschrift des Leistungserbringers (Träger des Leistungsangebotes) – noch nicht eingetragen]");
    expect(a0).toContain("werden für den Zeitraum vom [offen: P-A0-02 Beginn des Vereinbarungszeitraums (Kopf „vom xxx bis xxx“; das Ende steht in § 1.3) – noch nicht eingetragen] bis [offen: Ende des Vereinbarungszeitraums] nachfolgende");
  });

  it("the A0 Leipzig instance: example rates in place of „xx €“, marked as example values", () => {
    const text = textOfTextDocument(createAgreementText(agreementOf("A0-beispiel-leipzig"), { date: "2026-04-15" }));
    expect(text).toContain("\nFür den Zeitraum 01.01.2026 bis 31.12.2026: 100,00 € (gültig ab 01.01.2026 bis 31.12.2026) [Beispielwert]\n");
    expect(text).not.toContain("[offen: P-A0-05");
    expect(text).not.toContain("xx €");
  });
});

describe("agreement text from the quotes (fallback without text.yaml)", () => {
  it("orders clauses as the document numbers them", () => {
    const clauses = ["Unterschriften", "§ 10", "Anl. 1 § 5.1", "§ 2.1", "Kopf", "§ 1.3", "§ 9 a)", "Titel", "§ 2"];
    expect([...clauses].sort(compareClauses)).toEqual(["Titel", "Kopf", "§ 1.3", "§ 2", "§ 2.1", "§ 9 a)", "§ 10", "Anl. 1 § 5.1", "Unterschriften"]);
  });

  it("an agreement without text falls back to its quotes", () => {
    const { text: _text, ...withoutText } = agreementOf("A0");
    expect(textOfTextDocument(createAgreementText(withoutText, { date: "2026-04-15" }))).toContain("„Für den Zeitraum 01.01.2026 bis 31.12.2026: [offen: P-A0-05 Vergütung je Fachleistungsstunde 01.01.2026–31.12.2026 (Euro)] €“");
  });

  it("the A0 template shows the rate blanks as gaps; the Leipzig instance shows its example rates in their place", () => {
    expect(quoteTextOf("A0")).toContain("„Für den Zeitraum 01.01.2026 bis 31.12.2026: [offen: P-A0-05 Vergütung je Fachleistungsstunde 01.01.2026–31.12.2026 (Euro)] €“");
    const instance = quoteTextOf("A0-beispiel-leipzig");
    expect(instance).toContain("„Für den Zeitraum 01.01.2026 bis 31.12.2026: 100,00 € (gültig ab 01.01.2026 bis 31.12.2026) [Beispielwert]“");
    expect(instance).not.toContain("[offen: P-A0-05");
  });

  it("A4 as printed: the rate of § 5.1 with its components and total, and the open inputs listed", () => {
    const text = quoteTextOf("A4");
    expect(text).toContain("Grundpauschale 72,22 € · Maßnahmepauschale 849,24 € · Ergänzungspauschale 137,93 € · Investitionsbetrag 46,88 € · Interventionsdienst 340,11 € · insgesamt 1.446,38 € (ab 01.01.2026 bis 30.06.2026)");
    expect(text).toContain("„Fachkraftquote im Tagdienst (6-22 Uhr) in Höhe von [offen: P-A4-05 Mindest-Fachkraftquote im Tagdienst (6–22 Uhr)]“");
    expect(text.indexOf("\n§ 5.1\n")).toBeLessThan(text.indexOf("\n§ 5.2\n"));
    expect(text.indexOf("\n§ 7.3\n")).toBeLessThan(text.indexOf("\nAnl. 1 § 2\n"));
    expect(text).toContain("\nOffene Eingaben\n[offen: P-A4-01 Plan-Belegung laut Kalkulation] (§ 3.2)");
  });
});
