/**
 * Appends one entry to an organisation's audit trail inside the request's transaction: the chain head is
 * locked (one writer per organisation at a time), the entry is hashed onto the previous one and the head moves
 * on. Because it runs in the request's transaction, a refused request leaves no audit entry of a write that
 * did not happen, and a committed write always has its entry.
 */
import { eq, sql } from "drizzle-orm";
import { auditChainHeads } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { chainAuditEntry, type AuditContent, type AuditEntry } from "./auditChain.ts";

export type AuditRecord = Omit<AuditContent, "sequence">;

/** Transactions that have appended an entry: a request's own audit step (auditRequest.ts) then adds none. */
const AUDITED = new WeakSet<object>();

export function wasAudited(executor: Executor): boolean {
  return AUDITED.has(executor);
}

export async function appendAuditEntry(executor: Executor, organisationId: string, record: AuditRecord): Promise<AuditEntry> {
  // Two round trips while the head is locked: lock (or create) the head, then write the entry and move the head
  // in one statement. The head's lock is held until the request commits, so it is taken last in a request.
  let [head] = await executor.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId)).for("update");
  if (!head) {
    await executor.insert(auditChainHeads).values({ organisationId, sequence: 0, hash: "0".repeat(64) }).onConflictDoNothing();
    [head] = await executor.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId)).for("update");
  }
  const entry = chainAuditEntry(head && head.sequence > 0 ? head : undefined, record);
  await executor.execute(sql`
    WITH appended AS (
      INSERT INTO audit_entries (organisation_id, sequence, at, user_id, role, address, action, object_type, object_id, client_id, reason, previous_hash, hash)
      VALUES (${organisationId}, ${entry.sequence}, ${entry.at}, ${entry.userId}, ${entry.role}, ${entry.address}, ${entry.action}, ${entry.objectType},
              ${entry.objectId}, ${entry.clientId ?? null}, ${entry.reason ?? null}, ${entry.previousHash}, ${entry.hash})
      RETURNING organisation_id
    )
    UPDATE audit_chain_heads SET sequence = ${entry.sequence}, hash = ${entry.hash}
     WHERE organisation_id = (SELECT organisation_id FROM appended)`);
  AUDITED.add(executor);
  return entry;
}
