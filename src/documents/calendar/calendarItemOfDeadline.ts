/**
 * A computed deadline of the rules engine as a calendar item: placed on its driving due date (D20), with the
 * nominal date kept when § 193 BGB moved it, and its rule id and clause. A deadline without a due date (D18,
 * or held by a missing input) has no day to sit on and yields no item.
 */
import type { Deadline } from "../../domain/deadlines/deadline.ts";
import type { CalendarItem } from "./calendarFeed.ts";

export interface DeadlineCalendarContext {
  agreementId?: string;
  caseReference?: string;
  /** Link to the case in the web app. */
  url?: string;
}

export function calendarItemOfDeadline(deadline: Deadline, context: DeadlineCalendarContext = {}): CalendarItem | undefined {
  const dueDate = deadline.drivingDue ?? deadline.nominalDue;
  if (dueDate === null) return undefined;
  const caseKey = context.caseReference ? `-${context.caseReference}` : "";
  return {
    id: `${deadline.id}${caseKey}`,
    kind: deadline.strength === "hard" ? "deadline" : "task",
    title: deadline.title,
    dueDate,
    nominalDue: deadline.nominalDue !== null && deadline.nominalDue !== dueDate ? deadline.nominalDue : undefined,
    status: deadline.status === "info" ? "open" : deadline.status,
    ruleId: deadline.explanation.ruleId,
    clause: deadline.explanation.source.clause,
    agreementId: context.agreementId,
    caseReference: context.caseReference,
    note: [deadline.missingInput?.message, deadline.note].filter(Boolean).join(" ") || undefined,
    url: context.url,
  };
}
