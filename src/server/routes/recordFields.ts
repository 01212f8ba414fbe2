/**
 * Field schemas the record routers share: ids that name another record, optional fields that PATCH can clear
 * with `null`, free text, and the check that an end date does not lie before its start.
 */
import { z } from "zod";

/** The id of another record (a case, a Hilfeplan, a staff member …). */
export const referenceField = (label: string) => z.string().min(1).max(200).describe(`ID: ${label}`);

/** Free text of at most `max` characters. */
export const textField = (max = 2_000) => z.string().min(1).max(max);

/** An optional field; `null` in a PATCH removes the stored value. */
export const optionalField = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** Adds an issue on `endField` when the record's end lies before its start (both ISO dates, either may be absent). */
export function checkDateOrder(record: Record<string, unknown>, context: z.RefinementCtx, startField: string, endField: string, message: (start: string, end: string) => string): void {
  const start = record[startField];
  const end = record[endField];
  if (typeof start === "string" && typeof end === "string" && end < start) context.addIssue({ code: "custom", path: [endField], message: message(start, end) });
}

/**
 * A JSON object checked against `schema` on input and stored as given (no defaults filled in), so that the
 * response schema stays loose: rows written before a field was added are still served. Every problem keeps
 * its nested path; each unknown key is reported on its own ("details.residence.street").
 */
export const objectCheckedBy = (schema: z.ZodType) =>
  z.record(z.string(), z.unknown()).superRefine((value, context) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) context.addIssue({ code: "custom", path: [...issue.path, key], message: `Unbekanntes Feld „${key}“` });
      else context.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });
