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
