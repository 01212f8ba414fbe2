/**
 * A3-R15 (A3 § 4 Nr. 1): „In den ersten drei Monaten der Leistungsanspruchnahme, sofern hierdurch die teilnehmende
 * Person an das Betätigungsangebot herangeführt wird und zu erwarten ist, dass zukünftig die
 * Mindestinanspruchnahme erfüllt wird“.
 * The window is a duration that begins with the first day of use (§ 187 Abs. 2, § 188 Abs. 2 BGB):
 * 15.01.2026 + 3 months → 15.01.2026–14.04.2026 (E07). A shortfall month is excused only if the case file records,
 * for that month, every required item (justification and prognosis) in `volumeExcuses` (reason "introduction").
 * D12: the month that straddles the window end is not excused (strict, default); generous excuses every month
 * that overlaps the window. A month whose enrolled days all lie inside the window is inside under both options.
 */
import { formatIsoDate, parseDate } from "../calendar/calendarDate.ts";
import { lastDayOfDurationFrom } from "../calendar/bgbPeriod.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import type { SourceReference } from "../results/explanation.ts";
import type { WeeklyBand } from "./volumeParameters.ts";
import { intersectRanges, type DateRange } from "./dateRange.ts";

export const INTRODUCTION_OPTIONS = ["strict", "generous"] as const;
export type IntroductionOption = (typeof INTRODUCTION_OPTIONS)[number];

export type IntroductionRequirement = "justification" | "prognosis";

export interface IntroductionCheck {
  ruleId: string;
  /** First day of use … last day of the first N months. */
  window: DateRange;
  option: IntroductionOption;
  /** The month's enrolled days overlap the window but do not all lie inside it. */
  straddlesWindowEnd: boolean;
  /** Inside the window under the option used (D12). */
  insideWindow: boolean;
  /** Required items that are not recorded for this month. */
  missing: IntroductionRequirement[];
  excused: boolean;
  source: SourceReference;
}

export function computeIntroductionWindow(firstDayOfUse: string, months: number): DateRange {
  return { from: firstDayOfUse, to: formatIsoDate(lastDayOfDurationFrom(parseDate(firstDayOfUse), { months })) };
}

/** The introduction check for one month, or undefined when the month's enrolled days do not touch the window. */
export function checkIntroductionException(
  caseFile: CaseFile,
  month: string,
  enrolled: DateRange,
  parameters: NonNullable<WeeklyBand["introductionWindow"]>,
  option: IntroductionOption,
): IntroductionCheck | undefined {
  const window = computeIntroductionWindow(caseFile.case.start, parameters.months.value);
  if (!intersectRanges(window, enrolled)) return undefined;
  const straddlesWindowEnd = enrolled.to > window.to;
  const insideWindow = option === "generous" || !straddlesWindowEnd;
  const records = (caseFile.volumeExcuses ?? []).filter((excuse) => excuse.month === month && excuse.reason === "introduction");
  const has = (kind: IntroductionRequirement) => records.some((record) => (record[kind] ?? "").trim().length > 0);
  const missing = parameters.requires.map((requirement) => requirement.kind).filter((kind) => !has(kind));
  return {
    ruleId: parameters.ruleId,
    window,
    option,
    straddlesWindowEnd,
    insideWindow,
    missing,
    excused: insideWindow && missing.length === 0,
    source: parameters.months.source,
  };
}
