/**
 * Secrets and security settings from the environment: production refuses a missing or default session key,
 * a secret file inside the repository, a default database password, trusted actor headers and the demo; the
 * real `npm start` process exits 1 with that message. Outside production the development key is used.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseOidcSettings } from "./oidcSettings.ts";
import { loadServerConfiguration, ServerSecretsError } from "./serverSecrets.ts";
import { DEVELOPMENT_SESSION_SECRET } from "./sessionSettings.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const folder = mkdtempSync(join(tmpdir(), "teilhabe-secrets-"));
const STRONG = "k3Jq9v0Xb7Zp2Lr5Tw8Yc1Nd4Fh6Gm0Qs3Vx7Bz9Pa2";

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function refusal(environment: NodeJS.ProcessEnv): string {
  try {
    loadServerConfiguration(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ServerSecretsError);
    return (error as Error).message;
  }
  throw new Error("nicht abgelehnt");
}

describe("server secrets", () => {
  it("outside production: the development key, 30 minutes idle, 12 hours absolute, sessions cached 1 s, no trusted headers", () => {
    const configuration = loadServerConfiguration({});
    expect(configuration).toEqual({
      production: false,
      trustActorHeaders: false,
      security: { sessionSecret: DEVELOPMENT_SESSION_SECRET, cookieSecure: false, idleMinutes: 30, absoluteHours: 12, sessionCacheMilliseconds: 1_000, throttle: { accountLimit: 5, addressLimit: 20, windowMinutes: 15 } },
    });
    const tuned = loadServerConfiguration({ TEILHABE_SESSION_IDLE_MINUTES: "10", TEILHABE_SESSION_ABSOLUTE_HOURS: "8", TEILHABE_COOKIE_SECURE: "1", TEILHABE_TRUST_ACTOR_HEADERS: "1", TEILHABE_SESSION_CACHE_MS: "0" });
    expect(tuned.security).toMatchObject({ idleMinutes: 10, absoluteHours: 8, cookieSecure: true, sessionCacheMilliseconds: 0 });
    expect(tuned.trustActorHeaders).toBe(true);
    expect(loadServerConfiguration({ TEILHABE_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadServerConfiguration({ TEILHABE_TRUST_PROXY: "10.0.0.0/8,127.0.0.1" }).trustProxy).toBe("10.0.0.0/8,127.0.0.1");
    expect(refusal({ TEILHABE_SESSION_IDLE_MINUTES: "null" })).toContain("TEILHABE_SESSION_IDLE_MINUTES „null“ ist keine positive Zahl");
    expect(refusal({ TEILHABE_SESSION_IDLE_MINUTES: "0" })).toContain("TEILHABE_SESSION_IDLE_MINUTES „0“ ist keine positive Zahl");
    expect(refusal({ TEILHABE_SESSION_CACHE_MS: "-1" })).toContain("TEILHABE_SESSION_CACHE_MS „-1“ ist keine Zahl ≥ 0");
  });

  it("production refuses a missing or default session key, trusted headers and the demo, naming each", () => {
    expect(refusal({ NODE_ENV: "production", TEILHABE_DEMO: "0" })).toBe(
      "Teilhabe startet im Produktionsbetrieb (NODE_ENV=production) nicht:\n  - TEILHABE_SESSION_SECRET (oder TEILHABE_SESSION_SECRET_FILE) fehlt (missing session secret)",
    );
    const message = refusal({ NODE_ENV: "production", TEILHABE_SESSION_SECRET: DEVELOPMENT_SESSION_SECRET, TEILHABE_TRUST_ACTOR_HEADERS: "1" });
    expect(message.split("\n")).toEqual([
      "Teilhabe startet im Produktionsbetrieb (NODE_ENV=production) nicht:",
      "  - TEILHABE_SESSION_SECRET ist ein Standardwert (default session secret)",
      "  - TEILHABE_TRUST_ACTOR_HEADERS=1 ist im Produktionsbetrieb nicht erlaubt (trusted actor headers refused in production)",
      "  - Die Demo (mit öffentlich bekannten Passwörtern) ist im Produktionsbetrieb nicht erlaubt; TEILHABE_DEMO=0 setzen (demo refused in production)",
    ]);
    expect(refusal({ NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET: "kurz" })).toContain("TEILHABE_SESSION_SECRET ist kürzer als 32 Zeichen");
  });

  it("reads secrets from files outside the repository; production refuses one inside it", () => {
    const secretFile = join(folder, "session-secret");
    writeFileSync(secretFile, `${STRONG}\n`);
    const passwordFile = join(folder, "db-password");
    writeFileSync(passwordFile, "s3hr-g€heim/:@\n");
    const configuration = loadServerConfiguration({
      NODE_ENV: "production",
      TEILHABE_DEMO: "0",
      TEILHABE_SESSION_SECRET_FILE: secretFile,
      DATABASE_URL: "postgres://teilhabe@db.internal:5432/teilhabe",
      TEILHABE_DATABASE_PASSWORD_FILE: passwordFile,
    });
    expect(configuration.security.sessionSecret).toBe(STRONG);
    expect(configuration.databaseUrl).toBe("postgres://teilhabe:s3hr-g%E2%82%ACheim%2F%3A%40@db.internal:5432/teilhabe");
    expect(decodeURIComponent(new URL(configuration.databaseUrl!).password)).toBe("s3hr-g€heim/:@");

    expect(refusal({ NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET_FILE: join(ROOT, "package.json") })).toContain("liegt im Repository");
    expect(refusal({ TEILHABE_SESSION_SECRET_FILE: join(folder, "fehlt") })).toContain("ist nicht lesbar");
    expect(refusal({ TEILHABE_SESSION_SECRET: STRONG, TEILHABE_SESSION_SECRET_FILE: secretFile })).toContain("TEILHABE_SESSION_SECRET und TEILHABE_SESSION_SECRET_FILE sind beide gesetzt");
  });

  it("production refuses a missing or default database password", () => {
    for (const url of ["postgres://teilhabe@db.internal/teilhabe", "postgres://postgres:postgres@db.internal/teilhabe"])
      expect(refusal({ NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET: STRONG, DATABASE_URL: url })).toContain("Das Datenbank-Passwort fehlt oder ist ein Standardwert");
    expect(loadServerConfiguration({ NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET: STRONG, DATABASE_URL: "postgres://teilhabe:Xq7-lang-und-zufaellig@db.internal/teilhabe" }).production).toBe(true);
  });

  it("the real server process refuses to start in production with the default key: exit 1, the message, no stack trace", async () => {
    const { DATABASE_URL: _url, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET: DEVELOPMENT_SESSION_SECRET, TEILHABE_DATA_DIR: join(folder, "data"), PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("Teilhabe konnte nicht starten: Teilhabe startet im Produktionsbetrieb (NODE_ENV=production) nicht:\n  - TEILHABE_SESSION_SECRET ist ein Standardwert (default session secret)\n");
  }, 30_000);
});

describe("OpenID Connect settings", () => {
  it("off without issuer; a half configuration is refused naming what is missing; http only for local tests", () => {
    expect(parseOidcSettings({}, undefined)).toBeUndefined();
    expect(() => parseOidcSettings({ TEILHABE_OIDC_ISSUER: "https://sso.traeger.example/realms/teilhabe" }, undefined)).toThrow(
      "TEILHABE_OIDC_ISSUER ist gesetzt, es fehlt: TEILHABE_OIDC_CLIENT_ID, TEILHABE_OIDC_CLIENT_SECRET (oder TEILHABE_OIDC_CLIENT_SECRET_FILE), TEILHABE_OIDC_REDIRECT_URI",
    );
    const environment = {
      TEILHABE_OIDC_ISSUER: "https://sso.traeger.example/realms/teilhabe",
      TEILHABE_OIDC_CLIENT_ID: "teilhabe",
      TEILHABE_OIDC_REDIRECT_URI: "https://teilhabe.traeger.example/api/v1/auth/oidc/callback",
      TEILHABE_OIDC_ROLE_CLAIM: "realm_access.roles",
      TEILHABE_OIDC_ORGANISATION_CLAIM: "teilhabe_organisation",
      TEILHABE_OIDC_ROLE_MAP: "teilhabe-leitung=leitung, teilhabe-fachkraft=fachkraft",
    };
    expect(parseOidcSettings(environment, "geheimnis-des-clients")).toEqual({
      issuer: "https://sso.traeger.example/realms/teilhabe",
      clientId: "teilhabe",
      clientSecret: "geheimnis-des-clients",
      redirectUri: "https://teilhabe.traeger.example/api/v1/auth/oidc/callback",
      scope: "openid profile email",
      roleClaim: "realm_access.roles",
      organisationClaim: "teilhabe_organisation",
      roleMap: { "teilhabe-leitung": "leitung", "teilhabe-fachkraft": "fachkraft" },
      allowHttp: false,
    });
    expect(() => parseOidcSettings({ ...environment, TEILHABE_OIDC_ROLE_MAP: "kc-chef=chef" }, "x")).toThrow("TEILHABE_OIDC_ROLE_MAP: „kc-chef=chef“ ist keine Zuordnung Wert=Rolle");
    expect(() => parseOidcSettings({ ...environment, TEILHABE_OIDC_ISSUER: "http://localhost:8080/realms/teilhabe" }, "x")).toThrow("muss https verwenden");
    expect(parseOidcSettings({ ...environment, TEILHABE_OIDC_ISSUER: "http://localhost:8080/realms/teilhabe", TEILHABE_OIDC_ALLOW_HTTP: "1" }, "x")?.allowHttp).toBe(true);
  });

  it("through the server configuration: the secret from its file; production refuses a default secret and plain http", () => {
    const secretFile = join(folder, "oidc-secret");
    writeFileSync(secretFile, "Rk2-wirklich-zufaelliges-client-geheimnis\n");
    const environment = {
      TEILHABE_OIDC_ISSUER: "https://sso.traeger.example/realms/teilhabe",
      TEILHABE_OIDC_CLIENT_ID: "teilhabe",
      TEILHABE_OIDC_CLIENT_SECRET_FILE: secretFile,
      TEILHABE_OIDC_REDIRECT_URI: "https://teilhabe.traeger.example/api/v1/auth/oidc/callback",
    };
    expect(loadServerConfiguration(environment).security.oidc?.clientSecret).toBe("Rk2-wirklich-zufaelliges-client-geheimnis");
    const { TEILHABE_OIDC_CLIENT_SECRET_FILE: _file, ...withoutFile } = environment;
    expect(refusal({ ...withoutFile, NODE_ENV: "production", TEILHABE_DEMO: "0", TEILHABE_SESSION_SECRET: STRONG, TEILHABE_OIDC_CLIENT_SECRET: "changeme" })).toContain(
      "TEILHABE_OIDC_CLIENT_SECRET ist ein Standardwert (default OIDC client secret)",
    );
  });
});
