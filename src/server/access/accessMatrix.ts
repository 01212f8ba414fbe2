/**
 * The one place that says which role may do what (issue 4): roles × areas of the API. Every route belongs to
 * an area (by a route of its own in AREA_OF_ROUTE, else by the first path segment after /api/v1/); access is
 * "write" (read and change), "read", "assigned" (only clients assigned to the user, read and change),
 * "assignedRead", "addressed" (a payer's caseworker: only issued invoices addressed to the payer, with their
 * lines and holds), "own" (a client: their own file, read only) or absent (refused).
 *
 * Refusals: a route that names an id (`/:id`) answers 404 for a role without the area, for ids of other
 * tenants and for rows of clients not assigned to the user, so that ids leak nothing; a route without an id
 * (a list, a create) answers 403 for a role that never has the area. docs/access-matrix.md shows this table
 * (generated from it by accessMatrix.test.ts). The "system" role (tests, CLI, benchmarks; no account can have
 * it) has every area of its organisation.
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
  | "staffDirectory"
  | "tasks"
  | "engineResults"
  | "billing"
  | "invoices"
  | "invoiceExports"
  | "dataProtection"
  | "calendar"
  | "audit"
  | "overview";

export type HumanRole = Exclude<Role, "system">;

export const HUMAN_ROLES: readonly HumanRole[] = ["administrator", "leitung", "fachkraft", "verwaltung", "payerCaseworker", "client"];

export const ACCESS_MATRIX: Record<Area, Partial<Record<HumanRole, Access>>> = {
  organisation: { administrator: "write", leitung: "read", fachkraft: "read", verwaltung: "read", payerCaseworker: "read" },
  users: { administrator: "write", leitung: "read" },
  agreements: { administrator: "read", leitung: "read", fachkraft: "read", verwaltung: "read", payerCaseworker: "read" },
  agreementInputs: { administrator: "write", leitung: "read", verwaltung: "read" },
  clients: { administrator: "read", leitung: "write", fachkraft: "assigned", verwaltung: "read", client: "own" },
  cases: { leitung: "write", fachkraft: "assignedRead", verwaltung: "write", client: "own" },
  costCoverages: { leitung: "write", fachkraft: "assignedRead", verwaltung: "write" },
  planTexts: { leitung: "write", fachkraft: "assigned", client: "own" },
  documentation: { leitung: "write", fachkraft: "assigned", client: "own" },
  caseRecords: { leitung: "write", fachkraft: "assigned", verwaltung: "read" },
  staffing: { administrator: "read", leitung: "write" },
  staffDirectory: { administrator: "read", leitung: "read", fachkraft: "read", verwaltung: "read" },
  tasks: { leitung: "write", fachkraft: "assigned", verwaltung: "read" },
  engineResults: { leitung: "read", fachkraft: "assignedRead", verwaltung: "read" },
  billing: { leitung: "write", verwaltung: "write" },
  invoices: { leitung: "read", verwaltung: "write", payerCaseworker: "addressed" },
  invoiceExports: { leitung: "read", verwaltung: "read" },
  dataProtection: { leitung: "write" },
  calendar: { administrator: "write", leitung: "write", fachkraft: "write", verwaltung: "write" },
  audit: { administrator: "read", leitung: "read" },
  overview: { administrator: "read", leitung: "read", fachkraft: "read", verwaltung: "read" },
};

/** German names of the areas and of the roles (docs, messages). */
export const AREA_LABELS: Record<Area, string> = {
  organisation: "Organisation (Einstellungen, Leistungsträger)",
  users: "Benutzerkonten",
  agreements: "Vereinbarungskatalog",
  agreementInputs: "Vereinbarungsinstanzen (Eingaben)",
  clients: "Klient:innen",
  cases: "Fälle",
  costCoverages: "Kostenübernahmen",
  planTexts: "Planung (Gesamtplan, Hilfeplan, Ziele, Maßnahmen, Fortschreibungen)",
  documentation: "Dokumentation (Leistungseinträge, Monat einer Person, Berichtsentwürfe)",
  caseRecords: "Fallakten (Abwesenheiten, Einwilligungen, Krisen, Kontakte, Ereignisse, Begleitungen)",
  staffing: "Personal und Personalschlüssel",
  staffDirectory: "Personalverzeichnis (nur Namen und Qualifikationen, für Auswahllisten)",
  tasks: "Aufgaben",
  engineResults: "Ergebnisse der Regelmaschine (Fristen, Aufnahme, Umfang, Vorschau)",
  billing: "Abrechnungsläufe",
  invoices: "Rechnungen (mit XRechnung und PDF), Rückhalte",
  invoiceExports: "Buchhaltungsexporte (DATEV, CSV)",
  dataProtection: "Datenschutz (Auskunft, Löschung, Aufbewahrung)",
  calendar: "Kalender-Abonnement",
  audit: "Protokoll",
  overview: "Übersicht (Startseite; jeder Abschnitt nur mit dem Zugriff auf seinen Bereich)",
};

export const ROLE_LABELS: Record<HumanRole, string> = {
  administrator: "Administration",
  leitung: "Leitung",
  fachkraft: "Fachkraft",
  verwaltung: "Verwaltung",
  payerCaseworker: "Sachbearbeitung Leistungsträger",
  client: "Klient:in",
};

/** Areas of a client's file: every read (list or single record) is written to the audit trail. */
export const CLIENT_FILE_AREAS: ReadonlySet<Area> = new Set<Area>(["clients", "cases", "costCoverages", "planTexts", "documentation", "caseRecords", "tasks", "engineResults", "invoices", "dataProtection", "overview"]);

/** Routes whose area is not that of their first segment (method and fastify route URL). */
export const AREA_OF_ROUTE: Record<string, Area> = {
  "GET /api/v1/clients/:id/month/:month": "documentation",
  "GET /api/v1/clients/:id/access-report": "dataProtection",
  "GET /api/v1/clients/:id/access-report.pdf": "dataProtection",
  "POST /api/v1/clients/:id/deletion": "dataProtection",
  "GET /api/v1/clients/:id/retention": "dataProtection",
  "GET /api/v1/cases/:id/billing-preview": "engineResults",
  "GET /api/v1/cases/:id/deadlines": "engineResults",
  "GET /api/v1/cases/:id/admission": "engineResults",
  "GET /api/v1/cases/:id/volume": "engineResults",
  "GET /api/v1/clients/:id/volume": "engineResults",
  "GET /api/v1/clients/:id/deadlines": "engineResults",
  "POST /api/v1/cases/:id/report-drafts": "documentation",
};

/** Areas by the first path segment after /api/v1/. */
export const AREA_OF_SEGMENT: Record<string, Area> = {
  organisations: "organisation",
  users: "users",
  agreements: "agreements",
  "agreement-instances": "agreementInputs",
  clients: "clients",
  "client-directory": "clients",
  cases: "cases",
  "cost-coverages": "costCoverages",
  gesamtplans: "planTexts",
  hilfeplans: "planTexts",
  "plan-goals": "planTexts",
  "plan-measures": "planTexts",
  "plan-updates": "planTexts",
  "service-entries": "documentation",
  "report-drafts": "documentation",
  absences: "caseRecords",
  consents: "caseRecords",
  crises: "caseRecords",
  contacts: "caseRecords",
  "case-events": "caseRecords",
  accompaniments: "caseRecords",
  "staff-members": "staffing",
  "staff-directory": "staffDirectory",
  "staff-contracts": "staffing",
  "background-checks": "staffing",
  staffing: "staffing",
  tasks: "tasks",
  deadlines: "engineResults",
  "billing-runs": "billing",
  "billing-holds": "invoices",
  invoices: "invoices",
  "invoice-exports": "invoiceExports",
  "data-protection": "dataProtection",
  "calendar-tokens": "calendar",
  calendar: "calendar",
  audit: "audit",
  overview: "overview",
};

/** The area of a route: `findArea("GET", "/api/v1/cases/:id/deadlines")` = "engineResults". */
export function findArea(method: string, routeUrl: string): Area | undefined {
  // HEAD answers as GET does (without the body): same area.
  const verb = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const own = AREA_OF_ROUTE[`${verb} ${routeUrl}`];
  if (own) return own;
  const segment = routeUrl.replace(/^\/api\/v1\//, "").split(/[/?]/)[0] ?? "";
  return Object.hasOwn(AREA_OF_SEGMENT, segment) ? AREA_OF_SEGMENT[segment] : undefined;
}

export function findAccess(role: HumanRole, area: Area): Access | undefined {
  return ACCESS_MATRIX[area][role];
}

/** Whether the access lets the role call the method at all (row checks come after: assignment, addressee). */
export function isMethodAllowed(access: Access | undefined, method: string): boolean {
  if (!access) return false;
  const reading = method === "GET" || method === "HEAD";
  return reading || access === "write" || access === "assigned";
}
