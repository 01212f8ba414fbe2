import { describe, expect, it } from "vitest";
import { checkInvoiceDocument, isValidIban, lineAmountCents } from "./checkInvoiceDocument.ts";
import { sampleCancellation, sampleDailyInvoice, sampleHourlyInvoice } from "./documentsTestSupport.ts";

describe("checking an invoice document", () => {
  it("accepts the sample invoices and the cancellation", () => {
    expect(checkInvoiceDocument(sampleDailyInvoice())).toEqual([]);
    expect(checkInvoiceDocument(sampleHourlyInvoice())).toEqual([]);
    expect(checkInvoiceDocument(sampleCancellation())).toEqual([]);
  });

  it("accepts a cancellation's quantities negated (as correctInvoice stores them) or as on the original, amounts always negative", () => {
    const cancellation = sampleCancellation();
    expect(cancellation.lines.map((line) => [line.quantity, line.amountCents])).toEqual([
      ["-28", -432096],
      ["-3", -34722],
    ]);
    const positiveQuantities = { ...cancellation, lines: cancellation.lines.map((line) => ({ ...line, quantity: line.quantity.slice(1) })) };
    expect(checkInvoiceDocument(positiveQuantities)).toEqual([]);
    const invoiceWithNegativeQuantity = sampleDailyInvoice();
    invoiceWithNegativeQuantity.lines[0] = { ...invoiceWithNegativeQuantity.lines[0]!, quantity: "-28" };
    expect(checkInvoiceDocument(invoiceWithNegativeQuantity).map((issue) => [issue.path, issue.rule])).toEqual([["lines[0].quantity", "BR-22"]]);
  });

  it("rounds each line once, half-up: 23.25 × 62,21 € = 1.446,3825 € → 144638 cents; 0.5 × 1 cent → 1 cent", () => {
    expect(lineAmountCents("23.25", 6221)).toBe(144638);
    expect(lineAmountCents("0.5", 1)).toBe(1);
    expect(lineAmountCents("0.125", 4)).toBe(1);
  });

  it("checks IBAN check digits", () => {
    expect(isValidIban("DE75 5121 0800 1245 1261 99")).toBe(true);
    expect(isValidIban("DE75512108001245126198")).toBe(false);
  });

  it("names every missing field the e-invoice needs, with path, value and rule", () => {
    const invoice = sampleDailyInvoice();
    invoice.dueDate = undefined;
    invoice.paymentTerms = " ";
    invoice.provider = { ...invoice.provider, taxNumber: undefined, vatId: undefined, iban: "DE00123", contact: { name: "", phone: "12", email: "kein-mail" } };
    invoice.payer = { ...invoice.payer, address: { ...invoice.payer.address, postalCode: "" } };
    invoice.lines = [{ ...invoice.lines[0]!, quantity: "28,0", periodTo: "2026-04-02" }, { ...invoice.lines[1]!, id: invoice.lines[0]!.id, ruleId: "" }];
    expect(checkInvoiceDocument(invoice).map((issue) => [issue.path, issue.value, issue.rule])).toEqual([
      ["dueDate", undefined, "BR-CO-25"],
      ["provider.contact.name", "", "BR-DE-5"],
      ["provider.contact.phone", "12", "BR-DE-27"],
      ["provider.contact.email", "kein-mail", "BR-DE-28"],
      ["provider.taxNumber", undefined, "BR-E-02"],
      ["provider.iban", "DE00123", "BR-DE-19"],
      ["payer.address.postalCode", "", "BR-DE-9"],
      ["lines[0].periodFrom", ["2026-03-01", "2026-04-02"], "DOC-08"],
      ["lines[0].quantity", "28,0", "BR-22"],
      ["lines[1].id", "F17-2026-03-serviceDay", "DOC-03"],
      ["lines[1].ruleId", "", "DOC-04"],
    ]);
  });

  it("refuses a German date and a cancellation with positive amounts", () => {
    const cancellation = { ...sampleCancellation(), issueDate: "10.04.2026" };
    cancellation.lines = cancellation.lines.map((line) => ({ ...line, amountCents: -line.amountCents }));
    cancellation.totalCents = -cancellation.totalCents;
    const issues = checkInvoiceDocument(cancellation);
    expect(issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ["issueDate", "BR-3"],
      ["lines[0].amountCents", "DOC-07"],
      ["lines[1].amountCents", "DOC-07"],
    ]);
    expect(issues[0]!.message).toBe("Rechnungsdatum ist kein gültiges Datum (JJJJ-MM-TT).");
  });
});
