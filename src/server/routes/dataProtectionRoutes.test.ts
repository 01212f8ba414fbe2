/**
 * Data-protection duties through real HTTP: the access report (JSON and PDF) lists everything about a client,
 * including a table added later; deletion is refused with the retention date and rule while retention runs,
 * and afterwards leaves neither the name nor the birth date anywhere in the database while issued invoices
 * stay; deletion-review tasks are created once; the audit list and its verification; background checks keep
 * only dates and result.
 */
import { sql } from "drizzle-orm";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../access/appendAuditEntry.ts";
import {
  cases,
  clientAssignments,
  clients,
  costCoverages,
  gesamtplans,
  hilfeplans,
  invoiceLines,
  invoices,
  planGoals,
  planUpdates,
  serviceEntries,
  sessions,
  users,
} from "../../store/schema/index.ts";
import { createTestAccount, instanceIdOf, loginTestAccount, PAYER, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
const ENDED = { id: "K-LOESCH-1", name: "Erika Löschbeispiel", birthDate: "1961-07-23" };
const RETAINED = { id: "K-AUFBEW-2", name: "Bruno Aufbewahrt", birthDate: "1970-02-14" };
const OPEN = { id: "K-OFFEN-3", name: "Clara Laufend", birthDate: "1980-03-03" };
const NO_CLAUSE = { id: "K-A4-4", name: "Dieter Ohneklausel", birthDate: "1975-05-05" };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await server.store.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every table of the database whose row text contains the needle, with the number of such rows. */
async function searchEveryTable(needle: string): Promise<Array<{ table: string; count: number }>> {
  const tables = await rows<{ tablename: string }>(sql`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const found: Array<{ table: string; count: number }> = [];
  for (const { tablename } of tables) {
    const [row] = await rows<{ count: number }>(sql`SELECT count(*)::int AS count FROM ${sql.identifier(tablename)} t WHERE t::text ILIKE ${`%${needle}%`}`);
    if (row && Number(row.count) > 0) found.push({ table: tablename, count: Number(row.count) });
  }
  return found;
}

async function seedClient(person: { id: string; name: string; birthDate: string }, caseId: string, agreementId: string, start: string, end: string | null): Promise<void> {
  const db = server.store.db;
  await db.insert(clients).values({ organisationId: TENANT_A, id: person.id, name: person.name, birthDate: person.birthDate, details: { residence: { municipality: "Hannover", land: "NI" } } });
  await db.insert(cases).values({ organisationId: TENANT_A, id: caseId, clientId: person.id, agreementInstanceId: instanceIdOf(agreementId), payerId: PAYER, start, end });
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.store.db;
  await seedClient(ENDED, "F-LOESCH-1", "A3-beispiel", "2015-01-01", "2020-12-31");
  await seedClient(RETAINED, "F-AUFBEW-2", "A3-beispiel", "2020-01-01", "2026-03-31");
  await seedClient(OPEN, "F-OFFEN-3", "A3-beispiel", "2024-01-01", null);
  await seedClient(NO_CLAUSE, "F-A4-4", "A4", "2020-01-01", "2024-06-30");

  // Everything about the client whose retention has ended.
  await db.insert(costCoverages).values({ organisationId: TENANT_A, id: "KU-LOESCH-1", caseId: "F-LOESCH-1", payerId: PAYER, fileReference: "AZ-50.2-4711", from: "2015-01-01", to: "2020-12-31" });
  await db.insert(gesamtplans).values({ organisationId: TENANT_A, id: "GP-LOESCH-1", caseId: "F-LOESCH-1", date: "2015-01-10", fileReference: "GP-4711" });
  await db.insert(hilfeplans).values({ organisationId: TENANT_A, id: "HP-LOESCH-1", caseId: "F-LOESCH-1", date: "2015-02-01", summary: "Erika Löschbeispiel möchte selbstständig einkaufen" });
  await db.insert(planGoals).values({ organisationId: TENANT_A, id: "ZIEL-LOESCH-1", hilfeplanId: "HP-LOESCH-1", title: "Einkaufen ohne Begleitung" });
  await db.insert(planUpdates).values({ organisationId: TENANT_A, id: "FORT-LOESCH-1", hilfeplanId: "HP-LOESCH-1", goalId: "ZIEL-LOESCH-1", date: "2016-02-01", text: "Ziel teilweise erreicht" });
  await db.insert(serviceEntries).values({ organisationId: TENANT_A, id: "E-LOESCH-1", caseId: "F-LOESCH-1", date: "2020-03-02", minutes: 90, note: "Frau Löschbeispiel (geb. 1961-07-23) beim Einkauf begleitet" });
  await db.insert(users).values({ organisationId: TENANT_A, id: "U-KLIENTIN-1", login: "erika.loeschbeispiel", displayName: ENDED.name, role: "client", clientId: ENDED.id, passwordHash: "scrypt$geheim" });
  await db.insert(sessions).values({ tokenHash: "sitzung-hash-1", organisationId: TENANT_A, userId: "U-KLIENTIN-1", csrfToken: "csrf-1", createdAt: "2020-01-01T10:00:00Z", lastSeenAt: "2020-01-01T10:00:00Z", expiresAt: "2020-01-02T10:00:00Z" });
  await db.insert(clientAssignments).values({ organisationId: TENANT_A, userId: "U-FACHKRAFT-1", clientId: ENDED.id });
  // A table added later, with a client_id: the report and the deletion must find it without being told.
  await db.execute(sql`CREATE TABLE later_client_notes (organisation_id text NOT NULL, id text NOT NULL, client_id text NOT NULL, note text)`);
  await db.execute(sql`INSERT INTO later_client_notes VALUES (${TENANT_A}, 'N-1', ${ENDED.id}, ${`Notiz zu ${ENDED.name}`}), (${TENANT_A}, 'N-2', ${RETAINED.id}, 'andere Person')`);

  // An issued invoice with a line of the client (issued invoices are immutable: GoBD).
  await db.insert(invoices).values({ organisationId: TENANT_A, id: "RE-2020-12", payerId: PAYER, month: "2020-12", periodFrom: "2020-12-01", periodTo: "2020-12-31", totalCents: 123456 });
  await db.insert(invoiceLines).values({
    organisationId: TENANT_A,
    invoiceId: "RE-2020-12",
    position: 1,
    lineKey: "F-LOESCH-1|tag",
    caseId: "F-LOESCH-1",
    clientId: ENDED.id,
    agreementId: "A3-beispiel",
    label: "Tagessatz Zuverdienst",
    periodFrom: "2020-12-01",
    periodTo: "2020-12-31",
    quantity: "20",
    unit: "day",
    unitPrice: "61.7280",
    amountCents: 123456,
    rateId: "tag",
    ruleId: "A3-R10",
    source: { file: "003_ff97f79a5ff20350.txt", clause: "§ 4" },
    costCoverageFileReference: "AZ-50.2-4711",
  });
  await db.execute(sql`UPDATE invoices SET state = 'issued', number = '2020-000042', year = 2020, sequence = 42, issue_date = '2021-01-05' WHERE organisation_id = ${TENANT_A} AND id = 'RE-2020-12'`);

  // Audit entries about the client: who read, when, from where and why.
  await db.transaction(async (tx) => {
    await appendAuditEntry(tx, TENANT_A, { at: "2020-03-02T09:00:00.000Z", userId: "U-FACHKRAFT-1", role: "fachkraft", address: "10.0.0.7", action: "read", objectType: "client", objectId: ENDED.id, clientId: ENDED.id });
    await appendAuditEntry(tx, TENANT_A, { at: "2020-03-03T11:30:00.000Z", userId: "U-LEITUNG-1", role: "leitung", address: "10.0.0.8", action: "read", objectType: "hilfeplan", objectId: "HP-LOESCH-1", clientId: ENDED.id, reason: "Vertretung im Urlaub" });
    await appendAuditEntry(tx, TENANT_A, { at: "2020-03-04T08:00:00.000Z", userId: "U-LEITUNG-1", role: "leitung", address: "10.0.0.8", action: "read", objectType: "client", objectId: RETAINED.id, clientId: RETAINED.id });
  });
});
afterAll(async () => server?.close());

describe("access report (Art. 15 GDPR)", () => {
  it("lists everything stored about the client, table by table, with the audit entries, recipients and retention", async () => {
    const answer = await server.api("GET", `/api/v1/clients/${ENDED.id}/access-report`);
    expect(answer.status).toBe(200);
    const report = answer.body;
    expect(report.client).toMatchObject({ id: ENDED.id, name: ENDED.name, birthDate: ENDED.birthDate, details: { residence: { municipality: "Hannover", land: "NI" } } });
    const byTable = Object.fromEntries(report.tables.map((table: { table: string; rows: Array<Record<string, unknown>> }) => [table.table, table.rows]));
    expect(Object.keys(byTable).sort()).toEqual(
      ["cases", "client_assignments", "cost_coverages", "gesamtplans", "hilfeplans", "invoice_lines", "later_client_notes", "plan_goals", "plan_updates", "service_entries", "sessions", "users"].sort(),
    );
    expect(byTable.cases).toEqual([expect.objectContaining({ id: "F-LOESCH-1", start: "2015-01-01", end: "2020-12-31", payerId: PAYER })]);
    expect(byTable.cost_coverages).toEqual([expect.objectContaining({ id: "KU-LOESCH-1", fileReference: "AZ-50.2-4711" })]);
    expect(byTable.hilfeplans).toEqual([expect.objectContaining({ summary: "Erika Löschbeispiel möchte selbstständig einkaufen" })]);
    expect(byTable.plan_goals.map((row: { id: string }) => row.id)).toEqual(["ZIEL-LOESCH-1"]);
    expect(byTable.plan_updates.map((row: { text: string }) => row.text)).toEqual(["Ziel teilweise erreicht"]);
    expect(byTable.service_entries).toEqual([expect.objectContaining({ id: "E-LOESCH-1", date: "2020-03-02", minutes: 90 })]);
    expect(byTable.invoice_lines).toEqual([expect.objectContaining({ invoiceId: "RE-2020-12", amountCents: 123456 })]);
    expect(byTable.later_client_notes).toEqual([{ id: "N-1", clientId: ENDED.id, note: `Notiz zu ${ENDED.name}` }]);
    // Secrets of the person's own account are named, not shown.
    expect(byTable.users[0]).toMatchObject({ login: "erika.loeschbeispiel", passwordHash: "[gespeichert, wird nicht angezeigt]" });
    expect(byTable.sessions[0]).toMatchObject({ tokenHash: "[gespeichert, wird nicht angezeigt]", csrfToken: "[gespeichert, wird nicht angezeigt]" });
    expect(JSON.stringify(report)).not.toContain("scrypt$geheim");
    // Only this client's audit entries, with who, when, from where and why.
    expect(report.auditEntries).toEqual([
      { sequence: 1, at: "2020-03-02T09:00:00.000Z", userId: "U-FACHKRAFT-1", role: "fachkraft", address: "10.0.0.7", action: "read", objectType: "client", objectId: ENDED.id, reason: null },
      { sequence: 2, at: "2020-03-03T11:30:00.000Z", userId: "U-LEITUNG-1", role: "leitung", address: "10.0.0.8", action: "read", objectType: "hilfeplan", objectId: "HP-LOESCH-1", reason: "Vertretung im Urlaub" },
    ]);
    expect(report.recipients).toEqual([{ id: PAYER, name: "Senatorin für Soziales Bremen" }]);
    expect(report.retention).toMatchObject({ status: "ended", retainUntil: "2025-12-31", decidingCase: { caseId: "F-LOESCH-1", explanation: { ruleId: "A3-R29", source: { clause: "§ 5.2.3" } } } });
  });

  it("shows nothing of another client and answers 404 for another tenant's client", async () => {
    const other = await server.api("GET", `/api/v1/clients/${RETAINED.id}/access-report`);
    expect(JSON.stringify(other.body)).not.toContain(ENDED.name);
    expect(other.body.tables.find((table: { table: string }) => table.table === "later_client_notes").rows).toEqual([{ id: "N-2", clientId: RETAINED.id, note: "andere Person" }]);
    expect((await server.api("GET", `/api/v1/clients/${ENDED.id}/access-report`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/clients/${ENDED.id}/access-report.pdf`, undefined, { organisation: TENANT_B })).status).toBe(404);
  });

  it("gives a readable German PDF with master data, plans, cost coverage and the access log", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/clients/${ENDED.id}/access-report.pdf`, { headers: { "x-teilhabe-organisation": TENANT_A } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Auskunft nach Art. 15 DSGVO");
    expect(flat).toContain(`Name: ${ENDED.name}`);
    expect(flat).toContain("Geburtsdatum: 23.07.1961");
    expect(flat).toContain("Kostenübernahmen (1)");
    expect(flat).toContain("Aktenzeichen: AZ-50.2-4711");
    expect(flat).toContain("Hilfepläne (1)");
    expect(flat).toContain("Senatorin für Soziales Bremen");
    expect(flat).toContain("Aufbewahrungsfrist endete am 31.12.2025");
    expect(flat).toContain("Zugriffsprotokoll (2 Einträge)");
    expect(flat).toContain("03.03.2020 11:30 UTC: U-LEITUNG-1 (leitung) von 10.0.0.8: read hilfeplan HP-LOESCH-1, Grund: Vertretung im Urlaub");
  });
});

describe("deletion after retention (M15, D29)", () => {
  it("refuses while the retention runs, naming the date and the rule (A3-R29: end 31.03.2026 → 31.03.2031)", async () => {
    const answer = await server.api("POST", `/api/v1/clients/${RETAINED.id}/deletion`);
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toBe(
      "Löschung gesperrt: die Dokumentation des Falls F-AUFBEW-2 ist bis 31.03.2031 aufzubewahren (A3-R29, 003_ff97f79a5ff20350.txt § 5.2.3); Löschprüfung ab 01.04.2031",
    );
    expect(answer.body).toMatchObject({ code: "deletionBlockedRetention", retainUntil: "2031-03-31", deletionReviewFrom: "2031-04-01", caseId: "F-AUFBEW-2", ruleId: "A3-R29" });
  });

  it("shows the retention of a person over all cases, on a given day, and 404 for another tenant", async () => {
    const retained = await server.api("GET", `/api/v1/clients/${RETAINED.id}/retention`);
    expect(retained.status).toBe(200);
    expect(retained.body).toMatchObject({ status: "retained", asOf: "2026-04-15", retainUntil: "2031-03-31", cases: [{ caseId: "F-AUFBEW-2", serviceEnd: "2026-03-31", retainUntil: "2031-03-31", fromDecision: false }] });
    expect((await server.api("GET", `/api/v1/clients/${RETAINED.id}/retention?asOf=2031-04-01`)).body.status).toBe("ended");
    expect((await server.api("GET", `/api/v1/clients/${RETAINED.id}/retention`, undefined, { organisation: TENANT_B })).status).toBe(404);
  });

  it("refuses while a case is open, and for an agreement without a clause applies D29 (end 30.06.2024 → 30.06.2029)", async () => {
    const open = await server.api("POST", `/api/v1/clients/${OPEN.id}/deletion`);
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ code: "deletionBlockedServiceOngoing", caseId: "F-OFFEN-3", ruleId: "A3-R29" });
    expect(open.body.detail).toContain("der Fall F-OFFEN-3 ist nicht beendet");
    const noClause = await server.api("POST", `/api/v1/clients/${NO_CLAUSE.id}/deletion`);
    expect(noClause.status).toBe(409);
    expect(noClause.body.detail).toBe("Löschung gesperrt: die Dokumentation des Falls F-A4-4 ist bis 30.06.2029 aufzubewahren (D29, decisions.md D29); Löschprüfung ab 01.07.2029");
    expect((await server.api("GET", `/api/v1/clients/${NO_CLAUSE.id}`)).status).toBe(200);
  });

  it("creates one deletion-review task per client whose retention has ended, and none on a second run", async () => {
    const first = await server.api("POST", "/api/v1/data-protection/retention-review?asOf=2026-04-15");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ asOf: "2026-04-15", checkedClients: 4, createdCount: 1 });
    expect(first.body.tasks).toEqual([
      { id: `deletionReview-${ENDED.id}`, clientId: ENDED.id, caseId: "F-LOESCH-1", retainUntil: "2025-12-31", ruleId: "A3-R29", clause: "§ 5.2.3", source: expect.objectContaining({ file: "003_ff97f79a5ff20350.txt" }), created: true },
    ]);
    const task = await server.api("GET", `/api/v1/tasks/deletionReview-${ENDED.id}`);
    expect(task.body).toMatchObject({ taskType: "deletionReview", caseId: "F-LOESCH-1", ruleId: "A3-R29", dueDate: "2026-01-01", anchorDate: "2025-12-31", status: "open" });
    expect(task.body.title).toBe("Löschprüfung: Aufbewahrungsfrist endete am 31.12.2025 (A3-R29, § 5.2.3); andere Aufbewahrungspflichten prüfen, dann löschen");
    const second = await server.api("POST", "/api/v1/data-protection/retention-review?asOf=2026-04-15");
    expect(second.body.createdCount).toBe(0);
    expect(second.body.tasks.map((entry: { created: boolean }) => entry.created)).toEqual([false]);
    // On 31.03.2031 the A4 case (D29: until 30.06.2029) is due, on 01.04.2031 also the case that ended 31.03.2026.
    const before = await server.api("POST", "/api/v1/data-protection/retention-review?asOf=2031-03-31");
    expect(before.body.tasks.map((entry: { clientId: string; ruleId: string; created: boolean }) => [entry.clientId, entry.ruleId, entry.created])).toEqual([
      [NO_CLAUSE.id, "D29", true],
      [ENDED.id, "A3-R29", false],
    ]);
    const later = await server.api("POST", "/api/v1/data-protection/retention-review?asOf=2031-04-01");
    expect(later.body.tasks.map((entry: { clientId: string; created: boolean }) => [entry.clientId, entry.created])).toEqual([
      [NO_CLAUSE.id, false],
      [RETAINED.id, true],
      [ENDED.id, false],
    ]);
  });

  it("after the retention, deletes the person everywhere: no table holds the name or the birth date, issued invoices remain", async () => {
    expect((await searchEveryTable(ENDED.name)).length).toBeGreaterThan(0);
    const answer = await server.api("POST", `/api/v1/clients/${ENDED.id}/deletion`);
    expect(answer.status).toBe(200);
    const deleted = Object.fromEntries(answer.body.deleted.map((entry: { table: string; rows: number }) => [entry.table, entry.rows]));
    expect(deleted).toEqual({
      clients: 1,
      cases: 1,
      cost_coverages: 1,
      gesamtplans: 1,
      hilfeplans: 1,
      plan_goals: 1,
      plan_updates: 1,
      service_entries: 1,
      tasks: 1,
      users: 1,
      sessions: 1,
      client_assignments: 1,
      later_client_notes: 1,
    });
    expect(answer.body.kept.map((entry: { table: string; rows: number }) => [entry.table, entry.rows])).toEqual([
      ["audit_entries", 2],
      ["invoice_lines", 1],
    ]);
    expect(await searchEveryTable(ENDED.name)).toEqual([]);
    expect(await searchEveryTable("Löschbeispiel")).toEqual([]);
    expect(await searchEveryTable(ENDED.birthDate)).toEqual([]);
    // The issued invoice and its line remain, unchanged; the line names only the random client id.
    const [invoice] = await rows<{ state: string; number: string; total_cents: number }>(sql`SELECT state, number, total_cents FROM invoices WHERE id = 'RE-2020-12'`);
    expect(invoice).toEqual({ state: "issued", number: "2020-000042", total_cents: expect.anything() });
    const lines = await rows<{ client_id: string; amount_cents: unknown }>(sql`SELECT client_id, amount_cents FROM invoice_lines WHERE invoice_id = 'RE-2020-12'`);
    expect(lines.map((line) => [line.client_id, Number(line.amount_cents)])).toEqual([[ENDED.id, 123456]]);
    // Others are untouched; the deletion is in the audit trail, whose chain is whole.
    expect((await server.api("GET", `/api/v1/clients/${RETAINED.id}`)).status).toBe(200);
    expect(await rows(sql`SELECT id FROM later_client_notes ORDER BY id`)).toEqual([{ id: "N-2" }]);
    expect((await server.api("GET", `/api/v1/clients/${ENDED.id}`)).status).toBe(404);
    const audit = await server.api("GET", `/api/v1/audit?clientId=${ENDED.id}`);
    expect(audit.body.items.at(-1)).toMatchObject({ action: "delete", objectType: "client", objectId: ENDED.id, reason: "Löschung nach Ablauf der Aufbewahrungsfrist am 2025-12-31 (A3-R29)" });
    expect((await server.api("GET", "/api/v1/audit/verification")).body).toMatchObject({ intact: true, entryCount: 4, message: "Protokoll unverändert: 4 Einträge" });
    expect((await server.api("POST", `/api/v1/clients/${ENDED.id}/deletion`)).status).toBe(404);
  });
});

describe("a draft invoice with lines of the person", () => {
  it("blocks the deletion (409, naming the invoice) and changes nothing", async () => {
    const person = { id: "K-ENTWURF-6", name: "Hans Entwurf", birthDate: "1966-06-06" };
    await seedClient(person, "F-ENTWURF-6", "A3-beispiel", "2012-01-01", "2019-12-31");
    await server.store.db.insert(invoices).values({ organisationId: TENANT_A, id: "RE-ENTWURF", payerId: PAYER, month: "2019-12", periodFrom: "2019-12-01", periodTo: "2019-12-31", totalCents: 1000 });
    await server.store.db.insert(invoiceLines).values({
      organisationId: TENANT_A,
      invoiceId: "RE-ENTWURF",
      position: 1,
      lineKey: "F-ENTWURF-6|tag",
      caseId: "F-ENTWURF-6",
      clientId: person.id,
      agreementId: "A3-beispiel",
      label: "Tagessatz Zuverdienst",
      periodFrom: "2019-12-01",
      periodTo: "2019-12-31",
      quantity: "1",
      unit: "day",
      unitPrice: "10.00",
      amountCents: 1000,
      rateId: "tag",
      ruleId: "A3-R10",
      source: { file: "003_ff97f79a5ff20350.txt", clause: "§ 4" },
    });
    const answer = await server.api("POST", `/api/v1/clients/${person.id}/deletion`);
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toBe("Löschung nicht möglich: die Rechnungsentwürfe RE-ENTWURF enthalten Positionen der Person; erst ausstellen oder verwerfen");
    expect(answer.body.invoiceIds).toEqual(["RE-ENTWURF"]);
    expect((await server.api("GET", `/api/v1/clients/${person.id}`)).status).toBe(200);
    expect((await server.api("GET", "/api/v1/cases/F-ENTWURF-6")).status).toBe(200);
  });
});

describe("mentions in the records of others", () => {
  it("are not deleted with the person but listed for review", async () => {
    const mentioned = { id: "K-ERWAEHNT-5", name: "Gerda Erwähnt_100%", birthDate: "1950-01-01" };
    await seedClient(mentioned, "F-ERWAEHNT-5", "A3-beispiel", "2010-01-01", "2019-06-30");
    await server.store.db.insert(serviceEntries).values({ organisationId: TENANT_A, id: "E-AUFBEW-1", caseId: "F-AUFBEW-2", date: "2026-01-05", minutes: 30, note: "Begegnung mit Gerda Erwähnt_100% im Café" });
    // a name that only looks alike (LIKE wildcards taken literally) is no mention
    await server.store.db.insert(serviceEntries).values({ organisationId: TENANT_A, id: "E-AUFBEW-2", caseId: "F-AUFBEW-2", date: "2026-01-06", minutes: 30, note: "Gerda ErwähntX1000 im Café" });
    const answer = await server.api("POST", `/api/v1/clients/${mentioned.id}/deletion`);
    expect(answer.status).toBe(200);
    expect(answer.body.deleted).toEqual([
      { table: "cases", rows: 1 },
      { table: "clients", rows: 1 },
    ]);
    expect(answer.body.remainingMentions).toEqual([{ table: "service_entries", rows: 1 }]);
  });
});

describe("audit trail", () => {
  it("lists the organisation's entries by client and period, page by page; another tenant sees none", async () => {
    const all = await server.api("GET", "/api/v1/audit?limit=2");
    expect(all.status).toBe(200);
    expect(all.body.items.map((entry: { sequence: number }) => entry.sequence)).toEqual([1, 2]);
    const next = await server.api("GET", `/api/v1/audit?limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.items[0].sequence).toBe(3);
    const period = await server.api("GET", "/api/v1/audit?from=2020-03-03&to=2020-03-03");
    expect(period.body.items.map((entry: { sequence: number; reason: string }) => [entry.sequence, entry.reason])).toEqual([[2, "Vertretung im Urlaub"]]);
    const byClient = await server.api("GET", `/api/v1/audit?clientId=${RETAINED.id}`);
    expect(byClient.body.items.map((entry: { objectId: string }) => entry.objectId)).toEqual([RETAINED.id]);
    expect((await server.api("GET", "/api/v1/audit", undefined, { organisation: TENANT_B })).body.items).toEqual([]);
    const bad = await server.api("GET", "/api/v1/audit?from=2020-03-04&to=2020-03-03");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: "query.to" });
  });

  it("verification over HTTP names a changed entry", async () => {
    await server.store.db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`);
    try {
      await server.store.db.execute(sql`UPDATE audit_entries SET address = '192.0.2.1' WHERE organisation_id = ${TENANT_A} AND sequence = 3`);
    } finally {
      await server.store.db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`);
    }
    const answer = await server.api("GET", "/api/v1/audit/verification");
    expect(answer.body).toMatchObject({ intact: false, firstBreak: { sequence: 3, problem: "changed" }, message: "Protokoll verändert: Protokolleintrag 3 wurde verändert" });
  });
});

describe("background checks (§ 124 Abs. 2 SGB IX)", () => {
  it("store only the inspection date, the issue date and the result, never the certificate", async () => {
    const columns = await rows<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'background_checks' ORDER BY ordinal_position`);
    expect(columns.map((column) => column.column_name)).toEqual(["organisation_id", "id", "staff_id", "inspected_on", "issued_on", "result", "created_at"]);
    const staff = await server.api("POST", "/api/v1/staff-members", { name: "Mitarbeiterin Prüfung" });
    expect(staff.status).toBe(201);
    const refused = await server.api("POST", "/api/v1/background-checks", { staffId: staff.body.id, inspectedOn: "2026-03-01", issuedOn: "2026-02-15", result: "noEntries", certificate: "Führungszeugnis-Scan" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: "body.certificate", message: "Unbekanntes Feld „certificate“" }]);
    const stored = await server.api("POST", "/api/v1/background-checks", { staffId: staff.body.id, inspectedOn: "2026-03-01", issuedOn: "2026-02-15", result: "noEntries" });
    expect(stored.status).toBe(201);
    expect(Object.keys(stored.body).sort()).toEqual(["createdAt", "id", "inspectedOn", "issuedOn", "result", "staffId"]);
  });
});

describe("with accounts and roles", () => {
  it("lets a Leitung read the report (with a reason for an unassigned file, which the audit keeps) and delete; other roles get 404", async () => {
    const person = { id: "K-ROLLE-7", name: "Ingrid Rollentest", birthDate: "1955-05-15" };
    await seedClient(person, "F-ROLLE-7", "A3-beispiel", "2010-01-01", "2018-12-31");
    const logIn = async (id: string, role: "leitung" | "verwaltung" | "fachkraft" | "administrator", assignedClientIds?: string[]) =>
      loginTestAccount(server, await createTestAccount(server, { id, role, ...(assignedClientIds ? { assignedClientIds } : {}) }));
    const leitung = await logIn("dp-leitung", "leitung");
    const verwaltung = await logIn("dp-verwaltung", "verwaltung");
    const fachkraft = await logIn("dp-fachkraft", "fachkraft", [person.id]);
    const administrator = await logIn("dp-admin", "administrator");

    expect((await leitung.call("GET", `/api/v1/clients/${person.id}/access-report`)).status).toBe(428);
    const reason = { "x-teilhabe-reason": encodeURIComponent("Auskunftsersuchen nach Art. 15") };
    const report = await leitung.call("GET", `/api/v1/clients/${person.id}/access-report`, undefined, { headers: reason });
    expect(report.status).toBe(200);
    expect(report.body.client.name).toBe(person.name);
    for (const other of [verwaltung, fachkraft, administrator]) {
      expect((await other.call("GET", `/api/v1/clients/${person.id}/access-report`)).status).toBe(404);
      expect((await other.call("GET", `/api/v1/clients/${person.id}/access-report.pdf`)).status).toBe(404);
      expect((await other.call("POST", `/api/v1/clients/${person.id}/deletion`)).status).toBe(404);
    }
    expect((await verwaltung.call("GET", "/api/v1/audit")).status).toBe(403);

    const deleted = await leitung.call("POST", `/api/v1/clients/${person.id}/deletion`, undefined, { headers: reason });
    expect(deleted.status).toBe(200);
    const audit = await administrator.call("GET", `/api/v1/audit?clientId=${person.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((entry: { userId: string; role: string; action: string; reason: string }) => [entry.userId, entry.role, entry.action, entry.reason])).toEqual([
      ["dp-leitung", "leitung", "read", "Auskunftsersuchen nach Art. 15"],
      ["dp-leitung", "leitung", "delete", "Löschung nach Ablauf der Aufbewahrungsfrist am 2023-12-31 (A3-R29)"],
    ]);
  });
});
