/**
 * Issuing: a draft invoice gets its number (gapless per provider and year, assignInvoiceNumber.ts), its issue
 * date (today) and the state issued, in the caller's transaction. From then on the database refuses any change
 * to it or its lines (trigger of migration 0001, GoBD). A run whose drafts are all issued is issued itself.
 */
import { and, asc, eq } from "drizzle-orm";
import { billingRuns, invoices } from "../../store/schema/index.ts";
import { conflict, notFound } from "../problem.ts";
import { assignInvoiceNumber } from "./assignInvoiceNumber.ts";
import { lockBillingMonth } from "./billingMonthLock.ts";
import type { BillingScope } from "./billingScope.ts";

type InvoiceRow = typeof invoices.$inferSelect;

/** Issues one draft invoice (no lock or checks: callers hold the month). */
export async function issueDraftInvoice(scope: BillingScope, invoice: InvoiceRow): Promise<InvoiceRow> {
  const issueDate = scope.today();
  const assigned = await assignInvoiceNumber(scope.tx, scope.organisationId, Number(issueDate.slice(0, 4)));
  const [updated] = await scope.tx
    .update(invoices)
    .set({ state: "issued", number: assigned.number, year: assigned.year, sequence: assigned.sequence, issueDate })
    .where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.id, invoice.id), eq(invoices.state, "draft")))
    .returning();
  if (!updated) throw conflict(`Rechnung „${invoice.id}“ ist bereits ausgestellt`);
  return updated;
}

/** Marks the run issued once none of its invoices is a draft any more. */
async function settleRun(scope: BillingScope, runId: string | null): Promise<void> {
  if (!runId) return;
  const drafts = await scope.tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.runId, runId), eq(invoices.state, "draft")))
    .limit(1);
  if (drafts.length === 0)
    await scope.tx
      .update(billingRuns)
      .set({ state: "issued", issuedAt: scope.now() })
      .where(and(eq(billingRuns.organisationId, scope.organisationId), eq(billingRuns.id, runId), eq(billingRuns.state, "draft")));
}

/** Issues every draft invoice of a draft run, in invoice-id order; returns them issued. */
export async function issueBillingRun(scope: BillingScope, runId: string): Promise<InvoiceRow[]> {
  const [run] = await scope.tx.select().from(billingRuns).where(and(eq(billingRuns.organisationId, scope.organisationId), eq(billingRuns.id, runId))).limit(1);
  if (!run) throw notFound("Abrechnungslauf", runId);
  if (run.state !== "draft") throw conflict(`Abrechnungslauf „${runId}“ (${run.month}) ist bereits ausgestellt`);
  await lockBillingMonth(scope.tx, scope.organisationId, run.month);
  const drafts = await scope.tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.runId, runId), eq(invoices.state, "draft")))
    .orderBy(asc(invoices.id));
  const issued: InvoiceRow[] = [];
  for (const draft of drafts) issued.push(await issueDraftInvoice(scope, draft));
  await settleRun(scope, runId);
  return issued;
}

/** Issues one draft invoice. */
export async function issueInvoice(scope: BillingScope, invoiceId: string): Promise<InvoiceRow> {
  const [invoice] = await scope.tx.select().from(invoices).where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.id, invoiceId))).limit(1);
  if (!invoice) throw notFound("Rechnung", invoiceId);
  if (invoice.state !== "draft") throw conflict(`Rechnung „${invoiceId}“ ist bereits ausgestellt (Nummer ${invoice.number})`);
  await lockBillingMonth(scope.tx, scope.organisationId, invoice.month);
  const issued = await issueDraftInvoice(scope, invoice);
  await settleRun(scope, invoice.runId);
  return issued;
}

