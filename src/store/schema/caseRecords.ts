/**
 * What else happens in a case: absences (M04), consents of the payer or the person, crises and the contacts
 * kept during them (A3-R16/R17), events that anchor deadlines (M10), and hospital accompaniment (A4 § 5.8).
 */
import { index, integer, pgTable, primaryKey, text, type PgColumnBuilderBase } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

/** A table of records that belong to one case, keyed by tenant and id, indexed by case. */
const caseKeyed = <TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(name: TName, columns: TColumns) =>
  pgTable(
    name,
    { organisationId: tenantColumn(), id: text().notNull(), caseId: text().notNull(), ...columns, createdAt: createdAtColumn() },
    (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.caseId)],
  );

export const absences = caseKeyed("absences", {
  from: calendarDate().notNull(),
  to: calendarDate().notNull(),
  reason: text({ enum: ["holiday", "illness", "hospital", "kur", "other"] }).notNull(),
  note: text(),
});

export const consents = caseKeyed("consents", {
  /** `payer`: Zustimmung des Leistungsträgers (A4-R08 continuation, capacity); `client`: Einwilligung der Person. */
  party: text({ enum: ["payer", "client"] }).notNull(),
  kind: text().notNull(),
  date: calendarDate().notNull(),
  absenceFrom: calendarDate(),
  validTo: calendarDate(),
  note: text(),
});

export const crises = caseKeyed("crises", {
  from: calendarDate().notNull(),
  to: calendarDate(),
  note: text(),
});

export const contacts = caseKeyed("contacts", {
  date: calendarDate().notNull(),
  kind: text({ enum: ["crisisContact", "payerContact", "relativeContact", "other"] }).notNull(),
  crisisId: text(),
  note: text(),
});

export const caseEvents = caseKeyed("case_events", {
  kind: text().notNull(),
  date: calendarDate().notNull(),
  note: text(),
});

export const accompaniments = caseKeyed("accompaniments", {
  date: calendarDate().notNull(),
  minutes: integer().notNull(),
  qualification: text().notNull(),
});
