import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, clients, serviceEntries } from "../../store/schema/index.ts";
import { instanceIdOf, PAYER, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe("clients", () => {
  it("creates, reads, lists, changes and deletes a client through HTTP", async () => {
    const created = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person 1", birthDate: "1990-05-01" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Beispiel-Person 1", birthDate: "1990-05-01", details: {} });
    const id = created.body.id;
    expect((await server.api("GET", `/api/v1/clients/${id}`)).body.name).toBe("Beispiel-Person 1");
    const changed = await server.api("PATCH", `/api/v1/clients/${id}`, { name: "Beispiel-Person 1a" });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe("Beispiel-Person 1a");
    expect(changed.body.birthDate).toBe("1990-05-01");
    const list = await server.api("GET", "/api/v1/clients?limit=10");
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await server.api("DELETE", `/api/v1/clients/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/clients/${id}`)).status).toBe(404);
  });

  it("refuses bad input with a problem document naming every invalid field in German", async () => {
    const answer = await server.api("POST", "/api/v1/clients", { name: "", birthDate: "2026-02-30", extra: 1 });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body.birthDate", "body.extra", "body.name"].sort());
    expect(JSON.stringify(answer.body.errors)).toMatch(/Ungültig|ungültig|zu kurz|Zu klein|Unbekannt|unbekannt/);
  });

  it("never shows a client of another tenant", async () => {
    const created = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person B" }, { organisation: TENANT_B });
    expect((await server.api("GET", `/api/v1/clients/${created.body.id}`)).status).toBe(404);
    expect((await server.api("GET", `/api/v1/clients/${created.body.id}`, undefined, { organisation: TENANT_B })).status).toBe(200);
  });

  it("pages through a list with a cursor", async () => {
    for (let index = 0; index < 5; index++) await server.api("POST", "/api/v1/clients", { name: `Seite ${index}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await server.api("GET", `/api/v1/clients?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});

const countRows = async () => ({
  clients: (await server.store.db.select({ id: clients.id }).from(clients)).length,
  cases: (await server.store.db.select({ id: cases.id }).from(cases)).length,
});

describe("unknown fields", () => {
  it("names every unknown key with its own path, also inside details", async () => {
    const answer = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person 2", nickname: "B", hobby: "Lesen" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: "body.nickname", message: "Unbekanntes Feld „nickname“" },
      { path: "body.hobby", message: "Unbekanntes Feld „hobby“" },
    ]);
    const nested = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person 2", details: { residence: { land: "HB", street: "x" } } });
    expect(nested.body.errors).toEqual([{ path: "body.details.residence.street", message: "Unbekanntes Feld „street“" }]);
  });
});

describe("client details", () => {
  it("stores details shaped like the case file's client and refuses a bad one with its path", async () => {
    const before = await countRows();
    const bad = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person 3", details: { residence: { land: "XX" }, children: [{ birthDate: "2025-13-01" }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.details.residence.land", "body.details.children[0].birthDate"]);
    expect(await countRows()).toEqual(before);
    const good = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person 3", details: { residence: { municipality: "Bremen", land: "HB" }, livingSituation: "ownFlat" } });
    expect(good.status).toBe(201);
    expect(good.body.details).toMatchObject({ residence: { municipality: "Bremen", land: "HB" }, livingSituation: "ownFlat" });
    // a PATCH without details keeps them
    const renamed = await server.api("PATCH", `/api/v1/clients/${good.body.id}`, { name: "Beispiel-Person 3a" });
    expect(renamed.body.details.residence).toEqual({ municipality: "Bremen", land: "HB" });
  });
});

describe("cases", () => {
  async function createClient(name: string) {
    return (await server.api("POST", "/api/v1/clients", { name })).body.id as string;
  }

  it("creates, reads, filters, changes and deletes a case with a payer", async () => {
    const clientId = await createClient("Fall-Person 1");
    const created = await server.api("POST", "/api/v1/cases", {
      clientId,
      agreementInstanceId: instanceIdOf("A4"),
      payerId: PAYER,
      start: "2026-01-01",
      details: { careContractDate: "2025-12-15", policies: { D01: "C" }, caseInputs: {} },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId, payerId: PAYER, start: "2026-01-01", accessStatus: "regular", needGroups: [] });
    expect(created.body.details).toMatchObject({ careContractDate: "2025-12-15", policies: { D01: "C" } });
    const id = created.body.id as string;
    const listed = await server.api("GET", `/api/v1/cases?clientId=${clientId}&payerId=${PAYER}&from=2026-01-01&to=2026-01-31`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await server.api("GET", `/api/v1/cases?clientId=${clientId}&from=2026-02-01`)).body.items).toEqual([]);
    const ended = await server.api("PATCH", `/api/v1/cases/${id}`, { end: "2026-06-30", accessStatus: "provisional" });
    expect(ended.body).toMatchObject({ end: "2026-06-30", accessStatus: "provisional", payerId: PAYER });
    expect(ended.body.details.careContractDate).toBe("2025-12-15");
    expect((await server.api("PATCH", `/api/v1/cases/${id}`, { end: null })).body.end).toBeUndefined();
    expect((await server.api("GET", `/api/v1/cases/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("DELETE", `/api/v1/clients/${clientId}`)).status).toBe(409);
    expect((await server.api("DELETE", `/api/v1/cases/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/cases/${id}`)).status).toBe(404);
  });

  it("refuses a payer id that is no payer, bad case details and unknown case inputs, changing nothing", async () => {
    const clientId = await createClient("Fall-Person 2");
    const before = await countRows();
    const base = { clientId, agreementInstanceId: instanceIdOf("A4"), start: "2026-01-01" };
    const provider = await server.api("POST", "/api/v1/cases", { ...base, payerId: TENANT_A });
    expect(provider.status).toBe(400);
    expect(provider.body.errors).toEqual([{ path: "body.payerId", message: `„${TENANT_A}“ ist kein Leistungsträger, sondern ein Leistungserbringer`, value: TENANT_A }]);
    const unknown = await server.api("POST", "/api/v1/cases", { ...base, payerId: "kostentraeger-unbekannt" });
    expect(unknown.body.errors).toEqual([{ path: "body.payerId", message: "Leistungsträger „kostentraeger-unbekannt“ nicht gefunden", value: "kostentraeger-unbekannt" }]);
    const details = await server.api("POST", "/api/v1/cases", { ...base, details: { rentExcess: "ja", policies: { D01: "Z" } } });
    expect(details.status).toBe(400);
    expect(details.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.details.rentExcess", "body.details.policies"]);
    expect(details.body.errors[1].message).toBe("D01: Option „Z“ unbekannt (erlaubt: A, B, C)");
    const inputs = await server.api("POST", "/api/v1/cases", { ...base, details: { caseInputs: { "P-A1-12": "2026-08-31" } } });
    expect(inputs.body.errors).toEqual([{ path: "body.details.caseInputs.P-A1-12", message: "Eingabe P-A1-12 ist in der Vereinbarung A4 nicht definiert", value: "P-A1-12" }]);
    expect(await countRows()).toEqual(before);
  });

  it("refuses to delete a case that still has service entries (409), changing nothing", async () => {
    const clientId = await createClient("Fall-Person 3");
    const caseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A4"), start: "2026-01-01" })).body.id as string;
    await server.store.db.insert(serviceEntries).values({ organisationId: TENANT_A, id: `${caseId}/E-1`, caseId, date: "2026-01-05", minutes: 60 });
    const refused = await server.api("DELETE", `/api/v1/cases/${caseId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`Der Fall „${caseId}“ wird noch verwendet (Leistungseinträge); erst diese löschen`);
    expect((await server.api("GET", `/api/v1/cases/${caseId}`)).status).toBe(200);
  });
});

describe("changing a record", () => {
  it("keeps every field the PATCH leaves out, including those with a default", async () => {
    const client = await server.api("POST", "/api/v1/clients", { name: "Beispiel-Person Patch", details: { disabilities: ["mental"] } });
    expect(client.status).toBe(201);
    const changed = await server.api("PATCH", `/api/v1/clients/${client.body.id}`, { birthDate: "1985-01-02" });
    expect(changed.status).toBe(200);
    expect(changed.body.details).toMatchObject({ disabilities: ["mental"] });
    expect(changed.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
