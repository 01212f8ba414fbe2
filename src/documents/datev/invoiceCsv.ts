/**
 * Issued invoices as plain CSV for spreadsheets (German Excel conventions): semicolon-separated, comma decimals,
 * German dates, UTF-8 with byte-order mark, one row per invoice line with the invoice's data repeated, so a
 * filter or pivot by invoice, payer, agreement or rule adds up to the invoice totals.
 */
import { DocumentInputError, type DocumentInputIssue } from "../documentInputError.ts";
import { checkInvoiceDocument } from "../checkInvoiceDocument.ts";
import { GERMAN_UNIT_LABELS } from "../documentUnits.ts";
import { formatDecimalCommaCents, formatGermanIsoDate } from "../germanDocumentFormat.ts";
import type { InvoiceDocument } from "../invoiceDocument.ts";

export const INVOICE_CSV_COLUMNS = [
  "Rechnungsnummer",
  "Art",
  "Bezug auf Rechnung",
  "Rechnungsdatum",
  "Fällig am",
  "Leistungsträger",
  "Leitweg-ID",
  "Aktenzeichen Kostenzusage",
  "Position",
  "Zeilen-ID",
  "Leistung",
  "Person",
  "Leistung von",
  "Leistung bis",
  "Menge",
  "Einheit",
  "Einzelpreis (EUR)",
  "Betrag (EUR)",
  "Rechnungsbetrag (EUR)",
  "Vereinbarung",
  "Fundstelle",
  "Regel",
  "Optionen",
] as const;

function cell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function createInvoiceCsv(invoices: InvoiceDocument[]): string {
  const issues: DocumentInputIssue[] = invoices.flatMap((invoice, index) => checkInvoiceDocument(invoice).map((issue) => ({ ...issue, path: `invoices[${index}].${issue.path}` })));
  if (issues.length > 0) throw new DocumentInputError("Rechnungs-CSV", issues);
  const rows: string[] = [INVOICE_CSV_COLUMNS.join(";")];
  for (const invoice of invoices) {
    invoice.lines.forEach((line, index) => {
      const values = [
        invoice.number,
        invoice.kind === "cancellation" ? "Stornorechnung" : "Rechnung",
        invoice.precedingInvoice?.number ?? "",
        formatGermanIsoDate(invoice.issueDate),
        invoice.dueDate ? formatGermanIsoDate(invoice.dueDate) : "",
        invoice.payer.name,
        invoice.payer.leitwegId,
        line.costCoverageFileReference ?? invoice.costCoverageFileReference ?? "",
        String(index + 1),
        line.id,
        line.label,
        line.clientReference,
        formatGermanIsoDate(line.periodFrom),
        formatGermanIsoDate(line.periodTo),
        line.quantity.replace(".", ","),
        GERMAN_UNIT_LABELS[line.unit],
        formatDecimalCommaCents(line.unitPriceCents),
        formatDecimalCommaCents(line.amountCents),
        formatDecimalCommaCents(invoice.totalCents),
        line.agreementId,
        line.clause,
        line.ruleId,
        (line.policies ?? []).map((policy) => `${policy.decision}-${policy.option}`).join(", "),
      ];
      rows.push(values.map(cell).join(";"));
    });
  }
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
