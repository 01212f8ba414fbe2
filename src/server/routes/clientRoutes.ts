/** Clients (Leistungsberechtigte) and their cases per agreement. */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { agreementInstances, cases, clients, organisations } from "../../store/schema/index.ts";
import type { AppContext } from "../appContext.ts";
import { conflict } from "../problem.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { isoDateField } from "../fieldSchemas.ts";

export function registerClientRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "clients",
    tag: "Klient:innen",
    label: "Klient:in",
    table: clients,
    fields: {
      name: z.string().min(1).max(200).describe("Name der leistungsberechtigten Person"),
      birthDate: isoDateField.optional().describe("Geburtsdatum"),
      details: z.record(z.string(), z.unknown()).default({}).describe("weitere Angaben wie in der Falldatei `client` (disabilities, residence, assessments …)"),
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
      clientId: z.string().min(1).max(200),
      agreementInstanceId: z.string().min(1).max(200).describe("Vereinbarung des Trägers"),
      payerId: z.string().min(1).max(200).optional().describe("Leistungsträger"),
      start: isoDateField.describe("Aufnahme / Beginn der Leistungserbringung"),
      end: isoDateField.optional().describe("Beendigung"),
      accessStatus: z.enum(["regular", "provisional"]).default("regular").describe("Zugang: regulär oder vorläufig (A3-R05)"),
      needGroups: z
        .array(z.object({ from: isoDateField, to: isoDateField.optional(), group: z.number().int().min(1).max(5), source: z.enum(["gesamtplan", "hmbw"]).default("gesamtplan") }).strict())
        .default([])
        .describe("Hilfebedarfsgruppen (A2)"),
      details: z.record(z.string(), z.unknown()).default({}).describe("weitere Angaben wie in der Falldatei `case` (careContractDate, rentExcess, policies, caseInputs …)"),
    },
    refine: (record, refinement) => {
      if (record.end && record.start && record.end < record.start) refinement.addIssue({ code: "custom", path: ["end"], message: `Ende ${record.end} liegt vor dem Beginn ${record.start}` });
    },
    filters: { clientId: { column: cases.clientId }, agreementInstanceId: { column: cases.agreementInstanceId }, payerId: { column: cases.payerId }, accessStatus: { column: cases.accessStatus } },
    periodColumn: cases.start,
    references: [
      { field: "clientId", table: clients, label: "Klient:in" },
      { field: "agreementInstanceId", table: agreementInstances, label: "Vereinbarung" },
    ],
  });
  void organisations;
}
