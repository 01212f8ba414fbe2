/**
 * The store: one PostgreSQL dialect on two engines. Default: embedded PGlite with its data in a folder
 * (`./data`, or `TEILHABE_DATA_DIR`); with `DATABASE_URL`, a PostgreSQL server (15 or newer) through node-postgres.
 * The same drizzle schema and the same versioned migrations run on both (applied at open).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type StoreSchema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, StoreSchema>;
export type Transaction = PgTransaction<PgQueryResultHKT, StoreSchema, ExtractTablesWithRelations<StoreSchema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Database | Transaction;

/** Field names in code are camelCase, column names snake_case: the same for every drizzle instance over the store. */
export const STORE_CASING = "snake_case";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export interface StoreOptions {
  /** PostgreSQL connection string; when set, the server is used instead of the embedded engine. */
  databaseUrl?: string;
  /** Folder of the embedded database; "memory" keeps it in memory (tests). */
  dataDir?: string;
  /** A data folder dumped with `dumpEmbeddedData` to start from (tests restore a migrated database this way). */
  loadDataDir?: Blob;
  /** Largest number of pooled connections to the PostgreSQL server. */
  poolSize?: number;
}

export interface Store {
  kind: "embedded" | "postgres";
  db: Database;
  /** Runs the work in one transaction: it commits whole or, on any error, not at all. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs work that only reads (and at its end appends one statement, a read's audit entry). On PostgreSQL
   * without BEGIN and COMMIT: under READ COMMITTED every statement of a transaction sees its own snapshot
   * anyway, so the two round trips bought nothing for a read; each statement commits alone. The executor is
   * a new object per call (over the pool), so that per-request marks (appendAuditEntry's WeakSet) stay per
   * request. On the embedded engine (one connection shared by every request) in a transaction, as before.
   */
  read<T>(work: (executor: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs work that is exactly one statement, a write included (createInOneStatement.ts): on PostgreSQL without
   * BEGIN and COMMIT, since one statement commits whole or not at all; on the embedded engine in a transaction.
   */
  single<T>(work: (executor: Transaction) => Promise<T>): Promise<T>;
  /** The embedded data folder as a tarball (embedded engine only). */
  dumpEmbeddedData(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * The embedded engine is loaded only when it is used: a server on PostgreSQL does not hold PGlite's module
 * (about 40 MB of resident memory) at all.
 */
async function openEmbedded(options: StoreOptions): Promise<{ store: Store; ready: Promise<void> }> {
  const dataDir = options.dataDir ?? "./data";
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const client = new PGlite({
    ...(dataDir === "memory" ? {} : { dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // One embedded connection needs no large buffer pool: 16 MB instead of PostgreSQL's 128 MB default.
    postgresqlconf: ["shared_buffers=16MB"],
  });
  const db = drizzlePglite({ client, schema, casing: STORE_CASING }) as unknown as Database;
  const store: Store = {
    kind: "embedded",
    db,
    transaction: (work) => db.transaction(work),
    read: (work) => db.transaction(work),
    single: (work) => db.transaction(work),
    dumpEmbeddedData: async () => {
      await client.exec("CHECKPOINT");
      return client.dumpDataDir("none");
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
  const ready = client.waitReady.then(() => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }));
  return { store, ready };
}

function openPostgres(options: StoreOptions & { databaseUrl: string }): { store: Store; ready: Promise<void> } {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // An idle connection that the server drops (restart, administrator) must not end the process; the pool
  // replaces it, and a request that was using it fails with its own error.
  pool.on("error", (error) => process.stderr.write(`PostgreSQL-Verbindung getrennt: ${error.message}\n`));
  const db = drizzlePostgres({ client: pool, schema, casing: STORE_CASING }) as unknown as Database;
  const store: Store = {
    kind: "postgres",
    db,
    transaction: (work) => db.transaction(work),
    read: (work) => work(Object.create(db) as Transaction),
    single: (work) => work(db as unknown as Transaction),
    dumpEmbeddedData: async () => {
      throw new Error("dumpEmbeddedData: only the embedded engine has a data folder");
    },
    close: () => pool.end(),
  };
  const ready = migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return { store, ready };
}

/** Opens the store and applies every migration not yet applied. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const opened = options.databaseUrl ? openPostgres({ ...options, databaseUrl: options.databaseUrl }) : await openEmbedded(options);
  try {
    await opened.ready;
  } catch (error) {
    await opened.store.close().catch(() => undefined);
    throw error;
  }
  return opened.store;
}

/** The store options from the environment: `DATABASE_URL`, `TEILHABE_DATA_DIR`. */
export function storeOptionsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): StoreOptions {
  return {
    ...(environment.DATABASE_URL ? { databaseUrl: environment.DATABASE_URL } : {}),
    dataDir: environment.TEILHABE_DATA_DIR ?? "./data",
  };
}
