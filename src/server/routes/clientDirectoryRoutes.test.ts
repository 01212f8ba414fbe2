import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries, clientAssignments, organisations } from "../../store/schema/index.ts";
import { instanceIdOf, PAYER, startTestServer, TENANT_A, TENANT_B, type ApiAnswer, type TestServer } from "../serverTestSupport.ts";
import { containsPattern } from "./clientDirectoryRoutes.ts";

let server: TestServer;
const ids: Record<string, string> = {};
const OTHER_PAYER = "kostentraeger-hannover";
const FACHKRAFT = { "x-teilhabe-role": "fachkraft", "x-teilhabe-user": "fachkraft-a" };

async function created(answer: Promise<ApiAnswer>): Promise<string> {
  const result = await answer;
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.id as string;
}

const names = (answer: ApiAnswer): string[] => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.items as Array<{ name: string }>).map((item) => item.name);
};

beforeAll(async () => {
  // today = 2026-04-15 (startTestServer)
  server = await startTestServer();
  await server.store.db.insert(organisations).values({ id: OTHER_PAYER, kind: "payer", name: "Region Hannover (Test)" });
  const client = (name: string, organisation = TENANT_A) => created(server.api("POST", "/api/v1/clients", { name }, { organisation }));
  ids.annaMuster = await client("Anna Muster");
  ids.rabatt = await client("Bernd 50%_Rabatt");
  ids.rabatt2 = await client("Bernd 50xxRabatt");
  ids.carla = await client("Carla Muster");
  ids.dora = await client("Dora Beispiel");
  ids.emil = await client("emil muster");
  ids.fremd = await client("Anna Fremd", TENANT_B);
  const caseOf = (clientId: string, body: Record<string, unknown>) =>
    created(server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), payerId: PAYER, ...body }));
  // Anna: running A0 case (Bremen payer) with a coverage of 20 hours a month until 2026-12-31, and an ended A4 case
  ids.annaCase = await caseOf(ids.annaMuster, { start: "2026-01-01" });
  ids.annaOld = await caseOf(ids.annaMuster, { agreementInstanceId: instanceIdOf("A4"), start: "2025-01-01", end: "2025-12-31" });
  ids.annaCoverage = await created(server.api("POST", "/api/v1/cost-coverages", { caseId: ids.annaCase, from: "2026-01-01", to: "2026-12-31", approvedVolume: { hours: "20", per: "month" } }));
  await created(server.api("POST", "/api/v1/cost-coverages", { caseId: ids.annaCase, from: "2025-01-01", to: "2025-12-31" }));
  for (const [date, minutes] of [
    ["2026-03-02", 240],
    ["2026-03-09", 330],
    ["2026-03-16", 180],
  ] as const)
    await created(server.api("POST", "/api/v1/service-entries", { caseId: ids.annaCase, date, minutes, attribution: "SGB IX" }));
  await created(server.api("POST", "/api/v1/tasks", { caseId: ids.annaCase, taskType: "other", title: "Bericht schreiben", dueDate: "2026-05-20" }));
  await created(server.api("POST", "/api/v1/tasks", { caseId: ids.annaCase, taskType: "other", title: "Später", dueDate: "2026-07-01" }));
  // Carla: waiting (starts after today) at the other payer; Dora: ended; Bernd 50%_Rabatt: running A4; the rest without a case
  await caseOf(ids.carla, { agreementInstanceId: instanceIdOf("A4"), payerId: OTHER_PAYER, start: "2026-06-01" });
  await caseOf(ids.dora, { start: "2025-01-01", end: "2026-03-31" });
  await caseOf(ids.rabatt, { agreementInstanceId: instanceIdOf("A4"), start: "2026-02-01" });
  await server.store.db.insert(clientAssignments).values([
    { organisationId: TENANT_A, userId: "fachkraft-a", clientId: ids.carla },
    { organisationId: TENANT_A, userId: "fachkraft-a", clientId: ids.dora },
  ]);
}, 60_000);
afterAll(async () => server?.close());

describe("GET /api/v1/client-directory", () => {
  it("lists every client of the tenant by name with state, cases, payer, today's coverage and the next open task", async () => {
    const answer = await server.api("GET", "/api/v1/client-directory");
    expect(names(answer)).toEqual(["Anna Muster", "Bernd 50%_Rabatt", "Bernd 50xxRabatt", "Carla Muster", "Dora Beispiel", "emil muster"]);
    expect(answer.body.total).toBe(6);
    expect(answer.body.options.payers).toEqual([
      { id: OTHER_PAYER, name: "Region Hannover (Test)" },
      { id: PAYER, name: "Senatorin für Soziales Bremen" },
    ]);
    expect(answer.body.options.agreements.map((agreement: { id: string }) => agreement.id).sort()).toEqual(
      ["A0-beispiel-leipzig", "A1-beispiel", "A2-beispiel-bremen", "A3-beispiel", "A4"].map(instanceIdOf).sort(),
    );
    const anna = answer.body.items[0];
    expect(anna).toMatchObject({ id: ids.annaMuster, state: "active", nextTask: { title: "Bericht schreiben", dueDate: "2026-05-20" } });
    expect(anna.cases).toEqual([
      {
        id: ids.annaOld,
        agreementInstanceId: instanceIdOf("A4"),
        agreementId: "A4",
        agreementTitle: expect.any(String),
        payerId: PAYER,
        payerName: "Senatorin für Soziales Bremen",
        start: "2025-01-01",
        end: "2025-12-31",
        accessStatus: "regular",
        coverage: null,
      },
      {
        id: ids.annaCase,
        agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"),
        agreementId: "A0-beispiel-leipzig",
        agreementTitle: expect.any(String),
        payerId: PAYER,
        payerName: "Senatorin für Soziales Bremen",
        start: "2026-01-01",
        end: null,
        accessStatus: "regular",
        coverage: { id: ids.annaCoverage, to: "2026-12-31" },
      },
    ]);
    const states = Object.fromEntries((answer.body.items as Array<{ name: string; state: string }>).map((item) => [item.name, item.state]));
    expect(states).toEqual({ "Anna Muster": "active", "Bernd 50%_Rabatt": "active", "Bernd 50xxRabatt": "none", "Carla Muster": "waiting", "Dora Beispiel": "ended", "emil muster": "none" });
  });

  it("searches a part of the name regardless of case, taking % and _ literally", async () => {
    expect(names(await server.api("GET", "/api/v1/client-directory?name=MUSTER"))).toEqual(["Anna Muster", "Carla Muster", "emil muster"]);
    expect(names(await server.api("GET", `/api/v1/client-directory?name=${encodeURIComponent("50%_")}`))).toEqual(["Bernd 50%_Rabatt"]);
    expect(names(await server.api("GET", "/api/v1/client-directory?name=_"))).toEqual(["Bernd 50%_Rabatt"]);
    expect(names(await server.api("GET", `/api/v1/client-directory?name=${encodeURIComponent("' or 1=1 --")}`))).toEqual([]);
    expect(containsPattern("a\\b%c_d")).toBe("%a\\\\b\\%c\\_d%");
  });

  it("filters by agreement, payer and state, combined with the search", async () => {
    expect(names(await server.api("GET", `/api/v1/client-directory?agreement=${instanceIdOf("A4")}`))).toEqual(["Anna Muster", "Bernd 50%_Rabatt", "Carla Muster"]);
    expect(names(await server.api("GET", `/api/v1/client-directory?payer=${OTHER_PAYER}`))).toEqual(["Carla Muster"]);
    expect(names(await server.api("GET", "/api/v1/client-directory?state=ended"))).toEqual(["Dora Beispiel"]);
    expect(names(await server.api("GET", "/api/v1/client-directory?state=none"))).toEqual(["Bernd 50xxRabatt", "emil muster"]);
    expect(names(await server.api("GET", `/api/v1/client-directory?state=active&agreement=${instanceIdOf("A4")}&name=bernd`))).toEqual(["Bernd 50%_Rabatt"]);
    const refused = await server.api("GET", "/api/v1/client-directory?state=gone");
    expect(refused.status).toBe(400);
  });

  it("pages by name with a cursor, every client once, the total on every page", async () => {
    const seen: string[] = [];
    const totals: number[] = [];
    const optionsShown: boolean[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ApiAnswer = await server.api("GET", `/api/v1/client-directory?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...names(page));
      totals.push(page.body.total);
      optionsShown.push(page.body.options !== undefined);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(["Anna Muster", "Bernd 50%_Rabatt", "Bernd 50xxRabatt", "Carla Muster", "Dora Beispiel", "emil muster"]);
    expect(totals).toEqual([6, 6]);
    expect(optionsShown).toEqual([true, false]);
    const searched = await server.api("GET", "/api/v1/client-directory?limit=2&name=muster");
    expect(names(searched)).toEqual(["Anna Muster", "Carla Muster"]);
    const rest = await server.api("GET", `/api/v1/client-directory?limit=2&name=muster&cursor=${searched.body.nextCursor}`);
    expect(names(rest)).toEqual(["emil muster"]);
    expect(rest.body).toMatchObject({ total: 3, nextCursor: null });
    expect((await server.api("GET", "/api/v1/client-directory?cursor=kaputt")).status).toBe(400);
  });

  it("answers a search without the filter options when the page has them (options=false), counting every match beyond the page", async () => {
    const withOptions = await server.api("GET", "/api/v1/client-directory?limit=1&name=muster");
    const without = await server.api("GET", "/api/v1/client-directory?limit=1&name=muster&options=false");
    expect(names(without)).toEqual(["Anna Muster"]);
    expect(without.body.total).toBe(3);
    expect(without.body.options).toBeUndefined();
    expect(withOptions.body.options.payers).toHaveLength(2);
    expect({ ...withOptions.body, options: undefined }).toEqual({ ...without.body, options: undefined });
    // No match: the total is 0, not missing; a filter narrows the count as it narrows the page.
    expect((await server.api("GET", "/api/v1/client-directory?name=gibt-es-nicht&options=false")).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await server.api("GET", "/api/v1/client-directory?limit=1&name=muster&state=active&options=false")).body).toMatchObject({ total: 1, nextCursor: null });
    expect((await server.api("GET", "/api/v1/client-directory?options=vielleicht")).status).toBe(400);
  });

  it("never shows another tenant's clients", async () => {
    expect(names(await server.api("GET", "/api/v1/client-directory?name=anna"))).toEqual(["Anna Muster"]);
    const tenantB = await server.api("GET", "/api/v1/client-directory", undefined, { organisation: TENANT_B });
    expect(names(tenantB)).toEqual(["Anna Fremd"]);
    expect(tenantB.body.total).toBe(1);
  });

  it("shows a Fachkraft only the clients assigned to them, refuses a payer's caseworker, and audits the list without the searched name", async () => {
    const own = await server.api("GET", "/api/v1/client-directory?name=a", undefined, { headers: FACHKRAFT });
    expect(names(own)).toEqual(["Carla Muster", "Dora Beispiel"]);
    expect(own.body.total).toBe(2);
    const [entry] = await server.store.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.organisationId, TENANT_A), eq(auditEntries.userId, "fachkraft-a"), eq(auditEntries.objectType, "client-directory")));
    expect(entry).toMatchObject({ action: "list", objectId: "name=(angegeben)", role: "fachkraft" });
    const payer = await server.api("GET", "/api/v1/client-directory", undefined, { organisation: PAYER, headers: { "x-teilhabe-role": "payerCaseworker", "x-teilhabe-user": "sb-1" } });
    expect(payer.status).toBe(403);
  });
});

describe("GET /api/v1/clients/:id/volume and /deadlines", () => {
  it("gives per running case the engine's volume and per coverage the approved, billed and remaining hours", async () => {
    const answer = await server.api("GET", `/api/v1/clients/${ids.annaMuster}/volume?month=2026-03`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.cases.map((view: { caseId: string }) => view.caseId)).toEqual([ids.annaCase]);
    expect(answer.body.cases[0]).toMatchObject({ agreementId: "A0-beispiel-leipzig", applies: false });
    // 4 h + 5.5 h + 3 h = 12.5 h of 20 h approved for the month
    expect(answer.body.cases[0].coverages).toEqual([
      { id: ids.annaCoverage, from: "2026-01-01", to: "2026-12-31", approvedHours: "20", per: "month", billedHours: "12.5", remainingHours: "7.5", note: null },
    ]);
  });

  it("gives the deadlines of every case of the client with rule and clause", async () => {
    const answer = await server.api("GET", `/api/v1/clients/${ids.annaMuster}/deadlines`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.asOf).toBe("2026-04-15");
    expect(answer.body.cases.map((view: { caseId: string }) => view.caseId)).toEqual([ids.annaOld, ids.annaCase]);
    expect(answer.body.cases[1]).toMatchObject({ agreementId: "A0-beispiel-leipzig", start: "2026-01-01", end: null, agreementTitle: expect.stringContaining("Elternschaft") });
    const deadline = answer.body.cases[1].deadlines[0];
    expect(deadline.explanation.ruleId).toMatch(/^A0-R/);
    expect(deadline.explanation.source.clause).toMatch(/§/);
  });

  it("answers 404 for another tenant's client and for a Fachkraft's unassigned client", async () => {
    expect((await server.api("GET", `/api/v1/clients/${ids.fremd}/volume`)).status).toBe(404);
    expect((await server.api("GET", `/api/v1/clients/${ids.annaMuster}/deadlines`, undefined, { headers: FACHKRAFT })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/clients/${ids.dora}/deadlines`, undefined, { headers: FACHKRAFT })).status).toBe(200);
  });
});
