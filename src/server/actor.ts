/**
 * Who is asking, and for which organisation. Every route reads the actor and scopes every query by its
 * organisation (the tenant). The actor comes from the session cookie (issue 4, sessionStore.ts): the
 * account's organisation (a payer caseworker's is their payer organisation), user, role and, for the client
 * role, the client. Requests to /api/v1/* without a valid session are refused with 401, except the log-in
 * routes (/api/v1/auth/*), the OpenAPI document and the token-guarded calendar feed. State-changing requests with a session must repeat the
 * session's CSRF token (csrfProtection.ts).
 *
 * Only when the app is built with `trustActorHeaders: true` (tests, benchmarks; refused in production) does a
 * request without a session cookie act from headers: `X-Teilhabe-Organisation` (default: the server's default
 * organisation), `X-Teilhabe-Role` (default "system"), `X-Teilhabe-User` (default "system"), `X-Teilhabe-Client`.
 * The "system" role is never reachable through a session: accounts cannot have it.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "./appContext.ts";
import { checkCsrfToken } from "./access/csrfProtection.ts";
import { LoginThrottle } from "./access/loginThrottle.ts";
import { OidcLogin } from "./access/oidcLogin.ts";
import { clearSessionCookie, readSessionCookie } from "./access/sessionCookie.ts";
import { isHumanRole } from "./access/sessionRoles.ts";
import type { SecuritySettings } from "./access/sessionSettings.ts";
import { SessionCache } from "./access/sessionCache.ts";
import { findSession, type ResolvedSession } from "./access/sessionStore.ts";
import { deriveTotpKey, TotpReplayGuard } from "./access/totpFactor.ts";
import { ProblemError } from "./problem.ts";

export type Role = "administrator" | "leitung" | "fachkraft" | "verwaltung" | "payerCaseworker" | "client" | "system";

const ROLES: readonly Role[] = ["administrator", "leitung", "fachkraft", "verwaltung", "payerCaseworker", "client", "system"];

export interface Actor {
  organisationId: string;
  userId: string;
  role: Role;
  /** The address the request came from (audit trail). */
  address: string;
  /** For the client role: the client whose own file the account may read. */
  clientId?: string;
}

/** What the log-in routes share: settings, throttle and replay guard of this server process. */
export interface AuthenticationState {
  settings: SecuritySettings;
  throttle: LoginThrottle;
  totpGuard: TotpReplayGuard;
  /** Key the TOTP secrets are sealed with (derived from the session key). */
  totpKey: Buffer;
  trustActorHeaders: boolean;
  /** Single sign-on, when TEILHABE_OIDC_* configure it. */
  oidc: OidcLogin | undefined;
  /** Session rows read a moment ago (sessionCache.ts); cleared when a request to /api/v1/auth/ answers. */
  sessionCache: SessionCache;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    /** The session of the request's cookie, when it is valid. */
    authSession: ResolvedSession | null;
    /** Why the request's session cookie opened no session (log-in routes answer without one). */
    authSessionEnded: "expired" | "unknown" | null;
  }
  interface FastifyInstance {
    authentication: AuthenticationState;
  }
}

export interface ActorOptions {
  context: AppContext;
  settings: SecuritySettings;
  defaultOrganisationId?: string;
  /** Tests and benchmarks only: act from X-Teilhabe-* headers when there is no session cookie. */
  trustActorHeaders?: boolean;
}

const ORGANISATION_HEADER = "x-teilhabe-organisation";
const ROLE_HEADER = "x-teilhabe-role";
const USER_HEADER = "x-teilhabe-user";
const CLIENT_HEADER = "x-teilhabe-client";

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function actorFromHeaders(request: FastifyRequest, defaultOrganisationId: string | undefined): Actor {
  const organisationId = headerOf(request, ORGANISATION_HEADER) ?? defaultOrganisationId;
  if (!organisationId) throw new ProblemError(401, `Keine Organisation angegeben (Kopfzeile ${ORGANISATION_HEADER})`);
  const role = headerOf(request, ROLE_HEADER) ?? "system";
  if (!(ROLES as readonly string[]).includes(role)) throw new ProblemError(401, `Unbekannte Rolle „${role}“ (Kopfzeile ${ROLE_HEADER}; erlaubt: ${ROLES.join(", ")})`);
  const clientId = headerOf(request, CLIENT_HEADER);
  return { organisationId, userId: headerOf(request, USER_HEADER) ?? "system", role: role as Role, address: request.ip, ...(clientId ? { clientId } : {}) };
}

export function actorOfSession(session: ResolvedSession, address: string): Actor {
  const { account } = session;
  // Accounts only ever have a person's role; anything else in the row is refused rather than trusted.
  if (!isHumanRole(account.role)) throw new ProblemError(401, "Das Konto hat keine gültige Rolle; bitte die Administration fragen");
  return { organisationId: account.organisationId, userId: account.userId, role: account.role, address, ...(account.role === "client" && account.clientId ? { clientId: account.clientId } : {}) };
}

export function sessionEndedProblem(status: "expired" | "unknown"): ProblemError {
  return new ProblemError(401, status === "expired" ? "Die Sitzung ist abgelaufen; bitte neu anmelden" : "Die Sitzung ist unbekannt oder beendet; bitte neu anmelden");
}

/**
 * Routes that answer without a session: log-in, log-out, single sign-on, the OpenAPI document, and the
 * calendar feed (documentRoutes.ts), whose secret token in the URL is its authorisation (calendar apps send no cookie).
 */
const OPEN_ROUTES = new Set(["/api/v1/openapi.json", "/api/v1/calendar/:file"]);

function isOpenRoute(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && (routeUrl.startsWith("/api/v1/auth/") || OPEN_ROUTES.has(routeUrl));
}

export async function registerActor(app: FastifyInstance, options: ActorOptions): Promise<void> {
  const { context, settings } = options;
  await app.register(cookie, { secret: settings.sessionSecret });
  const sessionCache = new SessionCache(settings.sessionCacheMilliseconds);
  app.decorate("authentication", {
    settings,
    throttle: new LoginThrottle(settings.throttle),
    totpGuard: new TotpReplayGuard(),
    totpKey: deriveTotpKey(settings.sessionSecret),
    trustActorHeaders: options.trustActorHeaders === true,
    oidc: settings.oidc ? new OidcLogin(settings.oidc) : undefined,
    sessionCache,
  });
  app.decorateRequest("actor", null as unknown as Actor);
  app.decorateRequest("authSession", null);
  app.decorateRequest("authSessionEnded", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const open = isOpenRoute(request.routeOptions.url);
    const token = readSessionCookie(request);
    if (token) {
      const lookup = await findSession(context.store.db, token, { now: context.now(), settings, cache: sessionCache });
      if (lookup.status === "valid") {
        request.authSession = lookup.session;
        request.actor = actorOfSession(lookup.session, request.ip);
        if (request.routeOptions.url !== "/api/v1/auth/login") checkCsrfToken(request, lookup.session.csrfToken);
        return;
      }
      clearSessionCookie(request, reply, settings);
      request.authSessionEnded = lookup.status;
      if (open) return;
      throw sessionEndedProblem(lookup.status);
    }
    if (open) return;
    if (options.trustActorHeaders) {
      request.actor = actorFromHeaders(request, options.defaultOrganisationId);
      return;
    }
    throw new ProblemError(401, "Nicht angemeldet: bitte über POST /api/v1/auth/login (oder Single Sign-on, GET /api/v1/auth/oidc/start) anmelden");
  });
  // The log-in routes change sessions and accounts (log-out, password, second factor, a role from single
  // sign-on). Their answer is about to be sent once their transaction has committed: from then on, and before the
  // caller learns of the change, no cached row is older than the database.
  app.addHook("onSend", async (request) => {
    if (request.url.startsWith("/api/v1/auth/")) sessionCache.clear();
  });
}
