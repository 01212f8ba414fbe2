/**
 * The invoice as a German PDF for people (pdfkit, standard Helvetica, A4): the provider's letterhead, the payer
 * as recipient, Leitweg-ID and the cost coverage's file reference, one row per line with service period, quantity,
 * unit price and amount, and under each line the agreement clause and rule that produced it; the total; the
 * tax exemption (§ 4 Nr. 16 UStG) and the payment instructions; a footer with tax number and bank details.
 * A cancellation is titled "Stornorechnung" and names the invoice it cancels; its amounts are negative.
 */
import PDFDocument from "pdfkit";
import { assertInvoiceDocument } from "../checkInvoiceDocument.ts";
import { GERMAN_UNIT_LABELS } from "../documentUnits.ts";
import { formatEuroCents, formatGermanIsoDate, formatGermanQuantity } from "../germanDocumentFormat.ts";
import type { InvoiceDocument, InvoiceDocumentLine } from "../invoiceDocument.ts";
import { VAT_EXEMPTION } from "../xrechnung/xrechnungConstants.ts";

type Pdf = InstanceType<typeof PDFDocument>;

const PAGE = { left: 56, right: 539, top: 48, bottom: 770, footer: 790 } as const;
const COLUMNS = [
  { key: "position", title: "Pos.", width: 26, align: "left" },
  { key: "service", title: "Leistung", width: 188, align: "left" },
  { key: "period", title: "Zeitraum", width: 109, align: "left" },
  { key: "quantity", title: "Menge", width: 52, align: "right" },
  { key: "unitPrice", title: "Einzelpreis", width: 52, align: "right" },
  { key: "amount", title: "Betrag", width: 56, align: "right" },
] as const;
const GREY = "#555555";
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";

function periodText(from: string, to: string): string {
  return from === to ? formatGermanIsoDate(from) : `${formatGermanIsoDate(from)} – ${formatGermanIsoDate(to)}`;
}

/** "Vereinbarung A4 § 5.3 · Regel A4-R09 · Option D04-A · Person K-0017 · Kostenzusage AZ …" */
export function lineBasisText(line: InvoiceDocumentLine): string {
  const parts = [`Vereinbarung ${line.agreementId} ${line.clause}`, `Regel ${line.ruleId}`];
  for (const policy of line.policies ?? []) parts.push(`Option ${policy.decision}-${policy.option}`);
  parts.push(`Person ${line.clientReference}`);
  if (line.costCoverageFileReference) parts.push(`Kostenzusage AZ ${line.costCoverageFileReference}`);
  return parts.join(" · ");
}

function columnX(index: number): number {
  return PAGE.left + COLUMNS.slice(0, index).reduce((sum, column) => sum + column.width, 0);
}

function drawLetterhead(pdf: Pdf, document: InvoiceDocument): void {
  const { provider } = document;
  pdf.font(BOLD).fontSize(15).fillColor("black").text(provider.name, PAGE.left, PAGE.top, { width: PAGE.right - PAGE.left });
  pdf
    .font(REGULAR)
    .fontSize(8.5)
    .fillColor(GREY)
    .text(
      `${provider.address.street} · ${provider.address.postalCode} ${provider.address.city} · Tel. ${provider.contact.phone} · ${provider.contact.email}`,
      PAGE.left,
      PAGE.top + 20,
      { width: PAGE.right - PAGE.left },
    );
  pdf.moveTo(PAGE.left, PAGE.top + 36).lineTo(PAGE.right, PAGE.top + 36).lineWidth(0.5).strokeColor(GREY).stroke();
}

function drawAddressAndFacts(pdf: Pdf, document: InvoiceDocument): void {
  const { provider, payer } = document;
  pdf.font(REGULAR).fontSize(7).fillColor(GREY).text(`${provider.name} · ${provider.address.street} · ${provider.address.postalCode} ${provider.address.city}`, PAGE.left, 128, { width: 250 });
  pdf.font(REGULAR).fontSize(10).fillColor("black").text([payer.name, payer.address.street, `${payer.address.postalCode} ${payer.address.city}`].join("\n"), PAGE.left, 142, { width: 250 });

  const facts: [string, string][] = [
    [document.kind === "cancellation" ? "Stornorechnung Nr." : "Rechnungsnummer", document.number],
    ["Rechnungsdatum", formatGermanIsoDate(document.issueDate)],
    ["Leistungszeitraum", periodText(document.periodFrom, document.periodTo)],
    ["Leitweg-ID", payer.leitwegId],
  ];
  if (document.costCoverageFileReference) facts.push(["Aktenzeichen Kostenzusage", document.costCoverageFileReference]);
  if (document.dueDate && document.kind === "invoice") facts.push(["Fällig am", formatGermanIsoDate(document.dueDate)]);
  facts.push(["Ansprechpartner/in", provider.contact.name], ["Telefon", provider.contact.phone]);
  const labelX = 318;
  const valueX = 432;
  let y = 128;
  pdf.font(REGULAR).fontSize(8.5);
  for (const [label, value] of facts) {
    const height = Math.max(pdf.heightOfString(label, { width: valueX - labelX - 4 }), pdf.heightOfString(value, { width: PAGE.right - valueX }));
    pdf.fillColor(GREY).text(label, labelX, y, { width: valueX - labelX - 4 });
    pdf.fillColor("black").text(value, valueX, y, { width: PAGE.right - valueX });
    y += height + 2.5;
  }
}

function drawTitle(pdf: Pdf, document: InvoiceDocument): number {
  const y = 262;
  const title = document.kind === "cancellation" ? `Stornorechnung ${document.number}` : `Rechnung ${document.number}`;
  pdf.font(BOLD).fontSize(13).fillColor("black").text(title, PAGE.left, y);
  let next = y + 20;
  if (document.precedingInvoice) {
    const relation = document.kind === "cancellation" ? "Storno der Rechnung" : "Ersetzt die Rechnung";
    pdf.font(REGULAR).fontSize(9.5).text(`${relation} ${document.precedingInvoice.number} vom ${formatGermanIsoDate(document.precedingInvoice.issueDate)}.`, PAGE.left, next);
    next += 16;
  }
  const intro =
    document.kind === "cancellation"
      ? "Wir stornieren die folgenden Leistungen der Eingliederungshilfe nach SGB IX:"
      : "Für Leistungen der Eingliederungshilfe nach SGB IX berechnen wir Ihnen gemäß der zugrunde liegenden Vereinbarung:";
  pdf.font(REGULAR).fontSize(9.5).text(document.note ? `${intro} ${document.note}` : intro, PAGE.left, next, { width: PAGE.right - PAGE.left });
  return pdf.y + 10;
}

function drawTableHeader(pdf: Pdf, y: number): number {
  pdf.font(BOLD).fontSize(8.5).fillColor("black");
  COLUMNS.forEach((column, index) => pdf.text(column.title, columnX(index), y, { width: column.width - 4, align: column.align }));
  pdf.moveTo(PAGE.left, y + 13).lineTo(PAGE.right, y + 13).lineWidth(0.5).strokeColor("black").stroke();
  return y + 18;
}

function lineCells(line: InvoiceDocumentLine, position: number): Record<(typeof COLUMNS)[number]["key"], string> {
  return {
    position: String(position),
    service: line.label,
    period: periodText(line.periodFrom, line.periodTo),
    quantity: `${formatGermanQuantity(line.quantity)} ${GERMAN_UNIT_LABELS[line.unit]}`,
    unitPrice: formatEuroCents(line.unitPriceCents),
    amount: formatEuroCents(line.amountCents),
  };
}

function lineHeight(pdf: Pdf, line: InvoiceDocumentLine, cells: ReturnType<typeof lineCells>): number {
  pdf.font(BOLD).fontSize(9);
  const label = pdf.heightOfString(cells.service, { width: COLUMNS[1].width - 4 });
  pdf.font(REGULAR).fontSize(7.5);
  const basis = pdf.heightOfString(lineBasisText(line), { width: COLUMNS[1].width - 4 });
  pdf.font(REGULAR).fontSize(9);
  const period = pdf.heightOfString(cells.period, { width: COLUMNS[2].width - 4 });
  return Math.max(label + basis + 2, period) + 8;
}

function drawLine(pdf: Pdf, line: InvoiceDocumentLine, cells: ReturnType<typeof lineCells>, y: number): void {
  COLUMNS.forEach((column, index) => {
    pdf.font(column.key === "service" ? BOLD : REGULAR).fontSize(9).fillColor("black");
    pdf.text(cells[column.key], columnX(index), y, { width: column.width - 4, align: column.align });
    if (column.key === "service") pdf.font(REGULAR).fontSize(7.5).fillColor(GREY).text(lineBasisText(line), columnX(index), pdf.y + 1, { width: column.width - 4 });
  });
}

function drawClosing(pdf: Pdf, document: InvoiceDocument, y: number): void {
  pdf.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.8).strokeColor("black").stroke();
  pdf.font(BOLD).fontSize(10).fillColor("black");
  pdf.text(document.kind === "cancellation" ? "Gesamtbetrag (Storno)" : "Gesamtbetrag", PAGE.left, y + 6, { width: 330 });
  pdf.text(formatEuroCents(document.totalCents), columnX(3), y + 6, { width: PAGE.right - columnX(3) - 4, align: "right" });
  const { provider } = document;
  const account = `IBAN ${provider.iban}${provider.bic ? `, BIC ${provider.bic}` : ""}`;
  const payment =
    document.kind === "cancellation"
      ? `${document.paymentTerms ?? "Der Betrag wird Ihnen gutgeschrieben."}`
      : document.dueDate
        ? `Bitte überweisen Sie den Betrag bis zum ${formatGermanIsoDate(document.dueDate)} unter Angabe der Rechnungsnummer ${document.number} auf das Konto ${account}.${document.paymentTerms ? ` ${document.paymentTerms}` : ""}`
        : `${document.paymentTerms} Bitte überweisen Sie den Betrag unter Angabe der Rechnungsnummer ${document.number} auf das Konto ${account}.`;
  pdf.font(REGULAR).fontSize(9).text(`${VAT_EXEMPTION.reason}.`, PAGE.left, y + 26, { width: PAGE.right - PAGE.left });
  pdf.text(payment, PAGE.left, pdf.y + 4, { width: PAGE.right - PAGE.left });
}

function drawFooters(pdf: Pdf, document: InvoiceDocument): void {
  const { provider } = document;
  const tax = [provider.taxNumber ? `Steuernummer ${provider.taxNumber}` : undefined, provider.vatId ? `USt-IdNr. ${provider.vatId}` : undefined, provider.registration].filter(Boolean);
  const footer = `${provider.name} · ${tax.join(" · ")} · IBAN ${provider.iban}${provider.bic ? ` · BIC ${provider.bic}` : ""}`;
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    pdf.font(REGULAR).fontSize(7).fillColor(GREY);
    pdf.text(footer, PAGE.left, PAGE.footer, { width: PAGE.right - PAGE.left - 70, lineBreak: true, height: 30 });
    pdf.text(`Seite ${index - range.start + 1} von ${range.count}`, PAGE.right - 70, PAGE.footer, { width: 70, align: "right", lineBreak: false });
  }
}

/** The invoice PDF as bytes; refuses an inconsistent document before writing anything. */
export function createInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  assertInvoiceDocument(document, "Rechnungs-PDF");
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.top, bottom: 20, left: PAGE.left, right: 595.28 - PAGE.right },
    bufferPages: true,
    info: {
      Title: `${document.kind === "cancellation" ? "Stornorechnung" : "Rechnung"} ${document.number}`,
      Author: document.provider.name,
      Subject: `Leitweg-ID ${document.payer.leitwegId}`,
      CreationDate: new Date(`${document.issueDate}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  drawLetterhead(pdf, document);
  drawAddressAndFacts(pdf, document);
  let y = drawTableHeader(pdf, drawTitle(pdf, document));
  document.lines.forEach((line, index) => {
    const cells = lineCells(line, index + 1);
    const height = lineHeight(pdf, line, cells);
    if (y + height > PAGE.bottom) {
      pdf.addPage();
      y = drawTableHeader(pdf, PAGE.top);
    }
    drawLine(pdf, line, cells, y);
    y += height;
  });
  if (y + 90 > PAGE.bottom) {
    pdf.addPage();
    y = PAGE.top;
  }
  drawClosing(pdf, document, y + 2);
  drawFooters(pdf, document);
  pdf.end();
  return finished;
}
