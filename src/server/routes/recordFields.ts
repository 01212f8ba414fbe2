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
