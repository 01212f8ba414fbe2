/**
 * Documents bench (issue 6): produces the XRechnung XML and the PDF of 1,000 synthetic invoices (1 to 8 lines
 * each, every tenth a cancellation) on one core and prints the time. Target: under 30 s. Figures are printed,
 * never asserted. Run: npx tsx bench/documentsBench.ts (BENCH_INVOICES=… to change the count).
 * Second part: the same invoices stored as issued rows in a fresh embedded store, read back through the
 * server's mapping (loadIssuedInvoiceDocuments: invoices, lines, organisations) and written as XML and PDF, as
 * GET /api/v1/invoices/:id/… and the period exports do. BENCH_SKIP_STORE=1 skips it.
 */
import { lineAmountCents } from "../src/documents/checkInvoiceDocument.ts";
import type { DocumentPayer, DocumentProvider, InvoiceDocument, InvoiceDocumentLine } from "../src/documents/invoiceDocument.ts";
import { createInvoicePdf } from "../src/documents/pdf/invoicePdf.ts";
import { createXrechnung } from "../src/documents/xrechnung/createXrechnung.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalogue } from "../src/catalogue/agreementCatalogue.ts";
import { documentSettingsFromEnvironment } from "../src/server/documents/documentSettings.ts";
import { loadIssuedInvoiceDocuments } from "../src/server/documents/loadInvoiceDocument.ts";
import { invoiceLines, invoices as invoiceTable, organisations } from "../src/store/schema/index.ts";
import { openStore } from "../src/store/store.ts";
import { eq } from "drizzle-orm";

const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000);

const provider: DocumentProvider = {
  id: "bench-provider",
  name: "Bench Teilhabe gGmbH",
  address: { street: "Lindenallee 12", postalCode: "04109", city: "Leipzig", countryCode: "DE" },
  contact: { name: "Erika Mustermann", phone: "+49 341 1234567", email: "abrechnung@bench-teilhabe.de" },
  taxNumber: "231/123/45678",
  iban: "DE75512108001245126199",
  bic: "SOBKDEBBXXX",
  electronicAddress: "rechnung@bench-teilhabe.de",
};

const payer: DocumentPayer = {
  id: "bench-payer",
  name: "Stadt Leipzig, Sozialamt",
  address: { street: "Prager Straße 21", postalCode: "04103", city: "Leipzig", countryCode: "DE" },
  leitwegId: "14713000-EGH01-38",
};

function buildInvoice(index: number): InvoiceDocument {
  const cancellation = index % 10 === 9;
  const sign = cancellation ? -1 : 1;
  const lines: InvoiceDocumentLine[] = Array.from({ length: 1 + (index % 8) }, (_, position) => {
    const hourly = position % 2 === 1;
    const quantity = hourly ? `${10 + (index % 20)}.25` : String(20 + ((index + position) % 11));
    const unitPriceCents = hourly ? 6221 : 15432;
    return {
      id: `${index}-${position + 1}`,
      label: hourly ? "Fachleistungsstunden ambulante Assistenz" : "Gesamtentgelt besondere Wohnform, Leistungstage",
      periodFrom: "2026-03-01",
      periodTo: "2026-03-31",
      quantity,
      unit: hourly ? "hour" : "day",
      unitPriceCents,
      amountCents: sign * lineAmountCents(quantity, unitPriceCents),
      agreementId: hourly ? "A0" : "A4",
      ruleId: hourly ? "A0-R05" : "A4-R07",
      clause: hourly ? "§ 2" : "§ 5.1",
      clientReference: `K-${String(index * 8 + position).padStart(5, "0")}`,
    };
  });
  return {
    number: `2026-${String(index + 1).padStart(6, "0")}`,
    kind: cancellation ? "cancellation" : "invoice",
    precedingInvoice: cancellation ? { number: `2026-${String(index).padStart(6, "0")}`, issueDate: "2026-04-02" } : undefined,
    issueDate: "2026-04-02",
    dueDate: cancellation ? undefined : "2026-05-02",
    paymentTerms: "Zahlbar innerhalb von 30 Tagen ohne Abzug.",
    periodFrom: "2026-03-01",
    periodTo: "2026-03-31",
    provider,
    payer,
    costCoverageFileReference: `50.2-${index}/2026`,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
  };
}

const invoices = Array.from({ length: INVOICES }, (_, index) => buildInvoice(index));
const lineCount = invoices.reduce((sum, invoice) => sum + invoice.lines.length, 0);

const started = performance.now();
let xmlBytes = 0;
for (const invoice of invoices) xmlBytes += Buffer.byteLength(createXrechnung(invoice));
const xmlDone = performance.now();
let pdfBytes = 0;
for (const invoice of invoices) pdfBytes += (await createInvoicePdf(invoice)).length;
const finished = performance.now();

const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(2);
console.log(`Dokumente für ${INVOICES} Rechnungen (${lineCount} Zeilen):`);
console.log(`  XRechnung (XML): ${seconds(xmlDone - started)} s, ${(xmlBytes / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  PDF:             ${seconds(finished - xmlDone)} s, ${(pdfBytes / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  zusammen:        ${seconds(finished - started)} s (Ziel: unter 30 s)`);

async function benchFromStore(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "teilhabe-documents-bench-"));
  const store = await openStore({ dataDir: folder });
  try {
    const organisationId = provider.id;
    await store.db.insert(organisations).values([
      { id: provider.id, kind: "provider", name: provider.name, address: provider.address, contact: provider.contact, taxNumber: provider.taxNumber, iban: provider.iban, bic: provider.bic },
      { id: payer.id, kind: "payer", name: payer.name, address: payer.address, leitwegId: payer.leitwegId },
    ]);
    const ids = invoices.map((_, index) => `bench-${String(index + 1).padStart(6, "0")}`);
    const rows = invoices.map((invoice, index) => ({
      organisationId,
      id: ids[index]!,
      payerId: payer.id,
      month: "2026-03",
      kind: invoice.kind,
      state: "draft" as const,
      number: invoice.number,
      year: 2026,
      sequence: index + 1,
      issueDate: invoice.issueDate,
      periodFrom: invoice.periodFrom,
      periodTo: invoice.periodTo,
      totalCents: invoice.totalCents,
      cancelsInvoiceId: invoice.kind === "cancellation" ? ids[index - 1]! : null,
    }));
    const lines = invoices.flatMap((invoice, index) =>
      invoice.lines.map((line, position) => ({
        organisationId,
        invoiceId: ids[index]!,
        position: position + 1,
        lineKey: line.id,
        caseId: `F-${line.clientReference}`,
        clientId: line.clientReference,
        agreementId: line.agreementId,
        label: line.label,
        periodFrom: line.periodFrom,
        periodTo: line.periodTo,
        quantity: invoice.kind === "cancellation" ? `-${line.quantity}` : line.quantity,
        unit: line.unit === "day" ? "serviceDay" : "hour",
        unitPrice: (line.unitPriceCents / 100).toFixed(2),
        amountCents: line.amountCents,
        rateId: line.unit,
        ruleId: line.ruleId,
        source: { file: "bench.txt", clause: line.clause, quote: "Bench" },
        costCoverageFileReference: invoice.costCoverageFileReference ?? null,
      })),
    );
    for (let start = 0; start < rows.length; start += 500) await store.db.insert(invoiceTable).values(rows.slice(start, start + 500));
    for (let start = 0; start < lines.length; start += 1_000) await store.db.insert(invoiceLines).values(lines.slice(start, start + 1_000));
    // Lines go in while the invoices are drafts (issued invoices and their lines are immutable), then all are issued.
    await store.db.update(invoiceTable).set({ state: "issued" }).where(eq(invoiceTable.organisationId, organisationId));

    const source = { catalogue: loadCatalogue(), organisationId, settings: documentSettingsFromEnvironment({}) };
    const begin = performance.now();
    const documents = await store.transaction((tx) => loadIssuedInvoiceDocuments(tx, source, "2026-04-01", "2026-04-30"));
    const loaded = performance.now();
    for (const document of documents) createXrechnung(document);
    const xml = performance.now();
    for (const document of documents) await createInvoicePdf(document);
    const end = performance.now();
    console.log(`Aus dem Datenbestand (eingebettet, ${documents.length} ausgestellte Rechnungen):`);
    console.log(`  lesen und abbilden: ${seconds(loaded - begin)} s`);
    console.log(`  XRechnung (XML):    ${seconds(xml - loaded)} s`);
    console.log(`  PDF:                ${seconds(end - xml)} s`);
    console.log(`  zusammen:           ${seconds(end - begin)} s (Ziel: unter 30 s)`);
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.env.BENCH_SKIP_STORE !== "1")
  await benchFromStore().catch((error: unknown) => {
    console.error(`Dokumente aus dem Datenbestand: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message.slice(0, 300)) : String(error)}`);
    process.exitCode = 1;
  });
