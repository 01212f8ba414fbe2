/**
 * Accounts and sessions (issue 4): users of a provider or of a payer organisation with one role, their
 * sessions (only a hash of the session token is stored), and which clients a Fachkraft is assigned to.
 */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, tenantColumn } from "./columns.ts";

export const users = pgTable(
  "users",
  {
    /** The organisation the account belongs to: a provider (tenant) or a payer. */
    organisationId: tenantColumn(),
    id: text().notNull(),
    /** Log-in name, unique across the deployment (lower case). */
    login: text().notNull(),
    displayName: text().notNull(),
    role: text({ enum: ["administrator", "leitung", "fachkraft", "verwaltung", "payerCaseworker", "client"] }).notNull(),
    /** scrypt hash with its parameters (src/server/access/passwordHash.ts); empty for single sign-on only. */
    passwordHash: text(),
    /** TOTP secret (base32) of the optional second factor. */
    totpSecret: text(),
    /** Subject of the OpenID Connect provider, for single sign-on. */
    oidcSubject: text(),
    /** For the client role: the client whose own file the account may read. */
    clientId: text(),
    /** Secret token of the user's calendar feed URL (deadlines and tasks). */
    calendarToken: text(),
    disabled: boolean().notNull().default(false),
    failedLogins: integer().notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), uniqueIndex().on(table.login), uniqueIndex().on(table.oidcSubject)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself lives only in the HttpOnly cookie. */
    tokenHash: text().primaryKey(),
    organisationId: text().notNull(),
    userId: text().notNull(),
    csrfToken: text().notNull(),
    address: text(),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    /** Absolute expiry; the idle expiry is lastSeenAt + idle timeout. */
    expiresAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    /** Set when the second factor is still to be given. */
    pendingSecondFactor: boolean().notNull().default(false),
  },
  (table) => [index().on(table.organisationId, table.userId)],
);

export const clientAssignments = pgTable(
  "client_assignments",
  {
    organisationId: tenantColumn(),
    userId: text().notNull(),
    clientId: text().notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.userId, table.clientId] }), index().on(table.organisationId, table.clientId)],
);
