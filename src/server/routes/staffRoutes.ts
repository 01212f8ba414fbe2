/**
 * Staff: members with their qualifications, contracts (weekly hours per period, optionally for one agreement)
 * and background checks. § 124 Abs. 2 SGB IX: of the extended certificate of good conduct only the inspection
 * date, the issue date and the result are stored; any other field (the certificate, its entries) is refused.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { agreementInstances, backgroundChecks, serviceEntries, staffContracts, staffMembers, tasks } from "../../store/schema/index.ts";
import type { AppContext } from "../appContext.ts";
import { hoursField, isoDateField } from "../fieldSchemas.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { checkDateOrder, optionalField, referenceField } from "./recordFields.ts";
import { refuseDeleteWhileReferenced } from "./referenceChecks.ts";

const TAG = "Personal";
const staffReference = { field: "staffId", table: staffMembers, label: "Mitarbeitende:r" };

export function registerStaffRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "staff-members",
    tag: TAG,
    label: "Mitarbeitende:r",
    table: staffMembers,
    fields: {
      name: z.string().min(1).max(200),
      qualifications: z
        .array(z.string().min(1).max(100))
        .max(50)
        .refine((list) => new Set(list).size === list.length, "Qualifikation doppelt angegeben")
        .optional()
        .describe("Qualifikationen wie in den Qualifikationskatalogen der Vereinbarungen, z. B. Sozialpädagogik"),
    },
    filters: { name: { column: staffMembers.name } },
    beforeDelete: (scope, id) =>
      refuseDeleteWhileReferenced(scope, id, "Die/der Mitarbeitende", [
        { table: staffContracts, column: staffContracts.staffId, label: "Arbeitsverträge" },
        { table: backgroundChecks, column: backgroundChecks.staffId, label: "Führungszeugnisse" },
        { table: serviceEntries, column: serviceEntries.staffId, label: "Leistungseinträge" },
        { table: tasks, column: tasks.assigneeId, label: "Aufgaben" },
      ]),
  });

  registerResourceRoutes(app, context, {
    path: "staff-contracts",
    tag: TAG,
    label: "Arbeitsvertrag",
    table: staffContracts,
    description: "Wochenstunden je Zeitraum; Filter `from`/`to` gelten für den Beginn.",
    fields: {
      staffId: referenceField("Mitarbeitende:r"),
      from: isoDateField.describe("Beginn"),
      to: optionalField(isoDateField.describe("Ende")),
      weeklyHours: hoursField.describe("vertragliche Wochenstunden, z. B. 39.00"),
      function: optionalField(z.string().min(1).max(200).describe("Funktion, z. B. Fachkraft, Leitung")),
      agreementInstanceId: optionalField(referenceField("Vereinbarung des Trägers, für die die Stelle geführt wird")),
    },
    refine: (record, refinement) => {
      checkDateOrder(record, refinement, "from", "to", (from, to) => `Vertragsende ${to} liegt vor dem Beginn ${from}`);
      if (typeof record.weeklyHours === "string" && Number(record.weeklyHours) > 168) refinement.addIssue({ code: "custom", path: ["weeklyHours"], message: `${record.weeklyHours} Wochenstunden sind mehr als eine Woche hat (168)` });
    },
    filters: { staffId: { column: staffContracts.staffId }, agreementInstanceId: { column: staffContracts.agreementInstanceId } },
    periodColumn: staffContracts.from,
    references: [staffReference, { field: "agreementInstanceId", table: agreementInstances, label: "Vereinbarung" }],
  });

  registerResourceRoutes(app, context, {
    path: "background-checks",
    tag: TAG,
    label: "Führungszeugnis",
    table: backgroundChecks,
    description:
      "Erweitertes Führungszeugnis (§ 124 Abs. 2 SGB IX): gespeichert werden nur Datum der Einsichtnahme, Ausstellungsdatum und Ergebnis – nie das Zeugnis oder seine Einträge; jedes weitere Feld wird abgelehnt.",
    fields: {
      staffId: referenceField("Mitarbeitende:r"),
      inspectedOn: isoDateField.describe("Datum der Einsichtnahme"),
      issuedOn: isoDateField.describe("Ausstellungsdatum des Zeugnisses"),
      result: z.enum(["noEntries", "relevantEntries"]).describe("noEntries: keine Einträge; relevantEntries: einschlägige Einträge"),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "issuedOn", "inspectedOn", (issued, inspected) => `Einsichtnahme am ${inspected} liegt vor der Ausstellung am ${issued}`),
    filters: { staffId: { column: backgroundChecks.staffId }, result: { column: backgroundChecks.result, schema: z.enum(["noEntries", "relevantEntries"]) } },
    periodColumn: backgroundChecks.inspectedOn,
    references: [staffReference],
  });
}
