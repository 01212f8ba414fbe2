import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

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
    expect(answer.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body", "body.birthDate", "body.name"].sort());
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
