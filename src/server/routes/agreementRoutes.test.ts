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

describe("agreement detail: rates, choices, filled values, decisions", () => {
  type Rate = { id: string; label: string; unit: string; ruleId: string; key?: Record<string, unknown>; periods: Record<string, unknown>[] };
  const rateOf = (body: { rates: Rate[] }, id: string) => body.rates.find((rate) => rate.id === id);

  it("gives A4's rates as printed: the Tagessatz with its components, period and clause; an open amount names its input", async () => {
    const a4 = (await server.api("GET", "/api/v1/agreements/A4")).body;
    expect(a4.rates.map((rate: Rate) => rate.id)).toEqual([
      "dailyRate",
      "absenceRate",
      "rentSupplementDay",
      "rentSupplementMonth",
      "accompanimentSkilled",
      "accompanimentNonSkilled",
      "violenceProtectionOfficer",
      "womensRepresentative",
    ]);
    expect(rateOf(a4, "dailyRate")).toEqual({
      id: "dailyRate",
      label: "Gesamtentgelt pro Leistungsberechtigtem und Leistungstag",
      unit: "serviceDay",
      ruleId: "A4-R07",
      periods: [
        {
          validFrom: "2026-01-01",
          validTo: "2026-06-30",
          printedAmount: "1446.38",
          amount: "1446.38",
          amountCents: 144638,
          example: false,
          components: [
            { name: "Grundpauschale", amount: "72.22" },
            { name: "Maßnahmepauschale", amount: "849.24" },
            { name: "Ergänzungspauschale", amount: "137.93" },
            { name: "Investitionsbetrag", amount: "46.88" },
            { name: "Interventionsdienst", amount: "340.11" },
          ],
          source: {
            file: "004_46ec7c044b308469.txt",
            clause: "§ 5.1",
            quote: "Für die Zeit ab dem 01. Januar 2026 – 30. Juni 2026 wird … folgendes Entgelt pro Leistungsberechtigtem und Leistungstag vereinbart",
          },
          ruleId: "A4-R07",
        },
      ],
    });
    expect(rateOf(a4, "absenceRate")?.periods[0]).toMatchObject({ amount: "1216.01", amountCents: 121601, source: { clause: "§ 5.3" }, ruleId: "A4-R09" });
    expect(rateOf(a4, "rentSupplementDay")?.periods[0]).toMatchObject({ printedAmount: "21.73", amount: "21.73", amountCents: 2173, components: [], source: { clause: "§ 5.5", quote: "21,73 € pro Belegungstag" }, ruleId: "A4-R11" });
    const skilled = rateOf(a4, "accompanimentSkilled")!;
    expect(skilled.key).toEqual({ qualification: "skilled" });
    expect(skilled.periods).toEqual([
      {
        validFrom: "2026-01-01",
        validTo: "2026-06-30",
        inputId: "P-A4-09",
        example: false,
        components: [],
        source: { file: "004_46ec7c044b308469.txt", clause: "§ 5.8", quote: "pro kompensierter Leistungsstunde (60 Minuten)" },
        ruleId: "A4-R13",
      },
    ]);
    // A2's lump sums are keyed by need group.
    const a2 = (await server.api("GET", "/api/v1/agreements/A2")).body;
    expect(rateOf(a2, "measureLumpSumGroup3")).toMatchObject({ unit: "agreedUnit", key: { needGroup: 3 }, periods: [{ validFrom: "2025-01-01", inputId: "P-A2-01-3" }] });
  });

  it("fills an open rate from the catalogue's or the instance's input, marked as example value", async () => {
    const leipzig = (await server.api("GET", "/api/v1/agreements/A0-beispiel-leipzig")).body;
    expect(rateOf(leipzig, "specialistHour")?.periods.map((period) => [period.validFrom, period.validTo, period.inputId, period.amount, period.amountCents, period.example, (period.source as { clause: string }).clause])).toEqual([
      ["2026-01-01", "2026-12-31", "P-A0-05", "100.00", 10000, true, "§ 2"],
      ["2027-01-01", "2027-11-30", "P-A0-06", "110.00", 11000, true, "§ 2"],
    ]);
    const instance = (await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A4", inputs: { "P-A4-09": { value: "48.50", example: true } } })).body.id as string;
    const state = (await server.api("GET", `/api/v1/agreement-instances/${instance}/state`)).body;
    expect(rateOf(state, "accompanimentSkilled")?.periods[0]).toMatchObject({ inputId: "P-A4-09", amount: "48.50", amountCents: 4850, example: true });
    expect(rateOf(state, "accompanimentNonSkilled")?.periods[0]).not.toHaveProperty("amount");
    expect(state.inputs.find((input: { id: string }) => input.id === "P-A4-09")).toMatchObject({ filled: true, example: true, value: "48.50" });
    expect((await server.api("DELETE", `/api/v1/agreement-instances/${instance}`)).status).toBe(204);
  });

  it("names the choices of a choice input with their German words, and the values the catalogue fills", async () => {
    const a2 = (await server.api("GET", "/api/v1/agreements/A2")).body;
    const unit = a2.inputs.find((input: { id: string }) => input.id === "P-A2-01");
    expect(unit.choices).toEqual([
      { value: "serviceDay", label: "Tag" },
      { value: "month", label: "Monat" },
      { value: "hour", label: "Stunde" },
    ]);
    expect(a2.openInputs.find((input: { id: string }) => input.id === "P-A2-11").choices).toEqual([
      { value: "quarter", label: "Kalendervierteljahr" },
      { value: "month", label: "Kalendermonat" },
    ]);
    // The words come from the agreement file (choiceLabels), so a new agreement brings its own without code.
    const a0 = (await server.api("GET", "/api/v1/agreements/A0")).body;
    expect(a0.inputs.find((input: { id: string }) => input.id === "P-A0-10").choices).toEqual([
      { value: "direct", label: "direkt" },
      { value: "indirect", label: "mittelbar" },
      { value: "other", label: "sonstige (wie Fahrtzeiten)" },
    ]);
    const a1 = (await server.api("GET", "/api/v1/agreements/A1")).body;
    expect(a1.inputs.find((input: { id: string }) => input.id === "P-A1-01").choices).toEqual([{ value: "0.0.5.1" }, { value: "0.0.5.2" }, { value: "0.0.5.3" }]);
    expect(a1.inputs.find((input: { id: string }) => input.id === "P-A1-02")).not.toHaveProperty("choices");
    const leipzig = (await server.api("GET", "/api/v1/agreements/A0-beispiel-leipzig")).body;
    expect(leipzig.inputs.find((input: { id: string }) => input.id === "P-A0-04")).toMatchObject({ filled: true, example: true, value: 12 });
    expect(leipzig.inputs.find((input: { id: string }) => input.id === "P-A0-05")).toMatchObject({ filled: true, example: true, value: "100.00" });
    expect(leipzig.inputs.find((input: { id: string }) => input.id === "P-A0-12")).toMatchObject({ perCase: true, filled: false });
    expect(leipzig.inputs.find((input: { id: string }) => input.id === "P-A0-12")).not.toHaveProperty("value");
  });

  it("lists the decisions an agreement uses with the option in force and where it comes from", async () => {
    type Decision = { id: string; scope: string; chosen: string; origin: string; defaultOption: string; question: string; options: { option: string; text: string }[] };
    const a4 = (await server.api("GET", "/api/v1/agreements/A4")).body;
    const ids = a4.decisions.map((decision: Decision) => decision.id);
    expect(a4.decisions.filter((decision: Decision) => decision.scope === "agreement").map((decision: Decision) => decision.id)).toEqual(["D01", "D02", "D26", "D27", "D30", "D32"]);
    expect(ids).toContain("D07");
    expect(ids).not.toContain("D21"); // A0's Fachleistungsstunde is no decision of A4
    expect(ids).not.toContain("D11");
    expect(a4.decisions.find((decision: Decision) => decision.id === "D32")).toEqual({
      id: "D32",
      question: "A4 Begleitung im Krankenhaus: Teilstunden",
      scope: "agreement",
      defaultOption: "exactMinutes",
      options: [
        { option: "exactMinutes", text: "exakte Minuten ÷ 60" },
        { option: "wholeHours", text: "nur volle Stunden" },
      ],
      chosen: "exactMinutes",
      origin: "default",
    });
    const instance = (await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A4", policies: { D32: "wholeHours" } })).body.id as string;
    const state = (await server.api("GET", `/api/v1/agreement-instances/${instance}/state`)).body;
    expect(state.decisions.find((decision: Decision) => decision.id === "D32")).toMatchObject({ chosen: "wholeHours", origin: "instance" });
    expect(state.decisions.find((decision: Decision) => decision.id === "D01")).toMatchObject({ chosen: "A", origin: "default" });
    expect((await server.api("DELETE", `/api/v1/agreement-instances/${instance}`)).status).toBe(204);
    const a0 = (await server.api("GET", "/api/v1/agreements/A0-beispiel-leipzig")).body;
    expect(a0.decisions.filter((decision: Decision) => decision.scope === "agreement").map((decision: Decision) => decision.id)).toEqual(["D21", "D22"]);
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
