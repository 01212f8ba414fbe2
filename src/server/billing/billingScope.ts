/**
 * What the billing-run service works with: one open transaction, the provider (tenant) it works for, the
 * agreement catalogue and the clock (passed in, so that the HTTP routes, the CLI and tests fix it the same way).
 */
import type { Catalogue } from "../../catalogue/agreementCatalogue.ts";
import type { Transaction } from "../../store/store.ts";

export interface BillingScope {
  tx: Transaction;
  organisationId: string;
  catalogue: Catalogue;
  /** Today's date (ISO), the issue date of invoices issued now. */
  today: () => string;
  /** Now as an ISO timestamp. */
  now: () => string;
}
