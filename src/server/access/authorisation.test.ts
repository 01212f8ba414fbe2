/**
 * The matrix test of issue 4, through real HTTP: every role of two tenants (and payer caseworkers of two
 * payers) calls every route of the OpenAPI document — with ids of the other tenant and of clients not assigned
 * to them (each refused with 404), and with their own ids (allowed calls answer 2xx, refused ones 403/404 as
 * the matrix says). Plus the cases a data-protection officer checks: a Fachkraft cannot read an unassigned
 * client's plan, Verwaltung no plan texts or entry notes, a payer caseworker only its own invoices, a Leitung
 * needs a reason for an unassigned file, every write leaves exactly one audit entry without health data and a
 * refused request none.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, clientAssignments, organisations, serviceEntries } from "../../store/schema/index.ts";
import { seedBillingExamples } from "../billing/seedBillingExamples.ts";
import { createTestAccount, instanceIdOf, loginTestAccount, startTestServer, TENANT_A, TENANT_B, type ApiAnswer, type TestServer } from "../serverTestSupport.ts";
import { findAccess, findArea, HUMAN_ROLES, isMethodAllowed, type HumanRole } from "./accessMatrix.ts";
import { routeUrlOf } from "./accessMatrixTable.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PAYER_ONE = "HB-EGH";
const PAYER_TWO = "KSV-SN";
const MARKER = "Geheimnotiz-Gesundheit-7f3a";

let server: TestServer;
let routes: Array<{ method: string; path: string }>;

interface File {
  client: string;
  case: string;
  ids: Record<string, string>;
}
interface Tenant {
  organisationId: string;
  instanceId: string;
  assigned: File;
  unassigned: File;
  /** Ids by URL segment: the assigned client's file, staff, agreement instance, billing run, an issued invoice to PAYER_ONE. */
  ids: Record<string, string>;
  invoiceToPayerTwo: string;
}
const tenants: Record<string, Tenant> = {};

interface Caller {
  role: HumanRole;
  organisationId: string;
  userId: string;
  clientId?: string;
}

function headersOf(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  return { "x-teilhabe-role": caller.role, "x-teilhabe-user": caller.userId, ...(caller.clientId ? { "x-teilhabe-client": caller.clientId } : {}), ...extra };
}

function call(caller: Caller, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<ApiAnswer> {
  return server.api(method, path, body, { organisation: caller.organisationId, headers: headersOf(caller, extra) });
}

async function post(organisationId: string, path: string, body: unknown): Promise<string> {
  const answer = await server.api("POST", `/api/v1/${path}`, body, { organisation: organisationId });
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** A client with a case and one record of every kind of their file; texts carry MARKER. */
async function createFile(organisationId: string, instanceId: string, name: string): Promise<File> {
  const client = await post(organisationId, "clients", { name, birthDate: "1980-02-03" });
  const caseId = await post(organisationId, "cases", { clientId: client, agreementInstanceId: instanceId, start: "2026-01-01" });
  const hilfeplan = await post(organisationId, "hilfeplans", { caseId, date: "2026-02-01", kind: "initial", summary: MARKER });
  const goal = await post(organisationId, "plan-goals", { hilfeplanId: hilfeplan, title: MARKER });
  const ids: Record<string, string> = {
    clients: client,
    cases: caseId,
    "cost-coverages": await post(organisationId, "cost-coverages", { caseId, from: "2026-01-01" }),
    gesamtplans: await post(organisationId, "gesamtplans", { caseId, date: "2026-01-15" }),
    hilfeplans: hilfeplan,
    "plan-goals": goal,
    "plan-measures": await post(organisationId, "plan-measures", { hilfeplanId: hilfeplan, goalId: goal, title: MARKER }),
    "plan-updates": await post(organisationId, "plan-updates", { hilfeplanId: hilfeplan, goalId: goal, date: "2026-03-01", text: MARKER }),
    "service-entries": await post(organisationId, "service-entries", { caseId, date: "2026-03-10", minutes: 60, note: MARKER }),
    absences: await post(organisationId, "absences", { caseId, reason: "hospital", from: "2026-03-02", to: "2026-03-05" }),
    consents: await post(organisationId, "consents", { caseId, party: "payer", kind: "absenceContinuation", date: "2026-03-25", absenceFrom: "2026-03-02" }),
    crises: await post(organisationId, "crises", { caseId, from: "2026-02-01", note: MARKER }),
    contacts: await post(organisationId, "contacts", { caseId, date: "2026-02-05", kind: "relativeContact", note: MARKER }),
    "case-events": await post(organisationId, "case-events", { caseId, kind: "gesamtplanChange", date: "2026-02-10" }),
    accompaniments: await post(organisationId, "accompaniments", { caseId, date: "2026-03-05", minutes: 150, qualification: "skilled" }),
    tasks: await post(organisationId, "tasks", { caseId, taskType: "progressReport", title: "Bericht", dueDate: "2026-05-01", note: MARKER }),
  };
  return { client, case: caseId, ids };
}

async function createTenant(organisationId: string, instanceId: string): Promise<Tenant> {
  const assigned = await createFile(organisationId, instanceId, `Zugeordnet ${organisationId}`);
  const unassigned = await createFile(organisationId, instanceId, `Nicht zugeordnet ${organisationId}`);
  const staffId = await post(organisationId, "staff-members", { name: `Fachkraft ${organisationId}` });
  await server.store.db.insert(clientAssignments).values({ organisationId, userId: `fachkraft-${organisationId}`, clientId: assigned.client });
  await seedBillingExamples(server.store.db, organisationId);
  const run = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" }, { organisation: organisationId });
  expect(run.status).toBe(201);
  expect((await server.api("POST", `/api/v1/billing-runs/${run.body.id}/issue`, undefined, { organisation: organisationId })).status).toBe(200);
  const invoiceTo = (payerId: string) => (run.body.invoices as Json[]).find((invoice) => invoice.payerId === payerId && invoice.kind === "invoice")!.id as string;
  return {
    organisationId,
    instanceId,
    assigned,
    unassigned,
    ids: {
      ...assigned.ids,
      organisations: organisationId,
      agreements: "A4",
      // an instance only this tenant has (the billing examples give both tenants "inst-A4")
      "agreement-instances": await post(organisationId, "agreement-instances", { agreementId: "A4", title: `A4 – nur ${organisationId}` }),
      "staff-members": staffId,
      "staff-contracts": await post(organisationId, "staff-contracts", { staffId, from: "2026-01-01", weeklyHours: "30.00", function: "Fachkraft", agreementInstanceId: instanceId }),
      "background-checks": await post(organisationId, "background-checks", { staffId, inspectedOn: "2026-01-05", issuedOn: "2025-12-10", result: "noEntries" }),
      "billing-runs": run.body.id,
      invoices: invoiceTo(PAYER_ONE),
    },
    invoiceToPayerTwo: invoiceTo(PAYER_TWO),
  };
}

function callersOf(organisationId: string): Caller[] {
  const tenant = tenants[organisationId]!;
  return HUMAN_ROLES.map((role) => {
    if (role === "payerCaseworker") return { role, organisationId: PAYER_ONE, userId: "sachbearbeitung-1" };
    if (role === "client") return { role, organisationId, userId: `klient-${organisationId}`, clientId: tenant.assigned.client };
    return { role, organisationId, userId: `${role}-${organisationId}` };
  });
}

/** Query parameters a route needs to answer at all. */
const QUERIES: Record<string, string> = {
  "/api/v1/cases/{id}/billing-preview": "?month=2026-03",
  "/api/v1/cases/{id}/volume": "?month=2026-03",
  "/api/v1/invoice-exports/datev": "?from=2026-01-01&to=2026-12-31&consultantNumber=1001&accountingClientNumber=1&revenueAccount=8110",
  "/api/v1/invoice-exports/csv": "?from=2026-01-01&to=2026-12-31",
};

/** The path of a route with the given ids put in (by the route's first segment). */
function pathWith(route: { path: string }, ids: Record<string, string>): string {
  const segment = route.path.replace(/^\/api\/v1\//, "").split("/")[0]!;
  return route.path.replace("{id}", encodeURIComponent(ids[segment] ?? "unbekannt")).replace("{month}", "2026-03") + (QUERIES[route.path] ?? "");
}

/** The DATEV export needs debitor accounts from the environment (TEILHABE_DATEV_*): allowed, it answers 409 naming them. */
const SETTINGS_REFUSAL: Record<string, { status: number; detail: string }> = {
  "/api/v1/invoice-exports/datev": { status: 409, detail: "DATEV-Buchungsstapel kann nicht erzeugt werden" },
};

const hasId = (route: { path: string }) => route.path.includes("{id}");
/** The calendar feed is opened by its secret token, not by an actor; log-in routes have no area. */
const underTest = (route: { path: string }) => !route.path.startsWith("/api/v1/auth/") && !route.path.startsWith("/api/v1/calendar/");

beforeAll(async () => {
  server = await startTestServer();
  // Master data the invoice documents need: both payers of the billing examples, the providers' contact and bank.
  await server.store.db.insert(organisations).values(
    [PAYER_ONE, PAYER_TWO].map((id) => ({ id, kind: "payer" as const, name: `Leistungsträger ${id}`, leitwegId: "04011000-1234512345-06", address: { street: "Amtsweg 1", postalCode: "28195", city: "Bremen", countryCode: "DE" } })),
  );
  for (const organisationId of [TENANT_A, TENANT_B]) {
    const patched = await server.api("PATCH", `/api/v1/organisations/${organisationId}`, { contact: { name: "Frau Beispiel", phone: "0421 123456", email: "abrechnung@example.org" }, iban: "DE02120300000000202051", vatId: "DE123456789" }, { organisation: organisationId });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  }
  const instanceB = await post(TENANT_B, "agreement-instances", { agreementId: "A4", title: "A4 – Träger B" });
  tenants[TENANT_A] = await createTenant(TENANT_A, instanceIdOf("A4"));
  tenants[TENANT_B] = await createTenant(TENANT_B, instanceB);
  const document = (await server.api("GET", "/api/v1/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })))
    .filter(underTest);
}, 120_000);
afterAll(async () => server?.close());

const auditCount = async (organisationId: string) => (await server.store.db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.organisationId, organisationId)))[0]!.n;
const lastAudit = async (organisationId: string) =>
  (await server.store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, organisationId)).orderBy(auditEntries.sequence)).at(-1)!;

describe("matrix: ids of the other tenant and of unassigned clients", () => {
  it("refuses every route naming an id of the other tenant with 404, for every role of both tenants", async () => {
    const wrong: string[] = [];
    for (const [own, other] of [
      [TENANT_A, TENANT_B],
      [TENANT_B, TENANT_A],
    ] as const) {
      for (const caller of callersOf(own)) {
        for (const route of routes.filter(hasId)) {
          if (route.path.startsWith("/api/v1/agreements/")) continue; // the catalogue is shared by all tenants
          // The payer's caseworker sees invoices of both providers: the other payer's invoice is the foreign id.
          const ids = caller.role === "payerCaseworker" ? { ...tenants[other]!.ids, invoices: tenants[other]!.invoiceToPayerTwo } : tenants[other]!.ids;
          const path = pathWith(route, ids);
          const answer = await call(caller, route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {}, { "x-teilhabe-reason": "Matrixtest" });
          if (answer.status !== 404) wrong.push(`${caller.role}@${own} ${route.method} ${path}: ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it("refuses a Fachkraft and a client every route naming a record of an unassigned client with 404", async () => {
    const wrong: string[] = [];
    for (const organisationId of [TENANT_A, TENANT_B]) {
      const tenant = tenants[organisationId]!;
      for (const caller of callersOf(organisationId).filter((candidate) => candidate.role === "fachkraft" || candidate.role === "client")) {
        for (const route of routes.filter((candidate) => hasId(candidate) && pathWith(candidate, tenant.unassigned.ids) !== pathWith(candidate, {}))) {
          const path = pathWith(route, tenant.unassigned.ids);
          if (path.includes("unbekannt")) continue;
          const answer = await call(caller, route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {});
          if (answer.status !== 404) wrong.push(`${caller.role}@${organisationId} ${route.method} ${path}: ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe("matrix: own ids", () => {
  it("answers every read the matrix allows with 200 and refuses every other call as the matrix says (404 with an id, 403 without)", async () => {
    const wrong: string[] = [];
    for (const organisationId of [TENANT_A, TENANT_B]) {
      for (const caller of callersOf(organisationId)) {
        for (const route of routes) {
          const area = findArea(route.method, routeUrlOf(route.path))!;
          const allowed = isMethodAllowed(findAccess(caller.role, area), route.method);
          if (allowed && route.method !== "GET") continue; // writes: see the audit tests below
          const ids = caller.role === "payerCaseworker" ? { ...tenants[organisationId]!.ids, organisations: PAYER_ONE } : tenants[organisationId]!.ids;
          const path = pathWith(route, ids);
          const answer = await call(caller, route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {}, { "x-teilhabe-reason": "Matrixtest" });
          const expected = allowed ? 200 : hasId(route) ? 404 : 403;
          const settings = SETTINGS_REFUSAL[route.path];
          if (allowed && settings && answer.status === settings.status && String(answer.body?.detail).startsWith(settings.detail)) continue;
          if (answer.status !== expected) wrong.push(`${caller.role}@${organisationId} ${route.method} ${path}: ${answer.status}, erwartet ${expected} ${answer.status >= 400 ? JSON.stringify(answer.body?.detail ?? "") : ""}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

/** A valid body per resource, in the assigned client's file of the tenant. */
function createBodyOf(segment: string, tenant: Tenant): Record<string, unknown> | undefined {
  const { case: caseId, ids } = tenant.assigned;
  const bodies: Record<string, Record<string, unknown>> = {
    clients: { name: "Runde Person", birthDate: "1990-01-01" },
    cases: { clientId: tenant.assigned.client, agreementInstanceId: tenant.instanceId, start: "2026-02-01" },
    "cost-coverages": { caseId, from: "2026-02-01" },
    gesamtplans: { caseId, date: "2026-02-15" },
    hilfeplans: { caseId, date: "2026-03-01" },
    "plan-goals": { hilfeplanId: ids.hilfeplans, title: "Runde" },
    "plan-measures": { hilfeplanId: ids.hilfeplans, title: "Runde" },
    "plan-updates": { hilfeplanId: ids.hilfeplans, date: "2026-03-02", text: "Runde" },
    "service-entries": { caseId, date: "2026-03-11", minutes: 30 },
    absences: { caseId, reason: "holiday", from: "2026-04-01", to: "2026-04-03" },
    consents: { caseId, party: "payer", kind: "other", date: "2026-03-01" },
    crises: { caseId, from: "2026-04-01" },
    contacts: { caseId, date: "2026-04-05", kind: "relativeContact" },
    "case-events": { caseId, kind: "other", date: "2026-04-10" },
    accompaniments: { caseId, date: "2026-04-05", minutes: 30, qualification: "skilled" },
    tasks: { caseId, taskType: "other", title: "Runde" },
    "staff-members": { name: "Runde Fachkraft" },
    "staff-contracts": { staffId: tenant.ids["staff-members"], from: "2026-01-01", weeklyHours: "10.00", function: "Fachkraft", agreementInstanceId: tenant.instanceId },
    "background-checks": { staffId: tenant.ids["staff-members"], inspectedOn: "2026-01-05", issuedOn: "2025-12-10", result: "noEntries" },
    "agreement-instances": { agreementId: "A4", title: "Runde" },
  };
  return bodies[segment];
}

describe("matrix: allowed writes", () => {
  it("lets every role create, change and delete what the matrix gives it write access to, one audit entry each", async () => {
    const wrong: string[] = [];
    let writes = 0;
    const before = await auditCount(TENANT_A);
    const tenant = tenants[TENANT_A]!;
    const listRoutes = routes.filter((route) => route.method === "POST" && /^\/api\/v1\/[a-z-]+$/.test(route.path));
    for (const caller of callersOf(TENANT_A)) {
      for (const route of listRoutes) {
        const segment = route.path.split("/")[3]!;
        const body = createBodyOf(segment, tenant);
        const area = findArea("POST", routeUrlOf(route.path))!;
        if (!body || !isMethodAllowed(findAccess(caller.role, area), "POST")) continue;
        // A Fachkraft creates no new client (it would not be assigned to them): refused like an unknown id.
        if (caller.role === "fachkraft" && segment === "clients") {
          if ((await call(caller, "POST", route.path, body)).status !== 404) wrong.push(`${caller.role} POST ${route.path}: neue Person nicht abgelehnt`);
          continue;
        }
        const created = await call(caller, "POST", route.path, body);
        if (created.status !== 201) {
          wrong.push(`${caller.role} POST ${route.path}: ${created.status} ${JSON.stringify(created.body?.detail ?? "")}`);
          continue;
        }
        const changed = await call(caller, "PATCH", `${route.path}/${created.body.id}`, {});
        const deleted = await call(caller, "DELETE", `${route.path}/${created.body.id}`);
        if (changed.status !== 200 || deleted.status !== 204) wrong.push(`${caller.role} ${route.path}: PATCH ${changed.status}, DELETE ${deleted.status}`);
        writes += 3;
      }
    }
    expect(wrong).toEqual([]);
    expect(writes).toBeGreaterThan(60);
    expect(await auditCount(TENANT_A)).toBe(before + writes);
  }, 60_000);
});

describe("rows a role sees", () => {
  const fachkraft = (): Caller => callersOf(TENANT_A).find((caller) => caller.role === "fachkraft")!;
  const verwaltung = (): Caller => callersOf(TENANT_A).find((caller) => caller.role === "verwaltung")!;
  const ids = (answer: ApiAnswer) => (answer.body.items as Json[]).map((item) => item.id as string);

  it("a Fachkraft cannot read an unassigned client's plan, and lists show only assigned clients", async () => {
    const tenant = tenants[TENANT_A]!;
    expect((await call(fachkraft(), "GET", `/api/v1/hilfeplans/${tenant.unassigned.ids.hilfeplans}`)).status).toBe(404);
    expect((await call(fachkraft(), "GET", `/api/v1/hilfeplans/${tenant.assigned.ids.hilfeplans}`)).body.summary).toBe(MARKER);
    expect(ids(await call(fachkraft(), "GET", "/api/v1/hilfeplans"))).toEqual([tenant.assigned.ids.hilfeplans]);
    expect(ids(await call(fachkraft(), "GET", "/api/v1/clients"))).toEqual([tenant.assigned.client]);
    expect(ids(await call(fachkraft(), "GET", `/api/v1/service-entries?caseId=${tenant.unassigned.case}`))).toEqual([]);
    expect(ids(await call(fachkraft(), "GET", "/api/v1/plan-goals"))).toEqual([tenant.assigned.ids["plan-goals"]]);
    const deadlines = await call(fachkraft(), "GET", "/api/v1/deadlines");
    expect(deadlines.status).toBe(200);
    const caseIds = new Set((deadlines.body.deadlines as Json[]).filter((deadline) => deadline.scope === "case").map((deadline) => deadline.caseId));
    expect([...caseIds].every((caseId) => caseId === tenant.assigned.case)).toBe(true);
  });

  it("Verwaltung reads cases, cost coverages and invoices, but no plan texts and no entry notes", async () => {
    const tenant = tenants[TENANT_A]!;
    expect((await call(verwaltung(), "GET", `/api/v1/cases/${tenant.assigned.case}`)).status).toBe(200);
    expect((await call(verwaltung(), "GET", `/api/v1/cost-coverages/${tenant.assigned.ids["cost-coverages"]}`)).status).toBe(200);
    expect((await call(verwaltung(), "GET", `/api/v1/hilfeplans/${tenant.assigned.ids.hilfeplans}`)).status).toBe(404);
    expect((await call(verwaltung(), "GET", `/api/v1/plan-updates/${tenant.assigned.ids["plan-updates"]}`)).status).toBe(404);
    const list = await call(verwaltung(), "GET", "/api/v1/plan-goals");
    expect(list.status).toBe(403);
    expect(list.body.detail).toBe("Die Rolle „Verwaltung“ hat keinen Zugriff auf diesen Bereich (Planung (Gesamtplan, Hilfeplan, Ziele, Maßnahmen, Fortschreibungen))");
    expect((await call(verwaltung(), "GET", `/api/v1/service-entries/${tenant.assigned.ids["service-entries"]}`)).status).toBe(404);
    expect((await call(verwaltung(), "GET", `/api/v1/clients/${tenant.assigned.client}/month/2026-03`)).status).toBe(404);
    expect(JSON.stringify((await call(verwaltung(), "GET", `/api/v1/cases?clientId=${tenant.assigned.client}`)).body)).not.toContain(MARKER);
  });

  it("a payer's caseworker sees only the issued invoices addressed to the payer, of both providers, with lines, rule and clause", async () => {
    const one: Caller = { role: "payerCaseworker", organisationId: PAYER_ONE, userId: "sb-1" };
    const two: Caller = { role: "payerCaseworker", organisationId: PAYER_TWO, userId: "sb-2" };
    const listOne = await call(one, "GET", "/api/v1/invoices?limit=200");
    expect(listOne.status).toBe(200);
    expect(new Set((listOne.body.items as Json[]).map((invoice) => invoice.payerId))).toEqual(new Set([PAYER_ONE]));
    expect(new Set((listOne.body.items as Json[]).map((invoice) => invoice.state))).toEqual(new Set(["issued"]));
    expect(ids(listOne)).toEqual(expect.arrayContaining([tenants[TENANT_A]!.ids.invoices, tenants[TENANT_B]!.ids.invoices]));
    expect(new Set((listOne.body.items as Json[]).map((invoice) => invoice.providerId))).toEqual(new Set([TENANT_A, TENANT_B]));
    const listTwo = await call(two, "GET", "/api/v1/invoices?limit=200");
    expect(ids(listTwo).sort()).toEqual([tenants[TENANT_A]!.invoiceToPayerTwo, tenants[TENANT_B]!.invoiceToPayerTwo].sort());
    expect((await call(one, "GET", `/api/v1/invoices/${tenants[TENANT_A]!.invoiceToPayerTwo}`)).status).toBe(404);
    const invoice = await call(one, "GET", `/api/v1/invoices/${tenants[TENANT_B]!.ids.invoices}`);
    expect(invoice.status).toBe(200);
    expect(invoice.body.lines.length).toBeGreaterThan(0);
    for (const line of invoice.body.lines as Json[]) {
      expect(line.ruleId).toMatch(/^A\d/);
      expect(line.source.clause).toBeTruthy();
    }
    const holds = await call(one, "GET", "/api/v1/billing-holds?limit=200");
    expect(holds.status).toBe(200);
    expect((holds.body.items as Json[]).every((hold) => hold.payerId === PAYER_ONE)).toBe(true);
    // read only: issuing or correcting is refused like an unknown id
    expect((await call(one, "POST", `/api/v1/invoices/${tenants[TENANT_A]!.ids.invoices}/correction`)).status).toBe(404);
    expect((await call(one, "GET", "/api/v1/billing-runs")).status).toBe(403);
  });
});

describe("audit trail of requests", () => {
  const leitung = (): Caller => callersOf(TENANT_A).find((caller) => caller.role === "leitung")!;
  const fachkraft = (): Caller => callersOf(TENANT_A).find((caller) => caller.role === "fachkraft")!;

  it("asks a Leitung for the reason to open a file not assigned to them, and records it", async () => {
    const tenant = tenants[TENANT_A]!;
    const before = await auditCount(TENANT_A);
    const refused = await call(leitung(), "GET", `/api/v1/clients/${tenant.unassigned.client}`);
    expect(refused.status).toBe(428);
    expect(refused.body.detail).toBe("Diese Akte ist Ihnen nicht zugeordnet: bitte den Grund des Zugriffs in der Kopfzeile X-Teilhabe-Reason angeben (URL-kodiert); er wird mit dem Zugriff protokolliert");
    expect(await auditCount(TENANT_A)).toBe(before);
    const opened = await call(leitung(), "GET", `/api/v1/clients/${tenant.unassigned.client}`, undefined, { "x-teilhabe-reason": encodeURIComponent("Vertretung für Frau M. (Urlaub)") });
    expect(opened.status).toBe(200);
    expect(await auditCount(TENANT_A)).toBe(before + 1);
    expect(await lastAudit(TENANT_A)).toMatchObject({
      userId: "leitung-traeger-a",
      role: "leitung",
      address: "127.0.0.1",
      action: "read",
      objectType: "clients",
      objectId: tenant.unassigned.client,
      clientId: tenant.unassigned.client,
      reason: "Vertretung für Frau M. (Urlaub)",
      at: "2026-04-15T10:00:00.000Z",
    });
    // lists need no reason: one entry naming the filter
    expect((await call(leitung(), "GET", `/api/v1/service-entries?caseId=${tenant.unassigned.case}&limit=5`)).status).toBe(200);
    expect(await lastAudit(TENANT_A)).toMatchObject({ action: "list", objectType: "service-entries", objectId: `caseId=${tenant.unassigned.case}`, reason: null });
  });

  it("leaves exactly one entry per write, without the health data, and none for a refused request", async () => {
    const tenant = tenants[TENANT_A]!;
    const secret = "Diagnose-F32.1-nur-im-Eintrag";
    const steps: Array<{ caller: Caller; method: string; path: string; body?: unknown; status: number; action: string; objectType: string }> = [
      { caller: fachkraft(), method: "POST", path: "/api/v1/service-entries", body: { caseId: tenant.assigned.case, date: "2026-04-02", minutes: 45, note: secret }, status: 201, action: "create", objectType: "service-entries" },
      { caller: fachkraft(), method: "POST", path: "/api/v1/plan-updates", body: { hilfeplanId: tenant.assigned.ids.hilfeplans, date: "2026-04-03", text: secret }, status: 201, action: "create", objectType: "plan-updates" },
      { caller: fachkraft(), method: "PATCH", path: `/api/v1/crises/${tenant.assigned.ids.crises}`, body: { note: secret }, status: 200, action: "update", objectType: "crises" },
      { caller: leitung(), method: "POST", path: `/api/v1/tasks/${tenant.assigned.ids.tasks}/complete`, body: { date: "2026-04-10", note: secret }, status: 200, action: "complete", objectType: "tasks/complete" },
      { caller: leitung(), method: "POST", path: "/api/v1/clients", body: { name: "Neu Aufgenommen", birthDate: "1999-09-09" }, status: 201, action: "create", objectType: "clients" },
    ];
    for (const step of steps) {
      const before = await auditCount(TENANT_A);
      const answer = await call(step.caller, step.method, step.path, step.body);
      expect(answer.status, `${step.method} ${step.path}: ${JSON.stringify(answer.body)}`).toBe(step.status);
      expect(await auditCount(TENANT_A)).toBe(before + 1);
      const entry = await lastAudit(TENANT_A);
      expect(entry).toMatchObject({ userId: step.caller.userId, role: step.caller.role, action: step.action, objectType: step.objectType, address: "127.0.0.1" });
      expect(entry.objectId).toBe(step.method === "POST" && step.action === "create" ? answer.body.id : step.path.split("/")[4]);
      if (step.objectType !== "clients") expect(entry.clientId).toBe(tenant.assigned.client);
      expect(JSON.stringify(entry)).not.toContain(secret);
    }
    const deleted = await call(fachkraft(), "DELETE", `/api/v1/service-entries/${tenant.assigned.ids["service-entries"]}`);
    expect(deleted.status).toBe(204);
    expect(await lastAudit(TENANT_A)).toMatchObject({ action: "delete", objectType: "service-entries", objectId: tenant.assigned.ids["service-entries"], clientId: tenant.assigned.client });
    // No entry anywhere holds a text of the file.
    const all = await server.store.db.select().from(auditEntries);
    expect(JSON.stringify(all)).not.toContain(secret);
    expect(JSON.stringify(all)).not.toContain(MARKER);

    const verwaltung = callersOf(TENANT_A).find((caller) => caller.role === "verwaltung")!;
    const entriesBefore = (await server.store.db.select({ n: count() }).from(serviceEntries).where(and(eq(serviceEntries.organisationId, TENANT_A), eq(serviceEntries.caseId, tenant.unassigned.case))))[0]!.n;
    const before = await auditCount(TENANT_A);
    const refusals: Array<[Caller, string, string, unknown, number]> = [
      [fachkraft(), "POST", "/api/v1/service-entries", { caseId: tenant.unassigned.case, date: "2026-04-02", minutes: 45, note: secret }, 404],
      [fachkraft(), "PATCH", `/api/v1/service-entries/${tenant.unassigned.ids["service-entries"]}`, { note: secret }, 404],
      [fachkraft(), "PATCH", `/api/v1/absences/${tenant.assigned.ids.absences}`, { caseId: tenant.unassigned.case }, 404],
      [verwaltung, "POST", "/api/v1/hilfeplans", { caseId: tenant.assigned.case, date: "2026-04-01" }, 403],
      [verwaltung, "GET", `/api/v1/plan-goals/${tenant.assigned.ids["plan-goals"]}`, undefined, 404],
      [leitung(), "GET", `/api/v1/cases/${tenant.unassigned.case}`, undefined, 428],
    ];
    for (const [caller, method, path, body, status] of refusals) expect((await call(caller, method, path, body)).status, `${method} ${path}`).toBe(status);
    expect(await auditCount(TENANT_A)).toBe(before);
    expect((await server.store.db.select({ n: count() }).from(serviceEntries).where(and(eq(serviceEntries.organisationId, TENANT_A), eq(serviceEntries.caseId, tenant.unassigned.case))))[0]!.n).toBe(entriesBefore);
  });

  it("records every read of a file once, also reads at the same time (on PostgreSQL without BEGIN/COMMIT), and none for a read that failed", async () => {
    const tenant = tenants[TENANT_A]!;
    const before = await auditCount(TENANT_A);
    const paths = [`/api/v1/clients/${tenant.assigned.client}/month/2026-03`, `/api/v1/crises/${tenant.assigned.ids.crises}`, `/api/v1/service-entries?caseId=${tenant.assigned.case}`];
    for (const path of paths) expect((await call(fachkraft(), "GET", path)).status, path).toBe(200);
    expect(await auditCount(TENANT_A)).toBe(before + 3);
    const together = await Promise.all(Array.from({ length: 6 }, (_, index) => call(fachkraft(), "GET", paths[index % 3]!)));
    expect(together.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await auditCount(TENANT_A)).toBe(before + 9);
    const entries = (await server.store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, TENANT_A)).orderBy(auditEntries.sequence)).slice(-9);
    expect(entries.filter((entry) => entry.objectType === "clients/month").map((entry) => [entry.action, entry.objectId, entry.clientId])).toEqual(Array.from({ length: 3 }, () => ["read", tenant.assigned.client, tenant.assigned.client]));
    expect((await call(fachkraft(), "GET", "/api/v1/clients/gibt-es-nicht/month/2026-03")).status).toBe(404);
    expect((await call(fachkraft(), "GET", "/api/v1/service-entries/gibt-es-nicht")).status).toBe(404);
    expect(await auditCount(TENANT_A)).toBe(before + 9);
  });

  it("records a billing run and its issue by Verwaltung, one entry each", async () => {
    const verwaltung = callersOf(TENANT_A).find((caller) => caller.role === "verwaltung")!;
    const before = await auditCount(TENANT_A);
    const run = await call(verwaltung, "POST", "/api/v1/billing-runs", { month: "2026-04" });
    expect(run.status).toBe(201);
    expect(await lastAudit(TENANT_A)).toMatchObject({ action: "create", objectType: "billing-runs", objectId: run.body.id, role: "verwaltung" });
    const issued = await call(verwaltung, "POST", `/api/v1/billing-runs/${run.body.id}/issue`);
    expect(issued.status).toBe(200);
    expect(await lastAudit(TENANT_A)).toMatchObject({ action: "issue", objectType: "billing-runs/issue", objectId: run.body.id });
    expect(await auditCount(TENANT_A)).toBe(before + 2);
  });
});

describe("the same enforcement behind a session", () => {
  it("a logged-in Fachkraft reads the assigned client's plan, not the unassigned one's, and the entry names the account", async () => {
    const tenant = tenants[TENANT_A]!;
    const account = await createTestAccount(server, { id: "fk-sitzung", role: "fachkraft", assignedClientIds: [tenant.assigned.client] });
    const session = await loginTestAccount(server, account);
    expect((await session.call("GET", `/api/v1/hilfeplans/${tenant.assigned.ids.hilfeplans}`)).status).toBe(200);
    expect(await lastAudit(TENANT_A)).toMatchObject({ userId: "fk-sitzung", role: "fachkraft", action: "read", objectType: "hilfeplans", clientId: tenant.assigned.client });
    expect((await session.call("GET", `/api/v1/hilfeplans/${tenant.unassigned.ids.hilfeplans}`)).status).toBe(404);
    expect((await session.call("GET", "/api/v1/billing-runs")).status).toBe(403);
    const created = await session.call("POST", "/api/v1/service-entries", { caseId: tenant.unassigned.case, date: "2026-04-02", minutes: 15 });
    expect(created.status).toBe(404);
    expect(created.body.detail).toBe(`Fall „${tenant.unassigned.case}“ nicht gefunden`);
  });
});
