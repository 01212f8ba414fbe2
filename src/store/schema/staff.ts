/**
 * Staff members with qualifications, contracts (weekly hours per period) and background checks
 * (§ 124 Abs. 2 SGB IX: only the inspection date, issue date and result; never the certificate itself).
 */
import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const staffMembers = pgTable(
  "staff_members",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    name: text().notNull(),
    qualifications: jsonb().$type<string[]>().notNull().default([]),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] })],
);

export const staffContracts = pgTable(
  "staff_contracts",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    staffId: text().notNull(),
    from: calendarDate().notNull(),
    to: calendarDate(),
    weeklyHours: text().notNull(),
    function: text(),
    agreementInstanceId: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.staffId)],
);

export const backgroundChecks = pgTable(
  "background_checks",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    staffId: text().notNull(),
    inspectedOn: calendarDate().notNull(),
    issuedOn: calendarDate().notNull(),
    result: text({ enum: ["noEntries", "relevantEntries"] }).notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.staffId)],
);
