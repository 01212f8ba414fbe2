/**
 * Log-in throttling (issue 4): failed log-ins are counted per account and per address in a sliding window
 * (default 5 per account, 20 per address in 15 minutes). Once a limit is reached every further log-in of that
 * account or from that address is refused — even with the right password — until the oldest failure in the
 * window has aged out; the refusal says how long (Retry-After). The clock is passed in, never read here.
 * Held in the server process's memory: a restart forgets it (a multi-process deployment throttles per process).
 */
import type { ThrottleSettings } from "./sessionSettings.ts";

export interface ThrottleVerdict {
  allowed: boolean;
  /** Seconds until a log-in is allowed again (when refused). */
  retryAfterSeconds?: number;
  /** Which limit refused: the account's or the address's. */
  limitedBy?: "account" | "address";
}

/** Keys beyond this number are pruned (oldest first) so that a flood of made-up log-ins cannot exhaust memory. */
const MAXIMUM_KEYS = 100_000;

export class LoginThrottle {
  readonly #settings: ThrottleSettings;
  readonly #failures = new Map<string, number[]>();

  constructor(settings: ThrottleSettings) {
    this.#settings = settings;
  }

  #windowMs(): number {
    return this.#settings.windowMinutes * 60_000;
  }

  #recent(key: string, nowMs: number): number[] {
    const times = this.#failures.get(key);
    if (!times) return [];
    const recent = times.filter((time) => time > nowMs - this.#windowMs());
    if (recent.length === 0) this.#failures.delete(key);
    else if (recent.length !== times.length) this.#failures.set(key, recent);
    return recent;
  }

  #verdictOf(key: string, limit: number, nowMs: number): number | undefined {
    const recent = this.#recent(key, nowMs);
    if (recent.length < limit) return undefined;
    // Allowed again when enough failures have aged out to fall below the limit.
    const releasing = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((releasing + this.#windowMs() - nowMs) / 1000));
  }

  /** Whether a log-in attempt for `login` from `address` may be checked at all at `nowMs`. */
  checkLoginAllowed(login: string, address: string, nowMs: number): ThrottleVerdict {
    const account = this.#verdictOf(`account:${login}`, this.#settings.accountLimit, nowMs);
    if (account !== undefined) return { allowed: false, retryAfterSeconds: account, limitedBy: "account" };
    const fromAddress = this.#verdictOf(`address:${address}`, this.#settings.addressLimit, nowMs);
    if (fromAddress !== undefined) return { allowed: false, retryAfterSeconds: fromAddress, limitedBy: "address" };
    return { allowed: true };
  }

  /**
   * Starts an attempt: it counts as a failure right away, so that parallel guesses cannot all pass the check
   * while their passwords are still being hashed. A successful attempt is then taken back by recordSuccess.
   */
  beginAttempt(login: string, address: string, nowMs: number): ThrottleVerdict {
    const verdict = this.checkLoginAllowed(login, address, nowMs);
    if (!verdict.allowed) return verdict;
    for (const key of [`account:${login}`, `address:${address}`]) {
      const recent = this.#recent(key, nowMs);
      recent.push(nowMs);
      this.#failures.delete(key);
      this.#failures.set(key, recent);
    }
    while (this.#failures.size > MAXIMUM_KEYS) this.#failures.delete(this.#failures.keys().next().value!);
    return verdict;
  }

  /**
   * A successful log-in clears the account's failures and takes back its own attempt from the address's (the
   * address's earlier failures stay: one right password does not excuse a guessing address).
   */
  recordSuccess(login: string, address: string, attemptMs: number): void {
    this.#failures.delete(`account:${login}`);
    const times = this.#failures.get(`address:${address}`);
    const index = times?.lastIndexOf(attemptMs) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }
}
