/**
 * The invoice draft of one case for a period, as the API shows it: lines and holds with rule id, clause
 * (source) and policy options, amounts as decimal strings rounded once half-up per line (presentInvoiceDraft).
 * A preview: nothing is stored.
 */
import { billCase } from "../../domain/billing/billCase.ts";
import { presentInvoiceDraft, type InvoiceDraftView } from "../../domain/billing/presentInvoiceDraft.ts";
import type { Period } from "./periodQuery.ts";
import type { ResolvedCase } from "./loadStoredCase.ts";

export function computeBillingPreview(stored: Pick<ResolvedCase, "agreement" | "caseFile">, period: Period): InvoiceDraftView {
  return presentInvoiceDraft(billCase(stored.agreement, stored.caseFile, period));
}
