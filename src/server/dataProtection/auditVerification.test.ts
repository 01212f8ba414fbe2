/**
 * Verification of the stored chain beyond what the CLI test shows: an entry inserted past the head (with a
 * valid link and hash) is found; a trail longer than one batch is read whole; an organisation without a trail
 * is intact with 0 entries.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEntry } from "../access/auditChain.ts";
import { appendAuditEntry } from "../access/appendAuditEntry.ts";
import { auditChainHeads, auditEntries } from "../../store/schema/index.ts";
import type { Store } from "../../store/store.ts";
import { openTestStore } from "../../store/storeTestSupport.ts";
import { listAuditedOrganisations, verifyStoredAuditChain } from "./auditVerification.ts";

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store?.close());

const record = (index: number) => ({ at: `2026-04-01T08:00:${String(index % 60).padStart(2, "0")}.000Z`, userId: "U-1", role: "leitung", address: "10.0.0.1", action: "read", objectType: "client", objectId: `K-${index}`, clientId: `K-${index}` });

describe("verifyStoredAuditChain", () => {
  it("finds an entry appended past the head, even with a valid link and hash", async () => {
    await store.transaction(async (tx) => {
      for (let index = 1; index <= 3; index++) await appendAuditEntry(tx, "org-kopf", record(index));
    });
    expect(await verifyStoredAuditChain(store.db, "org-kopf")).toMatchObject({ intact: true, entryCount: 3, headSequence: 3 });
    const [head] = await store.db.select().from(auditChainHeads).where(sql`${auditChainHeads.organisationId} = 'org-kopf'`);
    const sneaked = chainAuditEntry(head, record(4));
    await store.db.insert(auditEntries).values({ organisationId: "org-kopf", ...sneaked, clientId: sneaked.clientId ?? null, reason: null });
    expect(await verifyStoredAuditChain(store.db, "org-kopf")).toMatchObject({
      intact: false,
      firstBreak: { sequence: 4, problem: "headMismatch", message: "Protokolleintrag 4 steht hinter dem Kopf des Protokolls (Kopf nennt 3); am Kopf vorbei angefügt" },
    });
  });

  it("reads a trail longer than one batch (5,000) whole", async () => {
    const entries = [];
    let previous: { sequence: number; hash: string } | undefined;
    for (let index = 1; index <= 5_003; index++) {
      const entry = chainAuditEntry(previous, record(index));
      entries.push({ organisationId: "org-lang", ...entry, clientId: entry.clientId ?? null, reason: null });
      previous = entry;
    }
    for (let index = 0; index < entries.length; index += 1_000) await store.db.insert(auditEntries).values(entries.slice(index, index + 1_000));
    await store.db.insert(auditChainHeads).values({ organisationId: "org-lang", sequence: previous!.sequence, hash: previous!.hash });
    const started = performance.now();
    expect(await verifyStoredAuditChain(store.db, "org-lang")).toMatchObject({ intact: true, entryCount: 5_003, message: "Protokoll unverändert: 5003 Einträge" });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("treats an organisation without a trail as intact with 0 entries and lists only organisations with one", async () => {
    expect(await verifyStoredAuditChain(store.db, "org-ohne")).toMatchObject({ intact: true, entryCount: 0, headSequence: 0, message: "Protokoll unverändert: 0 Einträge" });
    expect(await listAuditedOrganisations(store.db)).toEqual(["org-kopf", "org-lang"]);
  });
});
