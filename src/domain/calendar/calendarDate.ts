/**
 * Calendar dates (no time, no zone) on Temporal.PlainDate, plus epoch-day integers for hot loops.
 * The domain never reads the clock: every "today" is passed in.
 */
import { Temporal } from "temporal-polyfill";

export type CalendarDate = Temporal.PlainDate;
export { Temporal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parsed dates by their text. A PlainDate never changes, so one parsed value can be handed out again: the
 * deadline engine parses the same rule and case dates for every rule, occurrence and case (a profile of the
 * 5,000-client overview spent a third of its time here). Bounded: cleared when full.
 */
const PARSED = new Map<string, CalendarDate>();
const PARSED_LIMIT = 50_000;

/** Parses "2026-01-31" (ISO) or "31.01.2026" (German) into a calendar date; throws on anything else. */
export function parseDate(text: string): CalendarDate {
  const known = PARSED.get(text);
  if (known) return known;
  const parsed = parseDateText(text);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, parsed);
  return parsed;
}

function parseDateText(text: string): CalendarDate {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (german) {
    return Temporal.PlainDate.from({ year: Number(german[3]), month: Number(german[2]), day: Number(german[1]) }, { overflow: "reject" });
  }
  if (!ISO_DATE.test(trimmed)) throw new RangeError(`not a date (expected YYYY-MM-DD): ${text}`);
  return Temporal.PlainDate.from(trimmed, { overflow: "reject" });
}

export function isValidDateText(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

/** ISO text "2026-01-31". */
export function formatIsoDate(date: CalendarDate): string {
  return date.toString();
}

/** German text "31.01.2026". */
export function formatGermanDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, "0")}.${String(date.month).padStart(2, "0")}.${date.year}`;
}

const EPOCH = Temporal.PlainDate.from("1970-01-01");

/** Days since 1970-01-01; cheap to compare and to iterate. */
export function toEpochDay(date: CalendarDate): number {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): CalendarDate {
  return EPOCH.add({ days: epochDay });
}

/** Epoch day of an ISO date text, without building a Temporal object (hot paths). */
export function epochDayOfIso(text: string): number {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return toEpochDay({ year, month, day } as CalendarDate);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday. */
export function weekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Temporal.PlainDate.compare(a, b);
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Number of days from a to b (b − a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** A calendar month "2026-02". */
export function parseMonth(text: string): { first: CalendarDate; last: CalendarDate } {
  if (!/^\d{4}-\d{2}$/.test(text.trim())) throw new RangeError(`not a month (expected YYYY-MM): ${text}`);
  const first = Temporal.PlainYearMonth.from(text.trim()).toPlainDate({ day: 1 });
  return { first, last: lastDayOfMonth(first) };
}

export function lastDayOfMonth(date: CalendarDate): CalendarDate {
  return date.with({ day: date.daysInMonth });
}

export function firstDayOfMonth(date: CalendarDate): CalendarDate {
  return date.with({ day: 1 });
}

export function monthKey(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}`;
}

const isoTextCache = new Map<number, string>();

/** ISO text of an epoch day without building a Temporal object (hot paths; memoised). */
export function isoOfEpochDay(epochDay: number): string {
  let text = isoTextCache.get(epochDay);
  if (text === undefined) {
    text = computeIsoOfEpochDay(epochDay);
    if (isoTextCache.size < 100_000) isoTextCache.set(epochDay, text);
  }
  return text;
}

/** Hinnant's civil_from_days. */
function computeIsoOfEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Days in a calendar month of the proleptic Gregorian calendar. */
export function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
