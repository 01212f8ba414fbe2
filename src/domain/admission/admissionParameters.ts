/**
 * M06 Eligibility and admission rule set, M07 capacity: the "admission" section of an agreement
 * (agreements/<folder>/admission.yaml). An agreement selects and parameterises criteria; the engine
 * (checkAdmission.ts) is written once. Every criterion names its rule id (rules.md section 2), its clause and
 * a short literal quote, and what a failure means for the outcome:
 *   refuse → BLOCK finding, outcome „refused“ (e.g. A1-R07 besondere Wohnform, A3-R08 akute Suizidgefahr);
 *   review → WARN finding, outcome „review“ (e.g. A2-R01 andere Beeinträchtigung, A0-R02 Wohnform);
 *   warn   → WARN finding, the outcome is not changed (e.g. A1-R02 Feststellungen, A0 Leipzig D22).
 * Values the agreement leaves open are input references (M17), e.g. the A1 exclusion list P-A1-03.
 */
import { z } from "zod";
import { inputReferenceSchema, sourceSchema, sourcedOrInput } from "../agreement/sourceSchema.ts";
import { DECISIONS } from "../policy/decisions.ts";

export const FAILURE_EFFECTS = ["refuse", "review", "warn"] as const;
export type FailureEffect = (typeof FAILURE_EFFECTS)[number];
const failureEffectSchema = z.enum(FAILURE_EFFECTS);

export const ruleIdSchema = z.string().regex(/^(A\d+|X)-R\d{2}$/, "Regel-ID wie „A1-R07“ oder „X-R03“");

/** Rule id, clause source and the decisions (decisions.md) whose option is recorded on each result. */
export const ruleReferenceFields = {
  ruleId: ruleIdSchema,
  source: sourceSchema,
  /** Further clauses that support the criterion (shown on the agreement page only). */
  furtherSources: z.array(sourceSchema).optional(),
  /** Decision ids (D01–D32) that shape this criterion; their resolved option is recorded on each finding. */
  policies: z.array(z.string().refine((id) => id in DECISIONS, { message: "unbekannte Entscheidung (erwartet D01–D32)" })).default([]),
};

/** A literal list printed in the agreement, or an input that a concrete agreement fills with a text list. */
export const textListOrInputSchema = z.union([z.array(z.string().min(1)).min(1), inputReferenceSchema]);
export type TextListOrInput = z.infer<typeof textListOrInputSchema>;

export const minimumAgeSchema = z
  .object({ ...ruleReferenceFields, years: z.number().int().positive(), onFailure: failureEffectSchema.default("refuse") })
  .strict()
  .describe("Mindestalter am Prüfdatum (A0-R01, A1-R01, A3-R02, A4-R01)");

export const disabilityCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** „wesentliche Behinderung“ only, or also „von einer solchen wesentlichen Behinderung bedroht“ (A1-R01). */
    substantial: z.enum(["required", "requiredOrThreatened"]),
    /** Disability types of the target group (client.disabilities codes); absent: any type under § 99. */
    eligibleTypes: z.array(z.string().min(1)).min(1).optional(),
    /** any: one recorded type is eligible; primary: the primary disability must be eligible (A3-R02 „im Vordergrund“). */
    match: z.enum(["any", "primary"]).default("any"),
    /** Other § 99 impairments: refused, or review until a suitability decision is recorded (A2-R01). */
    otherTypes: z.enum(["refuse", "review"]).default("refuse"),
    /** Assessment key (client.assessments) that records the suitability decision for other types. */
    reviewResolvedBy: z.string().min(1).optional(),
    onFailure: failureEffectSchema.default("refuse"),
    /** Effect while access is provisional (A3-R05: the provider's first assessment only). */
    onFailureWhenProvisional: failureEffectSchema.optional(),
  })
  .strict();

export const targetGroupNarrowingSchema = z
  .object({ ...ruleReferenceFields, allowedTypes: inputReferenceSchema, onFailure: failureEffectSchema.default("refuse") })
  .strict()
  .describe("optionale Eingrenzung des Personenkreises (A1-R04 P-A1-04, A2-R02 P-A2-06)");

export const assessmentCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** Key in client.assessments, e.g. „supportNeed“. */
    key: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    /** German label shown in messages. */
    label: z.string().min(1),
    onMissing: failureEffectSchema,
    onMissingWhenProvisional: failureEffectSchema.optional(),
  })
  .strict();

export const parenthoodCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** A child counts while it is younger than this (A0-R01 „minderjährigen Kindes“). */
    childAgeLimitYears: z.number().int().positive(),
    /** An expectant parent counts (A0-R01 „(werdende) Mütter und/oder Väter“). */
    pregnancyCounts: z.boolean(),
    onFailure: failureEffectSchema.default("refuse"),
    /** Review task dated on the day the last minor child comes of age; the Gesamtplan governs, services go on. */
    reviewWhenLastChildComesOfAge: z.boolean().default(true),
  })
  .strict();

export const livingSituationCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** Allowed living situations (client.livingSituation codes); absent: anything not excluded. */
    allowed: z.array(z.string().min(1)).min(1).optional(),
    excluded: z.array(z.string().min(1)).default([]),
    onExcluded: failureEffectSchema,
    /** Not recorded, or not in the allowed list. */
    onUnknown: failureEffectSchema,
  })
  .strict();

export const RESIDENCE_FIELDS = ["land", "municipality", "districtOrMunicipality"] as const;

export const residenceCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    field: z.enum(RESIDENCE_FIELDS),
    values: textListOrInputSchema,
    /** What a residence outside the area means; a mere waiting-list priority is residencePriority (A1-R05, A3-R07). */
    onOther: z.enum(["refuse", "review", "warn"]),
    /** A recorded exception (case file admissionExceptions) with justification and payer approval lifts it (A4-R02). */
    exceptionAllowed: z.boolean().default(false),
  })
  .strict();

export const priorityAreaSchema = z
  .object({
    /** 1 = highest priority; the areas of one ranking carry 1, 2, … in order. */
    priority: z.number().int().positive(),
    /** German label shown in messages, e.g. „Gebiet des örtlichen Trägers“. */
    label: z.string().min(1),
    values: textListOrInputSchema,
    source: sourceSchema,
  })
  .strict();

export const residencePrioritySchema = z
  .object({
    ...ruleReferenceFields,
    field: z.enum(RESIDENCE_FIELDS),
    /** One ranking: the first area (by priority) that contains the residence gives the priority; none → no priority. */
    areas: z.array(priorityAreaSchema).min(1),
  })
  .strict()
  .superRefine((criterion, context) => {
    criterion.areas.forEach((area, index) => {
      if (area.priority !== index + 1) context.addIssue({ code: "custom", path: ["areas", index, "priority"], message: `Vorrangstufe ${index + 1} erwartet (aufsteigend ohne Lücke)` });
    });
  })
  .describe("Vorrang bei der Aufnahme nach Wohnort: nur eine Rangfolge, nie ein Ausschluss (A1-R05, A3-R07, § 104 SGB IX)");

export const exclusionCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** Printed exclusion facts (client.exclusionFacts codes). */
    facts: z.array(z.object({ code: z.string().min(1), label: z.string().min(1) }).strict()).default([]),
    /** Further exclusions that a concrete agreement may add (A1 P-A1-03, A3 P-A3-10); codes as in exclusionFacts. */
    additionalFacts: inputReferenceSchema.optional(),
    onMatch: failureEffectSchema.default("refuse"),
  })
  .strict();

export const rejectionReasonSchema = z
  .object({
    code: z.string().min(1),
    label: z.string().min(1),
    ruleId: ruleIdSchema,
    /** The reason is allowed only once this input is filled (e.g. narrowing P-A1-04). */
    requiresInput: z.string().optional(),
  })
  .strict();

export const obligationToAdmitSchema = z
  .object({
    ...ruleReferenceFields,
    allowedReasons: z.array(rejectionReasonSchema).min(1),
    /** Inputs whose text-list values are further allowed reason codes (exclusion lists). */
    reasonLists: z.array(inputReferenceSchema).default([]),
    /** Reasons that may never be given, not even with a justification (A1-R03 Schwere der Behinderung). */
    forbiddenReasons: z.array(z.object({ code: z.string().min(1), label: z.string().min(1), ruleId: ruleIdSchema, source: sourceSchema }).strict()).default([]),
  })
  .strict();

export const gesamtplanCriterionSchema = z
  .object({ ...ruleReferenceFields, onMissing: failureEffectSchema.default("refuse") })
  .strict()
  .describe("Teilhabe-/Gesamtplan vor Leistungsbeginn (A1-R06, A3-R04)");

export const PROVISIONAL_REQUIREMENTS = ["reason", "applicationDate", "assessmentDate", "payerConfirmationDate"] as const;

export const provisionalAccessSchema = z
  .object({ ...ruleReferenceFields, requires: z.array(z.enum(PROVISIONAL_REQUIREMENTS)).min(1) })
  .strict()
  .describe("vorläufiger Zugang (A3-R05)");

export const procedureCriterionSchema = z.object({ ...ruleReferenceFields }).strict();

export const capacityCriterionSchema = z
  .object({
    ...ruleReferenceFields,
    /** Places or persons; absent: the agreement header's capacity.places. */
    places: sourcedOrInput(z.number().int().positive()).optional(),
    onExceeded: failureEffectSchema,
    /** A recorded payer consent (payerConsents kind capacityExceeded) lifts the review (A0-R03). */
    payerConsentResolves: z.boolean().default(false),
  })
  .strict();

export const admissionParametersSchema = z
  .object({
    minimumAge: minimumAgeSchema.optional(),
    disability: disabilityCriterionSchema.optional(),
    targetGroupNarrowing: targetGroupNarrowingSchema.optional(),
    assessments: z.array(assessmentCriterionSchema).default([]),
    parenthood: parenthoodCriterionSchema.optional(),
    livingSituation: livingSituationCriterionSchema.optional(),
    residence: z.array(residenceCriterionSchema).default([]),
    residencePriority: residencePrioritySchema.optional(),
    exclusions: exclusionCriterionSchema.optional(),
    obligationToAdmit: obligationToAdmitSchema.optional(),
    gesamtplan: gesamtplanCriterionSchema.optional(),
    provisionalAccess: provisionalAccessSchema.optional(),
    payerApproval: procedureCriterionSchema.optional().describe("Aufnahmezustimmung des Fachreferats (A4-R03)"),
    careContract: procedureCriterionSchema.optional().describe("Wohn- und Betreuungsvertrag vor Beginn (A4-R05)"),
    capacity: capacityCriterionSchema.optional(),
  })
  .strict()
  .superRefine((parameters, context) => {
    const keys = new Set<string>();
    parameters.assessments.forEach((assessment, index) => {
      if (keys.has(assessment.key)) context.addIssue({ code: "custom", path: ["assessments", index, "key"], message: `Feststellung „${assessment.key}“ doppelt` });
      keys.add(assessment.key);
    });
    const living = parameters.livingSituation;
    if (living?.allowed) {
      for (const value of living.excluded) {
        if (living.allowed.includes(value)) context.addIssue({ code: "custom", path: ["livingSituation", "excluded"], message: `Wohnsituation „${value}“ ist zugleich erlaubt und ausgeschlossen` });
      }
    }
    if (parameters.disability?.reviewResolvedBy !== undefined && parameters.disability.otherTypes !== "review") {
      context.addIssue({ code: "custom", path: ["disability", "reviewResolvedBy"], message: "„reviewResolvedBy“ nur zusammen mit otherTypes: review" });
    }
  });
export type AdmissionParameters = z.infer<typeof admissionParametersSchema>;
export type MinimumAgeCriterion = z.infer<typeof minimumAgeSchema>;
export type DisabilityCriterion = z.infer<typeof disabilityCriterionSchema>;
export type TargetGroupNarrowing = z.infer<typeof targetGroupNarrowingSchema>;
export type AssessmentCriterion = z.infer<typeof assessmentCriterionSchema>;
export type ParenthoodCriterion = z.infer<typeof parenthoodCriterionSchema>;
export type LivingSituationCriterion = z.infer<typeof livingSituationCriterionSchema>;
export type ResidenceCriterion = z.infer<typeof residenceCriterionSchema>;
export type ResidencePriority = z.infer<typeof residencePrioritySchema>;
export type ExclusionCriterion = z.infer<typeof exclusionCriterionSchema>;
export type ObligationToAdmit = z.infer<typeof obligationToAdmitSchema>;
export type CapacityCriterion = z.infer<typeof capacityCriterionSchema>;
export type ProcedureCriterion = z.infer<typeof procedureCriterionSchema>;
export type GesamtplanCriterion = z.infer<typeof gesamtplanCriterionSchema>;
export type ProvisionalAccessCriterion = z.infer<typeof provisionalAccessSchema>;
