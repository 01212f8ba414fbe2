/**
 * Tasks and deadlines the team works on (Wiedervorlagen): what, for which case, due when, for whom, which rule
 * produced it, and when it was done. `POST /tasks/:id/complete` records the day it was done; a done task is
 * what the deadline engine reads as completed (case file `completedTasks`, matched by taskType and anchor date).
 */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ruleIdSchema, sourceSchema } from "../../domain/agreement/sourceSchema.ts";
import { cases, staffMembers, tasks } from "../../store/schema/index.ts";
import { runInTransaction, type AppContext } from "../appContext.ts";
import { isoDateField } from "../fieldSchemas.ts";
import { conflict, invalidInput } from "../problem.ts";
import { findOwnRow, idParamsSchema, idSchema, presentRow, registerResourceRoutes } from "../resourceRoutes.ts";
import { objectCheckedBy, optionalField, referenceField, textField } from "./recordFields.ts";

const TAG = "Aufgaben";
const LABEL = "Aufgabe";

const taskFields = {
  caseId: optionalField(referenceField("Fall")),
  taskType: z.string().min(1).max(100).describe("Art der Aufgabe wie in deadlines.yaml, z. B. progressReport"),
  title: textField(300),
  dueDate: optionalField(isoDateField.describe("fällig am")),
  anchorDate: optionalField(isoDateField.describe("Datum des Anlasses")),
  status: z.enum(["open", "done"]).optional().describe("open (Standard) oder done"),
  completedOn: optionalField(isoDateField.describe("erledigt am")),
  assigneeId: optionalField(referenceField("zuständige:r Mitarbeitende:r")),
  ruleId: optionalField(ruleIdSchema.describe("Regel, aus der die Aufgabe folgt, z. B. A1-R20")),
  source: optionalField(objectCheckedBy(sourceSchema).describe("Fundstelle der Regel: { file, clause, quote }")),
  note: optionalField(textField()),
};

const taskSchema = z.object({ id: idSchema, ...taskFields, createdAt: z.string() }).describe(LABEL);

const completeBodySchema = z
  .object({
    date: isoDateField.describe("erledigt am"),
    note: textField().optional().describe("Notiz; ersetzt die bisherige"),
  })
  .strict();

export function registerTaskRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "tasks",
    tag: TAG,
    label: LABEL,
    table: tasks,
    description: "Filter `from`/`to` gelten für das Fälligkeitsdatum.",
    fields: taskFields,
    refine: (record, refinement) => {
      if (record.status === "done" && !record.completedOn) refinement.addIssue({ code: "custom", path: ["completedOn"], message: "Eine erledigte Aufgabe braucht das Datum, an dem sie erledigt wurde" });
      if (record.status !== "done" && record.completedOn) refinement.addIssue({ code: "custom", path: ["status"], message: `Erledigt am ${record.completedOn}, aber der Stand ist nicht „done“` });
    },
    filters: {
      caseId: { column: tasks.caseId },
      status: { column: tasks.status, schema: z.enum(["open", "done"]) },
      taskType: { column: tasks.taskType },
      assigneeId: { column: tasks.assigneeId },
      ruleId: { column: tasks.ruleId },
    },
    periodColumn: tasks.dueDate,
    references: [
      { field: "caseId", table: cases, label: "Fall" },
      { field: "assigneeId", table: staffMembers, label: "Mitarbeitende:r" },
    ],
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/tasks/:id/complete",
    { schema: { tags: [TAG], summary: "Aufgabe: als erledigt vermerken", params: idParamsSchema, body: completeBodySchema, response: { 200: taskSchema } } },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const current = await findOwnRow(scope, tasks, request.params.id, LABEL);
        const today = context.today();
        if (request.body.date > today) throw invalidInput([{ path: "body.date", message: `Erledigt am ${request.body.date} liegt nach dem heutigen Tag ${today}`, value: request.body.date }]);
        if (current.status === "done") throw conflict(`Die Aufgabe „${request.params.id}“ ist bereits am ${String(current.completedOn)} erledigt worden`, { completedOn: current.completedOn });
        const updated = await scope.tx
          .update(tasks)
          .set({ status: "done", completedOn: request.body.date, ...(request.body.note ? { note: request.body.note } : {}) })
          .where(and(eq(tasks.organisationId, scope.actor.organisationId), eq(tasks.id, request.params.id)))
          .returning();
        return presentRow(updated[0]!) as never;
      }),
  );
}
