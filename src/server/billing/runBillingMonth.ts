/**
 * The billing run of a provider's month, in the caller's one transaction: the engine over every case active in
 * the month, one draft invoice per payer with its lines, and the holds. Re-running a draft month replaces its
 * draft (same run id, same invoice and hold ids: the same rows). For a month with issued invoices only the
 * difference to what they billed becomes a new, supplementary draft (compareWithIssued.ts).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { insertRowsAsJson } from "../../store/insertRowsAsJson.ts";
import { billingHolds, billingRuns, invoiceLines, invoices } from "../../store/schema/index.ts";
import { resolveMonthPeriod } from "./billingMonth.ts";
import { lockBillingMonth } from "./billingMonthLock.ts";
import type { BillingScope } from "./billingScope.ts";
import { compareWithIssued, type IssuedLine } from "./compareWithIssued.ts";
import { computeMonthBilling, type ComputedHold, type ComputedLine } from "./computeMonthBilling.ts";
import { pauseBillingRunForTest } from "./testPause.ts";

/** Ids that sort in the order the run made them: "<run>-R0001" per payer, "<run>-H000001" per hold. */
function invoiceIdOf(runId: string, index: number): string {
  return `${runId}-R${String(index).padStart(4, "0")}`;
}
function holdIdOf(runId: string, index: number): string {
  return `${runId}-H${String(index).padStart(6, "0")}`;
}

export interface RunOptions {
  /** Payers whose new draft replaces a cancelled invoice: payer id → id of the original invoice. */
  corrections?: Map<string, string>;
}

export interface RunOutcome {
  runId: string;
  /** True when an existing draft of the month was replaced. */
  replaced: boolean;
}

/** Lines already billed for the month by issued invoices and cancellations, with the invoice they are on. */
async function loadIssuedLines(scope: BillingScope, month: string): Promise<Map<string, IssuedLine[]>> {
  const issued = await scope.tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.month, month), eq(invoices.state, "issued")));
  const byPayer = new Map<string, IssuedLine[]>();
  if (issued.length === 0) return byPayer;
  const cancelled = new Set(issued.filter((invoice) => invoice.kind === "cancellation").map((invoice) => invoice.cancelsInvoiceId));
  const invoiceById = new Map(issued.map((invoice) => [invoice.id, invoice]));
  const rows = await scope.tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organisationId, scope.organisationId), inArray(invoiceLines.invoiceId, [...invoiceById.keys()])))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  for (const row of rows) {
    const invoice = invoiceById.get(row.invoiceId)!;
    const payerId = invoice.payerId ?? "";
    let list = byPayer.get(payerId);
    if (!list) byPayer.set(payerId, (list = []));
    list.push({
      lineKey: row.lineKey,
      caseId: row.caseId,
      clientId: row.clientId,
      agreementId: row.agreementId,
      label: row.label,
      unit: row.unit,
      quantity: row.quantity,
      amountCents: row.amountCents,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number ?? invoice.id,
      invoiceKind: invoice.kind,
      invoiceCancelled: cancelled.has(invoice.id),
    });
  }
  return byPayer;
}

/** Deletes the month's draft invoices (of any run) with their lines, and the holds of the draft run. */
async function removeDrafts(scope: BillingScope, month: string, draftRunId: string | undefined): Promise<Map<string, string>> {
  const drafts = await scope.tx
    .select({ id: invoices.id, payerId: invoices.payerId, correctsInvoiceId: invoices.correctsInvoiceId })
    .from(invoices)
    .where(and(eq(invoices.organisationId, scope.organisationId), eq(invoices.month, month), eq(invoices.state, "draft")));
  const corrections = new Map<string, string>();
  for (const draft of drafts) if (draft.correctsInvoiceId && draft.payerId) corrections.set(draft.payerId, draft.correctsInvoiceId);
  if (drafts.length > 0) {
    const ids = drafts.map((draft) => draft.id);
    await scope.tx.delete(invoiceLines).where(and(eq(invoiceLines.organisationId, scope.organisationId), inArray(invoiceLines.invoiceId, ids)));
    await scope.tx.delete(invoices).where(and(eq(invoices.organisationId, scope.organisationId), inArray(invoices.id, ids)));
  }
  if (draftRunId) await scope.tx.delete(billingHolds).where(and(eq(billingHolds.organisationId, scope.organisationId), eq(billingHolds.runId, draftRunId)));
  return corrections;
}

function groupByPayer(lines: ComputedLine[]): Map<string, ComputedLine[]> {
  const groups = new Map<string, ComputedLine[]>();
  for (const line of lines) {
    const group = groups.get(line.payerId);
    if (group) group.push(line);
    else groups.set(line.payerId, [line]);
  }
  return groups;
}

export async function runBillingMonth(scope: BillingScope, month: string, options: RunOptions = {}): Promise<RunOutcome> {
  const period = resolveMonthPeriod(month);
  await lockBillingMonth(scope.tx, scope.organisationId, month);
  const organisationId = scope.organisationId;
  const computed = await computeMonthBilling(scope, month);
  const issuedByPayer = await loadIssuedLines(scope, month);

  const [draftRun] = await scope.tx
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.organisationId, organisationId), eq(billingRuns.month, month), eq(billingRuns.state, "draft")))
    .limit(1);
  const runId = draftRun?.id ?? randomUUID();
  const corrections = await removeDrafts(scope, month, draftRun?.id);
  for (const [payerId, invoiceId] of options.corrections ?? []) corrections.set(payerId, invoiceId);
  if (draftRun) await scope.tx.update(billingRuns).set({ computedAt: scope.now(), caseCount: computed.caseCount }).where(and(eq(billingRuns.organisationId, organisationId), eq(billingRuns.id, runId)));
  else await scope.tx.insert(billingRuns).values({ organisationId, id: runId, month, state: "draft", computedAt: scope.now(), caseCount: computed.caseCount });

  const holds: ComputedHold[] = [...computed.holds];
  const targetByPayer = groupByPayer(computed.lines);
  const payerIds = [...new Set([...targetByPayer.keys(), ...issuedByPayer.keys()])].sort();
  // Invoices already issued out of this run keep their ids; new drafts take the next free ones.
  const takenIds = new Set(
    draftRun
      ? (await scope.tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.organisationId, organisationId), eq(invoices.runId, runId)))).map((row) => row.id)
      : [],
  );
  let invoiceIndex = 0;
  for (const payerId of payerIds) {
    const difference = compareWithIssued(payerId, targetByPayer.get(payerId) ?? [], issuedByPayer.get(payerId) ?? [], period);
    holds.push(...difference.holds);
    if (difference.lines.length === 0) continue;
    do invoiceIndex += 1;
    while (takenIds.has(invoiceIdOf(runId, invoiceIndex)));
    const invoiceId = invoiceIdOf(runId, invoiceIndex);
    const correctsInvoiceId = corrections.get(payerId) ?? null;
    await scope.tx.insert(invoices).values({
      organisationId,
      id: invoiceId,
      runId,
      payerId,
      month,
      kind: "invoice",
      state: "draft",
      periodFrom: period.from,
      periodTo: period.to,
      totalCents: difference.lines.reduce((sum, line) => sum + line.amountCents, 0),
      correctsInvoiceId,
      supplementary: difference.supplementary,
    });
    await insertLines(scope, invoiceId, difference.lines);
  }
  const holdRows = holds.map((hold, index) => ({ organisationId, id: holdIdOf(runId, index + 1), runId, ...hold }));
  await insertRowsAsJson(scope.tx, billingHolds, holdRows);
  await pauseBillingRunForTest();
  return { runId, replaced: draftRun !== undefined };
}


export async function insertLines(scope: BillingScope, invoiceId: string, lines: Array<Omit<ComputedLine, "payerId">>): Promise<void> {
  const rows = lines.map((line, index) => {
    const { payerId: _payerId, ...stored } = line as ComputedLine;
    return { ...stored, organisationId: scope.organisationId, invoiceId, position: index + 1 };
  });
  await insertRowsAsJson(scope.tx, invoiceLines, rows);
}
