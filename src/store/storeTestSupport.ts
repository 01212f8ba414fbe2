/**
 * Opens a fresh store for one test file from the database prepared by testDatabaseSetup.ts: a copy of the
 * migrated PGlite data folder, or (with DATABASE_URL) a clone of the template database on the server.
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "./store.ts";

export const STORE_ENGINE = process.env.DATABASE_URL ? "postgres" : "embedded";

/** With DATABASE_URL and the prepared template: a new database cloned from it; its URL and a way to drop it. */
export async function cloneTemplateDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const url = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) return undefined;
  const database = `teilhabe_${prefix}_${template.replace("teilhabe_template_", "")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  await admin.end();
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return {
    url: parsed.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function openTestStore(): Promise<Store> {
  const clone = await cloneTemplateDatabase("t");
  if (clone) return openStore({ databaseUrl: clone.url });
  const dump = new Blob([readFileSync(inject("embeddedDumpFile"))]);
  return openStore({ dataDir: "memory", loadDataDir: dump });
}
