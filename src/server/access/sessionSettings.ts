/**
 * Settings of log-in and sessions (issue 4): the session key, cookie, idle and absolute expiry, log-in
 * throttling, password hashing parameters and, when configured, OpenID Connect. `npm start` reads them from
 * the environment (serverSecrets.ts); tests pass their own (cheap password hashing, short windows).
 */
import type { ScryptParameters } from "./passwordHash.ts";
import type { OidcSettings } from "./oidcSettings.ts";
import { DEFAULT_SESSION_CACHE_MILLISECONDS } from "./sessionCache.ts";

export interface ThrottleSettings {
  /** Failed log-ins per account within the window before the account is refused (429). */
  accountLimit: number;
  /** Failed log-ins per address within the window before the address is refused (429). */
  addressLimit: number;
  windowMinutes: number;
}

export interface SecuritySettings {
  /** Key of the session token hashes (HMAC-SHA-256) and of the signed OIDC state cookie; at least 32 characters. */
  sessionSecret: string;
  /** Secure cookies even when the request did not come over TLS (behind a TLS-terminating proxy). */
  cookieSecure: boolean;
  idleMinutes: number;
  absoluteHours: number;
  /** How long a session row read from the database may stand in for the next lookups (sessionCache.ts); 0: never. */
  sessionCacheMilliseconds: number;
  throttle: ThrottleSettings;
  /** scrypt parameters of hashes the server computes: new passwords, and the dummy hash checked for unknown log-ins. Default DEFAULT_SCRYPT. */
  passwordParameters?: ScryptParameters;
  oidc?: OidcSettings;
}

/** Used outside production when no key is configured; production refuses to start with it. */
export const DEVELOPMENT_SESSION_SECRET = "teilhabe-entwicklung-unsicherer-standardschluessel-nicht-verwenden";

export const DEFAULT_SECURITY: SecuritySettings = {
  sessionSecret: DEVELOPMENT_SESSION_SECRET,
  cookieSecure: false,
  idleMinutes: 30,
  absoluteHours: 12,
  sessionCacheMilliseconds: DEFAULT_SESSION_CACHE_MILLISECONDS,
  throttle: { accountLimit: 5, addressLimit: 20, windowMinutes: 15 },
};

export function resolveSecuritySettings(settings: Partial<SecuritySettings> | undefined): SecuritySettings {
  return { ...DEFAULT_SECURITY, ...settings, throttle: { ...DEFAULT_SECURITY.throttle, ...settings?.throttle } };
}
