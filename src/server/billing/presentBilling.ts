/**
 * Billing runs, invoices, lines and holds as the API and the CLI show them: amounts in integer cents and as
 * decimal text ("1446.38"), every line and hold with its rule id, source (file, clause, quote), policy options
 * and evidence. Reads within the caller's transaction, scoped by the provider.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { formatCents } from "../../domain/money/amount.ts";
import { billingHolds, billingRuns, cases, invoiceLines, invoices } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { notFound } from "../problem.ts";

type InvoiceRow = typeof invoices.$inferSelect;
type LineRow = typeof invoiceLines.$inferSelect;
type HoldRow = typeof billingHolds.$inferSelect;
type RunRow = typeof billingRuns.$inferSelect;

/** The store's text of a timestamp ("2026-12-01 20:37:55.828+00") as ISO 8601 ("2026-12-01T20:37:55.828Z"). */
export function isoTimestamp(value: string): string;
export function isoTimestamp(value: string | null): string | null;
export function isoTimestamp(value: string | null): string | null {
  if (value === null) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function presentInvoiceSummary(row: InvoiceRow, lineCount: number) {
  return {
    id: row.id,
    providerId: row.organisationId,
    runId: row.runId,
    payerId: row.payerId,
    month: row.month,
    kind: row.kind,
    state: row.state,
    number: row.number,
    issueDate: row.issueDate,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    totalCents: row.totalCents,
    total: formatCents(row.totalCents),
    lineCount,
    supplementary: row.supplementary,
    cancelsInvoiceId: row.cancelsInvoiceId,
    correctsInvoiceId: row.correctsInvoiceId,
    createdAt: isoTimestamp(row.createdAt),
  };
}
export type InvoiceSummaryView = ReturnType<typeof presentInvoiceSummary>;

export function presentLine(row: LineRow) {
  return {
    position: row.position,
    lineKey: row.lineKey,
    caseId: row.caseId,
    clientId: row.clientId,
    agreementId: row.agreementId,
    label: row.label,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unitPrice,
    amountCents: row.amountCents,
    amount: formatCents(row.amountCents),
    rateId: row.rateId,
    exampleValue: row.exampleValue,
    ruleId: row.ruleId,
    source: row.source as { file: string; clause: string; quote?: string },
    policies: row.policies as Array<{ decision: string; option: string; origin: string }>,
    evidence: row.evidence as Record<string, unknown>,
    costCoverageFileReference: row.costCoverageFileReference,
  };
}
export type LineView = ReturnType<typeof presentLine>;

/** A hold with the agreement instance of its case (the hold row names only the agreement; null when the case is gone). */
export function presentHold(row: HoldRow, agreementInstanceId: string | null) {
  return {
    id: row.id,
    runId: row.runId,
    payerId: row.payerId,
    caseId: row.caseId,
    clientId: row.clientId,
    agreementId: row.agreementId,
    agreementInstanceId,
    kind: row.kind,
    code: row.code,
    message: row.message,
    release: row.release,
    inputId: row.inputId,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    quantity: row.quantity,
    unit: row.unit,
    amountCents: row.amountCents,
    amount: row.amountCents === null ? null : formatCents(row.amountCents),
    ruleId: row.ruleId,
    source: row.source as { file: string; clause: string; quote?: string },
    policies: row.policies as Array<{ decision: string; option: string; origin: string }>,
    evidence: row.evidence as Record<string, unknown>,
  };
}
export type HoldView = ReturnType<typeof presentHold>;

/** Line counts per invoice id. */
export async function countLines(tx: Executor, organisationId: string, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await tx
    .select({ invoiceId: invoiceLines.invoiceId, count: sql<number>`count(*)::int` })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organisationId, organisationId), inArray(invoiceLines.invoiceId, invoiceIds)))
    .groupBy(invoiceLines.invoiceId);
  return new Map(rows.map((row) => [row.invoiceId, Number(row.count)]));
}

export async function presentInvoiceSummaries(tx: Executor, organisationId: string, rows: InvoiceRow[]): Promise<InvoiceSummaryView[]> {
  const counts = await countLines(tx, organisationId, rows.map((row) => row.id));
  return rows.map((row) => presentInvoiceSummary(row, counts.get(row.id) ?? 0));
}

export function presentRunRow(row: RunRow) {
  return {
    id: row.id,
    month: row.month,
    state: row.state,
    computedAt: isoTimestamp(row.computedAt),
    issuedAt: isoTimestamp(row.issuedAt),
    caseCount: row.caseCount,
    createdAt: isoTimestamp(row.createdAt),
  };
}

/** The sums a clerk checks first: invoices (not cancellations) and their total, holds and their computed amount. */
export function presentRunTotals(invoiceCount: number, totalCents: number, holdCount: number, heldCents: number) {
  return { invoiceCount, totalCents, total: formatCents(totalCents), holdCount, heldCents, held: formatCents(heldCents) };
}

/** A run with its invoices (totals, no lines) and its holds, and the sums a clerk checks first. */
export async function loadRunView(tx: Executor, organisationId: string, runId: string) {
  const [run] = await tx.select().from(billingRuns).where(and(eq(billingRuns.organisationId, organisationId), eq(billingRuns.id, runId))).limit(1);
  if (!run) throw notFound("Abrechnungslauf", runId);
  const invoiceRows = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, organisationId), eq(invoices.runId, runId)))
    .orderBy(asc(invoices.id));
  const holdRows = await tx
    .select({ hold: billingHolds, agreementInstanceId: cases.agreementInstanceId })
    .from(billingHolds)
    .leftJoin(cases, and(eq(cases.organisationId, billingHolds.organisationId), eq(cases.id, billingHolds.caseId)))
    .where(and(eq(billingHolds.organisationId, organisationId), eq(billingHolds.runId, runId)))
    .orderBy(asc(billingHolds.id));
  const invoiceViews = await presentInvoiceSummaries(tx, organisationId, invoiceRows);
  const holds = holdRows.map((row) => presentHold(row.hold, row.agreementInstanceId));
  const ownInvoices = invoiceViews.filter((invoice) => invoice.kind === "invoice");
  const totalCents = ownInvoices.reduce((sum, invoice) => sum + invoice.totalCents, 0);
  const heldCents = holds.reduce((sum, hold) => sum + (hold.amountCents ?? 0), 0);
  return {
    ...presentRunRow(run),
    totals: presentRunTotals(ownInvoices.length, totalCents, holds.length, heldCents),
    invoices: invoiceViews,
    holds,
  };
}
export type RunView = Awaited<ReturnType<typeof loadRunView>>;

/** An invoice with all its lines. */
export async function loadInvoiceView(tx: Executor, organisationId: string, invoiceId: string) {
  const [row] = await tx.select().from(invoices).where(and(eq(invoices.organisationId, organisationId), eq(invoices.id, invoiceId))).limit(1);
  if (!row) throw notFound("Rechnung", invoiceId);
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organisationId, organisationId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.position));
  return { ...presentInvoiceSummary(row, lines.length), lines: lines.map(presentLine) };
}
export type InvoiceView = Awaited<ReturnType<typeof loadInvoiceView>>;
