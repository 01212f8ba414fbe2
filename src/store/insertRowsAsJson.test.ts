/**
 * insertRowsAsJson stores exactly what drizzle's insert stores (defaults, NULLs, JSON, large integers, any text),
 * and a batch with one bad row stores none of it. On the embedded store and, with DATABASE_URL, on PostgreSQL.
 */
import fc from "fast-check";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRowsAsJson } from "./insertRowsAsJson.ts";
import { billingHolds } from "./schema/index.ts";
import type { Store } from "./store.ts";
import { openTestStore } from "./storeTestSupport.ts";

const ORGANISATION = "traeger-json-insert";

type Hold = typeof billingHolds.$inferInsert;

function holdOf(id: string, overrides: Partial<Hold> = {}): Hold {
  return {
    organisationId: ORGANISATION,
    id,
    runId: "lauf-1",
    caseId: "F-1",
    clientId: "K-1",
    agreementId: "A4",
    kind: "hold",
    code: "noCostCoverage",
    message: "keine Kostenübernahmeerklärung",
    release: "Kostenübernahme erfassen",
    periodFrom: "2026-03-01",
    periodTo: "2026-03-31",
    quantity: "3",
    unit: "serviceDay",
    ruleId: "A4-R06",
    source: { file: "004.txt", clause: "§ 5.7", quote: "„…“" },
    ...overrides,
  };
}

/** The stored rows of an id prefix, without the id's prefix, in id order. */
async function storedRows(store: Store, prefix: string) {
  const rows = await store.db
    .select()
    .from(billingHolds)
    .where(and(eq(billingHolds.organisationId, ORGANISATION), like(billingHolds.id, `${prefix}%`)))
    .orderBy(asc(billingHolds.id));
  return rows.map((row) => ({ ...row, id: row.id.slice(prefix.length) }));
}

describe("insertRowsAsJson", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("stores the same rows as drizzle's insert: column defaults for missing keys, NULL for missing nullable columns, JSON as JSON", async () => {
    const rows = [
      holdOf("1"),
      holdOf("2", { payerId: "KT-1", amountCents: 9_007_199_254_740_991, inputId: "P-A4-09", policies: [{ decision: "D04", option: "one", origin: "default" }], evidence: { dates: ["2026-03-27"], nested: { a: [1, "zwei", null] } } }),
    ];
    await store.db.insert(billingHolds).values(rows.map((row) => ({ ...row, id: `drizzle-${row.id}` })));
    await insertRowsAsJson(store.db, billingHolds, rows.map((row) => ({ ...row, id: `json-${row.id}` })));
    const viaJson = await storedRows(store, "json-");
    expect(viaJson).toEqual(await storedRows(store, "drizzle-"));
    expect(viaJson[0]).toMatchObject({ payerId: null, amountCents: null, policies: [], evidence: {} });
    expect(viaJson[1]).toMatchObject({ amountCents: 9_007_199_254_740_991, evidence: { nested: { a: [1, "zwei", null] } } });
  });

  it("stores any text and any JSON value as drizzle does (quotes, backslashes, umlauts, emoji)", { timeout: 60_000 }, async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme" }), fc.jsonValue(), async (message, evidence) => {
        round += 1;
        // PostgreSQL's text and jsonb hold no NUL character, and jsonb keeps no -0 and no key order.
        fc.pre(!message.includes("\u0000") && !JSON.stringify(evidence).includes("\\u0000"));
        const row = holdOf(`p${round}`, { message, evidence: { value: evidence } });
        await store.db.insert(billingHolds).values({ ...row, id: `pd-${row.id}` });
        await insertRowsAsJson(store.db, billingHolds, [{ ...row, id: `pj-${row.id}` }]);
        const [viaDrizzle] = await storedRows(store, `pd-${row.id}`);
        const [viaJson] = await storedRows(store, `pj-${row.id}`);
        expect(viaJson).toEqual(viaDrizzle);
      }),
      { numRuns: 40 },
    );
  });

  it("stores none of a batch in which one row is refused (a second row with the same key)", async () => {
    const rows = [holdOf("batch-1"), holdOf("batch-2"), holdOf("batch-1", { message: "doppelt" })];
    await expect(insertRowsAsJson(store.db, billingHolds, rows)).rejects.toThrow();
    expect(await storedRows(store, "batch-")).toEqual([]);
  });

  it("sends nothing for no rows", async () => {
    await expect(insertRowsAsJson(store.db, billingHolds, [])).resolves.toBeUndefined();
  });
});
