/**
 * The duration of a service entry (M14): given in minutes, in hours, or by start and end time on its date.
 */
import { Exact, parseAmount } from "../money/amount.ts";
import type { ServiceEntry } from "./caseFileSchema.ts";

function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Exact minutes of an entry. */
export function measureEntryMinutes(entry: ServiceEntry): Exact {
  if (entry.minutes !== undefined) return new Exact(entry.minutes);
  if (entry.hours !== undefined) return parseAmount(entry.hours).times(60);
  if (entry.start !== undefined && entry.end !== undefined) return new Exact(minutesOfDay(entry.end) - minutesOfDay(entry.start));
  return new Exact(0);
}

/** Exact hours of an entry (minutes ÷ 60, unrounded). */
export function measureEntryHours(entry: ServiceEntry): Exact {
  return measureEntryMinutes(entry).div(60);
}

/** Milli-minutes per hour: hours with up to 4 decimals and whole minutes are exact integers in this unit. */
export const MILLIMINUTES_PER_HOUR = 60_000;

/** Parses an hours text with at most 4 decimals ("3.50") into integer milli-minutes, without floats. */
export function parseHoursToMilliminutes(hours: string): number {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(hours.trim());
  if (!match) throw new RangeError(`keine Stundenangabe mit höchstens 4 Nachkommastellen: ${hours}`);
  const fraction = (match[2] ?? "").padEnd(4, "0");
  return Number(match[1]) * MILLIMINUTES_PER_HOUR + Number(fraction) * 6;
}

/** Duration of an entry in integer milli-minutes (exact). */
export function measureEntryMilliminutes(entry: ServiceEntry): number {
  if (entry.minutes !== undefined) return entry.minutes * 1000;
  if (entry.hours !== undefined) return parseHoursToMilliminutes(entry.hours);
  if (entry.start !== undefined && entry.end !== undefined) return (minutesOfDay(entry.end) - minutesOfDay(entry.start)) * 1000;
  return 0;
}
