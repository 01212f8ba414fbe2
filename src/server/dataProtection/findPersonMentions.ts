/**
 * Where a person is still mentioned after their rows are deleted: every table of the organisation (found from
 * the database catalogue) whose row text contains the person's name, e.g. another client's documentation that
 * names them. Such rows belong to someone else and are not deleted automatically; the deletion lists them for
 * the data-protection officer to review.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../store/store.ts";

export interface PersonMention {
  table: string;
  rows: number;
}

/** `%…%` pattern for ILIKE that matches the text literally (`%`, `_` and `\` escaped). */
export function literalContainsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export async function findPersonMentions(executor: Executor, organisationId: string, needle: string): Promise<PersonMention[]> {
  if (needle.trim().length === 0) return [];
  const result = (await executor.execute(
    sql`SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organisation_id' ORDER BY table_name`,
  )) as unknown as { rows: Array<{ table_name: string }> };
  const mentions: PersonMention[] = [];
  for (const { table_name: table } of result.rows) {
    const counted = (await executor.execute(
      sql`SELECT count(*)::int AS count FROM ${sql.identifier(table)} t WHERE t.organisation_id = ${organisationId} AND t::text ILIKE ${literalContainsPattern(needle)}`,
    )) as unknown as { rows: Array<{ count: number }> };
    const rows = Number(counted.rows[0]?.count ?? 0);
    if (rows > 0) mentions.push({ table, rows });
  }
  return mentions;
}
