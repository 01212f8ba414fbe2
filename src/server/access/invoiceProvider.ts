/**
 * Which provider's invoice a request may read. A payer's caseworker (access "addressed" in accessMatrix.ts)
 * reads only issued invoices addressed to the payer, from every provider; everyone else their own
 * organisation's. An invoice the request may not see is not found (404), so ids leak nothing.
 */
import { and, eq } from "drizzle-orm";
import { invoices } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import { notFound } from "../problem.ts";

/** Whether the request is a payer's caseworker's, who sees only issued invoices addressed to the payer. */
export function isAddressedView(scope: RequestScope): boolean {
  return scope.grant?.access === "addressed";
}

/** The provider whose invoice the request may read: its own, or for a payer's caseworker the issuer of an issued invoice addressed to the payer; else 404. */
export async function findInvoiceProvider(scope: RequestScope, invoiceId: string): Promise<string> {
  if (!isAddressedView(scope)) return scope.actor.organisationId;
  const [row] = await scope.tx
    .select({ organisationId: invoices.organisationId })
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.payerId, scope.actor.organisationId), eq(invoices.state, "issued")))
    .limit(1);
  if (!row) throw notFound("Rechnung", invoiceId);
  return row.organisationId;
}
