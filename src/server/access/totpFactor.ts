/**
 * The optional second factor (issue 4): time-based one-time passwords (RFC 6238, SHA-1, 6 digits, 30 s), as
 * authenticator apps expect them. Enrolment stores the new secret as pending (`pending:` + sealed secret) until
 * a first code confirms it; only a confirmed secret is required at log-in. Secrets are stored sealed with
 * AES-256-GCM (`aes1:` + base64url(iv | tag | ciphertext)) under a key derived from the session key (HKDF), so
 * that a database dump does not reveal them; a secret that cannot be opened (the session key was changed)
 * accepts no code — the factor is never skipped — and must be reset. A code is accepted once: a second use
 * within its window is refused (replay guard, in the server process's memory).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

const PENDING_PREFIX = "pending:";
const SEALED_PREFIX = "aes1:";

export function deriveTotpKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", sessionSecret, "teilhabe", "totp-secret-v1", 32));
}

export function sealTotpSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

/** The secret of a sealed value (or of a plain base32 value of older rows); undefined when it cannot be opened. */
export function openTotpSecret(stored: string, key: Buffer): string | undefined {
  if (!stored.startsWith(SEALED_PREFIX)) return /^[A-Z2-7]+=*$/.test(stored) ? stored : undefined;
  try {
    const bytes = Buffer.from(stored.slice(SEALED_PREFIX.length), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
const PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function markTotpPending(secret: string, key: Buffer): string {
  return `${PENDING_PREFIX}${sealTotpSecret(secret, key)}`;
}

/**
 * The stored value's state: none, pending (enrolment started) or confirmed (required at log-in); with the key,
 * also the opened secret (undefined when it cannot be opened).
 */
export function readTotpState(stored: string | null | undefined, key?: Buffer): { state: "none" } | { state: "pending" | "confirmed"; secret: string | undefined } {
  if (!stored) return { state: "none" };
  const pending = stored.startsWith(PENDING_PREFIX);
  const sealed = pending ? stored.slice(PENDING_PREFIX.length) : stored;
  return { state: pending ? "pending" : "confirmed", secret: key ? openTotpSecret(sealed, key) : undefined };
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
  verifyTotpCode(accountKey: string, secret: string | undefined, code: string, nowMs: number): boolean {
    if (secret === undefined || !/^\d{6}$/.test(code)) return false;
    const delta = totpOf(secret, "").validate({ token: code, timestamp: nowMs, window: 1 });
    if (delta === null) return false;
    const counter = Math.floor(nowMs / 1000 / PERIOD_SECONDS) + delta;
    const last = this.#lastCounter.get(accountKey);
    if (last !== undefined && counter <= last) return false;
    this.#lastCounter.set(accountKey, counter);
    return true;
  }
}
