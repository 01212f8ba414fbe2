/**
 * Accounts and sessions (issue 4): log-in with password (and the second factor when one is set up), log-out
 * of this session or of all the user's sessions, "who am I", TOTP enrolment, and single sign-on through
 * OpenID Connect. A refused log-in never says which part was wrong; failed log-ins are throttled per account
 * and per address (loginThrottle.ts). Every account event is audited in the transaction that makes it: log-in,
 * a refused log-in of an existing account, log-out, log-out everywhere, password change, second factor begun and
 * confirmed (action, the account as object, the address; never a password, code or token). See docs/authentication.md.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { users } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { appendAuditEntry } from "../access/appendAuditEntry.ts";
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from "../access/passwordHash.ts";
import { clearSessionCookie, isSecure, setSessionCookie } from "../access/sessionCookie.ts";
import { isHumanRole } from "../access/sessionRoles.ts";
import { createSession, deleteOtherUserSessions, deleteSession, deleteUserSessions, findAccountByLogin, findAccountByOidcSubject, type ResolvedSession, type SessionAccount } from "../access/sessionStore.ts";
import { buildTotpUri, createTotpSecret, markTotpPending, readTotpState, sealTotpSecret } from "../access/totpFactor.ts";
import { sessionEndedProblem } from "../actor.ts";
import type { AppContext } from "../appContext.ts";
import { ProblemError } from "../problem.ts";

const TAG = "Anmeldung";

const loginBodySchema = z.strictObject({
  login: z.string().min(1).max(200).describe("Anmeldename"),
  password: z.string().min(1).max(1000),
  totp: z.string().max(10).optional().describe("Einmalcode des zweiten Faktors (sechs Ziffern), wenn eingerichtet"),
});

const sessionSchema = z.object({
  user: z.object({ id: z.string(), login: z.string(), displayName: z.string() }),
  role: z.string().describe("administrator, leitung, fachkraft, verwaltung, payerCaseworker oder client"),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  clientId: z.string().nullable().describe("bei der Rolle client: die eigene Akte"),
  csrfToken: z.string().describe("in der Kopfzeile X-CSRF-Token bei jeder ändernden Anfrage mitzuschicken"),
  expiresAt: z.string().describe("absolutes Ende der Sitzung"),
  idleExpiresAt: z.string().describe("Ende der Sitzung ohne weitere Anfrage (Leerlauf)"),
  secondFactor: z.enum(["none", "pending", "confirmed"]),
});

const FAILED_LOGIN = "Anmeldung fehlgeschlagen: Anmeldename, Passwort oder Einmalcode (falls eingerichtet) ist falsch";

function presentSession(session: ResolvedSession) {
  const { account } = session;
  return {
    user: { id: account.userId, login: account.login, displayName: account.displayName },
    role: account.role,
    organisation: { id: account.organisationId, name: account.organisationName, kind: account.organisationKind },
    clientId: account.role === "client" ? account.clientId : null,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    idleExpiresAt: session.idleExpiresAt,
    secondFactor: readTotpState(account.totpSecret).state,
  };
}

function requireSession(request: FastifyRequest): ResolvedSession {
  if (!request.authSession && request.authSessionEnded) throw sessionEndedProblem(request.authSessionEnded);
  if (!request.authSession) throw new ProblemError(401, "Nicht angemeldet: bitte über POST /api/v1/auth/login anmelden");
  return request.authSession;
}

function formatWait(seconds: number): string {
  return seconds < 120 ? `${seconds} Sekunden` : `${Math.ceil(seconds / 60)} Minuten`;
}

/** The account events of the audit trail (action of the entry; object type "auth", object id the account). */
type AccountEvent = "login" | "loginRefused" | "logout" | "logoutEverywhere" | "passwordChange" | "secondFactorEnrol" | "secondFactorConfirm";

/** Appends an account event's audit entry on the executor (the request's transaction). */
function auditAccountEvent(executor: Executor, account: { organisationId: string; userId: string; role: string }, event: AccountEvent, address: string, at: string): Promise<void> {
  return appendAuditEntry(executor, account.organisationId, { at, userId: account.userId, role: account.role, address, action: event, objectType: "auth", objectId: account.userId, clientId: null, reason: null });
}

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  let dummyHash: Promise<string> | undefined;
  /** Checked for unknown log-ins, so that they take as long as known ones. */
  const hashForUnknown = () => (dummyHash ??= hashPassword("teilhabe-kein-konto", app.authentication.settings.passwordParameters ?? DEFAULT_SCRYPT));

  /** Replaces the request's session (if any) by a new one of the account, with the log-in's audit entry: one transaction. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, account: SessionAccount) {
    const { settings } = app.authentication;
    const now = context.now();
    const { token, session } = await context.store.transaction(async (tx) => {
      if (request.authSession) await deleteSession(tx, request.authSession.tokenHash);
      const started = await createSession(tx, account, { address: request.ip, now, settings });
      await auditAccountEvent(tx, account, "login", request.ip, now);
      return started;
    });
    setSessionCookie(request, reply, token, settings);
    return presentSession(session);
  }

  routes.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: [TAG],
        summary: "Anmelden",
        description:
          "Meldet mit Anmeldename und Passwort (und Einmalcode, wenn ein zweiter Faktor eingerichtet ist) an. Die Sitzung steht in einem HttpOnly-Cookie (SameSite=Strict); die Antwort enthält das CSRF-Token. Fehlversuche werden je Konto und je Adresse begrenzt (429 mit Retry-After).",
        body: loginBodySchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { throttle, totpGuard } = app.authentication;
      const login = request.body.login.trim().toLowerCase();
      const attemptMs = Date.parse(context.now());
      const verdict = throttle.beginAttempt(login, request.ip, attemptMs);
      if (!verdict.allowed) {
        reply.header("retry-after", String(verdict.retryAfterSeconds));
        throw new ProblemError(
          429,
          `Zu viele fehlgeschlagene Anmeldungen ${verdict.limitedBy === "account" ? "für dieses Konto" : "von dieser Adresse"}; eine neue Anmeldung ist in ${formatWait(verdict.retryAfterSeconds!)} möglich`,
          undefined,
          { retryAfterSeconds: verdict.retryAfterSeconds },
        );
      }
      const account = await findAccountByLogin(db, login);
      const passwordMatches = await verifyPassword(request.body.password, account?.passwordHash ?? (await hashForUnknown()));
      let accepted = account !== undefined && Boolean(account.passwordHash) && passwordMatches && !account.disabled && isHumanRole(account.role);
      if (accepted) {
        const factor = readTotpState(account!.totpSecret, app.authentication.totpKey);
        if (factor.state === "confirmed") accepted = request.body.totp !== undefined && totpGuard.verifyTotpCode(`${account!.organisationId}/${account!.userId}`, factor.secret, request.body.totp.trim(), attemptMs);
      }
      if (!accepted) {
        // A refused log-in of an existing account is recorded for its organisation (unknown names belong to none).
        if (account) await context.store.transaction((tx) => auditAccountEvent(tx, account, "loginRefused", request.ip, context.now()));
        throw new ProblemError(401, FAILED_LOGIN);
      }
      throttle.recordSuccess(login, request.ip, attemptMs);
      const { passwordHash: _hash, ...sessionAccount } = account!;
      return startSession(request, reply, sessionAccount);
    },
  );

  routes.post(
    "/api/v1/auth/logout",
    { schema: { tags: [TAG], summary: "Abmelden", description: "Beendet diese Sitzung (mit X-CSRF-Token). Ohne gültige Sitzung: nichts zu tun, ebenfalls 204.", response: { 204: z.null().describe("abgemeldet") } } },
    async (request, reply) => {
      const session = request.authSession;
      if (session)
        await context.store.transaction(async (tx) => {
          await deleteSession(tx, session.tokenHash);
          await auditAccountEvent(tx, session.account, "logout", request.ip, context.now());
        });
      clearSessionCookie(request, reply, app.authentication.settings);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    "/api/v1/auth/logout-all",
    {
      schema: {
        tags: [TAG],
        summary: "Überall abmelden",
        description: "Beendet alle Sitzungen des Kontos, auf allen Geräten (mit X-CSRF-Token).",
        response: { 200: z.object({ endedSessions: z.number().int().describe("Anzahl beendeter Sitzungen, diese eingeschlossen") }) },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const endedSessions = await context.store.transaction(async (tx) => {
        const ended = await deleteUserSessions(tx, session.account.organisationId, session.account.userId);
        await auditAccountEvent(tx, session.account, "logoutEverywhere", request.ip, context.now());
        return ended;
      });
      clearSessionCookie(request, reply, app.authentication.settings);
      return { endedSessions };
    },
  );

  routes.get(
    "/api/v1/auth/session",
    { schema: { tags: [TAG], summary: "Wer bin ich", description: "Konto, Rolle, Organisation und CSRF-Token der Sitzung; keine Geheimnisse.", response: { 200: sessionSchema } } },
    async (request) => presentSession(requireSession(request)),
  );

  routes.post(
    "/api/v1/auth/password",
    {
      schema: {
        tags: [TAG],
        summary: "Passwort ändern",
        description:
          "Ändert das eigene Passwort (mit X-CSRF-Token) und beendet alle anderen Sitzungen des Kontos. Das neue Passwort hat mindestens 12 Zeichen und ist nicht der Anmeldename. Falsche bisherige Passwörter zählen wie fehlgeschlagene Anmeldungen.",
        body: z.strictObject({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(12).max(1000).describe("mindestens 12 Zeichen") }),
        response: { 200: z.object({ endedSessions: z.number().int().describe("beendete andere Sitzungen") }) },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const { organisationId, userId, login } = session.account;
      const { currentPassword, newPassword } = request.body;
      if (newPassword.trim().toLowerCase() === login) throw new ProblemError(400, "Das neue Passwort darf nicht der Anmeldename sein", [{ path: "body.newPassword", message: "gleich dem Anmeldenamen" }]);
      if (newPassword === currentPassword) throw new ProblemError(400, "Das neue Passwort ist das bisherige", [{ path: "body.newPassword", message: "gleich dem bisherigen" }]);
      const { throttle, settings } = app.authentication;
      const attemptMs = Date.parse(context.now());
      const verdict = throttle.beginAttempt(login, request.ip, attemptMs);
      if (!verdict.allowed) {
        reply.header("retry-after", String(verdict.retryAfterSeconds));
        throw new ProblemError(429, `Zu viele Fehlversuche; erneut möglich in ${formatWait(verdict.retryAfterSeconds!)}`, undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
      }
      const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
      if (!row?.passwordHash || !(await verifyPassword(currentPassword, row.passwordHash)))
        throw new ProblemError(403, "Das bisherige Passwort stimmt nicht; das Passwort wurde nicht geändert", [{ path: "body.currentPassword", message: "stimmt nicht" }]);
      throttle.recordSuccess(login, request.ip, attemptMs);
      const passwordHash = await hashPassword(newPassword, settings.passwordParameters ?? DEFAULT_SCRYPT);
      // The new password, the end of the other sessions and the entry: one transaction, all or nothing.
      return context.store.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
        const endedSessions = await deleteOtherUserSessions(tx, organisationId, userId, session.tokenHash);
        await auditAccountEvent(tx, session.account, "passwordChange", request.ip, context.now());
        return { endedSessions };
      });
    },
  );

  routes.post(
    "/api/v1/auth/totp/enrol",
    {
      schema: {
        tags: [TAG],
        summary: "Zweiten Faktor einrichten",
        description:
          "Erzeugt ein neues TOTP-Geheimnis und gibt es einmal als otpauth-URI zurück (für die Authenticator-App, z. B. als QR-Code). Erfordert das Passwort. Gilt erst nach POST /auth/totp/confirm; danach verlangt die Anmeldung den Einmalcode.",
        body: z.strictObject({ password: z.string().min(1).max(1000).describe("das Passwort des Kontos, zur Bestätigung") }),
        response: { 200: z.object({ otpauthUri: z.string(), secret: z.string().describe("dasselbe Geheimnis zum Abtippen (Base32)") }) },
      },
    },
    async (request) => {
      const session = requireSession(request);
      const { organisationId, userId, login } = session.account;
      const [row] = await db.select({ passwordHash: users.passwordHash, totpSecret: users.totpSecret }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
      if (readTotpState(row?.totpSecret).state === "confirmed") throw new ProblemError(409, "Der zweite Faktor ist bereits eingerichtet; zum Wechsel muss die Administration ihn zurücksetzen");
      if (!row?.passwordHash || !(await verifyPassword(request.body.password, row.passwordHash)))
        throw new ProblemError(403, "Das Passwort stimmt nicht; der zweite Faktor wurde nicht eingerichtet", [{ path: "body.password", message: "stimmt nicht" }]);
      const secret = createTotpSecret();
      await context.store.transaction(async (tx) => {
        await tx.update(users).set({ totpSecret: markTotpPending(secret, app.authentication.totpKey) }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
        await auditAccountEvent(tx, session.account, "secondFactorEnrol", request.ip, context.now());
      });
      return { otpauthUri: buildTotpUri(secret, login), secret };
    },
  );

  routes.post(
    "/api/v1/auth/totp/confirm",
    {
      schema: {
        tags: [TAG],
        summary: "Zweiten Faktor bestätigen",
        description: "Bestätigt die Einrichtung mit einem ersten Einmalcode der App; ab dann verlangt die Anmeldung den Einmalcode.",
        body: z.strictObject({ code: z.string().min(1).max(10).describe("sechsstelliger Einmalcode") }),
        response: { 200: z.object({ secondFactor: z.literal("confirmed") }) },
      },
    },
    async (request) => {
      const session = requireSession(request);
      const { organisationId, userId } = session.account;
      const [row] = await db.select({ totpSecret: users.totpSecret }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
      const factor = readTotpState(row?.totpSecret, app.authentication.totpKey);
      if (factor.state === "none") throw new ProblemError(409, "Keine Einrichtung begonnen; zuerst POST /api/v1/auth/totp/enrol");
      if (factor.state === "confirmed") throw new ProblemError(409, "Der zweite Faktor ist bereits eingerichtet");
      if (!app.authentication.totpGuard.verifyTotpCode(`${organisationId}/${userId}`, factor.secret, request.body.code.trim(), Date.parse(context.now())))
        throw new ProblemError(400, `Der Einmalcode „${request.body.code}“ stimmt nicht (Uhrzeit des Geräts prüfen)`, [{ path: "body.code", message: "stimmt nicht", value: request.body.code }]);
      await context.store.transaction(async (tx) => {
        await tx.update(users).set({ totpSecret: sealTotpSecret(factor.secret!, app.authentication.totpKey) }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
        await auditAccountEvent(tx, session.account, "secondFactorConfirm", request.ip, context.now());
      });
      return { secondFactor: "confirmed" as const };
    },
  );

  const oidcNotConfigured = () =>
    new ProblemError(404, "Single Sign-on (OpenID Connect) ist auf diesem Server nicht eingerichtet (TEILHABE_OIDC_ISSUER fehlt); Anmeldung mit Passwort über POST /api/v1/auth/login");

  routes.get(
    "/api/v1/auth/oidc/start",
    { schema: { tags: [TAG], summary: "Single Sign-on beginnen", description: "Leitet zum OpenID-Connect-Anbieter (z. B. Keycloak des Trägers) weiter. 404, wenn nicht eingerichtet." } },
    async (request, reply) => {
      const oidc = app.authentication.oidc;
      if (!oidc) throw oidcNotConfigured();
      const url = await oidc.startOidcLogin(request, reply, isSecure(request, app.authentication.settings));
      return reply.redirect(url, 302);
    },
  );

  routes.get(
    "/api/v1/auth/oidc/callback",
    {
      schema: {
        tags: [TAG],
        summary: "Single Sign-on abschließen",
        description: "Rückkehr vom Anbieter: prüft Code, state, nonce und ID-Token, sucht das Konto über sein oidcSubject und beginnt die Sitzung. 404, wenn nicht eingerichtet.",
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const oidc = app.authentication.oidc;
      if (!oidc) throw oidcNotConfigured();
      const identity = await oidc.finishOidcLogin(request, reply, isSecure(request, app.authentication.settings));
      const account = await findAccountByOidcSubject(db, identity.subject);
      if (!account || account.disabled) throw new ProblemError(403, "Single Sign-on: für diese Anmeldung gibt es kein (aktives) Teilhabe-Konto; die Administration legt es an und trägt das Subjekt ein");
      if (identity.organisationId !== undefined && identity.organisationId !== account.organisationId)
        throw new ProblemError(403, `Single Sign-on: der Anbieter nennt die Organisation „${identity.organisationId}“, das Konto gehört zu einer anderen`);
      if (identity.role && identity.role !== account.role) {
        await db.update(users).set({ role: identity.role }).where(and(eq(users.organisationId, account.organisationId), eq(users.id, account.userId)));
        account.role = identity.role;
      }
      if (!isHumanRole(account.role)) throw new ProblemError(403, "Das Konto hat keine gültige Rolle");
      return startSession(request, reply, account);
    },
  );
}
