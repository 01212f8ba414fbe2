/**
 * Reads the values of a staffing section: a printed value with its source, or an input of the agreement's
 * register (M17). A missing or unreadable input gives a German hold message naming the input id and its
 * clause (rules.md section 3); nothing is ever filled in by guess.
 */
import { Exact, parseAmount, type Exact as ExactValue } from "../money/amount.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { isInputReference, type InputReference, type Source } from "../agreement/sourceSchema.ts";
import { isValidDateText } from "../calendar/calendarDate.ts";
import { periodSchema, type Period } from "./staffingParameters.ts";

export type ResolvedValue<T> =
  | { ok: true; value: T; source?: Source; inputId?: string; example: boolean }
  | { ok: false; inputId: string; message: string };

type SourcedOrInput<R> = { value: R; source: Source } | InputReference;

/** Resolves a printed value or an input; `parse` turns the raw value into the wanted type (undefined = unreadable). */
export function resolveValue<R, T>(field: SourcedOrInput<R>, register: InputRegister, parse: (raw: unknown) => T | undefined): ResolvedValue<T> {
  if (!isInputReference(field)) {
    const parsed = parse(field.value);
    if (parsed === undefined) throw new Error(`unreadable printed value ${JSON.stringify(field.value)}`);
    return { ok: true, value: parsed, source: field.source, example: false };
  }
  const lookup = register.lookup(field.input);
  if (!lookup.found) return { ok: false, inputId: field.input, message: register.describeMissing(field.input) };
  const parsed = parse(lookup.value);
  if (parsed === undefined) {
    return { ok: false, inputId: field.input, message: `Eingabe ${field.input} ist nicht lesbar (Wert: ${JSON.stringify(lookup.value)})` };
  }
  return { ok: true, value: parsed, inputId: field.input, example: lookup.example };
}

export function parseDecimalValue(raw: unknown): ExactValue | undefined {
  if (typeof raw !== "number" && typeof raw !== "string") return undefined;
  try {
    const value = parseAmount(raw);
    return value.isFinite() ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parsePositiveDecimalValue(raw: unknown): ExactValue | undefined {
  const value = parseDecimalValue(raw);
  return value !== undefined && value.greaterThan(0) ? value : undefined;
}

export function parsePositiveIntegerValue(raw: unknown): number | undefined {
  const value = parseDecimalValue(raw);
  return value !== undefined && value.isInteger() && value.greaterThan(0) ? value.toNumber() : undefined;
}

/**
 * A share: "0.5", 0.5, "50 %", "50" → 0.5. A value with "%" or a value above 1 is read as percent;
 * a value from 0 to 1 as a fraction.
 */
export function parseShareValue(raw: unknown): ExactValue | undefined {
  if (typeof raw === "string" && raw.trim().endsWith("%")) {
    const percent = parseDecimalValue(raw.trim().slice(0, -1).trim());
    return percent !== undefined && percent.greaterThanOrEqualTo(0) ? percent.dividedBy(100) : undefined;
  }
  const value = parseDecimalValue(raw);
  if (value === undefined || value.lessThan(0)) return undefined;
  return value.greaterThan(1) ? value.dividedBy(100) : value;
}

const GERMAN_UNITS: [RegExp, keyof Period][] = [
  [/^(\d+)\s*(jahre?n?|years?|y)$/i, "years"],
  [/^(\d+)\s*(monate?n?|months?|m)$/i, "months"],
  [/^(\d+)\s*(wochen?|weeks?|w)$/i, "weeks"],
  [/^(\d+)\s*(tage?n?|days?|d)$/i, "days"],
];

/** A period: { years: 5 }, "P5Y", "3 Monate", or a whole number in the given unit. */
export function parsePeriodValue(raw: unknown, integerUnit: "months" | "years"): Period | undefined {
  if (typeof raw === "number") return Number.isInteger(raw) && raw > 0 ? { [integerUnit]: raw } : undefined;
  if (typeof raw === "string") {
    const text = raw.trim();
    if (/^\d+$/.test(text)) return parsePeriodValue(Number(text), integerUnit);
    const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i.exec(text);
    if (iso && text.length > 1) {
      const [, years, months, weeks, days] = iso;
      const period: Period = {};
      if (years) period.years = Number(years);
      if (months) period.months = Number(months);
      if (weeks) period.weeks = Number(weeks);
      if (days) period.days = Number(days);
      return periodSchema.safeParse(period).success ? period : undefined;
    }
    for (const [pattern, unit] of GERMAN_UNITS) {
      const match = pattern.exec(text);
      if (match && Number(match[1]) > 0) return { [unit]: Number(match[1]) };
    }
    return undefined;
  }
  const parsed = periodSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export { describePeriod as describePeriodGerman } from "../calendar/periodSchema.ts";

/** Whether an item with optional validFrom/validTo applies on the date (ISO texts compare as dates). */
export function isValidOn(item: { validFrom?: string; validTo?: string }, asOf: string): boolean {
  if (!isValidDateText(asOf)) throw new RangeError(`not a date: ${asOf}`);
  return (item.validFrom === undefined || item.validFrom <= asOf) && (item.validTo === undefined || asOf <= item.validTo);
}

export const ONE: ExactValue = new Exact(1);
