/**
 * Inclusive day ranges on ISO date texts ("2026-01-15" … "2026-01-31"), and the part of a range in which the
 * person is enrolled (case start … case end). Used by M11: "A month in which the person was enrolled only part
 * of the time uses the enrolled days as the base" (rules.md A3-R14; D11 "days enrolled in that month").
 */
import { epochDayOfIso, fromEpochDay, formatGermanDate, formatIsoDate, parseMonth } from "../calendar/calendarDate.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";

/** Both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

export function monthRange(month: string): DateRange {
  const { first, last } = parseMonth(month);
  return { from: formatIsoDate(first), to: formatIsoDate(last) };
}

export function intersectRanges(a: DateRange, b: DateRange): DateRange | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
}

export function countDaysInRange(range: DateRange): number {
  return epochDayOfIso(range.to) - epochDayOfIso(range.from) + 1;
}

export function containsDate(range: DateRange, date: string): boolean {
  return range.from <= date && date <= range.to;
}

export function addDaysToIso(date: string, days: number): string {
  return formatIsoDate(fromEpochDay(epochDayOfIso(date) + days));
}

/** All days of the range as ISO texts, in order. */
export function listDaysInRange(range: DateRange): string[] {
  const first = epochDayOfIso(range.from);
  const last = epochDayOfIso(range.to);
  const days: string[] = [];
  for (let day = first; day <= last; day += 1) days.push(formatIsoDate(fromEpochDay(day)));
  return days;
}

/** The part of the range during which the case runs (case.start … case.end), or undefined. */
export function enrolledPartOf(caseFile: CaseFile, range: DateRange): DateRange | undefined {
  return intersectRanges(range, { from: caseFile.case.start, to: caseFile.case.end ?? "9999-12-31" });
}

export function formatGermanRange(range: DateRange): string {
  return `${formatGermanIso(range.from)}–${formatGermanIso(range.to)}`;
}

export function formatGermanIso(date: string): string {
  return formatGermanDate(fromEpochDay(epochDayOfIso(date)));
}
