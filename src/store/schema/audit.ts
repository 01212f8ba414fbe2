/**
 * The audit trail (issue 4): append-only, hash-chained per organisation (src/server/access/auditChain.ts).
 * Entries say who, when, what, from which address and why; never the health data itself. A trigger in the
 * migrations refuses UPDATE and DELETE; the chain head records the last entry so that a removed tail is found.
 */
import { bigserial, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tenantColumn } from "./columns.ts";

export const auditEntries = pgTable(
  "audit_entries",
  {
    organisationId: tenantColumn(),
    sequence: integer().notNull(),
    at: text().notNull(),
    userId: text().notNull(),
    role: text().notNull(),
    address: text().notNull(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    clientId: text(),
    reason: text(),
    previousHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.sequence] }), index().on(table.organisationId, table.clientId)],
);

export const auditChainHeads = pgTable("audit_chain_heads", {
  organisationId: text().primaryKey(),
  sequence: integer().notNull(),
  hash: text().notNull(),
});

/**
 * Entries waiting for their place in the chain: a request inserts its entry here, and a deferred trigger
 * (migration 0004) chains it at COMMIT — it locks the organisation's head, numbers and hashes the entry
 * (SHA-256 over the previous hash and `content_tail`, the canonical content after the sequence,
 * auditChain.ts), writes it to audit_entries, moves the head and removes the waiting row. The head is thus
 * locked only inside the commit, never across round trips to the server. Empty outside transactions.
 */
export const auditAppends = pgTable("audit_appends", {
  id: bigserial({ mode: "number" }).primaryKey(),
  organisationId: tenantColumn(),
  at: text().notNull(),
  /** The entry's user and client (named without "_id": no client's data rests here, see clientLinkedTables.ts). */
  actor: text().notNull(),
  role: text().notNull(),
  address: text().notNull(),
  action: text().notNull(),
  objectType: text().notNull(),
  objectId: text().notNull(),
  client: text(),
  reason: text(),
  /** The canonical content without its sequence: `"at","user",…]` (auditChain.ts canonicalContentTail). */
  contentTail: text().notNull(),
});
