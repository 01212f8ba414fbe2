/**
 * Deadlines and tasks of one case under its agreement (M08, M09, M10, M15), computed from the agreement's
 * deadlines.yaml rules and the case file; nothing is hard-coded per agreement (X-R04: each agreement produces
 * its own tasks; A4-R32: an agreement without deadlines gets undated tasks, never another agreement's dates).
 *
 * - afterEvent: due = anchor + offset, event day not counted (§ 187 Abs. 1, § 188 Abs. 2/3 BGB). With
 *   `requiresOngoing` (A3-R17a) only while the episode still lasts on the due day: crisis from 27.04.2026 →
 *   day 29 = 25.05.2026 (E08).
 * - beforeEvent: due = anchor − offset, same day of month clamped to the month end (D19, 31.08 → 30.06);
 *   missing anchor → warning (D19).
 * - onEvent: no due date (D18: none is invented), immediate, or from an input (per case first, then the
 *   agreement); a missing input holds the due date and names the input.
 * - periodic: A3-R27 with the readings of D16 (periodicRenewal.ts).
 * - retention: deletion review from the day after end + N years (D29, retention.ts).
 * Every deadline gets the § 193 BGB working day of the agreement's Land and the D20 driving date.
 * Tasks whose due date (or, for backward deadlines, anchor) lies after the end of service lapse, except the
 * tasks anchored on the end itself (Abschlussbericht, retention).
 */
import { compareDates, formatGermanDate, formatIsoDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import { dateBefore, endOfPeriodAfterEvent } from "../calendar/bgbPeriod.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import type { PolicyChoice } from "../results/explanation.ts";
import { computeRetentionForRule } from "../retention/retention.ts";
import { resolveAnchor, type AnchorOccurrence, type AnchorResolution, type PolicyContext } from "./anchorResolution.ts";
import { DEFAULT_DUE_SOON_DAYS, finishDeadline, sortDeadlines, type Deadline, type DeadlineDraft, type DeadlineEnvironment } from "./deadline.ts";
import type { AfterEventRule, BeforeEventRule, DeadlineRule, OnEventRule, PeriodicRule, RetentionRule } from "./deadlineParameters.ts";
import { describePeriod, interpretDueValue, readInput } from "./dueInputs.ts";
import { computeRenewalDue, type RenewalReading } from "./periodicRenewal.ts";
import { findCompletion } from "./taskCompletion.ts";

export interface CaseDeadlineOptions {
  asOf: CalendarDate | string;
  /** Policy options for this case; default: the case file's `policies`. */
  casePolicies?: PolicySettings;
  dueSoonDays?: number;
}

interface CaseContext {
  agreement: Agreement;
  caseFile: CaseFile;
  policies: PolicyContext;
  register: InputRegister;
  asOf: CalendarDate;
  caseStart: CalendarDate;
  caseEnd?: CalendarDate;
}

function toDate(value: CalendarDate | string): CalendarDate {
  return typeof value === "string" ? parseDate(value) : value;
}

function withinValidity(rule: DeadlineRule, date: CalendarDate): boolean {
  if (rule.validFrom !== undefined && compareDates(date, parseDate(rule.validFrom)) < 0) return false;
  if (rule.validTo !== undefined && compareDates(date, parseDate(rule.validTo)) > 0) return false;
  return true;
}

/** A task lapses when its later date (anchor or due) lies after the end of service, unless it is anchored on the end. */
function lapses(rule: { anchor: { fact: string } }, dates: CalendarDate[], context: CaseContext): boolean {
  if (context.caseEnd === undefined || rule.anchor.fact === "case.end") return false;
  return dates.some((date) => compareDates(date, context.caseEnd!) > 0);
}

function isActive(context: CaseContext): boolean {
  return context.caseEnd === undefined || compareDates(context.caseEnd, context.asOf) >= 0;
}

function anchorOf(fact: string, occurrence: AnchorOccurrence) {
  return { fact, what: occurrence.what, date: formatIsoDate(occurrence.date) };
}

function missingAnchorDraft(rule: DeadlineRule & { anchor: { fact: string } }, resolution: Extract<AnchorResolution, { status: "missing" }>, extra: PolicyChoice[] = []): DeadlineDraft {
  const draft: DeadlineDraft = {
    rule,
    idSuffix: "ohne-anker",
    anchor: { fact: rule.anchor.fact, what: resolution.what, date: null },
    nominal: null,
    missing: { kind: "anchor", message: resolution.message },
    policies: [...resolution.policies, ...extra],
  };
  if (resolution.inputId) draft.missing!.inputId = resolution.inputId;
  return draft;
}

function completionOf(rule: AfterEventRule | BeforeEventRule | OnEventRule, occurrence: AnchorOccurrence, context: CaseContext, windowStart = occurrence.windowStart ?? occurrence.date) {
  return findCompletion(rule.completedBy, rule.taskType, context.caseFile, occurrence.date, windowStart);
}

/** Resolves the rule's anchor and builds one draft per occurrence within the rule's validity (or the missing-anchor draft). */
function draftForEachOccurrence(
  rule: AfterEventRule | BeforeEventRule | OnEventRule,
  context: CaseContext,
  build: (occurrence: AnchorOccurrence, anchorPolicies: PolicyChoice[]) => DeadlineDraft | undefined,
  missingPolicies: PolicyChoice[] = [],
): DeadlineDraft[] {
  const resolution = resolveAnchor(rule.anchor, context.caseFile, context.policies);
  if (resolution.status === "missing") return isActive(context) ? [missingAnchorDraft(rule, resolution, missingPolicies)] : [];
  if (resolution.status === "notApplicable") return [];
  const drafts: DeadlineDraft[] = [];
  for (const occurrence of resolution.occurrences) {
    if (!withinValidity(rule, occurrence.date)) continue;
    const draft = build(occurrence, resolution.policies);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function draftsAfterEvent(rule: AfterEventRule, context: CaseContext): DeadlineDraft[] {
  return draftForEachOccurrence(rule, context, (occurrence, anchorPolicies) => {
    const nominal = endOfPeriodAfterEvent(occurrence.date, rule.offset);
    if (rule.requiresOngoing && occurrence.episodeEnd && compareDates(occurrence.episodeEnd, nominal) < 0) return undefined;
    if (lapses(rule, [nominal], context)) return undefined;
    const draft: DeadlineDraft = {
      rule,
      idSuffix: formatIsoDate(occurrence.date),
      anchor: anchorOf(rule.anchor.fact, occurrence),
      nominal,
      policies: anchorPolicies,
      details: { offset: describePeriod(rule.offset) },
    };
    const completedOn = completionOf(rule, occurrence, context);
    if (completedOn) draft.completedOn = completedOn;
    if (rule.requiresOngoing && occurrence.episodeEnd === null && compareDates(context.asOf, nominal) < 0) {
      draft.note = `Nur wenn die Situation am ${formatGermanDate(nominal)} noch andauert`;
    }
    return draft;
  });
}

function draftsBeforeEvent(rule: BeforeEventRule, context: CaseContext): DeadlineDraft[] {
  const d19 = resolvePolicy("D19", context.policies.agreementPolicies, context.policies.casePolicies);
  return draftForEachOccurrence(
    rule,
    context,
    (occurrence, anchorPolicies) => {
      const nominal = dateBefore(occurrence.date, rule.offset);
      if (lapses(rule, [nominal, occurrence.date], context)) return undefined;
      const draft: DeadlineDraft = {
        rule,
        idSuffix: formatIsoDate(occurrence.date),
        anchor: anchorOf(rule.anchor.fact, occurrence),
        nominal,
        policies: [...anchorPolicies, d19],
        details: { offsetBefore: describePeriod(rule.offset) },
      };
      if (rule.strength === "soft") draft.note = "Soll-Termin („i. d. R.“)";
      const completedOn = completionOf(rule, occurrence, context, occurrence.windowStart ?? context.caseStart);
      if (completedOn) draft.completedOn = completedOn;
      return draft;
    },
    [d19],
  );
}

function dueFromSpecification(rule: OnEventRule, occurrence: AnchorOccurrence, context: CaseContext): Pick<DeadlineDraft, "nominal" | "missing" | "note" | "policies"> {
  const due = rule.due;
  if (due.type === "none") {
    if (due.decision === undefined) return { nominal: null, note: "Der Vertrag nennt keine Frist; es wird keine angenommen" };
    const policy = resolvePolicy(due.decision, context.policies.agreementPolicies, context.policies.casePolicies);
    if (policy.option === "payerInput") {
      return { nominal: null, policies: [policy], missing: { kind: "input", message: "D18 „Frist aus Eingabe des Trägers“ gewählt, aber die Vereinbarung definiert keine Eingabe für diese Frist; keine Frist angenommen" } };
    }
    return { nominal: null, policies: [policy], note: "Der Vertrag nennt keine Frist (D18); offene Aufgabe ohne Frist" };
  }
  if (due.type === "immediately") return { nominal: occurrence.date, note: "umgehend" };
  const inputId = due.from.input;
  const policies = due.decision ? [resolvePolicy(due.decision, context.policies.agreementPolicies, context.policies.casePolicies)] : [];
  const reading = readInput(inputId, context.caseFile.caseInputs, context.register);
  if (reading.found) {
    const value = interpretDueValue(reading.value, due.part);
    if (value.kind === "date") return { nominal: value.date, policies, note: `Frist aus Eingabe ${inputId}` };
    if (value.kind === "period") return { nominal: endOfPeriodAfterEvent(occurrence.date, value.period), policies, note: `Frist aus Eingabe ${inputId}: ${describePeriod(value.period)}` };
    return { nominal: null, policies, missing: { kind: "input", inputId, message: `Eingabe ${inputId} nicht lesbar: ${value.reason}` } };
  }
  if (policies[0]?.option === "noDueDate") {
    return { nominal: null, policies, note: `Der Vertrag nennt keine Frist (D18); offene Aufgabe ohne Frist, bis der Träger eine setzt (Eingabe ${inputId})` };
  }
  return { nominal: null, policies, missing: { kind: "input", inputId, message: `${context.register.describeMissing(inputId)}; keine Frist angenommen` } };
}

function draftsOnEvent(rule: OnEventRule, context: CaseContext): DeadlineDraft[] {
  return draftForEachOccurrence(rule, context, (occurrence, anchorPolicies) => {
    const due = dueFromSpecification(rule, occurrence, context);
    if (lapses(rule, due.nominal ? [occurrence.date, due.nominal] : [occurrence.date], context)) return undefined;
    const draft: DeadlineDraft = {
      rule,
      idSuffix: formatIsoDate(occurrence.date),
      anchor: anchorOf(rule.anchor.fact, occurrence),
      nominal: due.nominal,
      policies: [...anchorPolicies, ...(due.policies ?? [])],
    };
    if (due.missing) draft.missing = due.missing;
    if (due.note) draft.note = due.note;
    const completedOn = completionOf(rule, occurrence, context);
    if (completedOn) draft.completedOn = completedOn;
    return draft;
  });
}

function draftsPeriodic(rule: PeriodicRule, context: CaseContext): DeadlineDraft[] {
  const resolution = resolveAnchor(rule.anchor, context.caseFile, context.policies);
  if (resolution.status === "missing") return isActive(context) ? [missingAnchorDraft(rule, resolution)] : [];
  if (resolution.status === "notApplicable") return [];
  const occurrence = resolution.occurrences[0]!;
  if (!withinValidity(rule, occurrence.date)) return [];
  const readingPolicy = rule.readingDecision ? resolvePolicy(rule.readingDecision, context.policies.agreementPolicies, context.policies.casePolicies) : undefined;
  const reading = (readingPolicy?.option ?? rule.reading) as RenewalReading;
  const updates = context.caseFile.hilfeplans.filter((plan) => plan.kind === "update").map((plan) => parseDate(plan.date));
  const facts = {
    start: occurrence.date,
    updates,
    gesamtplanDates: context.caseFile.gesamtplans.map((plan) => parseDate(plan.date)),
    ...(context.caseEnd ? { endOfService: context.caseEnd } : {}),
  };
  const renewal = computeRenewalDue(facts, rule.every, reading, rule.skipWhileGesamtplanYoungerThan);
  if (renewal.due === null) return [];
  const lastUpdate = [...updates].sort(compareDates).at(-1);
  return [
    {
      rule,
      idSuffix: formatIsoDate(renewal.due),
      anchor: anchorOf(rule.anchor.fact, occurrence),
      nominal: renewal.due,
      policies: [...resolution.policies, ...(readingPolicy ? [readingPolicy] : [])],
      details: {
        every: describePeriod(rule.every),
        reading,
        rolling: renewal.rolling ? formatIsoDate(renewal.rolling) : null,
        anchored: renewal.anchored ? formatIsoDate(renewal.anchored) : null,
        lastUpdate: lastUpdate ? formatIsoDate(lastUpdate) : null,
      },
    },
  ];
}

function draftsRetention(rule: RetentionRule, context: CaseContext): DeadlineDraft[] {
  const retention = computeRetentionForRule(rule, context.caseFile, context.policies);
  if (retention.until === undefined || retention.serviceEnd === null) return [];
  const end = parseDate(retention.serviceEnd);
  return [
    {
      rule,
      idSuffix: retention.serviceEnd,
      anchor: { fact: rule.anchor.fact, what: rule.anchor.label ?? "Ende der Leistungserbringung", date: retention.serviceEnd },
      nominal: retention.until.add({ days: 1 }),
      policies: retention.explanation.policies ?? [],
      note: retention.message,
      details: { retainUntil: retention.retainUntil, serviceEnd: formatIsoDate(end) },
    },
  ];
}

/** All deadlines and tasks of one case, sorted by driving date (undated last). */
export function computeCaseDeadlines(agreement: Agreement, caseFile: CaseFile, options: CaseDeadlineOptions): Deadline[] {
  const asOf = toDate(options.asOf);
  const casePolicies = options.casePolicies ?? caseFile.policies;
  const policies: PolicyContext = { agreementPolicies: agreement.policies, casePolicies };
  const context: CaseContext = {
    agreement,
    caseFile,
    policies,
    register: createInputRegister(agreement),
    asOf,
    caseStart: parseDate(caseFile.case.start),
    ...(caseFile.case.end ? { caseEnd: parseDate(caseFile.case.end) } : {}),
  };
  const environment: DeadlineEnvironment = {
    land: agreement.land,
    asOf,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    workingDayPolicy: resolvePolicy("D20", agreement.policies, casePolicies),
  };
  const drafts: DeadlineDraft[] = [];
  for (const rule of agreement.deadlines?.rules ?? []) {
    if (rule.kind === "afterEvent") drafts.push(...draftsAfterEvent(rule, context));
    else if (rule.kind === "beforeEvent") drafts.push(...draftsBeforeEvent(rule, context));
    else if (rule.kind === "onEvent") drafts.push(...draftsOnEvent(rule, context));
    else if (rule.kind === "periodic") drafts.push(...draftsPeriodic(rule, context));
    else if (rule.kind === "retention") drafts.push(...draftsRetention(rule, context));
    // fixedDayNextYear, agreementExpiry and noticeDates are agreement-level (agreementDeadlines.ts).
  }
  return sortDeadlines(drafts.map((draft) => finishDeadline(draft, environment)));
}
