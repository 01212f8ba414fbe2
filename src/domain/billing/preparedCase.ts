/**
 * Per-case preparation for billing (entries sorted by date with integer durations, interruption calendars),
 * memoised by object identity: a case file value is not changed after it is parsed.
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import type { CaseFile, ServiceEntry } from "../case/caseFileSchema.ts";
import { measureEntryMilliminutes } from "../case/entryDuration.ts";
import { buildInterruptionCalendar, type InterruptionCalendar } from "./interruptionCalendar.ts";

export interface PreparedEntry {
  entry: ServiceEntry;
  entryId: string;
  day: number;
  month: string;
  milliminutes: number;
}

interface PreparedCase {
  entries?: PreparedEntry[];
  calendars: Map<string, InterruptionCalendar>;
}

const prepared = new WeakMap<CaseFile, PreparedCase>();

function prepare(caseFile: CaseFile): PreparedCase {
  let entry = prepared.get(caseFile);
  if (!entry) {
    entry = { calendars: new Map() };
    prepared.set(caseFile, entry);
  }
  return entry;
}

/** Entries sorted by date and start time (stable), with epoch day and exact duration. */
export function listPreparedEntries(caseFile: CaseFile): PreparedEntry[] {
  const entry = prepare(caseFile);
  entry.entries ??= caseFile.entries
    .map((serviceEntry, index) => ({ entry: serviceEntry, entryId: serviceEntry.id ?? `E${index + 1}`, day: epochDayOfIso(serviceEntry.date), month: serviceEntry.date.slice(0, 7), milliminutes: measureEntryMilliminutes(serviceEntry), index }))
    .sort((a, b) => a.day - b.day || (a.entry.start ?? "").localeCompare(b.entry.start ?? "") || a.index - b.index)
    .map(({ index: _index, ...rest }) => rest);
  return entry.entries;
}

/** Index of the first prepared entry on or after the epoch day (binary search). */
export function findFirstEntryIndex(entries: PreparedEntry[], day: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function findInterruptionCalendar(caseFile: CaseFile, mergeAcrossReasons: boolean, stayReasons: readonly string[]): InterruptionCalendar {
  const entry = prepare(caseFile);
  const key = `${mergeAcrossReasons}|${stayReasons.join(",")}`;
  let calendar = entry.calendars.get(key);
  if (!calendar) {
    calendar = buildInterruptionCalendar(caseFile.absences, mergeAcrossReasons, stayReasons as never);
    entry.calendars.set(key, calendar);
  }
  return calendar;
}
