/**
 * Row-level access (issue 4): which client a row belongs to, and which clients the request may see. A Fachkraft
 * sees the clients assigned to them (client_assignments) and everything of those clients (cases, plans,
 * documentation, records, tasks); a client sees only their own file; the other roles of a provider see every
 * client of their organisation. Rows outside the request's view are "not found" (404), so ids leak nothing.
 */
import { and, eq, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  absences,
  accompaniments,
  caseEvents,
  cases,
  clientAssignments,
  clients,
  consents,
  contacts,
  costCoverages,
  crises,
  gesamtplans,
  hilfeplans,
  planGoals,
  planMeasures,
  planUpdates,
  serviceEntries,
  tasks,
} from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import type { Actor } from "../actor.ts";
import { notFound } from "../problem.ts";
import type { Access, Area } from "./accessMatrix.ts";

/** A table keyed by organisation (the tenant) and id. */
export type TenantTable = PgTable & { organisationId: PgColumn; id: PgColumn };

/**
 * The client of a row of a case-keyed table. Written with qualified names: drizzle leaves column names
 * unqualified in a select list, where they would be ambiguous inside the subquery.
 */
function clientOfCase(table: TenantTable & { caseId: PgColumn }): SQL {
  const name = `"${getTableName(table)}"`;
  return sql.raw(`(select c.client_id from cases c where c.organisation_id = ${name}.organisation_id and c.id = ${name}.case_id)`);
}

/** The client of a row that hangs under a Hilfeplan. */
function clientOfHilfeplan(table: TenantTable & { hilfeplanId: PgColumn }): SQL {
  const name = `"${getTableName(table)}"`;
  return sql.raw(
    `(select c.client_id from hilfeplans h join cases c on c.organisation_id = h.organisation_id and c.id = h.case_id where h.organisation_id = ${name}.organisation_id and h.id = ${name}.hilfeplan_id)`,
  );
}

interface ClientLinkedTable {
  table: TenantTable;
  /** SQL giving the row's client id (null when the row belongs to no client, e.g. a task without a case). */
  clientOf: SQL | PgColumn;
  /** German name for "not found". */
  label: string;
}

/** Tables of a client's file by their URL segment. */
export const CLIENT_LINKED_TABLES: Record<string, ClientLinkedTable> = {
  clients: { table: clients, clientOf: sql.raw(`"clients".id`), label: "Klient:in" },
  cases: { table: cases, clientOf: sql.raw(`"cases".client_id`), label: "Fall" },
  "cost-coverages": { table: costCoverages, clientOf: clientOfCase(costCoverages), label: "Kostenübernahme" },
  gesamtplans: { table: gesamtplans, clientOf: clientOfCase(gesamtplans), label: "Gesamtplan" },
  hilfeplans: { table: hilfeplans, clientOf: clientOfCase(hilfeplans), label: "Hilfeplan" },
  "plan-goals": { table: planGoals, clientOf: clientOfHilfeplan(planGoals), label: "Förderziel" },
  "plan-measures": { table: planMeasures, clientOf: clientOfHilfeplan(planMeasures), label: "Maßnahme" },
  "plan-updates": { table: planUpdates, clientOf: clientOfHilfeplan(planUpdates), label: "Fortschreibung" },
  "service-entries": { table: serviceEntries, clientOf: clientOfCase(serviceEntries), label: "Leistungseintrag" },
  absences: { table: absences, clientOf: clientOfCase(absences), label: "Abwesenheit" },
  consents: { table: consents, clientOf: clientOfCase(consents), label: "Einwilligung" },
  crises: { table: crises, clientOf: clientOfCase(crises), label: "Krise" },
  contacts: { table: contacts, clientOf: clientOfCase(contacts), label: "Kontakt" },
  "case-events": { table: caseEvents, clientOf: clientOfCase(caseEvents), label: "Fallereignis" },
  accompaniments: { table: accompaniments, clientOf: clientOfCase(accompaniments), label: "Begleitung" },
  tasks: { table: tasks, clientOf: clientOfCase(tasks), label: "Aufgabe" },
};

export function findClientLinkedTable(table: PgTable): ClientLinkedTable | undefined {
  return Object.values(CLIENT_LINKED_TABLES).find((linked) => linked.table === table);
}

/** Which clients a request may see. */
export type ClientView = { kind: "all" } | { kind: "assigned"; organisationId: string; userId: string } | { kind: "own"; clientId: string | undefined } | { kind: "none" };

/** What the enforcement point (authoriseRequest.ts) decided for one request, kept for its transaction. */
export interface RequestGrant {
  area: Area;
  access: Access;
  view: ClientView;
  method: string;
  routeUrl: string;
  id: string | undefined;
  query: Record<string, unknown>;
  /** Why a Leitung opens a file not assigned to them (X-Teilhabe-Reason). */
  reason: string | undefined;
  /** The client of the row the route names, when it has one. */
  clientId: string | undefined;
}

const GRANTS = new WeakMap<Actor, RequestGrant>();

export function keepGrant(actor: Actor, grant: RequestGrant): void {
  GRANTS.set(actor, grant);
}

/** The grant of the request the actor belongs to; undefined for the system role and for open routes. */
export function grantOf(actor: Actor): RequestGrant | undefined {
  return GRANTS.get(actor);
}

export function clientViewOf(actor: Actor, access: Access): ClientView {
  if (access === "assigned" || access === "assignedRead") return { kind: "assigned", organisationId: actor.organisationId, userId: actor.userId };
  if (access === "own") return { kind: "own", clientId: actor.clientId };
  if (access === "addressed") return { kind: "none" };
  return { kind: "all" };
}

/** The clients assigned to a user, as a subquery. */
function assignedClients(organisationId: string, userId: string): SQL {
  return sql`(select a.client_id from client_assignments a where a.organisation_id = ${organisationId} and a.user_id = ${userId})`;
}

/** The condition a row's client must meet to be seen; undefined when the view is everything. */
export function visibleClientCondition(view: ClientView | undefined, clientOf: SQL | PgColumn): SQL | undefined {
  if (!view || view.kind === "all") return undefined;
  if (view.kind === "assigned") return sql`${clientOf} in ${assignedClients(view.organisationId, view.userId)}`;
  if (view.kind === "own" && view.clientId) return sql`${clientOf} = ${view.clientId}`;
  return sql`false`;
}

/** The view of the actor's request (everything for the system role). */
export function viewOf(actor: Actor): ClientView | undefined {
  return grantOf(actor)?.view;
}

/** Whether a client is assigned to the user. */
export async function isClientAssigned(executor: Executor, organisationId: string, userId: string, clientId: string): Promise<boolean> {
  const rows = await executor
    .select({ clientId: clientAssignments.clientId })
    .from(clientAssignments)
    .where(and(eq(clientAssignments.organisationId, organisationId), eq(clientAssignments.userId, userId), eq(clientAssignments.clientId, clientId)))
    .limit(1);
  return rows.length > 0;
}

/** Throws 404 unless the request may see the client. */
export async function checkClientVisible(executor: Executor, actor: Actor, clientId: string): Promise<void> {
  const view = viewOf(actor);
  if (!view || view.kind === "all") return;
  if (view.kind === "assigned" && (await isClientAssigned(executor, view.organisationId, view.userId, clientId))) return;
  if (view.kind === "own" && view.clientId === clientId) return;
  throw notFound("Klient:in", clientId);
}

/** Throws 404 unless the case exists in the actor's organisation and the request may see its client. */
export async function checkCaseVisible(executor: Executor, actor: Actor, caseId: string): Promise<string> {
  const [row] = await executor.select({ clientId: cases.clientId }).from(cases).where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseId))).limit(1);
  if (!row) throw notFound("Fall", caseId);
  const view = viewOf(actor);
  if (view && view.kind !== "all") {
    try {
      await checkClientVisible(executor, actor, row.clientId);
    } catch {
      throw notFound("Fall", caseId);
    }
  }
  return row.clientId;
}
