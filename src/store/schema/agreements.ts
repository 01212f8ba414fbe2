/**
 * Agreements as loaded from `agreements/` (a reference table: the validated document with its source hash) and
 * the provider's agreement instances: a template or concrete agreement with the inputs this provider has filled.
 */
import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const agreements = pgTable("agreements", {
  id: text().primaryKey(),
  kind: text().notNull(),
  title: text().notNull(),
  contentHash: text().notNull(),
  document: jsonb().notNull(),
  loadedAt: createdAtColumn(),
});

export const agreementInstances = pgTable(
  "agreement_instances",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    agreementId: text().notNull(),
    title: text(),
    payerId: text(),
    /** Filled inputs (input register, M17): `{ "P-A4-09": { value, example?, validFrom?, validTo?, note? } }`. */
    inputs: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Policy options chosen for this instance (decisions.md D01–D32). */
    policies: jsonb().$type<Record<string, string>>().notNull().default({}),
    validFrom: calendarDate(),
    validTo: calendarDate(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.agreementId)],
);
