/**
 * `teilhabe audit verify` against a store of its own (embedded data folder, or a database with DATABASE_URL):
 * an intact trail, a changed entry, a deleted entry, a removed tail and a chain rehashed behind the head's back
 * are each found and named; once in a child process with its exit code.
 */
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAuditHash } from "../../server/access/auditChain.ts";
import { appendAuditEntry } from "../../server/access/appendAuditEntry.ts";
import { pointEnvironmentAt, prepareIsolatedTestStore, type IsolatedTestStore } from "../../server/billing/isolatedTestStore.ts";
import { openStore, type Store } from "../../store/store.ts";
import { runTeilhabe } from "../cliTestSupport.ts";

const ORGANISATION = "traeger-protokoll";
const OTHER = "traeger-anders";
let isolated: IsolatedTestStore;
let restoreEnvironment: (() => void) | undefined;

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(isolated.options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs SQL past the append-only trigger, as a database superuser could. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await withStore(async (store) => {
    await store.db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`);
    try {
      await store.db.execute(statement);
    } finally {
      await store.db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`);
    }
  });
}

function runChild(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { env: { ...process.env, ...isolated.environment }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const verify = (organisation = ORGANISATION) => runTeilhabe(["audit", "verify", "--organisation", organisation]);

beforeAll(async () => {
  isolated = await prepareIsolatedTestStore("audit");
  await withStore(async (store) => {
    for (let index = 1; index <= 5; index++) {
      await store.transaction((tx) =>
        appendAuditEntry(tx, ORGANISATION, { at: `2026-04-0${index}T08:00:00.000Z`, userId: "U-LEITUNG", role: "leitung", address: "10.0.0.1", action: "read", objectType: "client", objectId: `K-${index}`, clientId: `K-${index}`, reason: index === 3 ? "Vertretung" : null }),
      );
    }
    await store.transaction((tx) => appendAuditEntry(tx, OTHER, { at: "2026-04-01T08:00:00.000Z", userId: "U-ADMIN", role: "administrator", address: "10.0.0.2", action: "login", objectType: "user", objectId: "U-ADMIN" }));
  });
  restoreEnvironment = pointEnvironmentAt(isolated);
}, 60_000);

afterAll(async () => {
  restoreEnvironment?.();
  await isolated?.remove();
});

describe("teilhabe audit verify", () => {
  it("reports an intact trail with its number of entries (exit 0), per organisation, and as JSON", async () => {
    expect(await verify()).toEqual({ code: 0, stdout: "Protokoll unverändert: 5 Einträge\n", stderr: "" });
    const all = await runTeilhabe(["audit", "verify"]);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(`${OTHER}: Protokoll unverändert: 1 Eintrag\n${ORGANISATION}: Protokoll unverändert: 5 Einträge\n`);
    const json = JSON.parse((await runTeilhabe(["audit", "verify", "--organisation", ORGANISATION, "--json"])).stdout);
    expect(json).toEqual({ intact: true, organisations: [{ organisationId: ORGANISATION, entryCount: 5, headSequence: 5, intact: true, message: "Protokoll unverändert: 5 Einträge" }] });
  });

  it("names a changed entry (exit 1) and is whole again once the value is put back", async () => {
    await tamper(sql`UPDATE audit_entries SET reason = 'Neugier' WHERE organisation_id = ${ORGANISATION} AND sequence = 3`);
    const changed = await verify();
    expect(changed.code).toBe(1);
    expect(changed.stdout).toBe("Protokoll verändert: Eintrag 3: Protokolleintrag 3 wurde verändert\n");
    // the other organisation's trail is not affected
    expect((await verify(OTHER)).code).toBe(0);
    await tamper(sql`UPDATE audit_entries SET reason = 'Vertretung' WHERE organisation_id = ${ORGANISATION} AND sequence = 3`);
    expect((await verify()).code).toBe(0);
  });

  it("names a deleted entry in the middle", async () => {
    const [row] = await withStore(async (store) => ((await store.db.execute(sql`SELECT * FROM audit_entries WHERE organisation_id = ${ORGANISATION} AND sequence = 2`)) as unknown as { rows: Array<Record<string, unknown>> }).rows);
    await tamper(sql`DELETE FROM audit_entries WHERE organisation_id = ${ORGANISATION} AND sequence = 2`);
    const deleted = await verify();
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toBe("Protokoll verändert: Eintrag 2: Protokolleintrag 2 fehlt (gelöscht?); der nächste vorhandene ist 3\n");
    const columns = Object.keys(row!);
    await tamper(sql`INSERT INTO audit_entries (${sql.join(columns.map((column) => sql.identifier(column)), sql`, `)}) VALUES (${sql.join(columns.map((column) => sql`${row![column]}`), sql`, `)})`);
    expect((await verify()).code).toBe(0);
  });

  it("names a removed tail, which the chain alone cannot show, from the chain head", async () => {
    const saved = await withStore(async (store) => ((await store.db.execute(sql`SELECT * FROM audit_entries WHERE organisation_id = ${ORGANISATION} AND sequence >= 4 ORDER BY sequence`)) as unknown as { rows: Array<Record<string, unknown>> }).rows);
    await tamper(sql`DELETE FROM audit_entries WHERE organisation_id = ${ORGANISATION} AND sequence = 5`);
    expect((await verify()).stdout).toBe("Protokoll verändert: Eintrag 5: Protokolleintrag 5 fehlt (gelöscht?): das Protokoll endet mit Eintrag 4, sein Kopf nennt 5\n");
    await tamper(sql`DELETE FROM audit_entries WHERE organisation_id = ${ORGANISATION} AND sequence = 4`);
    const tail = await verify();
    expect(tail.code).toBe(1);
    expect(tail.stdout).toBe("Protokoll verändert: Eintrag 4: Protokolleinträge 4–5 fehlen (gelöscht?): das Protokoll endet mit Eintrag 3, sein Kopf nennt 5\n");
    for (const row of saved) {
      const columns = Object.keys(row);
      await tamper(sql`INSERT INTO audit_entries (${sql.join(columns.map((column) => sql.identifier(column)), sql`, `)}) VALUES (${sql.join(columns.map((column) => sql`${row[column]}`), sql`, `)})`);
    }
    expect((await verify()).code).toBe(0);
  });

  it("names a chain rehashed from a changed entry on when the head still holds the old hash", async () => {
    // Someone changes entry 4 and recomputes the hashes of 4 and 5 so that every link matches again.
    await withStore(async (store) => {
      const entries = ((await store.db.execute(sql`SELECT * FROM audit_entries WHERE organisation_id = ${ORGANISATION} ORDER BY sequence`)) as unknown as { rows: Array<Record<string, string | number | null>> }).rows;
      let previousHash = String(entries[2]!.hash);
      await store.db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`);
      for (const entry of entries.slice(3)) {
        const content = {
          sequence: Number(entry.sequence),
          at: String(entry.at),
          userId: String(entry.user_id),
          role: String(entry.role),
          address: entry.sequence === 4 ? "203.0.113.9" : String(entry.address),
          action: String(entry.action),
          objectType: String(entry.object_type),
          objectId: String(entry.object_id),
          clientId: entry.client_id as string | null,
          reason: entry.reason as string | null,
        };
        const hash = computeAuditHash(previousHash, content);
        await store.db.execute(sql`UPDATE audit_entries SET address = ${content.address}, previous_hash = ${previousHash}, hash = ${hash} WHERE organisation_id = ${ORGANISATION} AND sequence = ${content.sequence}`);
        previousHash = hash;
      }
      await store.db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`);
    });
    const rehashed = await verify();
    expect(rehashed.code).toBe(1);
    expect(rehashed.stdout).toBe("Protokoll verändert: Eintrag 5: Protokolleintrag 5 passt nicht zum Kopf des Protokolls (Kette neu berechnet?)\n");
  });

  it("runs as its own process: exit 1 and the broken entry on standard output", async () => {
    const child = await runChild(["audit", "verify"]);
    expect(child.stderr).toBe("");
    expect(child.code).toBe(1);
    expect(child.stdout).toBe(`${OTHER}: Protokoll unverändert: 1 Eintrag\n${ORGANISATION}: Protokoll verändert: Eintrag 5: Protokolleintrag 5 passt nicht zum Kopf des Protokolls (Kette neu berechnet?)\n`);
  }, 60_000);
});
