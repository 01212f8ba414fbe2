/**
 * Public holidays per Land (§ 193 BGB: "am Erklärungs- oder Leistungsort staatlich anerkannter allgemeiner Feiertag").
 * Moveable feasts are computed from Easter Sunday (Gregorian computus), never listed by year.
 * Sources: the Länder's holiday acts (SächsSFG § 1; NFeiertagsG § 2; BremSFG § 2; and the other Länder's acts).
 * Only Land-wide holidays are listed; holidays of single municipalities (e.g. Fronleichnam in parts of Sachsen,
 * Augsburger Friedensfest) are not.
 */
import { Temporal, type CalendarDate } from "./calendarDate.ts";

export const LAENDER = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"] as const;
export type Land = (typeof LAENDER)[number];

export interface PublicHoliday {
  date: CalendarDate;
  name: string;
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

/** Buß- und Bettag: the Wednesday before 23 November (Sachsen). */
function repentanceDay(year: number): CalendarDate {
  const nov22 = Temporal.PlainDate.from({ year, month: 11, day: 22 });
  const back = (nov22.dayOfWeek - 3 + 7) % 7;
  return nov22.subtract({ days: back });
}

const ALL = LAENDER;
const fixed = (month: number, day: number) => (year: number) => Temporal.PlainDate.from({ year, month, day });
const fromEaster = (offset: number) => (year: number) => easterSunday(year).add({ days: offset });

interface HolidayRule {
  name: string;
  on: (year: number) => CalendarDate;
  laender: readonly Land[];
  fromYear?: number;
}

const RULES: HolidayRule[] = [
  { name: "Neujahr", on: fixed(1, 1), laender: ALL },
  { name: "Heilige Drei Könige", on: fixed(1, 6), laender: ["BW", "BY", "ST"] },
  { name: "Internationaler Frauentag", on: fixed(3, 8), laender: ["BE"], fromYear: 2019 },
  { name: "Internationaler Frauentag", on: fixed(3, 8), laender: ["MV"], fromYear: 2023 },
  { name: "Karfreitag", on: fromEaster(-2), laender: ALL },
  { name: "Ostersonntag", on: fromEaster(0), laender: ["BB"] },
  { name: "Ostermontag", on: fromEaster(1), laender: ALL },
  { name: "Tag der Arbeit", on: fixed(5, 1), laender: ALL },
  { name: "Christi Himmelfahrt", on: fromEaster(39), laender: ALL },
  { name: "Pfingstsonntag", on: fromEaster(49), laender: ["BB"] },
  { name: "Pfingstmontag", on: fromEaster(50), laender: ALL },
  { name: "Fronleichnam", on: fromEaster(60), laender: ["BW", "BY", "HE", "NW", "RP", "SL"] },
  { name: "Mariä Himmelfahrt", on: fixed(8, 15), laender: ["SL"] },
  { name: "Weltkindertag", on: fixed(9, 20), laender: ["TH"], fromYear: 2019 },
  { name: "Tag der Deutschen Einheit", on: fixed(10, 3), laender: ALL },
  { name: "Reformationstag", on: fixed(10, 31), laender: ["BB", "MV", "SN", "ST", "TH"] },
  { name: "Reformationstag", on: fixed(10, 31), laender: ["HB", "HH", "NI", "SH"], fromYear: 2018 },
  { name: "Allerheiligen", on: fixed(11, 1), laender: ["BW", "BY", "NW", "RP", "SL"] },
  { name: "Buß- und Bettag", on: repentanceDay, laender: ["SN"] },
  { name: "1. Weihnachtstag", on: fixed(12, 25), laender: ALL },
  { name: "2. Weihnachtstag", on: fixed(12, 26), laender: ALL },
];

const cache = new Map<string, PublicHoliday[]>();

/** The Land-wide public holidays of one Land in one year, sorted by date. */
export function listPublicHolidays(land: Land, year: number): PublicHoliday[] {
  const key = `${land}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const holidays = RULES.filter((rule) => rule.laender.includes(land) && (rule.fromYear === undefined || year >= rule.fromYear))
    .map((rule) => ({ date: rule.on(year), name: rule.name }))
    .sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
  cache.set(key, holidays);
  return holidays;
}

export function findPublicHoliday(land: Land, date: CalendarDate): PublicHoliday | undefined {
  return listPublicHolidays(land, date.year).find((holiday) => holiday.date.equals(date));
}

export function isWorkingDay(land: Land, date: CalendarDate): boolean {
  return date.dayOfWeek <= 5 && findPublicHoliday(land, date) === undefined;
}

/** § 193 BGB: if the last day of a period is a Saturday, Sunday or public holiday, the next working day. */
export function nextWorkingDayFrom(land: Land, date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(land, day)) day = day.add({ days: 1 });
  return day;
}
