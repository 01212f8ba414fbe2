/**
 * M14 entry timing: the day window (A2-R10 „in der Regel im Zeitkorridor zwischen 06:00 Uhr und 22:00 Uhr“ →
 * WARN; all weekdays and public holidays allowed), the opening hours of the premises (A3-R19, Monday–Friday
 * from P-A3-11 to P-A3-12 → WARN), time-limited categories (A3-R13 internship accompaniment for the
 * transition period of 3 months from its start, first day counted → BLOCK after), and the classification of
 * an entry into shifts (A4 § 3.1 Tagdienst 6–22, § 3.6 Nachtwache 22–6).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { lastDayOfDurationFrom } from "../calendar/bgbPeriod.ts";
import { compareDates, formatGermanDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { ServiceEntry } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { includesName, readTimeOfDay } from "../admission/inputValueReaders.ts";
import type { DayWindow, OpeningHours, Shift, TimeLimitedCategory } from "./documentationParameters.ts";
import { entryFinding, matchTerm, minutesOfTime, type EntryContext } from "./entryContext.ts";

const WEEKDAY_NAMES = ["", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

export function checkDayWindow(window: DayWindow, context: EntryContext): Finding[] {
  const { start, end } = context.entry;
  if (start === undefined || end === undefined) return [];
  if (start >= window.from && end <= window.to) return [];
  return [
    entryFinding(context, window, window.onOutside, "entryOutsideDayWindow", `Leistung ${start}–${end} Uhr liegt außerhalb des Zeitkorridors ${window.from}–${window.to} Uhr (in der Regel einzuhalten).`, {
      start,
      end,
    }),
  ];
}

export function checkOpeningHours(hours: OpeningHours, context: EntryContext): Finding[] {
  const { place, start, end } = context.entry;
  if (place === undefined || !includesName(hours.places, place)) return [];
  const weekday = context.date.dayOfWeek;
  if (!hours.weekdays.includes(weekday)) {
    return [entryFinding(context, hours, hours.onOutside, "entryOutsideOpeningDays", `Leistung in der Betriebsstätte am ${WEEKDAY_NAMES[weekday]}: die Betriebsstätte ist nur ${hours.weekdays.map((day) => WEEKDAY_NAMES[day]).join(", ")} geöffnet.`)];
  }
  if (start === undefined || end === undefined) return [];
  const opens = readTimeOfDay(context.inputs, hours.opensAt);
  const closes = readTimeOfDay(context.inputs, hours.closesAt);
  if (!opens.found || !closes.found) {
    const missing = [opens, closes].filter((read) => !read.found).map((read) => (read.found ? "" : read.message));
    return [entryFinding(context, hours, "info", "openingHoursNotChecked", `Öffnungszeiten nicht geprüft: ${missing.join("; ")}`)];
  }
  if (start >= opens.value && end <= closes.value) return [];
  return [entryFinding(context, hours, hours.onOutside, "entryOutsideOpeningHours", `Leistung in der Betriebsstätte ${start}–${end} Uhr liegt außerhalb der Öffnungszeit ${opens.value}–${closes.value} Uhr.`, { start, end })];
}

function latestAnchor(context: EntryContext, kind: string): CalendarDate | undefined {
  const dates = context.caseFile.events
    .filter((event) => event.kind === kind)
    .map((event) => parseDate(event.date))
    .filter((date) => compareDates(date, context.date) <= 0);
  return dates.reduce<CalendarDate | undefined>((latest, date) => (latest === undefined || compareDates(date, latest) > 0 ? date : latest), undefined);
}

export function checkTimeLimitedCategory(category: TimeLimitedCategory, context: EntryContext): Finding[] {
  const term = matchTerm(context.entry.category, category.terms);
  if (term === undefined) return [];
  const anchor = latestAnchor(context, category.anchorEvent);
  if (anchor === undefined) {
    return [entryFinding(context, category, category.onOutside, "timeLimitedCategoryWithoutStart", `„${context.entry.category}“ setzt einen erfassten Beginn („${category.anchorEvent}“) am oder vor dem Leistungstag voraus.`)];
  }
  const lastDay = lastDayOfDurationFrom(anchor, category.duration);
  if (compareDates(context.date, lastDay) <= 0) return [];
  return [
    entryFinding(context, category, category.onOutside, "timeLimitedCategoryExpired", `„${context.entry.category}“ ist nach dem Beginn am ${formatGermanDate(anchor)} nur bis ${formatGermanDate(lastDay)} möglich.`, {
      anchorDate: anchor.toString(),
      lastDay: lastDay.toString(),
    }),
  ];
}

function overlaps(startMinutes: number, endMinutes: number, shift: Shift): boolean {
  const from = minutesOfTime(shift.from);
  const to = minutesOfTime(shift.to);
  const windows = from < to ? [[from, to]] : [[from, 24 * 60], [0, to]];
  return windows.some(([windowStart, windowEnd]) => startMinutes < windowEnd! && endMinutes > windowStart!);
}

/** Names of the agreement's shifts that an entry with start and end overlaps (empty without times or shifts). */
export function classifyEntryShifts(agreement: Agreement, entry: ServiceEntry): string[] {
  const shifts = agreement.documentation?.shifts ?? [];
  if (entry.start === undefined || entry.end === undefined) return [];
  const start = minutesOfTime(entry.start);
  const end = minutesOfTime(entry.end);
  return shifts.filter((shift) => overlaps(start, end, shift)).map((shift) => shift.name);
}
