/**
 * The team file: one provider team on a reference date (asOf) — which agreements it works under, how many
 * eligible persons it serves (per need group or in total), the staff with their qualifications as facts
 * (X-R02), contracted hours or FTE, shifts, volunteer/intern flags and background-check presentations
 * (M09), approved quota exceptions (A4-R17) and organisation documents (A3-R20 risk analysis, A2-R15
 * violence-protection concept, A4-R20 staffing-plan agreements).
 *
 * Facts only: whether a qualification is "skilled" is never stored here; it is evaluated per agreement
 * (classifyQualification.ts). Messages are German because users read them.
 */
import { z } from "zod";
import { decimalTextSchema, isoDateSchema } from "../agreement/sourceSchema.ts";

/** Roles of staff members: management = fachliche/pädagogische Leitung und Koordination. */
export const STAFF_ROLES = ["management", "support", "specialistService", "instructor", "administration", "other"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const SHIFTS = ["day", "night"] as const;
export type Shift = (typeof SHIFTS)[number];

export const QUALIFICATION_KINDS = ["vocationalTraining", "degree", "additionalTraining", "other"] as const;

const positiveDecimalSchema = decimalTextSchema.refine((value) => Number(value) >= 0, { message: "darf nicht negativ sein" });

export const payerConsentSchema = z
  .object({
    agreement: z.string().min(1).describe("Vereinbarung, für die das Einvernehmen gilt"),
    date: isoDateSchema.describe("Datum des Einvernehmens mit dem Leistungsträger"),
    reference: z.string().optional(),
  })
  .strict();

/** A qualification as a fact: its name, optionally kind, duration and completion; "Sozialpädagogin" is shorthand. */
export const qualificationFactSchema = z.union([
  z.string().min(1, "Qualifikation darf nicht leer sein"),
  z
    .object({
      name: z.string().min(1, "Bezeichnung der Qualifikation fehlt"),
      kind: z.enum(QUALIFICATION_KINDS).optional().describe("Berufsausbildung, Studium, Zusatzausbildung, sonstige"),
      durationYears: z.number().positive().optional().describe("Regeldauer der Ausbildung in Jahren"),
      completed: z.boolean().default(true).describe("abgeschlossen"),
      comparable: z.boolean().default(false).describe("als „vergleichbare Qualifikation“ geltend gemacht"),
      payerConsents: z.array(payerConsentSchema).default([]).describe("Einvernehmen mit dem Leistungsträger (A3 § 5.1.2)"),
    })
    .strict(),
]);
export type QualificationFactInput = z.input<typeof qualificationFactSchema>;
export type QualificationFact = z.infer<typeof qualificationFactSchema>;

export const backgroundCheckPresentationSchema = z
  .object({
    presentedOn: isoDateSchema.describe("Tag der Vorlage beim Leistungserbringer"),
    issuedOn: isoDateSchema.describe("Ausstellungsdatum des Führungszeugnisses"),
    result: z.enum(["noEntry", "relevantEntry"]).default("noEntry").describe("relevantEntry = Eintrag einer Straftat nach § 124 Abs. 2 SGB IX"),
    note: z.string().optional(),
  })
  .strict()
  .refine((presentation) => presentation.issuedOn <= presentation.presentedOn, {
    path: ["issuedOn"],
    message: "Ausstellungsdatum liegt nach dem Tag der Vorlage",
  });
export type BackgroundCheckPresentation = z.infer<typeof backgroundCheckPresentationSchema>;

export const STAFF_EVENT_KINDS = ["specialOccasion", "investigationKnown", "concreteIndications"] as const;

export const staffEventSchema = z
  .object({
    kind: z.enum(STAFF_EVENT_KINDS).describe("besonderer Anlass / Ermittlungen bekannt / konkrete Anhaltspunkte"),
    date: isoDateSchema,
    measuresRecordedOn: isoDateSchema.optional().describe("Schutzmaßnahmen dokumentiert am"),
    note: z.string().optional(),
  })
  .strict();

export const staffAssignmentSchema = z.union([
  z.string().min(1),
  z
    .object({
      agreement: z.string().min(1),
      fullTimeEquivalents: positiveDecimalSchema.optional(),
      weeklyHours: positiveDecimalSchema.optional(),
    })
    .strict()
    .refine((assignment) => !(assignment.fullTimeEquivalents !== undefined && assignment.weeklyHours !== undefined), {
      message: "Anteil entweder als „fullTimeEquivalents“ oder als „weeklyHours“ angeben, nicht beides",
    }),
]);
export type StaffAssignment = z.infer<typeof staffAssignmentSchema>;

export const staffMemberSchema = z
  .object({
    id: z.string().min(1, "Personal-ID fehlt"),
    name: z.string().optional(),
    role: z.enum(STAFF_ROLES).default("support").describe("management = Leitung/Koordination; instructor = Betätigungsanleitung"),
    qualifications: z.array(qualificationFactSchema).default([]),
    startDate: isoDateSchema.optional().describe("Einstellung bzw. Beginn der (dauerhaften) ehrenamtlichen Tätigkeit"),
    endDate: isoDateSchema.optional(),
    fullTimeEquivalents: positiveDecimalSchema.optional().describe("vertraglicher Stellenumfang in Vollzeitstellen"),
    weeklyHours: positiveDecimalSchema.optional().describe("vertragliche Wochenstunden"),
    contractFullTimeHours: positiveDecimalSchema.optional().describe("Wochenstunden einer Vollzeitstelle laut Tarif/Arbeitsvertrag"),
    deliveredHours: positiveDecimalSchema.optional().describe("geleistete Stunden im Betrachtungszeitraum (nur für D10 „deliveredHours“)"),
    agreements: z.array(staffAssignmentSchema).default([]).describe("leer = alle Vereinbarungen des Teams"),
    shift: z.enum(SHIFTS).optional().describe("day = Tagdienst 6–22 Uhr, night = Nachtwache 22–6 Uhr"),
    financedByStaffingPlan: z.boolean().default(true).describe("gemäß Stellenplan finanziert (A4 Anl. 1 § 5.2)"),
    volunteer: z.boolean().default(false).describe("ehrenamtlich tätig"),
    intern: z.boolean().default(false).describe("Praktikantin / Praktikant"),
    permanentRole: z.boolean().optional().describe("dauerhafte ehrenamtliche Tätigkeit (A3 § 5.1.2 Nr. 2)"),
    dependencyPowerTrustPossible: z
      .boolean()
      .default(false)
      .describe("Möglichkeit des Aufbaus von Abhängigkeits-, Macht- und Vertrauensverhältnissen (A2 § 7.1, A4 Anl. 1 § 5.1)"),
    clientContact: z.enum(["regular", "occasional", "none"]).default("regular").describe("Kontakt zu Leistungsberechtigten"),
    backgroundChecks: z.array(backgroundCheckPresentationSchema).default([]).describe("Vorlagen erweiterter Führungszeugnisse"),
    relevantConviction: z.boolean().default(false).describe("rechtskräftige Verurteilung wegen einer Straftat nach § 124 Abs. 2 SGB IX bekannt"),
    events: z.array(staffEventSchema).default([]),
  })
  .strict()
  .superRefine((member, context) => {
    if (member.fullTimeEquivalents !== undefined && member.weeklyHours !== undefined) {
      context.addIssue({ code: "custom", path: ["weeklyHours"], message: "Stellenumfang entweder als „fullTimeEquivalents“ oder als „weeklyHours“ angeben, nicht beides" });
    }
    if (member.startDate !== undefined && member.endDate !== undefined && member.endDate < member.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "Ende liegt vor dem Beginn" });
    }
  });
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type StaffMemberInput = z.input<typeof staffMemberSchema>;

export const needGroupCountSchema = z
  .object({
    needGroup: z.number().int().positive("Hilfebedarfsgruppe ist eine positive ganze Zahl"),
    persons: positiveDecimalSchema.describe("Anzahl (Stichtag) oder durchschnittliche Belegung"),
  })
  .strict();

/** Persons served under one agreement: a list of persons, counts per need group, or a plain count. */
export const censusSchema = z
  .object({
    agreement: z.string().min(1),
    date: isoDateSchema.optional().describe("Stichtag bzw. Ende des Zeitraums"),
    kind: z.enum(["referenceDate", "averageOccupancy"]).default("referenceDate").describe("Zählregel (A2: Eingabe P-A2-13)"),
    persons: z.array(z.object({ id: z.string().min(1), needGroup: z.number().int().positive().optional() }).strict()).optional(),
    needGroups: z.array(needGroupCountSchema).optional(),
    participants: z.number().int().nonnegative().optional().describe("tatsächlich Teilnehmende / Leistungsberechtigte"),
    agreedPlaces: z.number().int().positive().optional().describe("vereinbarte Plätze, falls nicht in der Vereinbarung eingetragen"),
  })
  .strict()
  .superRefine((census, context) => {
    if (census.persons !== undefined && census.needGroups !== undefined) {
      context.addIssue({ code: "custom", path: ["needGroups"], message: "entweder „persons“ oder „needGroups“ angeben, nicht beides" });
    }
    const ids = new Set<string>();
    census.persons?.forEach((person, index) => {
      if (ids.has(person.id)) context.addIssue({ code: "custom", path: ["persons", index, "id"], message: `Person ${person.id} doppelt gezählt` });
      ids.add(person.id);
    });
    const groups = new Set<number>();
    census.needGroups?.forEach((group, index) => {
      if (groups.has(group.needGroup)) context.addIssue({ code: "custom", path: ["needGroups", index, "needGroup"], message: `Hilfebedarfsgruppe ${group.needGroup} doppelt` });
      groups.add(group.needGroup);
    });
    if (census.participants !== undefined && census.persons !== undefined && census.participants !== census.persons.length) {
      context.addIssue({ code: "custom", path: ["participants"], message: `„participants“ (${census.participants}) passt nicht zur Personenliste (${census.persons.length})` });
    }
  });
export type Census = z.infer<typeof censusSchema>;

/** An approved exception from a quota (A4 Anl. 1 § 5.2: „nach Antragstellung höher vereinbart“). */
export const quotaExceptionSchema = z
  .object({
    agreement: z.string().min(1),
    quota: z.string().min(1).describe("ID der Quote (z. B. „A4-skilledMaximum“) oder Regel-ID („A4-R17“)"),
    maximum: decimalTextSchema.optional().describe("vereinbarte Höchstquote als Anteil (0.95) oder Prozent (95)"),
    minimum: decimalTextSchema.optional(),
    approvedOn: isoDateSchema.describe("Tag der Vereinbarung mit der Behörde"),
    validFrom: isoDateSchema.optional(),
    validTo: isoDateSchema.optional(),
    reference: z.string().optional(),
  })
  .strict()
  .refine((exception) => (exception.maximum === undefined) !== (exception.minimum === undefined), {
    message: "genau eine Grenze angeben: „maximum“ oder „minimum“",
  });
export type QuotaException = z.infer<typeof quotaExceptionSchema>;

/** An organisation document with its date, e.g. kind "riskAnalysis" (Gefährdungsanalyse). */
export const organisationDocumentSchema = z
  .object({
    kind: z.string().min(1).describe("z. B. riskAnalysis, violenceProtectionConcept, staffingPlanAgreement"),
    date: isoDateSchema,
    agreement: z.string().optional().describe("nur für diese Vereinbarung; fehlt = für alle"),
    note: z.string().optional(),
  })
  .strict();
export type OrganisationDocument = z.infer<typeof organisationDocumentSchema>;

export const teamFileSchema = z
  .object({
    $schema: z.string().optional(),
    asOf: isoDateSchema.describe("Stichtag der Auswertung"),
    organisation: z
      .object({
        name: z.string().min(1, "Name des Trägers fehlt"),
        team: z.string().optional(),
        contractFullTimeHours: positiveDecimalSchema.optional().describe("Wochenstunden einer Vollzeitstelle laut Tarif/Arbeitsvertrag"),
      })
      .strict(),
    agreements: z.array(z.string().min(1)).min(1, "mindestens eine Vereinbarung angeben"),
    policies: z.record(z.string(), z.string()).default({}).describe("Optionen aus decisions.md für dieses Team"),
    census: z.array(censusSchema).default([]),
    staff: z.array(staffMemberSchema).default([]),
    exceptions: z.array(quotaExceptionSchema).default([]),
    documents: z.array(organisationDocumentSchema).default([]),
  })
  .strict()
  .superRefine((team, context) => {
    const agreements = new Set(team.agreements);
    const unknown = (id: string, path: (string | number)[]) => {
      if (!agreements.has(id)) context.addIssue({ code: "custom", path, message: `Vereinbarung ${id} steht nicht in „agreements“ des Teams` });
    };
    const censusAgreements = new Set<string>();
    team.census.forEach((census, index) => {
      unknown(census.agreement, ["census", index, "agreement"]);
      if (censusAgreements.has(census.agreement)) context.addIssue({ code: "custom", path: ["census", index, "agreement"], message: `Belegung für ${census.agreement} doppelt` });
      censusAgreements.add(census.agreement);
    });
    const staffIds = new Set<string>();
    team.staff.forEach((member, index) => {
      if (staffIds.has(member.id)) context.addIssue({ code: "custom", path: ["staff", index, "id"], message: `Personal-ID ${member.id} doppelt` });
      staffIds.add(member.id);
      member.agreements.forEach((assignment, assignmentIndex) =>
        unknown(typeof assignment === "string" ? assignment : assignment.agreement, ["staff", index, "agreements", assignmentIndex]),
      );
    });
    team.exceptions.forEach((exception, index) => unknown(exception.agreement, ["exceptions", index, "agreement"]));
    team.documents.forEach((document, index) => {
      if (document.agreement !== undefined) unknown(document.agreement, ["documents", index, "agreement"]);
    });
  });
export type TeamFile = z.infer<typeof teamFileSchema>;
export type TeamFileInput = z.input<typeof teamFileSchema>;
