/**
 * One billing run per provider and month at a time. Two guards, because the two engines differ:
 * - in this process, a set of the (organisation, month) pairs being worked on: PGlite runs every transaction
 *   on one connection, where an advisory lock would be re-entrant and never refuse;
 * - inside the run's transaction, `pg_try_advisory_xact_lock` on PostgreSQL: it refuses a second process (a
 *   second server, the CLI) and is released by the commit or rollback, also when the process dies.
 * Whoever comes second gets 409 and changes nothing.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../store/store.ts";
import { conflict } from "../problem.ts";

const running = new Set<string>();

function monthKey(organisationId: string, month: string): string {
  return `${organisationId}|${month}`;
}

function refuse(month: string): Error {
  return conflict(`Für ${month} läuft bereits ein Abrechnungslauf; bitte warten und erneut versuchen`, { month });
}

/** Runs the work while this process holds the month; a second caller in the same process gets 409 at once. */
export async function guardBillingMonth<T>(organisationId: string, month: string, work: () => Promise<T>): Promise<T> {
  const key = monthKey(organisationId, month);
  if (running.has(key)) throw refuse(month);
  running.add(key);
  try {
    return await work();
  } finally {
    running.delete(key);
  }
}

/** Takes the month's advisory lock for the rest of the transaction, or throws 409 when another session holds it. */
export async function lockBillingMonth(tx: Executor, organisationId: string, month: string): Promise<void> {
  const result = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`teilhabe-billing|${monthKey(organisationId, month)}`}, 0)) AS locked`);
  const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ locked: boolean }> }).rows) as Array<{ locked: boolean }>;
  if (rows[0]?.locked !== true) throw refuse(month);
}
