/**
 * Billing runs through real HTTP: exact totals of a month for the example cases, idempotent re-runs, gapless
 * invoice numbers across runs and a correction, the supplementary difference for an issued month, refusals
 * (400/404/409), immutability of issued invoices, and two simultaneous runs (one 201, one 409).
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseFileSchema } from "../../domain/case/caseFileSchema.ts";
import { importCaseFile } from "../../store/importCaseFile.ts";
import { agreementInstances, billingHolds, billingRuns, costCoverages, invoiceLines, invoiceNumberCounters, invoices, serviceEntries } from "../../store/schema/index.ts";
import { STORE_ENGINE } from "../../store/storeTestSupport.ts";
import { lockBillingMonth } from "../billing/billingMonthLock.ts";
import { issueBillingRun } from "../billing/issueInvoices.ts";
import { readExampleCaseFiles, seedBillingExamples } from "../billing/seedBillingExamples.ts";
import { startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.store.db;
  await seedBillingExamples(db, TENANT_A);
  await seedBillingExamples(db, TENANT_B);
  // A case without a payer, and a case whose agreement the catalogue does not know.
  const a0 = readExampleCaseFiles().find((example) => example.name.startsWith("a0-"))!.caseFile;
  const { payer: _payer, ...withoutPayer } = a0.case;
  await importCaseFile(db, caseFileSchema.parse({ ...a0, client: { ...a0.client, id: "K-OHNE-TRAEGER" }, case: { ...withoutPayer, id: "F-OHNE-TRAEGER" } }), {
    organisationId: TENANT_A,
    agreementInstanceId: "inst-A0-beispiel-leipzig",
  });
  await db.insert(agreementInstances).values({ organisationId: TENANT_A, id: "inst-unbekannt", agreementId: "A9-unbekannt" });
  await importCaseFile(db, caseFileSchema.parse({ ...a0, client: { ...a0.client, id: "K-UNBEKANNT" }, case: { ...a0.case, id: "F-UNBEKANNT" } }), {
    organisationId: TENANT_A,
    agreementInstanceId: "inst-unbekannt",
  });
}, 60_000);
afterAll(async () => server?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** ISO 8601 in UTC with milliseconds, as every timestamp of the API is given. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The test server's clock (context.now). */
const NOW = "2026-04-15T10:00:00.000Z";
const PROVIDER_A = { id: TENANT_A, name: "Träger A gGmbH", address: { street: "Musterweg 1", postalCode: "28195", city: "Bremen", countryCode: "DE" } };
const PROVIDER_B = { id: TENANT_B, name: "Träger B e. V.", address: { street: "Beispielstr. 2", postalCode: "30159", city: "Hannover", countryCode: "DE" } };
const asPayer = (organisation: string) => ({ organisation, headers: { "x-teilhabe-role": "payerCaseworker", "x-teilhabe-user": "sachbearbeitung" } });

const invoiceOf = (run: Json, payerId: string) => run.invoices.find((invoice: Json) => invoice.payerId === payerId && invoice.kind === "invoice" && invoice.state === "draft");

async function tableCounts() {
  const db = server.store.db;
  const count = async (table: typeof invoices | typeof invoiceLines | typeof billingHolds | typeof billingRuns) => (await db.select().from(table).where(eq(table.organisationId, TENANT_A))).length;
  return { runs: await count(billingRuns), invoices: await count(invoices), lines: await count(invoiceLines), holds: await count(billingHolds) };
}

describe("billing run March 2026 for the example cases", () => {
  let run: Json;

  it("creates one draft per payer with the exact totals, and holds naming what is missing", async () => {
    const answer = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(answer.status).toBe(201);
    run = answer.body;
    expect(run).toMatchObject({ month: "2026-03", state: "draft", caseCount: 7, replaced: false, computedAt: NOW, issuedAt: null });
    // Timestamps as ISO 8601, not the store's text ("2026-04-15 10:00:00+00").
    expect(run.createdAt).toMatch(ISO_TIMESTAMP);
    const [stored] = await server.store.db.select().from(billingRuns).where(and(eq(billingRuns.organisationId, TENANT_A), eq(billingRuns.id, run.id)));
    expect(run.createdAt).toBe(new Date(stored!.createdAt).toISOString());
    expect(run.invoices.map((invoice: Json) => invoice.createdAt)).toEqual([run.createdAt, run.createdAt]);
    // HB-EGH: A4 44.347,33 € (README) + A2 360,00 €; KSV-SN: A0 20 h × 100,00 € = 2.000,00 €.
    expect(run.invoices.map((invoice: Json) => [invoice.payerId, invoice.total, invoice.lineCount, invoice.supplementary, invoice.number])).toEqual([
      ["HB-EGH", "44707.33", 8, false, null],
      ["KSV-SN", "2000.00", 1, false, null],
    ]);
    expect(run.totals).toMatchObject({ invoiceCount: 2, totalCents: 4670733, total: "46707.33" });

    const hb = (await server.api("GET", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}`)).body;
    const a4 = hb.lines.filter((line: Json) => line.caseId === "F-A4-002");
    expect(a4.reduce((sum: number, line: Json) => sum + line.amountCents, 0)).toBe(4434733);
    expect(hb.lines.reduce((sum: number, line: Json) => sum + line.amountCents, 0)).toBe(hb.totalCents);
    const hospital = a4.find((line: Json) => line.ruleId === "A4-R08");
    expect(hospital).toMatchObject({ quantity: "19", unitPrice: "1446.38", amountCents: 2748122, amount: "27481.22", source: { clause: "§ 5.2" }, costCoverageFileReference: "AfSD 421-0921/2026 (Beispiel)" });
    expect(hospital.source.file).toMatch(/\.txt$/);
    expect(hospital.policies).toContainEqual({ decision: "D01", option: "A", origin: "default" });
    expect(hospital.evidence.dates).toHaveLength(19);

    expect(run.holds).toBeUndefined();
    const details = (await server.api("GET", `/api/v1/billing-runs/${run.id}`)).body;
    expect(details.holds).toHaveLength(run.totals.holdCount);
    const holds = details.holds.map((hold: Json) => [hold.caseId, hold.code, hold.amount]);
    expect(holds).toEqual(
      expect.arrayContaining([
        ["F-A0-001", "volumeExceeded", "250.00"],
        ["F-A0-001", "attributionMissing", null],
        ["F-A1-001", "remunerationMissing", null],
        ["F-A3-001", "remunerationMissing", null],
        ["F-A4-002", "inputMissing", null],
        ["F-OHNE-TRAEGER", "payerMissing", "2000.00"],
        ["F-UNBEKANNT", "agreementUnknown", null],
      ]),
    );
    // Each hold names the provider's agreement instance, from its case.
    expect(details.holds.map((hold: Json) => [hold.caseId, hold.code, hold.agreementId, hold.agreementInstanceId])).toEqual(
      expect.arrayContaining([
        ["F-A0-001", "volumeExceeded", "A0-beispiel-leipzig", "inst-A0-beispiel-leipzig"],
        ["F-A1-001", "remunerationMissing", "A1-beispiel", "inst-A1-beispiel"],
        ["F-A4-002", "inputMissing", "A4", "inst-A4"],
        ["F-OHNE-TRAEGER", "payerMissing", "A0-beispiel-leipzig", "inst-A0-beispiel-leipzig"],
        ["F-UNBEKANNT", "agreementUnknown", "A9-unbekannt", "inst-unbekannt"],
      ]),
    );
    expect(details.holds.every((hold: Json) => typeof hold.agreementInstanceId === "string")).toBe(true);
    const unknown = details.holds.find((hold: Json) => hold.code === "agreementUnknown");
    expect(unknown.message).toContain("A9-unbekannt");
    expect(unknown).toMatchObject({ ruleId: "RUN-R1", payerId: "KSV-SN" });
    const noPayer = details.holds.find((hold: Json) => hold.code === "payerMissing");
    expect(noPayer).toMatchObject({ payerId: null, ruleId: "RUN-R2", release: "den Leistungsträger im Fall erfassen (payerId)" });
    expect(details.holds.find((hold: Json) => hold.inputId === "P-A4-09")).toMatchObject({ ruleId: "A4-R13", source: { clause: "§ 5.8" } });
  });

  it("re-running the draft month replaces it: same run, same invoices, same lines and holds, same row counts", async () => {
    const before = await tableCounts();
    const firstDetails = (await server.api("GET", `/api/v1/billing-runs/${run.id}`)).body;
    const firstInvoice = (await server.api("GET", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}`)).body;
    const again = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(again.status).toBe(201);
    expect(again.body.replaced).toBe(true);
    const strip = (view: Json) => ({ ...view, replaced: undefined, computedAt: undefined, invoices: view.invoices.map((invoice: Json) => ({ ...invoice, createdAt: undefined })) });
    expect(strip(again.body)).toEqual(strip(run));
    const secondInvoice = (await server.api("GET", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}`)).body;
    expect({ ...secondInvoice, createdAt: undefined }).toEqual({ ...firstInvoice, createdAt: undefined });
    const secondDetails = (await server.api("GET", `/api/v1/billing-runs/${run.id}`)).body;
    expect(strip(secondDetails).holds).toEqual(strip(firstDetails).holds);
    expect(secondDetails.holds.length).toBeGreaterThan(5);
    expect(await tableCounts()).toEqual(before);
  });

  it("lists runs, invoices and holds with their filters; other tenants see none of them (404)", async () => {
    const details = (await server.api("GET", `/api/v1/billing-runs/${run.id}`)).body;
    const heldCents = details.holds.reduce((sum: number, hold: Json) => sum + (hold.amountCents ?? 0), 0);
    expect([details.totals, heldCents]).toEqual([{ invoiceCount: 2, totalCents: 4670733, total: "46707.33", holdCount: 10, heldCents: 250000, held: "2500.00" }, 250000]);
    // The list gives each run with the same totals as the run itself.
    expect((await server.api("GET", "/api/v1/billing-runs?month=2026-03&state=draft")).body).toEqual({
      items: [{ id: run.id, month: "2026-03", state: "draft", computedAt: NOW, issuedAt: null, caseCount: 7, createdAt: run.createdAt, totals: details.totals }],
      nextCursor: null,
    });
    expect((await server.api("GET", "/api/v1/billing-runs?state=issued")).body.items).toEqual([]);
    const byClient = (await server.api("GET", "/api/v1/invoices?clientId=K-A0-001")).body.items;
    expect(byClient.map((item: Json) => [item.payerId, item.provider])).toEqual([["KSV-SN", PROVIDER_A]]);
    expect((await server.api("GET", "/api/v1/invoices?payerId=HB-EGH&month=2026-03&kind=invoice&state=draft")).body.items).toHaveLength(1);
    // The hourly line names each entry behind its 20 hours with date and documented minutes (9 entries, 1,200 minutes).
    const ksv = (await server.api("GET", `/api/v1/invoices/${invoiceOf(run, "KSV-SN").id}`)).body;
    expect(ksv.provider).toEqual(PROVIDER_A);
    const hourly = ksv.lines[0];
    expect([hourly.quantity, hourly.unit]).toEqual(["20", "hour"]);
    expect(hourly.evidence.entries).toEqual([
      { id: "F-A0-001/A0-2603-01", date: "2026-03-03", minutes: 150 },
      { id: "F-A0-001/A0-2603-03", date: "2026-03-05", minutes: 120 },
      { id: "F-A0-001/A0-2603-04", date: "2026-03-10", minutes: 120 },
      { id: "F-A0-001/A0-2603-05", date: "2026-03-12", minutes: 150 },
      { id: "F-A0-001/A0-2603-07", date: "2026-03-17", minutes: 120 },
      { id: "F-A0-001/A0-2603-09", date: "2026-03-19", minutes: 150 },
      { id: "F-A0-001/A0-2603-11", date: "2026-03-24", minutes: 120 },
      { id: "F-A0-001/A0-2603-13", date: "2026-03-26", minutes: 120 },
      { id: "F-A0-001/A0-2603-14", date: "2026-03-30", minutes: 150 },
    ]);
    expect(hourly.evidence.entryIds).toEqual(hourly.evidence.entries.map((entry: Json) => entry.id));
    const volume = (await server.api("GET", `/api/v1/billing-holds?runId=${run.id}&code=volumeExceeded`)).body.items;
    expect(volume.map((hold: Json) => [hold.caseId, hold.quantity, hold.amountCents]).sort()).toEqual([
      ["F-A0-001", "2.5", 25000],
      ["F-OHNE-TRAEGER", "2.5", 25000],
    ]);
    expect((await server.api("GET", "/api/v1/billing-holds?caseId=F-A1-001")).body.items.map((hold: Json) => [hold.inputId, hold.agreementInstanceId])).toEqual([["P-A1-09", "inst-A1-beispiel"]]);
    expect((await server.api("GET", `/api/v1/billing-runs/${run.id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", "/api/v1/billing-runs/unbekannt")).status).toBe(404);
    expect((await server.api("POST", "/api/v1/billing-runs/unbekannt/issue")).status).toBe(404);
    expect((await server.api("POST", "/api/v1/invoices/unbekannt/correction")).status).toBe(404);
  });

  it("refuses a bad month (400, naming body.month) and a correction of a draft (409)", async () => {
    const bad = await server.api("POST", "/api/v1/billing-runs", { month: "2026-13" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: Json) => error.path)).toEqual(["body.month"]);
    const draft = await server.api("POST", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}/correction`);
    expect(draft.status).toBe(409);
    expect(draft.body.detail).toContain("Entwurf");
  });

  it("issues the run: numbers 2026-000001 and -000002 in invoice order, issue date today; issuing again is 409", async () => {
    const issued = await server.api("POST", `/api/v1/billing-runs/${run.id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body.state).toBe("issued");
    expect(issued.body.issuedAt).toBe(NOW);
    expect((await server.api("GET", `/api/v1/billing-runs?state=issued`)).body.items.map((item: Json) => [item.id, item.computedAt, item.issuedAt, item.createdAt])).toEqual([
      [run.id, NOW, NOW, run.createdAt],
    ]);
    expect(issued.body.invoices.map((invoice: Json) => [invoice.payerId, invoice.number, invoice.issueDate, invoice.state])).toEqual([
      ["HB-EGH", "2026-000001", "2026-04-15", "issued"],
      ["KSV-SN", "2026-000002", "2026-04-15", "issued"],
    ]);
    expect((await server.api("POST", `/api/v1/billing-runs/${run.id}/issue`)).status).toBe(409);
    expect((await server.api("POST", `/api/v1/invoices/${invoiceOf(run, "HB-EGH").id}/issue`)).status).toBe(409);
  });

  it("the database refuses any change to an issued invoice or its lines (GoBD trigger)", async () => {
    const id = run.invoices[0].id;
    const db = server.store.db;
    await expect(db.update(invoices).set({ totalCents: 0 }).where(and(eq(invoices.organisationId, TENANT_A), eq(invoices.id, id)))).rejects.toThrow();
    await expect(db.delete(invoices).where(and(eq(invoices.organisationId, TENANT_A), eq(invoices.id, id)))).rejects.toThrow();
    await expect(db.update(invoiceLines).set({ amountCents: 1 }).where(and(eq(invoiceLines.organisationId, TENANT_A), eq(invoiceLines.invoiceId, id)))).rejects.toThrow();
    expect((await server.api("GET", `/api/v1/invoices/${id}`)).body.total).toBe("44707.33");
  });

  it("re-running the issued month without changes gives a run with no invoice", async () => {
    const answer = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(answer.status).toBe(201);
    expect(answer.body.id).not.toBe(run.id);
    expect(answer.body.invoices).toEqual([]);
    expect((await server.api("GET", `/api/v1/billing-holds?runId=${answer.body.id}&code=correctionRequired`)).body.items).toEqual([]);
  });

  let supplementary: Json;

  it("a released hold and a late entry after issue: only the difference, 4 h × 100,00 € = 400,00 €, as a supplementary invoice", async () => {
    const db = server.store.db;
    await db
      .update(costCoverages)
      .set({ approvedVolume: { hours: "30", per: "month" } })
      .where(and(eq(costCoverages.organisationId, TENANT_A), eq(costCoverages.caseId, "F-A0-001")));
    await db.insert(serviceEntries).values({ organisationId: TENANT_A, id: "F-A0-001/NACHTRAG-1", caseId: "F-A0-001", date: "2026-03-30", hours: "1.50", attribution: "SGB IX", staffId: "M-A0-1" });
    const answer = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(answer.status).toBe(201);
    expect(answer.body.invoices.map((invoice: Json) => [invoice.payerId, invoice.total, invoice.supplementary])).toEqual([["KSV-SN", "400.00", true]]);
    supplementary = (await server.api("GET", `/api/v1/invoices/${answer.body.invoices[0].id}`)).body;
    expect(supplementary.lines.map((line: Json) => [line.caseId, line.quantity, line.unitPrice, line.amount, line.ruleId])).toEqual([["F-A0-001", "4", "100.00", "400.00", "A0-R06"]]);
    expect(supplementary.lines[0].evidence.billedBefore).toEqual({ invoiceNumbers: ["2026-000002"], amountCents: 200000, quantity: "20" });
    // The month's 11 entries behind the 24 hours (of which 20 billed before): the late entry recorded in hours (1.50 h)
    // and the entry of 31 March no longer over the volume, each with its date and documented minutes.
    const entries = supplementary.lines[0].evidence.entries;
    expect([entries.length, entries.reduce((sum: number, entry: Json) => sum + entry.minutes, 0)]).toEqual([11, 1440]);
    expect(entries.slice(-3)).toEqual([
      { id: "F-A0-001/NACHTRAG-1", date: "2026-03-30", minutes: 90 },
      { id: "F-A0-001/A0-2603-14", date: "2026-03-30", minutes: 150 },
      { id: "F-A0-001/A0-2603-15", date: "2026-03-31", minutes: 150 },
    ]);
    const issued = await server.api("POST", `/api/v1/invoices/${supplementary.id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body.number).toBe("2026-000003");
    expect((await server.api("GET", `/api/v1/billing-runs/${answer.body.id}`)).body.state).toBe("issued");
  });

  it("an entry removed after issue is not invented as a negative line: a hold „Korrektur erforderlich“ names the invoices", async () => {
    await server.store.db.delete(serviceEntries).where(and(eq(serviceEntries.organisationId, TENANT_A), eq(serviceEntries.id, "F-A0-001/NACHTRAG-1")));
    const answer = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(answer.body.invoices).toEqual([]);
    const correction = (await server.api("GET", `/api/v1/billing-runs/${answer.body.id}`)).body.holds.filter((hold: Json) => hold.code === "correctionRequired");
    expect(correction).toHaveLength(1);
    expect(correction[0]).toMatchObject({ caseId: "F-A0-001", payerId: "KSV-SN", amountCents: 15000, quantity: "1.5", ruleId: "RUN-R3" });
    expect(correction[0].message).toContain("Korrektur erforderlich: Rechnung 2026-000002, 2026-000003");
    expect(correction[0].release).toContain("korrigieren");
    // The issued invoice still names the removed entry; its date and minutes are no longer recorded.
    expect((await server.api("GET", `/api/v1/invoices/${supplementary.id}`)).body.lines[0].evidence.entries.slice(-3)).toEqual([
      { id: "F-A0-001/NACHTRAG-1", date: null, minutes: null },
      { id: "F-A0-001/A0-2603-14", date: "2026-03-30", minutes: 150 },
      { id: "F-A0-001/A0-2603-15", date: "2026-03-31", minutes: 150 },
    ]);
  });

  it("a correction: cancellation issued at once with the next number and negated lines, plus a new draft linked to the original", async () => {
    const original = run.invoices[0];
    const answer = await server.api("POST", `/api/v1/invoices/${original.id}/correction`);
    expect(answer.status).toBe(201);
    const { cancellation, replacement } = answer.body;
    expect(cancellation).toMatchObject({ kind: "cancellation", state: "issued", number: "2026-000004", cancelsInvoiceId: original.id, total: "-44707.33", payerId: "HB-EGH" });
    expect(cancellation.lines.map((line: Json) => line.amountCents)).toEqual((await server.api("GET", `/api/v1/invoices/${original.id}`)).body.lines.map((line: Json) => -line.amountCents));
    expect(cancellation.lines.find((line: Json) => line.ruleId === "A4-R08").quantity).toBe("-19");
    expect(replacement).toMatchObject({ kind: "invoice", state: "draft", correctsInvoiceId: original.id, total: "44707.33", payerId: "HB-EGH", supplementary: false });
    expect((await server.api("POST", `/api/v1/invoices/${original.id}/correction`)).status).toBe(409);
    expect((await server.api("POST", `/api/v1/invoices/${cancellation.id}/correction`)).status).toBe(409);
    // Re-running keeps the link of the replacement draft.
    const rerun = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" });
    expect(rerun.body.invoices.map((invoice: Json) => [invoice.id, invoice.correctsInvoiceId, invoice.total])).toEqual([[replacement.id, original.id, "44707.33"]]);
    const issued = await server.api("POST", `/api/v1/invoices/${replacement.id}/issue`);
    expect(issued.body.number).toBe("2026-000005");
  });

  it("numbers are unique and gapless per provider and year: tenant A 1..5, tenant B starts at 1", async () => {
    const rows = await server.store.db.select().from(invoices).where(and(eq(invoices.organisationId, TENANT_A), like(invoices.number, "2026-%")));
    expect(rows.map((row) => row.sequence).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(rows.map((row) => row.number)).size).toBe(5);
    const runB = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" }, { organisation: TENANT_B });
    expect(runB.body.totals.total).toBe("46707.33");
    const issuedB = await server.api("POST", `/api/v1/billing-runs/${runB.body.id}/issue`, undefined, { organisation: TENANT_B });
    expect(issuedB.body.invoices.map((invoice: Json) => invoice.number)).toEqual(["2026-000001", "2026-000002"]);
  });

  it("a payer's caseworker reads the name and address of each invoice's provider, not the provider's organisation record", async () => {
    const listed = (await server.api("GET", "/api/v1/invoices?month=2026-03", undefined, asPayer("HB-EGH"))).body.items;
    const rows = listed.map((invoice: Json) => [invoice.providerId, invoice.number, invoice.kind, invoice.provider]).sort((a: Json, b: Json) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(rows).toEqual([
      [TENANT_A, "2026-000001", "invoice", PROVIDER_A],
      [TENANT_A, "2026-000004", "cancellation", PROVIDER_A],
      [TENANT_A, "2026-000005", "invoice", PROVIDER_A],
      [TENANT_B, "2026-000001", "invoice", PROVIDER_B],
    ]);
    const ofB = listed.find((invoice: Json) => invoice.providerId === TENANT_B);
    const invoiceB = await server.api("GET", `/api/v1/invoices/${ofB.id}`, undefined, asPayer("HB-EGH"));
    expect(invoiceB.status).toBe(200);
    expect([invoiceB.body.provider, invoiceB.body.total, invoiceB.body.createdAt]).toEqual([PROVIDER_B, "44707.33", ofB.createdAt]);
    expect(ofB.createdAt).toMatch(ISO_TIMESTAMP);
    expect((await server.api("GET", `/api/v1/organisations/${TENANT_B}`, undefined, asPayer("HB-EGH"))).status).toBe(404);
  });
});

describe("OpenAPI", () => {
  it("documents every billing route with its schemas", async () => {
    const document = (await server.api("GET", "/api/v1/openapi.json")).body;
    for (const [path, method] of [
      ["/api/v1/billing-runs", "post"],
      ["/api/v1/billing-runs", "get"],
      ["/api/v1/billing-runs/{id}", "get"],
      ["/api/v1/billing-runs/{id}/issue", "post"],
      ["/api/v1/invoices", "get"],
      ["/api/v1/invoices/{id}", "get"],
      ["/api/v1/invoices/{id}/issue", "post"],
      ["/api/v1/invoices/{id}/correction", "post"],
      ["/api/v1/billing-holds", "get"],
    ] as const)
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const line = document.paths["/api/v1/invoices/{id}"].get.responses["200"].content["application/json"].schema.properties.lines.items;
    expect(Object.keys(line.properties)).toEqual(expect.arrayContaining(["ruleId", "source", "policies", "evidence", "amountCents", "costCoverageFileReference"]));
    const invoice = document.paths["/api/v1/invoices/{id}"].get.responses["200"].content["application/json"].schema;
    expect(Object.keys(invoice.properties.provider.properties)).toEqual(["id", "name", "address"]);
    expect(invoice.properties.createdAt.format).toBe("date-time");
    const runItem = document.paths["/api/v1/billing-runs"].get.responses["200"].content["application/json"].schema.properties.items.items;
    expect(Object.keys(runItem.properties.totals.properties)).toEqual(["invoiceCount", "totalCents", "total", "holdCount", "heldCents", "held"]);
    const hold = document.paths["/api/v1/billing-holds"].get.responses["200"].content["application/json"].schema.properties.items.items;
    expect(Object.keys(hold.properties)).toContain("agreementInstanceId");
  });
});

describe("concurrent runs", () => {
  it("two simultaneous runs for the same provider and month: one 201, one 409, and one draft", async () => {
    process.env.TEILHABE_TEST_BILLING_PAUSE_MS = "400";
    try {
      const answers = await Promise.all([server.api("POST", "/api/v1/billing-runs", { month: "2026-02" }), server.api("POST", "/api/v1/billing-runs", { month: "2026-02" })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const refused = answers.find((answer) => answer.status === 409)!;
      expect(refused.body.detail).toContain("läuft bereits ein Abrechnungslauf");
    } finally {
      delete process.env.TEILHABE_TEST_BILLING_PAUSE_MS;
    }
    expect((await server.api("GET", "/api/v1/billing-runs?month=2026-02")).body.items).toHaveLength(1);
  });

  it.runIf(STORE_ENGINE === "postgres")("PostgreSQL: a run while another session holds the month's advisory lock gets 409", async () => {
    await server.store.transaction(async (tx) => {
      await lockBillingMonth(tx, TENANT_A, "2026-01");
      const answer = await server.api("POST", "/api/v1/billing-runs", { month: "2026-01" });
      expect(answer.status).toBe(409);
    });
    expect((await server.api("POST", "/api/v1/billing-runs", { month: "2026-01" })).status).toBe(201);
  });
});

describe("numbers drawn in the committing transaction", () => {
  it("an issue that rolls back gives its numbers back: the next issue continues without a gap", async () => {
    const february = (await server.api("GET", "/api/v1/billing-runs?month=2026-02")).body.items[0];
    const scopeOf = (tx: Parameters<Parameters<typeof server.store.transaction>[0]>[0]) => ({
      tx,
      organisationId: TENANT_A,
      catalogue: server.context.catalogue,
      today: server.context.today,
      now: server.context.now,
    });
    await expect(
      server.store.transaction(async (tx) => {
        const issued = await issueBillingRun(scopeOf(tx), february.id);
        expect(issued.map((invoice) => invoice.number)).toEqual(["2026-000006", "2026-000007"]);
        throw new Error("abgebrochen");
      }),
    ).rejects.toThrow("abgebrochen");
    const [counter] = await server.store.db.select().from(invoiceNumberCounters).where(and(eq(invoiceNumberCounters.organisationId, TENANT_A), eq(invoiceNumberCounters.year, 2026)));
    expect(counter!.lastSequence).toBe(5);
    const issued = await server.api("POST", `/api/v1/billing-runs/${february.id}/issue`);
    expect(issued.body.invoices.map((invoice: Json) => invoice.number)).toEqual(["2026-000006", "2026-000007"]);
  });
});

describe("numbers under concurrent issues", () => {
  it.runIf(STORE_ENGINE === "postgres")("PostgreSQL: two months issued at once on two connections draw distinct numbers without a gap", async () => {
    const january = (await server.api("GET", "/api/v1/billing-runs?month=2026-01&state=draft")).body.items[0];
    const april = await server.api("POST", "/api/v1/billing-runs", { month: "2026-04" });
    const answers = await Promise.all([server.api("POST", `/api/v1/billing-runs/${january.id}/issue`), server.api("POST", `/api/v1/billing-runs/${april.body.id}/issue`)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const numbers = answers.flatMap((answer) => answer.body.invoices.map((invoice: Json) => invoice.number as string));
    expect(answers.map((answer) => answer.body.invoices.length > 0)).toEqual([true, true]);
    const sequences = numbers.map((number) => Number(number.slice(5))).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, index) => 8 + index));
  });
});

describe("the list of runs", () => {
  it("newest month first, in a month the newest run first, each with its totals; the cursor continues in that order", async () => {
    const asB = { organisation: TENANT_B };
    // Tenant B has issued March; now January, February and March again (only the holds are left to compute).
    for (const month of ["2026-01", "2026-02", "2026-03"]) expect((await server.api("POST", "/api/v1/billing-runs", { month }, asB)).status).toBe(201);
    const all = (await server.api("GET", "/api/v1/billing-runs?limit=500", undefined, asB)).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((item: Json) => [item.month, item.state, item.totals.invoiceCount, item.totals.total, item.totals.holdCount, item.totals.held])).toEqual([
      ["2026-03", "draft", 0, "0.00", 6, "250.00"],
      ["2026-03", "issued", 2, "46707.33", 6, "250.00"],
      ["2026-02", "draft", 2, "42620.04", 4, "0.00"],
      ["2026-01", "draft", 1, "45859.18", 2, "0.00"],
    ]);
    expect(all.items[0].createdAt > all.items[1].createdAt).toBe(true);
    for (const item of all.items) expect(item.totals).toEqual((await server.api("GET", `/api/v1/billing-runs/${item.id}`, undefined, asB)).body.totals);

    // Page by page (one and three rows a page): the same runs in the same order, none twice.
    for (const limit of [1, 3]) {
      const paged: Json[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = (await server.api("GET", `/api/v1/billing-runs?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, undefined, asB)).body;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && paged.length <= all.items.length);
      expect(paged).toEqual(all.items);
    }
    const bad = await server.api("GET", `/api/v1/billing-runs?cursor=${Buffer.from("kein Lauf").toString("base64url")}`, undefined, asB);
    expect([bad.status, bad.body.errors.map((error: Json) => error.path)]).toEqual([400, ["query.cursor"]]);
  });
});
