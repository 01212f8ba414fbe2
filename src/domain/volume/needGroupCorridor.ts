/**
 * M11 corridor plausibility for need groups (HBG), A2 § 6.4/6.5.
 * A2-R03: „Es erfolgt eine Zuordnung des zeitlichen Umfangs zu einer von fünf Hilfebedarfsgruppen (HBG)“; corridors
 * 1-3, 3-5, 5-11, 11-19, 19-27 hours per week of direct contact. The group is assigned (Gesamtplan, input P-A2-05 in
 * case.needGroups), never derived from hours (D08): 5.0 h lies in HBG 2 and HBG 3, and passes with either.
 * A2-R04: „handelt es sich um Durchschnittswerte, die flexibel zu handhaben sind“: the average weekly direct-contact
 * hours of a monitoring window are compared with the assigned group's corridor, both ends inside (D08); outside →
 * WARN "possible re-assessment". Never a block, hold of billing or any billing effect.
 * Window (D09, input P-A2-11): calendar quarter by default, calendar month as alternative. Weeks = enrolled
 * calendar days ÷ 7 (Q1 2026 = 90 days = 12.857143 weeks, E05); D11 applies to A3 only. A window in which the
 * need group changes is split into one segment per group. Days without an assigned group are held, naming the input.
 */
import { Exact, formatFixed, parseAmount } from "../money/amount.ts";
import { formatIsoDate, parseMonth } from "../calendar/calendarDate.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy } from "../policy/decisions.ts";
import { explain, type Explanation, type Finding, type PolicyChoice } from "../results/explanation.ts";
import { listCountedEntries, sumEntryHours } from "./countedEntries.ts";
import { countDaysInRange, enrolledPartOf, formatGermanRange, listDaysInRange, type DateRange } from "./dateRange.ts";
import { formatGermanDecimal, formatGermanMonth, formatGermanThreshold, formatGermanWeeks, mergeCasePolicies, resolveVolumePolicy, type VolumeOptions } from "./volumeSupport.ts";
import type { NeedGroupCorridor, NeedGroupCorridors } from "./volumeParameters.ts";

export const WINDOW_KINDS = ["quarter", "month"] as const;
export type CorridorWindowKind = (typeof WINDOW_KINDS)[number];

export interface CorridorWindow extends DateRange {
  /** "2026-Q1" or "2026-02". */
  key: string;
  kind: CorridorWindowKind;
}

export type CorridorPosition = "below" | "within" | "above";

export interface CorridorSegment extends DateRange {
  days: number;
  /** Assigned need group; undefined when none is recorded for these days (held). */
  needGroup?: number;
  hours: Exact;
  weeks: Exact;
  averageWeeklyHours: Exact;
  averageWeeklyHoursRounded: string;
  corridor?: { group: number; meanWeeklyHours: Exact; fromWeeklyHours: Exact; toWeeklyHours: Exact };
  position?: CorridorPosition;
}

export interface NeedGroupCorridorResult {
  window: CorridorWindow;
  segments: CorridorSegment[];
  /** A2-R04: plausibility only. */
  billingEffect: "none";
  findings: Finding[];
  explanation: Explanation;
}

/** "2026-Q1" → 01.01.–31.03.2026; "2026-02" → 01.02.–28.02.2026. */
export function parseCorridorWindow(text: string): CorridorWindow {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  if (quarter) {
    const firstMonth = (Number(quarter[2]) - 1) * 3 + 1;
    const first = parseMonth(`${quarter[1]}-${String(firstMonth).padStart(2, "0")}`).first;
    const last = parseMonth(`${quarter[1]}-${String(firstMonth + 2).padStart(2, "0")}`).last;
    return { key: text.trim(), kind: "quarter", from: formatIsoDate(first), to: formatIsoDate(last) };
  }
  const { first, last } = parseMonth(text);
  return { key: text.trim(), kind: "month", from: formatIsoDate(first), to: formatIsoDate(last) };
}

export function listCorridorWindows(year: number, kind: CorridorWindowKind): CorridorWindow[] {
  const keys = kind === "quarter" ? [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`) : Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`);
  return keys.map(parseCorridorWindow);
}

/** D08: both corridor ends belong to the corridor. */
export function classifyAgainstCorridor(average: Exact, corridor: Pick<NeedGroupCorridor, "fromWeeklyHours" | "toWeeklyHours">): CorridorPosition {
  if (average.lessThan(parseAmount(corridor.fromWeeklyHours))) return "below";
  if (average.greaterThan(parseAmount(corridor.toWeeklyHours))) return "above";
  return "within";
}

/** D09 with the agreement's input P-A2-11: case policy, else the agreement's window value, else its policy or the default. */
export function resolveMonitoringWindow(agreement: Agreement, caseFile: CaseFile, options: VolumeOptions = {}): PolicyChoice & { option: CorridorWindowKind } {
  const casePolicies = mergeCasePolicies(caseFile, options);
  const field = agreement.volume?.needGroupCorridors?.monitoringWindow;
  if (casePolicies.D09 === undefined && field !== undefined) {
    const value = isInputReference(field) ? createInputRegister(agreement).lookup(field.input).value : field.value;
    if (value !== undefined && value !== null && value !== "") {
      if (!(WINDOW_KINDS as readonly unknown[]).includes(value)) throw new RangeError(`Beobachtungszeitraum „${String(value)}“ unbekannt (erlaubt: ${WINDOW_KINDS.join(", ")})`);
      return { decision: "D09", option: value as CorridorWindowKind, origin: "agreement" };
    }
  }
  return resolveVolumePolicy("D09", agreement, casePolicies, WINDOW_KINDS);
}

function windowLabel(window: CorridorWindow): string {
  return window.kind === "quarter" ? `${window.key.slice(6)}. Quartal ${window.key.slice(0, 4)}` : formatGermanMonth(window.key);
}

function needGroupOn(caseFile: CaseFile, date: string): number | undefined {
  let group: number | undefined;
  for (const assignment of caseFile.case.needGroups) {
    if (assignment.from <= date && (assignment.to === undefined || date <= assignment.to)) group = assignment.group;
  }
  return group;
}

/** Splits the enrolled part of the window into runs of days with the same assigned need group. */
function splitByNeedGroup(caseFile: CaseFile, range: DateRange): (DateRange & { needGroup?: number })[] {
  const runs: (DateRange & { needGroup?: number })[] = [];
  for (const day of listDaysInRange(range)) {
    const group = needGroupOn(caseFile, day);
    const last = runs[runs.length - 1];
    if (last && last.needGroup === group) last.to = day;
    else runs.push(group === undefined ? { from: day, to: day } : { from: day, to: day, needGroup: group });
  }
  return runs;
}

/** Checks one window ("2026-Q1" or "2026-02") of an A2 case against the corridor of the assigned need group. */
export function checkNeedGroupCorridor(agreement: Agreement, caseFile: CaseFile, window: string | CorridorWindow, options: VolumeOptions = {}): NeedGroupCorridorResult {
  const parsed = typeof window === "string" ? parseCorridorWindow(window) : window;
  const corridors = agreement.volume?.needGroupCorridors;
  const casePolicies = mergeCasePolicies(caseFile, options);
  const resolved = resolveMonitoringWindow(agreement, caseFile, options);
  const windowChoice: PolicyChoice = resolved.option === parsed.kind ? resolved : { decision: "D09", option: parsed.kind, origin: "case" };
  const policies: PolicyChoice[] = [resolvePolicy("D07", agreement.policies, casePolicies), resolveVolumePolicy("D08", agreement, casePolicies, ["inclusive"] as const), windowChoice];
  if (!corridors) {
    const explanation = explain("A2-R04", { file: agreement.document.file, clause: "—" }, policies);
    return {
      window: parsed,
      segments: [],
      billingEffect: "none",
      findings: [{ severity: "info", code: "needGroupCorridorsNotAgreed", message: "Die Vereinbarung enthält keine Korridore für Hilfebedarfsgruppen.", explanation, date: parsed.key }],
      explanation,
    };
  }
  const explanation = explain(corridors.plausibility.ruleId, corridors.plausibility.source, policies);
  const enrolled = enrolledPartOf(caseFile, parsed);
  if (!enrolled) return { window: parsed, segments: [], billingEffect: "none", findings: [], explanation };
  const segments = splitByNeedGroup(caseFile, enrolled).map((run) => measureSegment(caseFile, corridors, run));
  const findings = segments.map((segment) => describeSegment(agreement, corridors, parsed, segment, segments.length > 1, policies));
  return { window: parsed, segments, billingEffect: "none", findings, explanation };
}

function measureSegment(caseFile: CaseFile, corridors: NeedGroupCorridors, run: DateRange & { needGroup?: number }): CorridorSegment {
  const days = countDaysInRange(run);
  const weeks = new Exact(days).dividedBy(7);
  const hours = sumEntryHours(listCountedEntries(caseFile.entries, corridors.countedTime, run));
  const average = hours.dividedBy(weeks);
  const segment: CorridorSegment = { from: run.from, to: run.to, days, hours, weeks, averageWeeklyHours: average, averageWeeklyHoursRounded: formatFixed(average) };
  if (run.needGroup === undefined) return segment;
  segment.needGroup = run.needGroup;
  const corridor = corridors.groups.find((candidate) => candidate.group === run.needGroup);
  if (!corridor) return segment;
  segment.corridor = {
    group: corridor.group,
    meanWeeklyHours: parseAmount(corridor.meanWeeklyHours),
    fromWeeklyHours: parseAmount(corridor.fromWeeklyHours),
    toWeeklyHours: parseAmount(corridor.toWeeklyHours),
  };
  segment.position = classifyAgainstCorridor(average, corridor);
  return segment;
}

function describeSegment(agreement: Agreement, corridors: NeedGroupCorridors, window: CorridorWindow, segment: CorridorSegment, split: boolean, policies: PolicyChoice[]): Finding {
  const period = split ? `${windowLabel(window)} (${formatGermanRange(segment)})` : windowLabel(window);
  const figure = `${formatGermanDecimal(segment.averageWeeklyHours)} Std./Woche direkter Kontakt (${formatGermanDecimal(segment.hours)} Std. ÷ ${formatGermanWeeks(segment.weeks)} Wochen)`;
  const details = { from: segment.from, to: segment.to, needGroup: segment.needGroup ?? null, averageWeeklyHours: segment.averageWeeklyHoursRounded, hours: segment.hours.toString(), weeks: segment.weeks.toString() };
  if (segment.needGroup === undefined) {
    const inputId = corridors.assignedNeedGroup.input;
    const register = createInputRegister(agreement);
    return {
      severity: "hold",
      code: "needGroupMissing",
      message: `${period}: keine Hilfebedarfsgruppe zugeordnet, Korridor nicht prüfbar. ${register.describeMissing(inputId)}`,
      explanation: explain(corridors.ruleId, register.definition(inputId)?.source ?? corridors.assignment.source, policies),
      date: window.key,
      details: { ...details, input: inputId },
    };
  }
  const corridor = corridors.groups.find((candidate) => candidate.group === segment.needGroup);
  if (!corridor || !segment.corridor) {
    return {
      severity: "info",
      code: "needGroupCorridorUnknown",
      message: `${period}: für HBG ${segment.needGroup} enthält die Vereinbarung keinen Korridor.`,
      explanation: explain(corridors.ruleId, corridors.assignment.source, policies),
      date: window.key,
      details,
    };
  }
  const range = `${formatGermanThreshold(segment.corridor.fromWeeklyHours)}–${formatGermanThreshold(segment.corridor.toWeeklyHours)} Std.`;
  if (segment.position === "within") {
    return {
      severity: "info",
      code: "needGroupCorridorWithin",
      message: `${period}: ${figure} liegt im Korridor der HBG ${segment.needGroup} (${range}).`,
      explanation: explain(corridors.ruleId, corridor.source, policies),
      date: window.key,
      details,
    };
  }
  const side = segment.position === "below" ? "unter" : "über";
  return {
    severity: corridors.plausibility.severity,
    code: segment.position === "below" ? "needGroupCorridorBelow" : "needGroupCorridorAbove",
    message: `${period}: ${figure} liegt ${side} dem Korridor der HBG ${segment.needGroup} (${range}). Mögliche Überprüfung der Hilfebedarfsgruppe; keine Auswirkung auf die Abrechnung.`,
    explanation: explain(corridors.plausibility.ruleId, corridors.plausibility.source, policies),
    date: window.key,
    details,
  };
}

/** Every window of a year under the resolved monitoring window (D09, P-A2-11). */
export function evaluateNeedGroupCorridorsOfYear(agreement: Agreement, caseFile: CaseFile, year: number, options: VolumeOptions = {}): NeedGroupCorridorResult[] {
  const kind = resolveMonitoringWindow(agreement, caseFile, options).option;
  return listCorridorWindows(year, kind)
    .filter((window) => enrolledPartOf(caseFile, window) !== undefined)
    .map((window) => checkNeedGroupCorridor(agreement, caseFile, window, options));
}
