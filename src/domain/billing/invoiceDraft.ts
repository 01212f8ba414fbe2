/**
 * The result of billing one case for one period: invoice lines, holds and rejections, each explained by the
 * rule, clause and policy option that produced it. Amounts are exact until presented; each line amount is
 * rounded once, half-up, and the total is the sum of the presented line amounts (to the cent).
 */
import type { Exact } from "../money/amount.ts";
import type { Explanation, Finding } from "../results/explanation.ts";
import type { RateUnit } from "./rateParameters.ts";

export interface LineComponent {
  name: string;
  unitAmount: string;
  amount: string;
}

export interface InvoiceLine {
  id: string;
  label: string;
  /** First and last service date covered by the line (ISO). */
  periodFrom: string;
  periodTo: string;
  quantity: Exact;
  unit: RateUnit;
  unitPrice: Exact;
  /** Exact amount (quantity × unit price); present it with roundHalfUp. */
  amount: Exact;
  components?: LineComponent[];
  /** The service dates or entries behind the line, for the payer's check. */
  evidence: { dates?: string[]; entryIds?: string[]; costCoverageIds?: string[]; note?: string };
  rateId: string;
  /** Marks a line priced with a Beispielwert (example input), never a real rate. */
  exampleValue: boolean;
  explanation: Explanation;
}

export type HoldKind = "hold" | "rejected";

export interface Hold {
  kind: HoldKind;
  code: string;
  /** German reason, naming the missing input and its clause where one is missing. */
  message: string;
  /** What would release the hold, in German. */
  release: string;
  inputId?: string;
  periodFrom: string;
  periodTo: string;
  quantity: Exact;
  unit: RateUnit;
  /** The amount the held quantity would bring at the applicable rate, where a rate is known. */
  amount?: Exact;
  evidence: { dates?: string[]; entryIds?: string[] };
  explanation: Explanation;
}

export interface BillingTotals {
  billed: Exact;
  held: Exact;
  /** Quantities per unit: delivered (under this agreement) = billed + held + rejected. */
  quantities: Record<string, { delivered: Exact; billed: Exact; held: Exact; rejected: Exact }>;
}

export interface InvoiceDraft {
  agreementId: string;
  caseId: string;
  clientId: string;
  payerId?: string;
  periodFrom: string;
  periodTo: string;
  lines: InvoiceLine[];
  holds: Hold[];
  findings: Finding[];
  totals: BillingTotals;
  /** Every policy option applied in this draft. */
  policies: Explanation["policies"];
  /** Entries of other legal bases (e.g. SGB VIII) that do not belong on this invoice. */
  excludedEntryIds: string[];
}
