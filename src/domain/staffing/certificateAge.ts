/**
 * M09 date arithmetic for extended criminal-record certificates (erweitertes Führungszeugnis), rules.md 0.3(a):
 * - „welches nicht älter als drei Monate ist“ (A2 § 7.1, A4 Anl. 1 § 5.1): accepted if
 *   issue date + 3 months (§ 188 Abs. 3 BGB clamping) ≥ presentation date (E16: 10.01.2025 → 10.04.2025 ≥ 01.03.2025);
 * - „spätestens alle 5 Jahre“ / „von längstens 3 Jahren“: next due = last presentation + interval
 *   (event day not counted, § 187 Abs. 1 BGB; E16: 01.03.2025 → 01.03.2030).
 */
import { endOfPeriodAfterEvent, dateBefore, type PeriodLength } from "../calendar/bgbPeriod.ts";
import { compareDates, type CalendarDate } from "../calendar/calendarDate.ts";

/** Whether a certificate issued on `issuedOn` is not older than `maximumAge` when presented on `presentedOn`. */
export function isCertificateFresh(issuedOn: CalendarDate, presentedOn: CalendarDate, maximumAge: PeriodLength): boolean {
  return compareDates(issuedOn, presentedOn) <= 0 && compareDates(endOfPeriodAfterEvent(issuedOn, maximumAge), presentedOn) >= 0;
}

/** The earliest issue date still accepted at a presentation on `presentedOn` (E16: 01.03.2030 → 01.12.2029). */
export function earliestAcceptableIssueDate(presentedOn: CalendarDate, maximumAge: PeriodLength): CalendarDate {
  let candidate = dateBefore(presentedOn, maximumAge);
  // Month-end clamping makes the inverse inexact: step until the boundary is exact.
  while (!isCertificateFresh(candidate, presentedOn, maximumAge)) candidate = candidate.add({ days: 1 });
  for (;;) {
    const earlier = candidate.subtract({ days: 1 });
    if (!isCertificateFresh(earlier, presentedOn, maximumAge)) return candidate;
    candidate = earlier;
  }
}

/** The last day for the next presentation: last presentation + interval (E16: 01.02.2026 + 3 years → 01.02.2029). */
export function nextPresentationDue(lastPresentedOn: CalendarDate, interval: PeriodLength): CalendarDate {
  return endOfPeriodAfterEvent(lastPresentedOn, interval);
}
