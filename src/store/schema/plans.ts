/**
 * Plans: Gesamtplan / Teilhabeplan references with their dates, and the provider's Hilfepläne with goals
 * (Förderziele, and Teilziele under them), measures and their updates (Fortschreibung).
 */
import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const gesamtplans = pgTable(
  "gesamtplans",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    caseId: text().notNull(),
    date: calendarDate().notNull(),
    plannedUpdate: calendarDate(),
    fileReference: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.caseId)],
);

export const hilfeplans = pgTable(
  "hilfeplans",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    caseId: text().notNull(),
    date: calendarDate().notNull(),
    kind: text({ enum: ["initial", "update"] }).notNull().default("update"),
    summary: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.caseId)],
);

export const planGoals = pgTable(
  "plan_goals",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    hilfeplanId: text().notNull(),
    /** Empty for a Förderziel; the Förderziel's id for a Teilziel. */
    parentGoalId: text(),
    title: text().notNull(),
    description: text(),
    status: text({ enum: ["open", "achieved", "partlyAchieved", "notAchieved", "dropped"] }).notNull().default("open"),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.hilfeplanId)],
);

export const planMeasures = pgTable(
  "plan_measures",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    hilfeplanId: text().notNull(),
    goalId: text(),
    title: text().notNull(),
    description: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.hilfeplanId)],
);

export const planUpdates = pgTable(
  "plan_updates",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    hilfeplanId: text().notNull(),
    goalId: text(),
    date: calendarDate().notNull(),
    attainment: text({ enum: ["achieved", "partlyAchieved", "notAchieved", "open"] }),
    text: text().notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.hilfeplanId)],
);
