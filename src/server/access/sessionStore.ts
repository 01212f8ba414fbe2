/**
 * Sessions in the database (issue 4). The session token (32 random bytes) lives only in the HttpOnly cookie;
 * the table keeps its HMAC-SHA-256 under the session key, so that a copy of the table (a backup, say) opens no
 * session. A session ends after `idleMinutes` without a request (idle expiry, lastSeenAt) and at `expiresAt`
 * (absolute expiry, `absoluteHours` after log-in), whichever comes first; an ended session's row is deleted.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, lt, ne, or } from "drizzle-orm";
import { organisations, sessions, users } from "../../store/schema/index.ts";
import { namedStatement, queryRows } from "../../store/rawQuery.ts";
import type { Executor } from "../../store/store.ts";
import type { CachedSessionRow, SessionCache } from "./sessionCache.ts";
import type { SecuritySettings } from "./sessionSettings.ts";

/** lastSeenAt is written at most this often, so that reading is not a write every time. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionAccount {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  userId: string;
  login: string;
  displayName: string;
  role: string;
  clientId: string | null;
  totpSecret: string | null;
  disabled: boolean;
}

export interface ResolvedSession {
  tokenHash: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** When the session ends without further requests: min(lastSeenAt + idle, expiresAt). */
  idleExpiresAt: string;
  account: SessionAccount;
}

export type SessionLookup = { status: "valid"; session: ResolvedSession } | { status: "expired" } | { status: "unknown" };

export function hashSessionToken(token: string, sessionSecret: string): string {
  return createHmac("sha256", sessionSecret).update(token).digest("hex");
}

export function createRandomToken(): string {
  return randomBytes(32).toString("base64url");
}

function idleExpiry(lastSeenAt: string, settings: SecuritySettings, expiresAt: string): string {
  const idle = Date.parse(lastSeenAt) + settings.idleMinutes * 60_000;
  return new Date(Math.min(idle, Date.parse(expiresAt))).toISOString();
}

const accountColumns = {
  organisationId: users.organisationId,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  userId: users.id,
  login: users.login,
  displayName: users.displayName,
  role: users.role,
  clientId: users.clientId,
  totpSecret: users.totpSecret,
  disabled: users.disabled,
};

/** Starts a session for the account; returns the token for the cookie and the stored session. */
export async function createSession(
  db: Executor,
  account: SessionAccount,
  options: { address: string; now: string; settings: SecuritySettings },
): Promise<{ token: string; session: ResolvedSession }> {
  const token = createRandomToken();
  const tokenHash = hashSessionToken(token, options.settings.sessionSecret);
  const csrfToken = createRandomToken();
  const nowMs = Date.parse(options.now);
  const createdAt = new Date(nowMs).toISOString();
  const expiresAt = new Date(nowMs + options.settings.absoluteHours * 3_600_000).toISOString();
  // Ended sessions of the account are removed on the way.
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.organisationId, account.organisationId),
        eq(sessions.userId, account.userId),
        or(lt(sessions.expiresAt, createdAt), lt(sessions.lastSeenAt, new Date(nowMs - options.settings.idleMinutes * 60_000).toISOString())),
      ),
    );
  await db.insert(sessions).values({ tokenHash, organisationId: account.organisationId, userId: account.userId, csrfToken, address: options.address, createdAt, lastSeenAt: createdAt, expiresAt });
  return { token, session: { tokenHash, csrfToken, createdAt, lastSeenAt: createdAt, expiresAt, idleExpiresAt: idleExpiry(createdAt, options.settings, expiresAt), account } };
}

/** The session of a token hash with its account: the statement every request with a cookie runs (prepared once per connection). */
const FIND_SESSION = namedStatement(
  "teilhabe_find_session",
  `SELECT s.csrf_token AS "csrfToken", s.created_at::text AS "createdAt", s.last_seen_at::text AS "lastSeenAt", s.expires_at::text AS "expiresAt",
          s.pending_second_factor AS pending, u.organisation_id AS "organisationId", o.name AS "organisationName", o.kind AS "organisationKind",
          u.id AS "userId", u.login, u.display_name AS "displayName", u.role, u.client_id AS "clientId", u.totp_secret AS "totpSecret", u.disabled
     FROM sessions s
     JOIN users u ON u.organisation_id = s.organisation_id AND u.id = s.user_id
     JOIN organisations o ON o.id = u.organisation_id
    WHERE s.token_hash = $1
    LIMIT 1`,
);

/**
 * Finds the session of a cookie token at `now`; an ended one is deleted and reported as expired. With a cache
 * (sessionCache.ts), a row read a moment ago stands in for the lookup; expiry is still judged at `now`.
 */
export async function findSession(db: Executor, token: string, options: { now: string; settings: SecuritySettings; cache?: SessionCache | undefined }): Promise<SessionLookup> {
  const { cache } = options;
  const tokenHash = hashSessionToken(token, options.settings.sessionSecret);
  let row = cache?.find(tokenHash);
  if (!row) {
    const generation = cache?.generation ?? 0;
    [row] = await queryRows<CachedSessionRow>(db, FIND_SESSION, [tokenHash]);
    if (!row) return { status: "unknown" };
    cache?.store(tokenHash, row, generation);
  }
  const nowMs = Date.parse(options.now);
  const lastSeenAt = new Date(row.lastSeenAt).toISOString();
  const expiresAt = new Date(row.expiresAt).toISOString();
  const idleExpiresAt = idleExpiry(lastSeenAt, options.settings, expiresAt);
  if (nowMs >= Date.parse(idleExpiresAt) || row.disabled || row.pending) {
    cache?.forget(tokenHash);
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: "expired" };
  }
  let seen = lastSeenAt;
  if (nowMs - Date.parse(lastSeenAt) >= TOUCH_INTERVAL_MS) {
    seen = new Date(nowMs).toISOString();
    const touched = await db.update(sessions).set({ lastSeenAt: seen }).where(eq(sessions.tokenHash, tokenHash)).returning({ tokenHash: sessions.tokenHash });
    // A cached row whose session has meanwhile been ended elsewhere touches nothing: the session is gone.
    if (touched.length === 0) {
      cache?.forget(tokenHash);
      return { status: "unknown" };
    }
    cache?.noteSeen(tokenHash, seen);
  }
  const { csrfToken, createdAt, pending: _pending, lastSeenAt: _lastSeen, expiresAt: _expires, ...account } = row;
  return {
    status: "valid",
    session: { tokenHash, csrfToken, createdAt: new Date(createdAt).toISOString(), lastSeenAt: seen, expiresAt, idleExpiresAt: idleExpiry(seen, options.settings, expiresAt), account },
  };
}

/** The account of a log-in name (any organisation: log-in names are unique across the deployment). */
export async function findAccountByLogin(db: Executor, login: string): Promise<(SessionAccount & { passwordHash: string | null }) | undefined> {
  const [row] = await db
    .select({ ...accountColumns, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.login, login))
    .limit(1);
  return row;
}

export async function findAccountByOidcSubject(db: Executor, subject: string): Promise<SessionAccount | undefined> {
  const [row] = await db.select(accountColumns).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.oidcSubject, subject)).limit(1);
  return row;
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every other session of the user (after a password change); returns how many. */
export async function deleteOtherUserSessions(db: Executor, organisationId: string, userId: string, keptTokenHash: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId), ne(sessions.tokenHash, keptTokenHash)))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

/** Ends every session of the user (log-out everywhere); returns how many. */
export async function deleteUserSessions(db: Executor, organisationId: string, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId))).returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
