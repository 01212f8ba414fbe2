/**
 * Clients (Leistungsberechtigte) and their cases per agreement. `details` hold the facts the engine reads that
 * have no column of their own, validated with the case file's own schemas (caseFileSchema.ts), so that a bad
 * detail is refused with its path (`body.details.residence.land`) instead of surprising a billing run.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { caseFileSchema } from "../../domain/case/caseFileSchema.ts";
import {
  absences,
  accompaniments,
  agreementInstances,
  caseEvents,
  cases,
  clients,
  consents,
  contacts,
  costCoverages,
  crises,
  gesamtplans,
  hilfeplans,
  serviceEntries,
  tasks,
} from "../../store/schema/index.ts";
import type { AppContext, RequestScope } from "../appContext.ts";
import { conflict, invalidInput, type InvalidField } from "../problem.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { isoDateField } from "../fieldSchemas.ts";
import { checkDateOrder, objectCheckedBy, optionalField, referenceField } from "./recordFields.ts";
import { checkPayerReference, refuseDeleteWhileReferenced } from "./referenceChecks.ts";

const fileShape = caseFileSchema.shape;

/** The case file's `client` without the fields that are columns (id, name, birthDate). */
export const clientDetailsSchema = fileShape.client.omit({ id: true, name: true, birthDate: true }).describe("weitere Angaben wie in der Falldatei `client`");

/** The case file's `case` without its columns, plus the per-case parts of the file that have no table. */
export const caseDetailsSchema = fileShape.case
  .omit({ id: true, start: true, end: true, payer: true, accessStatus: true, needGroups: true })
  .extend({
    policies: fileShape.policies,
    caseInputs: fileShape.caseInputs,
    volumeExcuses: fileShape.volumeExcuses,
    admissionExceptions: fileShape.admissionExceptions,
  })
  .describe("weitere Angaben wie in der Falldatei `case` (careContractDate, rentExcess, …) sowie policies, caseInputs, volumeExcuses, admissionExceptions");

/** Per-case inputs must be inputs the case's agreement defines. */
async function checkCaseInputs(scope: RequestScope, record: Record<string, unknown>): Promise<void> {
  const caseInputs = (record.details as { caseInputs?: Record<string, unknown> } | undefined)?.caseInputs ?? {};
  if (Object.keys(caseInputs).length === 0) return;
  const rows = await scope.tx
    .select({ agreementId: agreementInstances.agreementId })
    .from(agreementInstances)
    .where(and(eq(agreementInstances.organisationId, scope.actor.organisationId), eq(agreementInstances.id, String(record.agreementInstanceId))))
    .limit(1);
  const agreement = rows[0] ? scope.context.catalogue.agreements.get(rows[0].agreementId) : undefined;
  if (!agreement) return;
  const defined = new Set(agreement.inputs.map((input) => input.id));
  const problems: InvalidField[] = Object.keys(caseInputs)
    .filter((id) => !defined.has(id))
    .map((id) => ({ path: `body.details.caseInputs.${id}`, message: `Eingabe ${id} ist in der Vereinbarung ${agreement.id} nicht definiert`, value: id }));
  if (problems.length > 0) throw invalidInput(problems);
}

export function registerClientRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "clients",
    tag: "Klient:innen",
    label: "Klient:in",
    table: clients,
    fields: {
      name: z.string().min(1).max(200).describe("Name der leistungsberechtigten Person"),
      birthDate: optionalField(isoDateField.describe("Geburtsdatum")),
      details: objectCheckedBy(clientDetailsSchema).optional().describe("weitere Angaben wie in der Falldatei `client` (disabilities, residence, assessments …)"),
    },
    filters: { name: { column: clients.name } },
    beforeDelete: async (scope, id) => {
      const open = await scope.tx.select({ id: cases.id }).from(cases).where(and(eq(cases.organisationId, scope.actor.organisationId), eq(cases.clientId, id))).limit(1);
      if (open.length > 0) throw conflict("Die Person hat noch Fälle; erst die Fälle löschen");
    },
  });

  registerResourceRoutes(app, context, {
    path: "cases",
    tag: "Fälle",
    label: "Fall",
    table: cases,
    fields: {
      clientId: referenceField("Klient:in"),
      agreementInstanceId: referenceField("Vereinbarung des Trägers"),
      payerId: optionalField(referenceField("Leistungsträger (Organisation mit kind: payer)")),
      start: isoDateField.describe("Aufnahme / Beginn der Leistungserbringung"),
      end: optionalField(isoDateField.describe("Beendigung")),
      accessStatus: z.enum(["regular", "provisional"]).optional().describe("Zugang: regulär (Standard) oder vorläufig (A3-R05)"),
      needGroups: z
        .array(z.object({ from: isoDateField, to: isoDateField.optional(), group: z.number().int().min(1).max(5), source: z.enum(["gesamtplan", "hmbw"]).default("gesamtplan") }).strict())
        .optional()
        .describe("Hilfebedarfsgruppen (A2)"),
      details: objectCheckedBy(caseDetailsSchema).optional().describe("weitere Angaben wie in der Falldatei `case` (careContractDate, rentExcess, …) sowie policies, caseInputs, volumeExcuses, admissionExceptions"),
    },
    refine: (record, refinement) => checkDateOrder(record, refinement, "start", "end", (start, end) => `Ende ${end} liegt vor dem Beginn ${start}`),
    filters: { clientId: { column: cases.clientId }, agreementInstanceId: { column: cases.agreementInstanceId }, payerId: { column: cases.payerId }, accessStatus: { column: cases.accessStatus } },
    periodColumn: cases.start,
    description: "Filter `from`/`to` gelten für den Beginn des Falls.",
    references: [
      { field: "clientId", table: clients, label: "Klient:in" },
      { field: "agreementInstanceId", table: agreementInstances, label: "Vereinbarung" },
    ],
    afterWrite: async (scope, record, operation) => {
      if (operation === "delete") return;
      await checkPayerReference(scope, record.payerId);
      await checkCaseInputs(scope, record);
    },
    beforeDelete: (scope, id) =>
      refuseDeleteWhileReferenced(scope, id, "Der Fall", [
        { table: serviceEntries, column: serviceEntries.caseId, label: "Leistungseinträge" },
        { table: costCoverages, column: costCoverages.caseId, label: "Kostenübernahmen" },
        { table: gesamtplans, column: gesamtplans.caseId, label: "Gesamtpläne" },
        { table: hilfeplans, column: hilfeplans.caseId, label: "Hilfepläne" },
        { table: absences, column: absences.caseId, label: "Abwesenheiten" },
        { table: consents, column: consents.caseId, label: "Zustimmungen" },
        { table: crises, column: crises.caseId, label: "Krisen" },
        { table: contacts, column: contacts.caseId, label: "Kontakte" },
        { table: caseEvents, column: caseEvents.caseId, label: "Ereignisse" },
        { table: accompaniments, column: accompaniments.caseId, label: "Begleitungen" },
        { table: tasks, column: tasks.caseId, label: "Aufgaben" },
      ]),
  });
}
