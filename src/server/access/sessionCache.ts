/**
 * The session rows this server process has just read, kept for a moment so that a burst of requests of one
 * session (a page loading its parts, a clerk's billing screen) looks its session up in the database once, not
 * once per request. Every request of a session otherwise starts with that lookup: on PostgreSQL one of the
 * five round trips of creating a service entry, one of the three of reading a client's month.
 *
 * What a cached row may be behind the database, and for how long:
 * - Changes made through this process (log-in, log-out, log-out everywhere, password change, second factor,
 *   single sign-on: every route under /api/v1/auth/) clear the whole cache when their answer has been sent,
 *   which is after their transaction has committed (actor.ts). A lookup that read the database before such a
 *   commit does not store what it read (the generation check below), so no older row outlives the clear.
 * - An expired, disabled or half-logged-in session is deleted and forgotten at once (sessionStore.ts).
 * - Changes made outside this process (another server process, a command-line tool, SQL by hand) reach it
 *   after at most `freshMilliseconds` (default 1 s, TEILHABE_SESSION_CACHE_MS; 0 turns the cache off).
 * Expiry is judged on every request against the request's own time, never cached; the last-seen time is still
 * written once a minute (sessionStore.ts).
 *
 * Freshness is measured on the process's monotonic clock (performance.now), not the request clock that
 * tests move by days: a cached row is a copy of the database, and how old a copy is is a matter of real time.
 */
import type { SessionAccount } from "./sessionStore.ts";

/** A session row with its account, as the session lookup reads it (sessionStore.ts). */
export interface CachedSessionRow extends SessionAccount {
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  pending: boolean;
}

export const DEFAULT_SESSION_CACHE_MILLISECONDS = 1_000;
/** At most this many sessions are kept; the oldest stored goes first. */
const CAPACITY = 10_000;

export class SessionCache {
  readonly #entries = new Map<string, { row: CachedSessionRow; storedAt: number }>();
  #generation = 0;
  readonly #freshMilliseconds: number;
  readonly #clock: () => number;

  constructor(freshMilliseconds: number = DEFAULT_SESSION_CACHE_MILLISECONDS, clock: () => number = () => performance.now()) {
    this.#freshMilliseconds = freshMilliseconds;
    this.#clock = clock;
  }

  /** Taken before reading the database; `store` keeps the row only when nothing was cleared in between. */
  get generation(): number {
    return this.#generation;
  }

  /** The row of a token hash when it was read from the database less than `freshMilliseconds` ago. */
  find(tokenHash: string): CachedSessionRow | undefined {
    if (this.#freshMilliseconds <= 0) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.#clock() - entry.storedAt >= this.#freshMilliseconds) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.row;
  }

  /** Keeps a row read from the database, unless the cache was cleared since `generation` was taken. */
  store(tokenHash: string, row: CachedSessionRow, generation: number): void {
    if (this.#freshMilliseconds <= 0 || generation !== this.#generation) return;
    this.#entries.delete(tokenHash);
    if (this.#entries.size >= CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, { row, storedAt: this.#clock() });
  }

  /** After writing the last-seen time: the cached row shows it, without counting as a new read. */
  noteSeen(tokenHash: string, lastSeenAt: string): void {
    const entry = this.#entries.get(tokenHash);
    if (entry) entry.row = { ...entry.row, lastSeenAt };
  }

  forget(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }

  /** Forgets every row, and every lookup still reading the database will not store its row. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
