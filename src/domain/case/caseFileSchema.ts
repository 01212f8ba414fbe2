/**
 * The case file: one client's case under one agreement, with everything the engine needs for a period
 * (service entries, absences, cost coverages, plans, crises, events). Used by the CLI and, later, the store.
 * A case names its concrete agreement by id, or a template id plus the inputs it fills (tests, what-if).
 */
import { z } from "zod";
import { LAENDER } from "../calendar/publicHolidays.ts";
import { isoDateSchema } from "../agreement/sourceSchema.ts";
import { inputValueSchema } from "../agreement/inputRegister.ts";
import { validatePolicySettings } from "../policy/decisions.ts";

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "Uhrzeit als HH:MM");

export const agreementChoiceSchema = z.union([
  z.string().min(1).describe("ID einer konkreten Vereinbarung"),
  z
    .object({
      template: z.string().min(1),
      inputs: z.record(z.string(), z.union([inputValueSchema, z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
    })
    .strict()
    .describe("Vorlage plus gefüllte Eingaben (Tests, Was-wäre-wenn)"),
]);

/** Hours as a decimal text with at most 4 decimals ("3.50"): exact in milli-minutes. */
export const hoursTextSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^\d+(\.\d{1,4})?$/.test(value), { message: "Stunden als Dezimalzahl mit höchstens 4 Nachkommastellen, z. B. 3.50" });

export const TIME_KINDS = ["direct", "indirect", "other"] as const;

export const serviceEntrySchema = z
  .object({
    id: z.string().optional(),
    date: isoDateSchema,
    start: timeOfDaySchema.optional(),
    end: timeOfDaySchema.optional(),
    minutes: z.number().int().nonnegative().optional(),
    hours: hoursTextSchema.optional(),
    timeKind: z.enum(TIME_KINDS).default("direct"),
    assistanceType: z.enum(["simple", "qualified"]).optional().describe("einfache / qualifizierte Assistenz (§ 78 Abs. 2 Nr. 1 / 2 SGB IX)"),
    mode: z.enum(["inPerson", "remote"]).default("inPerson"),
    remoteChannel: z.enum(["phone", "video", "mail", "messenger"]).optional(),
    remoteReason: z.string().optional(),
    setting: z.enum(["individual", "group"]).default("individual"),
    groupSize: z.number().int().positive().optional(),
    consent: z.boolean().optional().describe("Zustimmung der Person (Leistung „für“ die Person, Gruppenangebot)"),
    withoutPersonPresent: z.boolean().default(false),
    staffId: z.string().optional(),
    attribution: z.enum(["SGB IX", "SGB VIII"]).optional().describe("Zuordnung zum Leistungsträger (A0-R09, D23)"),
    category: z.string().optional().describe("Leistungsart, z. B. „Kontaktsicherung“, „Vermögenssorge“"),
    place: z.string().optional(),
    goalId: z.string().optional(),
  })
  .strict()
  .superRefine((entry, context) => {
    const ways = [entry.minutes !== undefined, entry.hours !== undefined, entry.start !== undefined || entry.end !== undefined].filter(Boolean).length;
    if (ways !== 1) context.addIssue({ code: "custom", path: ["minutes"], message: "Dauer genau einmal angeben: „minutes“, „hours“ oder „start“ und „end“" });
    if ((entry.start === undefined) !== (entry.end === undefined)) context.addIssue({ code: "custom", path: ["end"], message: "„start“ und „end“ nur gemeinsam" });
    if (entry.start !== undefined && entry.end !== undefined && entry.end <= entry.start)
      context.addIssue({ code: "custom", path: ["end"], message: `Ende ${entry.end} liegt nicht nach Beginn ${entry.start}` });
  });
export type ServiceEntry = z.infer<typeof serviceEntrySchema>;

export const ABSENCE_REASONS = ["holiday", "illness", "hospital", "kur", "other"] as const;

export const absenceSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    reason: z.enum(ABSENCE_REASONS),
    note: z.string().optional(),
  })
  .strict()
  .refine((absence) => absence.to >= absence.from, { path: ["to"], message: "Ende der Abwesenheit liegt vor ihrem Beginn" });
export type Absence = z.infer<typeof absenceSchema>;

export const costCoverageSchema = z
  .object({
    id: z.string().min(1),
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    fileReference: z.string().optional().describe("Aktenzeichen des Trägers"),
    decidedOn: isoDateSchema.optional(),
    components: z.array(z.string()).optional().describe("gedeckte Bestandteile; fehlt die Liste, sind alle gedeckt"),
    approvedVolume: z
      .object({ hours: hoursTextSchema, per: z.enum(["month", "week", "quarter", "year", "total"]) })
      .strict()
      .optional(),
    kind: z.enum(["costCoverageDeclaration", "gesamtplanWithVolume", "provisionalConfirmation"]).default("costCoverageDeclaration"),
  })
  .strict();
export type CostCoverage = z.infer<typeof costCoverageSchema>;

export const staffMemberSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    qualifications: z.array(z.string()).default([]),
  })
  .strict();

export const caseFileSchema = z
  .object({
    $schema: z.string().optional(),
    agreement: agreementChoiceSchema,
    policies: z
      .record(z.string(), z.string())
      .default({})
      .superRefine((policies, context) => {
        for (const problem of validatePolicySettings(policies)) context.addIssue({ code: "custom", message: problem });
      })
      .describe("Optionen aus decisions.md für diesen Fall"),
    client: z
      .object({
        id: z.string().min(1),
        name: z.string().optional(),
        birthDate: isoDateSchema.optional(),
        disabilities: z.array(z.string()).default([]).describe("z. B. intellectual, physical, mental, multiple, cognitive"),
        primaryDisability: z.string().optional(),
        substantialDisability: z.boolean().optional().describe("wesentliche Behinderung i. S. d. § 99 SGB IX"),
        threatenedBySubstantialDisability: z.boolean().optional(),
        livingSituation: z.string().optional().describe("ownFlat, partnership, family, parents, sharedFlat, specialHousing"),
        residence: z.object({ municipality: z.string().optional(), district: z.string().optional(), land: z.enum(LAENDER).optional() }).strict().optional(),
        children: z.array(z.object({ birthDate: isoDateSchema }).strict()).default([]),
        pregnancy: z.boolean().optional(),
        assessments: z.record(z.string(), z.boolean()).default({}).describe("erfasste Feststellungen, z. B. supportNeed"),
        exclusionFacts: z.array(z.string()).default([]).describe("z. B. acuteSuicidality, acuteAddiction"),
      })
      .strict(),
    case: z
      .object({
        id: z.string().min(1),
        start: isoDateSchema.describe("Aufnahme / Beginn der Leistungserbringung"),
        end: isoDateSchema.optional(),
        payer: z.object({ id: z.string().min(1), name: z.string().optional() }).strict().optional(),
        accessStatus: z.enum(["regular", "provisional"]).default("regular"),
        provisional: z
          .object({
            reason: z.string().optional(),
            applicationDate: isoDateSchema.optional(),
            assessmentDate: isoDateSchema.optional(),
            payerConfirmationDate: isoDateSchema.optional(),
            firstDay: isoDateSchema.optional(),
          })
          .strict()
          .optional(),
        needGroups: z
          .array(z.object({ from: isoDateSchema, to: isoDateSchema.optional(), group: z.number().int().min(1).max(5), source: z.enum(["gesamtplan", "hmbw"]).default("gesamtplan") }).strict())
          .default([]),
        careContractDate: isoDateSchema.optional().describe("Wohn- und Betreuungsvertrag (A4-R05)"),
        rentExcess: z.boolean().default(false).describe("Mietkosten über der Angemessenheitsgrenze (A4-R11)"),
        approvedAssistanceTypes: z.array(z.enum(["simple", "qualified"])).default([]),
        payerApproval: isoDateSchema.optional().describe("Aufnahmezustimmung des Fachreferats (A4-R03)"),
        flags: z.record(z.string(), z.boolean()).default({}),
      })
      .strict(),
    costCoverages: z.array(costCoverageSchema).default([]),
    gesamtplans: z.array(z.object({ date: isoDateSchema, plannedUpdate: isoDateSchema.optional() }).strict()).default([]),
    hilfeplans: z.array(z.object({ date: isoDateSchema, kind: z.enum(["initial", "update"]).default("update") }).strict()).default([]),
    entries: z.array(serviceEntrySchema).default([]),
    absences: z.array(absenceSchema).default([]),
    payerConsents: z
      .array(z.object({ kind: z.enum(["absenceContinuation", "capacityExceeded", "other"]), date: isoDateSchema, absenceFrom: isoDateSchema.optional() }).strict())
      .default([]),
    crises: z.array(z.object({ from: isoDateSchema, to: isoDateSchema.optional() }).strict()).default([]),
    events: z.array(z.object({ kind: z.string().min(1), date: isoDateSchema, note: z.string().optional() }).strict()).default([]),
    accompaniment: z
      .array(z.object({ date: isoDateSchema, minutes: z.number().int().positive(), qualification: z.string().min(1) }).strict())
      .default([])
      .describe("Begleitung im Krankenhaus (A4 § 5.8)"),
    staff: z.array(staffMemberSchema).default([]),
    /** Per-case inputs (rules.md section 3 inputs marked perCase), e.g. planned Gesamtplan update. */
    caseInputs: z.record(z.string(), z.unknown()).default({}),
    // --- volume ---
    /** A3-R15 (M11): justification and prognosis recorded for a shortfall month of the first months; "other" is shown, never excuses (D31). */
    volumeExcuses: z
      .array(
        z
          .object({
            month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Monat als JJJJ-MM"),
            reason: z.enum(["introduction", "other"]),
            justification: z.string().optional().describe("Begründung, z. B. Heranführung an das Betätigungsangebot"),
            prognosis: z.string().optional().describe("Prognose: künftig wird die Mindestinanspruchnahme erfüllt"),
            recordedOn: isoDateSchema.optional(),
          })
          .strict(),
      )
      .optional(),
    // --- end volume ---
    // --- deadlines ---
    /** M08/M10: tasks done (reports sent, payer informed), matched to deadlines by taskType and anchor date. */
    completedTasks: z
      .array(
        z
          .object({
            taskType: z.string().min(1).describe("Art der Aufgabe wie in deadlines.yaml, z. B. progressReport"),
            date: isoDateSchema.describe("erledigt am"),
            anchorDate: isoDateSchema.optional().describe("Datum des Anlasses, wenn die Aufgabe einem bestimmten Anlass gilt"),
            note: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    // --- end deadlines ---
    // --- admission ---
    /** M06: recorded exceptions to an admission criterion, e.g. A4-R02 person from outside Bremen („in begründeten Ausnahmefällen“). */
    admissionExceptions: z
      .array(
        z
          .object({
            ruleId: z.string().min(1).describe("Regel, von der abgewichen wird, z. B. A4-R02"),
            justification: z.string().min(1).describe("Begründung des Ausnahmefalls"),
            payerApprovalDate: isoDateSchema.optional().describe("Zustimmung des Trägers"),
          })
          .strict(),
      )
      .optional(),
    // --- end admission ---
  })
  .strict();

export type CaseFile = z.infer<typeof caseFileSchema>;
export type CaseFileInput = z.input<typeof caseFileSchema>;
