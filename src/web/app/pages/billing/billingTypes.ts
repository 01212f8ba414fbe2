/**
 * The shapes of the billing answers as the API gives them (src/server/routes/billingRoutes.ts): amounts in
 * integer cents and as decimal text, every line and hold with its rule id, source and policy options; timestamps
 * (…At) as ISO 8601.
 */

export interface Source {
  file: string;
  clause: string;
  quote?: string;
}

export interface PolicyChoice {
  decision: string;
  option: string;
  origin: string;
}

export interface PostalAddress {
  street?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

/** The invoice's provider (seller) with the name and address the invoice prints; name null when not recorded. */
export interface InvoiceProvider {
  id: string;
  name: string | null;
  address: PostalAddress;
}

export interface InvoiceSummary {
  id: string;
  providerId: string;
  runId: string | null;
  payerId: string | null;
  month: string;
  kind: "invoice" | "cancellation";
  state: "draft" | "issued";
  number: string | null;
  issueDate: string | null;
  periodFrom: string;
  periodTo: string;
  totalCents: number;
  total: string;
  lineCount: number;
  supplementary: boolean;
  cancelsInvoiceId: string | null;
  correctsInvoiceId: string | null;
  createdAt: string;
}

export interface InvoiceLine {
  position: number;
  lineKey: string;
  caseId: string;
  clientId: string;
  agreementId: string;
  label: string;
  periodFrom: string;
  periodTo: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amountCents: number;
  amount: string;
  rateId: string;
  exampleValue: boolean;
  ruleId: string;
  source: Source;
  policies: PolicyChoice[];
  evidence: Record<string, unknown>;
  costCoverageFileReference: string | null;
}

/** An entry behind a line (evidence.entries): its date and documented minutes, null when no longer recorded. */
export interface EvidenceEntry {
  id: string;
  date: string | null;
  minutes: number | null;
}

/** An invoice in GET /invoices: the summary with its provider. */
export interface InvoiceListItem extends InvoiceSummary {
  provider: InvoiceProvider;
}

export interface Invoice extends InvoiceListItem {
  lines: InvoiceLine[];
}

export interface Hold {
  id: string;
  runId: string;
  payerId: string | null;
  caseId: string;
  clientId: string;
  agreementId: string;
  /** The provider's agreement instance of the hold's case (link /vereinbarungen/<id>); null when the case is gone. */
  agreementInstanceId: string | null;
  kind: "hold" | "rejected";
  code: string;
  message: string;
  release: string;
  inputId: string | null;
  periodFrom: string;
  periodTo: string;
  quantity: string;
  unit: string;
  amountCents: number | null;
  amount: string | null;
  ruleId: string;
  source: Source;
  policies: PolicyChoice[];
  evidence: Record<string, unknown>;
}

export interface RunRow {
  id: string;
  month: string;
  state: "draft" | "issued";
  computedAt: string;
  issuedAt: string | null;
  caseCount: number;
  createdAt: string;
}

export interface RunTotals {
  invoiceCount: number;
  totalCents: number;
  total: string;
  holdCount: number;
  heldCents: number;
  held: string;
}

/** A run in GET /billing-runs (newest month first), with the same totals as the run itself. */
export interface RunListItem extends RunRow {
  totals: RunTotals;
}

export interface RunSummary extends RunListItem {
  invoices: InvoiceSummary[];
}

export interface Run extends RunSummary {
  holds: Hold[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  leitwegId?: string | null;
  address?: { street?: string; postalCode?: string; city?: string; countryCode?: string } | null;
}
