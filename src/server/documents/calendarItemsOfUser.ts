/**
 * The calendar items of one user: the open tasks of the user's organisation that are assigned to the user or
 * to nobody, and the pending deadlines the engine computes for the organisation's cases and agreement
 * instances (computeTenantDeadlines); a Fachkraft sees only the cases of the clients assigned to her.
 * A task without a rule id (entered by the team) is shown with rule "manuell" and clause "vom Team angelegt".
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { calendarItemOfDeadline } from "../../documents/calendar/calendarItemOfDeadline.ts";
import type { CalendarItem } from "../../documents/calendar/calendarFeed.ts";
import { clientAssignments, tasks, users } from "../../store/schema/index.ts";
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
  const items: CalendarItem[] = [];
  for (const task of taskRows) {
    if (!task.dueDate) continue;
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
  let assignedClients: Set<string> | undefined;
  if (user.role === "fachkraft") {
    const rows = await scope.tx.select({ clientId: clientAssignments.clientId }).from(clientAssignments).where(and(eq(clientAssignments.organisationId, organisationId), eq(clientAssignments.userId, user.id)));
    assignedClients = new Set(rows.map((row) => row.clientId));
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
