/**
 * The optional second factor (issue 4): time-based one-time passwords (RFC 6238, SHA-1, 6 digits, 30 s), as
 * authenticator apps expect them. Enrolment stores the new secret as pending (`pending:` + base32) until a
 * first code confirms it; only a confirmed secret is required at log-in. A code is accepted once: a second use
 * within its window is refused (replay guard, in the server process's memory).
 */
import { Secret, TOTP } from "otpauth";

const PENDING_PREFIX = "pending:";
const PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function markTotpPending(secret: string): string {
  return `${PENDING_PREFIX}${secret}`;
}

/** The stored value's state: none, pending (enrolment started) or confirmed (required at log-in). */
export function readTotpState(stored: string | null | undefined): { state: "none" } | { state: "pending" | "confirmed"; secret: string } {
  if (!stored) return { state: "none" };
  if (stored.startsWith(PENDING_PREFIX)) return { state: "pending", secret: stored.slice(PENDING_PREFIX.length) };
  return { state: "confirmed", secret: stored };
}

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({ issuer: "Teilhabe", label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app reads (as QR code or text). */
export function buildTotpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/** The code for a moment (tests; an authenticator app computes the same). */
export function generateTotpCode(secret: string, nowMs: number): string {
  return totpOf(secret, "").generate({ timestamp: nowMs });
}

export class TotpReplayGuard {
  readonly #lastCounter = new Map<string, number>();

  /** True when `code` is valid at `nowMs` (±1 period) and not used before by this account. */
  verifyTotpCode(accountKey: string, secret: string, code: string, nowMs: number): boolean {
    if (!/^\d{6}$/.test(code)) return false;
    const delta = totpOf(secret, "").validate({ token: code, timestamp: nowMs, window: 1 });
    if (delta === null) return false;
    const counter = Math.floor(nowMs / 1000 / PERIOD_SECONDS) + delta;
    const last = this.#lastCounter.get(accountKey);
    if (last !== undefined && counter <= last) return false;
    this.#lastCounter.set(accountKey, counter);
    return true;
  }
}
