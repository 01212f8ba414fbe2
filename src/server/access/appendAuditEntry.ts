/**
 * Appends one entry to an organisation's audit trail inside the request's transaction: the chain head is
 * locked (one writer per organisation at a time), the entry is hashed onto the previous one and the head moves
 * on. Because it runs in the request's transaction, a refused request leaves no audit entry of a write that
 * did not happen, and a committed write always has its entry.
 */
import { eq, sql } from "drizzle-orm";
import { auditChainHeads, auditEntries } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { chainAuditEntry, type AuditContent, type AuditEntry } from "./auditChain.ts";

export type AuditRecord = Omit<AuditContent, "sequence">;

/** Transactions that have appended an entry: a request's own audit step (auditRequest.ts) then adds none. */
const AUDITED = new WeakSet<object>();

export function wasAudited(executor: Executor): boolean {
  return AUDITED.has(executor);
}

export async function appendAuditEntry(executor: Executor, organisationId: string, record: AuditRecord): Promise<AuditEntry> {
  await executor.insert(auditChainHeads).values({ organisationId, sequence: 0, hash: "0".repeat(64) }).onConflictDoNothing();
  const [head] = await executor.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId)).for("update");
  const entry = chainAuditEntry(head && head.sequence > 0 ? head : undefined, record);
  await executor.insert(auditEntries).values({ organisationId, ...entry, clientId: entry.clientId ?? null, reason: entry.reason ?? null });
  await executor
    .update(auditChainHeads)
    .set({ sequence: entry.sequence, hash: entry.hash })
    .where(sql`${auditChainHeads.organisationId} = ${organisationId}`);
  AUDITED.add(executor);
  return entry;
}
