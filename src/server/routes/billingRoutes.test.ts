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
    expect(run).toMatchObject({ month: "2026-03", state: "draft", caseCount: 7, replaced: false });
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
    expect((await server.api("GET", "/api/v1/billing-runs?month=2026-03&state=draft")).body.items.map((item: Json) => item.id)).toEqual([run.id]);
    expect((await server.api("GET", "/api/v1/billing-runs?state=issued")).body.items).toEqual([]);
    const byClient = (await server.api("GET", "/api/v1/invoices?clientId=K-A0-001")).body.items;
    expect(byClient.map((item: Json) => item.payerId)).toEqual(["KSV-SN"]);
    expect((await server.api("GET", "/api/v1/invoices?payerId=HB-EGH&month=2026-03&kind=invoice&state=draft")).body.items).toHaveLength(1);
    const volume = (await server.api("GET", `/api/v1/billing-holds?runId=${run.id}&code=volumeExceeded`)).body.items;
    expect(volume.map((hold: Json) => [hold.caseId, hold.quantity, hold.amountCents]).sort()).toEqual([
      ["F-A0-001", "2.5", 25000],
      ["F-OHNE-TRAEGER", "2.5", 25000],
    ]);
    expect((await server.api("GET", "/api/v1/billing-holds?caseId=F-A1-001")).body.items.map((hold: Json) => hold.inputId)).toEqual(["P-A1-09"]);
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
    expect(issued.body.issuedAt).toBeTruthy();
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
