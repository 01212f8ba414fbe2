/**
 * The demo's tasks (Wiedervorlagen), dated back and forth from the demo's `today` (no clock): two done in each
 * documented month, and for now two overdue, two due within the deadline engine's lead time (14 days) and two
 * later. Each belongs to a case and a staff member. Tasks of a kind an agreement's deadlines know (the
 * Verlaufsbericht to the payer, A1-R20/A3-R24; the Sozial- und Entwicklungsbericht, A0-R13) carry that rule and
 * its source from the agreement; the others are everyday kinds (prepare a Hilfeplan meeting, a team case review,
 * apply for the follow-up cost coverage). Done tasks are of the everyday kinds only, so the engine's deadlines stay
 * as the case files give them (a done task of a deadline's kind completes it).
 */
import { epochDayOfIso, isoOfEpochDay } from "../domain/calendar/calendarDate.ts";
import type { Source } from "../domain/agreement/sourceSchema.ts";
import { DEMO_AGREEMENT_INSTANCES } from "./generateDemoCases.ts";

export interface DemoTask {
  id: string;
  caseId: string;
  taskType: string;
  title: string;
  dueDate: string;
  status: "open" | "done";
  completedOn?: string;
  assigneeId: string;
  ruleId?: string;
  source?: Source;
  note?: string;
}

/** The rule and source of a deadline of `taskType` in the agreement, or undefined when it has none. */
export type DeadlineRuleOf = (agreementId: string, taskType: string) => { ruleId: string; source: Source } | undefined;

/** Everyday kinds, not deadlines of any agreement. */
const HILFEPLAN_MEETING = { taskType: "hilfeplanMeeting", title: "Hilfeplangespräch vorbereiten" };
const TEAM_REVIEW = { taskType: "teamCaseReview", title: "Fallbesprechung im Team vorbereiten" };
const COVERAGE_RENEWAL = { taskType: "costCoverageRenewal", title: "Folgeantrag auf Kostenübernahme beim Kostenträger stellen" };

interface Plan {
  case: number;
  kind: { taskType: string; title: string };
  /** Due this many days after today (negative: before). */
  due: number;
  /** Done this many days after today (negative), for a done task. */
  done?: number;
  assigneeId: string;
  note?: string;
  /** The task is of a deadline kind of the case's agreement: rule and source from there. */
  deadlineKind?: boolean;
}

const PLANS: Plan[] = [
  // Done in the first documented month …
  { case: 2, kind: HILFEPLAN_MEETING, due: -85, done: -88, assigneeId: "demo-M-03" },
  { case: 5, kind: TEAM_REVIEW, due: -78, done: -78, assigneeId: "demo-M-08" },
  // … in the second (case 11's coverage ends in the middle of the last month: applied for, no decision yet) …
  { case: 13, kind: HILFEPLAN_MEETING, due: -55, done: -57, assigneeId: "demo-M-05" },
  { case: 11, kind: COVERAGE_RENEWAL, due: -50, done: -52, assigneeId: "demo-M-01", note: "Antrag gestellt, Bescheid steht aus (Beispiel)" },
  // … and in the third.
  { case: 6, kind: TEAM_REVIEW, due: -27, done: -28, assigneeId: "demo-M-04" },
  { case: 10, kind: HILFEPLAN_MEETING, due: -20, done: -22, assigneeId: "demo-M-08" },
  // Open: overdue (case 18's coverage ended in the middle of the last month) …
  { case: 18, kind: COVERAGE_RENEWAL, due: -29, assigneeId: "demo-M-05" },
  { case: 3, kind: HILFEPLAN_MEETING, due: -5, assigneeId: "demo-M-05" },
  // … due soon …
  { case: 1, kind: { taskType: "socialDevelopmentReport", title: "Entwicklungsbericht abstimmen" }, due: 5, assigneeId: "demo-M-01", deadlineKind: true },
  { case: 7, kind: { taskType: "progressReport", title: "Verlaufsbericht an den Kostenträger senden" }, due: 12, assigneeId: "demo-M-03", deadlineKind: true },
  // … and later.
  { case: 13, kind: TEAM_REVIEW, due: 21, assigneeId: "demo-M-05" },
  { case: 9, kind: { taskType: "progressReport", title: "Verlaufsbericht an den Kostenträger senden" }, due: 40, assigneeId: "demo-M-06", deadlineKind: true },
];

const dayAfter = (today: string, days: number) => isoOfEpochDay(epochDayOfIso(today) + days);

export function demoTasks(today: string, deadlineRuleOf: DeadlineRuleOf): DemoTask[] {
  return PLANS.map((plan, index) => {
    const number = String(plan.case).padStart(3, "0");
    const instance = DEMO_AGREEMENT_INSTANCES[(plan.case - 1) % DEMO_AGREEMENT_INSTANCES.length]!;
    const rule = plan.deadlineKind ? deadlineRuleOf(instance.agreementId, plan.kind.taskType) : undefined;
    if (plan.deadlineKind && !rule) throw new Error(`Demo: ${instance.agreementId} kennt keine Frist der Art ${plan.kind.taskType}`);
    return {
      id: `demo-T-${String(index + 1).padStart(2, "0")}`,
      caseId: `demo-F-${number}`,
      ...plan.kind,
      dueDate: dayAfter(today, plan.due),
      status: plan.done === undefined ? "open" : "done",
      ...(plan.done !== undefined ? { completedOn: dayAfter(today, plan.done) } : {}),
      assigneeId: plan.assigneeId,
      ...(rule ? { ruleId: rule.ruleId, source: rule.source } : {}),
      ...(plan.note ? { note: plan.note } : {}),
    };
  });
}
