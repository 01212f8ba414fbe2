/**
 * Invoice numbers, unique and gapless per provider and year ("2026-000001"), drawn in the committing
 * transaction: the counter row is created or incremented by one UPDATE … RETURNING, which locks it until the
 * transaction ends. A rolled-back issue gives its number back; a concurrent one waits and takes the next.
 */
import { sql } from "drizzle-orm";
import { invoiceNumberCounters } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";

export interface InvoiceNumber {
  year: number;
  sequence: number;
  number: string;
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, "0")}`;
}

export async function assignInvoiceNumber(tx: Executor, organisationId: string, year: number): Promise<InvoiceNumber> {
  const [row] = await tx
    .insert(invoiceNumberCounters)
    .values({ organisationId, year, lastSequence: 1 })
    .onConflictDoUpdate({ target: [invoiceNumberCounters.organisationId, invoiceNumberCounters.year], set: { lastSequence: sql`${invoiceNumberCounters.lastSequence} + 1` } })
    .returning({ lastSequence: invoiceNumberCounters.lastSequence });
  const sequence = row!.lastSequence;
  return { year, sequence, number: formatInvoiceNumber(year, sequence) };
}
