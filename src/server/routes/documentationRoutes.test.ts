import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceEntries, staffMembers } from "../../store/schema/index.ts";
import { instanceIdOf, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
let caseId: string;
let otherCaseId: string;
beforeAll(async () => {
  server = await startTestServer();
  const clientId = (await server.api("POST", "/api/v1/clients", { name: "Doku-Person" })).body.id as string;
  caseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), start: "2026-01-01" })).body.id as string;
  otherCaseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A4"), start: "2026-01-01" })).body.id as string;
  await server.store.db.insert(staffMembers).values([{ organisationId: TENANT_A, id: "MA-1", name: "Fachkraft Eins", qualifications: ["Sozialpädagogik"] }]);
});
afterAll(async () => server.close());

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
const countEntries = async () => (await server.store.db.select({ id: serviceEntries.id }).from(serviceEntries)).length;

describe("service entries", () => {
  it("creates, reads, filters by case, staff and period, switches the duration by PATCH and deletes an entry", async () => {
    const created = await server.api("POST", "/api/v1/service-entries", {
      caseId,
      date: "2026-03-10",
      start: "09:00",
      end: "10:30",
      assistanceType: "qualified",
      staffId: "MA-1",
      attribution: "SGB IX",
      note: "Termin beim Jugendamt vorbereitet",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId, date: "2026-03-10", start: "09:00", end: "10:30", timeKind: "direct", mode: "inPerson", setting: "individual", withoutPersonPresent: false, staffId: "MA-1" });
    const id = created.body.id as string;
    expect((await server.api("GET", `/api/v1/service-entries/${id}`)).body.note).toBe("Termin beim Jugendamt vorbereitet");
    await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-04-02", minutes: 30 });
    expect(ids(await server.api("GET", `/api/v1/service-entries?caseId=${caseId}&staffId=MA-1&from=2026-03-01&to=2026-03-31`))).toEqual([id]);
    expect(ids(await server.api("GET", `/api/v1/service-entries?caseId=${caseId}&from=2026-03-11&to=2026-03-31`))).toEqual([]);
    expect((await server.api("GET", `/api/v1/service-entries?caseId=${caseId}&attribution=SGB%20IX`)).body.items).toHaveLength(1);

    const switched = await server.api("PATCH", `/api/v1/service-entries/${id}`, { start: null, end: null, minutes: 45 });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ minutes: 45, staffId: "MA-1", note: "Termin beim Jugendamt vorbereitet" });
    expect(switched.body.start).toBeUndefined();
    expect(switched.body.end).toBeUndefined();
    expect((await server.api("DELETE", `/api/v1/service-entries/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/service-entries/${id}`)).status).toBe(404);
  });

  it("refuses a duration given twice and an end before the start with the case file's German messages, storing nothing", async () => {
    const before = await countEntries();
    const twice = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-11", minutes: 60, hours: "1" });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: "body.minutes", message: "Dauer genau einmal angeben: „minutes“, „hours“ oder „start“ und „end“" }]);
    const reversed = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-11", start: "10:00", end: "09:00" });
    expect(reversed.body.errors).toEqual([{ path: "body.end", message: "Ende 09:00 liegt nicht nach Beginn 10:00" }]);
    const halfTime = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-11", start: "10:00" });
    expect(halfTime.body.errors).toEqual([{ path: "body.end", message: "„start“ und „end“ nur gemeinsam" }]);
    const badDate = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-02-30", minutes: 30, hours: 1 });
    expect(badDate.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.date", "body.hours"]);
    const unknownStaff = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-11", minutes: 30, staffId: "MA-9" });
    expect(unknownStaff.body.errors).toEqual([{ path: "body.staffId", message: "Mitarbeitende:r „MA-9“ nicht gefunden", value: "MA-9" }]);
    const entry = (await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-12", minutes: 20 })).body.id as string;
    const patch = await server.api("PATCH", `/api/v1/service-entries/${entry}`, { hours: "0.5" });
    expect(patch.body.errors).toEqual([{ path: "body.minutes", message: "Dauer genau einmal angeben: „minutes“, „hours“ oder „start“ und „end“" }]);
    expect((await server.api("GET", `/api/v1/service-entries/${entry}`)).body).toMatchObject({ minutes: 20 });
    expect(await countEntries()).toBe(before + 1);
  });

  it("refuses a goal of another case's Hilfeplan", async () => {
    const hilfeplanId = (await server.api("POST", "/api/v1/hilfeplans", { caseId: otherCaseId, date: "2026-01-10" })).body.id as string;
    const goalId = (await server.api("POST", "/api/v1/plan-goals", { hilfeplanId, title: "Tagesstruktur" })).body.id as string;
    const answer = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-11", minutes: 30, goalId });
    expect(answer.body.errors).toEqual([{ path: "body.goalId", message: `Förderziel „${goalId}“ gehört zum Fall „${otherCaseId}“, nicht zu „${caseId}“`, value: goalId }]);
    expect((await server.api("POST", "/api/v1/service-entries", { caseId: otherCaseId, date: "2026-03-11", minutes: 30, goalId })).status).toBe(201);
  });

  it("never shows an entry to another tenant, nor lets it document on the case", async () => {
    const id = (await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-13", hours: "2.25" })).body.id as string;
    expect((await server.api("GET", `/api/v1/service-entries/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("DELETE", `/api/v1/service-entries/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/service-entries?caseId=${caseId}`, undefined, { organisation: TENANT_B })).body.items).toEqual([]);
    const foreign = await server.api("POST", "/api/v1/service-entries", { caseId, date: "2026-03-13", minutes: 10 }, { organisation: TENANT_B });
    expect(foreign.body.errors).toEqual([{ path: "body.caseId", message: `Fall „${caseId}“ nicht gefunden`, value: caseId }]);
    expect((await server.api("GET", `/api/v1/service-entries/${id}`)).body.hours).toBe("2.25");
  });
});
