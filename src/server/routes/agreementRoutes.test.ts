import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementInstances } from "../../store/schema/index.ts";
import { PAYER, startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const countInstances = async () => (await server.store.db.select({ id: agreementInstances.id }).from(agreementInstances)).length;
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

describe("agreement catalogue", () => {
  it("lists the catalogue with state and open inputs naming their clause, filtered and paged", async () => {
    const all = await server.api("GET", "/api/v1/agreements?limit=500");
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual(expect.arrayContaining(["A0", "A1", "A2", "A3", "A4", "A0-beispiel-leipzig"]));
    const a4 = all.body.items.find((item: { id: string }) => item.id === "A4");
    expect(a4).toMatchObject({ kind: "concrete", state: "inputsMissing", land: "HB" });
    expect(a4.openInputs.find((input: { id: string }) => input.id === "P-A4-09")).toMatchObject({ clause: "§ 5.8", type: "money", owner: "framework", blocks: ["A4-R13"] });
    // per-case inputs are no open input of the agreement
    expect(a4.openInputs.map((input: { id: string }) => input.id)).not.toContain("P-A4-17");
    const templates = await server.api("GET", "/api/v1/agreements?kind=template");
    expect(ids(templates.body)).toEqual(["A0", "A1", "A2", "A3"]);
    expect(templates.body.items.every((item: { state: string }) => item.state === "template")).toBe(true);
    const first = await server.api("GET", "/api/v1/agreements?kind=template&limit=2");
    expect(ids(first.body)).toEqual(["A0", "A1"]);
    const second = await server.api("GET", `/api/v1/agreements?kind=template&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual(["A2", "A3"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("reads one agreement with all its inputs, and 404 for an unknown id", async () => {
    const a4 = await server.api("GET", "/api/v1/agreements/A4");
    expect(a4.body.inputs.find((input: { id: string }) => input.id === "P-A4-17")).toMatchObject({ perCase: true, filled: false });
    expect(a4.body.policies).toEqual(expect.any(Object));
    const unknown = await server.api("GET", "/api/v1/agreements/A9");
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("Vereinbarung „A9“ nicht gefunden");
  });
});

describe("agreement instances", () => {
  it("creates an instance filling inputs, shows its state, filters, changes and deletes it", async () => {
    const created = await server.api("POST", "/api/v1/agreement-instances", {
      agreementId: "A4",
      title: "A4 – eigene Fassung",
      payerId: PAYER,
      inputs: { "P-A4-09": { value: "45.50", example: true, note: "Beispielwert" } },
      policies: { D01: "C" },
      validFrom: "2026-01-01",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agreementId: "A4", payerId: PAYER, policies: { D01: "C" }, inputs: { "P-A4-09": { value: "45.50", example: true } } });
    const id = created.body.id as string;
    const state = await server.api("GET", `/api/v1/agreement-instances/${id}/state`);
    expect(state.status).toBe(200);
    expect(state.body.openInputs.map((input: { id: string }) => input.id)).not.toContain("P-A4-09");
    expect(state.body.exampleInputs).toContain("P-A4-09");
    expect(state.body.policies.D01).toBe("C");
    expect(ids((await server.api("GET", `/api/v1/agreement-instances?agreementId=A4&payerId=${PAYER}`)).body)).toEqual([id]);
    expect(ids((await server.api("GET", "/api/v1/agreement-instances?from=2026-01-01&to=2026-01-01")).body)).toEqual([id]);
    const changed = await server.api("PATCH", `/api/v1/agreement-instances/${id}`, { inputs: { "P-A4-09": { value: "47.00" }, "P-A4-10": { value: "39.00" } }, validTo: "2026-12-31" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ validFrom: "2026-01-01", validTo: "2026-12-31", inputs: { "P-A4-10": { value: "39.00" } } });
    expect((await server.api("GET", `/api/v1/agreement-instances/${id}/state`)).body.exampleInputs).toEqual([]);
    expect((await server.api("DELETE", `/api/v1/agreement-instances/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/agreement-instances/${id}`)).status).toBe(404);
  });

  it("reports each input the agreement does not define, and each value of the wrong type, with its path; stores nothing", async () => {
    const before = await countInstances();
    const answer = await server.api("POST", "/api/v1/agreement-instances", {
      agreementId: "A4",
      inputs: { "P-A1-12": { value: "2026-08-31" }, "P-A4-09": { value: 45.5 }, "P-A4-13": { value: "2026-04-31" } },
      policies: { D01: "Z", D99: "A" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: "body.policies.D01", message: "D01: Option „Z“ unbekannt (erlaubt: A, B, C)" },
      { path: "body.policies.D99", message: "unbekannte Entscheidung D99" },
      { path: "body.inputs.P-A1-12", message: "Eingabe P-A1-12 ist in der Vereinbarung A4 nicht definiert" },
      { path: "body.inputs.P-A4-09.value", message: "P-A4-09 (Stundensatz Begleitung im Krankenhaus, Kompensation durch Fachkraft (Anlage 9), § 5.8): Geldbetrag als Text mit höchstens 2 Nachkommastellen, z. B. „1446.38“" },
      { path: "body.inputs.P-A4-13.value", message: "P-A4-13 (Tag der Unterzeichnung, Unterschriften): Datum JJJJ-MM-TT erwartet" },
    ]);
    const unknown = await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A9" });
    expect(unknown.body.errors).toEqual([{ path: "body.agreementId", message: expect.stringMatching(/^Vereinbarung „A9“ ist im Katalog nicht bekannt \(bekannt: .*A4/) }]);
    const notPayer = await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A1", payerId: "traeger-a" });
    expect(notPayer.body.errors[0].path).toBe("body.payerId");
    expect(await countInstances()).toBe(before);
  });

  it("refuses to delete an instance that cases use (409) and never shows one to another tenant", async () => {
    const instance = (await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A0-beispiel-leipzig" })).body.id as string;
    const clientId = (await server.api("POST", "/api/v1/clients", { name: "Vereinbarungs-Person" })).body.id as string;
    expect((await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instance, start: "2026-02-01" })).status).toBe(201);
    const refused = await server.api("DELETE", `/api/v1/agreement-instances/${instance}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`Die Vereinbarung des Trägers „${instance}“ wird noch verwendet (Fälle); erst diese löschen`);
    expect((await server.api("GET", `/api/v1/agreement-instances/${instance}`)).status).toBe(200);
    expect((await server.api("GET", `/api/v1/agreement-instances/${instance}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/agreement-instances/${instance}/state`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("DELETE", `/api/v1/agreement-instances/${instance}`, undefined, { organisation: TENANT_B })).status).toBe(404);
  });
});
