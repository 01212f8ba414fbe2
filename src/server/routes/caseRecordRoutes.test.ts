import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absences, accompaniments, caseEvents, consents, contacts, crises } from "../../store/schema/index.ts";
import { instanceIdOf, startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
let caseId: string;
let otherCaseId: string;
beforeAll(async () => {
  server = await startTestServer();
  const clientId = (await server.api("POST", "/api/v1/clients", { name: "Akten-Person" })).body.id as string;
  caseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A4"), start: "2026-01-01" })).body.id as string;
  otherCaseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), start: "2026-01-01" })).body.id as string;
});
afterAll(async () => server.close());

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
const countAll = async () => {
  const counts: number[] = [];
  for (const table of [absences, consents, crises, contacts, caseEvents, accompaniments]) counts.push((await server.store.db.select({ id: table.id }).from(table)).length);
  return counts;
};

/** Each record kind: a valid body, a change, the filter that finds it, and the period that does not. */
const ROUND_TRIPS = [
  { path: "absences", body: { reason: "hospital", from: "2026-03-02", to: "2026-03-20" }, change: { to: "2026-03-25" }, filter: "reason=hospital&from=2026-03-01&to=2026-03-31", miss: "from=2026-04-01" },
  { path: "consents", body: { party: "payer", kind: "absenceContinuation", date: "2026-03-25", absenceFrom: "2026-03-02" }, change: { note: "per Bescheid" }, filter: "party=payer&kind=absenceContinuation", miss: "party=client" },
  { path: "crises", body: { from: "2026-02-01", note: "Wohnungsverlust droht" }, change: { to: "2026-02-20" }, filter: "from=2026-02-01&to=2026-02-28", miss: "to=2026-01-31" },
  { path: "contacts", body: { date: "2026-02-05", kind: "relativeContact" }, change: { note: "Telefonat mit der Schwester" }, filter: "kind=relativeContact", miss: "kind=payerContact" },
  { path: "case-events", body: { kind: "gesamtplanChange", date: "2026-02-10" }, change: { note: "neuer Bescheid" }, filter: "kind=gesamtplanChange", miss: "kind=other" },
  { path: "accompaniments", body: { date: "2026-03-05", minutes: 150, qualification: "skilled" }, change: { minutes: 90 }, filter: "qualification=skilled&from=2026-03-05&to=2026-03-05", miss: "from=2026-03-06" },
] as const;

describe("case records", () => {
  for (const trip of ROUND_TRIPS) {
    it(`${trip.path}: creates, reads, filters, changes and deletes, and another tenant sees nothing`, async () => {
      const created = await server.api("POST", `/api/v1/${trip.path}`, { caseId, ...trip.body });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ caseId, ...trip.body });
      const id = created.body.id as string;
      expect((await server.api("GET", `/api/v1/${trip.path}/${id}`)).body).toMatchObject(trip.body);
      expect(ids(await server.api("GET", `/api/v1/${trip.path}?caseId=${caseId}&${trip.filter}`))).toEqual([id]);
      expect(ids(await server.api("GET", `/api/v1/${trip.path}?caseId=${caseId}&${trip.miss}`))).toEqual([]);
      const changed = await server.api("PATCH", `/api/v1/${trip.path}/${id}`, trip.change);
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ ...trip.body, ...trip.change });
      expect((await server.api("GET", `/api/v1/${trip.path}/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
      expect((await server.api("PATCH", `/api/v1/${trip.path}/${id}`, trip.change, { organisation: TENANT_B })).status).toBe(404);
      expect((await server.api("POST", `/api/v1/${trip.path}`, { caseId, ...trip.body }, { organisation: TENANT_B })).body.errors).toEqual([
        { path: "body.caseId", message: `Fall „${caseId}“ nicht gefunden`, value: caseId },
      ]);
      expect((await server.api("DELETE", `/api/v1/${trip.path}/${id}`)).status).toBe(204);
      expect((await server.api("GET", `/api/v1/${trip.path}/${id}`)).status).toBe(404);
    });
  }

  it("refuses bad records in German with their path and stores none", async () => {
    const before = await countAll();
    const absence = await server.api("POST", "/api/v1/absences", { caseId, reason: "holiday", from: "2026-07-10", to: "2026-07-01" });
    expect(absence.status).toBe(400);
    expect(absence.body.errors).toEqual([{ path: "body.to", message: "Ende der Abwesenheit 2026-07-01 liegt vor ihrem Beginn 2026-07-10" }]);
    const consent = await server.api("POST", "/api/v1/consents", { caseId, party: "payer", kind: "dataSharing", date: "2026-03-01" });
    expect(consent.body.errors).toEqual([{ path: "body.kind", message: "Zustimmung des Leistungsträgers: Art „dataSharing“ unbekannt (erlaubt: absenceContinuation, capacityExceeded, other)" }]);
    const party = await server.api("POST", "/api/v1/consents", { caseId, party: "relative", kind: "other", date: "2026-03-01" });
    expect(party.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.party"]);
    const accompaniment = await server.api("POST", "/api/v1/accompaniments", { caseId, date: "2026-03-05", minutes: 0, qualification: "skilled" });
    expect(accompaniment.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.minutes"]);
    expect(await countAll()).toEqual(before);
  });

  it("links contacts to a crisis of the same case only, and keeps a crisis with contacts (409)", async () => {
    const crisisId = (await server.api("POST", "/api/v1/crises", { caseId, from: "2026-05-01" })).body.id as string;
    const contact = await server.api("POST", "/api/v1/contacts", { caseId, crisisId, date: "2026-05-04", kind: "crisisContact" });
    expect(contact.status).toBe(201);
    expect(ids(await server.api("GET", `/api/v1/contacts?crisisId=${crisisId}`))).toEqual([contact.body.id]);
    const before = await countAll();
    const crossed = await server.api("POST", "/api/v1/contacts", { caseId: otherCaseId, crisisId, date: "2026-05-04", kind: "crisisContact" });
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors).toEqual([{ path: "body.crisisId", message: `Krise „${crisisId}“ gehört zu Fall „${caseId}“, nicht zu „${otherCaseId}“`, value: crisisId }]);
    const refused = await server.api("DELETE", `/api/v1/crises/${crisisId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`Die Krise „${crisisId}“ wird noch verwendet (Kontakte); erst diese löschen`);
    expect(await countAll()).toEqual(before);
    // a case with records cannot be deleted either
    expect((await server.api("DELETE", `/api/v1/cases/${caseId}`)).status).toBe(409);
  });
});
