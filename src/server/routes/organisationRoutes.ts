/**
 * Organisations: providers (the tenants) and payers with Leitweg-ID, address, contact, tax number, VAT id and
 * IBAN. A global reference table without tenant column, so the routes are written here rather than through the
 * generic factory: a tenant sees every payer and its own provider organisation, creates payers, and changes
 * only its own organisation. Provider organisations are set up by the operator, never through this API.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LAENDER } from "../../domain/calendar/publicHolidays.ts";
import { organisations } from "../../store/schema/index.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { createPage, decodeCursor, pageSchema, paginationQuerySchema } from "../pagination.ts";
import { notFound, ProblemError } from "../problem.ts";
import { idParamsSchema, idSchema, presentRow } from "../resourceRoutes.ts";
import { contactPointField, ibanField, leitwegIdField, postalAddressField, taxNumberField, vatIdField } from "./organisationFields.ts";
import { optionalField } from "./recordFields.ts";

const TAG = "Organisationen";
const LABEL = "Organisation";

const writableFields = {
  name: z.string().min(1).max(200).describe("Name"),
  leitwegId: optionalField(leitwegIdField),
  land: optionalField(z.enum(LAENDER).describe("Bundesland")),
  address: postalAddressField.optional(),
  contact: contactPointField.optional(),
  taxNumber: optionalField(taxNumberField),
  vatId: optionalField(vatIdField),
  iban: optionalField(ibanField),
  bic: optionalField(z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, "BIC aus 8 oder 11 Zeichen, z. B. „BRLADE22XXX“").describe("BIC")),
};

const createSchema = z.object({ kind: z.enum(["provider", "payer"]).describe("provider: Leistungserbringer; payer: Leistungsträger"), ...writableFields }).strict();
const patchSchema = z.object(writableFields).partial().strict();

const organisationSchema = z
  .object({
    id: idSchema,
    kind: z.enum(["provider", "payer"]),
    name: z.string(),
    leitwegId: z.string().optional(),
    land: z.string().optional(),
    address: z.record(z.string(), z.string()),
    contact: z.record(z.string(), z.string()),
    taxNumber: z.string().optional(),
    vatId: z.string().optional(),
    iban: z.string().optional(),
    bic: z.string().optional(),
    createdAt: z.string(),
  })
  .describe(LABEL);

const listQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(["provider", "payer"]).optional(),
  name: z.string().max(200).optional(),
  leitwegId: z.string().max(46).optional(),
});

/** What the actor may read: every payer and its own organisation. */
function visibleTo(scope: RequestScope): SQL {
  return or(eq(organisations.kind, "payer"), eq(organisations.id, scope.actor.organisationId))!;
}

async function findVisible(scope: RequestScope, id: string) {
  const rows = await scope.tx.select().from(organisations).where(and(eq(organisations.id, id), visibleTo(scope))).limit(1);
  if (!rows[0]) throw notFound(LABEL, id);
  return rows[0];
}

/** IBAN without spaces, in capitals, as invoices print it. */
function normaliseValues<T extends { iban?: string | null }>(values: T): T {
  return typeof values.iban === "string" ? { ...values, iban: values.iban.replace(/ /g, "").toUpperCase() } : values;
}

export function registerOrganisationRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/v1/organisations";

  routes.get(
    base,
    { schema: { tags: [TAG], summary: "Organisationen: Liste (alle Leistungsträger und die eigene Organisation)", querystring: listQuerySchema, response: { 200: pageSchema(organisationSchema) } } },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        const conditions: SQL[] = [visibleTo(scope)];
        if (query.kind) conditions.push(eq(organisations.kind, query.kind));
        if (query.name) conditions.push(eq(organisations.name, query.name));
        if (query.leitwegId) conditions.push(eq(organisations.leitwegId, query.leitwegId));
        const after = decodeCursor(query.cursor);
        if (after !== undefined) conditions.push(gt(organisations.id, after));
        const rows = await scope.tx
          .select()
          .from(organisations)
          .where(and(...conditions))
          .orderBy(asc(organisations.id))
          .limit(query.limit + 1);
        return createPage(rows.map(presentRow), query.limit) as never;
      }),
  );

  routes.get(
    `${base}/:id`,
    { schema: { tags: [TAG], summary: "Organisation: lesen", params: idParamsSchema, response: { 200: organisationSchema } } },
    async (request) => runInTransaction(context, request.actor, async (scope) => presentRow(await findVisible(scope, request.params.id)) as never),
  );

  routes.post(
    base,
    {
      schema: {
        tags: [TAG],
        summary: "Leistungsträger anlegen",
        description: "Angelegt werden nur Leistungsträger (kind: payer); Leistungserbringer richtet der Betrieb ein.",
        body: createSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const stored = await runInTransaction(context, request.actor, async (scope) => {
        const { kind, ...values } = request.body;
        if (kind !== "payer")
          throw new ProblemError(403, "Über die API werden nur Leistungsträger angelegt; Leistungserbringer richtet der Betrieb ein", [
            { path: "body.kind", message: "nur „payer“ erlaubt", value: kind },
          ]);
        const inserted = await scope.tx
          .insert(organisations)
          .values({ ...normaliseValues(values), kind, id: randomUUID() })
          .returning();
        return presentRow(inserted[0]!);
      });
      return reply.code(201).send(stored as never);
    },
  );

  routes.patch(
    `${base}/:id`,
    { schema: { tags: [TAG], summary: "Eigene Organisation ändern", params: idParamsSchema, body: patchSchema, response: { 200: organisationSchema } } },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const current = await findVisible(scope, request.params.id);
        if (current.id !== scope.actor.organisationId) throw new ProblemError(403, `Nur die eigene Organisation kann geändert werden, nicht „${current.id}“`);
        const updated = await scope.tx
          .update(organisations)
          .set(normaliseValues(request.body))
          .where(eq(organisations.id, current.id))
          .returning();
        return presentRow(updated[0]!) as never;
      }),
  );
}
