/**
 * Dated records of the admission procedure (Teilhabe-/Gesamtplan A1-R06 and A3-R04, the payer's binding
 * confirmation of provisional access A3-R05, the Fachreferat's admission approval A4-R03, the care contract
 * A4-R05, the payer's consent to exceed the places A0-R03): a record exists only from its date on. On the
 * evaluation date (asOf) a record dated later is missing, whatever the case file already holds; a record
 * required „vor Leistungsbeginn“ must in addition be dated on or before the case start.
 */
import { compareDates, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";

export type RecordStanding =
  /** Nothing recorded. */
  | { kind: "none" }
  /** Recorded, but every record is dated after the evaluation date: missing on that date. */
  | { kind: "laterThanAsOf"; laterDate: CalendarDate }
  /** Exists on the evaluation date, but is dated after the deadline (case start). */
  | { kind: "afterDeadline"; date: CalendarDate }
  /** Exists on the evaluation date and, where a deadline applies, on or before it (the latest such record). */
  | { kind: "present"; date: CalendarDate };

function earliest(dates: readonly CalendarDate[]): CalendarDate | undefined {
  return dates.reduce<CalendarDate | undefined>((found, date) => (found === undefined || compareDates(date, found) < 0 ? date : found), undefined);
}

function latest(dates: readonly CalendarDate[]): CalendarDate | undefined {
  return dates.reduce<CalendarDate | undefined>((found, date) => (found === undefined || compareDates(date, found) > 0 ? date : found), undefined);
}

/** Where the recorded dates stand on asOf; with a deadline, a record must also be dated on or before it. */
export function standingOfRecords(dates: readonly (string | CalendarDate)[], asOf: CalendarDate, deadline?: CalendarDate): RecordStanding {
  const parsed = dates.map((date) => (typeof date === "string" ? parseDate(date) : date));
  if (parsed.length === 0) return { kind: "none" };
  const known = parsed.filter((date) => compareDates(date, asOf) <= 0);
  if (known.length === 0) return { kind: "laterThanAsOf", laterDate: earliest(parsed)! };
  const inTime = deadline === undefined ? known : known.filter((date) => compareDates(date, deadline) <= 0);
  if (inTime.length === 0) return { kind: "afterDeadline", date: earliest(known)! };
  return { kind: "present", date: latest(inTime)! };
}

/** The latest recorded date on or before asOf, if any (e.g. the payer's consent that applies on a day). */
export function latestRecordOnOrBefore(dates: readonly string[], asOf: CalendarDate): string | undefined {
  const standing = standingOfRecords(dates, asOf);
  return standing.kind === "present" ? standing.date.toString() : undefined;
}
