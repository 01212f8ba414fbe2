/**
 * Creating a record in one statement: the INSERT with its checks, and the request's audit entry, sent as one
 * SQL statement, without BEGIN and COMMIT (on PostgreSQL; the embedded engine runs it in its transaction as
 * usual). A single statement commits whole or not at all, so the guarantees of a request's transaction hold:
 *
 *     WITH written AS (INSERT … RETURNING columns, "references exist and the client is visible" AS checked,
 *                      the row's client),
 *          appended AS (INSERT INTO audit_appends … SELECT … FROM written)
 *     SELECT * FROM written WHERE teilhabe_refuse_unless(checked)
 *
 * A failed check raises (migration 0005), which undoes the row and its audit entry; the caller then explains
 * the refusal by the transactional path, which names every failed field (resourceRoutes.ts). The audit entry is
 * the one auditRequest.ts would append after the INSERT: its canonical text (auditChain.ts) is built here with
 * the row's client put in by the database as `to_json(client)::text`, which writes a string exactly as
 * JSON.stringify does (createInOneStatement.test.ts compares the two on arbitrary text, on both engines).
 *
 * The statement's text depends only on its shape (the table, which fields the body gives, which are null, the
 * request's view of clients, whether and how it is audited), never on a value: every value is a placeholder.
 * drizzle builds each shape once; later requests of the shape fill its placeholders and run it as a named
 * statement, prepared once per connection (rawQuery.ts). On PostgreSQL this is one round trip where the
 * transaction took four (BEGIN, INSERT, audit entry, COMMIT), and no statement is built or planned anew.
 */
import { createHash } from "node:crypto";
import { fillPlaceholders, getTableColumns, getTableName, sql, type Placeholder, type SQL } from "drizzle-orm";
import { PgDialect, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "./actor.ts";
import type { AppContext } from "./appContext.ts";
import { canonicalContentTail } from "./access/auditChain.ts";
import { auditAppendValues } from "./access/appendAuditEntry.ts";
import { describeAuditEntry } from "./access/auditRequest.ts";
import { grantOf, visibleClientCondition, type ClientView, type TenantTable } from "./access/clientScope.ts";
import { AUDIT_APPEND_COLUMNS } from "../store/auditAppendColumns.ts";
import { queryRows, type NamedStatement } from "../store/rawQuery.ts";
import { STORE_CASING } from "../store/store.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecord = Record<string, any>;

/** The SQLSTATE of teilhabe_refuse_unless (migration 0005). */
export const REFUSED_WRITE_CODE = "TH001";

/** Whether an error is the refusal of teilhabe_refuse_unless (directly, or as the cause drizzle wraps it in). */
export function isRefusedWrite(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    if ((current as { code?: unknown }).code === REFUSED_WRITE_CODE) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface OneStatementCreate {
  table: PgTable;
  /** The row's values, the organisation and the new id included. */
  values: AnyRecord;
  /** Ids of the values that must name an existing row of the organisation (the body's references). */
  references: Array<{ field: string; table: TenantTable }>;
  /** The row's client, for a table of a client's file: it must be one the request may see. */
  clientOf?: SQL | PgColumn | undefined;
}

const CHECKED = "__checked";
const CLIENT = "__client";
/** Stands for the row's client in the canonical text until the database puts it in. */
const CLIENT_MARK = "\u0000client\u0000";
/** Column types whose text the statement returns (as the session lookup does, rawQuery.ts), so both engines give the same strings. */
const AS_TEXT = /^(date|time|timestamp|interval)/;
/** At most this many shapes are kept; a request of another shape is built for itself. */
const SHAPE_CAPACITY = 500;

const dialect = new PgDialect({ casing: STORE_CASING });
const placeholder = (name: string): Placeholder => sql.placeholder(name);

interface Shape {
  statement: NamedStatement;
  /** The statement's parameters in order: placeholders (drizzle's, with the column's encoder) to fill per request. */
  params: unknown[];
}

const SHAPES = new Map<string, Shape>();

/** How the request is audited: not at all (the system role), with the client it names, or with the written row's. */
type AuditShape = "none" | "fixedClient" | "writtenClient";

/** The check that a body's reference names a row of the organisation (values, or placeholders for them). */
export function referenceExists(table: TenantTable, organisationId: string | Placeholder, id: string | Placeholder): SQL {
  return sql`EXISTS (SELECT 1 FROM ${table} WHERE ${table.organisationId} = ${organisationId} AND ${table.id} = ${id})`;
}

/** The request's view of clients with placeholders for its values (the view's kind is part of the shape). */
function placeholderView(view: ClientView | undefined): ClientView | undefined {
  if (view?.kind === "assigned") return { kind: "assigned", organisationId: placeholder("viewOrganisation") as unknown as string, userId: placeholder("viewUser") as unknown as string };
  if (view?.kind === "own" && view.clientId) return { kind: "own", clientId: placeholder("viewClient") as unknown as string };
  return view;
}

function viewValues(view: ClientView | undefined): AnyRecord {
  if (view?.kind === "assigned") return { viewOrganisation: view.organisationId, viewUser: view.userId };
  if (view?.kind === "own" && view.clientId) return { viewClient: view.clientId };
  return {};
}

/**
 * The audit_appends values as SQL over `written`, every value a placeholder `audit_<column>` (filled from
 * auditAppendValues, the same values appendAuditEntry.ts writes); with the written row's client, that client
 * and the canonical text around it come from the row.
 */
function auditAppendExpressions(audit: AuditShape, hasClient: boolean): SQL[] {
  const text = (name: string) => sql`${placeholder(name)}::text`;
  const writtenClient = hasClient ? sql.raw(`written."${CLIENT}"`) : sql`NULL::text`;
  return AUDIT_APPEND_COLUMNS.map((column) => {
    if (audit === "writtenClient" && column === "client") return writtenClient;
    if (audit === "writtenClient" && column === "content_tail") return sql`${text("auditTailBefore")} || coalesce(to_json(${writtenClient})::text, 'null') || ${text("auditTailAfter")}`;
    return text(`audit_${column}`);
  });
}

/** Builds the statement of a shape with drizzle, its values as placeholders. */
function buildShape(context: AppContext, write: OneStatementCreate, nullKeys: ReadonlySet<string>, view: ClientView | undefined, audit: AuditShape): Shape {
  const { table } = write;
  const values: AnyRecord = {};
  for (const key of Object.keys(write.values)) values[key] = nullKeys.has(key) ? sql`null` : placeholder(`value_${key}`);
  const checks: SQL[] = write.references.map((reference) => referenceExists(reference.table, placeholder("organisation"), placeholder(`reference_${reference.field}`)));
  if (write.clientOf) checks.push(visibleClientCondition(placeholderView(view), write.clientOf) ?? sql`true`);
  checks.push(sql`true`);
  // Every column under its field name ("caseId", not the stored "case_id"), as drizzle's own RETURNING names it.
  const returning: Record<string, SQL.Aliased> = { [CHECKED]: sql`(${sql.join(checks, sql` AND `)})`.as(CHECKED) };
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    returning[key] = (AS_TEXT.test(column.getSQLType()) ? sql`${column}::text` : sql`${column}`).as(key);
  }
  if (write.clientOf) returning[CLIENT] = sql`${write.clientOf}`.as(CLIENT);
  const insert = context.store.db.insert(table).values(values).returning(returning).getSQL();
  const appended =
    audit === "none"
      ? sql``
      : sql`, appended AS (INSERT INTO audit_appends (${sql.raw(AUDIT_APPEND_COLUMNS.join(", "))}) SELECT ${sql.join(auditAppendExpressions(audit, write.clientOf !== undefined), sql`, `)} FROM written)`;
  const query = dialect.sqlToQuery(sql`WITH written AS (${insert})${appended} SELECT * FROM written WHERE teilhabe_refuse_unless(written."${sql.raw(CHECKED)}")`);
  const name = `teilhabe_create_${getTableName(table)}_${createHash("sha256").update(query.sql).digest("hex").slice(0, 16)}`;
  return { statement: { name, text: query.sql }, params: query.params };
}

/** The request's audit entry as placeholder values, and how it is shaped. */
function auditValues(context: AppContext, actor: Actor, objectId: string): { audit: AuditShape; values: AnyRecord } {
  const grant = grantOf(actor);
  const record = grant ? describeAuditEntry(actor, grant, context.now(), { objectId }, { id: objectId }) : undefined;
  if (!record) return { audit: "none", values: {} };
  const appendValues = auditAppendValues(actor.organisationId, record);
  const values: AnyRecord = Object.fromEntries(AUDIT_APPEND_COLUMNS.map((column, index) => [`audit_${column}`, appendValues[index]]));
  if (record.clientId !== null && record.clientId !== undefined) return { audit: "fixedClient", values };
  const [before, after] = canonicalContentTail({ ...record, clientId: CLIENT_MARK }).split(JSON.stringify(CLIENT_MARK));
  return { audit: "writtenClient", values: { ...values, auditTailBefore: before, auditTailAfter: after } };
}

/** A row of the statement's result as drizzle's RETURNING gives it: the table's field names, its values mapped. */
function mapWrittenRow(table: PgTable, row: AnyRecord): AnyRecord {
  const record: AnyRecord = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    const value = row[key];
    record[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  if (CLIENT in row) record[CLIENT] = row[CLIENT];
  return record;
}

/**
 * Inserts the row and appends the request's audit entry in one statement. Resolves to the written row (the
 * table's fields, and `__client` when `clientOf` is given); rejects with the refusal (isRefusedWrite) when a
 * check failed, having changed nothing.
 */
export async function createInOneStatement(context: AppContext, actor: Actor, write: OneStatementCreate): Promise<AnyRecord & { __client?: string | null }> {
  const given = Object.entries(write.values).filter(([, value]) => value !== undefined);
  const nullKeys = new Set(given.filter(([, value]) => value === null).map(([key]) => key));
  const view = grantOf(actor)?.view;
  const objectId = String(write.values.id);
  const { audit, values: auditPlaceholders } = auditValues(context, actor, objectId);
  const shapeKey = [
    getTableName(write.table),
    given.map(([key]) => (nullKeys.has(key) ? `${key}=null` : key)).join(","),
    write.references.map((reference) => reference.field).join(","),
    write.clientOf ? `${view?.kind ?? "all"}${view?.kind === "own" && view.clientId ? "+" : ""}` : "-",
    audit,
  ].join("|");
  const givenWrite = { ...write, values: Object.fromEntries(given) };
  let shape = SHAPES.get(shapeKey);
  if (!shape) {
    shape = buildShape(context, givenWrite, nullKeys, view, audit);
    if (SHAPES.size < SHAPE_CAPACITY) SHAPES.set(shapeKey, shape);
  }
  const placeholderValues: AnyRecord = { organisation: actor.organisationId, ...viewValues(view), ...auditPlaceholders };
  for (const [key, value] of given) if (value !== null) placeholderValues[`value_${key}`] = value;
  for (const reference of write.references) placeholderValues[`reference_${reference.field}`] = String(write.values[reference.field]);
  const params = fillPlaceholders(shape.params, placeholderValues);
  const statement = shape.statement;
  return context.store.single(async (executor) => {
    const [row] = await queryRows<AnyRecord>(executor, statement, params);
    return mapWrittenRow(write.table, row!);
  });
}
