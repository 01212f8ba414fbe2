/**
 * The calendar items of one user: the open tasks of the user's organisation that are assigned to the user or
 * to nobody, and the pending deadlines the engine computes for the organisation's cases and agreement
 * instances (computeTenantDeadlines); a Fachkraft sees only the deadlines of the cases of the clients assigned to
 * her, and of the unassigned tasks only those of such cases (tasks assigned to her always).
 * A task without a rule id (entered by the team) is shown with rule "manuell" and clause "vom Team angelegt".
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { calendarItemOfDeadline } from "../../documents/calendar/calendarItemOfDeadline.ts";
import type { CalendarItem } from "../../documents/calendar/calendarFeed.ts";
import { cases, clientAssignments, tasks, users } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import { computeTenantDeadlines } from "../engine/tenantDeadlines.ts";

type UserRow = typeof users.$inferSelect;

export async function loadCalendarItemsOfUser(scope: RequestScope, user: UserRow, asOf: string): Promise<CalendarItem[]> {
  const organisationId = user.organisationId;
  const taskRows = await scope.tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.organisationId, organisationId), eq(tasks.status, "open"), or(eq(tasks.assigneeId, user.id), isNull(tasks.assigneeId))))
    .orderBy(tasks.dueDate, tasks.id);
  let assignedClients: Set<string> | undefined;
  let visibleCases: Set<string> | undefined;
  if (user.role === "fachkraft") {
    const rows = await scope.tx.select({ clientId: clientAssignments.clientId }).from(clientAssignments).where(and(eq(clientAssignments.organisationId, organisationId), eq(clientAssignments.userId, user.id)));
    assignedClients = new Set(rows.map((row) => row.clientId));
    const caseRows = await scope.tx.select({ id: cases.id, clientId: cases.clientId }).from(cases).where(eq(cases.organisationId, organisationId));
    visibleCases = new Set(caseRows.filter((row) => assignedClients!.has(row.clientId)).map((row) => row.id));
  }
  const items: CalendarItem[] = [];
  for (const task of taskRows) {
    if (!task.dueDate) continue;
    if (visibleCases && task.assigneeId !== user.id && !(task.caseId && visibleCases.has(task.caseId))) continue;
    const source = (task.source ?? {}) as { clause?: string };
    items.push({
      id: `task-${task.id}`,
      kind: "task",
      title: task.title,
      dueDate: task.dueDate,
      status: task.dueDate < asOf ? "overdue" : "open",
      ruleId: task.ruleId ?? "manuell",
      clause: source.clause ?? "vom Team angelegt",
      caseReference: task.caseId ?? undefined,
      note: task.note ?? undefined,
    });
  }
  const overview = await computeTenantDeadlines(scope, asOf);
  const seen = new Set(items.map((item) => item.id));
  for (const deadline of overview.deadlines) {
    if (assignedClients && (deadline.scope !== "case" || !deadline.clientId || !assignedClients.has(deadline.clientId))) continue;
    const item = calendarItemOfDeadline(deadline, { agreementId: deadline.agreementId, caseReference: deadline.caseId ?? deadline.agreementInstanceId });
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return items;
}
