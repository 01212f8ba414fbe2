import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { DocumentInputError } from "../documentInputError.ts";
import { sampleCancellation, sampleDailyInvoice, sampleHourlyInvoice } from "../documentsTestSupport.ts";
import type { InvoiceDocumentLine } from "../invoiceDocument.ts";
import { createInvoicePdf } from "./invoicePdf.ts";

async function textOf(pdf: Buffer): Promise<{ text: string; totalPages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text: text.replace(/\s+/g, " "), totalPages };
}

describe("invoice PDF", () => {
  it("shows letterhead, recipient, Leitweg-ID, file reference, lines with clauses and the total", async () => {
    const { text, totalPages } = await textOf(await createInvoicePdf(sampleDailyInvoice()));
    expect(totalPages).toBe(1);
    expect(text).toContain("Sonnenhof Teilhabe gGmbH");
    expect(text).toContain("Lindenallee 12 · 04109 Leipzig");
    expect(text).toContain("Stadt Leipzig, Sozialamt – Eingliederungshilfe");
    expect(text).toContain("Rechnung 2026-000017");
    expect(text).toContain("Leitweg-ID 14713000-EGH01-38");
    expect(text).toContain("Aktenzeichen Kostenzusage 50.2-1234/2026");
    expect(text).toContain("Leistungszeitraum 01.03.2026 – 31.03.2026");
    expect(text).toContain("Fällig am 02.05.2026");
    expect(text).toContain("01.03.2026 – 28.03.2026");
    expect(text).toContain("28 Tage");
    expect(text).toContain("154,32 €");
    expect(text).toContain("4.320,96 €");
    expect(text).toContain("Vereinbarung A4 § 5.1 · Regel A4-R07 · Person K-0017");
    expect(text).toContain("Vereinbarung A4 § 5.3 · Regel A4-R09 · Option D04-A · Person K-0017");
    expect(text).toMatch(/Gesamtbetrag 4\.668,18 €/);
    expect(text).toContain("Steuerfrei gemäß § 4 Nr. 16 UStG.");
    expect(text).toContain("IBAN DE75512108001245126199, BIC SOBKDEBBXXX");
    expect(text).toContain("Steuernummer 231/123/45678");
    expect(text).toContain("Seite 1 von 1");
  });

  it("writes decimal hours in German format and rounds each amount once (23,25 × 62,21 € = 1.446,38 €)", async () => {
    const { text } = await textOf(await createInvoicePdf(sampleHourlyInvoice()));
    expect(text).toContain("23,25 Std.");
    expect(text).toContain("62,21 €");
    expect(text).toContain("1.446,38 €");
    expect(text).toContain("12,5 Std.");
    expect(text).toContain("Kostenzusage AZ 50.2-0043/2026");
    expect(text).toMatch(/Gesamtbetrag 2\.227,63 €/);
    expect(text).toContain("USt-IdNr. DE123456789");
    expect(text).toContain("Zahlbar innerhalb von 14 Tagen ohne Abzug.");
  });

  it("titles a cancellation and names the cancelled invoice; amounts are negative", async () => {
    const { text } = await textOf(await createInvoicePdf(sampleCancellation()));
    expect(text).toContain("Stornorechnung 2026-000021");
    expect(text).toContain("Storno der Rechnung 2026-000017 vom 02.04.2026.");
    expect(text).toContain("Wir stornieren die folgenden Leistungen der Eingliederungshilfe nach SGB IX:");
    expect(text).toContain("-28 Tage");
    expect(text).toContain("-4.320,96 €");
    expect(text).toMatch(/Gesamtbetrag \(Storno\) -4\.668,18 €/);
  });

  it("continues the table on further pages with the header repeated and numbers the pages", async () => {
    const base = sampleHourlyInvoice();
    const line = base.lines[1]!;
    const lines: InvoiceDocumentLine[] = Array.from({ length: 60 }, (_, index) => ({ ...line, id: `L${index + 1}`, clientReference: `K-${1000 + index}` }));
    const { text, totalPages } = await textOf(await createInvoicePdf({ ...base, lines, totalCents: 60 * 78125 }));
    expect(totalPages).toBeGreaterThan(2);
    expect(text).toContain(`Seite ${totalPages} von ${totalPages}`);
    expect(text).toContain("Person K-1059");
    expect(text.match(/Pos\. Leistung Zeitraum Menge Einzelpreis Betrag/g)?.length).toBe(totalPages);
    expect(text).toMatch(/Gesamtbetrag 46\.875,00 €/);
  });

  it("refuses an inconsistent document before writing", () => {
    expect(() => createInvoicePdf({ ...sampleDailyInvoice(), totalCents: 1 })).toThrow(DocumentInputError);
  });
});
