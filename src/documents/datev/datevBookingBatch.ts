/**
 * Issued invoices of a period as a DATEV Buchungsstapel (EXTF, format category 21, version 13): the header line,
 * the column line and one booking row per invoice and revenue account. Konto is the payer's debitor account,
 * Gegenkonto the revenue account (per agreement when configured); an invoice is booked "S" (debit the debitor),
 * a cancellation "H". Amounts carry comma decimals and no sign; Belegdatum is TTMM of the issue date; Belegfeld 1
 * is the invoice number. Tax-free services carry no BU-Schlüssel. Nothing reads the clock: the creation time is passed in.
 */
import { DocumentInputError, type DocumentInputIssue } from "../documentInputError.ts";
import { checkInvoiceDocument } from "../checkInvoiceDocument.ts";
import { formatDecimalCommaCents } from "../germanDocumentFormat.ts";
import type { InvoiceDocument } from "../invoiceDocument.ts";
import {
  DATEV_BOOKING_COLUMNS,
  DATEV_FORMAT_CATEGORY_BOOKINGS,
  DATEV_FORMAT_NAME_BOOKINGS,
  DATEV_FORMAT_VERSION_BOOKINGS,
  DATEV_HEADER_VERSION,
  datevColumnIndex,
} from "./datevColumns.ts";

export interface DatevExportSettings {
  /** Beraternummer (1001–9999999). */
  consultantNumber: number;
  /** Mandantennummer (1–99999). */
  accountingClientNumber: number;
  /** Beginning of the fiscal year (Wirtschaftsjahr), ISO date; the period must lie in this fiscal year. */
  fiscalYearStart: string;
  /** Sachkontenlänge (4–8); debitor accounts have one digit more. */
  accountLength: number;
  /** Kontenrahmen: "03" (SKR 03) or "04" (SKR 04). */
  chartOfAccounts: "03" | "04";
  /** Period of the batch (Datum von / bis), ISO dates; every invoice's issue date lies in it. */
  periodFrom: string;
  periodTo: string;
  /** When the file is produced (ISO timestamp, UTC), written as "Erzeugt am". */
  createdAt: string;
  /** Debitor account per payer id (Personenkonto, e.g. "10001"). */
  debitorAccounts: Record<string, string>;
  /** Revenue account (Erlöskonto) for tax-free services, e.g. "8100" in SKR 03 or "4100" in SKR 04. */
  revenueAccount: string;
  /** Revenue account per agreement id where it differs from revenueAccount. */
  revenueAccountsByAgreement?: Record<string, string>;
  /** Bezeichnung of the batch (at most 30 characters). */
  label?: string;
  /** Diktatkürzel (at most 2 characters). */
  initials?: string;
  /** Festschreibung: true locks the bookings on import. Default false. */
  locked?: boolean;
}

export interface DatevBooking {
  amountCents: number;
  debitCredit: "S" | "H";
  debitorAccount: string;
  revenueAccount: string;
  documentDate: string;
  invoiceNumber: string;
  text: string;
  serviceDate: string;
  dueDate?: string;
}

const BELEGFELD_PATTERN = /^[A-Za-z0-9$&%*+\-/]{1,36}$/;

function text(value: string): string {
  return `"${value.replace(/[\r\n]+/g, " ").replace(/"/g, '""')}"`;
}

function compactDate(iso: string): string {
  return iso.replace(/-/g, "");
}

/** "3103" (TTMM) from "2026-03-31". */
function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}`;
}

/** "31032026" (TTMMJJJJ) from "2026-03-31". */
function dayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
}

function creationStamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`createdAt ist kein Zeitpunkt: ${iso}`);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}${pad(date.getUTCMilliseconds(), 3)}`;
}

function fiscalYearEnd(start: string): string {
  const year = Number(start.slice(0, 4)) + 1;
  const next = new Date(Date.UTC(year, Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))));
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

function checkSettings(settings: DatevExportSettings, invoices: InvoiceDocument[]): DocumentInputIssue[] {
  const issues: DocumentInputIssue[] = [];
  const add = (path: string, value: unknown, rule: string, message: string) => issues.push({ path, value, rule, message });
  if (!Number.isInteger(settings.consultantNumber) || settings.consultantNumber < 1001 || settings.consultantNumber > 9_999_999)
    add("settings.consultantNumber", settings.consultantNumber, "DATEV-01", "Beraternummer muss zwischen 1001 und 9999999 liegen.");
  if (!Number.isInteger(settings.accountingClientNumber) || settings.accountingClientNumber < 1 || settings.accountingClientNumber > 99_999)
    add("settings.accountingClientNumber", settings.accountingClientNumber, "DATEV-02", "Mandantennummer muss zwischen 1 und 99999 liegen.");
  if (!Number.isInteger(settings.accountLength) || settings.accountLength < 4 || settings.accountLength > 8)
    add("settings.accountLength", settings.accountLength, "DATEV-03", "Sachkontenlänge muss zwischen 4 und 8 liegen.");
  const generalAccount = new RegExp(`^\\d{${settings.accountLength}}$`);
  const personalAccount = new RegExp(`^[1-6]\\d{${settings.accountLength}}$`);
  if (!generalAccount.test(settings.revenueAccount))
    add("settings.revenueAccount", settings.revenueAccount, "DATEV-04", `Erlöskonto muss ${settings.accountLength} Ziffern haben.`);
  for (const [agreementId, account] of Object.entries(settings.revenueAccountsByAgreement ?? {}))
    if (!generalAccount.test(account)) add(`settings.revenueAccountsByAgreement.${agreementId}`, account, "DATEV-04", `Erlöskonto muss ${settings.accountLength} Ziffern haben.`);
  const yearEnd = fiscalYearEnd(settings.fiscalYearStart);
  if (settings.periodFrom > settings.periodTo || settings.periodFrom < settings.fiscalYearStart || settings.periodTo > yearEnd)
    add("settings.periodTo", [settings.periodFrom, settings.periodTo], "DATEV-05", `Zeitraum des Stapels muss im Wirtschaftsjahr ${settings.fiscalYearStart} bis ${yearEnd} liegen.`);
  if ((settings.label ?? "").length > 30) add("settings.label", settings.label, "DATEV-06", "Bezeichnung des Stapels darf höchstens 30 Zeichen haben.");
  invoices.forEach((invoice, index) => {
    for (const issue of checkInvoiceDocument(invoice)) issues.push({ ...issue, path: `invoices[${index}].${issue.path}` });
    const account = settings.debitorAccounts[invoice.payer.id];
    if (account === undefined) add(`settings.debitorAccounts.${invoice.payer.id}`, account, "DATEV-07", `Für den Leistungsträger „${invoice.payer.name}“ ist kein Debitorenkonto eingestellt.`);
    else if (!personalAccount.test(account)) add(`settings.debitorAccounts.${invoice.payer.id}`, account, "DATEV-07", `Debitorenkonto muss ${settings.accountLength + 1} Ziffern haben und mit 1 bis 6 beginnen.`);
    if (invoice.issueDate < settings.periodFrom || invoice.issueDate > settings.periodTo)
      add(`invoices[${index}].issueDate`, invoice.issueDate, "DATEV-08", `Rechnungsdatum liegt nicht im Zeitraum des Stapels (${settings.periodFrom} bis ${settings.periodTo}).`);
    if (!BELEGFELD_PATTERN.test(invoice.number)) add(`invoices[${index}].number`, invoice.number, "DATEV-09", "Rechnungsnummer passt nicht in Belegfeld 1 (höchstens 36 Zeichen: Buchstaben, Ziffern, $ & % * + - /).");
  });
  return issues;
}

/** The booking rows of one invoice: one per revenue account, in the order the accounts first appear. */
export function bookingsOfInvoice(invoice: InvoiceDocument, settings: DatevExportSettings): DatevBooking[] {
  const byAccount = new Map<string, number>();
  for (const line of invoice.lines) {
    const account = settings.revenueAccountsByAgreement?.[line.agreementId] ?? settings.revenueAccount;
    byAccount.set(account, (byAccount.get(account) ?? 0) + line.amountCents);
  }
  const cancellation = invoice.kind === "cancellation";
  const text = cancellation
    ? `Storno ${invoice.number} zu ${invoice.precedingInvoice?.number ?? "?"} ${invoice.payer.name}`
    : `Rechnung ${invoice.number} ${invoice.payer.name}`;
  return [...byAccount]
    .filter(([, cents]) => cents !== 0)
    .map(([revenueAccount, cents]) => ({
      amountCents: Math.abs(cents),
      debitCredit: cents > 0 ? "S" : "H",
      debitorAccount: settings.debitorAccounts[invoice.payer.id]!,
      revenueAccount,
      documentDate: invoice.issueDate,
      invoiceNumber: invoice.number,
      text: text.slice(0, 60),
      serviceDate: invoice.periodTo,
      dueDate: invoice.dueDate,
    }));
}

function headerLine(settings: DatevExportSettings): string {
  return [
    text("EXTF"),
    DATEV_HEADER_VERSION,
    DATEV_FORMAT_CATEGORY_BOOKINGS,
    text(DATEV_FORMAT_NAME_BOOKINGS),
    DATEV_FORMAT_VERSION_BOOKINGS,
    creationStamp(settings.createdAt),
    "",
    text("RE"),
    text(""),
    text(""),
    settings.consultantNumber,
    settings.accountingClientNumber,
    compactDate(settings.fiscalYearStart),
    settings.accountLength,
    compactDate(settings.periodFrom),
    compactDate(settings.periodTo),
    text(settings.label ?? `Rechnungen ${settings.periodFrom.slice(0, 7)}`),
    text((settings.initials ?? "").slice(0, 2)),
    1,
    0,
    settings.locked ? 1 : 0,
    text("EUR"),
    "",
    text(""),
    "",
    "",
    text(settings.chartOfAccounts),
    "",
    "",
    text(""),
    text(""),
  ].join(";");
}

function bookingLine(booking: DatevBooking): string {
  const cells: string[] = new Array<string>(DATEV_BOOKING_COLUMNS.length).fill("");
  cells[datevColumnIndex("Umsatz (ohne Soll/Haben-Kz)")] = formatDecimalCommaCents(booking.amountCents);
  cells[datevColumnIndex("Soll/Haben-Kennzeichen")] = text(booking.debitCredit);
  cells[datevColumnIndex("WKZ Umsatz")] = text("EUR");
  cells[datevColumnIndex("Konto")] = booking.debitorAccount;
  cells[datevColumnIndex("Gegenkonto (ohne BU-Schlüssel)")] = booking.revenueAccount;
  cells[datevColumnIndex("Belegdatum")] = dayMonth(booking.documentDate);
  cells[datevColumnIndex("Belegfeld 1")] = text(booking.invoiceNumber);
  cells[datevColumnIndex("Buchungstext")] = text(booking.text);
  cells[datevColumnIndex("Leistungsdatum")] = dayMonthYear(booking.serviceDate);
  if (booking.dueDate) cells[datevColumnIndex("Fälligkeit")] = dayMonthYear(booking.dueDate);
  return cells.join(";");
}

/** The Buchungsstapel as text (CR/LF line ends); encode it with encodeWindows1252 for the file. Refuses with every problem listed. */
export function createDatevBookingBatch(invoices: InvoiceDocument[], settings: DatevExportSettings): string {
  const issues = checkSettings(settings, invoices);
  if (issues.length > 0) throw new DocumentInputError("DATEV-Buchungsstapel", issues);
  const rows = [headerLine(settings), DATEV_BOOKING_COLUMNS.join(";")];
  for (const invoice of invoices) for (const booking of bookingsOfInvoice(invoice, settings)) rows.push(bookingLine(booking));
  return `${rows.join("\r\n")}\r\n`;
}

/** DATEV's file name for a booking batch: EXTF_Buchungsstapel_20260401_20260430.csv */
export function datevBookingBatchFileName(settings: DatevExportSettings): string {
  return `EXTF_Buchungsstapel_${compactDate(settings.periodFrom)}_${compactDate(settings.periodTo)}.csv`;
}
