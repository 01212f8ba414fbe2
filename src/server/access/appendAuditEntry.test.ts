import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditChainHeads, auditEntries } from "../../store/schema/index.ts";
import type { Store } from "../../store/store.ts";
import { openTestStore } from "../../store/storeTestSupport.ts";
import { verifyAuditChain, type AuditEntry } from "./auditChain.ts";
import { appendAuditEntry } from "./appendAuditEntry.ts";

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store.close());

const record = (objectId: string) => ({ at: "2026-04-15T10:00:00.000Z", userId: "u1", role: "fachkraft", address: "127.0.0.1", action: "read", objectType: "client", objectId, clientId: objectId });

describe("appending to the audit trail", () => {
  it("chains entries per organisation and refuses changes to them", async () => {
    for (const id of ["k1", "k2", "k3"]) await store.transaction((tx) => appendAuditEntry(tx, "traeger-a", record(id)));
    await store.transaction((tx) => appendAuditEntry(tx, "traeger-b", record("k9")));
    const rows = (await store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, "traeger-a")).orderBy(asc(auditEntries.sequence))) as AuditEntry[];
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3]);
    expect(verifyAuditChain(rows)).toBeUndefined();
    const [head] = await store.db.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, "traeger-a"));
    expect(head).toMatchObject({ sequence: 3, hash: rows[2]!.hash });
    await expect(store.db.execute(sql`UPDATE audit_entries SET object_id = 'x' WHERE organisation_id = 'traeger-a' AND sequence = 2`)).rejects.toThrow();
    await expect(store.db.execute(sql`DELETE FROM audit_entries WHERE organisation_id = 'traeger-a'`)).rejects.toThrow();
  });

  it("leaves no entry when the request's transaction is rolled back", async () => {
    await expect(
      store.transaction(async (tx) => {
        await appendAuditEntry(tx, "traeger-c", record("k1"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, "traeger-c"))).toEqual([]);
  });
});
