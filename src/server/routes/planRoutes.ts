/**
 * Cost coverages (Kostenübernahme / Bewilligung) and plans: Gesamtplan references, the provider's Hilfepläne
 * with their goals (Förderziele; a Teilziel names its Förderziel in `parentGoalId`), measures and updates
 * (Fortschreibung). Every id in a body must name a record of the same tenant, a goal named by a Teilziel,
 * measure or update must belong to the same Hilfeplan, and a record still named by others cannot be deleted.
 */
import { and, eq, ne } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { cases, costCoverages, gesamtplans, hilfeplans, planGoals, planMeasures, planUpdates, serviceEntries } from "../../store/schema/index.ts";
import type { AppContext, RequestScope } from "../appContext.ts";
import { hoursField, isoDateField } from "../fieldSchemas.ts";
import { invalidInput } from "../problem.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { checkDateOrder, optionalField, referenceField, textField } from "./recordFields.ts";
import { checkPayerReference, checkSameParent, refuseDeleteWhileReferenced } from "./referenceChecks.ts";

const caseReference = { field: "caseId", table: cases, label: "Fall" };
const hilfeplanReference = { field: "hilfeplanId", table: hilfeplans, label: "Hilfeplan" };
const GOAL_STATUSES = ["open", "achieved", "partlyAchieved", "notAchieved", "dropped"] as const;

/** A goal, measure or update that names a goal: the goal must belong to the same Hilfeplan. */
async function checkGoalOfHilfeplan(scope: RequestScope, record: Record<string, unknown>, field: "goalId" | "parentGoalId") {
  return checkSameParent(scope, { field, value: record[field], table: planGoals, parentKey: "hilfeplanId", parentId: record.hilfeplanId, label: "Förderziel", parentLabel: "Hilfeplan" });
}

/** A Teilziel hangs under a Förderziel of its own Hilfeplan; there is no third level and no goal under itself. */
async function checkGoalTree(scope: RequestScope, goal: Record<string, unknown>): Promise<void> {
  if (goal.parentGoalId === goal.id) throw invalidInput([{ path: "body.parentGoalId", message: "Ein Förderziel kann nicht sein eigenes Teilziel sein", value: goal.parentGoalId }]);
  const parent = await checkGoalOfHilfeplan(scope, goal, "parentGoalId");
  if (parent.parentGoalId)
    throw invalidInput([{ path: "body.parentGoalId", message: `„${String(goal.parentGoalId)}“ ist selbst ein Teilziel; Teilziele hängen nur unter Förderzielen`, value: goal.parentGoalId }]);
  const children = await scope.tx
    .select({ id: planGoals.id, hilfeplanId: planGoals.hilfeplanId })
    .from(planGoals)
    .where(and(eq(planGoals.organisationId, scope.actor.organisationId), eq(planGoals.parentGoalId, String(goal.id))));
  if (children.length > 0 && goal.parentGoalId)
    throw invalidInput([{ path: "body.parentGoalId", message: `Das Förderziel hat Teilziele (${children.map((child) => child.id).join(", ")}) und kann selbst kein Teilziel werden`, value: goal.parentGoalId }]);
  const moved = children.find((child) => child.hilfeplanId !== goal.hilfeplanId);
  if (moved) throw invalidInput([{ path: "body.hilfeplanId", message: `Das Förderziel hat Teilziele im Hilfeplan „${moved.hilfeplanId}“; erst diese umhängen`, value: goal.hilfeplanId }]);
}

/** Measures and updates that name a goal must move with it: a goal changing its Hilfeplan would orphan them. */
async function checkGoalKeepsItsRecords(scope: RequestScope, goal: Record<string, unknown>): Promise<void> {
  for (const table of [planMeasures, planUpdates]) {
    const rows = await scope.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.goalId, String(goal.id)), ne(table.hilfeplanId, String(goal.hilfeplanId))))
      .limit(1);
    if (rows.length > 0) throw invalidInput([{ path: "body.hilfeplanId", message: `Maßnahmen oder Fortschreibungen des Förderziels gehören zu einem anderen Hilfeplan`, value: goal.hilfeplanId }]);
  }
}

export function registerPlanRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "cost-coverages",
    tag: "Kostenübernahmen",
    label: "Kostenübernahme",
    table: costCoverages,
    description: "Kostenübernahme / Bewilligung des Leistungsträgers (M05). Filter `from`/`to` gelten für den Beginn der Kostenübernahme.",
    fields: {
      caseId: referenceField("Fall"),
      payerId: optionalField(referenceField("Leistungsträger (Organisation mit kind: payer)")),
      fileReference: optionalField(z.string().min(1).max(200).describe("Aktenzeichen des Trägers")),
      from: isoDateField.describe("gilt ab"),
      to: optionalField(isoDateField.describe("gilt bis")),
      decidedOn: optionalField(isoDateField.describe("Datum des Bescheids")),
      components: optionalField(z.array(z.string().min(1).max(100)).max(50).describe("gedeckte Bestandteile; fehlt die Liste, sind alle gedeckt")),
      approvedVolume: optionalField(z.object({ hours: hoursField, per: z.enum(["month", "week", "quarter", "year", "total"]) }).strict().describe("bewilligter Umfang")),
      kind: z.enum(["costCoverageDeclaration", "gesamtplanWithVolume", "provisionalConfirmation"]).optional().describe("Art (Standard: costCoverageDeclaration)"),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "from", "to", (from, to) => `Ende der Kostenübernahme ${to} liegt vor ihrem Beginn ${from}`),
    filters: { caseId: { column: costCoverages.caseId }, payerId: { column: costCoverages.payerId }, kind: { column: costCoverages.kind } },
    periodColumn: costCoverages.from,
    references: [caseReference],
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete") await checkPayerReference(scope, record.payerId);
    },
  });

  registerResourceRoutes(app, context, {
    path: "gesamtplans",
    tag: "Planung",
    label: "Gesamtplan",
    table: gesamtplans,
    description: "Gesamtplan (§ 121 SGB IX) / Teilhabeplan (§ 19 SGB IX) mit Datum und geplanter Fortschreibung.",
    fields: {
      caseId: referenceField("Fall"),
      date: isoDateField.describe("Datum des Gesamtplans"),
      plannedUpdate: optionalField(isoDateField.describe("geplantes Datum der Fortschreibung")),
      fileReference: optionalField(z.string().min(1).max(200).describe("Aktenzeichen")),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "date", "plannedUpdate", (date, planned) => `Geplante Fortschreibung ${planned} liegt vor dem Gesamtplan vom ${date}`),
    filters: { caseId: { column: gesamtplans.caseId } },
    periodColumn: gesamtplans.date,
    references: [caseReference],
  });

  registerResourceRoutes(app, context, {
    path: "hilfeplans",
    tag: "Planung",
    label: "Hilfeplan",
    table: hilfeplans,
    description: "Individueller Hilfeplan des Leistungserbringers (initial) und seine Fortschreibungen (update).",
    fields: {
      caseId: referenceField("Fall"),
      date: isoDateField.describe("Datum des Hilfeplans"),
      kind: z.enum(["initial", "update"]).optional().describe("initial: erster Hilfeplan; update: Fortschreibung (Standard)"),
      summary: optionalField(textField(10_000)),
    },
    filters: { caseId: { column: hilfeplans.caseId }, kind: { column: hilfeplans.kind } },
    periodColumn: hilfeplans.date,
    references: [caseReference],
    beforeDelete: (scope, id) =>
      refuseDeleteWhileReferenced(scope, id, "Der Hilfeplan", [
        { table: planGoals, column: planGoals.hilfeplanId, label: "Förderziele" },
        { table: planMeasures, column: planMeasures.hilfeplanId, label: "Maßnahmen" },
        { table: planUpdates, column: planUpdates.hilfeplanId, label: "Fortschreibungen" },
      ]),
  });

  registerResourceRoutes(app, context, {
    path: "plan-goals",
    tag: "Planung",
    label: "Förderziel",
    table: planGoals,
    description: "Förderziele eines Hilfeplans; ein Teilziel nennt sein Förderziel (desselben Hilfeplans) in `parentGoalId`.",
    fields: {
      hilfeplanId: referenceField("Hilfeplan"),
      parentGoalId: optionalField(referenceField("Förderziel, unter dem dieses Teilziel steht")),
      title: textField(300),
      description: optionalField(textField(10_000)),
      status: z.enum(GOAL_STATUSES).optional().describe("Stand (Standard: open)"),
    },
    filters: { hilfeplanId: { column: planGoals.hilfeplanId }, parentGoalId: { column: planGoals.parentGoalId }, status: { column: planGoals.status } },
    references: [hilfeplanReference],
    afterWrite: async (scope, record, operation) => {
      if (operation === "delete") return;
      await checkGoalTree(scope, record);
      if (operation === "update") await checkGoalKeepsItsRecords(scope, record);
    },
    beforeDelete: (scope, id) =>
      refuseDeleteWhileReferenced(scope, id, "Das Förderziel", [
        { table: planGoals, column: planGoals.parentGoalId, label: "Teilziele" },
        { table: planMeasures, column: planMeasures.goalId, label: "Maßnahmen" },
        { table: planUpdates, column: planUpdates.goalId, label: "Fortschreibungen" },
        { table: serviceEntries, column: serviceEntries.goalId, label: "Leistungseinträge" },
      ]),
  });

  registerResourceRoutes(app, context, {
    path: "plan-measures",
    tag: "Planung",
    label: "Maßnahme",
    table: planMeasures,
    fields: {
      hilfeplanId: referenceField("Hilfeplan"),
      goalId: optionalField(referenceField("Förderziel desselben Hilfeplans")),
      title: textField(300),
      description: optionalField(textField(10_000)),
    },
    filters: { hilfeplanId: { column: planMeasures.hilfeplanId }, goalId: { column: planMeasures.goalId } },
    references: [hilfeplanReference],
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete") await checkGoalOfHilfeplan(scope, record, "goalId");
    },
  });

  registerResourceRoutes(app, context, {
    path: "plan-updates",
    tag: "Planung",
    label: "Fortschreibung",
    table: planUpdates,
    description: "Fortschreibung: Stand der Zielerreichung zu einem Datum, für den Hilfeplan oder ein Förderziel.",
    fields: {
      hilfeplanId: referenceField("Hilfeplan"),
      goalId: optionalField(referenceField("Förderziel desselben Hilfeplans")),
      date: isoDateField,
      attainment: optionalField(z.enum(["achieved", "partlyAchieved", "notAchieved", "open"]).describe("Zielerreichung")),
      text: textField(10_000),
    },
    filters: { hilfeplanId: { column: planUpdates.hilfeplanId }, goalId: { column: planUpdates.goalId }, attainment: { column: planUpdates.attainment } },
    periodColumn: planUpdates.date,
    references: [hilfeplanReference],
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete") await checkGoalOfHilfeplan(scope, record, "goalId");
    },
  });
}
