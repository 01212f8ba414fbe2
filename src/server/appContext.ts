/** What every router needs: the store, the agreement catalogue and the clock (the core never reads one itself). */
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Store, Transaction } from "../store/store.ts";
import type { Actor } from "./actor.ts";

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
}

/** Runs a request's work in one transaction: a refused request changes nothing. */
export function runInTransaction<T>(context: AppContext, actor: Actor, work: (scope: RequestScope) => Promise<T>): Promise<T> {
  return context.store.transaction((tx) => work({ actor, tx, context }));
}

const BERLIN_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });

/** Today in Europe/Berlin as ISO date. */
export function todayInGermany(): string {
  return BERLIN_DATE.format(new Date());
}
