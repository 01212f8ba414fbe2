/**
 * Reading deadline values that the agreements leave open (M17): a per-case input (case file `caseInputs`) wins
 * over the agreement's input register. A due input may hold
 * - a date ("2026-09-30" or "30.09.2026"): the due date itself (e.g. the payer's date for the Sozial- und
 *   Entwicklungsbericht, A0-R13 / P-A0-13);
 * - a period ({ weeks: 4 }, "4 Wochen", "2 Monate", "14 Tage", "1 Jahr", or ISO 8601 "P4W"): counted from
 *   the anchor under § 187 Abs. 1 BGB;
 * - an object with one such value per part (P-A1-11 covers the Fortschreibung and the Abschlussbericht).
 * A yearly report day may be "MM-TT", "--MM-TT" or "TT.MM.". Nothing is ever assumed when the value is absent.
 */
import { parseDate, Temporal, type CalendarDate } from "../calendar/calendarDate.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import type { Period } from "./deadlineParameters.ts";

export interface InputReading {
  found: boolean;
  value?: unknown;
  origin?: "case" | "agreement";
  example?: boolean;
}

/** Looks an input up in the case's inputs first, then in the agreement's register. */
export function readInput(inputId: string, caseInputs: Record<string, unknown> | undefined, register: InputRegister): InputReading {
  const fromCase = caseInputs?.[inputId];
  if (fromCase !== undefined && fromCase !== null && fromCase !== "") {
    if (typeof fromCase === "object" && !Array.isArray(fromCase) && "value" in fromCase) {
      const wrapped = fromCase as { value: unknown; example?: boolean };
      if (wrapped.value !== undefined && wrapped.value !== null && wrapped.value !== "") {
        return { found: true, value: wrapped.value, origin: "case", example: wrapped.example === true };
      }
    } else {
      return { found: true, value: fromCase, origin: "case", example: false };
    }
  }
  const lookup = register.lookup(inputId);
  if (lookup.found) return { found: true, value: lookup.value, origin: "agreement", example: lookup.example };
  return { found: false };
}

export type DueValue = { kind: "date"; date: CalendarDate } | { kind: "period"; period: Period } | { kind: "unreadable"; reason: string };

const UNIT_WORDS: [RegExp, keyof Period][] = [
  [/^(tag|tage|tagen)$/i, "days"],
  [/^(woche|wochen)$/i, "weeks"],
  [/^(monat|monate|monaten)$/i, "months"],
  [/^(jahr|jahre|jahren)$/i, "years"],
];

/** "4 Wochen" → { weeks: 4 }; "P2M" → { months: 2 }; anything else → undefined. */
export function parsePeriodText(text: string): Period | undefined {
  const trimmed = text.trim();
  const words = /^(\d+)\s*([A-Za-zäöü]+)$/.exec(trimmed);
  if (words) {
    const amount = Number(words[1]);
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(words[2]!))?.[1];
    if (unit && amount > 0) return { [unit]: amount } as Period;
    return undefined;
  }
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(trimmed);
  if (iso && trimmed !== "P") {
    const period: Period = {};
    if (iso[1]) period.years = Number(iso[1]);
    if (iso[2]) period.months = Number(iso[2]);
    if (iso[3]) period.weeks = Number(iso[3]);
    if (iso[4]) period.days = Number(iso[4]);
    const total = (period.years ?? 0) + (period.months ?? 0) + (period.weeks ?? 0) + (period.days ?? 0);
    return total > 0 ? period : undefined;
  }
  return undefined;
}

function periodFromObject(value: Record<string, unknown>): Period | undefined {
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => ["days", "weeks", "months", "years"].includes(key))) return undefined;
  const period: Period = {};
  for (const key of keys) {
    const amount = value[key];
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 0) return undefined;
    period[key as keyof Period] = amount;
  }
  const total = (period.years ?? 0) + (period.months ?? 0) + (period.weeks ?? 0) + (period.days ?? 0);
  return total > 0 ? period : undefined;
}

/** Interprets an input value as a due date or a period; `part` selects one value of a multi-part input. */
export function interpretDueValue(value: unknown, part?: string): DueValue {
  let selected = value;
  if (part !== undefined && selected !== null && typeof selected === "object" && !Array.isArray(selected) && periodFromObject(selected as Record<string, unknown>) === undefined) {
    selected = (selected as Record<string, unknown>)[part];
    if (selected === undefined) return { kind: "unreadable", reason: `kein Wert für „${part}“` };
  }
  if (typeof selected === "string") {
    const text = selected.trim();
    try {
      return { kind: "date", date: parseDate(text) };
    } catch {
      const period = parsePeriodText(text);
      if (period) return { kind: "period", period };
      return { kind: "unreadable", reason: `„${text}“ ist weder ein Datum noch eine Frist wie „4 Wochen“` };
    }
  }
  if (selected !== null && typeof selected === "object" && !Array.isArray(selected)) {
    const period = periodFromObject(selected as Record<string, unknown>);
    if (period) return { kind: "period", period };
  }
  return { kind: "unreadable", reason: `Wert ${JSON.stringify(selected)} ist weder ein Datum noch eine Frist` };
}

export type YearlyDay = { kind: "monthDay"; month: number; day: number } | { kind: "date"; date: CalendarDate } | { kind: "unreadable"; reason: string };

/** "03-31", "--03-31" or "31.03." → month and day; a full date → that date. */
export function interpretYearlyDay(value: unknown): YearlyDay {
  if (typeof value !== "string") return { kind: "unreadable", reason: `Wert ${JSON.stringify(value)} ist kein Tag` };
  const text = value.trim();
  const iso = /^(?:--)?(\d{2})-(\d{2})$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(text);
  const [month, day] = iso ? [Number(iso[1]), Number(iso[2])] : german ? [Number(german[2]), Number(german[1])] : [NaN, NaN];
  if (!Number.isNaN(month)) {
    try {
      // 2000 is a leap year, so 29.02. is accepted as a day of the year.
      Temporal.PlainDate.from({ year: 2000, month, day }, { overflow: "reject" });
      return { kind: "monthDay", month, day };
    } catch {
      return { kind: "unreadable", reason: `„${text}“ ist kein gültiger Tag` };
    }
  }
  try {
    return { kind: "date", date: parseDate(text) };
  } catch {
    return { kind: "unreadable", reason: `„${text}“ ist weder ein Tag (MM-TT) noch ein Datum` };
  }
}

/** The given day and month in a year; 29.02. in a common year falls on 28.02. (§ 188 Abs. 3 BGB analogy). */
export function dayInYear(year: number, month: number, day: number): CalendarDate {
  return Temporal.PlainDate.from({ year, month, day }, { overflow: "constrain" });
}

export { describePeriod } from "../calendar/periodSchema.ts";
