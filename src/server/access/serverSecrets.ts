/**
 * Secrets and security settings of `npm start` from the environment (issue 4). Every secret comes from a
 * variable or from a file outside the repository named by its `_FILE` variable (Docker/Kubernetes secrets):
 * the session key (TEILHABE_SESSION_SECRET), the OIDC client secret (TEILHABE_OIDC_CLIENT_SECRET) and the
 * database password (TEILHABE_DATABASE_PASSWORD, put into DATABASE_URL). In production mode
 * (NODE_ENV=production) the server refuses to start with a missing, short or default secret, a secret file
 * inside the repository, trusted actor headers or the demo (whose passwords are public).
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseOidcSettings, OidcSettingsError } from "./oidcSettings.ts";
import { DEFAULT_SECURITY, DEVELOPMENT_SESSION_SECRET, type SecuritySettings } from "./sessionSettings.ts";

/** A start refused because of a secret or security setting; the message is shown without a stack trace. */
export class ServerSecretsError extends Error {}

export interface ServerConfiguration {
  production: boolean;
  security: SecuritySettings;
  /** Only for benchmarks and tests: the actor from X-Teilhabe-* headers (TEILHABE_TRUST_ACTOR_HEADERS=1). */
  trustActorHeaders: boolean;
  /** TEILHABE_TRUST_PROXY: proxies whose X-Forwarded-* headers count (addresses/CIDRs, or a hop count). */
  trustProxy?: string | number;
  /** DATABASE_URL with the password of TEILHABE_DATABASE_PASSWORD(_FILE) when one is given. */
  databaseUrl?: string;
}

const MINIMUM_SECRET_LENGTH = 32;
/** Passwords no production database may have. */
const DEFAULT_DATABASE_PASSWORDS = new Set(["", "postgres", "password", "passwort", "teilhabe", "changeme", "secret", "geheim", "admin", "root", "test"]);
const DEFAULT_SECRETS = new Set([DEVELOPMENT_SESSION_SECRET, "changeme", "secret", "geheim", "teilhabe"]);

const REPOSITORY_ROOT = resolve(import.meta.dirname, "..", "..", "..");

interface SecretReading {
  value?: string;
  source?: string;
}

function isInside(folder: string, path: string): boolean {
  const between = relative(folder, path);
  return between === "" || (!between.startsWith("..") && !isAbsolute(between));
}

/** The secret of `NAME` or of the file named by `NAME_FILE` (trailing line break removed); both set is refused. */
function readSecret(environment: NodeJS.ProcessEnv, name: string, problems: string[], production: boolean, repositoryRoot: string): SecretReading {
  const direct = environment[name];
  const file = environment[`${name}_FILE`];
  if (direct !== undefined && file !== undefined) {
    problems.push(`${name} und ${name}_FILE sind beide gesetzt; nur eines angeben (both ${name} and ${name}_FILE are set)`);
    return {};
  }
  if (file !== undefined) {
    const path = resolve(file);
    if (production && isInside(repositoryRoot, path)) problems.push(`${name}_FILE „${file}“ liegt im Repository; Geheimnisse gehören in eine Datei außerhalb (secret file inside the repository)`);
    try {
      return { value: readFileSync(path, "utf8").replace(/\r?\n$/, ""), source: `${name}_FILE` };
    } catch (error) {
      problems.push(`${name}_FILE „${file}“ ist nicht lesbar: ${(error as Error).message}`);
      return {};
    }
  }
  return direct === undefined ? {} : { value: direct, source: name };
}

function positiveNumber(environment: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[], options: { allowZero?: boolean } = {}): number {
  const text = environment[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !options.allowZero)) {
    problems.push(`${name} „${text}“ ist keine ${options.allowZero ? "Zahl ≥ 0" : "positive Zahl"}`);
    return fallback;
  }
  return value;
}

/** Reads and checks the configuration; throws ServerSecretsError naming every problem at once. */
export function loadServerConfiguration(environment: NodeJS.ProcessEnv = process.env, options: { repositoryRoot?: string } = {}): ServerConfiguration {
  const production = environment.NODE_ENV === "production";
  const repositoryRoot = options.repositoryRoot ?? REPOSITORY_ROOT;
  const problems: string[] = [];

  const session = readSecret(environment, "TEILHABE_SESSION_SECRET", problems, production, repositoryRoot);
  if (production) {
    if (!session.value) problems.push("TEILHABE_SESSION_SECRET (oder TEILHABE_SESSION_SECRET_FILE) fehlt (missing session secret)");
    else if (DEFAULT_SECRETS.has(session.value)) problems.push(`${session.source} ist ein Standardwert (default session secret)`);
  }
  if (session.value !== undefined && session.value.length < MINIMUM_SECRET_LENGTH && !DEFAULT_SECRETS.has(session.value))
    problems.push(`${session.source} ist kürzer als ${MINIMUM_SECRET_LENGTH} Zeichen (session secret too short); z. B. „openssl rand -base64 48“`);

  const oidcSecret = readSecret(environment, "TEILHABE_OIDC_CLIENT_SECRET", problems, production, repositoryRoot);
  let oidc: SecuritySettings["oidc"];
  try {
    oidc = parseOidcSettings(environment, oidcSecret.value);
  } catch (error) {
    if (!(error instanceof OidcSettingsError)) throw error;
    problems.push(error.message);
  }
  if (production && oidc) {
    if (DEFAULT_SECRETS.has(oidc.clientSecret)) problems.push(`${oidcSecret.source} ist ein Standardwert (default OIDC client secret)`);
    if (oidc.allowHttp) problems.push("TEILHABE_OIDC_ALLOW_HTTP=1 ist im Produktionsbetrieb nicht erlaubt (plain-http OIDC refused in production)");
  }

  const databasePassword = readSecret(environment, "TEILHABE_DATABASE_PASSWORD", problems, production, repositoryRoot);
  let databaseUrl = environment.DATABASE_URL;
  if (databaseUrl) {
    let url: URL | undefined;
    try {
      url = new URL(databaseUrl);
    } catch {
      problems.push("DATABASE_URL ist keine URL");
    }
    if (url) {
      if (databasePassword.value !== undefined) {
        if (url.password) problems.push(`DATABASE_URL enthält schon ein Passwort und ${databasePassword.source} ist gesetzt; nur eines angeben`);
        url.password = encodeURIComponent(databasePassword.value);
        databaseUrl = url.toString();
      }
      const password = decodeURIComponent(url.password);
      if (production && DEFAULT_DATABASE_PASSWORDS.has(password))
        problems.push(`Das Datenbank-Passwort fehlt oder ist ein Standardwert (missing or default database password); TEILHABE_DATABASE_PASSWORD_FILE verwenden`);
    }
  } else if (databasePassword.value !== undefined) problems.push(`${databasePassword.source} ist gesetzt, aber DATABASE_URL nicht`);

  const trustActorHeaders = environment.TEILHABE_TRUST_ACTOR_HEADERS === "1";
  if (production && trustActorHeaders) problems.push("TEILHABE_TRUST_ACTOR_HEADERS=1 ist im Produktionsbetrieb nicht erlaubt (trusted actor headers refused in production)");
  if (production && environment.TEILHABE_DEMO !== "0") problems.push("Die Demo (mit öffentlich bekannten Passwörtern) ist im Produktionsbetrieb nicht erlaubt; TEILHABE_DEMO=0 setzen (demo refused in production)");

  const proxyText = environment.TEILHABE_TRUST_PROXY?.trim();
  const trustProxy = !proxyText ? undefined : /^\d+$/.test(proxyText) ? Number(proxyText) : proxyText;

  const security: SecuritySettings = {
    ...DEFAULT_SECURITY,
    sessionSecret: session.value ?? DEVELOPMENT_SESSION_SECRET,
    cookieSecure: environment.TEILHABE_COOKIE_SECURE === "1",
    idleMinutes: positiveNumber(environment, "TEILHABE_SESSION_IDLE_MINUTES", DEFAULT_SECURITY.idleMinutes, problems),
    absoluteHours: positiveNumber(environment, "TEILHABE_SESSION_ABSOLUTE_HOURS", DEFAULT_SECURITY.absoluteHours, problems),
    sessionCacheMilliseconds: positiveNumber(environment, "TEILHABE_SESSION_CACHE_MS", DEFAULT_SECURITY.sessionCacheMilliseconds, problems, { allowZero: true }),
    ...(oidc ? { oidc } : {}),
  };
  if (problems.length > 0) {
    const heading = production ? "Teilhabe startet im Produktionsbetrieb (NODE_ENV=production) nicht" : "Teilhabe startet nicht";
    throw new ServerSecretsError(`${heading}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
  return { production, security, trustActorHeaders, ...(trustProxy !== undefined ? { trustProxy } : {}), ...(databaseUrl ? { databaseUrl } : {}) };
}
