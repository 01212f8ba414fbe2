import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DocumentInputError } from "../documentInputError.ts";
import { SAMPLE_PAYER, sampleCancellation, sampleDailyInvoice, sampleHourlyInvoice } from "../documentsTestSupport.ts";
import type { InvoiceDocument } from "../invoiceDocument.ts";
import { DATEV_BOOKING_COLUMNS } from "./datevColumns.ts";
import { createDatevBookingBatch, datevBookingBatchFileName, type DatevExportSettings } from "./datevBookingBatch.ts";
import { createInvoiceCsv, INVOICE_CSV_COLUMNS } from "./invoiceCsv.ts";
import { decodeWindows1252, encodeWindows1252 } from "./windows1252.ts";

const OTHER_PAYER = { ...SAMPLE_PAYER, id: "payer-nordsachsen", name: "Landkreis Nordsachsen, Sozialamt", leitwegId: "14730000-SOZ-12" };

const SETTINGS: DatevExportSettings = {
  consultantNumber: 29098,
  accountingClientNumber: 55003,
  fiscalYearStart: "2026-01-01",
  accountLength: 4,
  chartOfAccounts: "03",
  periodFrom: "2026-04-01",
  periodTo: "2026-04-30",
  createdAt: "2026-05-04T09:15:30.250Z",
  debitorAccounts: { [SAMPLE_PAYER.id]: "10001", [OTHER_PAYER.id]: "10002" },
  revenueAccount: "8100",
  revenueAccountsByAgreement: { "A0-beispiel-leipzig": "8120" },
  initials: "TH",
};

function invoicesOfApril(): InvoiceDocument[] {
  return [sampleDailyInvoice(), { ...sampleHourlyInvoice(), payer: OTHER_PAYER }, sampleCancellation()];
}

function parseBatch(bytes: Buffer): string[][] {
  const text = decodeWindows1252(bytes);
  return parse(text, { delimiter: ";", relax_column_count: true, record_delimiter: "\r\n" }) as string[][];
}

describe("DATEV Buchungsstapel (EXTF)", () => {
  const file = encodeWindows1252(createDatevBookingBatch(invoicesOfApril(), SETTINGS));
  const [header, columns, ...rows] = parseBatch(file);
  const column = (row: string[], name: string) => row[DATEV_BOOKING_COLUMNS.indexOf(name)];

  it("writes the EXTF header of format category 21, version 13, with consultant, client, fiscal year and period", () => {
    expect(header).toHaveLength(31);
    expect(header!.slice(0, 6)).toEqual(["EXTF", "700", "21", "Buchungsstapel", "13", "20260504091530250"]);
    expect(header!.slice(10, 18)).toEqual(["29098", "55003", "20260101", "4", "20260401", "20260430", "Rechnungen 2026-04", "TH"]);
    expect([header![18], header![20], header![21], header![26]]).toEqual(["1", "0", "EUR", "03"]);
    expect(columns).toEqual([...DATEV_BOOKING_COLUMNS]);
    expect(columns).toHaveLength(125);
    expect(datevBookingBatchFileName(SETTINGS)).toBe("EXTF_Buchungsstapel_20260401_20260430.csv");
  });

  it("books each invoice on the payer's debitor account against the revenue account, with comma amounts", () => {
    expect(rows.every((row) => row.length === 125)).toBe(true);
    expect(
      rows.map((row) => [
        column(row, "Umsatz (ohne Soll/Haben-Kz)"),
        column(row, "Soll/Haben-Kennzeichen"),
        column(row, "Konto"),
        column(row, "Gegenkonto (ohne BU-Schlüssel)"),
        column(row, "BU-Schlüssel"),
        column(row, "Belegdatum"),
        column(row, "Belegfeld 1"),
        column(row, "Leistungsdatum"),
        column(row, "Fälligkeit"),
      ]),
    ).toEqual([
      ["4668,18", "S", "10001", "8100", "", "0204", "2026-000017", "31032026", "02052026"],
      ["2227,63", "S", "10002", "8120", "", "0204", "2026-000018", "31032026", ""],
      ["4668,18", "H", "10001", "8100", "", "1004", "2026-000021", "31032026", ""],
    ]);
    expect(column(rows[0]!, "Buchungstext")).toBe("Rechnung 2026-000017 Stadt Leipzig, Sozialamt – Eingliederun");
    expect(column(rows[2]!, "Buchungstext")).toBe("Storno 2026-000021 zu 2026-000017 Stadt Leipzig, Sozialamt –");
  });

  it("encodes Windows-1252: umlauts and the en dash are single bytes", () => {
    expect(file.includes(Buffer.from([0x96]))).toBe(true);
    expect(file.includes(Buffer.from("Schlüssel", "latin1"))).toBe(true);
    expect(() => encodeWindows1252("Rechnung ✓")).toThrow("Zeichen „✓“ an Stelle 10 ist in Windows-1252 nicht darstellbar.");
  });

  it("splits an invoice over two revenue accounts into two bookings with the same Belegfeld 1", () => {
    const invoice = sampleHourlyInvoice();
    invoice.lines[1] = { ...invoice.lines[1]!, agreementId: "A3" };
    const [, , ...split] = parseBatch(encodeWindows1252(createDatevBookingBatch([invoice], SETTINGS)));
    expect(split.map((row) => [column(row, "Umsatz (ohne Soll/Haben-Kz)"), column(row, "Gegenkonto (ohne BU-Schlüssel)"), column(row, "Belegfeld 1")])).toEqual([
      ["1446,38", "8120", "2026-000018"],
      ["781,25", "8100", "2026-000018"],
    ]);
  });

  it("refuses a payer without debitor account and an invoice outside the batch period", () => {
    const outside = { ...sampleDailyInvoice(), issueDate: "2026-03-31" };
    let issues: DocumentInputError["issues"] = [];
    try {
      createDatevBookingBatch([outside, { ...sampleHourlyInvoice(), payer: { ...OTHER_PAYER, id: "payer-unknown" } }], SETTINGS);
    } catch (error) {
      issues = (error as DocumentInputError).issues;
    }
    expect(issues.map((issue) => [issue.path, issue.value, issue.rule])).toEqual([
      ["invoices[0].issueDate", "2026-03-31", "DATEV-08"],
      ["settings.debitorAccounts.payer-unknown", undefined, "DATEV-07"],
    ]);
    expect(issues[1]!.message).toBe("Für den Leistungsträger „Landkreis Nordsachsen, Sozialamt“ ist kein Debitorenkonto eingestellt.");
  });
});

describe("invoice CSV", () => {
  it("round-trips one row per line with German amounts that add up to each invoice total", () => {
    const csv = createInvoiceCsv(invoicesOfApril());
    const records = parse(csv, { delimiter: ";", bom: true, columns: true }) as Record<(typeof INVOICE_CSV_COLUMNS)[number], string>[];
    expect(records).toHaveLength(6);
    expect(records.map((record) => [record.Rechnungsnummer, record.Art, record["Betrag (EUR)"], record["Rechnungsbetrag (EUR)"], record.Regel, record.Fundstelle])).toEqual([
      ["2026-000017", "Rechnung", "4320,96", "4668,18", "A4-R07", "§ 5.1"],
      ["2026-000017", "Rechnung", "347,22", "4668,18", "A4-R09", "§ 5.3"],
      ["2026-000018", "Rechnung", "1446,38", "2227,63", "A0-R05", "§ 2 Abs. 1"],
      ["2026-000018", "Rechnung", "781,25", "2227,63", "A0-R05", "§ 2 Abs. 1"],
      ["2026-000021", "Stornorechnung", "-4320,96", "-4668,18", "A4-R07", "§ 5.1"],
      ["2026-000021", "Stornorechnung", "-347,22", "-4668,18", "A4-R09", "§ 5.3"],
    ]);
    const cents = (text: string) => Number(text.replace(",", ""));
    for (const number of ["2026-000017", "2026-000018", "2026-000021"]) {
      const lines = records.filter((record) => record.Rechnungsnummer === number);
      expect(lines.reduce((sum, record) => sum + cents(record["Betrag (EUR)"]), 0)).toBe(cents(lines[0]!["Rechnungsbetrag (EUR)"]));
    }
    expect(records[1]!.Optionen).toBe("D04-A");
    expect(records[2]!.Menge).toBe("23,25");
    expect(records[2]!["Aktenzeichen Kostenzusage"]).toBe("50.2-0042/2026");
    expect(records[4]!["Bezug auf Rechnung"]).toBe("2026-000017");
    expect(records[4]!.Menge).toBe("-28");
    expect(records[2]!["Leitweg-ID"]).toBe("14730000-SOZ-12");
  });
});
