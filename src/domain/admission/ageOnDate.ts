/**
 * Age on a date, as German law counts it (§ 187 Abs. 2 Satz 2, § 188 Abs. 2 and 3 BGB): the day of birth
 * counts, so a person completes N years at the end of the day before the N-th birthday and has that age from
 * the birthday on. A person born on 29 February reaches the age on 1 March in common years (the period ends
 * with 28 February). Used for „volljährig“ (A0-R01, A1-R01, A3-R02, A4-R01) and „minderjähriges Kind“ (A0-R01).
 */
import { lastDayOfDurationFrom } from "../calendar/bgbPeriod.ts";
import { compareDates, type CalendarDate } from "../calendar/calendarDate.ts";

/** The first day on which a person born on birthDate has the given age. */
export function dateOfReachingAge(birthDate: CalendarDate, years: number): CalendarDate {
  if (years <= 0) return birthDate;
  return lastDayOfDurationFrom(birthDate, { years }).add({ days: 1 });
}

export function hasReachedAge(birthDate: CalendarDate, date: CalendarDate, years: number): boolean {
  return compareDates(date, dateOfReachingAge(birthDate, years)) >= 0;
}

/** Completed years on the date (0 before the first birthday; negative dates before birth give 0). */
export function ageInYears(birthDate: CalendarDate, date: CalendarDate): number {
  if (compareDates(date, birthDate) < 0) return 0;
  let years = Math.max(0, date.year - birthDate.year - 1);
  while (hasReachedAge(birthDate, date, years + 1)) years += 1;
  return years;
}
