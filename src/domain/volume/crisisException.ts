/**
 * A3-R16 (A3 § 4 Nr. 2): „Bei einer akuten Krisensituation, sofern mindestens ein wöchentlicher Betreuungskontakt
 * zwischen leistungsberechtigter Person und Leistungserbringer sichergestellt ist“.
 * A shortfall month is excused by a crisis if a recorded crisis overlaps the month's enrolled days and every week
 * that overlaps both (month and crisis) contains the required number of contacts (E08).
 * D14 "week": isoWeek (default) = Monday–Sunday calendar weeks, the whole week counts even across the month
 * boundary (W18 = 27.04.–03.05.2026 for May); rolling7 = consecutive 7-day windows from the crisis start.
 * A contact is a counted entry with the person (countedTime of the band), in person or remote.
 */
import { epochDayOfIso, weekdayOfEpochDay } from "../calendar/calendarDate.ts";
import { addDaysToIso, containsDate, intersectRanges, type DateRange } from "./dateRange.ts";

export const WEEK_OPTIONS = ["isoWeek", "rolling7"] as const;
export type WeekOption = (typeof WEEK_OPTIONS)[number];

export interface ContactWeek extends DateRange {
  contactDates: string[];
}

export interface CrisisContactCheck {
  option: WeekOption;
  /** Crisis days inside the evaluated range. */
  crisisDays: DateRange[];
  weeks: ContactWeek[];
  missingWeeks: ContactWeek[];
  holds: boolean;
}

export interface CrisisPeriod {
  from: string;
  to?: string;
}

function weeksOverlapping(part: DateRange, crisis: CrisisPeriod, option: WeekOption): DateRange[] {
  const weeks: DateRange[] = [];
  let start: string;
  if (option === "isoWeek") {
    start = addDaysToIso(part.from, 1 - weekdayOfEpochDay(epochDayOfIso(part.from)));
  } else {
    const offset = epochDayOfIso(part.from) - epochDayOfIso(crisis.from);
    start = addDaysToIso(crisis.from, offset - (offset % 7));
  }
  while (start <= part.to) {
    weeks.push({ from: start, to: addDaysToIso(start, 6) });
    start = addDaysToIso(start, 7);
  }
  return weeks;
}

/** Undefined when no crisis overlaps the range. */
export function checkCrisisContacts(range: DateRange, crises: readonly CrisisPeriod[], contactDates: readonly string[], option: WeekOption, contactsPerWeek: number): CrisisContactCheck | undefined {
  const crisisDays: DateRange[] = [];
  const byKey = new Map<string, DateRange>();
  for (const crisis of crises) {
    const part = intersectRanges(range, { from: crisis.from, to: crisis.to ?? "9999-12-31" });
    if (!part) continue;
    crisisDays.push(part);
    for (const week of weeksOverlapping(part, crisis, option)) byKey.set(`${week.from}/${week.to}`, week);
  }
  if (crisisDays.length === 0) return undefined;
  const weeks = [...byKey.values()]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((week) => ({ ...week, contactDates: contactDates.filter((date) => containsDate(week, date)).sort() }));
  const missingWeeks = weeks.filter((week) => week.contactDates.length < contactsPerWeek);
  return { option, crisisDays, weeks, missingWeeks, holds: missingWeeks.length === 0 };
}
