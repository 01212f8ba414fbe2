/**
 * The invoice draft as plain JSON: amounts as presented (rounded half-up to the cent), quantities exact,
 * each line and hold with its rule, clause and policy options. Used by the CLI (--json) and the API.
 */
import { formatFixed, type Exact } from "../money/amount.ts";
import type { Hold, InvoiceDraft, InvoiceLine } from "./invoiceDraft.ts";

/** Exact quantity without trailing zeros beyond what it needs ("5.5", "0.75", "31"). */
export function presentQuantity(quantity: Exact): string {
  return quantity.toDecimalPlaces(6).toString();
}

function presentLine(line: InvoiceLine) {
  return {
    id: line.id,
    label: line.label,
    periodFrom: line.periodFrom,
    periodTo: line.periodTo,
    quantity: presentQuantity(line.quantity),
    unit: line.unit,
    unitPrice: formatFixed(line.unitPrice),
    amount: formatFixed(line.amount),
    ...(line.components ? { components: line.components } : {}),
    exampleValue: line.exampleValue,
    rateId: line.rateId,
    ruleId: line.explanation.ruleId,
    source: line.explanation.source,
    policies: line.explanation.policies ?? [],
    evidence: line.evidence,
  };
}

function presentHold(hold: Hold) {
  return {
    kind: hold.kind,
    code: hold.code,
    message: hold.message,
    release: hold.release,
    ...(hold.inputId ? { inputId: hold.inputId } : {}),
    periodFrom: hold.periodFrom,
    periodTo: hold.periodTo,
    quantity: presentQuantity(hold.quantity),
    unit: hold.unit,
    ...(hold.amount ? { amount: formatFixed(hold.amount) } : {}),
    ruleId: hold.explanation.ruleId,
    source: hold.explanation.source,
    policies: hold.explanation.policies ?? [],
    evidence: hold.evidence,
  };
}

export type InvoiceDraftView = ReturnType<typeof presentInvoiceDraft>;

export function presentInvoiceDraft(draft: InvoiceDraft) {
  return {
    agreementId: draft.agreementId,
    caseId: draft.caseId,
    clientId: draft.clientId,
    ...(draft.payerId ? { payerId: draft.payerId } : {}),
    periodFrom: draft.periodFrom,
    periodTo: draft.periodTo,
    lines: draft.lines.map(presentLine),
    holds: draft.holds.map(presentHold),
    findings: draft.findings,
    totals: {
      billed: formatFixed(draft.totals.billed),
      held: formatFixed(draft.totals.held),
      quantities: Object.fromEntries(
        Object.entries(draft.totals.quantities).map(([unit, quantity]) => [
          unit,
          { delivered: presentQuantity(quantity.delivered), billed: presentQuantity(quantity.billed), held: presentQuantity(quantity.held), rejected: presentQuantity(quantity.rejected) },
        ]),
      ),
    },
    policies: draft.policies ?? [],
    excludedEntryIds: draft.excludedEntryIds,
  };
}
