/**
 * M15 retention of the case documentation.
 * - A1-R19, `001_9bba19a68ce1b9d2.txt` § 3.2.3: „Die Dokumentation ist für die Dauer der Leistungserbringung
 *   und 5 Jahre nach deren Beendigung … aufzubewahren“.
 * - A3-R29, `003_ff97f79a5ff20350.txt` § 5.2.3: „für die Dauer des Aufenthaltes und 5 Jahre nach dem Ausscheiden
 *   aus dem Leistungsangebot … aufzubewahren“.
 * The period runs from the end of service, the end day not counted (§ 187 Abs. 1, § 188 Abs. 2 BGB):
 * end 31.03.2026 + 5 years → retain until 31.03.2031 (E14); 30.06.2026 → 30.06.2031 (E15).
 * D29: deletion is blocked until that day; afterwards a deletion-review task, never an automatic deletion
 * (the 5 years are a minimum; other retention duties may apply). The parameters come from the agreement's
 * `retention` rules in deadlines.yaml; an agreement without one states no retention period.
 */
import { compareDates, formatGermanDate, formatIsoDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import { endOfPeriodAfterEvent } from "../calendar/bgbPeriod.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Explanation, type Finding } from "../results/explanation.ts";
import { resolveAnchor, type PolicyContext } from "../deadlines/anchorResolution.ts";
import { describePeriod } from "../deadlines/dueInputs.ts";
import type { RetentionRule } from "../deadlines/deadlineParameters.ts";

export interface RetentionResult {
  /** False when the agreement states no retention period. */
  applies: boolean;
  /** Id of the retention rule in deadlines.yaml. */
  ruleKey?: string;
  /** End of service (ISO), null while the service continues. */
  serviceEnd: string | null;
  /** Last day the documentation must be kept (ISO); null while the service continues. */
  retainUntil: string | null;
  /** First day of the deletion review (ISO): the day after retainUntil. */
  deletionReviewFrom: string | null;
  /** German summary. */
  message: string;
  /** Rule id and clause; without a retention rule: mechanism M15 and the agreement document. */
  explanation: Explanation;
}

export interface RetentionOptions {
  casePolicies?: PolicySettings;
}

function retentionRules(agreement: Agreement): RetentionRule[] {
  return (agreement.deadlines?.rules ?? []).filter((rule): rule is RetentionRule => rule.kind === "retention");
}

export interface RetentionOfRule extends RetentionResult {
  /** Last day of retention; undefined while the service continues. */
  until?: CalendarDate;
}

/** Retention under one `retention` rule of deadlines.yaml. */
export function computeRetentionForRule(rule: RetentionRule, caseFile: CaseFile, context: PolicyContext): RetentionOfRule {
  const policy = resolvePolicy("D29", context.agreementPolicies, context.casePolicies);
  const explanation = explain(rule.ruleId, rule.source, [policy]);
  const resolution = resolveAnchor(rule.anchor, caseFile, context);
  const length = describePeriod(rule.offset);
  if (resolution.status !== "found") {
    return {
      applies: true,
      ruleKey: rule.id,
      serviceEnd: null,
      retainUntil: null,
      deletionReviewFrom: null,
      message: `Aufbewahrung für die Dauer der Leistungserbringung und ${length} nach deren Ende; die Leistung ist nicht beendet, Löschung gesperrt`,
      explanation,
    };
  }
  const end = resolution.occurrences.map((occurrence) => occurrence.date).sort(compareDates).at(-1)!;
  const until = endOfPeriodAfterEvent(end, rule.offset);
  const reviewFrom = until.add({ days: 1 });
  return {
    applies: true,
    ruleKey: rule.id,
    serviceEnd: formatIsoDate(end),
    retainUntil: formatIsoDate(until),
    deletionReviewFrom: formatIsoDate(reviewFrom),
    message: `Aufbewahren bis ${formatGermanDate(until)} (Ende ${formatGermanDate(end)} + ${length}); Löschung bis dahin gesperrt, ab ${formatGermanDate(reviewFrom)} Löschprüfung (keine automatische Löschung)`,
    explanation,
    until,
  };
}

/** Retention of one case's documentation under its agreement; the longest applicable rule wins. */
export function computeRetention(agreement: Agreement, caseFile: CaseFile, options: RetentionOptions = {}): RetentionResult {
  const casePolicies = options.casePolicies ?? caseFile.policies;
  const policy = resolvePolicy("D29", agreement.policies, casePolicies);
  const rules = retentionRules(agreement);
  if (rules.length === 0) {
    return {
      applies: false,
      serviceEnd: caseFile.case.end ?? null,
      retainUntil: null,
      deletionReviewFrom: null,
      message: "Die Vereinbarung nennt keine Aufbewahrungsfrist; gesetzliche Aufbewahrungs- und Löschpflichten gesondert prüfen",
      explanation: explain("M15", { file: agreement.document.file, clause: "keine Regelung zur Aufbewahrung" }, [policy]),
    };
  }
  const results = rules.map((rule) => computeRetentionForRule(rule, caseFile, { agreementPolicies: agreement.policies, casePolicies }));
  const ongoing = results.find((result) => result.until === undefined);
  const chosen = ongoing ?? results.sort((a, b) => compareDates(a.until!, b.until!)).at(-1)!;
  const { until: _until, ...result } = chosen;
  return result;
}

/** D29: may the documentation be deleted on `requestDate`? Blocked before the end of retention; afterwards a review task. */
export function checkDeletionRequest(retention: RetentionResult, requestDate: CalendarDate | string): Finding {
  const day = typeof requestDate === "string" ? parseDate(requestDate) : requestDate;
  const date = formatIsoDate(day);
  if (!retention.applies) {
    return { severity: "info", code: "retentionNotStated", message: retention.message, explanation: retention.explanation, date };
  }
  if (retention.retainUntil === null) {
    return { severity: "block", code: "deletionBlockedServiceOngoing", message: `Löschung gesperrt: ${retention.message}`, explanation: retention.explanation, date };
  }
  const until = parseDate(retention.retainUntil);
  if (compareDates(day, until) <= 0) {
    return {
      severity: "block",
      code: "deletionBlockedRetention",
      message: `Löschung gesperrt: die Dokumentation ist bis ${formatGermanDate(until)} aufzubewahren`,
      explanation: retention.explanation,
      date,
      details: { retainUntil: retention.retainUntil },
    };
  }
  return {
    severity: "task",
    code: "deletionReview",
    message: `Aufbewahrungsfrist endete am ${formatGermanDate(until)}: Löschung prüfen (andere Aufbewahrungspflichten beachten; keine automatische Löschung)`,
    explanation: retention.explanation,
    date,
    details: { retainUntil: retention.retainUntil, deletionReviewFrom: retention.deletionReviewFrom },
  };
}
