/**
 * Single sign-on through OpenID Connect (issue 4), authorisation code flow with PKCE, state and nonce
 * (openid-client). `start` sends the browser to the provider and keeps state, nonce and code verifier in a
 * signed, HttpOnly cookie for ten minutes (SameSite=Lax: the provider's redirect back is a cross-site
 * navigation); `callback` exchanges the code, checks the ID token (signature against the provider's JWKS, issuer, audience, expiry, nonce) and
 * finds the account by its `oidcSubject` (the token's `sub`). Accounts are not created here: the
 * administration creates them and enters the subject. When a role claim is configured, the account's role is
 * taken from the provider (values mapped by TEILHABE_OIDC_ROLE_MAP); an organisation claim must name the
 * account's organisation. The provider's metadata is discovered once, at the first log-in.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import * as client from "openid-client";
import { ProblemError } from "../problem.ts";
import type { OidcSettings } from "./oidcSettings.ts";
import { isHumanRole, type HumanRoleName } from "./sessionRoles.ts";

export const OIDC_STATE_COOKIE = "teilhabe_oidc";
const OIDC_COOKIE_PATH = "/api/v1/auth/oidc";
const STATE_MAX_AGE_SECONDS = 600;

interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  subject: string;
  /** The role the provider names (when a role claim is configured and present). */
  role?: HumanRoleName;
  /** The organisation the provider names (when an organisation claim is configured and present). */
  organisationId?: string;
}

/** A claim by name or dotted path ("realm_access.roles"); arrays give every string element. */
export function readClaimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** The identity of verified ID-token claims, with role and organisation as configured. */
export function mapOidcClaims(claims: Record<string, unknown>, settings: OidcSettings): OidcIdentity {
  const subject = claims.sub;
  if (typeof subject !== "string" || subject === "") throw new ProblemError(401, "Single Sign-on: das ID-Token nennt kein Subjekt (sub)");
  const identity: OidcIdentity = { subject };
  if (settings.roleClaim) {
    const values = readClaimValues(claims, settings.roleClaim);
    const roles = values.map((value) => settings.roleMap[value] ?? (isHumanRole(value) ? value : undefined)).filter((role): role is HumanRoleName => role !== undefined);
    if (roles.length === 0) throw new ProblemError(403, `Single Sign-on: der Anspruch „${settings.roleClaim}“ nennt keine Teilhabe-Rolle (${values.length > 0 ? values.join(", ") : "fehlt"})`);
    if (new Set(roles).size > 1) throw new ProblemError(403, `Single Sign-on: der Anspruch „${settings.roleClaim}“ nennt mehrere Rollen (${[...new Set(roles)].join(", ")}); ein Konto hat genau eine`);
    identity.role = roles[0]!;
  }
  if (settings.organisationClaim) {
    const [organisationId] = readClaimValues(claims, settings.organisationClaim);
    if (!organisationId) throw new ProblemError(403, `Single Sign-on: der Anspruch „${settings.organisationClaim}“ fehlt`);
    identity.organisationId = organisationId;
  }
  return identity;
}

export class OidcLogin {
  readonly settings: OidcSettings;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings) {
    this.settings = settings;
  }

  #discover(): Promise<client.Configuration> {
    this.#configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, client.ClientSecretBasic(this.settings.clientSecret), this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .then((configuration) => {
        // The ID token's signature is checked against the provider's keys (JWKS) too, not only the TLS channel.
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      })
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw new ProblemError(502, `Single Sign-on: der Anbieter ${this.settings.issuer} ist nicht erreichbar oder liefert keine gültigen Metadaten (${(error as Error).message})`);
      });
    return this.#configuration;
  }

  /** The provider's authorisation URL for a new log-in; the pending state goes into a signed cookie. */
  async startOidcLogin(request: FastifyRequest, reply: FastifyReply, secure: boolean): Promise<string> {
    const configuration = await this.#discover();
    const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      response_type: "code",
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: "S256",
    });
    reply.setCookie(OIDC_STATE_COOKIE, JSON.stringify(pending), { signed: true, httpOnly: true, sameSite: "lax", secure, path: OIDC_COOKIE_PATH, maxAge: STATE_MAX_AGE_SECONDS });
    void request;
    return url.toString();
  }

  /** Checks the provider's answer against the pending state and returns the identity of the ID token. */
  async finishOidcLogin(request: FastifyRequest, reply: FastifyReply, secure: boolean): Promise<OidcIdentity> {
    const raw = request.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: "lax", secure });
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (!unsigned?.valid || !unsigned.value) throw new ProblemError(400, "Single Sign-on: kein laufender Anmeldevorgang (Cookie fehlt, ist abgelaufen oder verändert); bitte neu beginnen");
    let pending: PendingLogin;
    try {
      pending = JSON.parse(unsigned.value) as PendingLogin;
    } catch {
      throw new ProblemError(400, "Single Sign-on: der Anmeldevorgang ist unlesbar; bitte neu beginnen");
    }
    const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
    const callbackUrl = new URL(`${this.settings.redirectUri.split("?")[0]}${query}`);
    if (callbackUrl.searchParams.has("error"))
      throw new ProblemError(401, `Single Sign-on abgelehnt: ${callbackUrl.searchParams.get("error")}${callbackUrl.searchParams.get("error_description") ? ` (${callbackUrl.searchParams.get("error_description")})` : ""}`);
    const configuration = await this.#discover();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (error) {
      const code = (error as { error?: unknown }).error;
      const cause = (error as { cause?: unknown }).cause;
      const reason = [(error as Error).message, typeof code === "string" ? code : undefined, cause instanceof Error ? cause.message : undefined].filter(Boolean).join(": ");
      throw new ProblemError(401, `Single Sign-on: die Antwort des Anbieters ist ungültig (${reason})`);
    }
    if (!claims) throw new ProblemError(401, "Single Sign-on: der Anbieter hat kein ID-Token geliefert");
    return mapOidcClaims(claims, this.settings);
  }
}
