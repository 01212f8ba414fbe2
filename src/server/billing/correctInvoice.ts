/**
 * A correction of an issued invoice (GoBD: never changed): a cancellation invoice with the negated lines,
 * naming the original (`cancelsInvoiceId`) and issued at once with its own number, plus a new draft for that
 * payer and month, recomputed by the billing run (`correctsInvoiceId` = the original). Both link to the original.
 */
import { and, asc, eq } from "drizzle-orm";
import { Exact } from "../../domain/money/amount.ts";
import { invoiceLines, invoices } from "../../store/schema/index.ts";
import { insertRowsAsJson } from "../../store/insertRowsAsJson.ts";
import { conflict, notFound } from "../problem.ts";
import type { BillingScope } from "./billingScope.ts";
import { issueDraftInvoice } from "./issueInvoices.ts";
import { lockBillingMonth } from "./billingMonthLock.ts";
import { runBillingMonth } from "./runBillingMonth.ts";

type InvoiceRow = typeof invoices.$inferSelect;

export interface CorrectionOutcome {
  cancellation: InvoiceRow;
  /** The new draft for the payer and month; null when the month now gives nothing more to bill for the payer. */
  replacement: InvoiceRow | null;
  runId: string;
}

export async function correctInvoice(scope: BillingScope, invoiceId: string): Promise<CorrectionOutcome> {
  const organisationId = scope.organisationId;
  const [original] = await scope.tx.select().from(invoices).where(and(eq(invoices.organisationId, organisationId), eq(invoices.id, invoiceId))).limit(1);
  if (!original) throw notFound("Rechnung", invoiceId);
  if (original.state !== "issued") throw conflict(`Rechnung „${invoiceId}“ ist ein Entwurf; ein Entwurf wird durch einen neuen Abrechnungslauf ersetzt, nicht storniert`);
  if (original.kind === "cancellation") throw conflict(`Rechnung ${original.number} ist selbst eine Stornorechnung und kann nicht korrigiert werden`);
  await lockBillingMonth(scope.tx, organisationId, original.month);
  const [existing] = await scope.tx
    .select({ number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.organisationId, organisationId), eq(invoices.cancelsInvoiceId, invoiceId)))
    .limit(1);
  if (existing) throw conflict(`Rechnung ${original.number} ist bereits durch Stornorechnung ${existing.number} storniert`);

  const lines = await scope.tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organisationId, organisationId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.position));
  const cancellationId = `${invoiceId}-S`;
  const [draft] = await scope.tx
    .insert(invoices)
    .values({
      organisationId,
      id: cancellationId,
      runId: original.runId,
      payerId: original.payerId,
      month: original.month,
      kind: "cancellation",
      state: "draft",
      periodFrom: original.periodFrom,
      periodTo: original.periodTo,
      totalCents: -original.totalCents,
      cancelsInvoiceId: original.id,
      supplementary: original.supplementary,
    })
    .returning();
  if (lines.length > 0)
    await insertRowsAsJson(
      scope.tx,
      invoiceLines,
      lines.map((line) => ({ ...line, invoiceId: cancellationId, quantity: new Exact(line.quantity).negated().toString(), amountCents: -line.amountCents })),
    );
  const cancellation = await issueDraftInvoice(scope, draft!);

  const outcome = await runBillingMonth(scope, original.month, { corrections: new Map([[original.payerId ?? "", original.id]]) });
  const [replacement] = await scope.tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, organisationId), eq(invoices.correctsInvoiceId, original.id), eq(invoices.state, "draft")))
    .limit(1);
  return { cancellation, replacement: replacement ?? null, runId: outcome.runId };
}
