/**
 * The one enforcement point of the access matrix (issue 4): before any /api/v1 route runs, the request's role
 * is checked against the route's area (accessMatrix.ts), and a route naming a row of a client's file checks
 * that the row exists in the actor's organisation and that the actor may see its client (clientScope.ts).
 * A Leitung opening a file not assigned to them must give a reason (X-Teilhabe-Reason), which goes into the
 * audit entry. Lists and writes are narrowed to the visible clients by resourceRoutes.ts and the routes with
 * their own queries; the decision is kept for the request's transaction (runInTransaction), which also
 * writes the audit entry (auditRequest.ts).
 */
import { getTableName, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../appContext.ts";
import { notFound, ProblemError } from "../problem.ts";
import { findAccess, findArea, isMethodAllowed, ROLE_LABELS, AREA_LABELS, type HumanRole } from "./accessMatrix.ts";
import { namedStatement, queryRows, type NamedStatement } from "../../store/rawQuery.ts";
import { CLIENT_LINKED_TABLES, clientViewOf, isClientAssigned, keepGrant, type ClientView, type RequestGrant } from "./clientScope.ts";

export const REASON_HEADER = "x-teilhabe-reason";

/** Routes without a session and without an area: log-in and the OpenAPI document. */
function isOpenRoute(routeUrl: string): boolean {
  return routeUrl.startsWith("/api/v1/auth/") || routeUrl === "/api/v1/openapi.json";
}

/** The reason header, URL-decoded (header values are ASCII; „Vertretung%20f%C3%BCr…“ carries umlauts). */
export function readReason(request: FastifyRequest): string | undefined {
  const raw = request.headers[REASON_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 500);
  } catch {
    return value.slice(0, 500);
  }
}

function refuseArea(role: HumanRole, area: string, hasId: boolean, id: string | undefined): ProblemError {
  // A route naming an id answers as if the id did not exist; a list or create route says what is refused.
  if (hasId) return notFound("Eintrag", id ?? "");
  return new ProblemError(403, `Die Rolle „${ROLE_LABELS[role]}“ hat keinen Zugriff auf diesen Bereich (${area})`);
}

const dialect = new PgDialect({ casing: "snake_case" });
const ROW_LOOKUPS = new Map<string, NamedStatement>();

/**
 * The statement that finds the row a route names, with its client, among the rows the view may see: one
 * prepared statement per table and kind of view (the values are the organisation, the id and the view's own).
 */
function rowLookupOf(segment: string, view: ClientView): NamedStatement {
  const key = `${segment}|${view.kind}`;
  let statement = ROW_LOOKUPS.get(key);
  if (statement) return statement;
  const { table, clientOf } = CLIENT_LINKED_TABLES[segment]!;
  const name = getTableName(table);
  const client = dialect.sqlToQuery(sql`${clientOf}`).sql;
  const visible =
    view.kind === "all"
      ? ""
      : view.kind === "assigned"
        ? `AND ${client} IN (SELECT a.client_id FROM client_assignments a WHERE a.organisation_id = $3 AND a.user_id = $4)`
        : view.kind === "own" && view.clientId
          ? `AND ${client} = $3`
          : "AND false";
  statement = namedStatement(`teilhabe_row_${name}_${view.kind}`, `SELECT ${client} AS "clientId" FROM "${name}" WHERE "${name}".organisation_id = $1 AND "${name}".id = $2 ${visible} LIMIT 1`);
  ROW_LOOKUPS.set(key, statement);
  return statement;
}

function rowLookupValues(organisationId: string, id: string, view: ClientView): unknown[] {
  if (view.kind === "assigned") return [organisationId, id, view.organisationId, view.userId];
  if (view.kind === "own" && view.clientId) return [organisationId, id, view.clientId];
  return [organisationId, id];
}

/** Decides one request: throws 403/404/428, or keeps the grant for the request's transaction. */
export async function authoriseRequest(context: AppContext, request: FastifyRequest): Promise<void> {
  const routeUrl = request.routeOptions.url;
  if (!routeUrl || !routeUrl.startsWith("/api/v1/") || isOpenRoute(routeUrl)) return;
  const actor = request.actor;
  if (!actor || actor.role === "system") return;
  const role = actor.role;
  const method = request.method.toUpperCase();
  const params = (request.params ?? {}) as Record<string, string>;
  const id = typeof params.id === "string" ? params.id : undefined;
  const area = findArea(method, routeUrl);
  // A route that is not in the matrix is refused to every person (accessMatrix.test.ts keeps the list whole).
  if (!area) throw notFound("Route", routeUrl);
  const access = findAccess(role, area);
  if (!access || !isMethodAllowed(access, method)) throw refuseArea(role, AREA_LABELS[area], id !== undefined, id);

  const view = clientViewOf(actor, access);
  const reason = readReason(request);
  let clientId: string | undefined;
  const segment = routeUrl.replace(/^\/api\/v1\//, "").split("/")[0] ?? "";
  const linked = id !== undefined ? CLIENT_LINKED_TABLES[segment] : undefined;
  if (linked && id !== undefined) {
    const { label } = linked;
    const rows = await queryRows<{ clientId: string | null }>(context.store.db, rowLookupOf(segment, view), rowLookupValues(actor.organisationId, id, view));
    if (rows.length === 0) throw notFound(label, id);
    clientId = (rows[0]!.clientId as string | null) ?? undefined;
    if (role === "leitung" && method === "GET" && clientId !== undefined && !reason && !(await isClientAssigned(context.store.db, actor.organisationId, actor.userId, clientId)))
      throw new ProblemError(
        428,
        `Diese Akte ist Ihnen nicht zugeordnet: bitte den Grund des Zugriffs in der Kopfzeile X-Teilhabe-Reason angeben (URL-kodiert); er wird mit dem Zugriff protokolliert`,
      );
  }
  const grant: RequestGrant = { area, access, view, method, routeUrl, id, query: (request.query ?? {}) as Record<string, unknown>, reason, clientId };
  keepGrant(actor, grant);
}

/** Registers the enforcement point for every route of the app (fastify applies root hooks to all routes). */
export function registerAuthorisation(app: FastifyInstance, context: AppContext): void {
  app.addHook("preValidation", async (request) => authoriseRequest(context, request));
}
