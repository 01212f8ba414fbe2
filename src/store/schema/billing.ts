/**
 * Billing runs, invoices, their lines and holds, and the gapless invoice-number counter per provider and year.
 * Issued invoices are immutable (GoBD): a trigger in the migrations refuses any change to them or their lines.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { calendarDate, createdAtColumn, tenantColumn } from "./columns.ts";

export const billingRuns = pgTable(
  "billing_runs",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    month: text().notNull(),
    state: text({ enum: ["draft", "issued"] }).notNull().default("draft"),
    computedAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    issuedAt: timestamp({ withTimezone: true, mode: "string" }),
    caseCount: integer().notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.month)],
);

export const invoices = pgTable(
  "invoices",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    runId: text(),
    payerId: text(),
    month: text().notNull(),
    kind: text({ enum: ["invoice", "cancellation"] }).notNull().default("invoice"),
    state: text({ enum: ["draft", "issued"] }).notNull().default("draft"),
    /** Invoice number, unique and gapless per provider and year, assigned when issued: "2026-000001". */
    number: text(),
    year: integer(),
    sequence: integer(),
    issueDate: calendarDate(),
    periodFrom: calendarDate().notNull(),
    periodTo: calendarDate().notNull(),
    totalCents: bigint({ mode: "number" }).notNull(),
    /** A cancellation invoice names the invoice it cancels (XRechnung BT-25). */
    cancelsInvoiceId: text(),
    /** A replacement invoice names the original it corrects. */
    correctsInvoiceId: text(),
    /** True for an invoice that bills only the difference to what a month's earlier invoices billed. */
    supplementary: boolean().notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    uniqueIndex().on(table.organisationId, table.number),
    index().on(table.organisationId, table.month),
    index().on(table.organisationId, table.runId),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    organisationId: tenantColumn(),
    invoiceId: text().notNull(),
    position: integer().notNull(),
    lineKey: text().notNull(),
    caseId: text().notNull(),
    clientId: text().notNull(),
    agreementId: text().notNull(),
    label: text().notNull(),
    periodFrom: calendarDate().notNull(),
    periodTo: calendarDate().notNull(),
    quantity: text().notNull(),
    unit: text().notNull(),
    unitPrice: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    rateId: text().notNull(),
    exampleValue: boolean().notNull().default(false),
    ruleId: text().notNull(),
    source: jsonb().notNull(),
    policies: jsonb().notNull().default([]),
    evidence: jsonb().notNull().default({}),
    costCoverageFileReference: text(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.invoiceId, table.position] })],
);

export const billingHolds = pgTable(
  "billing_holds",
  {
    organisationId: tenantColumn(),
    id: text().notNull(),
    runId: text().notNull(),
    payerId: text(),
    caseId: text().notNull(),
    clientId: text().notNull(),
    agreementId: text().notNull(),
    kind: text({ enum: ["hold", "rejected"] }).notNull(),
    code: text().notNull(),
    message: text().notNull(),
    release: text().notNull(),
    inputId: text(),
    periodFrom: calendarDate().notNull(),
    periodTo: calendarDate().notNull(),
    quantity: text().notNull(),
    unit: text().notNull(),
    amountCents: bigint({ mode: "number" }),
    ruleId: text().notNull(),
    source: jsonb().notNull(),
    policies: jsonb().notNull().default([]),
    evidence: jsonb().notNull().default({}),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index().on(table.organisationId, table.runId)],
);

export const invoiceNumberCounters = pgTable(
  "invoice_number_counters",
  {
    organisationId: tenantColumn(),
    year: integer().notNull(),
    lastSequence: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.year] })],
);
