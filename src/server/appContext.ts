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
  const grant = grantOf(actor);
  return context.store.transaction(async (tx) => {
    const scope: RequestScope = { actor, tx, context, grant, audit: {} };
    const result = await work(scope);
    if (grant) await auditRequest(tx, actor, grant, context.now(), scope.audit, result);
    return result;
  });
}

const BERLIN_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });

/** Today in Europe/Berlin as ISO date. */
export function todayInGermany(): string {
  return BERLIN_DATE.format(new Date());
}
