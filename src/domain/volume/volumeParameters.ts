/**
 * Agreement parameters of the "volume" section (agreements/<folder>/volume.yaml): mechanism M11, the monthly
 * average of weekly hours with a band and exceptions, and the plausibility corridors of need groups.
 *
 * (a) weeklyBand — A3 § 4 (rules A3-R14 … A3-R18): „wenigstens 5 Stunden und höchstens 15 Stunden wöchentlich“,
 *     averaged over a calendar month; exceptions for the minimum only (first months, acute crisis with weekly
 *     contact); information to the payer after a long crisis or too many shortfall months per calendar year.
 * (b) needGroupCorridors — A2 § 6.4/6.5 (rules A2-R03, A2-R04, A2-R06): five need groups with mean and corridor
 *     of weekly direct-contact hours; a plausibility WARN only, never a billing effect.
 *
 * Every value carries its literal source; an open value is an input reference (M17). How the values are
 * read is fixed by product decisions D07, D08, D09, D11–D14 and D31 (see the engine modules of this folder).
 */
import { z } from "zod";
import { TIME_KINDS } from "../case/caseFileSchema.ts";
import { decimalTextSchema, inputReferenceSchema, ruleIdSchema, sourcedOrInput, sourcedValue, sourceSchema } from "../agreement/sourceSchema.ts";


/** Which recorded service entries count towards the hours (A3 § 4 participation/support; A2 § 6.5 direct contact). */
export const countedTimeSchema = z
  .object({
    ruleId: ruleIdSchema,
    timeKinds: z.array(z.enum(TIME_KINDS)).min(1).describe("gezählte Zeitarten (direct / indirect / other)"),
    modes: z.array(z.enum(["inPerson", "remote"])).min(1).describe("gezählte Kontaktformen; remote = Telefon, Video, Mail, Messenger"),
    categories: z.array(z.string().min(1)).optional().describe("falls gesetzt: nur diese Leistungsarten zählen"),
    personPresentOnly: z.boolean().default(true).describe("Leistungen ohne die Person (withoutPersonPresent) zählen nicht"),
    source: sourceSchema,
  })
  .strict();
export type CountedTime = z.infer<typeof countedTimeSchema>;

export const introductionRequirementSchema = z
  .object({
    kind: z.enum(["justification", "prognosis"]).describe("Begründung (Heranführung) bzw. Prognose (künftige Mindestinanspruchnahme)"),
    source: sourceSchema,
  })
  .strict();

export const weeklyBandSchema = z
  .object({
    ruleId: ruleIdSchema,
    minimumWeeklyHours: sourcedOrInput(decimalTextSchema),
    maximumWeeklyHours: sourcedOrInput(decimalTextSchema),
    averagingPeriod: sourcedValue(z.literal("calendarMonth")),
    countedTime: countedTimeSchema,
    overMaximum: z
      .object({
        ruleId: ruleIdSchema,
        severity: z.literal("warn"),
        exceptions: z.literal("none").describe("Ausnahmen gelten nur für die Mindestinanspruchnahme"),
        source: sourceSchema,
      })
      .strict(),
    introductionWindow: z
      .object({
        ruleId: ruleIdSchema,
        months: sourcedValue(z.number().int().positive()),
        requires: z.array(introductionRequirementSchema).default([]),
      })
      .strict()
      .optional(),
    crisisException: z
      .object({
        ruleId: ruleIdSchema,
        contactsPerWeek: sourcedValue(z.number().int().positive()),
      })
      .strict()
      .optional(),
    shortfallNotification: z
      .object({
        ruleId: ruleIdSchema,
        moreThanMonthsPerCalendarYear: sourcedValue(z.number().int().nonnegative()),
        addressee: sourcedValue(z.enum(["payer"])),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((band, context) => {
    const minimum = "value" in band.minimumWeeklyHours ? Number(band.minimumWeeklyHours.value) : undefined;
    const maximum = "value" in band.maximumWeeklyHours ? Number(band.maximumWeeklyHours.value) : undefined;
    if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
      context.addIssue({ code: "custom", path: ["maximumWeeklyHours"], message: `Höchstwert ${maximum} liegt unter dem Mindestwert ${minimum}` });
    }
  });
export type WeeklyBand = z.infer<typeof weeklyBandSchema>;

export const needGroupCorridorSchema = z
  .object({
    group: z.number().int().positive(),
    meanWeeklyHours: decimalTextSchema,
    fromWeeklyHours: decimalTextSchema,
    toWeeklyHours: decimalTextSchema,
    source: sourceSchema,
  })
  .strict()
  .superRefine((corridor, context) => {
    const from = Number(corridor.fromWeeklyHours);
    const mean = Number(corridor.meanWeeklyHours);
    const to = Number(corridor.toWeeklyHours);
    if (!(from <= mean && mean <= to)) context.addIssue({ code: "custom", path: ["meanWeeklyHours"], message: `Mittelwert ${mean} liegt nicht im Korridor ${from}–${to}` });
  });
export type NeedGroupCorridor = z.infer<typeof needGroupCorridorSchema>;

export const needGroupCorridorsSchema = z
  .object({
    ruleId: ruleIdSchema,
    assignment: sourcedValue(z.literal("gesamtplan")).describe("die HBG wird zugeordnet, nie aus Stunden abgeleitet (D08)"),
    assignedNeedGroup: inputReferenceSchema.describe("Eingabe „HBG je Person und Zeitraum“ (Falldatei case.needGroups)"),
    unit: sourcedValue(z.literal("hoursPerWeek")),
    groups: z.array(needGroupCorridorSchema).min(1),
    countedTime: countedTimeSchema,
    plausibility: z.object({ ruleId: ruleIdSchema, severity: z.literal("warn"), source: sourceSchema }).strict(),
    monitoringWindow: z
      .union([inputReferenceSchema, sourcedValue(z.enum(["quarter", "month"]))])
      .optional()
      .describe("Beobachtungszeitraum; ohne Wert gilt die Produktentscheidung D09"),
  })
  .strict()
  .superRefine((corridors, context) => {
    const seen = new Set<number>();
    corridors.groups.forEach((corridor, index) => {
      if (seen.has(corridor.group)) context.addIssue({ code: "custom", path: ["groups", index, "group"], message: `HBG ${corridor.group} doppelt` });
      seen.add(corridor.group);
    });
  });
export type NeedGroupCorridors = z.infer<typeof needGroupCorridorsSchema>;

export const volumeParametersSchema = z
  .object({
    weeklyBand: weeklyBandSchema.optional(),
    needGroupCorridors: needGroupCorridorsSchema.optional(),
  })
  .strict();
export type VolumeParameters = z.infer<typeof volumeParametersSchema>;
