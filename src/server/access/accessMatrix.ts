/**
 * The one place that says which role may do what (issue 4): roles × areas of the API. Every route belongs to
 * an area by its path; access is "write" (read and change), "read", "assigned" (only clients assigned to the
 * user, read and change), "assignedRead", "addressed" (a payer's caseworker: only invoices addressed to the
 * payer), "own" (a client: their own file) or absent (refused; ids of other tenants and unassigned clients
 * answer 404 so that they leak nothing). docs/access-matrix.md shows this table.
 */
import type { Role } from "../actor.ts";

export type Access = "write" | "read" | "assigned" | "assignedRead" | "addressed" | "own";
export type Area =
  | "organisation"
  | "users"
  | "agreements"
  | "agreementInputs"
  | "clients"
  | "cases"
  | "costCoverages"
  | "planTexts"
  | "documentation"
  | "caseRecords"
  | "staffing"
  | "tasks"
  | "engineResults"
  | "billing"
  | "invoices"
  | "audit";

export type HumanRole = Exclude<Role, "system">;

export const ACCESS_MATRIX: Record<Area, Partial<Record<HumanRole, Access>>> = {
  organisation: { administrator: "write", leitung: "read", fachkraft: "read", verwaltung: "read", payerCaseworker: "read" },
  users: { administrator: "write", leitung: "read" },
  agreements: { administrator: "read", leitung: "read", fachkraft: "read", verwaltung: "read", payerCaseworker: "read" },
  agreementInputs: { administrator: "write", leitung: "read", verwaltung: "read" },
  clients: { administrator: "read", leitung: "write", fachkraft: "assigned", verwaltung: "read", client: "own" },
  cases: { administrator: "read", leitung: "write", fachkraft: "assignedRead", verwaltung: "write", client: "own" },
  costCoverages: { leitung: "write", fachkraft: "assignedRead", verwaltung: "write" },
  planTexts: { leitung: "write", fachkraft: "assigned", client: "own" },
  documentation: { leitung: "write", fachkraft: "assigned", client: "own" },
  caseRecords: { leitung: "write", fachkraft: "assigned", verwaltung: "read" },
  staffing: { administrator: "read", leitung: "write" },
  tasks: { leitung: "write", fachkraft: "assigned", verwaltung: "read" },
  engineResults: { leitung: "read", fachkraft: "assignedRead", verwaltung: "read" },
  billing: { leitung: "write", verwaltung: "write" },
  invoices: { leitung: "read", verwaltung: "write", payerCaseworker: "addressed" },
  audit: { administrator: "read" },
};

/** Areas by the first path segment after /api/v1/. */
export const AREA_OF_SEGMENT: Record<string, Area> = {
  organisations: "organisation",
  users: "users",
  agreements: "agreements",
  "agreement-instances": "agreementInputs",
  clients: "clients",
  cases: "cases",
  "cost-coverages": "costCoverages",
  gesamtplans: "planTexts",
  hilfeplans: "planTexts",
  "plan-goals": "planTexts",
  "plan-measures": "planTexts",
  "plan-updates": "planTexts",
  "service-entries": "documentation",
  absences: "caseRecords",
  consents: "caseRecords",
  crises: "caseRecords",
  contacts: "caseRecords",
  "case-events": "caseRecords",
  accompaniments: "caseRecords",
  "staff-members": "staffing",
  "staff-contracts": "staffing",
  "background-checks": "staffing",
  staffing: "staffing",
  tasks: "tasks",
  deadlines: "engineResults",
  "billing-runs": "billing",
  "billing-holds": "billing",
  invoices: "invoices",
  audit: "audit",
};

export function findArea(path: string): Area | undefined {
  const segment = path.replace(/^\/api\/v1\//, "").split(/[/?]/)[0] ?? "";
  return AREA_OF_SEGMENT[segment];
}

export function findAccess(role: HumanRole, area: Area): Access | undefined {
  return ACCESS_MATRIX[area][role];
}

/** Whether the role may call the method on the area at all (row checks come after: assignment, addressee). */
export function isMethodAllowed(access: Access | undefined, method: string): boolean {
  if (!access) return false;
  const reading = method === "GET" || method === "HEAD";
  return reading || access === "write" || access === "assigned";
}
