import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costCoverages, hilfeplans, planGoals, planMeasures, planUpdates } from "../../store/schema/index.ts";
import { instanceIdOf, PAYER, startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
let caseId: string;
beforeAll(async () => {
  server = await startTestServer();
  const clientId = (await server.api("POST", "/api/v1/clients", { name: "Plan-Person" })).body.id as string;
  caseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A0-beispiel-leipzig"), payerId: PAYER, start: "2026-01-01" })).body.id as string;
});
afterAll(async () => server.close());

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
const count = async (table: typeof costCoverages | typeof hilfeplans | typeof planGoals | typeof planMeasures | typeof planUpdates) =>
  (await server.store.db.select({ id: table.id }).from(table)).length;

describe("cost coverages", () => {
  it("creates, reads, filters by case, payer and period, changes and deletes a cost coverage", async () => {
    const created = await server.api("POST", "/api/v1/cost-coverages", {
      caseId,
      payerId: PAYER,
      fileReference: "50-2026-0815",
      from: "2026-01-01",
      to: "2026-12-31",
      decidedOn: "2025-12-20",
      approvedVolume: { hours: "8.50", per: "month" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId, payerId: PAYER, from: "2026-01-01", to: "2026-12-31", kind: "costCoverageDeclaration", approvedVolume: { hours: "8.50", per: "month" } });
    const id = created.body.id as string;
    expect((await server.api("GET", `/api/v1/cost-coverages/${id}`)).body.fileReference).toBe("50-2026-0815");
    expect(ids(await server.api("GET", `/api/v1/cost-coverages?caseId=${caseId}&payerId=${PAYER}&from=2026-01-01&to=2026-01-31`))).toEqual([id]);
    expect(ids(await server.api("GET", `/api/v1/cost-coverages?caseId=${caseId}&from=2026-02-01`))).toEqual([]);
    const changed = await server.api("PATCH", `/api/v1/cost-coverages/${id}`, { to: null, components: ["Fachleistungsstunde"] });
    expect(changed.status).toBe(200);
    expect(changed.body.to).toBeUndefined();
    expect(changed.body).toMatchObject({ from: "2026-01-01", components: ["Fachleistungsstunde"], approvedVolume: { hours: "8.50", per: "month" } });
    expect((await server.api("DELETE", `/api/v1/cost-coverages/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/cost-coverages/${id}`)).status).toBe(404);
  });

  it("refuses an end before the start and an unknown case in German with the path, storing nothing", async () => {
    const before = await count(costCoverages);
    const reversed = await server.api("POST", "/api/v1/cost-coverages", { caseId, from: "2026-03-01", to: "2026-02-28" });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ path: "body.to", message: "Ende der Kostenübernahme 2026-02-28 liegt vor ihrem Beginn 2026-03-01" }]);
    const unknownCase = await server.api("POST", "/api/v1/cost-coverages", { caseId: "K-unbekannt", from: "2026-03-01" });
    expect(unknownCase.body.errors).toEqual([{ path: "body.caseId", message: "Fall „K-unbekannt“ nicht gefunden", value: "K-unbekannt" }]);
    const volume = await server.api("POST", "/api/v1/cost-coverages", { caseId, from: "2026-03-01", approvedVolume: { hours: 8.5, per: "day" } });
    expect(volume.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.approvedVolume.hours", "body.approvedVolume.per"]);
    const created = (await server.api("POST", "/api/v1/cost-coverages", { caseId, from: "2026-03-01" })).body.id as string;
    const patch = await server.api("PATCH", `/api/v1/cost-coverages/${created}`, { to: "2026-01-01" });
    expect(patch.status).toBe(400);
    expect((await server.api("GET", `/api/v1/cost-coverages/${created}`)).body.to).toBeUndefined();
    expect(await count(costCoverages)).toBe(before + 1);
  });

  it("never shows a cost coverage to another tenant, nor lets it name the case", async () => {
    const id = (await server.api("POST", "/api/v1/cost-coverages", { caseId, from: "2026-04-01" })).body.id as string;
    expect((await server.api("GET", `/api/v1/cost-coverages/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("PATCH", `/api/v1/cost-coverages/${id}`, { to: "2026-05-01" }, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("POST", "/api/v1/cost-coverages", { caseId, from: "2026-04-01" }, { organisation: TENANT_B })).status).toBe(400);
  });
});

describe("gesamtplans", () => {
  it("creates, filters, changes and deletes a Gesamtplan reference and refuses an update planned before it", async () => {
    const created = await server.api("POST", "/api/v1/gesamtplans", { caseId, date: "2026-01-15", plannedUpdate: "2027-01-15", fileReference: "GP-77" });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(ids(await server.api("GET", `/api/v1/gesamtplans?caseId=${caseId}&from=2026-01-01&to=2026-01-31`))).toEqual([id]);
    expect((await server.api("PATCH", `/api/v1/gesamtplans/${id}`, { plannedUpdate: "2026-12-01" })).body).toMatchObject({ date: "2026-01-15", plannedUpdate: "2026-12-01" });
    const refused = await server.api("PATCH", `/api/v1/gesamtplans/${id}`, { plannedUpdate: "2025-12-01" });
    expect(refused.body.errors).toEqual([{ path: "body.plannedUpdate", message: "Geplante Fortschreibung 2025-12-01 liegt vor dem Gesamtplan vom 2026-01-15" }]);
    expect((await server.api("GET", `/api/v1/gesamtplans/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("DELETE", `/api/v1/gesamtplans/${id}`)).status).toBe(204);
  });
});

describe("Hilfepläne, goals, measures and updates", () => {
  it("builds a Hilfeplan with a Förderziel, a Teilziel, a measure and an update, and takes it apart again", async () => {
    const plan = await server.api("POST", "/api/v1/hilfeplans", { caseId, date: "2026-02-01", kind: "initial", summary: "Erster Hilfeplan" });
    expect(plan.status).toBe(201);
    const hilfeplanId = plan.body.id as string;
    const goal = await server.api("POST", "/api/v1/plan-goals", { hilfeplanId, title: "Selbstständig einkaufen" });
    expect(goal.body).toMatchObject({ hilfeplanId, title: "Selbstständig einkaufen", status: "open" });
    const goalId = goal.body.id as string;
    const subgoal = await server.api("POST", "/api/v1/plan-goals", { hilfeplanId, parentGoalId: goalId, title: "Einkaufsliste schreiben" });
    expect(subgoal.status).toBe(201);
    const measure = await server.api("POST", "/api/v1/plan-measures", { hilfeplanId, goalId, title: "Wöchentliches Einkaufstraining" });
    expect(measure.status).toBe(201);
    const update = await server.api("POST", "/api/v1/plan-updates", { hilfeplanId, goalId, date: "2026-05-01", attainment: "partlyAchieved", text: "Einkauf mit Begleitung gelingt." });
    expect(update.status).toBe(201);

    expect(ids(await server.api("GET", `/api/v1/plan-goals?hilfeplanId=${hilfeplanId}&parentGoalId=${goalId}`))).toEqual([subgoal.body.id]);
    expect(ids(await server.api("GET", `/api/v1/plan-updates?goalId=${goalId}&from=2026-05-01&to=2026-05-31`))).toEqual([update.body.id]);
    expect(ids(await server.api("GET", `/api/v1/hilfeplans?caseId=${caseId}&kind=initial`))).toEqual([hilfeplanId]);
    expect((await server.api("PATCH", `/api/v1/plan-goals/${subgoal.body.id}`, { status: "achieved" })).body).toMatchObject({ status: "achieved", parentGoalId: goalId });

    const refused = await server.api("DELETE", `/api/v1/hilfeplans/${hilfeplanId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`Der Hilfeplan „${hilfeplanId}“ wird noch verwendet (Förderziele, Maßnahmen, Fortschreibungen); erst diese löschen`);
    const goalInUse = await server.api("DELETE", `/api/v1/plan-goals/${goalId}`);
    expect(goalInUse.status).toBe(409);
    expect(goalInUse.body.detail).toBe(`Das Förderziel „${goalId}“ wird noch verwendet (Teilziele, Maßnahmen, Fortschreibungen); erst diese löschen`);
    expect((await server.api("GET", `/api/v1/hilfeplans/${hilfeplanId}`)).status).toBe(200);

    for (const [path, id] of [["plan-updates", update.body.id], ["plan-measures", measure.body.id], ["plan-goals", subgoal.body.id], ["plan-goals", goalId], ["hilfeplans", hilfeplanId]])
      expect((await server.api("DELETE", `/api/v1/${path}/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/hilfeplans/${hilfeplanId}`)).status).toBe(404);
  });

  it("refuses a Teilziel under a goal of another Hilfeplan, a third level and an unknown Hilfeplan, changing nothing", async () => {
    const first = (await server.api("POST", "/api/v1/hilfeplans", { caseId, date: "2026-02-01" })).body.id as string;
    const second = (await server.api("POST", "/api/v1/hilfeplans", { caseId, date: "2026-08-01" })).body.id as string;
    const goal = (await server.api("POST", "/api/v1/plan-goals", { hilfeplanId: first, title: "Wohnung halten" })).body.id as string;
    const subgoal = (await server.api("POST", "/api/v1/plan-goals", { hilfeplanId: first, parentGoalId: goal, title: "Miete pünktlich zahlen" })).body.id as string;
    const before = { goals: await count(planGoals), measures: await count(planMeasures), updates: await count(planUpdates) };

    const crossed = await server.api("POST", "/api/v1/plan-goals", { hilfeplanId: second, parentGoalId: goal, title: "Teilziel am falschen Plan" });
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors).toEqual([{ path: "body.parentGoalId", message: `Förderziel „${goal}“ gehört zu Hilfeplan „${first}“, nicht zu „${second}“`, value: goal }]);
    const third = await server.api("POST", "/api/v1/plan-goals", { hilfeplanId: first, parentGoalId: subgoal, title: "dritte Ebene" });
    expect(third.body.errors).toEqual([{ path: "body.parentGoalId", message: `„${subgoal}“ ist selbst ein Teilziel; Teilziele hängen nur unter Förderzielen`, value: subgoal }]);
    const measure = await server.api("POST", "/api/v1/plan-measures", { hilfeplanId: second, goalId: goal, title: "Maßnahme am falschen Plan" });
    expect(measure.body.errors[0].path).toBe("body.goalId");
    const unknownPlan = await server.api("POST", "/api/v1/plan-updates", { hilfeplanId: "HP-unbekannt", date: "2026-05-01", text: "x" });
    expect(unknownPlan.body.errors).toEqual([{ path: "body.hilfeplanId", message: "Hilfeplan „HP-unbekannt“ nicht gefunden", value: "HP-unbekannt" }]);
    const moveGoal = await server.api("PATCH", `/api/v1/plan-goals/${goal}`, { hilfeplanId: second });
    expect(moveGoal.body.errors).toEqual([{ path: "body.hilfeplanId", message: `Das Förderziel hat Teilziele im Hilfeplan „${first}“; erst diese umhängen`, value: second }]);
    expect((await server.api("GET", `/api/v1/plan-goals/${goal}`)).body.hilfeplanId).toBe(first);
    expect({ goals: await count(planGoals), measures: await count(planMeasures), updates: await count(planUpdates) }).toEqual(before);

    expect((await server.api("GET", `/api/v1/plan-goals/${goal}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/hilfeplans/${first}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("POST", "/api/v1/plan-goals", { hilfeplanId: first, title: "fremd" }, { organisation: TENANT_B })).body.errors[0].path).toBe("body.hilfeplanId");
  });
});
