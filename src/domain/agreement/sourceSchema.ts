/**
 * Building blocks for agreement data: every value carries its source (file, clause, short German quote) and,
 * where it can change, its validity period (OpenFisca-style dated parameters with references). An open value
 * is a reference to an input of the agreement's input register (M17), never a guess.
 */
import { z } from "zod";
import { isValidDateText } from "../calendar/calendarDate.ts";

export const isoDateSchema = z
  .string()
  .refine(isValidDateText, { message: "kein gültiges Datum (erwartet JJJJ-MM-TT)" })
  .describe("Kalenderdatum JJJJ-MM-TT");

export const decimalTextSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^-?\d+(\.\d+)?$/.test(value), { message: "keine Dezimalzahl (erwartet z. B. 1446.38)" })
  .describe("exakte Dezimalzahl, Punkt als Trennzeichen");

/** A rule id of the rule catalogue: agreement code, "-R", number, e.g. "A1-R15", "X-R01", or "BY-R05" for a new one. */
export const ruleIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*-R\d+[a-z]?$/, "Regel-ID wie „A1-R15“ (Kürzel der Vereinbarung, „-R“, Nummer)");

export const sourceSchema = z
  .object({
    file: z.string().min(1).describe("Dateiname des Vertragstexts in shared/seeds"),
    clause: z.string().min(1).describe("Ziffer/Paragraf des Dokuments, z. B. „§ 5.2“"),
    quote: z.string().min(1).describe("kurzes wörtliches Zitat"),
  })
  .strict()
  .describe("Fundstelle");
export type Source = z.infer<typeof sourceSchema>;

/** A reference to an open input of the agreement (rules.md section 3), e.g. { input: "P-A0-05" }. */
export const inputReferenceSchema = z.object({ input: z.string().min(1) }).strict().describe("Verweis auf eine offene Eingabe");
export type InputReference = z.infer<typeof inputReferenceSchema>;

/** A value printed in the agreement, with its source. */
export function sourcedValue<T extends z.ZodType>(valueSchema: T) {
  return z.object({ value: valueSchema, source: sourceSchema }).strict();
}

/** Either a printed value with its source, or a reference to an input. */
export function sourcedOrInput<T extends z.ZodType>(valueSchema: T) {
  return z.union([sourcedValue(valueSchema), inputReferenceSchema]);
}

export function isInputReference(value: unknown): value is InputReference {
  return typeof value === "object" && value !== null && "input" in value;
}
