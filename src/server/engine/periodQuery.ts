/**
 * The billing period of an engine request: `month=JJJJ-MM`, or `from` and `to` (inclusive). Validated by zod
 * with German messages naming the query field, and resolved to the first and last day.
 */
import { z } from "zod";
import { formatIsoDate, parseMonth } from "../../domain/calendar/calendarDate.ts";
import { isoDateField, monthField } from "../fieldSchemas.ts";

export const periodQuerySchema = z
  .object({
    month: monthField.optional().describe("Abrechnungsmonat JJJJ-MM"),
    from: isoDateField.optional().describe("Beginn des Zeitraums (statt month)"),
    to: isoDateField.optional().describe("Ende des Zeitraums (statt month)"),
  })
  .strict()
  .superRefine((query, refinement) => {
    if (query.month !== undefined) {
      if (query.from !== undefined || query.to !== undefined)
        refinement.addIssue({ code: "custom", path: ["month"], message: "entweder „month“ oder „from“ und „to“ angeben, nicht beides" });
      return;
    }
    if (query.from === undefined) refinement.addIssue({ code: "custom", path: ["from"], message: "Zeitraum fehlt: „month“ (JJJJ-MM) oder „from“ und „to“ (JJJJ-MM-TT) angeben" });
    if (query.to === undefined) refinement.addIssue({ code: "custom", path: ["to"], message: "Zeitraum fehlt: „month“ (JJJJ-MM) oder „from“ und „to“ (JJJJ-MM-TT) angeben" });
    if (query.from !== undefined && query.to !== undefined && query.to < query.from)
      refinement.addIssue({ code: "custom", path: ["to"], message: `Ende ${query.to} liegt vor dem Beginn ${query.from}` });
  });

export type PeriodQuery = z.infer<typeof periodQuerySchema>;

export interface Period {
  from: string;
  to: string;
}

/** The first and last day of a month "2026-03". */
export function resolveMonthPeriod(month: string): Period {
  const { first, last } = parseMonth(month);
  return { from: formatIsoDate(first), to: formatIsoDate(last) };
}

/** The period a validated query names. */
export function resolvePeriodQuery(query: PeriodQuery): Period {
  if (query.month !== undefined) return resolveMonthPeriod(query.month);
  return { from: query.from!, to: query.to! };
}
