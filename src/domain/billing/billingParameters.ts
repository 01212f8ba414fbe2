/**
 * How an agreement bills (M03 units, M04 absences, M05 gates): which rates apply to which quantities.
 * Mechanisms are code; this section only selects and parameterises them.
 */
import { z } from "zod";
import { inputReferenceSchema, ruleIdSchema, sourceSchema } from "../agreement/sourceSchema.ts";

const ruleReference = { ruleId: ruleIdSchema, source: sourceSchema };

/** Hourly billing (A0 Fachleistungsstunde; any Land's hourly assistance). */
export const hourlyBillingSchema = z
  .object({
    ...ruleReference,
    rate: z.string().describe("Satz-ID mit Einheit „hour“"),
    lineLabel: z.string().min(1),
    coverageComponent: z.string().optional().describe("Bestandteil der Kostenübernahme; fehlt er, genügt jede gültige Kostenübernahme"),
    /** Which time kinds of service entries count, or an input that decides it (A0: P-A0-10). */
    countedTimeKinds: z.union([z.array(z.enum(["direct", "indirect", "other"])).min(1), inputReferenceSchema]),
    /** Only entries attributed to this legal basis are billed under this agreement (A0-R09, D23). */
    billedAttribution: z.string().optional(),
    attributionRule: z.object(ruleReference).strict().optional(),
    /** Approved-volume gate (A0-R04): hours beyond the approved volume are held. */
    volumeGate: z.object({ ...ruleReference, severity: z.enum(["hold", "warn"]) }).strict().optional(),
    /** Decision id that sets the minute granularity (D21). */
    granularityDecision: z.string().default("D21"),
  })
  .strict();

/** Absences and interruptions of a daily rate (M04; A4 §§ 5.2, 5.3). */
export const absenceBillingSchema = z
  .object({
    continuation: z
      .object({
        ...ruleReference,
        reasons: z.array(z.enum(["holiday", "illness", "hospital", "kur", "other"])).min(1),
        days: z.number().int().positive().describe("zusammenhängende Abrechnungstage mit Fortzahlung"),
        consentExtends: z.boolean().describe("Einigung mit dem Träger vor Ablauf verlängert die Fortzahlung"),
        reminderDay: z.number().int().positive().describe("Produkteinstellung (D05): Erinnerungsaufgabe an diesem Abwesenheitstag"),
      })
      .strict(),
    reducedRate: z
      .object({
        ...ruleReference,
        rate: z.string().describe("Satz-ID mit Einheit „absenceDay“"),
        reasons: z.array(z.enum(["hospital", "kur"])).min(1),
        moreThanDays: z.number().int().positive().describe("„mehr als 4 Wochen“ = mehr als 28 Tage"),
        decision: z.string().default("D01"),
      })
      .strict()
      .optional(),
    /** D04: one interruption across reasons when absences follow each other directly. */
    mergeDecision: z.string().default("D04"),
  })
  .strict();

export const rentSupplementSchema = z
  .object({
    ...ruleReference,
    monthlyRate: z.string(),
    dailyRate: z.string(),
    caseFlag: z.string().describe("Falldaten-Merkmal, das den Zusatzbetrag voraussetzt (z. B. rentExcess)"),
    coverageComponent: z.string(),
    decision: z.string().default("D02"),
  })
  .strict();

export const dailyBillingSchema = z
  .object({
    ...ruleReference,
    rate: z.string().describe("Satz-ID mit Einheit „serviceDay“"),
    lineLabel: z.string().min(1),
    coverageComponent: z.string().describe("Bestandteil der Kostenübernahme, der den Tagessatz deckt"),
    /** A4-R05: no billing for days before the residential care contract. */
    careContract: z.object(ruleReference).strict().optional(),
    absence: absenceBillingSchema.optional(),
    rentSupplement: rentSupplementSchema.optional(),
  })
  .strict();

/** Hours billed at a rate that depends on the staff qualification (A4 § 5.8 hospital accompaniment). */
export const accompanimentBillingSchema = z
  .object({
    ...ruleReference,
    lineLabel: z.string().min(1),
    ratesByQualification: z.record(z.string(), z.string()).describe("Qualifikation → Satz-ID"),
    coverageComponent: z.string(),
    decision: z.string().default("D32"),
  })
  .strict();

/**
 * Per-case rates whose billing unit is an input (day, month or hour) and whose amount may depend on the
 * person's need group on the service date (A2 § 9: Maßnahmepauschale je HBG, Grundpauschale, Investitionsbetrag).
 */
export const caseRatesBillingSchema = z
  .object({
    ...ruleReference,
    unit: inputReferenceSchema.describe("Eingabe mit der Abrechnungseinheit: serviceDay, month oder hour"),
    needGroupInput: inputReferenceSchema.describe("Eingabe, die die Hilfebedarfsgruppe je Person benennt (aus dem Gesamtplan)"),
    coverageComponent: z.string().optional(),
    components: z
      .array(
        z
          .object({
            label: z.string().min(1),
            ruleId: ruleIdSchema,
            source: sourceSchema,
            /** One rate, or one rate per need group (each with key { needGroup: n }). */
            rates: z.array(z.string()).min(1),
            keyedBy: z.literal("needGroup").optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const costCoverageGateSchema = z
  .object({
    ...ruleReference,
    kind: z.enum(["costCoverageDeclaration", "gesamtplanWithVolume", "provisionalConfirmation"]).array().min(1),
  })
  .strict();

export const billingParametersSchema = z
  .object({
    /** Agreements without remuneration (A1, A3) state where it is regulated instead. */
    remuneration: z.union([z.literal("inAgreement"), inputReferenceSchema]).default("inAgreement"),
    costCoverageGate: costCoverageGateSchema.optional(),
    /** Service dates outside the agreement's validity: held pending an extension, or rejected (A0-R07, A4-R26). */
    agreementPeriodRule: z.object({ ...ruleReference, afterValidity: z.enum(["hold", "reject"]) }).strict().optional(),
    hourly: hourlyBillingSchema.optional(),
    daily: dailyBillingSchema.optional(),
    accompaniment: accompanimentBillingSchema.optional(),
    caseRates: caseRatesBillingSchema.optional(),
    /** A4-R12: occupancy deviation of the intervention service (report only, D30). */
    occupancyDeviation: z
      .object({ ...ruleReference, component: z.string(), agreedOccupancyDays: inputReferenceSchema, decision: z.string().default("D30") })
      .strict()
      .optional(),
  })
  .strict();
export type BillingParameters = z.infer<typeof billingParametersSchema>;
