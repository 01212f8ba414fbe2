/**
 * Clients (Leistungsberechtigte) and their case per agreement (Fall: start, end, need group, access status).
 * Facts the engine reads that have no column of their own sit in `details`, shaped as in the case file.
 */
import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const clients = pgTable(
  "clients",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    name: text().notNull(),
    birthDate: calendarDate(),
    /** disabilities, residence, assessments, children … as in the case file's `client`. */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.name)],
);

export const cases = pgTable(
  "cases",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    clientId: text().notNull(),
    agreementInstanceId: text().notNull(),
    payerId: text(),
    start: calendarDate().notNull(),
    end: calendarDate(),
    accessStatus: text({ enum: ["regular", "provisional"] }).notNull().default("regular"),
    needGroups: jsonb().$type<Array<{ from: string; to?: string; group: number; source: "gesamtplan" | "hmbw" }>>().notNull().default([]),
    /** provisional, careContractDate, rentExcess, approvedAssistanceTypes, payerApproval, flags, caseInputs, policies … */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    index().on(table.organisationId, table.clientId),
    index().on(table.organisationId, table.agreementInstanceId),
  ],
);
