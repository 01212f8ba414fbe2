/**
 * Service entries (Leistungsdokumentation, rules.md M14): time, kind, direct/indirect, qualified/simple,
 * individual/group, in person/remote, staff, goal served and payer attribution. The billing run reads a month
 * of them per provider through the (organisation, date) index.
 */
import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const serviceEntries = pgTable(
  "service_entries",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    caseId: text().notNull(),
    date: calendarDate().notNull(),
    start: text(),
    end: text(),
    minutes: integer(),
    hours: text(),
    timeKind: text({ enum: ["direct", "indirect", "other"] }).notNull().default("direct"),
    assistanceType: text({ enum: ["simple", "qualified"] }),
    mode: text({ enum: ["inPerson", "remote"] }).notNull().default("inPerson"),
    remoteChannel: text({ enum: ["phone", "video", "mail", "messenger"] }),
    remoteReason: text(),
    setting: text({ enum: ["individual", "group"] }).notNull().default("individual"),
    groupSize: integer(),
    consent: boolean(),
    withoutPersonPresent: boolean().notNull().default(false),
    staffId: text(),
    attribution: text({ enum: ["SGB IX", "SGB VIII"] }),
    category: text(),
    place: text(),
    goalId: text(),
    note: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.date), index().on(table.organisationId, table.caseId, table.date)],
);
