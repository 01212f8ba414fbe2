/**
 * Data-protection duties (issue 4): the audit trail (list, verification), the access report per person
 * (Art. 15 GDPR, JSON and PDF), deletion after the end of retention (M15, D29; 409 before it) and the
 * deletion-review tasks. Every query is scoped by the actor's organisation; the access matrix decides who may
 * call which (audit: administrator).
 */
import { and, asc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEntries, clients } from "../../store/schema/index.ts";
import { runInTransaction, type AppContext } from "../appContext.ts";
import { collectAccessReport } from "../dataProtection/accessReport.ts";
import { verifyStoredAuditChain } from "../dataProtection/auditVerification.ts";
import { computeClientRetention } from "../dataProtection/clientRetention.ts";
import { deleteClientData } from "../dataProtection/deleteClientData.ts";
import { createRetentionReviewTasks } from "../dataProtection/retentionReview.ts";
import { decodeCursor, encodeCursor, paginationQuerySchema } from "../pagination.ts";
import { invalidInput } from "../problem.ts";
import { findOwnRow, idParamsSchema } from "../resourceRoutes.ts";
import { renderAccessReportPdf } from "../documents/documentRenderers.ts";

const TAG = "Datenschutz";

const auditEntrySchema = z
  .object({
    sequence: z.number().int(),
    at: z.string(),
    userId: z.string(),
    role: z.string(),
    address: z.string(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    clientId: z.string().nullable(),
    reason: z.string().nullable(),
    previousHash: z.string(),
    hash: z.string(),
  })
  .describe("Protokolleintrag");

const auditQuerySchema = paginationQuerySchema.extend({
  clientId: z.string().max(200).optional().describe("nur Einträge über diese Person"),
  from: z.iso.date().optional().describe("von (einschließlich, Tag in UTC)"),
  to: z.iso.date().optional().describe("bis (einschließlich, Tag in UTC)"),
});

/** A typed result as the loose JSON objects of the response schemas (interfaces have no index signature). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function asJson(value: object): any {
  return value;
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function registerDataProtectionRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/audit",
    {
      schema: {
        tags: [TAG],
        summary: "Zugriffsprotokoll: Liste",
        description: "Wer hat wann was gelesen oder geändert, von welcher Adresse und warum; in der Reihenfolge des Protokolls, seitenweise.",
        querystring: auditQuerySchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        if (query.from && query.to && query.from > query.to) throw invalidInput([{ path: "query.to", message: `„bis“ ${query.to} liegt vor „von“ ${query.from}`, value: query.to }]);
        const conditions: SQL[] = [eq(auditEntries.organisationId, scope.actor.organisationId)];
        if (query.clientId) conditions.push(eq(auditEntries.clientId, query.clientId));
        if (query.from) conditions.push(gte(auditEntries.at, query.from));
        if (query.to) conditions.push(lt(auditEntries.at, nextDay(query.to)));
        const after = decodeCursor(query.cursor);
        if (after !== undefined) {
          if (!/^\d+$/.test(after)) throw invalidInput([{ path: "query.cursor", message: "ungültige Fortsetzungsmarke", value: query.cursor }]);
          conditions.push(gt(auditEntries.sequence, Number(after)));
        }
        const rows = await scope.tx
          .select()
          .from(auditEntries)
          .where(and(...conditions))
          .orderBy(asc(auditEntries.sequence))
          .limit(query.limit + 1);
        const items = rows.slice(0, query.limit).map(({ organisationId: _organisationId, ...entry }) => entry);
        return { items, nextCursor: rows.length > query.limit ? encodeCursor(String(items.at(-1)!.sequence)) : null };
      }),
  );

  routes.get(
    "/api/v1/audit/verification",
    {
      schema: {
        tags: [TAG],
        summary: "Zugriffsprotokoll prüfen",
        description: "Prüft die Hash-Kette des Protokolls der Organisation und ihren Kopf; nennt den ersten veränderten oder fehlenden Eintrag.",
        response: {
          200: z.object({
            organisationId: z.string(),
            entryCount: z.number().int(),
            headSequence: z.number().int(),
            intact: z.boolean(),
            firstBreak: z.object({ sequence: z.number().int(), problem: z.string(), message: z.string() }).optional(),
            message: z.string(),
          }),
        },
      },
    },
    async (request) => runInTransaction(context, request.actor, (scope) => verifyStoredAuditChain(scope.tx, scope.actor.organisationId)),
  );

  routes.get(
    "/api/v1/clients/:id/access-report",
    {
      schema: {
        tags: [TAG],
        summary: "Auskunft nach Art. 15 DSGVO (JSON)",
        description: "Alles, was über die Person gespeichert ist (aus jeder Tabelle mit ihren Zeilen), das Zugriffsprotokoll über sie, Empfänger, Zwecke und Speicherdauer.",
        params: idParamsSchema,
        response: {
          200: z.looseObject({
            organisation: z.looseObject({}),
            client: z.looseObject({}),
            createdAt: z.string(),
            tables: z.array(z.looseObject({ table: z.string(), label: z.string(), rows: z.array(z.looseObject({})) })),
            auditEntries: z.array(z.looseObject({})),
            recipients: z.array(z.looseObject({})),
            purposes: z.array(z.string()),
            retention: z.looseObject({}),
          }),
        },
      },
    },
    async (request) => asJson(await runInTransaction(context, request.actor, (scope) => collectAccessReport(scope, request.params.id))),
  );

  routes.get(
    "/api/v1/clients/:id/access-report.pdf",
    { schema: { tags: [TAG], summary: "Auskunft nach Art. 15 DSGVO (PDF)", params: idParamsSchema } },
    async (request, reply) => {
      const report = await runInTransaction(context, request.actor, (scope) => collectAccessReport(scope, request.params.id));
      const pdf = await renderAccessReportPdf(report);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="auskunft-${encodeURIComponent(request.params.id)}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  routes.get(
    "/api/v1/clients/:id/retention",
    {
      schema: {
        tags: [TAG],
        summary: "Aufbewahrung der Person (M15, D29)",
        description: "Bis wann die Daten der Person aufzubewahren sind (über alle Fälle, mit Regel und Fundstelle) und ob die Löschung am Stichtag gesperrt ist.",
        params: idParamsSchema,
        querystring: z.object({ asOf: z.iso.date().optional().describe("Stichtag (Standard: heute)") }),
        response: {
          200: z.looseObject({
            clientId: z.string(),
            asOf: z.string(),
            status: z.enum(["noCases", "caseOpen", "retained", "ended"]),
            retainUntil: z.string().nullable(),
            decidingCase: z.looseObject({}).nullable(),
            cases: z.array(z.looseObject({})),
            message: z.string(),
          }),
        },
      },
    },
    async (request) =>
      asJson(
        await runInTransaction(context, request.actor, async (scope) => {
          await findOwnRow(scope, clients, request.params.id, "Klient:in");
          return computeClientRetention(scope.tx, context.catalogue, scope.actor.organisationId, request.params.id, request.query.asOf ?? context.today());
        }),
      ),
  );

  routes.post(
    "/api/v1/clients/:id/deletion",
    {
      schema: {
        tags: [TAG],
        summary: "Daten der Person löschen (nach Ablauf der Aufbewahrung)",
        description:
          "409, solange ein Fall läuft oder eine Aufbewahrungsfrist (M15, D29) nicht abgelaufen ist, mit Datum und Regel. Danach werden die Daten der Person aus jeder Tabelle gelöscht; ausgestellte Rechnungen bleiben (GoBD), nur mit der zufälligen Kennung der Person.",
        params: idParamsSchema,
        response: {
          200: z.object({
            clientId: z.string(),
            deletedOn: z.string(),
            retention: z.looseObject({}),
            deleted: z.array(z.object({ table: z.string(), rows: z.number().int() })),
            kept: z.array(z.object({ table: z.string(), rows: z.number().int(), reason: z.string() })),
            remainingMentions: z.array(z.object({ table: z.string(), rows: z.number().int() })).describe("Zeilen anderer, deren Freitext den Namen der Person noch enthält: prüfen"),
          }),
        },
      },
    },
    async (request) => asJson(await runInTransaction(context, request.actor, (scope) => deleteClientData(scope, request.params.id))),
  );

  routes.post(
    "/api/v1/data-protection/retention-review",
    {
      schema: {
        tags: [TAG],
        summary: "Löschprüfung: Aufgaben anlegen",
        description: "Legt für jede Person, deren Aufbewahrungsfrist am Stichtag abgelaufen ist, eine Aufgabe „deletionReview“ mit Regel und Fundstelle an (D29: keine automatische Löschung). Wiederholbar ohne Doppel.",
        querystring: z.object({ asOf: z.iso.date().optional().describe("Stichtag (Standard: heute)") }),
        response: {
          200: z.object({
            asOf: z.string(),
            checkedClients: z.number().int(),
            createdCount: z.number().int(),
            tasks: z.array(
              z.object({ id: z.string(), clientId: z.string(), caseId: z.string(), retainUntil: z.string(), ruleId: z.string(), clause: z.string(), source: z.looseObject({}), created: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (request) => asJson(await runInTransaction(context, request.actor, (scope) => createRetentionReviewTasks(scope, request.query.asOf ?? context.today()))),
  );
}
