/**
 * Named SQL statements for the hottest paths of a request (session lookup, authorisation, audit append):
 * written once as text, prepared once per connection by node-postgres (`{ name, text, values }`), and run on
 * the same connection as the executor they are given (the pool, or a request's transaction). drizzle builds
 * every query anew from its builder objects; for the few statements every request runs, that cost more than
 * the database. PGlite (one embedded connection) runs the same text with the same values.
 * Dates and timestamps are cast to text in the statements, so that both engines give the same strings.
 */
import type { Executor } from "./store.ts";

export interface NamedStatement {
  /** Unique per text: node-postgres keeps the parsed statement per connection under this name. */
  name: string;
  text: string;
}

interface QueryClient {
  query(config: unknown, values?: unknown[], options?: { rowMode: "array" }): Promise<{ rows: unknown[]; rowCount?: number | null; affectedRows?: number }>;
}

/** The driver's client behind a drizzle database or transaction (node-postgres pool or client, PGlite or its transaction). */
function clientOf(executor: Executor): { client: QueryClient; named: boolean } {
  const client = (executor as unknown as { session?: { client?: QueryClient } }).session?.client;
  if (!client) throw new Error("rawQuery: the executor has no driver client");
  // PGlite and its transactions take (text, values); node-postgres takes a query config with a name.
  const named = !("exec" in client);
  return { client, named };
}

export function namedStatement(name: string, text: string): NamedStatement {
  return { name, text: text.replace(/\s+/g, " ").trim() };
}

/** Runs the statement on the executor's connection, its rows as objects or (rowMode "array") as arrays of values. */
async function runStatement(executor: Executor, statement: NamedStatement, values: readonly unknown[], rowMode?: "array"): Promise<unknown[]> {
  const { client, named } = clientOf(executor);
  const mode = rowMode ? { rowMode } : undefined;
  const result = named ? await client.query({ name: statement.name, text: statement.text, values, ...mode }) : await client.query(statement.text, values as unknown[], mode);
  return result.rows;
}

/** Runs the statement on the executor's connection; resolves to its rows. */
export async function queryRows<T>(executor: Executor, statement: NamedStatement, values: readonly unknown[]): Promise<T[]> {
  return (await runStatement(executor, statement, values)) as T[];
}

/**
 * Runs the statement and resolves to its rows as arrays of column values, in the statement's column order: no
 * object per row, for the 200,000 entries of a provider's month (node-postgres rowMode, PGlite's option).
 */
export async function queryArrays(executor: Executor, statement: NamedStatement, values: readonly unknown[]): Promise<unknown[][]> {
  return (await runStatement(executor, statement, values, "array")) as unknown[][];
}
