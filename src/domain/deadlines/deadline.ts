/**
 * The computed deadline or task (M08, M09, M10, M15): nominal date, the § 193 BGB working day, the date that
 * drives escalation (D20), status relative to the "as of" date, severity, what is missing, and why it exists.
 *
 * § 193 BGB: "Ist an einem bestimmten Tage oder innerhalb einer Frist eine Willenserklärung abzugeben oder eine
 * Leistung zu bewirken und fällt der bestimmte Tag oder der letzte Tag der Frist auf einen Sonntag, einen am
 * Erklärungs- oder Leistungsort staatlich anerkannten allgemeinen Feiertag oder einen Sonnabend, so tritt an die
 * Stelle eines solchen Tages der nächste Werktag." The Land is the agreement's Land.
 * D20 default: the nominal date is shown, and the next working day drives escalation; alternative: nominal drives.
 * Severity (rules.md 0.2): a hard deadline is a TASK and escalates to WARN when overdue; a soft target
 * ("i. d. R.") is a WARN; a due date held by a missing input is HOLD; a missing anchor date is WARN (D19).
 */
import { daysBetween, formatIsoDate, type CalendarDate } from "../calendar/calendarDate.ts";
import { nextWorkingDayFrom, type Land } from "../calendar/publicHolidays.ts";
import { explain, type Explanation, type PolicyChoice, type Severity, type SourceReference } from "../results/explanation.ts";
import type { DeadlineRule } from "./deadlineParameters.ts";

/** Product setting (not an agreement value): a deadline within this many days is shown as "dueSoon". */
export const DEFAULT_DUE_SOON_DAYS = 14;

export type DeadlineStatus = "open" | "dueSoon" | "overdue" | "done" | "info";

export interface DeadlineAnchor {
  /** The case fact or agreement fact, e.g. "case.start", "agreement.validity.to". */
  fact: string;
  /** German description of the anchor, e.g. "Beginn der Leistungserbringung". */
  what: string;
  /** ISO date, or null when the anchor date is missing. */
  date: string | null;
}

export interface MissingInformation {
  kind: "input" | "anchor";
  inputId?: string;
  /** German message naming the missing input or anchor and its clause. */
  message: string;
}

export interface Deadline {
  /** Stable id: rule id plus anchor date or report year. */
  id: string;
  /** Id of the deadline rule in deadlines.yaml. */
  ruleKey: string;
  taskType: string;
  title: string;
  anchor: DeadlineAnchor;
  /** Nominal due date (ISO), or null when no due date is set or allowed (D18). */
  nominalDue: string | null;
  /** § 193 BGB: the next working day of the Land when the nominal date is not one; else the nominal date. */
  workingDayDue: string | null;
  /** The date that drives status and escalation (D20). */
  drivingDue: string | null;
  /** True when the working day differs from the nominal date. */
  shifted: boolean;
  status: DeadlineStatus;
  severity: Severity;
  strength: "hard" | "soft";
  completedOn?: string;
  missingInput?: MissingInformation;
  /** German note, e.g. "A1 nennt keine Frist (D18)". */
  note?: string;
  details?: Record<string, unknown>;
  explanation: Explanation;
}

export interface DeadlineEnvironment {
  land: Land;
  asOf: CalendarDate;
  /** Product setting: a deadline within this many days is "dueSoon". */
  dueSoonDays: number;
  /** D20, resolved once per computation. */
  workingDayPolicy: PolicyChoice;
}

export interface DeadlineDraft {
  rule: DeadlineRule;
  idSuffix: string;
  anchor: DeadlineAnchor;
  nominal: CalendarDate | null;
  completedOn?: CalendarDate;
  missing?: MissingInformation;
  policies?: PolicyChoice[];
  note?: string;
  details?: Record<string, unknown>;
  /** Informational item (e.g. notice dates under D25): no escalation. */
  informational?: boolean;
  /** Lead time for "dueSoon" when it differs from the environment's (e.g. agreement expiry). */
  dueSoonDays?: number;
  /** Rule id and clause when they differ from the rule's (e.g. one notice period of the agreement header). */
  cites?: { ruleId: string; source: SourceReference };
  /** Title when it differs from the rule's. */
  title?: string;
}

/** Status of a due date relative to the "as of" date. */
export function statusOfDue(drivingDue: CalendarDate | null, asOf: CalendarDate, dueSoonDays: number): DeadlineStatus {
  if (drivingDue === null) return "open";
  const remaining = daysBetween(asOf, drivingDue);
  if (remaining < 0) return "overdue";
  if (remaining <= dueSoonDays) return "dueSoon";
  return "open";
}

function severityOf(strength: "hard" | "soft", status: DeadlineStatus, missing: MissingInformation | undefined): Severity {
  if (status === "info" || status === "done") return "info";
  if (missing) return missing.kind === "input" ? "hold" : "warn";
  if (strength === "soft") return "warn";
  return status === "overdue" ? "warn" : "task";
}

/** Completes a draft: § 193 shift, D20 driving date, status, severity, explanation with the policies used. */
export function finishDeadline(draft: DeadlineDraft, environment: DeadlineEnvironment): Deadline {
  const { rule } = draft;
  const policies = [...(draft.policies ?? [])];
  let workingDay: CalendarDate | null = null;
  let driving: CalendarDate | null = null;
  if (draft.nominal !== null) {
    workingDay = rule.shiftToWorkingDay ? nextWorkingDayFrom(environment.land, draft.nominal) : draft.nominal;
    if (rule.shiftToWorkingDay) {
      policies.push(environment.workingDayPolicy);
      driving = environment.workingDayPolicy.option === "nominalDrives" ? draft.nominal : workingDay;
    } else {
      driving = draft.nominal;
    }
  }
  let status: DeadlineStatus;
  if (draft.informational) status = "info";
  else if (draft.completedOn) status = "done";
  else status = statusOfDue(driving, environment.asOf, draft.dueSoonDays ?? environment.dueSoonDays);
  const deadline: Deadline = {
    id: `${rule.id}@${draft.idSuffix}`,
    ruleKey: rule.id,
    taskType: rule.taskType,
    title: draft.title ?? rule.title,
    anchor: draft.anchor,
    nominalDue: draft.nominal ? formatIsoDate(draft.nominal) : null,
    workingDayDue: workingDay ? formatIsoDate(workingDay) : null,
    drivingDue: driving ? formatIsoDate(driving) : null,
    shifted: draft.nominal !== null && workingDay !== null && !workingDay.equals(draft.nominal),
    status,
    severity: severityOf(rule.strength, status, draft.missing),
    strength: rule.strength,
    explanation: explain(draft.cites?.ruleId ?? rule.ruleId, draft.cites?.source ?? rule.source, uniquePolicies(policies)),
  };
  if (draft.completedOn) deadline.completedOn = formatIsoDate(draft.completedOn);
  if (draft.missing) deadline.missingInput = draft.missing;
  if (draft.note) deadline.note = draft.note;
  if (draft.details) deadline.details = draft.details;
  return deadline;
}

function uniquePolicies(policies: PolicyChoice[]): PolicyChoice[] {
  const seen = new Set<string>();
  return policies.filter((policy) => (seen.has(policy.decision) ? false : (seen.add(policy.decision), true)));
}

/** Sorts deadlines by driving date (undated last), then by id. */
export function sortDeadlines(deadlines: Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => {
    const left = a.drivingDue ?? "9999-12-31";
    const right = b.drivingDue ?? "9999-12-31";
    return left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
