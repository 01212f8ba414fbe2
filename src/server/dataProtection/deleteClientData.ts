/**
 * Deletion of a client's data once its retention has ended (M15, D29; Art. 17 GDPR). Refused (409) while a
 * case is open or a retention period runs, naming the date and the rule. Otherwise every row about the person
 * is deleted from every table that holds such rows (found from the database catalogue, clientLinkedTables.ts),
 * deepest first, in the request's one transaction. Kept are only what the law requires:
 * - the lines of issued invoices (GoBD, § 147 AO, § 14b UStG: 10 years; immutable by trigger). They name the
 *   person only by the client id, a random key without personal data; with the client row (name, birth date,
 *   details) gone it no longer leads to anyone: the line is pseudonymised by the deletion itself;
 * - the audit trail (append-only, hash-chained; Art. 5 Abs. 2 GDPR accountability), which holds ids, never names
 *   or health data. The deletion itself is recorded there.
 * A draft invoice with lines of the person blocks the deletion (409): it must be issued or discarded first.
 * Rows of others that still name the person in free text are listed (`remainingMentions`) for review.
 */
import { sql } from "drizzle-orm";
import { appendAuditEntry } from "../access/appendAuditEntry.ts";
import type { RequestScope } from "../appContext.ts";
import { conflict, notFound } from "../problem.ts";
import { clientRowCondition, findClientLinkedTables } from "./clientLinkedTables.ts";
import { computeClientRetention, describeRule, type ClientRetention } from "./clientRetention.ts";
import { findPersonMentions, type PersonMention } from "./findPersonMentions.ts";

/** Tables whose rows about the person are kept after the deletion, and why. */
export const RETAINED_TABLES: Record<string, string> = {
  invoice_lines: "Positionen ausgestellter Rechnungen: 10 Jahre aufzubewahren (§ 147 AO, § 14b UStG, GoBD), unveränderlich; nur noch mit der zufälligen Kennung der Person",
  audit_entries: "Zugriffsprotokoll: Rechenschaftspflicht (Art. 5 Abs. 2 DSGVO), nur Kennungen, keine Namen oder Gesundheitsdaten",
};

export interface ClientDeletion {
  clientId: string;
  deletedOn: string;
  retention: ClientRetention;
  /** Rows deleted per table. */
  deleted: Array<{ table: string; rows: number }>;
  /** Rows kept per table, with the reason. */
  kept: Array<{ table: string; rows: number; reason: string }>;
  /** Rows of others that still contain the person's name (free text): to be reviewed, not deleted automatically. */
  remainingMentions: PersonMention[];
}

function countOf(result: unknown): number {
  const withCount = result as { rowCount?: number | null; affectedRows?: number };
  return Number(withCount.rowCount ?? withCount.affectedRows ?? 0);
}

async function countRows(scope: RequestScope, table: string, condition: ReturnType<typeof clientRowCondition>): Promise<number> {
  const result = (await scope.tx.execute(sql`SELECT count(*)::int AS count FROM ${sql.identifier(table)} WHERE ${condition}`)) as unknown as { rows: Array<{ count: number }> };
  return Number(result.rows[0]?.count ?? 0);
}

/** Refuses while the retention runs: 409 with the date, the case and the rule. */
export function refuseWhileRetained(retention: ClientRetention): void {
  if (retention.status !== "caseOpen" && retention.status !== "retained") return;
  const deciding = retention.decidingCase!;
  throw conflict(retention.message, {
    code: retention.status === "caseOpen" ? "deletionBlockedServiceOngoing" : "deletionBlockedRetention",
    retainUntil: retention.retainUntil,
    deletionReviewFrom: retention.retainUntil ? nextDay(retention.retainUntil) : null,
    caseId: deciding.caseId,
    ruleId: deciding.explanation.ruleId,
    source: deciding.explanation.source,
    rule: describeRule(deciding.explanation),
  });
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export async function deleteClientData(scope: RequestScope, clientId: string): Promise<ClientDeletion> {
  const organisationId = scope.actor.organisationId;
  const linked = await findClientLinkedTables(scope.tx);
  const clientCondition = clientRowCondition(linked, "clients", organisationId, clientId);
  const named = (await scope.tx.execute(sql`SELECT name FROM clients WHERE ${clientCondition}`)) as unknown as { rows: Array<{ name: string }> };
  if (named.rows.length === 0) throw notFound("Klient:in", clientId);
  const today = scope.context.today();
  const retention = await computeClientRetention(scope.tx, scope.context.catalogue, organisationId, clientId, today);
  refuseWhileRetained(retention);

  const drafts = (await scope.tx.execute(
    sql`SELECT DISTINCT i.id FROM invoice_lines l JOIN invoices i ON i.organisation_id = l.organisation_id AND i.id = l.invoice_id
        WHERE l.organisation_id = ${organisationId} AND l.client_id = ${clientId} AND i.state <> 'issued' ORDER BY i.id`,
  )) as unknown as { rows: Array<{ id: string }> };
  if (drafts.rows.length > 0) {
    const ids = drafts.rows.map((row) => row.id);
    throw conflict(`Löschung nicht möglich: die Rechnungsentwürfe ${ids.join(", ")} enthalten Positionen der Person; erst ausstellen oder verwerfen`, { invoiceIds: ids });
  }

  const deleted: ClientDeletion["deleted"] = [];
  const kept: ClientDeletion["kept"] = [];
  for (const table of linked) {
    const condition = clientRowCondition(linked, table.table, organisationId, clientId);
    const reason = RETAINED_TABLES[table.table];
    if (reason !== undefined) {
      const rows = await countRows(scope, table.table, condition);
      if (rows > 0) kept.push({ table: table.table, rows, reason });
      continue;
    }
    const rows = countOf(await scope.tx.execute(sql`DELETE FROM ${sql.identifier(table.table)} WHERE ${condition}`));
    if (rows > 0) deleted.push({ table: table.table, rows });
  }

  const deciding = retention.decidingCase;
  await appendAuditEntry(scope.tx, organisationId, {
    at: scope.context.now(),
    userId: scope.actor.userId,
    role: scope.actor.role,
    address: scope.actor.address,
    action: "delete",
    objectType: "client",
    objectId: clientId,
    clientId,
    reason: deciding ? `Löschung nach Ablauf der Aufbewahrungsfrist am ${deciding.retainUntil} (${deciding.explanation.ruleId})` : "Löschung: keine Fälle, keine Aufbewahrungsfrist",
  });
  const remainingMentions = await findPersonMentions(scope.tx, organisationId, named.rows[0]!.name);
  return { clientId, deletedOn: today, retention, deleted, kept, remainingMentions };
}
