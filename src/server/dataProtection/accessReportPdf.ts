/**
 * The access report (Art. 15 GDPR) as a readable German PDF (pdfkit, Helvetica, A4): who asks and when, the
 * person's master data, the purposes, the recipients, how long the data is kept and why, then every table with
 * the person's rows (one block per row, fields with German names where known) and the access log.
 */
import PDFDocument from "pdfkit";
import { formatGermanIsoDate } from "../../documents/germanDocumentFormat.ts";
import type { AccessReport } from "./accessReport.ts";
import { describeRule } from "./clientRetention.ts";

type Pdf = InstanceType<typeof PDFDocument>;

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const GREY = "#555555";

/** German names of fields; others appear under their own name. */
const FIELD_LABELS: Record<string, string> = {
  id: "Kennung",
  name: "Name",
  birthDate: "Geburtsdatum",
  details: "Weitere Angaben",
  createdAt: "Angelegt am",
  clientId: "Person",
  caseId: "Fall",
  agreementInstanceId: "Vereinbarung (Träger)",
  agreementId: "Vereinbarung",
  payerId: "Leistungsträger",
  start: "Beginn",
  end: "Ende",
  from: "Von",
  to: "Bis",
  date: "Datum",
  minutes: "Minuten",
  text: "Text",
  title: "Titel",
  description: "Beschreibung",
  status: "Stand",
  accessStatus: "Zugang",
  needGroups: "Hilfebedarfsgruppen",
  fileReference: "Aktenzeichen",
  taskType: "Art der Aufgabe",
  dueDate: "Fällig am",
  ruleId: "Regel",
  source: "Fundstelle",
  note: "Notiz",
  label: "Bezeichnung",
  quantity: "Menge",
  unit: "Einheit",
  amountCents: "Betrag (Cent)",
  invoiceId: "Rechnung",
  userId: "Benutzer",
  login: "Anmeldename",
  displayName: "Anzeigename",
  role: "Rolle",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(value: unknown): string {
  if (typeof value === "string") return ISO_DATE.test(value) ? formatGermanIsoDate(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return typeof value === "boolean" ? (value ? "ja" : "nein") : String(value);
  return JSON.stringify(value);
}

function heading(pdf: Pdf, text: string): void {
  if (pdf.y > 720) pdf.addPage();
  pdf.moveDown(0.8).font(BOLD).fontSize(12).fillColor("black").text(text);
  pdf.moveDown(0.2);
}

function field(pdf: Pdf, label: string, value: string): void {
  pdf.font(BOLD).fontSize(9).fillColor("black").text(`${label}: `, { continued: true }).font(REGULAR).text(value);
}

export function createAccessReportPdf(report: AccessReport): Promise<Buffer> {
  const clientName = String(report.client.name ?? report.client.id);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `Auskunft nach Art. 15 DSGVO: ${clientName}`, Author: report.organisation.name ?? report.organisation.id, CreationDate: new Date(report.createdAt) },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font(BOLD).fontSize(16).text("Auskunft nach Art. 15 DSGVO");
  pdf.font(REGULAR).fontSize(9).fillColor(GREY).text(`${report.organisation.name ?? report.organisation.id} · erstellt am ${formatGermanIsoDate(report.createdAt.slice(0, 10))}`);
  pdf.fillColor("black").moveDown(0.5);
  pdf
    .font(REGULAR)
    .fontSize(10)
    .text(`Diese Auskunft enthält alle Daten, die ${report.organisation.name ?? report.organisation.id} über ${clientName} gespeichert hat, wer wann und warum darauf zugegriffen hat, an wen Daten gegangen sind und wie lange sie aufbewahrt werden.`);

  heading(pdf, "Stammdaten");
  for (const [key, value] of Object.entries(report.client)) field(pdf, FIELD_LABELS[key] ?? key, formatValue(value));

  heading(pdf, "Zwecke der Verarbeitung");
  for (const purpose of report.purposes) pdf.font(REGULAR).fontSize(9).text(`• ${purpose}`);

  heading(pdf, "Empfänger");
  if (report.recipients.length === 0) pdf.font(REGULAR).fontSize(9).text("Keine Leistungsträger eingetragen.");
  for (const recipient of report.recipients) pdf.font(REGULAR).fontSize(9).text(`• ${recipient.name ?? recipient.id} (${recipient.id}): Leistungsträger, erhält Abrechnungen und Berichte`);

  heading(pdf, "Speicherdauer");
  pdf.font(REGULAR).fontSize(9).text(report.retention.message);
  for (const retention of report.retention.cases) {
    pdf.text(`• Fall ${retention.caseId}: ${retention.message} (${describeRule(retention.explanation)})`);
  }
  pdf.text("Ausgestellte Rechnungen werden nach § 147 AO und § 14b UStG zehn Jahre aufbewahrt; nach der Löschung der Person nur noch mit ihrer zufälligen Kennung, ohne Name und Geburtsdatum.");

  for (const table of report.tables) {
    heading(pdf, `${table.label} (${table.rows.length})`);
    table.rows.forEach((row, index) => {
      if (pdf.y > 740) pdf.addPage();
      pdf.font(BOLD).fontSize(9).fillColor(GREY).text(`${table.label} ${index + 1}`);
      pdf.fillColor("black");
      for (const [key, value] of Object.entries(row)) field(pdf, FIELD_LABELS[key] ?? key, formatValue(value));
      pdf.moveDown(0.3);
    });
  }

  heading(pdf, `Zugriffsprotokoll (${report.auditEntries.length} Einträge)`);
  if (report.auditEntries.length === 0) pdf.font(REGULAR).fontSize(9).text("Keine Zugriffe protokolliert.");
  for (const entry of report.auditEntries) {
    const when = `${formatGermanIsoDate(entry.at.slice(0, 10))} ${entry.at.slice(11, 16)} UTC`;
    const why = entry.reason ? `, Grund: ${entry.reason}` : "";
    pdf.font(REGULAR).fontSize(9).text(`${when}: ${entry.userId} (${entry.role}) von ${entry.address}: ${entry.action} ${entry.objectType} ${entry.objectId}${why}`);
  }

  pdf.end();
  return finished;
}
