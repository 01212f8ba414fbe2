/**
 * What else is recorded in a case: absences (M04, whole absent days, D03), consents of the payer or of the
 * person, crises and the contacts kept during them (A3-R16/R17), events that anchor deadlines (M10) and hospital
 * accompaniment (A4 § 5.8). Every record names a case of the same tenant; a contact names a crisis of its case.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ABSENCE_REASONS } from "../../domain/case/caseFileSchema.ts";
import { absences, accompaniments, caseEvents, cases, consents, contacts, crises } from "../../store/schema/index.ts";
import type { AppContext } from "../appContext.ts";
import { isoDateField } from "../fieldSchemas.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { checkDateOrder, optionalField, referenceField, textField } from "./recordFields.ts";
import { checkSameParent, refuseDeleteWhileReferenced } from "./referenceChecks.ts";

const caseReference = { field: "caseId", table: cases, label: "Fall" };
const TAG = "Fallakte";
const CONTACT_KINDS = ["crisisContact", "payerContact", "relativeContact", "other"] as const;

export function registerCaseRecordRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "absences",
    tag: TAG,
    label: "Abwesenheit",
    table: absences,
    description: "Abwesenheit als Zeitraum ganzer abwesender Tage (D03). Filter `from`/`to` gelten für den ersten Tag.",
    fields: {
      caseId: referenceField("Fall"),
      from: isoDateField.describe("erster abwesender Tag"),
      to: isoDateField.describe("letzter abwesender Tag"),
      reason: z.enum(ABSENCE_REASONS).describe("holiday, illness, hospital, kur, other"),
      note: optionalField(textField()),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "from", "to", (from, to) => `Ende der Abwesenheit ${to} liegt vor ihrem Beginn ${from}`),
    filters: { caseId: { column: absences.caseId }, reason: { column: absences.reason, schema: z.enum(ABSENCE_REASONS) } },
    periodColumn: absences.from,
    references: [caseReference],
  });

  registerResourceRoutes(app, context, {
    path: "consents",
    tag: TAG,
    label: "Zustimmung",
    table: consents,
    description:
      "party payer: Zustimmung des Leistungsträgers (kind absenceContinuation, capacityExceeded oder other; A4-R08, D05); party client: Einwilligung der Person (kind frei, z. B. dataSharing).",
    fields: {
      caseId: referenceField("Fall"),
      party: z.enum(["payer", "client"]).describe("payer: Leistungsträger; client: die Person"),
      kind: z.string().min(1).max(100).describe("Art der Zustimmung"),
      date: isoDateField.describe("erteilt am"),
      absenceFrom: optionalField(isoDateField.describe("Beginn der Abwesenheit, für die die Zustimmung gilt")),
      validTo: optionalField(isoDateField.describe("gilt bis")),
      note: optionalField(textField()),
    },
    refine: (record, refinement) => {
      checkDateOrder(record, refinement, "date", "validTo", (date, validTo) => `Ende der Geltung ${validTo} liegt vor der Erteilung ${date}`);
      if (record.party === "payer" && typeof record.kind === "string" && !["absenceContinuation", "capacityExceeded", "other"].includes(record.kind))
        refinement.addIssue({ code: "custom", path: ["kind"], message: `Zustimmung des Leistungsträgers: Art „${record.kind}“ unbekannt (erlaubt: absenceContinuation, capacityExceeded, other)` });
    },
    filters: { caseId: { column: consents.caseId }, party: { column: consents.party, schema: z.enum(["payer", "client"]) }, kind: { column: consents.kind } },
    periodColumn: consents.date,
    references: [caseReference],
  });

  registerResourceRoutes(app, context, {
    path: "crises",
    tag: TAG,
    label: "Krise",
    table: crises,
    description: "Akute Krisensituation (A3-R16, A3-R17); Filter `from`/`to` gelten für den Beginn.",
    fields: {
      caseId: referenceField("Fall"),
      from: isoDateField.describe("Beginn"),
      to: optionalField(isoDateField.describe("Ende; leer, solange die Krise andauert")),
      note: optionalField(textField()),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "from", "to", (from, to) => `Ende der Krise ${to} liegt vor ihrem Beginn ${from}`),
    filters: { caseId: { column: crises.caseId } },
    periodColumn: crises.from,
    references: [caseReference],
    beforeDelete: (scope, id) => refuseDeleteWhileReferenced(scope, id, "Die Krise", [{ table: contacts, column: contacts.crisisId, label: "Kontakte" }]),
  });

  registerResourceRoutes(app, context, {
    path: "contacts",
    tag: TAG,
    label: "Kontakt",
    table: contacts,
    description: "Kontakt, z. B. der wöchentliche Kontakt während einer Krise (D14); `crisisId` nennt eine Krise desselben Falls.",
    fields: {
      caseId: referenceField("Fall"),
      date: isoDateField,
      kind: z.enum(CONTACT_KINDS).describe("crisisContact, payerContact, relativeContact, other"),
      crisisId: optionalField(referenceField("Krise desselben Falls")),
      note: optionalField(textField()),
    },
    filters: { caseId: { column: contacts.caseId }, kind: { column: contacts.kind, schema: z.enum(CONTACT_KINDS) }, crisisId: { column: contacts.crisisId } },
    periodColumn: contacts.date,
    references: [caseReference],
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete")
        await checkSameParent(scope, { field: "crisisId", value: record.crisisId, table: crises, parentKey: "caseId", parentId: record.caseId, label: "Krise", parentLabel: "Fall" });
    },
  });

  registerResourceRoutes(app, context, {
    path: "case-events",
    tag: TAG,
    label: "Ereignis",
    table: caseEvents,
    description: "Ereignis, das Fristen auslöst (M10), z. B. gesamtplanChange.",
    fields: {
      caseId: referenceField("Fall"),
      kind: z.string().min(1).max(100).describe("Art des Ereignisses wie in deadlines.yaml"),
      date: isoDateField,
      note: optionalField(textField()),
    },
    filters: { caseId: { column: caseEvents.caseId }, kind: { column: caseEvents.kind } },
    periodColumn: caseEvents.date,
    references: [caseReference],
  });

  registerResourceRoutes(app, context, {
    path: "accompaniments",
    tag: TAG,
    label: "Begleitung im Krankenhaus",
    table: accompaniments,
    description: "Begleitung im Krankenhaus (A4 § 5.8): Minuten und Qualifikation der begleitenden Kraft.",
    fields: {
      caseId: referenceField("Fall"),
      date: isoDateField,
      minutes: z.number().int().positive().max(24 * 60).describe("Dauer in Minuten"),
      qualification: z.string().min(1).max(100).describe("z. B. skilled (Fachkraft) oder nonSkilled (Nicht-Fachkraft), wie `ratesByQualification` der Vereinbarung"),
    },
    filters: { caseId: { column: accompaniments.caseId }, qualification: { column: accompaniments.qualification } },
    periodColumn: accompaniments.date,
    references: [caseReference],
  });
}
