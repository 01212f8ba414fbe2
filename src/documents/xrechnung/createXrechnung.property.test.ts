import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmountCents } from "../checkInvoiceDocument.ts";
import { SAMPLE_PAYER, SAMPLE_PROVIDER } from "../documentsTestSupport.ts";
import { DOCUMENT_UNITS, type InvoiceDocument } from "../invoiceDocument.ts";
import { checkXrechnungRules } from "./checkXrechnungRules.ts";
import { createXrechnung } from "./createXrechnung.ts";
import { readUbl } from "./ublReader.ts";
import { hasXmllint, validateAgainstUbl, XMLLINT_MISSING_MESSAGE } from "./xmlSchemaTestSupport.ts";

const xmllint = hasXmllint();
if (!xmllint) console.warn(XMLLINT_MISSING_MESSAGE);

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() !== "").map((value) => `${value} & <Teil>`);
const quantity = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom("", ".5", ".25", ".75", ".125")).map(([whole, fraction]) => `${whole}${fraction}`);

const invoiceArbitrary = fc
  .record({
    cancellation: fc.boolean(),
    negatedQuantities: fc.boolean(),
    withDueDate: fc.boolean(),
    label: text,
    lines: fc.array(fc.record({ quantity, unitPriceCents: fc.integer({ min: 0, max: 5_000_00 }), unit: fc.constantFrom(...DOCUMENT_UNITS), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ cancellation, negatedQuantities, withDueDate, label, lines }): InvoiceDocument => {
    const sign = cancellation ? -1 : 1;
    const documentLines = lines.map((line, index) => ({
      id: `L${index + 1}`,
      label,
      periodFrom: `2026-02-${String(line.day).padStart(2, "0")}`,
      periodTo: "2026-02-28",
      quantity: cancellation && negatedQuantities ? `-${line.quantity}` : line.quantity,
      unit: line.unit,
      unitPriceCents: line.unitPriceCents,
      amountCents: sign * lineAmountCents(line.quantity, line.unitPriceCents),
      agreementId: "A4",
      ruleId: "A4-R07",
      clause: "§ 5.1",
      clientReference: `K-${index}`,
    }));
    return {
      number: "2026-000100",
      kind: cancellation ? "cancellation" : "invoice",
      precedingInvoice: cancellation ? { number: "2026-000099", issueDate: "2026-03-02" } : undefined,
      issueDate: "2026-03-05",
      dueDate: withDueDate ? "2026-04-04" : undefined,
      paymentTerms: withDueDate ? undefined : "Zahlbar innerhalb von 30 Tagen ohne Abzug.",
      periodFrom: "2026-02-01",
      periodTo: "2026-02-28",
      provider: SAMPLE_PROVIDER,
      payer: SAMPLE_PAYER,
      note: label,
      lines: documentLines,
      totalCents: documentLines.reduce((sum, line) => sum + line.amountCents, 0),
    };
  });

describe("XRechnung for arbitrary invoices", () => {
  const samples = fc.sample(invoiceArbitrary, { numRuns: 100, seed: 20261201 });
  const documents = samples.map((invoice) => ({ invoice, xml: createXrechnung(invoice) }));

  it("every document passes the business-rule check and its payable amount is the sum of the line amounts to the cent", () => {
    for (const { invoice, xml } of documents) {
      expect(checkXrechnungRules(xml)).toEqual([]);
      const root = readUbl(xml);
      const cents = Math.round(Number(root.value("LegalMonetaryTotal/PayableAmount")) * 100);
      expect(cents).toBe(Math.abs(invoice.totalCents));
      expect(root.value("Note")).toContain("& <Teil>");
    }
  });

  it.skipIf(!xmllint)("every document validates against the UBL 2.1 XSD", () => {
    const results = validateAgainstUbl(documents.map(({ invoice, xml }) => ({ xml, kind: invoice.kind === "cancellation" ? "CreditNote" : "Invoice" })));
    expect(results.filter((result) => result !== "")).toEqual([]);
  });
});
