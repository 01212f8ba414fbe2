/**
 * Many rows into one table in one statement with one parameter: the rows as a JSON array, unpacked by the
 * database with jsonb_to_recordset. For the thousands of lines and holds of a billing run this is what the
 * insert itself costs; a multi-row VALUES with one parameter per value (drizzle's insert) spent about ten times
 * as long building and binding 55,000 parameters in node as PostgreSQL spent inserting (bench/billingRunBench.ts).
 * The statement runs on the executor given (the caller's transaction), so it commits or rolls back with it, and
 * the table's triggers (issued invoices are immutable) fire for every row as for any insert.
 */
import { getTableColumns, getTableName, is, sql, SQL, type Table } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { Executor } from "./store.ts";

/** The column's name in the database: the store's drizzle converts keys to snake_case (casing: "snake_case"). */
function nameOf(column: { name: string; keyAsName: boolean }): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

/** Rows as drizzle's insert takes them (camelCase keys; a missing key takes the column's default, else NULL). */
export async function insertRowsAsJson<T extends Table>(executor: Executor, table: T, rows: ReadonlyArray<T["$inferInsert"]>): Promise<void> {
  if (rows.length === 0) return;
  // A column whose default is SQL (a timestamp's now()) and which no row names is left to the table's default.
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => !(column.hasDefault && is(column.default, SQL)) || rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      let value = (row as Record<string, unknown>)[key];
      if (value === undefined && column.hasDefault && column.default !== undefined && !is(column.default, SQL)) value = column.default;
      record[nameOf(column)] = value ?? null;
    }
    return record;
  });
  const names = sql.join(columns.map(([, column]) => sql.identifier(nameOf(column))), sql`, `);
  const definitions = sql.join(columns.map(([, column]) => sql`${sql.identifier(nameOf(column))} ${sql.raw(column.getSQLType())}`), sql`, `);
  await executor.execute(sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) SELECT ${names} FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${definitions})`);
}
