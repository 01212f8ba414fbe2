/** Cost-coverage decisions (Kostenübernahme / Bewilligung): payer, file reference, period, components, approved volume (M05). */
import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const costCoverages = pgTable(
  "cost_coverages",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    caseId: text().notNull(),
    payerId: text(),
    fileReference: text(),
    from: calendarDate().notNull(),
    to: calendarDate(),
    decidedOn: calendarDate(),
    components: jsonb().$type<string[]>(),
    approvedVolume: jsonb().$type<{ hours: string; per: "month" | "week" | "quarter" | "year" | "total" }>(),
    kind: text({ enum: ["costCoverageDeclaration", "gesamtplanWithVolume", "provisionalConfirmation"] }).notNull().default("costCoverageDeclaration"),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.caseId)],
);
