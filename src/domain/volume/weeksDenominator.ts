/**
 * The number of weeks a monthly average is divided by (A3-R14, decision D11; E06).
 * - calendarDays (default): enrolled days in the month ÷ 7. February 2026 → 28 ÷ 7 = 4 weeks.
 * - workingDaysWithoutHolidays: Monday–Friday enrolled days that are not public holidays of the agreement's
 *   Land ÷ 5. April 2026 in Niedersachsen (Karfreitag 03.04, Ostermontag 06.04) → 20 ÷ 5 = 4 weeks.
 * - workingDaysWithHolidays: Monday–Friday enrolled days ÷ 5. April 2026 → 22 ÷ 5 = 4.4 weeks.
 * Absences never reduce the base (D31). The weeks stay exact (30 ÷ 7 is not rounded, D07).
 */
import { Exact } from "../money/amount.ts";
import { epochDayOfIso, formatIsoDate, fromEpochDay, weekdayOfEpochDay } from "../calendar/calendarDate.ts";
import { findPublicHoliday, type Land } from "../calendar/publicHolidays.ts";
import { countDaysInRange, type DateRange } from "./dateRange.ts";

export const DENOMINATOR_OPTIONS = ["calendarDays", "workingDaysWithoutHolidays", "workingDaysWithHolidays"] as const;
export type DenominatorOption = (typeof DENOMINATOR_OPTIONS)[number];

export interface WeeksDenominator {
  option: DenominatorOption;
  /** Days counted: enrolled calendar days, or enrolled Monday–Friday days (without/with holidays). */
  countedDays: number;
  daysPerWeek: 5 | 7;
  /** Exact weeks = countedDays ÷ daysPerWeek; zero only if no working day was enrolled (working-day options). */
  weeks: Exact;
  /** Public holidays left out (workingDaysWithoutHolidays only). */
  holidaysLeftOut: { date: string; name: string }[];
}

export function computeWeeksDenominator(enrolled: DateRange, option: DenominatorOption, land: Land): WeeksDenominator {
  if (option === "calendarDays") {
    const countedDays = countDaysInRange(enrolled);
    return { option, countedDays, daysPerWeek: 7, weeks: new Exact(countedDays).dividedBy(7), holidaysLeftOut: [] };
  }
  let countedDays = 0;
  const holidaysLeftOut: { date: string; name: string }[] = [];
  for (let day = epochDayOfIso(enrolled.from); day <= epochDayOfIso(enrolled.to); day += 1) {
    if (weekdayOfEpochDay(day) > 5) continue;
    if (option === "workingDaysWithoutHolidays") {
      const date = fromEpochDay(day);
      const holiday = findPublicHoliday(land, date);
      if (holiday) {
        holidaysLeftOut.push({ date: formatIsoDate(date), name: holiday.name });
        continue;
      }
    }
    countedDays += 1;
  }
  return { option, countedDays, daysPerWeek: 5, weeks: new Exact(countedDays).dividedBy(5), holidaysLeftOut };
}
