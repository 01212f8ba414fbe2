import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../store/schema/index.ts";
import { PAYER, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const countOrganisations = async () => (await server.store.db.select({ id: organisations.id }).from(organisations)).length;

describe("organisations", () => {
  it("creates a payer, reads, lists, filters and changes the own organisation through HTTP", async () => {
    const created = await server.api("POST", "/api/v1/organisations", {
      kind: "payer",
      name: "Landkreis Beispiel",
      leitwegId: "04011000-1234512345-06",
      land: "NI",
      address: { street: "Amtsweg 3", postalCode: "30159", city: "Hannover", countryCode: "DE" },
      contact: { name: "Fachdienst Eingliederungshilfe", email: "eingliederungshilfe@landkreis.example" },
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "payer", name: "Landkreis Beispiel", leitwegId: "04011000-1234512345-06", iban: "DE89370400440532013000", land: "NI" });
    const id = created.body.id as string;
    expect((await server.api("GET", `/api/v1/organisations/${id}`)).body.address.city).toBe("Hannover");
    expect((await server.api("GET", `/api/v1/organisations/${id}`, undefined, { organisation: TENANT_B })).status).toBe(200);

    const payers = await server.api("GET", "/api/v1/organisations?kind=payer&limit=500");
    const payerIds = payers.body.items.map((item: { id: string }) => item.id);
    expect(payerIds).toContain(id);
    expect(payerIds).toContain(PAYER);
    const byName = await server.api("GET", `/api/v1/organisations?name=${encodeURIComponent("Landkreis Beispiel")}`);
    expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const changed = await server.api("PATCH", `/api/v1/organisations/${TENANT_A}`, { name: "Träger A gGmbH (neu)", vatId: "DE123456789", taxNumber: "60/123/45678" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: TENANT_A, kind: "provider", name: "Träger A gGmbH (neu)", vatId: "DE123456789", taxNumber: "60/123/45678", land: "HB" });
    expect(changed.body.address.city).toBe("Bremen");
    const cleared = await server.api("PATCH", `/api/v1/organisations/${TENANT_A}`, { vatId: null });
    expect(cleared.body.vatId).toBeUndefined();
    expect(cleared.body.taxNumber).toBe("60/123/45678");
    // organisations are a shared reference table: no deletion through the API
    expect((await server.api("DELETE", `/api/v1/organisations/${id}`)).status).toBe(404);
  });

  it("refuses a Leitweg-ID with a wrong check digit in German, naming the field, and stores nothing", async () => {
    const before = await countOrganisations();
    const answer = await server.api("POST", "/api/v1/organisations", { kind: "payer", name: "Stadt Beispiel", leitwegId: "04011000-1234512345-07" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: "body.leitwegId", message: "Prüfziffer der Leitweg-ID falsch: 07, erwartet 06 (ISO 7064 MOD 97-10)" }]);
    const badIban = await server.api("POST", "/api/v1/organisations", { kind: "payer", name: "Stadt Beispiel", iban: "DE89370400440532013001", leitwegId: "ABC-12" });
    expect(badIban.status).toBe(400);
    expect(badIban.body.errors).toEqual([
      { path: "body.leitwegId", message: expect.stringContaining("Leitweg-ID wie „04011000-1234512345-06“") },
      { path: "body.iban", message: "Prüfsumme der IBAN stimmt nicht (ISO 13616, MOD 97)" },
    ]);
    expect(await countOrganisations()).toBe(before);
  });

  it("lets a tenant create only payers and change only its own organisation", async () => {
    const before = await countOrganisations();
    const provider = await server.api("POST", "/api/v1/organisations", { kind: "provider", name: "Träger C" });
    expect(provider.status).toBe(403);
    expect(provider.body.errors).toEqual([{ path: "body.kind", message: "nur „payer“ erlaubt", value: "provider" }]);
    expect(await countOrganisations()).toBe(before);
    const payer = await server.api("PATCH", `/api/v1/organisations/${PAYER}`, { name: "Umbenannt" });
    expect(payer.status).toBe(403);
    expect(payer.body.detail).toBe(`Nur die eigene Organisation kann geändert werden, nicht „${PAYER}“`);
    expect((await server.api("GET", `/api/v1/organisations/${PAYER}`)).body.name).toBe("Senatorin für Soziales Bremen");
  });

  it("never shows another provider organisation", async () => {
    expect((await server.api("GET", `/api/v1/organisations/${TENANT_B}`)).status).toBe(404);
    expect((await server.api("PATCH", `/api/v1/organisations/${TENANT_B}`, { name: "fremd" })).status).toBe(404);
    const list = await server.api("GET", "/api/v1/organisations?kind=provider");
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([TENANT_A]);
    expect((await server.api("GET", `/api/v1/organisations/${TENANT_B}`, undefined, { organisation: TENANT_B })).body.name).toBe("Träger B e. V.");
  });
});

describe("OpenAPI document", () => {
  it("documents every records route with its German summary", async () => {
    const document = await server.api("GET", "/api/v1/openapi.json");
    expect(document.status).toBe(200);
    const paths = Object.keys(document.body.paths);
    for (const path of [
      "/api/v1/organisations/{id}",
      "/api/v1/agreements/{id}",
      "/api/v1/agreement-instances/{id}/state",
      "/api/v1/clients/{id}",
      "/api/v1/cases/{id}",
      "/api/v1/cost-coverages/{id}",
      "/api/v1/gesamtplans/{id}",
      "/api/v1/hilfeplans/{id}",
      "/api/v1/plan-goals/{id}",
      "/api/v1/plan-measures/{id}",
      "/api/v1/plan-updates/{id}",
      "/api/v1/service-entries/{id}",
      "/api/v1/absences/{id}",
      "/api/v1/consents/{id}",
      "/api/v1/crises/{id}",
      "/api/v1/contacts/{id}",
      "/api/v1/case-events/{id}",
      "/api/v1/accompaniments/{id}",
      "/api/v1/staff-members/{id}",
      "/api/v1/staff-contracts/{id}",
      "/api/v1/background-checks/{id}",
      "/api/v1/tasks/{id}",
      "/api/v1/tasks/{id}/complete",
    ])
      expect(paths).toContain(path);
    expect(document.body.paths["/api/v1/background-checks"].post.summary).toBe("Führungszeugnis: anlegen");
  });
});
