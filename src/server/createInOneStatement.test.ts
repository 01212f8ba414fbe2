/**
 * A create in one statement (createInOneStatement.ts) stores the same row and the same audit entry as the
 * transactional create, and a refused one stores neither. Through real HTTP, on the embedded store and, with
 * DATABASE_URL, on PostgreSQL.
 */
import fc from "fast-check";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, cases, clients, hilfeplans, planGoals, serviceEntries, staffMembers } from "../store/schema/index.ts";
import { verifyAuditChain, type AuditEntry } from "./access/auditChain.ts";
import { instanceIdOf, startTestServer, TENANT_A, type TestServer } from "./serverTestSupport.ts";

let server: TestServer;
/** A client id that JSON must escape: a quote, a backslash, a line break, umlaut and emoji. */
const AWKWARD_CLIENT = 'K-"ä\\\n😀-1';
const AWKWARD_CASE = "F-ungewöhnlich-1";
const ASSIGNED_CASE = "F-zugeordnet-1";

const leitung = { "x-teilhabe-role": "leitung", "x-teilhabe-user": "leitung-1", "x-teilhabe-reason": "Pr%C3%BCfung" };
const fachkraft = { "x-teilhabe-role": "fachkraft", "x-teilhabe-user": "fachkraft-1" };

async function auditTrail(): Promise<AuditEntry[]> {
  return (await server.store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, TENANT_A)).orderBy(asc(auditEntries.sequence))) as AuditEntry[];
}

async function countEntries(): Promise<number> {
  const [row] = await server.store.db.select({ value: count() }).from(serviceEntries).where(eq(serviceEntries.organisationId, TENANT_A));
  return row!.value;
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.store.db;
  await db.insert(clients).values([
    { organisationId: TENANT_A, id: AWKWARD_CLIENT, name: "Person mit ungewöhnlicher Kennung" },
    { organisationId: TENANT_A, id: "K-zugeordnet-1", name: "Zugeordnete Person" },
  ]);
  await db.insert(cases).values([
    { organisationId: TENANT_A, id: AWKWARD_CASE, clientId: AWKWARD_CLIENT, agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), start: "2026-01-01" },
    { organisationId: TENANT_A, id: ASSIGNED_CASE, clientId: "K-zugeordnet-1", agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), start: "2026-01-01" },
  ]);
  await db.insert(staffMembers).values({ organisationId: TENANT_A, id: "MA-eins", name: "Fachkraft Eins", qualifications: ["Sozialpädagogik"] });
  await db.insert(hilfeplans).values({ organisationId: TENANT_A, id: "HP-1", caseId: AWKWARD_CASE, date: "2026-01-10", kind: "initial" });
  await db.insert(planGoals).values({ organisationId: TENANT_A, id: "Z-1", hilfeplanId: "HP-1", title: "Alltag selbst planen" });
  await db.execute(sql`insert into client_assignments (organisation_id, user_id, client_id) values (${TENANT_A}, 'fachkraft-1', 'K-zugeordnet-1')`);
}, 60_000);

afterAll(async () => server?.close());

describe("a create in one statement", () => {
  it("writes a client's id into the audit text exactly as JSON.stringify does, for any text (to_json)", async () => {
    const text = fc.string({ unit: "binary", maxLength: 40 }).filter((value) => !value.includes("\u0000") && !/\p{Surrogate}/u.test(value));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (values) => {
        const result = (await server.store.db.execute(sql`select to_json(value)::text as json from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) with ordinality as t(value, position) order by position`)) as unknown as {
          rows: Array<{ json: string }>;
        };
        expect(result.rows.map((row) => row.json)).toEqual(values.map((value) => JSON.stringify(value)));
      }),
      { numRuns: 60 },
    );
  });

  it("stores the same row and the same audit entry as the transactional create (an entry with a goal goes that way)", async () => {
    const body = { caseId: AWKWARD_CASE, date: "2026-03-10", start: "09:00", end: "10:30", staffId: "MA-eins", category: "Begleitung" };
    const single = await server.api("POST", "/api/v1/service-entries", body, { headers: leitung });
    const transactional = await server.api("POST", "/api/v1/service-entries", { ...body, goalId: "Z-1" }, { headers: leitung });
    expect(single.status).toBe(201);
    expect(transactional.status).toBe(201);
    const { id: singleId, createdAt: singleCreated, ...singleRecord } = single.body;
    const { id: transactionalId, createdAt: _transactionalCreated, goalId, ...transactionalRecord } = transactional.body;
    expect(goalId).toBe("Z-1");
    expect(singleRecord).toEqual(transactionalRecord);
    expect(singleRecord).toMatchObject({ caseId: AWKWARD_CASE, timeKind: "direct", mode: "inPerson", setting: "individual", withoutPersonPresent: false });
    expect(Date.parse(singleCreated)).not.toBeNaN();
    expect((await server.api("GET", `/api/v1/service-entries/${singleId}`)).body).toEqual(single.body);

    const trail = await auditTrail();
    expect(verifyAuditChain(trail)).toBeUndefined();
    const entryOf = (objectId: string) => {
      const entry = trail.find((candidate) => candidate.objectId === objectId)!;
      return { userId: entry.userId, role: entry.role, action: entry.action, objectType: entry.objectType, clientId: entry.clientId, reason: entry.reason };
    };
    expect(entryOf(singleId)).toEqual({ userId: "leitung-1", role: "leitung", action: "create", objectType: "service-entries", clientId: AWKWARD_CLIENT, reason: "Prüfung" });
    expect(entryOf(transactionalId)).toEqual(entryOf(singleId));
  });

  it("refuses an unknown staff member with 400 naming the field, and an unassigned client's case to a Fachkraft with 404: nothing stored, nothing audited", async () => {
    const entriesBefore = await countEntries();
    const trailBefore = (await auditTrail()).length;
    const unknownStaff = await server.api("POST", "/api/v1/service-entries", { caseId: ASSIGNED_CASE, date: "2026-03-11", minutes: 30, staffId: "MA-unbekannt" }, { headers: fachkraft });
    expect(unknownStaff.status).toBe(400);
    expect(unknownStaff.body.errors).toEqual([{ path: "body.staffId", message: "Mitarbeitende:r „MA-unbekannt“ nicht gefunden", value: "MA-unbekannt" }]);
    const unassigned = await server.api("POST", "/api/v1/service-entries", { caseId: AWKWARD_CASE, date: "2026-03-11", minutes: 30 }, { headers: fachkraft });
    expect(unassigned.status).toBe(404);
    expect(unassigned.body.detail).toBe(`Fall „${AWKWARD_CASE}“ nicht gefunden`);
    expect(await countEntries()).toBe(entriesBefore);
    expect((await auditTrail()).length).toBe(trailBefore);

    const allowed = await server.api("POST", "/api/v1/service-entries", { caseId: ASSIGNED_CASE, date: "2026-03-11", minutes: 30 }, { headers: fachkraft });
    expect(allowed.status).toBe(201);
    expect(await countEntries()).toBe(entriesBefore + 1);
    const trail = await auditTrail();
    expect(trail.length).toBe(trailBefore + 1);
    expect(trail.at(-1)).toMatchObject({ userId: "fachkraft-1", action: "create", objectId: allowed.body.id, clientId: "K-zugeordnet-1", reason: null });
    expect(verifyAuditChain(trail)).toBeUndefined();
  });

  it("stores no entry of the system role (tests, command line) in the audit trail", async () => {
    const trailBefore = (await auditTrail()).length;
    const created = await server.api("POST", "/api/v1/service-entries", { caseId: ASSIGNED_CASE, date: "2026-03-12", minutes: 15 });
    expect(created.status).toBe(201);
    expect((await auditTrail()).length).toBe(trailBefore);
    const [stored] = await server.store.db.select().from(serviceEntries).where(and(eq(serviceEntries.organisationId, TENANT_A), eq(serviceEntries.id, created.body.id)));
    expect(stored).toMatchObject({ caseId: ASSIGNED_CASE, minutes: 15 });
  });
});
