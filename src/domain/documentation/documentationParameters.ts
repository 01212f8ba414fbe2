/**
 * M14 Service documentation schema: the "documentation" section of an agreement
 * (agreements/<folder>/documentation.yaml). Each block parameterises one entry check written once in
 * checkServiceEntry.ts; every block names its rule id, clause and a short literal quote.
 *   dayWindow              A2-R10 06:00–22:00 „in der Regel“ → WARN
 *   shifts                 A4 § 3.1 / § 3.6 Tagdienst 6–22, Nachtwache 22–6 (classification only)
 *   remoteDelivery         A1-R10 remote needs a reason (WARN) vs A2-R06 remote counts as direct (X-R03)
 *   qualifiedAssistance    A1-R09 qualified assistance only by skilled staff (§ 3.1.2 list) → BLOCK; the
 *                          list is the staffing section's qualificationCatalogue (X-R02: one list per agreement)
 *   simpleAssistanceQualification  A1-R09 simple assistance: level from the Gesamtplan (case input) → WARN
 *   individualOnlyCategories       A3-R11 counselling and accompaniment as individual entries → WARN
 *   assistanceType         A1-R08 type recorded and approved in the Gesamtplan → WARN
 *   excludedCategories     A1-R12 guardianship tasks, A2-R08 other payers' services, A4-R31 → BLOCK
 *   consentWithoutPerson   A1-R12 entries „für“ the person need consent → WARN
 *   groupEntries           A2-R07 consent or a listed mandatory group offer (P-A2-07) → WARN
 *   onCall                 A2-R11 Rufbereitschaft only with an on-call agreement (P-A2-09) → BLOCK
 *   openingHours           A3-R19 premises Mon–Fri from P-A3-11 to P-A3-12 → WARN
 *   timeLimitedCategories  A3-R13 internship accompaniment up to 3 months after its start → BLOCK
 *   attribution            A0-R09 SGB IX / SGB VIII per entry (D23), missing → HOLD
 *   requiredFields         A0-R12, A2-R10, A3-R10 fields a continuous log must record → WARN
 */
import { z } from "zod";
import { inputReferenceSchema, sourcedOrInput } from "../agreement/sourceSchema.ts";
import { ruleReferenceFields } from "../admission/admissionParameters.ts";

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "Uhrzeit als HH:MM");
const entrySeveritySchema = z.enum(["block", "hold", "warn"]);
const termsSchema = z.array(z.string().min(1)).min(1).describe("Begriffe; eine Leistungsart passt, wenn sie einen davon enthält (ohne Groß-/Kleinschreibung)");

export const dayWindowSchema = z
  .object({ ...ruleReferenceFields, from: timeOfDaySchema, to: timeOfDaySchema, onOutside: entrySeveritySchema.default("warn") })
  .strict()
  .refine((window) => window.from < window.to, { message: "„from“ muss vor „to“ liegen", path: ["to"] });

export const shiftSchema = z
  .object({ ...ruleReferenceFields, name: z.string().min(1), from: timeOfDaySchema, to: timeOfDaySchema.describe("darf vor „from“ liegen (über Mitternacht)") })
  .strict();

export const remoteDeliverySchema = z
  .object({ ...ruleReferenceFields, rule: z.enum(["reasonRequired", "countsAsDirect"]), onMissingReason: entrySeveritySchema.default("warn") })
  .strict();

/**
 * Qualified assistance only by skilled staff. Who is skilled comes from the agreement's one qualification
 * catalogue (staffing.qualificationCatalogue, classifyQualification; X-R02), never from a second list here.
 */
export const qualifiedAssistanceSchema = z.object({ ...ruleReferenceFields, onUnskilled: entrySeveritySchema.default("block") }).strict();

export const REQUIRED_QUALIFICATION_LEVELS = ["skilled", "other"] as const;

/**
 * Simple assistance: the qualification level per person (Fachkraft / sonstige Assistenzkraft) is decided in
 * the Gesamtplan (A1-R09 § 3.1.2). Read from the case file's caseInputs[caseInput] ("skilled" | "other");
 * not recorded → no check.
 */
export const simpleAssistanceQualificationSchema = z
  .object({
    ...ruleReferenceFields,
    caseInput: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    onMismatch: entrySeveritySchema.default("warn"),
  })
  .strict();

/** Categories delivered as individual entries only (A3-R11 „Grundsätzlich … als Einzelleistung“): a group entry → WARN. */
export const individualOnlyCategorySchema = z.object({ ...ruleReferenceFields, terms: termsSchema, onGroup: entrySeveritySchema.default("warn") }).strict();

export const assistanceTypeSchema = z
  .object({
    ...ruleReferenceFields,
    /** Direct entries must record einfache / qualifizierte Assistenz. */
    required: z.boolean().default(true),
    /** The type must be approved in the Gesamtplan (case.approvedAssistanceTypes). */
    mustBeApproved: z.boolean().default(true),
    onMissing: entrySeveritySchema.default("warn"),
    onNotApproved: entrySeveritySchema.default("warn"),
  })
  .strict();

export const excludedCategorySchema = z.object({ ...ruleReferenceFields, terms: termsSchema, onMatch: entrySeveritySchema.default("block") }).strict();

export const consentWithoutPersonSchema = z.object({ ...ruleReferenceFields, onMissing: entrySeveritySchema.default("warn") }).strict();

export const groupEntriesSchema = z
  .object({ ...ruleReferenceFields, mandatoryOffers: inputReferenceSchema.optional(), onMissing: entrySeveritySchema.default("warn") })
  .strict();

export const onCallSchema = z
  .object({ ...ruleReferenceFields, terms: termsSchema, agreement: inputReferenceSchema, onMissing: entrySeveritySchema.default("block") })
  .strict();

export const openingHoursSchema = z
  .object({
    ...ruleReferenceFields,
    opensAt: sourcedOrInput(timeOfDaySchema),
    closesAt: sourcedOrInput(timeOfDaySchema),
    /** ISO weekdays on which the premises are open (1 = Monday). */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1),
    /** entry.place values that mean the provider's own premises. */
    places: z.array(z.string().min(1)).min(1),
    onOutside: entrySeveritySchema.default("warn"),
  })
  .strict();

export const timeLimitedCategorySchema = z
  .object({
    ...ruleReferenceFields,
    terms: termsSchema,
    /** case-file event kind that starts the window, e.g. „internshipStart“. */
    anchorEvent: z.string().min(1),
    /** Window that begins with the anchor day (§ 187 Abs. 2, § 188 Abs. 2 BGB). */
    duration: z.object({ months: z.number().int().positive().optional(), weeks: z.number().int().positive().optional(), days: z.number().int().positive().optional() }).strict(),
    onOutside: entrySeveritySchema.default("block"),
  })
  .strict();

export const attributionSchema = z
  .object({
    ...ruleReferenceFields,
    allowed: z.array(z.string().min(1)).min(1),
    /** Attributions billed under this agreement; the others are documented only. */
    billable: z.array(z.string().min(1)).min(1),
    onMissing: entrySeveritySchema.default("hold"),
  })
  .strict();

export const ENTRY_FIELDS = ["staffId", "category", "place", "assistanceType", "goalId"] as const;

export const requiredFieldsSchema = z
  .object({
    ...ruleReferenceFields,
    fields: z.array(z.enum(ENTRY_FIELDS)).min(1),
    /** inPerson: remote entries need not record these fields (e.g. the place). */
    appliesTo: z.enum(["all", "inPerson", "direct"]).default("all"),
    onMissing: entrySeveritySchema.default("warn"),
  })
  .strict();

export const documentationParametersSchema = z
  .object({
    dayWindow: dayWindowSchema.optional(),
    shifts: z.array(shiftSchema).default([]),
    remoteDelivery: remoteDeliverySchema.optional(),
    qualifiedAssistance: qualifiedAssistanceSchema.optional(),
    simpleAssistanceQualification: simpleAssistanceQualificationSchema.optional(),
    individualOnlyCategories: z.array(individualOnlyCategorySchema).default([]),
    assistanceType: assistanceTypeSchema.optional(),
    excludedCategories: z.array(excludedCategorySchema).default([]),
    consentWithoutPerson: consentWithoutPersonSchema.optional(),
    groupEntries: groupEntriesSchema.optional(),
    onCall: onCallSchema.optional(),
    openingHours: openingHoursSchema.optional(),
    timeLimitedCategories: z.array(timeLimitedCategorySchema).default([]),
    attribution: attributionSchema.optional(),
    requiredFields: z.array(requiredFieldsSchema).default([]),
  })
  .strict()
  .superRefine((parameters, context) => {
    const attribution = parameters.attribution;
    if (attribution) {
      attribution.billable.forEach((value, index) => {
        if (!attribution.allowed.includes(value)) context.addIssue({ code: "custom", path: ["attribution", "billable", index], message: `„${value}“ ist keine erlaubte Zuordnung` });
      });
    }
    parameters.timeLimitedCategories.forEach((category, index) => {
      const { months, weeks, days } = category.duration;
      if (months === undefined && weeks === undefined && days === undefined) context.addIssue({ code: "custom", path: ["timeLimitedCategories", index, "duration"], message: "Dauer fehlt (months, weeks oder days)" });
    });
  });
export type DocumentationParameters = z.infer<typeof documentationParametersSchema>;
export type DayWindow = z.infer<typeof dayWindowSchema>;
export type Shift = z.infer<typeof shiftSchema>;
export type RemoteDelivery = z.infer<typeof remoteDeliverySchema>;
export type QualifiedAssistance = z.infer<typeof qualifiedAssistanceSchema>;
export type SimpleAssistanceQualification = z.infer<typeof simpleAssistanceQualificationSchema>;
export type IndividualOnlyCategory = z.infer<typeof individualOnlyCategorySchema>;
export type AssistanceTypeRule = z.infer<typeof assistanceTypeSchema>;
export type ExcludedCategory = z.infer<typeof excludedCategorySchema>;
export type ConsentWithoutPerson = z.infer<typeof consentWithoutPersonSchema>;
export type GroupEntries = z.infer<typeof groupEntriesSchema>;
export type OnCall = z.infer<typeof onCallSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type TimeLimitedCategory = z.infer<typeof timeLimitedCategorySchema>;
export type Attribution = z.infer<typeof attributionSchema>;
export type RequiredFields = z.infer<typeof requiredFieldsSchema>;
