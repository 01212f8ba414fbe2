/**
 * The demo accounts: one per role, each logs in through HTTP with its printed password and lands in its
 * organisation (the payer caseworker in the Bremen payer, the client with its own file); the Fachkraft is
 * assigned to three A2 clients; a second call writes nothing; the printed lines name every login and password.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAssignments, organisations, users } from "../store/schema/index.ts";
import { loginTestAccount, startTestServer, TEST_PASSWORD_PARAMETERS, type TestServer } from "../server/serverTestSupport.ts";
import { DEMO_ACCOUNTS, findPresentDemoAccounts, formatDemoAccounts, insertDemoAccountsIfAbsent } from "./demoAccounts.ts";
import { DEMO_PAYERS, DEMO_PROVIDER, DEMO_PROVIDER_ID } from "./demoOrganisations.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ trustActorHeaders: false });
  await server.store.db.insert(organisations).values([DEMO_PROVIDER, ...DEMO_PAYERS]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("demo accounts", () => {
  it("one account per role logs in with its printed password, in its organisation", async () => {
    expect(await insertDemoAccountsIfAbsent(server.store.db, { passwordParameters: TEST_PASSWORD_PARAMETERS })).toBe(true);
    expect(await insertDemoAccountsIfAbsent(server.store.db, { passwordParameters: TEST_PASSWORD_PARAMETERS })).toBe(false);
    expect(DEMO_ACCOUNTS.map((account) => account.role)).toEqual(["administrator", "leitung", "fachkraft", "verwaltung", "payerCaseworker", "client"]);
    const seen = [];
    for (const account of DEMO_ACCOUNTS) {
      const session = await loginTestAccount(server, account);
      const who = (await session.call("GET", "/api/v1/auth/session")).body;
      seen.push([who.user.login, who.role, who.organisation.id, who.clientId]);
    }
    expect(seen).toEqual([
      ["admin@demo-traeger.example", "administrator", DEMO_PROVIDER_ID, null],
      ["leitung@demo-traeger.example", "leitung", DEMO_PROVIDER_ID, null],
      ["fachkraft@demo-traeger.example", "fachkraft", DEMO_PROVIDER_ID, null],
      ["verwaltung@demo-traeger.example", "verwaltung", DEMO_PROVIDER_ID, null],
      ["fallmanagement@demo-bremen.example", "payerCaseworker", "demo-kostentraeger-bremen", null],
      ["klient@demo-traeger.example", "client", DEMO_PROVIDER_ID, "demo-K-003"],
    ]);
    const assigned = await server.store.db.select({ clientId: clientAssignments.clientId }).from(clientAssignments).where(eq(clientAssignments.userId, "demo-U-fachkraft"));
    expect(assigned.map((row) => row.clientId).sort()).toEqual(["demo-K-003", "demo-K-008", "demo-K-013"]);
    const leitung = await server.store.db.select({ clientId: clientAssignments.clientId }).from(clientAssignments).where(eq(clientAssignments.userId, "demo-U-leitung"));
    expect(leitung.map((row) => row.clientId).sort()).toEqual(["demo-K-005", "demo-K-010", "demo-K-015", "demo-K-020", "demo-K-025"]);
    const [stored] = await server.store.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, "demo-U-leitung"));
    expect(stored!.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(stored!.passwordHash).not.toContain("Demo-Leitung-2026");
  });

  it("prints every present account with login and password under „Demo-Zugänge“", async () => {
    const present = await findPresentDemoAccounts(server.store.db);
    const text = formatDemoAccounts(present);
    expect(text.split("\n")[0]).toBe("Demo-Zugänge (nur für die Demo; Anmeldung in der Webanwendung oder mit POST /api/v1/auth/login):");
    expect(text).toContain("  Leitung                              leitung@demo-traeger.example  Passwort: Demo-Leitung-2026");
    expect(text.split("\n")).toHaveLength(7);
  });
});
