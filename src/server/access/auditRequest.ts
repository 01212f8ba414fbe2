/**
 * The audit entry of one request (issue 4): every write and every read of a client's file appends one entry in
 * the request's own transaction — who (user, role), when, what (action, object type and id, client), from
 * which address and why (the reason a Leitung gave). A list request is one entry naming its filter, not one
 * per row. Entries never hold the data itself: no texts, no values, only ids and filter names.
 * Requests of the "system" role (tests, CLI, benchmarks; no account has it) are not audited.
 */
import type { Actor } from "../actor.ts";
import type { Transaction } from "../../store/store.ts";
import { CLIENT_FILE_AREAS } from "./accessMatrix.ts";
import { appendAuditEntry, wasAudited, type AuditRecord } from "./appendAuditEntry.ts";
import type { RequestGrant } from "./clientScope.ts";

/** What a route adds to its request's entry: the created object's id and its client. */
export interface AuditDetails {
  objectId?: string;
  clientId?: string;
}

const PAGING = new Set(["limit", "cursor"]);
/** Filters whose value is personal data: the entry names the filter, not the value. */
const PERSONAL_FILTERS = new Set(["name"]);

/** The filter of a list as text: "caseId=C-1&from=2026-03-01", or "alle". */
export function describeFilter(query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([key, value]) => !PAGING.has(key) && value !== undefined && value !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${PERSONAL_FILTERS.has(key) ? "(angegeben)" : String(value)}`);
  return parts.length > 0 ? parts.join("&") : "alle";
}

/** "clients/:id/month/:month" → object type "clients/month"; the action from the method and the route. */
function describeRoute(grant: RequestGrant): { action: string; objectType: string } {
  const segments = grant.routeUrl.replace(/^\/api\/v1\//, "").split("/");
  const fixed = segments.filter((segment) => !segment.startsWith(":"));
  const objectType = fixed.join("/");
  const suffix = fixed.length > 1 ? fixed.at(-1)! : undefined;
  if (grant.method === "GET") return { action: grant.id === undefined && !suffix ? "list" : "read", objectType };
  if (grant.method === "PATCH") return { action: "update", objectType };
  if (grant.method === "DELETE") return { action: "delete", objectType };
  return { action: suffix ?? "create", objectType };
}

export function shouldAudit(grant: RequestGrant): boolean {
  return grant.method !== "GET" || CLIENT_FILE_AREAS.has(grant.area);
}

/** The request's entry: who, when, what, from where and why; undefined when the request is not audited (shouldAudit). */
export function describeAuditEntry(actor: Actor, grant: RequestGrant, at: string, details: AuditDetails, result: unknown): AuditRecord | undefined {
  if (!shouldAudit(grant)) return undefined;
  const { action, objectType } = describeRoute(grant);
  const resultId = result && typeof result === "object" && "id" in result && typeof result.id === "string" ? result.id : undefined;
  const objectId = grant.id ?? details.objectId ?? (action === "list" ? describeFilter(grant.query) : resultId) ?? "-";
  const queryClient = typeof grant.query.clientId === "string" ? grant.query.clientId : undefined;
  return {
    at,
    userId: actor.userId,
    role: actor.role,
    address: actor.address,
    action,
    objectType,
    objectId,
    clientId: grant.clientId ?? details.clientId ?? queryClient ?? null,
    reason: grant.reason ?? null,
  };
}

/** Appends the request's entry unless the work already wrote its own (e.g. a deletion, a client's month). */
export async function auditRequest(tx: Transaction, actor: Actor, grant: RequestGrant, at: string, details: AuditDetails, result: unknown): Promise<void> {
  if (wasAudited(tx)) return;
  const record = describeAuditEntry(actor, grant, at, details, result);
  if (record) await appendAuditEntry(tx, actor.organisationId, record);
}
