/**
 * Appends one entry to an organisation's audit trail inside the request's transaction: one statement puts the
 * entry into audit_appends, and at COMMIT a deferred trigger (migration 0004) chains it — locks the chain head
 * (one writer per organisation at a time), numbers and hashes the entry onto the previous one
 * (auditChain.ts, the same canonical text), writes it to audit_entries and moves the head. Because it runs in
 * the request's transaction, a refused request leaves no audit entry of a write that did not happen, and a
 * committed write always has its entry. The head is locked only inside the commit: concurrent requests of one
 * organisation no longer wait for each other's round trips between locking the head and committing.
 */
import type { Executor } from "../../store/store.ts";
import { AUDIT_APPEND_COLUMNS } from "../../store/auditAppendColumns.ts";
import { namedStatement, queryRows } from "../../store/rawQuery.ts";
import { canonicalContentTail, type AuditContent } from "./auditChain.ts";

export type AuditRecord = Omit<AuditContent, "sequence">;

/** Transactions that have appended an entry: a request's own audit step (auditRequest.ts) then adds none. */
const AUDITED = new WeakSet<object>();

export function wasAudited(executor: Executor): boolean {
  return AUDITED.has(executor);
}

const APPEND = namedStatement(
  "teilhabe_audit_append",
  `INSERT INTO audit_appends (${AUDIT_APPEND_COLUMNS.join(", ")}) VALUES (${AUDIT_APPEND_COLUMNS.map((_, index) => `$${index + 1}`).join(", ")})`,
);

/** The values of an entry's audit_appends row, in the order of AUDIT_APPEND_COLUMNS. */
export function auditAppendValues(organisationId: string, record: AuditRecord): unknown[] {
  return [
    organisationId,
    record.at,
    record.userId,
    record.role,
    record.address,
    record.action,
    record.objectType,
    record.objectId,
    record.clientId ?? null,
    record.reason ?? null,
    canonicalContentTail(record),
  ];
}

/** Notes that a statement of the transaction appended its entry itself (e.g. a client's month, caseFiles.ts). */
export function markAudited(executor: Executor): void {
  AUDITED.add(executor);
}

/** Adds the entry to the transaction; it is numbered, hashed and chained when the transaction commits. */
export async function appendAuditEntry(executor: Executor, organisationId: string, record: AuditRecord): Promise<void> {
  await queryRows(executor, APPEND, auditAppendValues(organisationId, record));
  markAudited(executor);
}
