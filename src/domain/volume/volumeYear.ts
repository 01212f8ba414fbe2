/**
 * A3-R17 (b) (A3 § 4 Nr. 2): „wird die Mindestinanspruchnahme in mehr als zwei Kalendermonaten im Kalenderjahr
 * unterschritten, erfolgt eine Information an den Leistungsträger zur Abstimmung des weiteren Vorgehens“.
 * The counter runs per calendar year (it starts again on 1 January). Which shortfall months count is D13
 * (see monthlyVolume.ts). When the count first exceeds the limit (the 3rd month), a TASK "inform the payer" is
 * dated on the first day after that month closes (September 2026 → 01.10.2026, E09); each further counted month
 * gives a WARN dated the same way (D13 default: notify once, warn for each further month).
 */
import { formatIsoDate, parseMonth } from "../calendar/calendarDate.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { explain, type Explanation, type Finding, type PolicyChoice } from "../results/explanation.ts";
import { evaluateMonthlyVolume, COUNTING_OPTIONS, type MonthlyVolumeResult } from "./monthlyVolume.ts";
import { enrolledPartOf, formatGermanIso, monthRange } from "./dateRange.ts";
import { formatGermanMonth, mergeCasePolicies, resolveVolumePolicy, type VolumeOptions } from "./volumeSupport.ts";

export interface VolumeYearOptions extends VolumeOptions {
  /** Evaluate only months up to and including this one ("2026-09"), e.g. the last closed month. */
  throughMonth?: string;
}

export interface CountedShortfallMonth {
  month: string;
  /** 1, 2, 3 … within the calendar year. */
  number: number;
  excused: boolean;
  excuse?: "introduction" | "crisis";
}

export interface VolumeYearResult {
  year: number;
  /** The enrolled months of the year (up to throughMonth). */
  months: MonthlyVolumeResult[];
  /** Notification when the count exceeds this number ("mehr als zwei" → 2); undefined if the agreement has no such rule. */
  limit?: number;
  countedMonths: CountedShortfallMonth[];
  shortfallCount: number;
  /** The month whose close triggers the notification, and the evaluation date (first day after it). */
  notification?: { month: string; date: string };
  /** Counter findings only (TASK and further WARNs); each month's own findings are on `months`. */
  findings: Finding[];
  explanation?: Explanation;
}

/** First day after the month closes: "2026-09" → "2026-10-01". */
export function dayAfterMonthCloses(month: string): string {
  return formatIsoDate(parseMonth(month).last.add({ days: 1 }));
}

export function evaluateVolumeYear(agreement: Agreement, caseFile: CaseFile, year: number, options: VolumeYearOptions = {}): VolumeYearResult {
  const months: MonthlyVolumeResult[] = [];
  for (let index = 1; index <= 12; index += 1) {
    const month = `${year}-${String(index).padStart(2, "0")}`;
    if (options.throughMonth !== undefined && month > options.throughMonth) break;
    if (!enrolledPartOf(caseFile, monthRange(month))) continue;
    months.push(evaluateMonthlyVolume(agreement, caseFile, month, options));
  }
  const rule = agreement.volume?.weeklyBand?.shortfallNotification;
  if (!rule) return { year, months, countedMonths: [], shortfallCount: 0, findings: [] };

  const counting = resolveVolumePolicy("D13", agreement, mergeCasePolicies(caseFile, options), COUNTING_OPTIONS);
  const policies: PolicyChoice[] = [counting];
  const limit = rule.moreThanMonthsPerCalendarYear.value;
  const countedMonths: CountedShortfallMonth[] = [];
  const findings: Finding[] = [];
  let notification: VolumeYearResult["notification"];
  const explanation = explain(rule.ruleId, rule.moreThanMonthsPerCalendarYear.source, policies);
  for (const result of months) {
    if (!result.countsTowardShortfallLimit) continue;
    const counted: CountedShortfallMonth = { month: result.month, number: countedMonths.length + 1, excused: result.excused, ...(result.excuse ? { excuse: result.excuse.reason } : {}) };
    countedMonths.push(counted);
    if (counted.number <= limit) continue;
    const date = dayAfterMonthCloses(result.month);
    const listed = countedMonths.map((entry) => formatGermanMonth(entry.month)).join(", ");
    if (!notification) {
      notification = { month: result.month, date };
      findings.push({
        severity: "task",
        code: "payerInformationShortfallMonths",
        message: `Information an den Leistungsträger zur Abstimmung des weiteren Vorgehens: Die Mindestinanspruchnahme ist ${year} in mehr als ${limit} Kalendermonaten unterschritten (${listed}). Fällig nach Abschluss von ${formatGermanMonth(result.month)}, am ${formatGermanIso(date)}.`,
        explanation: explain(rule.ruleId, rule.addressee.source, policies),
        date,
        details: { addressee: rule.addressee.value, months: countedMonths.map((entry) => entry.month), closedMonth: result.month },
      });
    } else {
      findings.push({
        severity: "warn",
        code: "furtherShortfallMonth",
        message: `${formatGermanMonth(result.month)}: weiterer (${counted.number}.) Monat unter der Mindestinanspruchnahme im Jahr ${year}; der Leistungsträger ist seit Abschluss von ${formatGermanMonth(notification.month)} zu informieren.`,
        explanation,
        date,
        details: { months: countedMonths.map((entry) => entry.month), number: counted.number },
      });
    }
  }
  return { year, months, limit, countedMonths, shortfallCount: countedMonths.length, ...(notification ? { notification } : {}), findings, explanation };
}
