/**
 * Single sign-on end to end against a small OpenID Connect provider on the loopback interface (this file's
 * own, no network): discovery, the redirect with state, nonce and PKCE, the code exchange, the ID token's
 * signature (RS256, from the provider's JWKS), the account matched by its subject, the role taken from the
 * role claim, the organisation claim checked; and the refusals (changed state, missing state cookie, unknown
 * subject, other organisation, a token signed with another key).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callWithoutActor, createTestAccount, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";
import { mapOidcClaims, readClaimValues } from "./oidcLogin.ts";

const CLIENT_ID = "teilhabe";
const CLIENT_SECRET = "Rk2-client-geheimnis-nur-fuer-den-test";
const REDIRECT_URI = "http://127.0.0.1/api/v1/auth/oidc/callback";

interface IssuedCode {
  nonce: string;
  challenge: string;
  claims: Record<string, unknown>;
  signingKey?: KeyObject;
}

const providerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const strangerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const codes = new Map<string, IssuedCode>();
let provider: Server;
let issuer: string;
let server: TestServer;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

function signIdToken(payload: Record<string, unknown>, key: KeyObject): string {
  const header = base64url(JSON.stringify({ alg: "RS256", kid: "test-key", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  return `${header}.${body}.${base64url(sign("sha256", Buffer.from(`${header}.${body}`), key))}`;
}

function startProvider(): Promise<void> {
  provider = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === "/realms/test/.well-known/openid-configuration")
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        jwks_uri: `${issuer}/protocol/openid-connect/certs`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    if (url.pathname === "/realms/test/protocol/openid-connect/certs") return json(200, { keys: [{ ...providerKey.publicKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" }] });
    if (url.pathname === "/realms/test/protocol/openid-connect/token") {
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString()));
      request.on("end", () => {
        const form = new URLSearchParams(text);
        // RFC 6749 2.3.1: id and secret are form-encoded before Basic encoding.
        const [id, secret] = Buffer.from((request.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString().split(":").map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
        if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return json(401, { error: "invalid_client" });
        const issued = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        if (!issued || form.get("redirect_uri") !== REDIRECT_URI) return json(400, { error: "invalid_grant" });
        if (base64url(createHash("sha256").update(form.get("code_verifier") ?? "").digest()) !== issued.challenge) return json(400, { error: "invalid_grant", error_description: "PKCE" });
        const now = Math.floor(Date.now() / 1000);
        const idToken = signIdToken({ iss: issuer, aud: CLIENT_ID, iat: now, exp: now + 300, nonce: issued.nonce, ...issued.claims }, issued.signingKey ?? providerKey.privateKey);
        json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  return new Promise((resolve) =>
    provider.listen(0, "127.0.0.1", () => {
      issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/realms/test`;
      resolve();
    }),
  );
}

/** Starts a log-in; the provider "authenticates" the user with these claims and sends the browser back. */
async function signIn(claims: Record<string, unknown>, options: { signingKey?: KeyObject; changeState?: boolean; dropCookie?: boolean } = {}) {
  const started = await fetch(`${server.baseUrl}/api/v1/auth/oidc/start`, { redirect: "manual" });
  expect(started.status).toBe(302);
  const location = new URL(started.headers.get("location")!);
  const stateCookie = started.headers.get("set-cookie")!;
  const code = randomBytes(12).toString("hex");
  codes.set(code, { nonce: location.searchParams.get("nonce")!, challenge: location.searchParams.get("code_challenge")!, claims, ...(options.signingKey ? { signingKey: options.signingKey } : {}) });
  const state = options.changeState ? "anderer-state" : location.searchParams.get("state")!;
  return { location, stateCookie, answer: await callWithoutActor(server, "GET", `/api/v1/auth/oidc/callback?code=${code}&state=${encodeURIComponent(state)}`, undefined, options.dropCookie ? {} : { cookie: stateCookie.split(";")[0]! }) };
}

beforeAll(async () => {
  await startProvider();
  server = await startTestServer({
    trustActorHeaders: false,
    security: {
      oidc: {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: REDIRECT_URI,
        scope: "openid profile",
        roleClaim: "realm_access.roles",
        organisationClaim: "teilhabe_organisation",
        roleMap: { "teilhabe-leitung": "leitung", "teilhabe-fachkraft": "fachkraft" },
        allowHttp: true,
      },
    },
  });
  await createTestAccount(server, { id: "sso-1", role: "fachkraft", oidcSubject: "kc-subjekt-1" });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => provider?.close(resolve));
});

describe("OpenID Connect single sign-on", () => {
  it("redirects with state, nonce and PKCE, and after the provider's answer starts a session of the matched account with the provider's role", async () => {
    const { location, stateCookie, answer } = await signIn({ sub: "kc-subjekt-1", realm_access: { roles: ["offline_access", "teilhabe-leitung"] }, teilhabe_organisation: TENANT_A });
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/protocol/openid-connect/auth`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: "openid profile",
      response_type: "code",
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: "S256",
    });
    expect(stateCookie).toContain("HttpOnly");
    expect(stateCookie).toContain("SameSite=Lax");
    expect(stateCookie).toContain("Path=/api/v1/auth/oidc");
    expect(answer.body.detail).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { id: "sso-1" }, role: "leitung", organisation: { id: TENANT_A } });
    const session = answer.headers.get("set-cookie")!.split(", ").find((cookie) => cookie.startsWith("teilhabe_session="))!;
    expect(session).toContain("SameSite=Strict");
    const who = await callWithoutActor(server, "GET", "/api/v1/auth/session", undefined, { cookie: session.split(";")[0]! });
    expect(who.body).toMatchObject({ user: { id: "sso-1" }, role: "leitung" });
  });

  it("refuses a changed state, a missing state cookie, a token signed with another key, an unknown subject and another organisation", async () => {
    const claims = { sub: "kc-subjekt-1", realm_access: { roles: ["teilhabe-fachkraft"] }, teilhabe_organisation: TENANT_A };
    const changed = (await signIn(claims, { changeState: true })).answer;
    expect(changed.status).toBe(401);
    expect(changed.body.detail).toMatch(/^Single Sign-on: die Antwort des Anbieters ist ungültig/);
    const noCookie = (await signIn(claims, { dropCookie: true })).answer;
    expect(noCookie.status).toBe(400);
    expect(noCookie.body.detail).toBe("Single Sign-on: kein laufender Anmeldevorgang (Cookie fehlt, ist abgelaufen oder verändert); bitte neu beginnen");
    const forged = (await signIn(claims, { signingKey: strangerKey.privateKey })).answer;
    expect(forged.status).toBe(401);
    expect(forged.body.detail).toMatch(/signature/i);
    const unknown = (await signIn({ ...claims, sub: "kc-niemand" })).answer;
    expect(unknown.status).toBe(403);
    expect(unknown.body.detail).toBe("Single Sign-on: für diese Anmeldung gibt es kein (aktives) Teilhabe-Konto; die Administration legt es an und trägt das Subjekt ein");
    const otherOrganisation = (await signIn({ ...claims, teilhabe_organisation: TENANT_B })).answer;
    expect(otherOrganisation.status).toBe(403);
    expect(otherOrganisation.body.detail).toBe(`Single Sign-on: der Anbieter nennt die Organisation „${TENANT_B}“, das Konto gehört zu einer anderen`);
    for (const refused of [changed, noCookie, forged, unknown, otherOrganisation]) expect(refused.headers.get("set-cookie") ?? "").not.toContain("teilhabe_session=");
  });
});

describe("claim mapping", () => {
  const settings = { issuer: "https://sso.example", clientId: "x", clientSecret: "y", redirectUri: "https://t.example/cb", scope: "openid", roleClaim: "teilhabe_role", roleMap: {}, allowHttp: false };

  it("reads dotted claim paths and arrays; refuses no role and two roles", () => {
    expect(readClaimValues({ realm_access: { roles: ["a", 1, "b"] } }, "realm_access.roles")).toEqual(["a", "b"]);
    expect(mapOidcClaims({ sub: "s", teilhabe_role: "verwaltung" }, settings)).toEqual({ subject: "s", role: "verwaltung" });
    expect(() => mapOidcClaims({ sub: "s" }, settings)).toThrow("Single Sign-on: der Anspruch „teilhabe_role“ nennt keine Teilhabe-Rolle (fehlt)");
    expect(() => mapOidcClaims({ sub: "s", teilhabe_role: "system" }, settings)).toThrow("nennt keine Teilhabe-Rolle (system)");
    expect(() => mapOidcClaims({ sub: "s", teilhabe_role: ["leitung", "fachkraft"] }, settings)).toThrow("nennt mehrere Rollen (leitung, fachkraft)");
  });
});
