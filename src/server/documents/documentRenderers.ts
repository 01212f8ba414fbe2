/**
 * The document renderers, loaded on a document's first request: pdfkit (with its fonts), docx and
 * xmlbuilder2 hold about 55 MB of resident memory that a server answering no document request never needs
 * (measured: pdfkit 31 MB, xmlbuilder2 14 MB, docx 11 MB). The modules stay loaded once imported.
 */
import type { AccessReport } from "../dataProtection/accessReport.ts";
import type { InvoiceDocument } from "../../documents/invoiceDocument.ts";
import type { TextDocument } from "../../documents/text/textDocument.ts";

export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  return (await import("../../documents/pdf/invoicePdf.ts")).createInvoicePdf(document);
}

export async function renderXrechnung(document: InvoiceDocument): Promise<string> {
  return (await import("../../documents/xrechnung/createXrechnung.ts")).createXrechnung(document);
}

export async function renderTextDocument(document: TextDocument, format: "pdf" | "docx"): Promise<Buffer> {
  if (format === "pdf") return (await import("../../documents/text/textDocumentPdf.ts")).createTextDocumentPdf(document);
  return (await import("../../documents/text/textDocumentDocx.ts")).createTextDocumentDocx(document);
}

export async function renderAccessReportPdf(report: AccessReport): Promise<Buffer> {
  return (await import("../dataProtection/accessReportPdf.ts")).createAccessReportPdf(report);
}
