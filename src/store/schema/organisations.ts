/**
 * Organisations: providers (Leistungserbringer, the tenants) and payers (Träger der Eingliederungshilfe) with
 * their Leitweg-ID (XRechnung BT-10), address and contact. A reference table: small and read by every tenant.
 */
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAtColumn } from "./columns.ts";

export interface PostalAddress {
  street?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

export interface ContactPoint {
  name?: string;
  phone?: string;
  email?: string;
}

export const organisations = pgTable("organisations", {
  id: text().primaryKey(),
  kind: text({ enum: ["provider", "payer"] }).notNull(),
  name: text().notNull(),
  leitwegId: text(),
  land: text(),
  address: jsonb().$type<PostalAddress>().notNull().default({}),
  contact: jsonb().$type<ContactPoint>().notNull().default({}),
  taxNumber: text(),
  vatId: text(),
  iban: text(),
  bic: text(),
  createdAt: createdAtColumn(),
});
