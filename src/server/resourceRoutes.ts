/**
 * One generic set of routes for a tenant-keyed table: list (cursor, filters, period), read, create, change
 * (PATCH, re-validated whole), delete. Each router describes its resource as data (fields, filters, references)
 * and this file turns it into validated, documented, transactional routes. Every query is scoped by the
 * actor's organisation, so an id of another tenant is simply not found (404).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, gt, gte, lte, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findClientLinkedTable, visibleClientCondition, type TenantTable } from "./access/clientScope.ts";
import type { Actor } from "./actor.ts";
import { runInTransaction, runRead, type AppContext, type RequestScope } from "./appContext.ts";
import { createInOneStatement, isRefusedWrite, referenceExists } from "./createInOneStatement.ts";
import { createPage, decodeCursor, pageSchema, paginationQuerySchema } from "./pagination.ts";
import { invalidInput, notFound, type InvalidField } from "./problem.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecord = Record<string, any>;
/** A row as the API shows it. */
export type StoredRecord = AnyRecord & { id: string; createdAt: string };

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
  /**
   * Whether afterWrite has work for a created record (default: always, when afterWrite is given). A create
   * without such work is one statement with its checks and audit entry (createInOneStatement.ts).
   */
  needsAfterCreate?: (body: AnyRecord) => boolean;
  /** Extra German description for the OpenAPI document. */
  description?: string;
}

/**
 * PostgreSQL's text form of a timestamp with time zone ("2026-12-01 18:03:36.063+00", or in JSON
 * "2026-12-01T18:03:36.063+00:00") in a `…At` column; shown as ISO 8601.
 */
const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}(:\d{2})?$/;

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

/** Keys of the values a write's RETURNING adds for its checks (not columns of any table). */
const WRITTEN_CLIENT = "__writtenClientId";
const WRITTEN_VISIBLE = "__writtenVisible";
const WRITTEN_REFERENCE = "__writtenReference";

/** The references of a body that name a row (a field left out or null references nothing). */
function presentReferences(definition: ResourceDefinition, body: AnyRecord): Reference[] {
  return (definition.references ?? []).filter((reference) => body[reference.field] !== undefined && body[reference.field] !== null);
}

/**
 * What a write returns: the row's columns; whether each row the body references exists in the organisation;
 * and, for a table of a client's file, the row's client and whether the request may see it. All computed by
 * the INSERT/UPDATE itself (RETURNING), so the checks cost no statement of their own; a failed check throws
 * and the request's transaction rolls the write back.
 */
function writtenRowSelection(scope: RequestScope, definition: ResourceDefinition, body: AnyRecord): Record<string, PgColumn | SQL> {
  const selection: Record<string, PgColumn | SQL> = { ...(getTableColumns(definition.table as PgTable) as Record<string, PgColumn>) };
  presentReferences(definition, body).forEach((reference, index) => {
    selection[`${WRITTEN_REFERENCE}${index}`] = referenceExists(reference.table, scope.actor.organisationId, String(body[reference.field]));
  });
  const linked = findClientLinkedTable(definition.table as PgTable);
  if (linked) {
    selection[WRITTEN_CLIENT] = sql`${linked.clientOf}`;
    selection[WRITTEN_VISIBLE] = visibleRowsCondition(scope, definition.table as PgTable) ?? sql`true`;
  }
  return selection;
}

/**
 * Whether a create can be one statement (createInOneStatement.ts): when the resource has no work after the
 * write for this record.
 */
function createsInOneStatement(definition: ResourceDefinition, body: AnyRecord): boolean {
  if (!definition.afterWrite) return true;
  return definition.needsAfterCreate ? !definition.needsAfterCreate(body) : false;
}

const isTrue = (value: unknown) => value === true || value === "t";

/**
 * After a write: every row the body references must exist in the organisation (else 400 naming each field),
 * and the row must still be one the request may see (a Fachkraft cannot create or move a record into the file
 * of a client not assigned to them; else 404 naming the referenced row). Either way the transaction rolls
 * back. Notes the row's client for the audit entry. Returns the row without the checks' values.
 */
function checkWrittenRow(scope: RequestScope, definition: ResourceDefinition, written: AnyRecord, body: AnyRecord): AnyRecord {
  const { [WRITTEN_CLIENT]: clientId, [WRITTEN_VISIBLE]: visible, ...row } = written;
  const problems: InvalidField[] = [];
  presentReferences(definition, body).forEach((reference, index) => {
    const key = `${WRITTEN_REFERENCE}${index}`;
    if (!isTrue(row[key])) problems.push({ path: `body.${reference.field}`, message: `${reference.label} „${String(body[reference.field])}“ nicht gefunden`, value: body[reference.field] });
    delete row[key];
  });
  if (problems.length > 0) throw invalidInput(problems);
  if (!(WRITTEN_VISIBLE in written)) return row;
  if (clientId) scope.audit.clientId = clientId as string;
  if (isTrue(visible)) return row;
  const reference = presentReferences(definition, body)[0];
  throw reference ? notFound(reference.label, String(body[reference.field])) : notFound(definition.label, String(row.id));
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
      runRead(context, request.actor, async (scope) => {
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
    async (request) => runRead(context, request.actor, async (scope) => presentRow(await findOwnRow(scope, table, request.params.id, label))),
  );

  /** The create as one transaction: the INSERT with its checks, afterWrite, the audit entry (runInTransaction). */
  const createInTransaction = (actor: Actor, body: AnyRecord) =>
    runInTransaction(context, actor, async (scope) => {
      const inserted = await scope.tx
        .insert(table)
        .values({ ...body, organisationId: scope.actor.organisationId, id: randomUUID() })
        .returning(writtenRowSelection(scope, definition, body));
      const stored = presentRow(checkWrittenRow(scope, definition, inserted[0] as AnyRecord, body));
      scope.audit.objectId = stored.id;
      await definition.afterWrite?.(scope, stored, "create");
      return stored;
    });

  /**
   * The same create as one statement (createInOneStatement.ts). A refused check changes nothing, and the
   * transactional create then names the refusal (every missing reference, or the client not assigned).
   */
  const createWithoutTransaction = async (actor: Actor, body: AnyRecord) => {
    try {
      const { __client: _client, ...written } = await createInOneStatement(context, actor, {
        table,
        values: { ...body, organisationId: actor.organisationId, id: randomUUID() },
        references: presentReferences(definition, body).map((reference) => ({ field: reference.field, table: reference.table })),
        clientOf: findClientLinkedTable(table as PgTable)?.clientOf,
      });
      return presentRow(written);
    } catch (error) {
      if (isRefusedWrite(error)) return createInTransaction(actor, body);
      throw error;
    }
  };

  routes.post(
    base,
    { schema: { tags: [tag], summary: `${label}: anlegen`, body: createSchema, response: { 201: recordSchema } } },
    async (request, reply) => {
      const body = request.body as AnyRecord;
      const record = createsInOneStatement(definition, body) ? await createWithoutTransaction(request.actor, body) : await createInTransaction(request.actor, body);
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
        const updated = await scope.tx
          .update(table)
          .set(updateValues(definition, merged))
          .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, request.params.id)))
          .returning(writtenRowSelection(scope, definition, changes));
        const stored = presentRow(checkWrittenRow(scope, definition, updated[0] as AnyRecord, changes));
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
