/**
 * A period of §§ 187 ff. BGB in agreement data: days, weeks, months and/or years (at least one positive),
 * and its German wording ("6 Wochen", "1 Monat und 1 Tag").
 */
import { z } from "zod";

export const periodSchema = z
  .object({
    days: z.number().int().nonnegative().optional(),
    weeks: z.number().int().nonnegative().optional(),
    months: z.number().int().nonnegative().optional(),
    years: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((period) => (period.days ?? 0) + (period.weeks ?? 0) + (period.months ?? 0) + (period.years ?? 0) > 0, {
    message: "Frist braucht mindestens eine Angabe in Tagen, Wochen, Monaten oder Jahren",
  })
  .describe("Frist nach §§ 187 ff. BGB");
export type Period = z.infer<typeof periodSchema>;

/** German text of a period: { weeks: 6 } → "6 Wochen"; { months: 1, days: 1 } → "1 Monat und 1 Tag". */
export function describePeriod(period: Period): string {
  const parts: string[] = [];
  if (period.years) parts.push(`${period.years} ${period.years === 1 ? "Jahr" : "Jahre"}`);
  if (period.months) parts.push(`${period.months} ${period.months === 1 ? "Monat" : "Monate"}`);
  if (period.weeks) parts.push(`${period.weeks} ${period.weeks === 1 ? "Woche" : "Wochen"}`);
  if (period.days) parts.push(`${period.days} ${period.days === 1 ? "Tag" : "Tage"}`);
  return parts.join(" und ");
}
