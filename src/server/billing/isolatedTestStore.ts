/**
 * Tests only: a store of its own that a child process or the CLI can open by environment, restored from the
 * prepared test database: an embedded data folder loaded from the dump, or (with DATABASE_URL) a database
 * cloned from the template. Gives the store options, the environment that names it, and a cleanup.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openStore, type StoreOptions } from "../../store/store.ts";
import { cloneTemplateDatabase } from "../../store/storeTestSupport.ts";

export interface IsolatedTestStore {
  options: StoreOptions;
  /** DATABASE_URL or TEILHABE_DATA_DIR naming this store (and nothing else). */
  environment: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

export async function prepareIsolatedTestStore(prefix: string): Promise<IsolatedTestStore> {
  const clone = await cloneTemplateDatabase(prefix);
  if (clone) return { options: { databaseUrl: clone.url }, environment: { DATABASE_URL: clone.url }, remove: clone.drop };
  const dataDir = mkdtempSync(join(tmpdir(), `teilhabe-${prefix}-`));
  const restored = await openStore({ dataDir, loadDataDir: new Blob([readFileSync(inject("embeddedDumpFile"))]) });
  await restored.close();
  return { options: { dataDir }, environment: { TEILHABE_DATA_DIR: dataDir }, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * Points this process's environment at the isolated store (DATABASE_URL or TEILHABE_DATA_DIR, plus `extra`),
 * so that commands run in-process open it; returns the function that puts the environment back.
 */
export function pointEnvironmentAt(isolated: IsolatedTestStore, extra: Record<string, string> = {}): () => void {
  const keys = ["DATABASE_URL", "TEILHABE_DATA_DIR", ...Object.keys(extra)];
  const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  delete process.env.DATABASE_URL;
  delete process.env.TEILHABE_DATA_DIR;
  Object.assign(process.env, isolated.environment, extra);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
