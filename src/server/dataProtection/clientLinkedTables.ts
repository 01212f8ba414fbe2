/**
 * Which tables hold rows about a client, found from the database catalogue rather than from a hand-kept list,
 * so that a table added later is not forgotten by the access report (Art. 15 GDPR) or the deletion (Art. 17).
 *
 * A tenant table (one with `organisation_id`) belongs to a client when one of its `<name>_id` columns names a
 * table that already belongs to the client: `clients` itself, then every table with `client_id` (cases,
 * client_assignments, users, billing holds …), then every table with `case_id`, then `hilfeplan_id` (plan goals,
 * measures and updates), `user_id` (sessions of the client's own account) and so on, as far as the links go.
 * `<name>_id` names the table `<name>s`, `<name>es` or `<name>` (or, when only one table ends so, `…_<name>s`).
 * Each table gets a SQL condition that selects exactly the client's rows, its links nested as sub-queries.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../store/store.ts";

export interface ClientLink {
  /** Column of the table, e.g. "case_id". */
  column: string;
  /** Table whose `id` it names, e.g. "cases". */
  parent: string;
}

export interface ClientLinkedTable {
  table: string;
  /** 0 for clients, 1 for tables with client_id, 2 for tables reached through those … */
  depth: number;
  links: ClientLink[];
  columns: string[];
}

interface CatalogueRow {
  table_name: string;
  column_name: string;
}

async function readColumns(executor: Executor): Promise<Map<string, string[]>> {
  const result = (await executor.execute(
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  )) as unknown as { rows: CatalogueRow[] };
  const columns = new Map<string, string[]>();
  for (const row of result.rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  return columns;
}

/** The table an `<name>_id` column names, among tables with an `id` column. */
function findNamedTable(column: string, tablesWithId: string[]): string | undefined {
  const name = column.slice(0, -"_id".length);
  for (const candidate of [`${name}s`, `${name}es`, name]) if (tablesWithId.includes(candidate)) return candidate;
  const suffixed = tablesWithId.filter((table) => table.endsWith(`_${name}s`));
  return suffixed.length === 1 ? suffixed[0] : undefined;
}

/** Every tenant table that holds rows about a client, ordered from the deepest (delete first) to `clients`. */
export async function findClientLinkedTables(executor: Executor): Promise<ClientLinkedTable[]> {
  const columns = await readColumns(executor);
  const tenantTables = [...columns.keys()].filter((table) => columns.get(table)!.includes("organisation_id"));
  const tablesWithId = tenantTables.filter((table) => columns.get(table)!.includes("id"));
  if (!tenantTables.includes("clients")) throw new Error("Tabelle clients fehlt im Datenbankkatalog");

  const candidateLinks = new Map<string, ClientLink[]>();
  for (const table of tenantTables) {
    const links: ClientLink[] = [];
    for (const column of columns.get(table)!) {
      if (!column.endsWith("_id") || column === "organisation_id") continue;
      const parent = findNamedTable(column, tablesWithId);
      if (parent && parent !== table) links.push({ column, parent });
    }
    candidateLinks.set(table, links);
  }

  // The tables reachable from clients through links, then each table's depth as the longest chain of links
  // down to clients (a link back into the chain being followed is dropped, so the nested conditions never
  // loop). Every kept link goes to a shallower table: deleting from the deepest table first never loses a
  // row's way to the client before the row itself is deleted.
  const reachable = new Set(["clients"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of tenantTables) {
      if (!reachable.has(table) && candidateLinks.get(table)!.some((link) => reachable.has(link.parent))) {
        reachable.add(table);
        grew = true;
      }
    }
  }
  const depth = new Map<string, number>([["clients", 0]]);
  const keptLinks = new Map<string, ClientLink[]>([["clients", []]]);
  const visiting = new Set<string>();
  const measure = (table: string): number => {
    const known = depth.get(table);
    if (known !== undefined) return known;
    visiting.add(table);
    const kept = candidateLinks.get(table)!.filter((link) => reachable.has(link.parent) && !visiting.has(link.parent));
    if (kept.length === 0) throw new Error(`Tabelle ${table}: Verweise bilden einen Kreis (${[...visiting].join(" → ")}); Bezug zur Person nicht eindeutig`);
    const tableDepth = 1 + Math.max(...kept.map((link) => measure(link.parent)));
    visiting.delete(table);
    depth.set(table, tableDepth);
    keptLinks.set(table, kept);
    return tableDepth;
  };
  for (const table of reachable) measure(table);
  const linked: ClientLinkedTable[] = [...reachable].map((table) => ({ table, depth: depth.get(table)!, columns: columns.get(table)!, links: keptLinks.get(table)! }));
  return linked.sort((a, b) => b.depth - a.depth || a.table.localeCompare(b.table));
}

/**
 * The condition that selects the client's rows of a table (inside `SELECT … FROM table WHERE`), scoped to the
 * organisation at every level.
 */
export function clientRowCondition(tables: ClientLinkedTable[], tableName: string, organisationId: string, clientId: string): SQL {
  const byName = new Map(tables.map((table) => [table.table, table]));
  const build = (name: string): SQL => {
    const table = byName.get(name);
    if (!table) throw new Error(`Tabelle ${name} gehört nicht zu den personenbezogenen Tabellen`);
    if (name === "clients") return sql`(organisation_id = ${organisationId} AND id = ${clientId})`;
    const parts = table.links.map(
      (link) => sql`${sql.identifier(link.column)} IN (SELECT id FROM ${sql.identifier(link.parent)} WHERE ${build(link.parent)})`,
    );
    return sql`(organisation_id = ${organisationId} AND (${sql.join(parts, sql` OR `)}))`;
  };
  return build(tableName);
}
