/**
 * The access report of one client (Auskunft, Art. 15 GDPR): everything the organisation stores about the
 * person, read from every table that holds the person's rows (found from the database catalogue,
 * clientLinkedTables.ts), the audit entries about the person (who read or changed what, when, from where
 * and why), the recipients (payers of the cases), the purposes and how long the data is kept (M15, D29).
 * Secrets of the person's own account (password hash, second-factor secret, session tokens) are named but not
 * shown: they are not information about the person and would weaken the account.
 */
import { sql } from "drizzle-orm";
import { notFound } from "../problem.ts";
import type { RequestScope } from "../appContext.ts";
import { clientRowCondition, findClientLinkedTables } from "./clientLinkedTables.ts";
import { computeClientRetention, type ClientRetention } from "./clientRetention.ts";

export interface AccessReportTable {
  table: string;
  /** German name of the table ("Leistungseinträge"); the table name when none is known. */
  label: string;
  rows: Array<Record<string, unknown>>;
}

export interface AccessReportAuditEntry {
  sequence: number;
  at: string;
  userId: string;
  role: string;
  address: string;
  action: string;
  objectType: string;
  objectId: string;
  reason: string | null;
}

export interface AccessReport {
  organisation: { id: string; name: string | null };
  client: Record<string, unknown>;
  createdAt: string;
  /** Every table with rows about the person, with those rows (column names in camelCase, no tenant column). */
  tables: AccessReportTable[];
  /** Who accessed or changed the person's data, when, from where and why (the audit trail). */
  auditEntries: AccessReportAuditEntry[];
  /** Organisations the data went to: the payers of the person's cases. */
  recipients: Array<{ id: string; name: string | null }>;
  purposes: string[];
  retention: ClientRetention;
}

/** German names of the tables; a table not named here still appears, under its own name. */
export const TABLE_LABELS: Record<string, string> = {
  clients: "Stammdaten",
  cases: "Fälle",
  cost_coverages: "Kostenübernahmen",
  gesamtplans: "Gesamtpläne",
  hilfeplans: "Hilfepläne",
  plan_goals: "Ziele des Hilfeplans",
  plan_measures: "Maßnahmen des Hilfeplans",
  plan_updates: "Fortschreibungen des Hilfeplans",
  service_entries: "Leistungsdokumentation",
  absences: "Abwesenheiten",
  accompaniments: "Begleitungen",
  case_events: "Ereignisse",
  consents: "Einwilligungen und Zustimmungen",
  contacts: "Kontakte",
  crises: "Krisen",
  tasks: "Aufgaben",
  billing_holds: "Angehaltene Abrechnungspositionen",
  invoice_lines: "Rechnungspositionen",
  client_assignments: "Zuständige Mitarbeitende",
  users: "Zugang der Person",
  sessions: "Anmeldungen der Person",
  audit_entries: "Zugriffsprotokoll",
};

/** Columns that hold secrets: their presence is reported, their value not. */
export const SECRET_COLUMNS = new Set(["password_hash", "totp_secret", "token_hash", "csrf_token", "calendar_token"]);
export const SECRET_PLACEHOLDER = "[gespeichert, wird nicht angezeigt]";

/** Tables shown in their own section instead of the table list. */
const OWN_SECTION = new Set(["audit_entries"]);

export const PURPOSES = [
  "Erbringung und Dokumentation der Leistungen der Eingliederungshilfe nach der Leistungsvereinbarung (§ 125 SGB IX)",
  "Gesamt- und Hilfeplanung mit dem Träger der Eingliederungshilfe (§§ 117 ff. SGB IX)",
  "Abrechnung der Leistungen mit dem Leistungsträger (§ 123 SGB IX) und Aufbewahrung der Rechnungen (§ 147 AO, § 14b UStG)",
  "Nachweis, wer wann auf die Daten zugegriffen hat (Art. 5 Abs. 2, Art. 32 DSGVO)",
];

function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A row as the report shows it: camelCase keys, no tenant column, no empty fields, secrets replaced. */
function presentReportRow(row: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === "organisation_id" || value === null) continue;
    shown[toCamelCase(column)] = SECRET_COLUMNS.has(column) ? SECRET_PLACEHOLDER : value;
  }
  return shown;
}

async function selectRows(scope: RequestScope, table: string, condition: ReturnType<typeof clientRowCondition>): Promise<Array<Record<string, unknown>>> {
  const result = (await scope.tx.execute(sql`SELECT row_to_json(t) AS row FROM ${sql.identifier(table)} t WHERE ${condition}`)) as unknown as { rows: Array<{ row: Record<string, unknown> }> };
  const rows = result.rows.map((entry) => (typeof entry.row === "string" ? (JSON.parse(entry.row) as Record<string, unknown>) : entry.row));
  const key = (row: Record<string, unknown>) => String(row.id ?? row.sequence ?? JSON.stringify(row));
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function collectAccessReport(scope: RequestScope, clientId: string): Promise<AccessReport> {
  const organisationId = scope.actor.organisationId;
  const linked = await findClientLinkedTables(scope.tx);
  const clientRows = await selectRows(scope, "clients", clientRowCondition(linked, "clients", organisationId, clientId));
  if (clientRows.length === 0) throw notFound("Klient:in", clientId);

  const tables: AccessReportTable[] = [];
  for (const table of [...linked].sort((a, b) => a.depth - b.depth || a.table.localeCompare(b.table))) {
    if (table.table === "clients" || OWN_SECTION.has(table.table)) continue;
    const rows = await selectRows(scope, table.table, clientRowCondition(linked, table.table, organisationId, clientId));
    if (rows.length > 0) tables.push({ table: table.table, label: TABLE_LABELS[table.table] ?? table.table, rows: rows.map(presentReportRow) });
  }

  const auditRows = linked.some((table) => table.table === "audit_entries")
    ? await selectRows(scope, "audit_entries", clientRowCondition(linked, "audit_entries", organisationId, clientId))
    : [];
  const auditEntries = auditRows
    .map((row) => ({
      sequence: Number(row.sequence),
      at: String(row.at),
      userId: String(row.user_id),
      role: String(row.role),
      address: String(row.address),
      action: String(row.action),
      objectType: String(row.object_type),
      objectId: String(row.object_id),
      reason: (row.reason as string | null) ?? null,
    }))
    .sort((a, b) => a.sequence - b.sequence);

  const payerIds = [...new Set(tables.find((table) => table.table === "cases")?.rows.map((row) => row.payerId).filter((id): id is string => typeof id === "string") ?? [])].sort();
  const organisationRows = (await scope.tx.execute(sql`SELECT id, name FROM organisations WHERE id = ${organisationId} OR id IN ${payerIds.length > 0 ? sql`(${sql.join(payerIds.map((id) => sql`${id}`), sql`, `)})` : sql`(NULL)`}`)) as unknown as {
    rows: Array<{ id: string; name: string | null }>;
  };
  const nameOf = (id: string) => organisationRows.rows.find((row) => row.id === id)?.name ?? null;

  return {
    organisation: { id: organisationId, name: nameOf(organisationId) },
    client: presentReportRow(clientRows[0]!),
    createdAt: scope.context.now(),
    tables,
    auditEntries,
    recipients: payerIds.map((id) => ({ id, name: nameOf(id) })),
    purposes: PURPOSES,
    retention: await computeClientRetention(scope.tx, scope.context.catalogue, organisationId, clientId, scope.context.today()),
  };
}
