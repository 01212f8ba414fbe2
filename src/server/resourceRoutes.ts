/**
 * One generic set of routes for a tenant-keyed table: list (cursor, filters, period), read, create, change
 * (PATCH, re-validated whole), delete. Each router describes its resource as data (fields, filters, references)
 * and this file turns it into validated, documented, transactional routes. Every query is scoped by the
 * actor's organisation, so an id of another tenant is simply not found (404).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, gte, lte, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findClientLinkedTable, visibleClientCondition } from "./access/clientScope.ts";
import { runInTransaction, type AppContext, type RequestScope } from "./appContext.ts";
import { createPage, decodeCursor, pageSchema, paginationQuerySchema } from "./pagination.ts";
import { invalidInput, notFound, type InvalidField } from "./problem.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecord = Record<string, any>;
/** A row as the API shows it. */
export type StoredRecord = AnyRecord & { id: string; createdAt: string };
type TenantTable = PgTable & { organisationId: PgColumn; id: PgColumn };

export const idSchema = z.string().min(1).max(200).describe("ID");
export const idParamsSchema = z.object({ id: idSchema });

export interface Reference {
  /** Body field holding the id, e.g. "caseId". */
  field: string;
  table: TenantTable;
  /** German name for messages: "Fall". */
  label: string;
}

export interface ResourceDefinition {
  /** URL segment under /api/v1: "clients". */
  path: string;
  /** OpenAPI tag (German). */
  tag: string;
  /** German singular for messages: "Klient:in". */
  label: string;
  table: TenantTable;
  /** The writable fields, shaped as in the API (camelCase, same names as the columns). */
  fields: z.ZodRawShape;
  /** Cross-field rules checked on create and on the changed whole record. */
  refine?: (record: AnyRecord, context: z.RefinementCtx) => void;
  /** Equality filters of the list: query name → column. */
  filters?: Record<string, { column: PgColumn; schema?: z.ZodType }>;
  /** A date column that `from` / `to` filter (inclusive). */
  periodColumn?: PgColumn;
  /** Ids in the body that must name an existing row of the same tenant. */
  references?: Reference[];
  /** Checks before delete (a client with cases cannot be deleted: 409). */
  beforeDelete?: (scope: RequestScope, id: string) => Promise<void>;
  /** Called after every write with the stored record, inside the transaction. */
  afterWrite?: (scope: RequestScope, record: AnyRecord, operation: "create" | "update" | "delete") => Promise<void>;
  /** Extra German description for the OpenAPI document. */
  description?: string;
}

/** PostgreSQL's text form of a timestamp with time zone ("2026-12-01 18:03:36.063+00") in a `…At` column; shown as ISO 8601. */
const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}(:\d{2})?$/;

/** A stored row as the API shows it: without the tenant column, without empty (null) fields. */
export function presentRow(row: AnyRecord): StoredRecord {
  const record = {} as StoredRecord;
  for (const [key, value] of Object.entries(row)) {
    if (key === "organisationId" || value === null) continue;
    record[key] = key.endsWith("At") && typeof value === "string" && POSTGRES_TIMESTAMP.test(value) ? new Date(value).toISOString() : value;
  }
  return record;
}

/** The condition that narrows a client-linked table to the clients the request may see (clientScope.ts). */
export function visibleRowsCondition(scope: RequestScope, table: PgTable): SQL | undefined {
  const linked = findClientLinkedTable(table);
  return linked ? visibleClientCondition(scope.grant?.view, linked.clientOf) : undefined;
}

/** Finds a row of the actor's organisation by id that the request may see, or throws 404. */
export async function findOwnRow(scope: RequestScope, table: TenantTable, id: string, label: string): Promise<AnyRecord> {
  const rows = await scope.tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, id), visibleRowsCondition(scope, table)))
    .limit(1);
  const row = rows[0] as AnyRecord | undefined;
  if (!row) throw notFound(label, id);
  return row;
}

/**
 * After a write: the row must still be one the request may see (a Fachkraft cannot create or move a record
 * into the file of a client not assigned to them). Otherwise 404 naming the referenced row, and the
 * transaction rolls back. Notes the row's client for the audit entry.
 */
async function checkWrittenRowVisible(scope: RequestScope, definition: ResourceDefinition, id: string, body: AnyRecord): Promise<void> {
  const linked = findClientLinkedTable(definition.table as PgTable);
  if (!linked) return;
  const { table } = definition;
  const rows = await scope.tx
    .select({ clientId: linked.clientOf, visible: visibleRowsCondition(scope, table as PgTable) ?? sql`true` })
    .from(table as PgTable)
    .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, id)))
    .limit(1);
  const row = rows[0] as { clientId: string | null; visible: boolean } | undefined;
  if (row?.clientId) scope.audit.clientId = row.clientId;
  if (row && row.visible) return;
  const reference = (definition.references ?? []).find((candidate) => body[candidate.field] !== undefined && body[candidate.field] !== null);
  throw reference ? notFound(reference.label, String(body[reference.field])) : notFound(definition.label, id);
}

async function checkReferences(scope: RequestScope, references: Reference[] | undefined, record: AnyRecord): Promise<void> {
  const problems: InvalidField[] = [];
  for (const reference of references ?? []) {
    const value = record[reference.field];
    if (value === undefined || value === null) continue;
    const rows = await scope.tx
      .select({ id: reference.table.id })
      .from(reference.table as PgTable)
      .where(and(eq(reference.table.organisationId, scope.actor.organisationId), eq(reference.table.id, value)))
      .limit(1);
    if (rows.length === 0) problems.push({ path: `body.${reference.field}`, message: `${reference.label} „${value}“ nicht gefunden`, value });
  }
  if (problems.length > 0) throw invalidInput(problems);
}

function validateWhole(definition: ResourceDefinition, record: AnyRecord): AnyRecord {
  const schema = z.object(definition.fields).superRefine((value, context) => definition.refine?.(value, context));
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ path: ["body", ...issue.path.map(String)].join("."), message: issue.message })));
  return parsed.data;
}

/** Values for an update: every field of the shape; a field absent after the change becomes NULL. */
function updateValues(definition: ResourceDefinition, record: AnyRecord): AnyRecord {
  const values: AnyRecord = {};
  for (const key of Object.keys(definition.fields)) values[key] = record[key] ?? null;
  return values;
}

/**
 * The fields of a PATCH: the same as for create but without defaults. zod's `.partial()` keeps a field's
 * default, which would reset every omitted field with a default (a case's `needGroups`, `details`) to it.
 */
function withoutDefaults(fields: z.ZodRawShape): z.ZodRawShape {
  const result: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) result[name] = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
  return result;
}

export function registerResourceRoutes(app: FastifyInstance, context: AppContext, definition: ResourceDefinition): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { table, label, tag } = definition;
  const base = `/api/v1/${definition.path}`;
  const createSchema = z
    .object(definition.fields)
    .strict()
    .superRefine((value, refinement) => definition.refine?.(value, refinement));
  const patchSchema = z.object(withoutDefaults(definition.fields)).partial().strict();
  const recordSchema = z.object({ id: idSchema, ...definition.fields, createdAt: z.string() }).describe(label);

  const filterShape: Record<string, z.ZodType> = {};
  for (const [name, filter] of Object.entries(definition.filters ?? {})) filterShape[name] = (filter.schema ?? z.string().max(200)).optional();
  if (definition.periodColumn) {
    filterShape.from = z.iso.date().optional().describe("von (einschließlich)");
    filterShape.to = z.iso.date().optional().describe("bis (einschließlich)");
  }
  const listQuerySchema = paginationQuerySchema.extend(filterShape);

  routes.get(
    base,
    { schema: { tags: [tag], summary: `${label}: Liste`, description: definition.description, querystring: listQuerySchema, response: { 200: pageSchema(recordSchema) } } },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query as AnyRecord;
        const conditions: SQL[] = [eq(table.organisationId, scope.actor.organisationId)];
        const visible = visibleRowsCondition(scope, table as PgTable);
        if (visible) conditions.push(visible);
        for (const [name, filter] of Object.entries(definition.filters ?? {})) if (query[name] !== undefined) conditions.push(eq(filter.column, query[name]));
        if (definition.periodColumn && query.from) conditions.push(gte(definition.periodColumn, query.from));
        if (definition.periodColumn && query.to) conditions.push(lte(definition.periodColumn, query.to));
        const after = decodeCursor(query.cursor);
        if (after !== undefined) conditions.push(gt(table.id, after));
        const rows = await scope.tx
          .select()
          .from(table as PgTable)
          .where(and(...conditions))
          .orderBy(asc(table.id))
          .limit(query.limit + 1);
        return createPage((rows as AnyRecord[]).map(presentRow), query.limit);
      }),
  );

  routes.get(
    `${base}/:id`,
    { schema: { tags: [tag], summary: `${label}: lesen`, params: idParamsSchema, response: { 200: recordSchema } } },
    async (request) => runInTransaction(context, request.actor, async (scope) => presentRow(await findOwnRow(scope, table, request.params.id, label))),
  );

  routes.post(
    base,
    { schema: { tags: [tag], summary: `${label}: anlegen`, body: createSchema, response: { 201: recordSchema } } },
    async (request, reply) => {
      const record = await runInTransaction(context, request.actor, async (scope) => {
        const body = request.body as AnyRecord;
        await checkReferences(scope, definition.references, body);
        const inserted = await scope.tx
          .insert(table)
          .values({ ...body, organisationId: scope.actor.organisationId, id: randomUUID() })
          .returning();
        const stored = presentRow(inserted[0] as AnyRecord);
        scope.audit.objectId = stored.id;
        await checkWrittenRowVisible(scope, definition, stored.id, body);
        await definition.afterWrite?.(scope, stored, "create");
        return stored;
      });
      return reply.code(201).send(record);
    },
  );

  routes.patch(
    `${base}/:id`,
    { schema: { tags: [tag], summary: `${label}: ändern`, params: idParamsSchema, body: patchSchema, response: { 200: recordSchema } } },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const current = presentRow(await findOwnRow(scope, table, request.params.id, label));
        const changes = request.body as AnyRecord;
        const merged = validateWhole(definition, { ...current, ...changes });
        await checkReferences(scope, definition.references, changes);
        const updated = await scope.tx
          .update(table)
          .set(updateValues(definition, merged))
          .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, request.params.id)))
          .returning();
        const stored = presentRow(updated[0] as AnyRecord);
        await checkWrittenRowVisible(scope, definition, stored.id, changes);
        await definition.afterWrite?.(scope, stored, "update");
        return stored;
      }),
  );

  routes.delete(
    `${base}/:id`,
    { schema: { tags: [tag], summary: `${label}: löschen`, params: idParamsSchema, response: { 204: z.null().describe("gelöscht") } } },
    async (request, reply) => {
      await runInTransaction(context, request.actor, async (scope) => {
        const current = presentRow(await findOwnRow(scope, table, request.params.id, label));
        await definition.beforeDelete?.(scope, request.params.id);
        await scope.tx.delete(table).where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, request.params.id)));
        await definition.afterWrite?.(scope, current, "delete");
      });
      return reply.code(204).send(null);
    },
  );
}
