/**
 * Starts the real HTTP server on a loopback port over a fresh store for one test file, with two provider
 * tenants and a payer, and gives a small JSON client. Tests talk to it through real HTTP.
 */
import type { FastifyInstance } from "fastify";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { agreementInstances, clientAssignments, organisations, users } from "../store/schema/index.ts";
import { syncAgreements } from "../store/syncAgreements.ts";
import type { Store } from "../store/store.ts";
import { openTestStore } from "../store/storeTestSupport.ts";
import { buildApp } from "./app.ts";
import type { AppContext } from "./appContext.ts";
import { hashPassword, type ScryptParameters } from "./access/passwordHash.ts";
import type { HumanRoleName } from "./access/sessionRoles.ts";
import type { SecuritySettings } from "./access/sessionSettings.ts";

export const TENANT_A = "traeger-a";
export const TENANT_B = "traeger-b";
export const PAYER = "kostentraeger-bremen";

/** The agreement instance of tenant A for a concrete catalogue agreement: `instanceIdOf("A4")` = "inst-A4". */
export function instanceIdOf(agreementId: string): string {
  return `inst-${agreementId}`;
}

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface TestServer {
  baseUrl: string;
  store: Store;
  app: FastifyInstance;
  context: AppContext;
  /** Calls the API as tenant A unless `organisation` names another. */
  api(method: string, path: string, body?: unknown, options?: { organisation?: string; headers?: Record<string, string>; raw?: string }): Promise<ApiAnswer>;
  close(): Promise<void>;
}

const catalogue = loadCatalogue();

/** Cheap scrypt parameters for test accounts (the real default costs 128 MiB and ~0.3 s per hash). */
export const TEST_PASSWORD_PARAMETERS: ScryptParameters = { cost: 2 ** 10, blockSize: 8, parallelization: 1 };

export interface TestServerOptions {
  today?: string;
  /**
   * Default true: requests without a session cookie act from the X-Teilhabe-* headers (what `api()` sends).
   * false: as in production, every /api/v1 request needs a session.
   */
  trustActorHeaders?: boolean;
  /** Session settings (expiry, throttle, key); password parameters default to TEST_PASSWORD_PARAMETERS. */
  security?: Partial<SecuritySettings>;
  /** As behind a reverse proxy (AppOptions.trustProxy). */
  trustProxy?: string | number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = await openTestStore();
  await store.db.insert(organisations).values([
    { id: TENANT_A, kind: "provider", name: "Träger A gGmbH", land: "HB", address: { street: "Musterweg 1", postalCode: "28195", city: "Bremen", countryCode: "DE" } },
    { id: TENANT_B, kind: "provider", name: "Träger B e. V.", land: "NI", address: { street: "Beispielstr. 2", postalCode: "30159", city: "Hannover", countryCode: "DE" } },
    { id: PAYER, kind: "payer", name: "Senatorin für Soziales Bremen", leitwegId: "04011000-1234512345-06", address: { city: "Bremen", postalCode: "28195", countryCode: "DE" } },
  ]);
  await syncAgreements(store.db, catalogue);
  const concrete = [...catalogue.agreements.values()].filter((agreement) => agreement.kind === "concrete");
  await store.db.insert(agreementInstances).values(concrete.map((agreement) => ({ organisationId: TENANT_A, id: instanceIdOf(agreement.id), agreementId: agreement.id, title: agreement.title })));
  const today = options.today ?? "2026-04-15";
  const context: AppContext = { store, catalogue, today: () => today, now: () => `${today}T10:00:00.000Z` };
  const app = await buildApp({
    context,
    defaultOrganisationId: TENANT_A,
    trustActorHeaders: options.trustActorHeaders ?? true,
    security: { passwordParameters: TEST_PASSWORD_PARAMETERS, ...options.security },
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl: address,
    store,
    app,
    context,
    async api(method, path, body, callOptions = {}) {
      const headers: Record<string, string> = { "x-teilhabe-organisation": callOptions.organisation ?? TENANT_A, ...callOptions.headers };
      if (body !== undefined || callOptions.raw !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(`${address}${path}`, { method, headers, body: callOptions.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface TestAccount {
  organisationId: string;
  id: string;
  login: string;
  password: string;
  role: HumanRoleName;
}

/** Creates an account (cheap password hash); a Fachkraft gets `assignedClientIds` as client assignments. */
export async function createTestAccount(
  server: TestServer,
  account: { organisationId?: string; id: string; role: HumanRoleName; login?: string; password?: string; clientId?: string; assignedClientIds?: string[]; oidcSubject?: string },
): Promise<TestAccount> {
  const organisationId = account.organisationId ?? TENANT_A;
  const login = (account.login ?? `${account.id}@${organisationId}.example`).toLowerCase();
  const password = account.password ?? `Test-Passwort ${account.id}`;
  await server.store.db.insert(users).values({
    organisationId,
    id: account.id,
    login,
    displayName: `Test-Konto ${account.id}`,
    role: account.role,
    passwordHash: await hashPassword(password, TEST_PASSWORD_PARAMETERS),
    ...(account.clientId ? { clientId: account.clientId } : {}),
    ...(account.oidcSubject ? { oidcSubject: account.oidcSubject } : {}),
  });
  if (account.assignedClientIds && account.assignedClientIds.length > 0)
    await server.store.db.insert(clientAssignments).values(account.assignedClientIds.map((clientId) => ({ organisationId, userId: account.id, clientId })));
  return { organisationId, id: account.id, login, password, role: account.role };
}

export interface SessionClient {
  /** The cookie header value (`teilhabe_session=…`). */
  cookie: string;
  csrfToken: string;
  /** Calls the API with this session's cookie (no actor headers) and, on changing methods, its CSRF token. */
  call(method: string, path: string, body?: unknown, options?: { headers?: Record<string, string>; withoutCsrf?: boolean }): Promise<ApiAnswer>;
}

async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Sends a request without any actor header (as a browser would). */
export async function callWithoutActor(server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const allHeaders = { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) };
  return answerOf(await fetch(`${server.baseUrl}${path}`, { method, headers: allHeaders, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** Logs in through POST /api/v1/auth/login; throws with the answer when refused. */
export async function loginTestAccount(server: TestServer, account: { login: string; password: string; totp?: string }): Promise<SessionClient> {
  const answer = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password, ...(account.totp ? { totp: account.totp } : {}) });
  if (answer.status !== 200) throw new Error(`Anmeldung von ${account.login} abgelehnt: ${answer.status} ${JSON.stringify(answer.body)}`);
  const setCookie = answer.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  const csrfToken = String(answer.body.csrfToken);
  return {
    cookie,
    csrfToken,
    call(method, path, body, callOptions = {}) {
      const changing = !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
      return callWithoutActor(server, method, path, body, { cookie, ...(changing && !callOptions.withoutCsrf ? { "x-csrf-token": csrfToken } : {}), ...callOptions.headers });
    },
  };
}
