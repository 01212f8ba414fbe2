/**
 * Reads typed values from the input register (M17) or from a printed value: text lists (exclusion lists,
 * narrowed target groups, mandatory group offers), positive integers (places), times of day (opening hours).
 * A missing or malformed input is reported with the register's German message naming the input and clause.
 */
import { isInputReference, type InputReference } from "../agreement/sourceSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";

export type ReadResult<T> = { found: true; value: T; example: boolean; inputId?: string } | { found: false; inputId: string; message: string };

function missing<T>(register: InputRegister, id: string): ReadResult<T> {
  return { found: false, inputId: id, message: register.describeMissing(id) };
}

function malformed<T>(id: string, expected: string): ReadResult<T> {
  return { found: false, inputId: id, message: `Eingabe ${id} hat keinen gültigen Wert (erwartet: ${expected})` };
}

function normalizeTextList(value: unknown): string[] | undefined {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.map((item) => item.trim()).filter((item) => item.length > 0);
  if (typeof value === "string") return value.split(/[;,\n]/).map((item) => item.trim()).filter((item) => item.length > 0);
  return undefined;
}

export function readTextList(register: InputRegister, reference: InputReference): ReadResult<string[]> {
  const lookup = register.lookup(reference.input);
  if (!lookup.found) return missing(register, reference.input);
  const list = normalizeTextList(lookup.value);
  if (list === undefined) return malformed(reference.input, "Textliste");
  return { found: true, value: list, example: lookup.example, inputId: reference.input };
}

export function readTextListOrLiteral(register: InputRegister, values: string[] | InputReference): ReadResult<string[]> {
  return isInputReference(values) ? readTextList(register, values) : { found: true, value: values, example: false };
}

export function readPositiveInteger(register: InputRegister, value: { value: number } | InputReference): ReadResult<number> {
  if (!isInputReference(value)) return { found: true, value: value.value, example: false };
  const lookup = register.lookup(value.input);
  if (!lookup.found) return missing(register, value.input);
  const number = typeof lookup.value === "number" ? lookup.value : typeof lookup.value === "string" && /^\d+$/.test(lookup.value.trim()) ? Number(lookup.value) : NaN;
  if (!Number.isInteger(number) || number <= 0) return malformed(value.input, "positive ganze Zahl");
  return { found: true, value: number, example: lookup.example, inputId: value.input };
}

const TIME_OF_DAY = /^([01]\d|2[0-4]):[0-5]\d$/;

/** A time of day "HH:MM" (also "H:MM"), as printed or as an input. */
export function readTimeOfDay(register: InputRegister, value: { value: string } | InputReference): ReadResult<string> {
  if (!isInputReference(value)) return { found: true, value: value.value, example: false };
  const lookup = register.lookup(value.input);
  if (!lookup.found) return missing(register, value.input);
  const text = typeof lookup.value === "string" ? lookup.value.trim().padStart(5, "0") : "";
  if (!TIME_OF_DAY.test(text)) return malformed(value.input, "Uhrzeit HH:MM");
  return { found: true, value: text, example: lookup.example, inputId: value.input };
}

/** Case-insensitive comparison of codes and names, ignoring surrounding and repeated spaces. */
export function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLocaleLowerCase("de-DE");
}

export function includesName(list: readonly string[], name: string): boolean {
  const wanted = normalizeName(name);
  return list.some((item) => normalizeName(item) === wanted);
}
