import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditAppends, auditChainHeads, auditEntries } from "../../store/schema/index.ts";
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

  it("hashes at commit exactly as the chain's own check does, also for umlauts, quotes, control characters and empty fields", async () => {
    const reasons = ["Vertretung für „Anna“ (Urlaub)", 'Zeile 1\nZeile 2\t"zitiert" \\ \u0001 \u001f ☃ 𝄞', null];
    for (const reason of reasons) await store.transaction((tx) => appendAuditEntry(tx, "traeger-d", { ...record("k1"), reason, clientId: reason === null ? null : "k1" }));
    const rows = (await store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, "traeger-d")).orderBy(asc(auditEntries.sequence))) as AuditEntry[];
    expect(rows.map((row) => [row.sequence, row.reason])).toEqual([
      [1, reasons[0]],
      [2, reasons[1]],
      [3, null],
    ]);
    expect(verifyAuditChain(rows)).toBeUndefined();
    // Nothing waits after the commits.
    expect(await store.db.select().from(auditAppends)).toEqual([]);
  });

  it("numbers concurrent requests' entries without gaps, in commit order", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, index) => store.transaction((tx) => appendAuditEntry(tx, "traeger-e", record(`k${index}`)))));
    const rows = (await store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, "traeger-e")).orderBy(asc(auditEntries.sequence))) as AuditEntry[];
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(rows.map((row) => row.objectId)).size).toBe(8);
    expect(verifyAuditChain(rows)).toBeUndefined();
  });

  it("leaves no entry when the request's transaction is rolled back", async () => {
    await expect(
      store.transaction(async (tx) => {
        await appendAuditEntry(tx, "traeger-c", record("k1"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await store.db.select().from(auditEntries).where(eq(auditEntries.organisationId, "traeger-c"))).toEqual([]);
    expect(await store.db.select().from(auditAppends)).toEqual([]);
  });
});
