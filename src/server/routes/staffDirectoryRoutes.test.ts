import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, staffMembers } from "../../store/schema/index.ts";
import { PAYER, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
const as = (role: string, organisation = TENANT_A) => ({ organisation, headers: { "x-teilhabe-role": role, "x-teilhabe-user": `${role}-1` } });

beforeAll(async () => {
  server = await startTestServer();
  await server.store.db.insert(staffMembers).values([
    { organisationId: TENANT_A, id: "M-02", name: "Berta Beispiel", qualifications: ["Erzieherin"] },
    { organisationId: TENANT_A, id: "M-01", name: "Anton Muster", qualifications: ["Sozialpädagogik", "Heilerziehungspflege"] },
    { organisationId: TENANT_A, id: "M-03", name: "Carl 50%_Rabatt", qualifications: [] },
    { organisationId: TENANT_B, id: "M-B-1", name: "Fremde Fachkraft", qualifications: ["Sozialpädagogik"] },
  ]);
}, 60_000);
afterAll(async () => server?.close());

describe("GET /api/v1/staff-directory", () => {
  it("gives a Fachkraft the names of the organisation's staff, ordered by name, with id, name and qualifications only", async () => {
    const answer = await server.api("GET", "/api/v1/staff-directory", undefined, as("fachkraft"));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({
      items: [
        { id: "M-01", name: "Anton Muster", qualifications: ["Sozialpädagogik", "Heilerziehungspflege"] },
        { id: "M-02", name: "Berta Beispiel", qualifications: ["Erzieherin"] },
        { id: "M-03", name: "Carl 50%_Rabatt", qualifications: [] },
      ],
      nextCursor: null,
    });
    // The staffing area itself stays closed to a Fachkraft.
    expect((await server.api("GET", "/api/v1/staff-members", undefined, as("fachkraft"))).status).toBe(403);
  });

  it("is open to Leitung, Verwaltung and Administration, refused (403) to a payer's caseworker and a client", async () => {
    for (const role of ["leitung", "verwaltung", "administrator"]) expect((await server.api("GET", "/api/v1/staff-directory", undefined, as(role))).status, role).toBe(200);
    const payer = await server.api("GET", "/api/v1/staff-directory", undefined, as("payerCaseworker", PAYER));
    expect(payer.status).toBe(403);
    const client = await server.api("GET", "/api/v1/staff-directory", undefined, { organisation: TENANT_A, headers: { "x-teilhabe-role": "client", "x-teilhabe-user": "klient-1", "x-teilhabe-client": "K-1" } });
    expect(client.status).toBe(403);
  });

  it("never shows another tenant's staff", async () => {
    const b = await server.api("GET", "/api/v1/staff-directory", undefined, as("fachkraft", TENANT_B));
    expect((b.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(["M-B-1"]);
    const a = await server.api("GET", "/api/v1/staff-directory?name=Fremde", undefined, as("fachkraft"));
    expect(a.body.items).toEqual([]);
  });

  it("pages by name with a cursor and searches a part of the name literally", async () => {
    const first = await server.api("GET", "/api/v1/staff-directory?limit=2", undefined, as("fachkraft"));
    expect((first.body.items as Array<{ name: string }>).map((item) => item.name)).toEqual(["Anton Muster", "Berta Beispiel"]);
    const second = await server.api("GET", `/api/v1/staff-directory?limit=2&cursor=${first.body.nextCursor as string}`, undefined, as("fachkraft"));
    expect(second.body).toEqual({ items: [{ id: "M-03", name: "Carl 50%_Rabatt", qualifications: [] }], nextCursor: null });
    const search = await server.api("GET", "/api/v1/staff-directory?name=BEISP", undefined, as("fachkraft"));
    expect((search.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(["M-02"]);
    const literal = await server.api("GET", "/api/v1/staff-directory?name=0%25_R", undefined, as("fachkraft"));
    expect((literal.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(["M-03"]);
    expect((await server.api("GET", "/api/v1/staff-directory?cursor=kaputt", undefined, as("fachkraft"))).status).toBe(400);
  });

  it("writes no audit entry (no client data)", async () => {
    const before = (await server.store.db.select().from(auditEntries)).filter((entry) => entry.objectType === "staff-directory").length;
    await server.api("GET", "/api/v1/staff-directory", undefined, as("fachkraft"));
    const after = (await server.store.db.select().from(auditEntries)).filter((entry) => entry.objectType === "staff-directory").length;
    expect(after).toBe(before);
  });
});
