/**
 * `teilhabe invoice export ID --format xrechnung|pdf|datev|csv [--out FILE]`: one issued invoice or
 * cancellation from the store (embedded data folder or DATABASE_URL) of the organisation of `--organisation`,
 * `TEILHABE_ORGANISATION` or the demo provider, as XRechnung (UBL), PDF, DATEV Buchungsstapel (the invoice's
 * bookings; accounts by option or the TEILHABE_DATEV_* settings) or CSV. ID is the invoice id or its number.
 * Without --out the document goes to standard output. A draft or missing master data: exit code 3 and the
 * German message naming every missing field.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { eq, and, or } from "drizzle-orm";
import { createDatevBookingBatch, datevBookingBatchFileName, type DatevExportSettings } from "../../documents/datev/datevBookingBatch.ts";
import { createInvoiceCsv } from "../../documents/datev/invoiceCsv.ts";
import { encodeWindows1252 } from "../../documents/datev/windows1252.ts";
import { DocumentInputError } from "../../documents/documentInputError.ts";
import { createInvoicePdf } from "../../documents/pdf/invoicePdf.ts";
import { createXrechnung } from "../../documents/xrechnung/createXrechnung.ts";
import { documentSettingsFromEnvironment, parseAccountList } from "../../server/documents/documentSettings.ts";
import { loadInvoiceDocument, missingDocumentData } from "../../server/documents/loadInvoiceDocument.ts";
import { notFound, ProblemError, type InvalidField } from "../../server/problem.ts";
import { invoices } from "../../store/schema/index.ts";
import { openStore, storeOptionsFromEnvironment } from "../../store/store.ts";
import { UsageError } from "../inputFileError.ts";
import { loadCatalogueOrFail } from "../loadCase.ts";
import { resolveOrganisation } from "./billRunCommand.ts";

export const INVOICE_EXPORT_FORMATS = ["xrechnung", "pdf", "datev", "csv"] as const;
export type InvoiceExportFormat = (typeof INVOICE_EXPORT_FORMATS)[number];

export interface InvoiceExportOptions {
  invoice: string;
  format: InvoiceExportFormat;
  organisation?: string;
  /** ISO timestamp written as "Erzeugt am" of a DATEV file. */
  now: string;
  consultantNumber?: string;
  accountingClientNumber?: string;
  revenueAccount?: string;
  debitorAccounts?: string;
}

export interface ExportedFile {
  fileName: string;
  body: Buffer;
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name}: „${text}“ ist keine ganze Zahl`);
  return Number(text);
}

function datevSettingsOf(options: InvoiceExportOptions, issueDate: string): DatevExportSettings {
  const defaults = documentSettingsFromEnvironment().datev;
  const consultantNumber = numberOption("--consultant-number", options.consultantNumber) ?? defaults.consultantNumber;
  const accountingClientNumber = numberOption("--client-number", options.accountingClientNumber) ?? defaults.accountingClientNumber;
  const revenueAccount = options.revenueAccount ?? defaults.revenueAccount;
  const debitorAccounts = parseAccountList(options.debitorAccounts);
  if (debitorAccounts === undefined) throw new UsageError(`--debitor-accounts: erwartet „Träger:Konto,…“, erhalten „${options.debitorAccounts}“`);
  const missing: InvalidField[] = [];
  if (consultantNumber === undefined) missing.push({ path: "--consultant-number", message: "Beraternummer fehlt (oder TEILHABE_DATEV_CONSULTANT_NUMBER)" });
  if (accountingClientNumber === undefined) missing.push({ path: "--client-number", message: "Mandantennummer fehlt (oder TEILHABE_DATEV_CLIENT_NUMBER)" });
  if (revenueAccount === undefined) missing.push({ path: "--revenue-account", message: "Erlöskonto fehlt (oder TEILHABE_DATEV_REVENUE_ACCOUNT)" });
  if (missing.length > 0) throw missingDocumentData("DATEV-Buchungsstapel", missing);
  const accounts = { ...defaults.debitorAccounts, ...debitorAccounts };
  return {
    consultantNumber: consultantNumber!,
    accountingClientNumber: accountingClientNumber!,
    fiscalYearStart: `${issueDate.slice(0, 4)}-01-01`,
    accountLength: defaults.accountLength,
    chartOfAccounts: defaults.chartOfAccounts,
    periodFrom: issueDate,
    periodTo: issueDate,
    createdAt: options.now,
    debitorAccounts: accounts,
    revenueAccount: revenueAccount!,
  };
}

/** The document of one issued invoice as bytes with its file name; throws ProblemError or DocumentInputError. */
export async function runInvoiceExport(options: InvoiceExportOptions): Promise<ExportedFile> {
  const catalogue = loadCatalogueOrFail();
  const organisationId = resolveOrganisation(options.organisation);
  const store = await openStore(storeOptionsFromEnvironment());
  try {
    const document = await store.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.organisationId, organisationId), or(eq(invoices.id, options.invoice), eq(invoices.number, options.invoice))))
        .limit(1);
      if (!row) throw notFound("Rechnung", options.invoice);
      return loadInvoiceDocument(tx, { catalogue, organisationId, settings: documentSettingsFromEnvironment() }, row.id);
    });
    const base = `${document.kind === "cancellation" ? "Stornorechnung" : "Rechnung"}_${document.number.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
    switch (options.format) {
      case "xrechnung":
        return { fileName: `XRechnung_${document.number}.xml`, body: Buffer.from(createXrechnung(document), "utf8") };
      case "pdf":
        return { fileName: `${base}.pdf`, body: await createInvoicePdf(document) };
      case "csv":
        return { fileName: `${base}.csv`, body: Buffer.from(createInvoiceCsv([document]), "utf8") };
      case "datev": {
        const settings = datevSettingsOf(options, document.issueDate);
        return { fileName: datevBookingBatchFileName(settings), body: encodeWindows1252(createDatevBookingBatch([document], settings)) };
      }
    }
  } finally {
    await store.close();
  }
}

/** Registers `invoice export` on the program (called from registerCommands.ts). */
export function registerInvoiceCommand(program: Command, write: (text: string) => void): void {
  const invoice = program.command("invoice").description("Rechnungsdokumente aus dem Datenbestand");
  invoice
    .command("export <id>")
    .description("eine ausgestellte Rechnung als XRechnung (UBL), PDF, DATEV-Buchungsstapel oder CSV ausgeben (ID oder Rechnungsnummer)")
    .requiredOption("--format <format>", `Format: ${INVOICE_EXPORT_FORMATS.join(", ")}`)
    .option("--out <file>", "in diese Datei schreiben (Standard: Standardausgabe)")
    .option("--organisation <id>", "Träger (Standard: TEILHABE_ORGANISATION oder demo-traeger)")
    .option("--consultant-number <n>", "DATEV: Beraternummer (sonst TEILHABE_DATEV_CONSULTANT_NUMBER)")
    .option("--client-number <n>", "DATEV: Mandantennummer (sonst TEILHABE_DATEV_CLIENT_NUMBER)")
    .option("--revenue-account <konto>", "DATEV: Erlöskonto (sonst TEILHABE_DATEV_REVENUE_ACCOUNT)")
    .option("--debitor-accounts <liste>", "DATEV: Debitorenkonten „HB-EGH:10001,KSV-SN:10002“ (ergänzt TEILHABE_DATEV_DEBITOR_ACCOUNTS)")
    .action(async (id: string, options: { format: string; out?: string; organisation?: string; consultantNumber?: string; clientNumber?: string; revenueAccount?: string; debitorAccounts?: string }) => {
      if (!(INVOICE_EXPORT_FORMATS as readonly string[]).includes(options.format))
        throw new UsageError(`--format: „${options.format}“ ist unbekannt (erlaubt: ${INVOICE_EXPORT_FORMATS.join(", ")})`);
      try {
        const file = await runInvoiceExport({
          invoice: id,
          format: options.format as InvoiceExportFormat,
          organisation: options.organisation,
          now: new Date().toISOString(),
          consultantNumber: options.consultantNumber,
          accountingClientNumber: options.clientNumber,
          revenueAccount: options.revenueAccount,
          debitorAccounts: options.debitorAccounts,
        });
        if (options.out) {
          writeFileSync(options.out, file.body);
          write(`${file.fileName} geschrieben nach ${options.out} (${file.body.length} Bytes)\n`);
        } else if (options.format === "pdf" || options.format === "datev") process.stdout.write(file.body);
        else write(file.body.toString("utf8"));
      } catch (error) {
        if (error instanceof ProblemError) {
          process.stderr.write(`${error.message}\n`);
          process.exitCode = error.status === 409 ? 3 : 1;
        } else if (error instanceof DocumentInputError) {
          process.stderr.write(`${error.message}\n`);
          process.exitCode = 3;
        } else throw error;
      }
    });
}
