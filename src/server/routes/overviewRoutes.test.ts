/**
 * GET /api/v1/overview over the demo provider (50 clients, five agreements, today 2026-04-15): the sections each
 * role may read, the engine's deadlines with rule and clause, the demo's open tasks (demoTasks.ts) narrowed to a
 * Fachkraft's clients, the staffing findings of the demo team (one background check missing, demoStaffRecords.ts), the
 * holds of a billing run grouped by reason, and the occupancy against the agreed places.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { loadDemoIfAbsent } from "../../demo/loadDemo.ts";
import { auditEntries } from "../../store/schema/index.ts";
import { startTestServer, TEST_PASSWORD_PARAMETERS, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;

type Role = "leitung" | "fachkraft" | "verwaltung" | "administrator" | "payerCaseworker" | "client" | "system";
const USERS: Record<Role, string> = {
  leitung: "demo-U-leitung",
  fachkraft: "demo-U-fachkraft",
  verwaltung: "demo-U-verwaltung",
  administrator: "demo-U-admin",
  payerCaseworker: "demo-U-payer",
  client: "demo-U-klient",
  system: "system",
};
const as = (role: Role) => ({ organisation: DEMO_PROVIDER_ID, headers: { "x-teilhabe-role": role, "x-teilhabe-user": USERS[role], ...(role === "client" ? { "x-teilhabe-client": "demo-K-003" } : {}) } });
const overviewOf = (role: Role, query = "?asOf=2026-04-15") => server.api("GET", `/api/v1/overview${query}`, undefined, as(role));

beforeAll(async () => {
  server = await startTestServer({ today: "2026-04-15" });
  await loadDemoIfAbsent(server.store, server.context.catalogue, { today: "2026-04-15", passwordParameters: TEST_PASSWORD_PARAMETERS });
}, 120_000);
afterAll(async () => server?.close());

describe("overview", () => {
  it("gives a Leitung every section, with the overdue quality report of A2 (rule, clause, German date of the engine)", async () => {
    const answer = await overviewOf("leitung");
    expect(answer.status).toBe(200);
    expect(answer.body.sections).toEqual(["deadlines", "tasks", "holds", "occupancy", "staffing"]);
    const overdue = answer.body.deadlines.items.filter((item: { status: string }) => item.status === "overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      title: "Qualitätsbericht (mit Bestätigung der Führungszeugnisse) 2025",
      drivingDue: "2026-03-31",
      scope: "agreement",
      agreementInstanceId: "demo-A2",
      explanation: { ruleId: "A2-R14", source: { clause: "§ 7.1" } },
    });
    expect(answer.body.deadlines.items).toHaveLength(45);
    const caseDeadline = answer.body.deadlines.items.find((item: { clientId?: string }) => item.clientId === "demo-K-001");
    expect(caseDeadline).toMatchObject({ title: "Sozial- und Entwicklungsbericht erstellen", drivingDue: "2026-06-01", clientName: "Beispiel-Person Anna P.", explanation: { ruleId: "A0-R13" } });
    expect(answer.body.tasks.items.map((task: { dueDate: string; title: string; status: string; clientId: string; ruleId: string | null }) => `${task.dueDate} ${task.title} ${task.status} ${task.clientId} ${task.ruleId ?? "–"}`)).toEqual([
      "2026-03-17 Folgeantrag auf Kostenübernahme beim Kostenträger stellen overdue demo-K-018 –",
      "2026-04-10 Hilfeplangespräch vorbereiten overdue demo-K-003 –",
      "2026-04-20 Entwicklungsbericht abstimmen dueSoon demo-K-001 A0-R13",
      "2026-04-27 Verlaufsbericht an den Kostenträger senden dueSoon demo-K-007 A1-R20",
      "2026-05-06 Fallbesprechung im Team vorbereiten open demo-K-013 –",
      "2026-05-25 Verlaufsbericht an den Kostenträger senden open demo-K-009 A3-R30",
    ]);
    expect(answer.body.tasks.items[2]).toMatchObject({ clientName: "Beispiel-Person Anna P.", assigneeId: "demo-M-01", source: { clause: "§ 1.2" } });
    expect(answer.body.staffing.counts).toEqual({ block: 1, hold: 11, warn: 7, task: 5, info: 7 });
    const checkFindings = answer.body.staffing.findings.filter((finding: { code: string }) => finding.code.startsWith("backgroundCheck") && finding.code !== "backgroundCheckInputMissing");
    expect(checkFindings.map((finding: { severity: string; message: string; explanation: { ruleId: string } }) => `${finding.severity} ${finding.explanation.ruleId} ${finding.message}`)).toEqual([
      "block A2-R12 Beispiel-Fachkraft Heilerziehungspfleger (Bremen) (demo-M-05): kein anerkanntes Führungszeugnis bei Beginn am 01.02.2025: kein Einsatz mit Kontakt zu Leistungsberechtigten",
      "task A3-R22 Beispiel-Fachkraft Sozialpädagogin (Celle) (demo-M-06): nächstes Führungszeugnis spätestens am 26.05.2026 vorlegen lassen",
      "task A3-R22 Beispiel-Anleiter Tischler (Celle) (demo-M-07): nächstes Führungszeugnis spätestens am 18.02.2027 vorlegen lassen",
      "task X-R01 Beispiel-Mitarbeiter Interventionsdienst (Bremen) (demo-M-09): nächstes Führungszeugnis spätestens am 20.08.2028 vorlegen lassen (ausgestellt frühestens am 20.05.2028) – strengste Regel: A2-beispiel-bremen, A4",
      "task A4-R22 Beispiel-Fachkraft Heilerziehungspflegerin (Wohngruppe Bremen) (demo-M-08): nächstes Führungszeugnis spätestens am 05.02.2029 vorlegen lassen (ausgestellt frühestens am 05.11.2028)",
    ]);
    expect(answer.body.staffing.findings.some((finding: { severity: string }) => finding.severity === "info")).toBe(false);
  });

  it("counts the active cases against the agreed places, names example values and says where an agreement sets no places", async () => {
    const occupancy = (await overviewOf("leitung")).body.occupancy.items as Array<Record<string, unknown>>;
    expect(occupancy.map((item) => `${item.agreementInstanceId} ${item.activeCases}/${item.places ?? "–"} ${item.status}`)).toEqual([
      "demo-A0 10/12 within",
      "demo-A1 10/– notAgreed",
      "demo-A2 10/– notAgreed",
      "demo-A3 10/20 within",
      "demo-A4 10/10 within",
    ]);
    expect(occupancy[4]).toMatchObject({ message: "Belegung am 15.04.2026: 10 von 10 Plätzen.", ruleId: "A4-R04", source: { clause: "§ 2.7" }, exampleValue: false });
    expect(occupancy[0]).toMatchObject({ exampleValue: true, ruleId: "A0-R03" });
    // Before the cases began nobody is counted.
    const early = (await overviewOf("leitung", "?asOf=2000-01-03")).body.occupancy.items as Array<{ activeCases: number }>;
    expect(early.map((item) => item.activeCases)).toEqual([0, 0, 0, 0, 0]);
  });

  it("names the open places input instead of a number while the places are not filled in", async () => {
    const created = await server.api("POST", "/api/v1/agreement-instances", { agreementId: "A3", title: "Zuverdienst ohne Platzzahl" }, as("system"));
    expect(created.status).toBe(201);
    const itemOf = async () => (await overviewOf("leitung")).body.occupancy.items.find((item: { agreementInstanceId: string }) => item.agreementInstanceId === created.body.id);
    expect(await itemOf()).toMatchObject({
      activeCases: 0,
      places: null,
      status: "unknown",
      missingInput: { id: "P-A3-07", label: "Vereinbarte Platzzahl" },
      message: "Kapazität nicht prüfbar: Eingabe P-A3-07 fehlt: Vereinbarte Platzzahl (§ 1.2, „Hier ist die Anzahl der zwischen den Vertragsparteien vereinbarten Plätze einzutragen.“)",
      ruleId: "A3-R01",
    });
    expect((await server.api("PATCH", `/api/v1/agreement-instances/${created.body.id}`, { inputs: { "P-A3-07": { value: 8 } } }, as("system"))).status).toBe(200);
    expect(await itemOf()).toMatchObject({ places: 8, status: "within", missingInput: null, exampleValue: false, message: "Belegung am 15.04.2026: 0 von 8 Plätzen." });
    expect((await server.api("DELETE", `/api/v1/agreement-instances/${created.body.id}`, undefined, as("system"))).status).toBe(204);
  });

  it("shows a Fachkraft only the tasks of their assigned clients and no holds, occupancy or staffing", async () => {
    const answer = await overviewOf("fachkraft");
    expect(answer.status).toBe(200);
    expect(answer.body.sections).toEqual(["deadlines", "tasks"]);
    expect(answer.body.holds).toBeUndefined();
    expect(answer.body.staffing).toBeUndefined();
    expect(answer.body.tasks.items.map((task: { title: string; clientName: string }) => `${task.title} ${task.clientName}`)).toEqual([
      "Hilfeplangespräch vorbereiten Beispiel-Person Clara H.",
      "Fallbesprechung im Team vorbereiten Beispiel-Person Mia A.",
    ]);
    const clients = new Set(answer.body.deadlines.items.flatMap((item: { clientId?: string }) => (item.clientId ? [item.clientId] : [])));
    for (const clientId of clients) expect(["demo-K-003", "demo-K-008", "demo-K-013"]).toContain(clientId);
    expect(answer.body.deadlines.items.every((item: { scope: string }) => item.scope === "agreement" || clients.size > 0)).toBe(true);
  });

  it("gives Verwaltung no staffing and Administration only staffing; refuses a payer's caseworker and a client", async () => {
    expect((await overviewOf("verwaltung")).body.sections).toEqual(["deadlines", "tasks", "holds", "occupancy"]);
    const administrator = await overviewOf("administrator");
    expect(administrator.body.sections).toEqual(["staffing"]);
    expect(administrator.body.deadlines).toBeUndefined();
    for (const role of ["payerCaseworker", "client"] as const) {
      const refused = await overviewOf(role);
      expect(refused.status, role).toBe(403);
      expect(refused.body.detail).toContain("keinen Zugriff auf diesen Bereich (Übersicht");
    }
  });

  it("groups the holds of the month's billing run by reason, with what releases them", async () => {
    const before = await overviewOf("leitung");
    expect(before.body.holds.runs).toEqual([]);
    const run = await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" }, as("leitung"));
    expect(run.status).toBe(201);
    const holds = (await overviewOf("verwaltung")).body.holds.runs;
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ runId: run.body.id, month: "2026-03", state: "draft", holdCount: 31, held: "24755.70", heldCents: 2475570 });
    const groups = holds[0].groups as Array<{ code: string; inputId: string | null; count: number; amount: string; withoutAmount: number; release: string; ruleId: string }>;
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(31);
    expect(groups[0]).toMatchObject({ code: "remunerationMissing", inputId: "P-A1-09", count: 10, withoutAmount: 10, ruleId: "A1-R14", release: "gesonderte Vergütungsvereinbarung als Eingabe erfassen" });
    const coverage = groups.find((group) => group.code === "noCostCoverage" && group.ruleId === "A4-R06");
    expect(coverage).toMatchObject({ count: 1, amount: "21695.70", withoutAmount: 0, message: "keine Kostenübernahmeerklärung für 5.1 am Leistungsdatum" });
    expect(groups.find((group) => group.code === "volumeExceeded")).toMatchObject({ count: 2, amount: "1000.00", ruleId: "A0-R04" });
  });

  it("writes one audit entry per read (the overview names clients)", async () => {
    const entries = async () =>
      (await server.store.db.select().from(auditEntries).where(and(eq(auditEntries.organisationId, DEMO_PROVIDER_ID), eq(auditEntries.objectType, "overview")))).length;
    const count = await entries();
    await overviewOf("leitung");
    expect(await entries()).toBe(count + 1);
  });
});
