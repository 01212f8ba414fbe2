/**
 * Agreement parameters of the "staffing" section (agreements/<folder>/staffing.yaml): mechanisms M12 (staff
 * requirement from ratios), M13 (qualification catalogue and quotas), M09 for staff (background checks,
 * recurring organisation documents). An agreement only selects and parameterises these mechanisms:
 *
 * - requirements   M12: persons per FTE per need group (A2-R18 „1 zu 10,14 … 1 zu 1,01“), places ratio
 *                  (A3-R23 „1,0 : 10 ohne pädagogische Leitung“, base D17), a fixed total (A4 § 3.3, P-A4-02);
 *                  coordination ratio included or added (A2-R17 „1 zu 45“, D06); weekly hours per FTE with a
 *                  minimum (A2-R19 „38,5 Stunden“, contract hours P-A2-04).
 * - qualificationCatalogue  X-R02: what counts as skilled under this agreement (A1 § 3.1.2, A2 § 7.2,
 *                  A3 § 5.1.2, A4 § 4.3 / Anl. 1 § 5.2; A0: input P-A0-15).
 * - quotas         M13: share = numerator FTE ÷ base FTE (D10), minimum or maximum, optional exception by
 *                  application (A2-R16, A3-R24, A3-R25, A4-R16, A4-R17; D26 separate checks).
 * - backgroundChecks  M09: interval, maximum certificate age, scope (A2-R12, A3-R21/R22, A4-R22, A1-R24).
 * - documents      M09/M16: required organisation documents and their renewal (A3-R20, A2-R15, A4-R20, A0-R14).
 *
 * Every value carries its literal source; an open value is an input reference (M17), never a guess.
 */
import { z } from "zod";
import { decimalTextSchema, inputReferenceSchema, isoDateSchema, ruleIdSchema, sourcedOrInput, sourcedValue, sourceSchema } from "../agreement/sourceSchema.ts";
import { SHIFTS, STAFF_ROLES } from "./teamFileSchema.ts";

const decisionIdSchema = z.string().regex(/^D\d{2}$/, "Entscheidungs-ID wie „D06“");

const validitySchemaShape = {
  validFrom: isoDateSchema.optional().describe("gilt ab (Stichtag der Auswertung)"),
  validTo: isoDateSchema.optional().describe("gilt bis einschließlich"),
};

import { periodSchema, type Period } from "../calendar/periodSchema.ts";

export { periodSchema, type Period };

/** Which staff members a quota or requirement looks at. All conditions must hold. */
export const staffFilterSchema = z
  .object({
    roles: z.array(z.enum(STAFF_ROLES)).optional().describe("nur diese Rollen"),
    excludeRoles: z.array(z.enum(STAFF_ROLES)).optional().describe("ohne diese Rollen (D10: ohne Leitung)"),
    shift: z.enum(SHIFTS).optional(),
    financedByStaffingPlan: z.boolean().optional(),
    classification: z.enum(["skilled", "nonSkilled"]).optional().describe("Einstufung nach dem Katalog dieser Vereinbarung"),
    tag: z.string().min(1).optional().describe("Merkmal eines Katalogeintrags, z. B. spzq"),
  })
  .strict();
export type StaffFilter = z.infer<typeof staffFilterSchema>;

/** Either a policy decision of decisions.md, or a reading fixed by the agreement's own wording. */
const choiceSchema = <T extends readonly [string, ...string[]]>(options: T) =>
  z.union([z.object({ decision: decisionIdSchema }).strict(), z.object({ fixed: z.enum(options), source: sourceSchema }).strict()]);

export const needGroupRatioSchema = z
  .object({
    needGroup: z.number().int().positive(),
    personsPerFullTimeEquivalent: decimalTextSchema.describe("„1 zu 2,64“ = 2.64 Personen je Vollzeitstelle"),
    source: sourceSchema,
  })
  .strict();

export const coordinationSchema = z
  .object({
    ruleId: ruleIdSchema,
    personsPerFullTimeEquivalent: sourcedOrInput(decimalTextSchema).describe("„1 zu 45“"),
    inclusion: choiceSchema(["included", "added"] as const).describe("in der Summe enthalten oder zusätzlich (D06)"),
    source: sourceSchema,
  })
  .strict();

export const weeklyHoursSchema = z
  .object({
    ruleId: ruleIdSchema,
    minimumPerFullTimeEquivalent: sourcedValue(decimalTextSchema),
    contractFullTimeHours: sourcedOrInput(decimalTextSchema).describe("tarif- oder arbeitsvertragliche Wochenstunden je Vollzeitstelle"),
    source: sourceSchema,
  })
  .strict();

export const requirementSchema = z
  .object({
    id: z.string().min(1),
    ruleId: ruleIdSchema,
    label: z.string().min(1).describe("deutsche Bezeichnung"),
    ...validitySchemaShape,
    base: z.enum(["needGroups", "places", "fixedTotal"]).describe("Bemessung nach Hilfebedarfsgruppen, Plätzen oder fester Gesamtzahl"),
    needGroupRatios: z.array(needGroupRatioSchema).optional(),
    placesRatio: z
      .object({
        fullTimeEquivalents: decimalTextSchema.describe("„1,0“"),
        places: decimalTextSchema.describe("„10“"),
        source: sourceSchema,
      })
      .strict()
      .optional(),
    placesBase: choiceSchema(["agreedPlaces", "actualParticipants"] as const).optional().describe("Bezugsgröße der Platzquote (D17)"),
    agreedPlaces: sourcedOrInput(z.number().int().positive()).optional().describe("fehlt = Kapazität aus dem Vereinbarungskopf"),
    totalFullTimeEquivalents: sourcedOrInput(decimalTextSchema).optional().describe("feste Gesamtzahl der Vollzeitstellen"),
    coordination: coordinationSchema.optional(),
    management: z
      .object({
        ruleId: ruleIdSchema,
        fullTimeEquivalents: sourcedOrInput(decimalTextSchema),
        source: sourceSchema,
      })
      .strict()
      .optional()
      .describe("Leitung außerhalb des Schlüssels (A3: „ohne pädagogische Leitung“)"),
    weeklyHours: weeklyHoursSchema.optional(),
    staffGroup: staffFilterSchema.default({}).describe("wer als Personal unter diesem Schlüssel zählt (Ist-Vergleich)"),
    coverage: z
      .object({ severity: z.enum(["warn", "info"]), source: sourceSchema })
      .strict()
      .optional()
      .describe("Ist-Stellen unter dem Soll: warn (vorzuhalten) oder info (nur Kalkulation)"),
    source: sourceSchema,
  })
  .strict()
  .superRefine((requirement, context) => {
    const need = (condition: boolean, path: string, message: string) => {
      if (!condition) context.addIssue({ code: "custom", path: [path], message });
    };
    if (requirement.base === "needGroups") {
      need((requirement.needGroupRatios?.length ?? 0) > 0, "needGroupRatios", "Bemessung nach Hilfebedarfsgruppen braucht „needGroupRatios“");
      const groups = new Set<number>();
      requirement.needGroupRatios?.forEach((ratio, index) => {
        if (groups.has(ratio.needGroup)) context.addIssue({ code: "custom", path: ["needGroupRatios", index], message: `Hilfebedarfsgruppe ${ratio.needGroup} doppelt` });
        groups.add(ratio.needGroup);
        if (Number(ratio.personsPerFullTimeEquivalent) <= 0) context.addIssue({ code: "custom", path: ["needGroupRatios", index], message: "Schlüssel muss größer als 0 sein" });
      });
    }
    if (requirement.base === "places") {
      need(requirement.placesRatio !== undefined, "placesRatio", "Bemessung nach Plätzen braucht „placesRatio“");
      need(requirement.placesBase !== undefined, "placesBase", "Bemessung nach Plätzen braucht „placesBase“ (D17)");
    }
    if (requirement.base === "fixedTotal") need(requirement.totalFullTimeEquivalents !== undefined, "totalFullTimeEquivalents", "feste Gesamtzahl braucht „totalFullTimeEquivalents“");
  });
export type Requirement = z.infer<typeof requirementSchema>;

export const catalogueEntrySchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1).describe("Bezeichnung wie im Vertragstext"),
    terms: z.array(z.string().min(2)).min(1).describe("Wortanfänge, an denen die Qualifikation erkannt wird (klein geschrieben)"),
    tags: z.array(z.string().min(1)).default([]).describe("z. B. spzq für Unterquoten"),
    source: sourceSchema,
  })
  .strict();
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const qualificationCatalogueSchema = z
  .object({
    ruleId: ruleIdSchema,
    skilledLabel: z.string().min(1).describe("z. B. „Fachkraft“ oder „pädagogische Fachkraft“"),
    nonSkilledLabel: z.string().min(1),
    entries: z.union([z.array(catalogueEntrySchema).min(1), inputReferenceSchema]).describe("Liste oder Eingabe (A0: P-A0-15)"),
    excludedTerms: z.array(z.string().min(2)).default([]).describe("Wortteile, die eine Qualifikation ausschließen (z. B. helfer)"),
    requireCompleted: z.boolean().default(true).describe("nur abgeschlossene Ausbildungen zählen"),
    comparable: z
      .object({
        minimumTrainingYears: z.number().positive().optional().describe("Mindestdauer der Ausbildung (z. B. 3)"),
        degreeAccepted: z.boolean().default(true).describe("ein abgeschlossenes Studium genügt"),
        source: sourceSchema,
      })
      .strict()
      .optional()
      .describe("„vergleichbare Qualifikation“"),
    otherProfessionsWithPayerConsent: z.object({ source: sourceSchema }).strict().optional().describe("andere Berufsgruppen bei Einvernehmen mit dem Leistungsträger"),
    source: sourceSchema,
  })
  .strict();
export type QualificationCatalogue = z.infer<typeof qualificationCatalogueSchema>;

export const quotaSchema = z
  .object({
    id: z.string().min(1),
    ruleId: ruleIdSchema,
    label: z.string().min(1).describe("deutsche Bezeichnung des Anteils"),
    ...validitySchemaShape,
    comparison: z.enum(["atLeast", "greaterThan", "atMost"]),
    limit: sourcedOrInput(decimalTextSchema).describe("Anteil als Dezimalzahl (0.20) oder Eingabe"),
    severity: z.enum(["warn", "block", "info"]).default("warn").describe("„soll“ → warn"),
    base: staffFilterSchema.describe("Bezugsgruppe (Nenner)"),
    numerator: staffFilterSchema.describe("Teilgruppe der Bezugsgruppe (Zähler)"),
    appliesToRequirement: z.boolean().default(false).describe("auch als Grenze in Vollzeitstellen zum Soll ausweisen"),
    exceptionByApplication: z.object({ source: sourceSchema }).strict().optional().describe("Grenze kann auf Antrag anders vereinbart werden"),
    decisions: z.array(decisionIdSchema).default([]).describe("weitere Entscheidungen, die diese Prüfung prägen (z. B. D26)"),
    source: sourceSchema,
  })
  .strict();
export type Quota = z.infer<typeof quotaSchema>;

export const SCOPE_RULES = ["always", "anyContact", "regularContact", "permanentRegularContact", "dependencyPowerTrust", "never"] as const;
export type ScopeRule = (typeof SCOPE_RULES)[number];

export const backgroundCheckRuleSchema = z
  .object({
    ruleId: ruleIdSchema,
    ...validitySchemaShape,
    interval: sourcedOrInput(periodSchema).describe("spätestens alle …"),
    maximumCertificateAge: sourcedOrInput(periodSchema).optional().describe("Zeugnis bei Vorlage nicht älter als …; fehlt = keine Grenze"),
    whenMaximumAgeInputMissing: z.enum(["notApplied", "hold"]).default("hold").describe("offene Eingabe zum Höchstalter: nicht anwenden oder anhalten"),
    inputUnit: z.enum(["months", "years"]).default("months").describe("Einheit ganzzahliger Eingaben für Abstand und Höchstalter"),
    scope: z
      .object({
        employees: z.enum(SCOPE_RULES),
        volunteers: z.enum(SCOPE_RULES),
        interns: z.enum(SCOPE_RULES),
        source: sourceSchema,
      })
      .strict(),
    requiredBeforeStart: z.object({ source: sourceSchema }).strict().optional().describe("Vorlage bei bzw. vor Einstellung"),
    conviction: z.object({ ruleId: ruleIdSchema, source: sourceSchema }).strict().describe("Ausschluss bei Verurteilung"),
    events: z
      .array(
        z
          .object({
            kind: z.enum(["specialOccasion", "investigationKnown", "concreteIndications"]),
            ruleId: ruleIdSchema,
            action: z.enum(["requestCertificate", "protectiveMeasures"]),
            severity: z.enum(["task", "warn"]).default("task"),
            source: sourceSchema,
          })
          .strict(),
      )
      .default([]),
    decisions: z.array(decisionIdSchema).default([]).describe("Entscheidungen, die diese Regel prägen (A1: D24)"),
    source: sourceSchema,
  })
  .strict();
export type BackgroundCheckRule = z.infer<typeof backgroundCheckRuleSchema>;

export const documentRequirementSchema = z
  .object({
    kind: z.string().min(1).describe("Art des Dokuments in der Teamdatei, z. B. riskAnalysis"),
    label: z.string().min(1),
    ruleId: ruleIdSchema,
    ...validitySchemaShape,
    renewal: sourcedValue(periodSchema).optional().describe("erneut fällig nach …"),
    whenMissing: z.enum(["warn", "task", "info"]).default("warn"),
    source: sourceSchema,
  })
  .strict();
export type DocumentRequirement = z.infer<typeof documentRequirementSchema>;

export const staffingParametersSchema = z
  .object({
    requirements: z.array(requirementSchema).default([]),
    qualificationCatalogue: qualificationCatalogueSchema.optional(),
    quotas: z.array(quotaSchema).default([]),
    backgroundChecks: z.array(backgroundCheckRuleSchema).default([]),
    documents: z.array(documentRequirementSchema).default([]),
    requirementNotStated: z
      .object({ ruleId: ruleIdSchema, source: sourceSchema })
      .strict()
      .optional()
      .describe("die Vereinbarung nennt keinen Personalschlüssel: keine automatische Bedarfsrechnung"),
    notes: z.array(z.string()).default([]).describe("Hinweise, z. B. „kein Personalschlüssel vereinbart“"),
  })
  .strict()
  .superRefine((staffing, context) => {
    const ids = new Set<string>();
    [...staffing.requirements.map((item) => ["requirements", item.id] as const), ...staffing.quotas.map((item) => ["quotas", item.id] as const)].forEach(([section, id]) => {
      if (ids.has(id)) context.addIssue({ code: "custom", path: [section], message: `ID ${id} doppelt` });
      ids.add(id);
    });
    const needsCatalogue = staffing.quotas.some((quota) => quota.base.classification || quota.numerator.classification || quota.base.tag || quota.numerator.tag);
    if (needsCatalogue && !staffing.qualificationCatalogue) {
      context.addIssue({ code: "custom", path: ["qualificationCatalogue"], message: "Quoten nach Qualifikation brauchen einen Qualifikationskatalog" });
    }
  });
export type StaffingParameters = z.infer<typeof staffingParametersSchema>;
