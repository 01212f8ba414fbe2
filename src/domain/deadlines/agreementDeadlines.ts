/**
 * Agreement-level deadlines (M01, M08): reports due on a fixed day of the following year, the end of the
 * agreement's term, and the notice dates.
 * - fixedDayNextYear: A4-R23 (§ 6.2 „bis zum 31. März des jeweiligen folgenden Kalenderjahres“) for every year
 *   with service; A4-R24 (§ 6.3 „zum 31.01. des jeweiligen folgenden Kalenderjahres“) for every year with
 *   hospital-accompaniment lines; A2-R14 with its day from input P-A2-10. E17: report 2026 due Wed 31.03.2027;
 *   accompaniment report 2026 due Sun 31.01.2027 → Mon 01.02.2027 (§ 193 BGB, D20).
 * - agreementExpiry: A0-R16 (30.11.2027), A4-R26 (30.06.2026, ends without notice): a task ahead of the end;
 *   the lead time is a product setting, not an agreement value.
 * - noticeDates: A4-R28 notice periods of the agreement header (§ 7.3), counted back from the end of the term:
 *   latest receipt 19.05.2026 (6 weeks) and 31.03.2026 (3 months) for 30.06.2026 (E17). D25: while the agreement
 *   expires by itself they are stored and shown, but raise no termination task. § 193 BGB does not lengthen a
 *   notice period (it protects the recipient), so notice dates are never shifted (data: shiftToWorkingDay false).
 * Years of service and of accompaniment come from the caller (see collectCaseYears); without them the service
 * years are the years of the agreement's term up to the "as of" year, and there is no accompaniment report.
 */
import { compareDates, formatGermanDate, formatIsoDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import { latestNoticeDate } from "../calendar/bgbPeriod.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { isInputReference, type InputReference } from "../agreement/sourceSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { DEFAULT_DUE_SOON_DAYS, finishDeadline, sortDeadlines, type Deadline, type DeadlineDraft, type DeadlineEnvironment } from "./deadline.ts";
import type { AgreementExpiryRule, FixedDayNextYearRule, NoticeDatesRule } from "./deadlineParameters.ts";
import { dayInYear, describePeriod, interpretYearlyDay } from "./dueInputs.ts";

/** Product setting (not an agreement value): the expiry task is "dueSoon" this many days before the end. */
export const DEFAULT_EXPIRY_LEAD_DAYS = 90;

export interface AgreementDeadlineOptions {
  asOf: CalendarDate | string;
  /** Calendar years with any service under the agreement (A4-R23). */
  serviceYears?: number[];
  /** Calendar years with hospital-accompaniment lines (A4-R24). */
  accompanimentYears?: number[];
  /** Policy options overriding the agreement's. */
  policies?: PolicySettings;
  dueSoonDays?: number;
  expiryLeadDays?: number;
}

type DateField = { value: string; source: unknown } | InputReference | undefined;

type DateReading = { kind: "absent" } | { kind: "date"; date: CalendarDate } | { kind: "missingInput"; inputId: string; message: string };

function readAgreementDate(field: DateField, register: InputRegister): DateReading {
  if (field === undefined) return { kind: "absent" };
  if (isInputReference(field)) {
    const lookup = register.lookup(field.input);
    if (lookup.found && typeof lookup.value === "string") {
      try {
        return { kind: "date", date: parseDate(lookup.value) };
      } catch {
        return { kind: "missingInput", inputId: field.input, message: `Eingabe ${field.input} ist kein Datum` };
      }
    }
    return { kind: "missingInput", inputId: field.input, message: register.describeMissing(field.input) };
  }
  return { kind: "date", date: parseDate(field.value) };
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}

function serviceYearsOfTerm(agreement: Agreement, register: InputRegister, asOf: CalendarDate): number[] | DateReading {
  const from = readAgreementDate(agreement.validity.from, register);
  if (from.kind !== "date") return from;
  const to = readAgreementDate(agreement.validity.to, register);
  const lastYear = Math.max(asOf.year, from.date.year);
  return range(from.date.year, to.kind === "date" ? Math.min(to.date.year, lastYear) : lastYear);
}

function draftsFixedDay(rule: FixedDayNextYearRule, agreement: Agreement, register: InputRegister, options: AgreementDeadlineOptions, asOf: CalendarDate): DeadlineDraft[] {
  const fact = rule.years === "service" ? "serviceYear" : "accompanimentYear";
  let years: number[];
  if (rule.years === "accompaniment") years = options.accompanimentYears ?? [];
  else if (options.serviceYears) years = options.serviceYears;
  else {
    const derived = serviceYearsOfTerm(agreement, register, asOf);
    if (!Array.isArray(derived)) {
      if (derived.kind !== "missingInput") return [];
      return [
        {
          rule,
          idSuffix: "ohne-jahr",
          anchor: { fact, what: "Berichtsjahr", date: null },
          nominal: null,
          missing: { kind: "input", inputId: derived.inputId, message: `Berichtsjahre unbekannt: ${derived.message}` },
        },
      ];
    }
    years = derived;
  }
  years = [...new Set(years)].sort((a, b) => a - b);
  let day: ReturnType<typeof interpretYearlyDay>;
  if (typeof rule.day === "string") day = interpretYearlyDay(rule.day);
  else {
    const lookup = register.lookup(rule.day.input);
    if (!lookup.found) {
      return [
        {
          rule,
          idSuffix: "ohne-termin",
          anchor: { fact, what: "Berichtsjahr", date: null },
          nominal: null,
          missing: { kind: "input", inputId: rule.day.input, message: `${register.describeMissing(rule.day.input)}; kein Termin angenommen` },
        },
      ];
    }
    day = interpretYearlyDay(lookup.value);
  }
  if (day.kind === "unreadable") {
    const inputId = isInputReference(rule.day) ? rule.day.input : undefined;
    const draft: DeadlineDraft = { rule, idSuffix: "ohne-termin", anchor: { fact, what: "Berichtsjahr", date: null }, nominal: null, missing: { kind: "input", message: `Termin nicht lesbar: ${day.reason}` } };
    if (inputId) draft.missing!.inputId = inputId;
    return [draft];
  }
  if (day.kind === "date") {
    return [{ rule, idSuffix: formatIsoDate(day.date), anchor: { fact, what: "Termin aus Eingabe", date: null }, nominal: day.date }];
  }
  return years.map((year) => ({
    rule,
    idSuffix: String(year),
    title: `${rule.title} ${year}`,
    anchor: { fact, what: `Berichtsjahr ${year}`, date: `${year}-12-31` },
    nominal: dayInYear(year + 1, day.month, day.day),
    details: { reportYear: year },
  }));
}

function draftsExpiry(rule: AgreementExpiryRule, agreement: Agreement, register: InputRegister, asOf: CalendarDate, leadDays: number): DeadlineDraft[] {
  const end = readAgreementDate(agreement.validity.to, register);
  if (end.kind === "absent") return [];
  if (end.kind === "missingInput") {
    return [{ rule, idSuffix: "ohne-ende", anchor: { fact: "agreement.validity.to", what: "Ende der Laufzeit", date: null }, nominal: null, missing: { kind: "input", inputId: end.inputId, message: end.message } }];
  }
  const expired = compareDates(asOf, end.date) > 0;
  const ending = agreement.validity.autoExpire ? "endet ohne Kündigung" : "endet";
  return [
    {
      rule,
      idSuffix: formatIsoDate(end.date),
      anchor: { fact: "agreement.validity.to", what: "Ende der Laufzeit", date: formatIsoDate(end.date) },
      nominal: end.date,
      informational: expired,
      dueSoonDays: leadDays,
      note: expired
        ? `Die Vereinbarung ist mit Ablauf des ${formatGermanDate(end.date)} beendet; Leistungen danach nur mit Anschlussvereinbarung`
        : `Die Vereinbarung ${ending} mit Ablauf des ${formatGermanDate(end.date)}; Anschluss oder Verlängerung rechtzeitig klären`,
    },
  ];
}

function draftsNotice(rule: NoticeDatesRule, agreement: Agreement, register: InputRegister, policies: PolicySettings): DeadlineDraft[] {
  const end = readAgreementDate(agreement.validity.to, register);
  if (end.kind !== "date" || agreement.notice.length === 0) return [];
  const d25 = resolvePolicy("D25", agreement.policies, policies);
  const autoExpire = agreement.validity.autoExpire;
  return agreement.notice.map((notice) => {
    const length = { ...(notice.weeks ? { weeks: notice.weeks } : {}), ...(notice.months ? { months: notice.months } : {}) };
    const latest = latestNoticeDate(end.date, length);
    return {
      rule,
      idSuffix: `${notice.part}-${formatIsoDate(latest)}`,
      title: `${rule.title}: ${notice.part}`,
      anchor: { fact: "agreement.validity.to", what: "Ende der Mindestlaufzeit", date: formatIsoDate(end.date) },
      nominal: latest,
      informational: autoExpire,
      policies: [d25],
      cites: { ruleId: notice.ruleId, source: notice.source },
      note: autoExpire
        ? `Nur bei Fortsetzung von Bedeutung: die Vereinbarung endet ohne Kündigung (D25, keine Kündigungsaufgabe); Frist ${describePeriod(length)} zum ${formatGermanDate(end.date)}`
        : `Spätester Zugang der schriftlichen Kündigung (${describePeriod(length)}) zum ${formatGermanDate(end.date)}`,
      details: { part: notice.part, noticePeriod: describePeriod(length), effectiveEnd: formatIsoDate(end.date) },
    };
  });
}

/** Agreement-level deadlines, sorted by driving date. */
export function computeAgreementDeadlines(agreement: Agreement, options: AgreementDeadlineOptions): Deadline[] {
  const asOf = typeof options.asOf === "string" ? parseDate(options.asOf) : options.asOf;
  const policies = options.policies ?? {};
  const register = createInputRegister(agreement);
  const environment: DeadlineEnvironment = {
    land: agreement.land,
    asOf,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    workingDayPolicy: resolvePolicy("D20", agreement.policies, policies),
  };
  const drafts: DeadlineDraft[] = [];
  for (const rule of agreement.deadlines?.rules ?? []) {
    if (rule.kind === "fixedDayNextYear") drafts.push(...draftsFixedDay(rule, agreement, register, options, asOf));
    else if (rule.kind === "agreementExpiry") drafts.push(...draftsExpiry(rule, agreement, register, asOf, options.expiryLeadDays ?? DEFAULT_EXPIRY_LEAD_DAYS));
    else if (rule.kind === "noticeDates") drafts.push(...draftsNotice(rule, agreement, register, policies));
  }
  return sortDeadlines(drafts.map((draft) => finishDeadline(draft, environment)));
}

/** Years with service (case active or entries recorded) and years with hospital-accompaniment lines. */
export function collectCaseYears(caseFiles: CaseFile[], asOf: CalendarDate | string): { serviceYears: number[]; accompanimentYears: number[] } {
  const day = typeof asOf === "string" ? parseDate(asOf) : asOf;
  const service = new Set<number>();
  const accompaniment = new Set<number>();
  for (const caseFile of caseFiles) {
    const start = parseDate(caseFile.case.start);
    const end = caseFile.case.end ? parseDate(caseFile.case.end) : undefined;
    const last = end !== undefined && compareDates(end, day) < 0 ? end : day;
    if (compareDates(start, last) <= 0) for (const year of range(start.year, last.year)) service.add(year);
    for (const entry of caseFile.entries) service.add(parseDate(entry.date).year);
    for (const line of caseFile.accompaniment) accompaniment.add(parseDate(line.date).year);
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { serviceYears: sorted(service), accompanimentYears: sorted(accompaniment) };
}
