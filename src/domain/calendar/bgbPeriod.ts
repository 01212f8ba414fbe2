/**
 * Periods under §§ 187–193 BGB, as rules.md 0.3 prescribes.
 *
 * (a) A period triggered by an event (§ 187 Abs. 1): the event day is not counted; a period of weeks ends
 *     on the same weekday N weeks later, a period of months on the same day-of-month N months later, or on
 *     the last day of that month if the day does not exist (§ 188 Abs. 2 and 3).
 * (b) A duration that begins with a day (§ 187 Abs. 2): the first day counts; the period ends on the day
 *     before the corresponding day (§ 188 Abs. 2), or on the last day of the month if that day is missing
 *     (§ 188 Abs. 3).
 * Backward periods ("2 Monate vor", D19): the same day-of-month N months earlier, clamped to the month end.
 */
import { Temporal, type CalendarDate } from "./calendarDate.ts";

export interface PeriodLength {
  days?: number;
  weeks?: number;
  months?: number;
  years?: number;
}

function totalMonths(length: PeriodLength): number {
  return (length.months ?? 0) + 12 * (length.years ?? 0);
}

function totalDays(length: PeriodLength): number {
  return (length.days ?? 0) + 7 * (length.weeks ?? 0);
}

/** (a) End of a period that runs from an event (event day not counted). 15.01.2026 + 12 weeks → 09.04.2026. */
export function endOfPeriodAfterEvent(eventDay: CalendarDate, length: PeriodLength): CalendarDate {
  // Temporal's default overflow "constrain" clamps 31.03 + 1 month to 30.04, which is § 188 Abs. 3.
  return eventDay.add({ months: totalMonths(length) }).add({ days: totalDays(length) });
}

/** (b) Last day of a duration that begins with its first day. 01.01.2026 + 6 months → 30.06.2026. */
export function lastDayOfDurationFrom(firstDay: CalendarDate, length: PeriodLength): CalendarDate {
  const months = totalMonths(length);
  const days = totalDays(length);
  if (months === 0) return firstDay.add({ days: days - 1 });
  const targetMonth = firstDay.toPlainYearMonth().add({ months });
  const dayBefore = firstDay.day - 1;
  let end: CalendarDate;
  if (dayBefore === 0) {
    end = targetMonth.subtract({ months: 1 }).toPlainDate({ day: 1 }).with({ day: 31 });
  } else if (dayBefore > targetMonth.daysInMonth) {
    end = targetMonth.toPlainDate({ day: targetMonth.daysInMonth });
  } else {
    end = targetMonth.toPlainDate({ day: dayBefore });
  }
  return days === 0 ? end : end.add({ days });
}

/** Backward month arithmetic (D19): same day-of-month N months earlier, clamped. 31.08.2026 − 2 months → 30.06.2026. */
export function dateBefore(anchor: CalendarDate, length: PeriodLength): CalendarDate {
  return anchor.subtract({ months: totalMonths(length) }).subtract({ days: totalDays(length) });
}

/** Latest day on which a notice must be received so that a period of the given length ends by `end` (A4-R28, E17). */
export function latestNoticeDate(end: CalendarDate, length: PeriodLength): CalendarDate {
  let candidate = end.subtract({ months: totalMonths(length) }).subtract({ days: totalDays(length) });
  // Month clamping can leave later receipt days that still end in time (31.03 + 3 months = 30.06).
  for (;;) {
    const next = candidate.add({ days: 1 });
    if (Temporal.PlainDate.compare(endOfPeriodAfterEvent(next, length), end) > 0) return candidate;
    candidate = next;
  }
}
