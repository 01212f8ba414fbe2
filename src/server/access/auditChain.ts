/**
 * The audit trail's hash chain: each entry's hash covers its own content and the previous entry's hash, so
 * that changing or deleting any entry breaks the chain from there on. Verification names the first broken
 * entry. Entries hold who, when, what, from where and why — never the health data itself.
 */
import { createHash } from "node:crypto";

export interface AuditContent {
  sequence: number;
  at: string;
  userId: string;
  role: string;
  address: string;
  /** e.g. "read", "create", "update", "delete", "login" */
  action: string;
  /** e.g. "client", "serviceEntry"; with the object's id, never its content */
  objectType: string;
  objectId: string;
  clientId?: string | null;
  reason?: string | null;
}

export interface AuditEntry extends AuditContent {
  previousHash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * Canonical text of the content without its sequence: what follows "[<sequence>," in the canonical content.
 * The database chains waiting entries at commit with exactly this text (migration 0004, audit_appends).
 */
export function canonicalContentTail(content: Omit<AuditContent, "sequence">): string {
  return JSON.stringify([
    content.at,
    content.userId,
    content.role,
    content.address,
    content.action,
    content.objectType,
    content.objectId,
    content.clientId ?? null,
    content.reason ?? null,
  ]).slice(1);
}

/** Canonical text of the content: fixed key order, empty fields as null (the JSON array [sequence, at, …]). */
function canonicalContent(content: AuditContent): string {
  return `[${content.sequence},${canonicalContentTail(content)}`;
}

export function computeAuditHash(previousHash: string, content: AuditContent): string {
  return createHash("sha256").update(previousHash).update("\n").update(canonicalContent(content)).digest("hex");
}

export function chainAuditEntry(previous: Pick<AuditEntry, "hash" | "sequence"> | undefined, content: Omit<AuditContent, "sequence">): AuditEntry {
  const withSequence = { ...content, sequence: (previous?.sequence ?? 0) + 1 };
  const previousHash = previous?.hash ?? GENESIS_HASH;
  return { ...withSequence, previousHash, hash: computeAuditHash(previousHash, withSequence) };
}

export type AuditBreak =
  | { sequence: number; problem: "changed"; message: string }
  | { sequence: number; problem: "missing"; message: string }
  | { sequence: number; problem: "relinked"; message: string };

/** Checks entries in sequence order; returns the first broken entry, or undefined when the chain is whole. */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditBreak | undefined {
  let previousHash = GENESIS_HASH;
  let expectedSequence = 1;
  for (const entry of entries) {
    if (entry.sequence !== expectedSequence) {
      return { sequence: expectedSequence, problem: "missing", message: `Protokolleintrag ${expectedSequence} fehlt (gelöscht?); der nächste vorhandene ist ${entry.sequence}` };
    }
    if (entry.previousHash !== previousHash) {
      return { sequence: entry.sequence, problem: "relinked", message: `Protokolleintrag ${entry.sequence} verweist nicht auf seinen Vorgänger` };
    }
    if (computeAuditHash(entry.previousHash, entry) !== entry.hash) {
      return { sequence: entry.sequence, problem: "changed", message: `Protokolleintrag ${entry.sequence} wurde verändert` };
    }
    previousHash = entry.hash;
    expectedSequence++;
  }
  return undefined;
}
