/**
 * The deletion review (D29): for every client of the organisation whose retention has ended on `asOf` and who
 * is not yet deleted, one task `deletionReview` with the rule and clause that set the period, never an automatic
 * deletion. Idempotent: the task's id is derived from the client (`deletionReview-<clientId>`), so a second run
 * (or a task already done) creates nothing new. The task hangs on the case whose retention ended last, so the
 * deletion removes it with the case; its title names dates and rules, never the person.
 */
import { and, eq, inArray } from "drizzle-orm";
import { formatGermanDate, formatIsoDate, parseDate } from "../../domain/calendar/calendarDate.ts";
import { cases, tasks } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import type { SourceReference } from "../../domain/results/explanation.ts";
import { computeClientRetentions } from "./clientRetention.ts";

export interface RetentionReviewTask {
  id: string;
  clientId: string;
  caseId: string;
  retainUntil: string;
  ruleId: string;
  clause: string;
  source: SourceReference;
  created: boolean;
}

export interface RetentionReview {
  asOf: string;
  /** Clients with at least one case that were checked. */
  checkedClients: number;
  /** Clients whose retention has ended: their review task, new or already there. */
  tasks: RetentionReviewTask[];
  createdCount: number;
}

export function deletionReviewTaskId(clientId: string): string {
  return `deletionReview-${clientId}`;
}

export async function createRetentionReviewTasks(scope: RequestScope, asOf: string): Promise<RetentionReview> {
  const organisationId = scope.actor.organisationId;
  const clientRows = await scope.tx.selectDistinct({ clientId: cases.clientId }).from(cases).where(eq(cases.organisationId, organisationId));
  const retentions = await computeClientRetentions(scope.tx, scope.context.catalogue, organisationId, asOf, { skipOpen: true });
  const found: Array<Omit<RetentionReviewTask, "created">> = [];
  for (const [clientId, retention] of [...retentions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (retention.status !== "ended" || !retention.decidingCase) continue;
    const deciding = retention.decidingCase;
    found.push({ id: deletionReviewTaskId(clientId), clientId, caseId: deciding.caseId, retainUntil: retention.retainUntil!, ruleId: deciding.explanation.ruleId, clause: deciding.explanation.source.clause, source: deciding.explanation.source });
  }
  if (found.length === 0) return { asOf, checkedClients: clientRows.length, tasks: [], createdCount: 0 };

  const existing = new Set(
    (await scope.tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.organisationId, organisationId), inArray(tasks.id, found.map((task) => task.id)))))
      .map((row) => row.id),
  );
  const missing = found.filter((task) => !existing.has(task.id));
  if (missing.length > 0) {
    await scope.tx
      .insert(tasks)
      .values(
        missing.map((task) => {
          const until = parseDate(task.retainUntil);
          const reviewFrom = until.add({ days: 1 });
          return {
            organisationId,
            id: task.id,
            caseId: task.caseId,
            taskType: "deletionReview",
            title: `Löschprüfung: Aufbewahrungsfrist endete am ${formatGermanDate(until)} (${task.ruleId}, ${task.clause}); andere Aufbewahrungspflichten prüfen, dann löschen`,
            dueDate: formatIsoDate(reviewFrom),
            anchorDate: task.retainUntil,
            ruleId: task.ruleId,
            source: task.source,
          };
        }),
      )
      .onConflictDoNothing();
  }
  return {
    asOf,
    checkedClients: clientRows.length,
    tasks: found.map((task) => ({ ...task, created: !existing.has(task.id) })),
    createdCount: missing.length,
  };
}
