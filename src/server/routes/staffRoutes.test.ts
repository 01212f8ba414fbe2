import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundChecks, staffContracts, staffMembers } from "../../store/schema/index.ts";
import { instanceIdOf, startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
const countRows = async () => ({
  members: (await server.store.db.select({ id: staffMembers.id }).from(staffMembers)).length,
  contracts: (await server.store.db.select({ id: staffContracts.id }).from(staffContracts)).length,
  checks: (await server.store.db.select({ id: backgroundChecks.id }).from(backgroundChecks)).length,
});

describe("staff", () => {
  it("creates a staff member with a contract and a background check, filters, changes and deletes them in order", async () => {
    const member = await server.api("POST", "/api/v1/staff-members", { name: "Beispiel-Fachkraft", qualifications: ["Sozialpädagogik", "Heilerziehungspflege"] });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ name: "Beispiel-Fachkraft", qualifications: ["Sozialpädagogik", "Heilerziehungspflege"] });
    const staffId = member.body.id as string;
    const contract = await server.api("POST", "/api/v1/staff-contracts", { staffId, from: "2026-01-01", weeklyHours: "30.00", function: "Fachkraft", agreementInstanceId: instanceIdOf("A4") });
    expect(contract.status).toBe(201);
    const check = await server.api("POST", "/api/v1/background-checks", { staffId, inspectedOn: "2026-01-05", issuedOn: "2025-12-10", result: "noEntries" });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ staffId, inspectedOn: "2026-01-05", issuedOn: "2025-12-10", result: "noEntries" });

    expect(ids(await server.api("GET", `/api/v1/staff-members?name=Beispiel-Fachkraft`))).toEqual([staffId]);
    expect(ids(await server.api("GET", `/api/v1/staff-contracts?staffId=${staffId}&agreementInstanceId=${instanceIdOf("A4")}&from=2026-01-01&to=2026-01-31`))).toEqual([contract.body.id]);
    expect(ids(await server.api("GET", `/api/v1/background-checks?staffId=${staffId}&result=noEntries`))).toEqual([check.body.id]);
    expect(ids(await server.api("GET", `/api/v1/background-checks?staffId=${staffId}&from=2026-02-01`))).toEqual([]);
    const changed = await server.api("PATCH", `/api/v1/staff-contracts/${contract.body.id}`, { to: "2026-06-30", weeklyHours: "35.5" });
    expect(changed.body).toMatchObject({ from: "2026-01-01", to: "2026-06-30", weeklyHours: "35.5", function: "Fachkraft" });
    expect((await server.api("PATCH", `/api/v1/staff-members/${staffId}`, { qualifications: ["Sozialpädagogik"] })).body).toMatchObject({ name: "Beispiel-Fachkraft", qualifications: ["Sozialpädagogik"] });

    const refused = await server.api("DELETE", `/api/v1/staff-members/${staffId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`Die/der Mitarbeitende „${staffId}“ wird noch verwendet (Arbeitsverträge, Führungszeugnisse); erst diese löschen`);
    expect((await server.api("GET", `/api/v1/staff-members/${staffId}`)).status).toBe(200);
    expect((await server.api("DELETE", `/api/v1/background-checks/${check.body.id}`)).status).toBe(204);
    expect((await server.api("DELETE", `/api/v1/staff-contracts/${contract.body.id}`)).status).toBe(204);
    expect((await server.api("DELETE", `/api/v1/staff-members/${staffId}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/staff-members/${staffId}`)).status).toBe(404);
  });

  it("stores of a background check only the three dates and result (§ 124 Abs. 2 SGB IX) and refuses every other field", async () => {
    const staffId = (await server.api("POST", "/api/v1/staff-members", { name: "Zeugnis-Person" })).body.id as string;
    const before = await countRows();
    const answer = await server.api("POST", "/api/v1/background-checks", {
      staffId,
      inspectedOn: "2026-01-05",
      issuedOn: "2025-12-10",
      result: "relevantEntries",
      certificate: "JVBERi0xLjQK",
      entries: ["§ 174 StGB"],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: "body.certificate", message: "Unbekanntes Feld „certificate“" },
      { path: "body.entries", message: "Unbekanntes Feld „entries“" },
    ]);
    const patch = await server.api("POST", "/api/v1/background-checks", { staffId, inspectedOn: "2025-12-01", issuedOn: "2025-12-10", result: "noEntries" });
    expect(patch.body.errors).toEqual([{ path: "body.inspectedOn", message: "Einsichtnahme am 2025-12-01 liegt vor der Ausstellung am 2025-12-10" }]);
    const contract = await server.api("POST", "/api/v1/staff-contracts", { staffId, from: "2026-01-01", to: "2025-12-31", weeklyHours: "200" });
    expect(contract.body.errors).toEqual([
      { path: "body.to", message: "Vertragsende 2025-12-31 liegt vor dem Beginn 2026-01-01" },
      { path: "body.weeklyHours", message: "200 Wochenstunden sind mehr als eine Woche hat (168)" },
    ]);
    expect(await countRows()).toEqual(before);
    const stored = (await server.api("POST", "/api/v1/background-checks", { staffId, inspectedOn: "2026-01-05", issuedOn: "2025-12-10", result: "noEntries" })).body.id as string;
    const extra = await server.api("PATCH", `/api/v1/background-checks/${stored}`, { note: "Kopie in der Akte" });
    expect(extra.body.errors).toEqual([{ path: "body.note", message: "Unbekanntes Feld „note“" }]);
    expect(Object.keys((await server.api("GET", `/api/v1/background-checks/${stored}`)).body).sort()).toEqual(["createdAt", "id", "inspectedOn", "issuedOn", "result", "staffId"]);
  });

  it("never shows staff records to another tenant, nor lets it attach a contract to them", async () => {
    const staffId = (await server.api("POST", "/api/v1/staff-members", { name: "Nur A" })).body.id as string;
    expect((await server.api("GET", `/api/v1/staff-members/${staffId}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("DELETE", `/api/v1/staff-members/${staffId}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    const foreign = await server.api("POST", "/api/v1/staff-contracts", { staffId, from: "2026-01-01", weeklyHours: "10" }, { organisation: TENANT_B });
    expect(foreign.body.errors).toEqual([{ path: "body.staffId", message: `Mitarbeitende:r „${staffId}“ nicht gefunden`, value: staffId }]);
  });
});
