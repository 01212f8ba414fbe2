/**
 * Log-in, sessions, throttling, CSRF, TOTP and security headers through real HTTP, on a server that trusts no
 * actor headers (as in production). The clock is the context's `now`, moved forward by each test; every test
 * starts a day after the previous one, so that throttling windows and sessions of one test do not reach into
 * the next.
 */
import { createHmac } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, sessions } from "../../store/schema/index.ts";
import { generateTotpCode } from "../access/totpFactor.ts";
import { DEVELOPMENT_SESSION_SECRET } from "../access/sessionSettings.ts";
import { callWithoutActor, createTestAccount, loginTestAccount, startTestServer, TENANT_A, TENANT_B, PAYER, type TestAccount, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
let leitung: TestAccount;
let dayOffset = 0;
let clockMs = 0;

/** Sets the clock to 08:00 of a new day (one per test) plus `minutes`. */
function startNewDay(): void {
  dayOffset += 1;
  clockMs = Date.parse("2026-05-01T08:00:00.000Z") + dayOffset * 86_400_000;
}

function advanceClock(milliseconds: number): void {
  clockMs += milliseconds;
}

const MINUTE = 60_000;
const FAILED_LOGIN = "Anmeldung fehlgeschlagen: Anmeldename, Passwort oder Einmalcode (falls eingerichtet) ist falsch";

beforeAll(async () => {
  server = await startTestServer({ trustActorHeaders: false });
  server.context.now = () => new Date(clockMs).toISOString();
  leitung = await createTestAccount(server, { id: "leitung-1", role: "leitung", login: "Leitung@Traeger-A.example", password: "richtig-und-lang-genug" });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("log-in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and stores only a keyed hash of its token", async () => {
    startNewDay();
    const answer = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: "  leitung@traeger-a.EXAMPLE ", password: leitung.password });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^teilhabe_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain("Max-Age=43200");
    expect(setCookie).not.toContain("Secure"); // plain http on loopback, TEILHABE_COOKIE_SECURE not set
    const start = new Date(clockMs).toISOString();
    expect(answer.body).toEqual({
      user: { id: "leitung-1", login: "leitung@traeger-a.example", displayName: "Test-Konto leitung-1" },
      role: "leitung",
      organisation: { id: TENANT_A, name: "Träger A gGmbH", kind: "provider" },
      clientId: null,
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(clockMs + 12 * 60 * MINUTE).toISOString(),
      idleExpiresAt: new Date(clockMs + 30 * MINUTE).toISOString(),
      secondFactor: "none",
    });
    const token = setCookie.split(";")[0]!.split("=")[1]!;
    const rows = await server.store.db.select().from(sessions);
    const row = rows.find((candidate) => candidate.tokenHash === createHmac("sha256", DEVELOPMENT_SESSION_SECRET).update(token).digest("hex"));
    expect(row).toBeDefined();
    expect(rows.some((candidate) => candidate.tokenHash === token)).toBe(false);
    expect(new Date(row!.createdAt).toISOString()).toBe(start);

    const who = await callWithoutActor(server, "GET", "/api/v1/auth/session", undefined, { cookie: setCookie.split(";")[0]! });
    expect(who.status).toBe(200);
    expect(who.body.user.id).toBe("leitung-1");
    expect(JSON.stringify(who.body)).not.toMatch(/passwordHash|totpSecret|scrypt/);
  });

  it("refuses a wrong password and an unknown log-in alike, with 401 and the same German message", async () => {
    startNewDay();
    const wrongPassword = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: leitung.login, password: "falsch" });
    const unknownLogin = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: "niemand@traeger-a.example", password: leitung.password });
    for (const answer of [wrongPassword, unknownLogin]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ status: 401, title: "Nicht angemeldet", detail: FAILED_LOGIN });
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses every /api/v1 request without a session with 401, except log-in and the OpenAPI document", async () => {
    startNewDay();
    const clients = await callWithoutActor(server, "GET", "/api/v1/clients", undefined, { "x-teilhabe-organisation": TENANT_A, "x-teilhabe-role": "system" });
    expect(clients.status).toBe(401);
    expect(clients.body.detail).toBe("Nicht angemeldet: bitte über POST /api/v1/auth/login (oder Single Sign-on, GET /api/v1/auth/oidc/start) anmelden");
    expect((await callWithoutActor(server, "GET", "/api/v1/auth/session")).status).toBe(401);
    expect((await callWithoutActor(server, "GET", "/api/v1/openapi.json")).status).toBe(200);
    // The calendar feed's secret token is its authorisation: no session needed, an unknown token is 404.
    expect((await callWithoutActor(server, "GET", "/api/v1/calendar/unbekannt.ics")).status).toBe(404);
    const forged = await callWithoutActor(server, "GET", "/api/v1/clients", undefined, { cookie: "teilhabe_session=erfunden" });
    expect(forged.status).toBe(401);
    expect(forged.body.detail).toBe("Die Sitzung ist unbekannt oder beendet; bitte neu anmelden");
  });

  it("never reaches the system role through a session: an account row with role system cannot log in", async () => {
    startNewDay();
    const account = await createTestAccount(server, { id: "system-versuch", role: "leitung" });
    await server.store.db.execute(sql`update users set role = 'system' where id = 'system-versuch'`);
    const answer = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password });
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe(FAILED_LOGIN);
  });

  it("gives a payer caseworker the payer organisation and a client account its client", async () => {
    startNewDay();
    const caseworker = await createTestAccount(server, { organisationId: PAYER, id: "sachbearbeitung-1", role: "payerCaseworker" });
    const session = await loginTestAccount(server, caseworker);
    const who = await session.call("GET", "/api/v1/auth/session");
    expect(who.body).toMatchObject({ role: "payerCaseworker", organisation: { id: PAYER, kind: "payer" }, clientId: null });
    const client = await createTestAccount(server, { organisationId: TENANT_B, id: "klientin-1", role: "client", clientId: "K-B-1" });
    const clientSession = await loginTestAccount(server, client);
    expect((await clientSession.call("GET", "/api/v1/auth/session")).body).toMatchObject({ role: "client", organisation: { id: TENANT_B }, clientId: "K-B-1" });
  });
});

describe("throttling", () => {
  it("stops a password-guessing loop after 5 failures: even the right password is refused with 429 until the 15 minutes are over", async () => {
    startNewDay();
    const target = await createTestAccount(server, { id: "ziel-1", role: "verwaltung", password: "das-richtige-passwort" });
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess++) {
      const answer = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: target.login, password: `rate-${guess}` });
      statuses.push(answer.status);
      advanceClock(10_000);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // 80 s after the first guess the right password is still refused; the first failure ages out at 15:00.
    const right = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: target.login, password: target.password });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBe(String(15 * 60 - 80));
    expect(right.body).toMatchObject({ status: 429, title: "Zu viele Anfragen", detail: "Zu viele fehlgeschlagene Anmeldungen für dieses Konto; eine neue Anmeldung ist in 14 Minuten möglich", retryAfterSeconds: 820 });
    advanceClock((15 * 60 - 80) * 1000 - 1000);
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: target.login, password: target.password })).status).toBe(429);
    advanceClock(1000);
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: target.login, password: target.password })).status).toBe(200);
  });

  it("stops guessing from one address across accounts after 20 failures, and parallel guesses cannot slip past the limit", async () => {
    startNewDay();
    const accounts = await Promise.all([1, 2, 3, 4, 5].map((number) => createTestAccount(server, { id: `adresse-${number}`, role: "fachkraft" })));
    // 25 guesses at once, 5 per account (so no account limit alone would stop them at 20).
    const answers = await Promise.all(Array.from({ length: 25 }, (_, index) => callWithoutActor(server, "POST", "/api/v1/auth/login", { login: accounts[index % 5]!.login, password: `rate-${index}` })));
    const counts = answers.reduce<Record<number, number>>((tally, answer) => ({ ...tally, [answer.status]: (tally[answer.status] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 401: 20, 429: 5 });
    const fresh = await createTestAccount(server, { id: "adresse-neu", role: "fachkraft" });
    const right = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: fresh.login, password: fresh.password });
    expect(right.status).toBe(429);
    expect(right.body.detail).toBe("Zu viele fehlgeschlagene Anmeldungen von dieser Adresse; eine neue Anmeldung ist in 15 Minuten möglich");
    advanceClock(15 * MINUTE);
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: fresh.login, password: fresh.password })).status).toBe(200);
  });
});

describe("CSRF protection", () => {
  it("refuses a state-changing request with the session cookie but without or with a wrong X-CSRF-Token (403), and accepts it with the token", async () => {
    startNewDay();
    const session = await loginTestAccount(server, leitung);
    const missing = await session.call("POST", "/api/v1/clients", { name: "Beispiel-Person CSRF" }, { withoutCsrf: true });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ title: "Nicht erlaubt", detail: "CSRF-Schutz: die Kopfzeile X-CSRF-Token fehlt; den Wert liefern die Anmeldung und GET /api/v1/auth/session" });
    const wrong = await session.call("POST", "/api/v1/clients", { name: "Beispiel-Person CSRF" }, { withoutCsrf: true, headers: { "x-csrf-token": "x".repeat(43) } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toBe("CSRF-Schutz: X-CSRF-Token passt nicht zu dieser Sitzung");
    const listed = await session.call("GET", "/api/v1/clients");
    expect(listed.status).toBe(200);
    expect(listed.body.items.some((client: { name: string }) => client.name === "Beispiel-Person CSRF")).toBe(false);
    const created = await session.call("POST", "/api/v1/clients", { name: "Beispiel-Person CSRF" });
    expect(created.status).toBe(201);
    expect(created.body.organisationId ?? TENANT_A).toBe(TENANT_A);
    const logoutWithout = await session.call("POST", "/api/v1/auth/logout", undefined, { withoutCsrf: true });
    expect(logoutWithout.status).toBe(403);
  });
});

describe("log-out", () => {
  it("logout ends this session; logout-all ends every session of the account, on every device", async () => {
    startNewDay();
    const laptop = await loginTestAccount(server, leitung);
    const phone = await loginTestAccount(server, leitung);
    const tablet = await loginTestAccount(server, leitung);
    const other = await loginTestAccount(server, await createTestAccount(server, { id: "andere-leitung", role: "leitung" }));
    const out = await tablet.call("POST", "/api/v1/auth/logout");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^teilhabe_session=;/);
    expect((await tablet.call("GET", "/api/v1/auth/session")).status).toBe(401);
    const all = await laptop.call("POST", "/api/v1/auth/logout-all");
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ endedSessions: 2 });
    expect((await phone.call("GET", "/api/v1/auth/session")).status).toBe(401);
    expect((await phone.call("GET", "/api/v1/clients")).status).toBe(401);
    expect((await laptop.call("GET", "/api/v1/auth/session")).status).toBe(401);
    expect((await other.call("GET", "/api/v1/auth/session")).status).toBe(200);
  });

  it("refuses an account disabled outside this server process (SQL by hand) within the session cache's 1 s", async () => {
    startNewDay();
    const account = await createTestAccount(server, { id: "gesperrt-1", role: "verwaltung" });
    const session = await loginTestAccount(server, account);
    expect((await session.call("GET", "/api/v1/clients")).status).toBe(200);
    await server.store.db.execute(sql`update users set disabled = true where id = 'gesperrt-1'`);
    const disabledAt = performance.now();
    // Within the second the cached row may still let a request through; after it, never.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (performance.now() - disabledAt)) + 20));
    const refused = await session.call("GET", "/api/v1/clients");
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe("Die Sitzung ist abgelaufen; bitte neu anmelden");
    expect((await session.call("GET", "/api/v1/clients")).status).toBe(401);
  });
});

describe("password change", () => {
  it("changes the own password with the current one, ends the other sessions, and refuses a wrong current password", async () => {
    startNewDay();
    const account = await createTestAccount(server, { id: "wechsel-1", role: "verwaltung", password: "altes-passwort-lang" });
    const here = await loginTestAccount(server, account);
    const elsewhere = await loginTestAccount(server, account);
    const tooShort = await here.call("POST", "/api/v1/auth/password", { currentPassword: account.password, newPassword: "kurz" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0].path).toBe("body.newPassword");
    const wrong = await here.call("POST", "/api/v1/auth/password", { currentPassword: "falsch", newPassword: "neues-passwort-lang" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toBe("Das bisherige Passwort stimmt nicht; das Passwort wurde nicht geändert");
    expect((await here.call("POST", "/api/v1/auth/password", { currentPassword: account.password, newPassword: "neues-passwort-lang" }, { withoutCsrf: true })).status).toBe(403);
    const changed = await here.call("POST", "/api/v1/auth/password", { currentPassword: account.password, newPassword: "neues-passwort-lang" });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ endedSessions: 1 });
    expect((await here.call("GET", "/api/v1/auth/session")).status).toBe(200);
    expect((await elsewhere.call("GET", "/api/v1/auth/session")).status).toBe(401);
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password })).status).toBe(401);
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: "neues-passwort-lang" })).status).toBe(200);
  });
});

/** The account's audit entries as [action, object type, object id, address], in chain order. */
async function accountEntries(userId: string) {
  const rows = await server.store.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.organisationId, TENANT_A), eq(auditEntries.userId, userId)))
    .orderBy(asc(auditEntries.sequence));
  return rows.map((row) => [row.action, row.objectType, row.objectId, row.address]);
}

describe("account events in the audit trail", () => {
  it("records log-in, a refused log-in of the account, password change, log-out and log-out everywhere; an unknown name records nothing", async () => {
    startNewDay();
    const account = await createTestAccount(server, { id: "protokoll-1", role: "fachkraft", password: "protokoll-passwort-lang" });
    const before = (await server.store.db.select().from(auditEntries)).length;
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: "niemand@traeger-a.example", password: "irgendetwas-langes" })).status).toBe(401);
    expect((await server.store.db.select().from(auditEntries)).length).toBe(before);

    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: "falsches-passwort" })).status).toBe(401);
    const first = await loginTestAccount(server, account);
    const second = await loginTestAccount(server, account);
    expect((await first.call("POST", "/api/v1/auth/password", { currentPassword: account.password, newPassword: "neues-protokoll-passwort" })).status).toBe(200);
    const third = await loginTestAccount(server, { login: account.login, password: "neues-protokoll-passwort" });
    expect((await third.call("POST", "/api/v1/auth/logout")).status).toBe(204);
    expect((await first.call("POST", "/api/v1/auth/logout-all")).status).toBe(200);
    expect((await second.call("GET", "/api/v1/auth/session")).status).toBe(401); // ended by the password change
    const address = "127.0.0.1";
    expect(await accountEntries("protokoll-1")).toEqual([
      ["loginRefused", "auth", "protokoll-1", address],
      ["login", "auth", "protokoll-1", address],
      ["login", "auth", "protokoll-1", address],
      ["passwordChange", "auth", "protokoll-1", address],
      ["login", "auth", "protokoll-1", address],
      ["logout", "auth", "protokoll-1", address],
      ["logoutEverywhere", "auth", "protokoll-1", address],
    ]);
    // The chain stays verifiable with the new entries.
    const verification = await loginTestAccount(server, leitung).then((session) => session.call("GET", "/api/v1/audit/verification"));
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ organisationId: TENANT_A, intact: true });
  });
});

describe("expiry", () => {
  it("ends a session after 30 minutes without a request (idle expiry); each request within them extends it", async () => {
    startNewDay();
    const session = await loginTestAccount(server, leitung);
    advanceClock(29 * MINUTE);
    expect((await session.call("GET", "/api/v1/clients")).status).toBe(200);
    advanceClock(29 * MINUTE);
    const who = await session.call("GET", "/api/v1/auth/session");
    expect(who.status).toBe(200);
    expect(who.body.idleExpiresAt).toBe(new Date(clockMs + 30 * MINUTE).toISOString());
    advanceClock(30 * MINUTE);
    const expired = await session.call("GET", "/api/v1/clients");
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe("Die Sitzung ist abgelaufen; bitte neu anmelden");
    expect(expired.headers.get("set-cookie")).toMatch(/^teilhabe_session=;/);
    expect((await session.call("GET", "/api/v1/auth/session")).status).toBe(401);
  });

  it("ends an active session 12 hours after log-in (absolute expiry)", async () => {
    startNewDay();
    const session = await loginTestAccount(server, leitung);
    for (let step = 0; step < 35; step++) {
      advanceClock(20 * MINUTE);
      expect((await session.call("GET", "/api/v1/auth/session")).status).toBe(200);
    }
    advanceClock(20 * MINUTE - 1); // 11:59:59.999 after log-in
    expect((await session.call("GET", "/api/v1/auth/session")).status).toBe(200);
    advanceClock(1);
    const ended = await session.call("GET", "/api/v1/auth/session");
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toBe("Die Sitzung ist abgelaufen; bitte neu anmelden");
  });
});

describe("second factor (TOTP)", () => {
  it("after enrolment and confirmation the log-in requires a current one-time code, each code once", async () => {
    startNewDay();
    const account = await createTestAccount(server, { id: "totp-1", role: "administrator", password: "admin-passwort-lang" });
    const session = await loginTestAccount(server, account);
    const noCsrf = await session.call("POST", "/api/v1/auth/totp/enrol", { password: account.password }, { withoutCsrf: true });
    expect(noCsrf.status).toBe(403);
    const wrongPassword = await session.call("POST", "/api/v1/auth/totp/enrol", { password: "falsch" });
    expect(wrongPassword.status).toBe(403);
    const enrolled = await session.call("POST", "/api/v1/auth/totp/enrol", { password: account.password });
    expect(enrolled.status).toBe(200);
    const secret: string = enrolled.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolled.body.otpauthUri).toBe(`otpauth://totp/Teilhabe:${encodeURIComponent(account.login)}?issuer=Teilhabe&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect((await session.call("GET", "/api/v1/auth/session")).body.secondFactor).toBe("pending");
    // Not yet confirmed: the password alone still logs in.
    expect((await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password })).status).toBe(200);
    const wrongCode = await session.call("POST", "/api/v1/auth/totp/confirm", { code: generateTotpCode(secret, clockMs + 10 * MINUTE) });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.errors).toEqual([{ path: "body.code", message: "stimmt nicht", value: wrongCode.body.errors[0].value }]);
    const confirmed = await session.call("POST", "/api/v1/auth/totp/confirm", { code: generateTotpCode(secret, clockMs) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ secondFactor: "confirmed" });
    // Both log-ins, begun and confirmed are in the audit trail; the refused attempts (wrong password, wrong code) are not.
    expect((await accountEntries("totp-1")).map(([action]) => action)).toEqual(["login", "secondFactorEnrol", "login", "secondFactorConfirm"]);
    const [stored] = await server.store.db.execute<{ totp_secret: string }>(sql`select totp_secret from users where id = 'totp-1'`).then((result) => (result as unknown as { rows: { totp_secret: string }[] }).rows);
    expect(stored!.totp_secret).toMatch(/^aes1:[A-Za-z0-9_-]+$/);
    expect(stored!.totp_secret).not.toContain(secret);
    expect((await session.call("POST", "/api/v1/auth/totp/enrol", { password: account.password })).status).toBe(409);

    advanceClock(MINUTE);
    const withoutCode = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.detail).toBe(FAILED_LOGIN);
    const staleCode = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password, totp: generateTotpCode(secret, clockMs - 5 * MINUTE) });
    expect(staleCode.status).toBe(401);
    const code = generateTotpCode(secret, clockMs);
    const withCode = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password, totp: code });
    expect(withCode.status).toBe(200);
    expect(withCode.body.secondFactor).toBe("confirmed");
    const replay = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: account.password, totp: code });
    expect(replay.status).toBe(401);
    const wrongPasswordRightCode = await callWithoutActor(server, "POST", "/api/v1/auth/login", { login: account.login, password: "falsch", totp: generateTotpCode(secret, clockMs + 30_000) });
    expect(wrongPasswordRightCode.status).toBe(401);
  });
});

describe("single sign-on", () => {
  it("answers 404 with a German message when OpenID Connect is not configured", async () => {
    startNewDay();
    for (const path of ["/api/v1/auth/oidc/start", "/api/v1/auth/oidc/callback?code=x&state=y"]) {
      const answer = await callWithoutActor(server, "GET", path);
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe("Single Sign-on (OpenID Connect) ist auf diesem Server nicht eingerichtet (TEILHABE_OIDC_ISSUER fehlt); Anmeldung mit Passwort über POST /api/v1/auth/login");
    }
  });
});

describe("security headers", () => {
  function expectSecurityHeaders(headers: Headers): void {
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
  }

  it("are on an API answer, a refusal, a 404 and the OpenAPI document", async () => {
    startNewDay();
    const session = await loginTestAccount(server, leitung);
    const answers = [
      await session.call("GET", "/api/v1/clients"),
      await callWithoutActor(server, "GET", "/api/v1/clients"),
      await session.call("GET", "/api/v1/gibt-es-nicht"),
      await callWithoutActor(server, "GET", "/gibt-es-nicht"),
      await callWithoutActor(server, "GET", "/api/v1/openapi.json"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 404, 200]);
    for (const answer of answers) expectSecurityHeaders(answer.headers);
    for (const answer of answers.slice(0, 3)) expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answers[0]!.headers.get("content-security-policy")).toBe("default-src 'self';img-src 'self' data:;base-uri 'self';form-action 'self';frame-ancestors 'none';object-src 'none'");
  });

  it("let the Swagger UI page work: its own policy allows its inline styles and data: images, still no framing", async () => {
    const page = await callWithoutActor(server, "GET", "/api/docs/");
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("swagger-ui-bundle.js");
    expectSecurityHeaders(page.headers);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("script-src 'self';");
    const bundle = await fetch(`${server.baseUrl}/api/docs/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/javascript/);
    await bundle.arrayBuffer();
    const initializer = await callWithoutActor(server, "GET", "/api/docs/static/swagger-initializer.js");
    expect(initializer.status).toBe(200);
    expect(String(initializer.body)).toContain("./json");
  });
});

describe("behind a reverse proxy (TEILHABE_TRUST_PROXY)", () => {
  it("throttles by the forwarded client address and marks the cookie Secure when the proxy received TLS", async () => {
    const proxied = await startTestServer({ trustActorHeaders: false, trustProxy: "127.0.0.1", security: { throttle: { accountLimit: 100, addressLimit: 3, windowMinutes: 15 } } });
    try {
      const account = await createTestAccount(proxied, { id: "hinter-proxy", role: "leitung" });
      const from = (address: string, password: string) =>
        callWithoutActor(proxied, "POST", "/api/v1/auth/login", { login: account.login, password }, { "x-forwarded-for": address, "x-forwarded-proto": "https" });
      const guesses = [];
      for (let guess = 0; guess < 4; guess++) guesses.push((await from("203.0.113.7", `rate-${guess}`)).status);
      expect(guesses).toEqual([401, 401, 401, 429]);
      const other = await from("198.51.100.20", account.password);
      expect(other.status).toBe(200);
      expect(other.headers.get("set-cookie")).toContain("Secure");
    } finally {
      await proxied.close();
    }
  });
});
