/** What every router needs: the store, the agreement catalogue and the clock (the core never reads one itself). */
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Store, Transaction } from "../store/store.ts";
import type { Actor } from "./actor.ts";
import { auditRequest, type AuditDetails } from "./access/auditRequest.ts";
import { grantOf, type RequestGrant } from "./access/clientScope.ts";

export interface AppContext {
  store: Store;
  catalogue: Catalogue;
  /** Today's date in Germany (ISO); injected so that tests can fix it. */
  today: () => string;
  /** Now as an ISO timestamp. */
  now: () => string;
}

/** The state one request works in: its actor and its transaction. */
export interface RequestScope {
  actor: Actor;
  tx: Transaction;
  context: AppContext;
  /** What the access matrix granted this request (authoriseRequest.ts); undefined for the system role. */
  grant?: RequestGrant | undefined;
  /** What the route adds to the request's audit entry (the created object's id, its client). */
  audit: AuditDetails;
}

/**
 * Runs a request's work in one transaction: a refused request changes nothing. A person's write or read of a
 * client's file appends its audit entry in the same transaction (auditRequest.ts), so a committed change always
 * has its entry and a refused one leaves none.
 */
export function runInTransaction<T>(context: AppContext, actor: Actor, work: (scope: RequestScope) => Promise<T>): Promise<T> {
  return runAudited(context, actor, work, (scoped) => context.store.transaction(scoped));
}

/**
 * Runs a read-only request (a GET that writes nothing but its audit entry): like runInTransaction, but through
 * the store's `read` (no BEGIN/COMMIT on PostgreSQL, store.ts). The audit entry is appended after the work
 * has succeeded and before the answer is sent, by one statement: a read whose entry could not be written is
 * answered with an error and no data, as inside a transaction; a failed read leaves no entry.
 * Work that writes anything else must use runInTransaction.
 */
export function runRead<T>(context: AppContext, actor: Actor, work: (scope: RequestScope) => Promise<T>): Promise<T> {
  return runAudited(context, actor, work, (scoped) => context.store.read(scoped));
}

/** The request's work and then its audit entry, on the executor that `open` gives (a transaction, or a read). */
function runAudited<T>(context: AppContext, actor: Actor, work: (scope: RequestScope) => Promise<T>, open: (scoped: (tx: Transaction) => Promise<T>) => Promise<T>): Promise<T> {
  const grant = grantOf(actor);
  return open(async (tx) => {
    const scope: RequestScope = { actor, tx, context, grant, audit: {} };
    const result = await work(scope);
    if (grant) await auditRequest(tx, actor, grant, context.now(), scope.audit, result);
    return result;
  });
}

const BERLIN_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });

let knownDay: { text: string; from: number; until: number } | undefined;

/**
 * Today in Europe/Berlin as ISO date. Formatting with the time zone costs more than a request's own work in
 * the engine, so the date is kept until the next full minute (it changes at midnight, which is a full minute).
 */
export function todayInGermany(): string {
  const now = Date.now();
  if (knownDay && now >= knownDay.from && now < knownDay.until) return knownDay.text;
  const minute = Math.floor(now / 60_000) * 60_000;
  knownDay = { text: BERLIN_DATE.format(new Date(now)), from: minute, until: minute + 60_000 };
  return knownDay.text;
}
