/**
 * Which service entries count towards the volume, and their exact length in hours.
 * A3 § 4: „Die Inanspruchnahme kann durch Teilnahme am Angebot und / oder psychosoziale Unterstützung / Beratung
 * erfolgen“: both are time with the person (timeKind "direct"), in person or remote; documentation, meetings
 * (indirect/other) and services without the person present do not count (A3-R14).
 * A2 § 6.5: direct contact „auch z.B. per Telefon, Mail, Messenger-Dienste“ counts without any reason (A2-R06).
 * The selection is data (countedTime in volume.yaml), so another agreement can narrow it by time kind, mode or
 * category. Lengths are exact decimals (D07), measured by case/entryDuration.ts.
 */
import { type Exact, ZERO } from "../money/amount.ts";
import { measureEntryHours } from "../case/entryDuration.ts";
import type { ServiceEntry } from "../case/caseFileSchema.ts";
import type { CountedTime } from "./volumeParameters.ts";
import { containsDate, type DateRange } from "./dateRange.ts";

export function isCountedEntry(entry: ServiceEntry, countedTime: CountedTime): boolean {
  if (!countedTime.timeKinds.includes(entry.timeKind)) return false;
  if (!countedTime.modes.includes(entry.mode)) return false;
  if (countedTime.personPresentOnly && entry.withoutPersonPresent) return false;
  if (countedTime.categories !== undefined && (entry.category === undefined || !countedTime.categories.includes(entry.category))) return false;
  return true;
}

export function listCountedEntries(entries: readonly ServiceEntry[], countedTime: CountedTime, range: DateRange): ServiceEntry[] {
  return entries.filter((entry) => containsDate(range, entry.date) && isCountedEntry(entry, countedTime));
}

export function sumEntryHours(entries: readonly ServiceEntry[]): Exact {
  return entries.reduce((total, entry) => total.plus(measureEntryHours(entry)), ZERO);
}
