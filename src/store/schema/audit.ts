/**
 * The audit trail (issue 4): append-only, hash-chained per organisation (src/server/access/auditChain.ts).
 * Entries say who, when, what, from which address and why; never the health data itself. A trigger in the
 * migrations refuses UPDATE and DELETE; the chain head records the last entry so that a removed tail is found.
 */
import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
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
