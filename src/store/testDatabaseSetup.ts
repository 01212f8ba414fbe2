/**
 * Vitest global setup: prepares one migrated database for the whole run, so that each test file starts from a
 * copy instead of initialising its own. Embedded: a PGlite data folder dumped to a file (loaded in about a
 * second). With DATABASE_URL: a template database on the server that each test file clones.
 */
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openStore } from "./store.ts";

declare module "vitest" {
  export interface ProvidedContext {
    embeddedDumpFile: string;
    postgresTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = join(tmpdir(), `teilhabe-test-${process.pid}`);
  mkdirSync(directory, { recursive: true });
  const dumpFile = join(directory, "embedded.tar");
  const embedded = await openStore({ dataDir: "memory" });
  writeFileSync(dumpFile, Buffer.from(await (await embedded.dumpEmbeddedData()).arrayBuffer()));
  await embedded.close();
  project.provide("embeddedDumpFile", dumpFile);

  const url = process.env.DATABASE_URL;
  let template = "";
  if (url) {
    template = `teilhabe_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const store = await openStore({ databaseUrl: withDatabase(url, template) });
    await store.close();
  }
  project.provide("postgresTemplate", template);

  return async () => {
    rmSync(directory, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Every clone of the template (test stores and isolated stores) carries the template's process id.
      const clones = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`teilhabe\\_%\\_${process.pid}\\_%`]);
      for (const row of clones.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}
