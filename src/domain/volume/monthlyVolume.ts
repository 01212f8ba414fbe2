/**
 * M11 for one calendar month: the average weekly hours against the agreement's band, with its exceptions.
 *
 * A3 § 4 (A3-R14): „Die Inanspruchnahme im Leistungsangebot beträgt regelmäßig durchschnittlich wenigstens 5 Stunden
 * und höchstens 15 Stunden wöchentlich … Für die durchschnittliche Betrachtung ist auf einen Zeitraum von einem
 * Kalendermonat abzustellen“.
 *   average = counted hours in the enrolled part of the month ÷ weeks (denominator D11, exact, D07)
 *   average < minimum → shortfall: excused by the first months (A3-R15, D12) or by a crisis with weekly contact
 *   (A3-R16, D14); otherwise WARN. average > maximum → WARN without exception (A3-R18). Thresholds are compared
 *   unrounded; the average is rounded half-up to 2 decimals for display only.
 * Absences do not reduce the denominator (D31); recorded absences and notes are shown with the result.
 * Whether the month counts towards „mehr als zwei Kalendermonaten im Kalenderjahr“ (A3-R17) follows D13:
 * allButIntroduction (default) counts every shortfall month except one excused by the first months (A3-R17 as
 * written in rules.md, so an introduction month without justification counts); crisisOnly counts shortfall
 * months that overlap a recorded crisis.
 */
import { type Exact, formatFixed, ZERO } from "../money/amount.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Absence, CaseFile } from "../case/caseFileSchema.ts";
import { explain, type Explanation, type Finding, type PolicyChoice, type SourceReference } from "../results/explanation.ts";
import { computeWeeksDenominator, DENOMINATOR_OPTIONS, type WeeksDenominator } from "./weeksDenominator.ts";
import { checkIntroductionException, INTRODUCTION_OPTIONS, type IntroductionCheck } from "./introductionException.ts";
import { checkCrisisContacts, WEEK_OPTIONS, type CrisisContactCheck } from "./crisisException.ts";
import { listCountedEntries, sumEntryHours } from "./countedEntries.ts";
import { countDaysInRange, enrolledPartOf, formatGermanIso, formatGermanRange, intersectRanges, monthRange, type DateRange } from "./dateRange.ts";
import {
  formatGermanDecimal,
  formatGermanMonth,
  formatGermanThreshold,
  formatGermanWeeks,
  mergeCasePolicies,
  resolveDecimalValue,
  resolveVolumePolicy,
  type VolumeOptions,
} from "./volumeSupport.ts";
import type { WeeklyBand } from "./volumeParameters.ts";

export type MonthlyVolumeStatus = "compliant" | "shortfall" | "overMaximum" | "notEnrolled" | "notAssessable" | "held" | "notApplicable";

export const COUNTING_OPTIONS = ["allButIntroduction", "crisisOnly"] as const;
export type CountingOption = (typeof COUNTING_OPTIONS)[number];

export interface MonthlyVolumeResult {
  month: string;
  status: MonthlyVolumeStatus;
  /** Enrolled days of the month (case start … case end). */
  enrolled?: DateRange & { days: number };
  /** Exact counted hours. */
  hours: Exact;
  countedEntryCount: number;
  denominator?: WeeksDenominator;
  /** Exact average weekly hours; compared unrounded (D07). */
  averageWeeklyHours?: Exact;
  /** Display value, half-up to 2 decimals, e.g. "4.50". */
  averageWeeklyHoursRounded?: string;
  band?: { minimumWeeklyHours: Exact; maximumWeeklyHours: Exact };
  /** Minimum and maximum expressed as hours in this month (threshold × weeks), rounded for display. */
  monthlyEquivalents?: { minimumHours: string; maximumHours: string };
  excused: boolean;
  excuse?: { reason: "introduction" | "crisis"; ruleId: string };
  introduction?: IntroductionCheck;
  crisis?: CrisisContactCheck;
  /** A recorded crisis overlaps the enrolled days of the month. */
  crisisInMonth: boolean;
  /** Counts towards the A3-R17 limit of shortfall months per calendar year (D13). */
  countsTowardShortfallLimit: boolean;
  /** Shown only; they never reduce the denominator (D31). */
  recordedAbsences: Absence[];
  recordedNotes: string[];
  findings: Finding[];
  explanation: Explanation;
}

interface MonthContext {
  agreement: Agreement;
  caseFile: CaseFile;
  month: string;
  band: WeeklyBand;
  casePolicies: PolicySettings;
  /** Policy options used so far; each check adds the decisions it depends on. */
  policies: PolicyChoice[];
}

function baseResult(month: string, status: MonthlyVolumeStatus, explanation: Explanation, findings: Finding[] = []): MonthlyVolumeResult {
  return { month, status, hours: ZERO, countedEntryCount: 0, excused: false, crisisInMonth: false, countsTowardShortfallLimit: false, recordedAbsences: [], recordedNotes: [], findings, explanation };
}

/** Evaluates one calendar month ("2026-02") of a case under its agreement's weekly band. */
export function evaluateMonthlyVolume(agreement: Agreement, caseFile: CaseFile, month: string, options: VolumeOptions = {}): MonthlyVolumeResult {
  const band = agreement.volume?.weeklyBand;
  if (!band) {
    const explanation = explain("A3-R14", { file: agreement.document.file, clause: "—" });
    return baseResult(month, "notApplicable", explanation, [
      { severity: "info", code: "volumeBandNotAgreed", message: "Die Vereinbarung enthält keine Mindest- oder Höchstinanspruchnahme je Woche.", explanation, date: month },
    ]);
  }
  const casePolicies = mergeCasePolicies(caseFile, options);
  const rounding = resolveVolumePolicy("D07", agreement, casePolicies, ["exactThenHalfUp"] as const);
  const denominatorPolicy = resolveVolumePolicy("D11", agreement, casePolicies, DENOMINATOR_OPTIONS);
  const absencePolicy = resolveVolumePolicy("D31", agreement, casePolicies, ["noReduction"] as const);
  const policies: PolicyChoice[] = [rounding, denominatorPolicy, absencePolicy];
  const context: MonthContext = { agreement, caseFile, month, band, casePolicies, policies };
  const mainExplanation = () => explain(band.ruleId, band.averagingPeriod.source, [...policies]);

  const enrolledRange = enrolledPartOf(caseFile, monthRange(month));
  if (!enrolledRange) return baseResult(month, "notEnrolled", mainExplanation());

  const minimum = resolveDecimalValue(agreement, band.minimumWeeklyHours);
  const maximum = resolveDecimalValue(agreement, band.maximumWeeklyHours);
  const enrolled = { ...enrolledRange, days: countDaysInRange(enrolledRange) };
  const entries = listCountedEntries(caseFile.entries, band.countedTime, enrolledRange);
  const hours = sumEntryHours(entries);
  const recordedAbsences = caseFile.absences.filter((absence) => intersectRanges(enrolledRange, absence) !== undefined);
  const recordedNotes = (caseFile.volumeExcuses ?? [])
    .filter((excuse) => excuse.month === month && excuse.reason === "other")
    .map((excuse) => [excuse.justification, excuse.prognosis].filter(Boolean).join(" – "))
    .filter((note) => note.length > 0);
  const crisisInMonth = caseFile.crises.some((crisis) => intersectRanges(enrolledRange, { from: crisis.from, to: crisis.to ?? "9999-12-31" }) !== undefined);
  const partial = { enrolled, hours, countedEntryCount: entries.length, recordedAbsences, recordedNotes, crisisInMonth };

  if (!minimum.found || !maximum.found) {
    const missing = [minimum, maximum].filter((value) => !value.found);
    const findings: Finding[] = missing.map((value) => ({
      severity: "hold",
      code: "volumeInputMissing",
      message: `Wochendurchschnitt ${formatGermanMonth(month)} nicht prüfbar. ${value.message}`,
      explanation: explain(band.ruleId, value.source, [...policies]),
      date: month,
      details: { input: value.inputId },
    }));
    return { ...baseResult(month, "held", mainExplanation(), findings), ...partial };
  }

  const denominator = computeWeeksDenominator(enrolledRange, denominatorPolicy.option, agreement.land);
  const bandValues = { minimumWeeklyHours: minimum.value, maximumWeeklyHours: maximum.value };
  if (denominator.weeks.isZero()) {
    const explanation = mainExplanation();
    return {
      ...baseResult(month, "notAssessable", explanation, [
        {
          severity: "info",
          code: "volumeNoWorkingDayEnrolled",
          message: `${formatGermanMonth(month)}: im Teilnahmezeitraum ${formatGermanRange(enrolledRange)} liegt kein Arbeitstag; nach der gewählten Berechnung (${denominatorPolicy.option}) gibt es keinen Wochendurchschnitt.`,
          explanation,
          date: month,
        },
      ]),
      ...partial,
      denominator,
      band: bandValues,
    };
  }

  const average = hours.dividedBy(denominator.weeks);
  const status: MonthlyVolumeStatus = average.lessThan(minimum.value) ? "shortfall" : average.greaterThan(maximum.value) ? "overMaximum" : "compliant";
  const result: MonthlyVolumeResult = {
    ...baseResult(month, status, mainExplanation()),
    ...partial,
    denominator,
    averageWeeklyHours: average,
    averageWeeklyHoursRounded: formatFixed(average),
    band: bandValues,
    monthlyEquivalents: { minimumHours: formatFixed(minimum.value.times(denominator.weeks)), maximumHours: formatFixed(maximum.value.times(denominator.weeks)) },
  };
  if (status === "shortfall") applyExceptions(context, result, enrolledRange);
  applyCounting(context, result);
  result.findings = buildFindings(context, result, minimum.source);
  result.explanation = mainExplanation();
  return result;
}

function applyExceptions(context: MonthContext, result: MonthlyVolumeResult, enrolled: DateRange): void {
  const { agreement, caseFile, band, month, casePolicies, policies } = context;
  if (band.introductionWindow) {
    const introductionPolicy = resolveVolumePolicy("D12", agreement, casePolicies, INTRODUCTION_OPTIONS);
    result.introduction = checkIntroductionException(caseFile, month, enrolled, band.introductionWindow, introductionPolicy.option);
    if (result.introduction) policies.push(introductionPolicy);
    if (result.introduction?.excused) {
      result.excused = true;
      result.excuse = { reason: "introduction", ruleId: band.introductionWindow.ruleId };
      return;
    }
  }
  if (band.crisisException) {
    const weekPolicy = resolveVolumePolicy("D14", agreement, casePolicies, WEEK_OPTIONS);
    const contactDates = listCountedEntries(caseFile.entries, band.countedTime, { from: "0000-01-01", to: "9999-12-31" }).map((entry) => entry.date);
    result.crisis = checkCrisisContacts(enrolled, caseFile.crises, contactDates, weekPolicy.option, band.crisisException.contactsPerWeek.value);
    if (result.crisis) policies.push(weekPolicy);
    if (result.crisis?.holds) {
      result.excused = true;
      result.excuse = { reason: "crisis", ruleId: band.crisisException.ruleId };
    }
  }
}

function applyCounting(context: MonthContext, result: MonthlyVolumeResult): void {
  const { agreement, band, casePolicies, policies } = context;
  if (!band.shortfallNotification) return;
  const counting = resolveVolumePolicy("D13", agreement, casePolicies, COUNTING_OPTIONS);
  policies.push(counting);
  if (result.status !== "shortfall" || result.excuse?.reason === "introduction") return;
  result.countsTowardShortfallLimit = counting.option === "allButIntroduction" || result.crisisInMonth;
}

function buildFindings(context: MonthContext, result: MonthlyVolumeResult, minimumSource: SourceReference): Finding[] {
  const { band, month, policies } = context;
  const average = result.averageWeeklyHours!;
  const denominator = result.denominator!;
  const name = formatGermanMonth(month);
  const figure = `${formatGermanDecimal(average)} Std./Woche (${formatGermanDecimal(result.hours)} Std. ÷ ${formatGermanWeeks(denominator.weeks)} Wochen)`;
  const minimum = formatGermanThreshold(result.band!.minimumWeeklyHours);
  const maximum = formatGermanThreshold(result.band!.maximumWeeklyHours);
  const details = { averageWeeklyHours: formatFixed(average), hours: result.hours.toString(), weeks: denominator.weeks.toString(), denominator: denominator.option };
  const findings: Finding[] = [];
  const all = () => [...policies];

  if (result.status === "overMaximum") {
    findings.push({
      severity: band.overMaximum.severity,
      code: "volumeOverMaximum",
      message: `${name}: Höchstinanspruchnahme überschritten, ${figure}, erlaubt sind höchstens ${maximum} Std./Woche. Dafür sieht die Vereinbarung keine Ausnahme vor; der Monat erscheint im Bericht an den Leistungsträger.`,
      explanation: explain(band.overMaximum.ruleId, band.overMaximum.source, all()),
      date: month,
      details,
    });
  } else if (result.status === "compliant") {
    findings.push({
      severity: "info",
      code: "volumeWithinBand",
      message: `${name}: ${figure}, innerhalb von ${minimum} bis ${maximum} Std./Woche.`,
      explanation: explain(band.ruleId, minimumSource, all()),
      date: month,
      details,
    });
  } else if (result.excuse?.reason === "introduction") {
    const check = result.introduction!;
    findings.push({
      severity: "info",
      code: "volumeShortfallExcusedIntroduction",
      message: `${name}: Mindestinanspruchnahme unterschritten (${figure}, Minimum ${minimum} Std./Woche), aber entschuldigt: erste Monate der Leistungsinanspruchnahme (${formatGermanRange(check.window)}), Begründung und Prognose sind erfasst.`,
      explanation: explain(check.ruleId, check.source, all()),
      date: month,
      details,
    });
  } else if (result.excuse?.reason === "crisis") {
    const check = result.crisis!;
    findings.push({
      severity: "info",
      code: "volumeShortfallExcusedCrisis",
      message: `${name}: Mindestinanspruchnahme unterschritten (${figure}, Minimum ${minimum} Std./Woche), aber entschuldigt: akute Krise, in jeder Woche (${check.weeks.length}) mindestens ein Betreuungskontakt.`,
      explanation: explain(band.crisisException!.ruleId, band.crisisException!.contactsPerWeek.source, all()),
      date: month,
      details: { ...details, weeks: check.weeks.map((week) => ({ from: week.from, to: week.to, contacts: week.contactDates })) },
    });
  } else {
    const reasons = explainWhyNotExcused(result);
    findings.push({
      severity: "warn",
      code: "volumeShortfall",
      message: `${name}: Mindestinanspruchnahme unterschritten, ${figure}, Minimum ${minimum} Std./Woche. Keine Ausnahme greift${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}.`,
      explanation: explain(band.ruleId, minimumSource, all()),
      date: month,
      details: { ...details, reasons },
    });
  }
  if (result.status === "shortfall" && (result.recordedAbsences.length > 0 || result.recordedNotes.length > 0)) {
    const absences = result.recordedAbsences.map((absence) => `${ABSENCE_WORDS[absence.reason]} ${formatGermanRange(absence)}`);
    findings.push({
      severity: "info",
      code: "volumeReasonRecorded",
      message: `${name}: erfasst ${[...absences, ...result.recordedNotes].join("; ")}. Abwesenheiten verringern den Nenner nicht.`,
      explanation: explain(band.ruleId, minimumSource, all()),
      date: month,
    });
  }
  return findings;
}

const ABSENCE_WORDS: Record<Absence["reason"], string> = { holiday: "Urlaub", illness: "Krankheit", hospital: "Krankenhaus", kur: "Kur", other: "Abwesenheit" };

function explainWhyNotExcused(result: MonthlyVolumeResult): string[] {
  const reasons: string[] = [];
  const introduction = result.introduction;
  if (introduction) {
    if (!introduction.insideWindow) reasons.push(`der Monat reicht über das Ende der ersten Monate (${formatGermanIso(introduction.window.to)}) hinaus`);
    else if (introduction.missing.length > 0) {
      const words = introduction.missing.map((kind) => (kind === "justification" ? "die Begründung" : "die Prognose"));
      reasons.push(`für die ersten Monate ${words.length > 1 ? "fehlen" : "fehlt"} ${words.join(" und ")}`);
    }
  }
  const crisis = result.crisis;
  if (crisis && !crisis.holds) {
    const weeks = crisis.missingWeeks.map((week) => formatGermanRange(week)).join(", ");
    reasons.push(`Krise erfasst, aber ohne Betreuungskontakt in ${crisis.missingWeeks.length > 1 ? "den Wochen" : "der Woche"} ${weeks}`);
  }
  return reasons;
}
