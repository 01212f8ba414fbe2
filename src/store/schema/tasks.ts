/** Tasks and deadlines the team works on (Wiedervorlagen), with the rule that produced them and when they were done. */
import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const tasks = pgTable(
  "tasks",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    caseId: text(),
    taskType: text().notNull(),
    title: text().notNull(),
    dueDate: calendarDate(),
    anchorDate: calendarDate(),
    status: text({ enum: ["open", "done"] }).notNull().default("open"),
    completedOn: calendarDate(),
    assigneeId: text(),
    ruleId: text(),
    source: jsonb(),
    note: text(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.caseId), index().on(table.organisationId, table.dueDate)],
);
