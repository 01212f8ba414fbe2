/**
 * The demo's accounts (issue 4): one per role, with public demo passwords that `npm start` prints. The
 * Fachkraft is assigned to three clients of the Bremen agreement A2 (demo-K-003, -008, -013, documented by
 * demo-M-05), the Leitung to five clients of the A4 Wohngruppe (demo-K-005, -010, -015, -020, -025; any other file
 * asks her for a reason), the payer caseworker belongs to the Bremen payer (A2 and A4 bill it), the client account reads
 * the file of demo-K-003. Production mode refuses to start with the demo (serverSecrets.ts), so these
 * passwords never guard real data.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { clientAssignments, users } from "../store/schema/index.ts";
import type { Executor } from "../store/store.ts";
import { DEFAULT_SCRYPT, hashPassword, type ScryptParameters } from "../server/access/passwordHash.ts";
import type { HumanRoleName } from "../server/access/sessionRoles.ts";
import { DEMO_PAYER_IDS, DEMO_PROVIDER_ID } from "./demoOrganisations.ts";

export interface DemoAccount {
  organisationId: string;
  id: string;
  login: string;
  password: string;
  role: HumanRoleName;
  displayName: string;
  /** German name of the role, as printed. */
  roleLabel: string;
  clientId?: string;
  assignedClientIds?: string[];
}

/** The clients the Leitung looks after herself (the A4 Wohngruppe): their files open without a reason; every other file asks for one. */
export const DEMO_LEITUNG_CLIENT_IDS = ["demo-K-005", "demo-K-010", "demo-K-015", "demo-K-020", "demo-K-025"];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { organisationId: DEMO_PROVIDER_ID, id: "demo-U-admin", login: "admin@demo-traeger.example", password: "Demo-Admin-2026", role: "administrator", roleLabel: "Administration", displayName: "Beispiel-Administratorin (Demo)" },
  {
    organisationId: DEMO_PROVIDER_ID,
    id: "demo-U-leitung",
    login: "leitung@demo-traeger.example",
    password: "Demo-Leitung-2026",
    role: "leitung",
    roleLabel: "Leitung",
    displayName: "Beispiel-Leitung (Demo)",
    assignedClientIds: DEMO_LEITUNG_CLIENT_IDS,
  },
  {
    organisationId: DEMO_PROVIDER_ID,
    id: "demo-U-fachkraft",
    login: "fachkraft@demo-traeger.example",
    password: "Demo-Fachkraft-2026",
    role: "fachkraft",
    roleLabel: "Fachkraft",
    displayName: "Beispiel-Fachkraft Heilerziehungspfleger (Demo)",
    assignedClientIds: ["demo-K-003", "demo-K-008", "demo-K-013"],
  },
  { organisationId: DEMO_PROVIDER_ID, id: "demo-U-verwaltung", login: "verwaltung@demo-traeger.example", password: "Demo-Verwaltung-2026", role: "verwaltung", roleLabel: "Verwaltung", displayName: "Beispiel-Verwaltung (Demo)" },
  {
    organisationId: DEMO_PAYER_IDS.bremen,
    id: "demo-U-kostentraeger",
    login: "fallmanagement@demo-bremen.example",
    password: "Demo-Kostentraeger-2026",
    role: "payerCaseworker",
    roleLabel: "Sachbearbeitung Kostenträger Bremen",
    displayName: "Beispiel-Fallmanagerin Bremen (Demo)",
  },
  { organisationId: DEMO_PROVIDER_ID, id: "demo-U-klient", login: "klient@demo-traeger.example", password: "Demo-Klient-2026", role: "client", roleLabel: "Klient:in (eigene Akte demo-K-003)", displayName: "Beispiel-Person (Demo)", clientId: "demo-K-003" },
];

/**
 * Writes the demo accounts and the assignments of the Fachkraft and the Leitung unless the demo provider already has accounts
 * (a data folder from before accounts existed gets them on its next start). Returns whether it wrote them.
 */
export async function insertDemoAccountsIfAbsent(db: Executor, options: { passwordParameters?: ScryptParameters } = {}): Promise<boolean> {
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(users).where(eq(users.organisationId, DEMO_PROVIDER_ID));
  if (existing && existing.count > 0) return false;
  // One memory-hard hash after the other (128 MiB each at the default, ~0.4 s): in parallel they take as long
  // on a small machine and need six times the memory.
  const hashes: string[] = [];
  for (const account of DEMO_ACCOUNTS) hashes.push(await hashPassword(account.password, options.passwordParameters ?? DEFAULT_SCRYPT));
  await db
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((account, index) => ({
        organisationId: account.organisationId,
        id: account.id,
        login: account.login,
        displayName: account.displayName,
        role: account.role,
        passwordHash: hashes[index]!,
        ...(account.clientId ? { clientId: account.clientId } : {}),
      })),
    )
    .onConflictDoNothing();
  const assignments = DEMO_ACCOUNTS.flatMap((account) => (account.assignedClientIds ?? []).map((clientId) => ({ organisationId: account.organisationId, userId: account.id, clientId })));
  if (assignments.length > 0) await db.insert(clientAssignments).values(assignments).onConflictDoNothing();
  return true;
}

/** The lines `npm start` prints: "Demo-Zugänge: …", one account per line. */
export function formatDemoAccounts(accounts: DemoAccount[] = DEMO_ACCOUNTS): string {
  const width = Math.max(...accounts.map((account) => account.roleLabel.length));
  return [
    "Demo-Zugänge (nur für die Demo; Anmeldung in der Webanwendung oder mit POST /api/v1/auth/login):",
    ...accounts.map((account) => `  ${account.roleLabel.padEnd(width)}  ${account.login}  Passwort: ${account.password}`),
  ].join("\n");
}

/** The demo accounts present in the store (those not deleted or renamed since). */
export async function findPresentDemoAccounts(db: Executor): Promise<DemoAccount[]> {
  const rows = await db.select({ login: users.login }).from(users).where(inArray(users.login, DEMO_ACCOUNTS.map((account) => account.login)));
  const present = new Set(rows.map((row) => row.login));
  return DEMO_ACCOUNTS.filter((account) => present.has(account.login));
}
