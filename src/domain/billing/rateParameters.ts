/**
 * M02 Rate schedule over date periods: rates are stored exactly as printed (components and total), with their
 * source and validity period. A rate set whose components do not add up to its printed total is refused (E10);
 * periods of one rate must not overlap. Open amounts are input references (M17).
 */
import { z } from "zod";
import { parseAmount, sumExact } from "../money/amount.ts";
import { decimalTextSchema, inputReferenceSchema, isoDateSchema, sourceSchema } from "../agreement/sourceSchema.ts";

/** "agreedUnit": the unit is itself an input of the agreement (A2 § 9: Tag, Monat oder Stunde). */
export const RATE_UNITS = ["hour", "serviceDay", "absenceDay", "occupancyDay", "month", "lumpSum", "agreedUnit"] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export const rateComponentSchema = z.object({ name: z.string().min(1), amount: decimalTextSchema }).strict();

export const ratePeriodSchema = z
  .object({
    validFrom: isoDateSchema,
    validTo: isoDateSchema.optional(),
    source: sourceSchema,
    /** A single printed amount, or an input reference for a blank ("xx €"). */
    amount: z.union([decimalTextSchema, inputReferenceSchema]).optional(),
    /** Printed components; `total` is the printed sum and is checked against them. */
    components: z.array(rateComponentSchema).min(1).optional(),
    total: decimalTextSchema.optional(),
  })
  .strict()
  .superRefine((period, context) => {
    if (period.validTo !== undefined && period.validTo < period.validFrom) {
      context.addIssue({ code: "custom", path: ["validTo"], message: `Gültig bis ${period.validTo} liegt vor gültig ab ${period.validFrom}` });
    }
    const hasAmount = period.amount !== undefined;
    const hasComponents = period.components !== undefined;
    if (hasAmount === hasComponents) {
      context.addIssue({ code: "custom", path: ["amount"], message: "genau eines von „amount“ oder „components“ mit „total“ angeben" });
    }
    if (hasComponents) {
      if (period.total === undefined) {
        context.addIssue({ code: "custom", path: ["total"], message: "gedrucktes Gesamtentgelt („total“) fehlt" });
      } else {
        const sum = sumExact(period.components!.map((component) => parseAmount(component.amount)));
        if (!sum.equals(parseAmount(period.total))) {
          context.addIssue({
            code: "custom",
            path: ["total"],
            message: `Summe der Bestandteile ${sum.toFixed(2)} ≠ gedrucktes Gesamtentgelt ${period.total} (rules.md E10: Satz wird nicht aktiviert)`,
          });
        }
      }
    }
  });
export type RatePeriod = z.infer<typeof ratePeriodSchema>;

export const rateSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "Satz-ID in camelCase, z. B. „dailyRate“"),
    label: z.string().min(1),
    ruleId: z.string().min(1),
    unit: z.enum(RATE_UNITS),
    /** Optional key such as a need group or a qualification ("skilled"/"nonSkilled"). */
    key: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    periods: z.array(ratePeriodSchema).min(1),
  })
  .strict()
  .superRefine((rate, context) => {
    const sorted = rate.periods.map((period, index) => ({ period, index })).sort((a, b) => (a.period.validFrom < b.period.validFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!.period;
      const current = sorted[i]!;
      if (previous.validTo === undefined || previous.validTo >= current.period.validFrom) {
        context.addIssue({
          code: "custom",
          path: ["periods", current.index, "validFrom"],
          message: `Zeitraum ab ${current.period.validFrom} überschneidet sich mit dem Zeitraum ab ${previous.validFrom}${previous.validTo ? ` bis ${previous.validTo}` : " (unbefristet)"}`,
        });
      }
    }
  });
export type Rate = z.infer<typeof rateSchema>;

export const ratesSectionSchema = z.array(rateSchema).superRefine((rates, context) => {
  const seen = new Set<string>();
  rates.forEach((rate, index) => {
    if (seen.has(rate.id)) context.addIssue({ code: "custom", path: [index, "id"], message: `Satz-ID ${rate.id} doppelt` });
    seen.add(rate.id);
  });
});
