/**
 * Loads the agreement catalogue (agreements/ folders, validated) into the `agreements` reference table, so that
 * the store names every agreement its instances use. Rows whose content changed are replaced; runs at start.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import { agreements } from "./schema/index.ts";
import type { Executor } from "./store.ts";

export async function syncAgreements(executor: Executor, catalogue: Catalogue): Promise<number> {
  const rows = [...catalogue.agreements.values()].map((agreement) => {
    const document = JSON.parse(JSON.stringify(agreement)) as unknown;
    return {
      id: agreement.id,
      kind: agreement.kind,
      title: agreement.title,
      contentHash: createHash("sha256").update(JSON.stringify(document)).digest("hex"),
      document,
    };
  });
  if (rows.length === 0) return 0;
  await executor
    .insert(agreements)
    .values(rows)
    .onConflictDoUpdate({
      target: agreements.id,
      set: { kind: sql`excluded.kind`, title: sql`excluded.title`, contentHash: sql`excluded.content_hash`, document: sql`excluded.document`, loadedAt: sql`now()` },
      setWhere: sql`${agreements.contentHash} <> excluded.content_hash`,
    });
  return rows.length;
}
