/**
 * The session cache (sessionCache.ts): a row stands in for a lookup only while it is fresh, never after a clear,
 * and a lookup that read the database before a clear does not store what it read.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SessionCache, type CachedSessionRow } from "./sessionCache.ts";

const ROW: CachedSessionRow = {
  csrfToken: "csrf",
  createdAt: "2026-05-01 08:00:00+00",
  lastSeenAt: "2026-05-01 08:00:00+00",
  expiresAt: "2026-05-01 20:00:00+00",
  pending: false,
  organisationId: "T-A",
  organisationName: "Träger A",
  organisationKind: "provider",
  userId: "leitung-1",
  login: "leitung@traeger-a.example",
  displayName: "Leitung",
  role: "leitung",
  clientId: null,
  totpSecret: null,
  disabled: false,
};

function cacheWithClock(freshMilliseconds: number) {
  let time = 0;
  const cache = new SessionCache(freshMilliseconds, () => time);
  return { cache, advance: (milliseconds: number) => (time += milliseconds) };
}

describe("session cache", () => {
  it("gives a stored row until it is 1 s old, then reads again", () => {
    const { cache, advance } = cacheWithClock(1_000);
    cache.store("hash-1", ROW, cache.generation);
    advance(999);
    expect(cache.find("hash-1")).toEqual(ROW);
    advance(1);
    expect(cache.find("hash-1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("does not store a row read before a clear (a log-out committed meanwhile)", () => {
    const { cache } = cacheWithClock(1_000);
    const generation = cache.generation; // the lookup starts reading the database …
    cache.clear(); // … a log-out commits and answers …
    cache.store("hash-1", ROW, generation); // … and the lookup's row, read before the commit, is dropped.
    expect(cache.find("hash-1")).toBeUndefined();
  });

  it("keeps nothing when turned off (0 ms)", () => {
    const { cache } = cacheWithClock(0);
    cache.store("hash-1", ROW, cache.generation);
    expect(cache.find("hash-1")).toBeUndefined();
  });

  it("shows a written last-seen time without making the row fresher", () => {
    const { cache, advance } = cacheWithClock(1_000);
    cache.store("hash-1", ROW, cache.generation);
    advance(600);
    cache.noteSeen("hash-1", "2026-05-01 08:01:00+00");
    expect(cache.find("hash-1")?.lastSeenAt).toBe("2026-05-01 08:01:00+00");
    advance(400);
    expect(cache.find("hash-1")).toBeUndefined();
  });

  it("never gives a row older than its freshness, nor one stored before the last clear (any sequence of steps)", () => {
    type Step = { kind: "store"; token: number; staleGeneration: boolean } | { kind: "advance"; milliseconds: number } | { kind: "clear" } | { kind: "forget"; token: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant("store" as const), token: fc.integer({ min: 0, max: 4 }), staleGeneration: fc.boolean() }),
      fc.record({ kind: fc.constant("advance" as const), milliseconds: fc.integer({ min: 0, max: 700 }) }),
      fc.record({ kind: fc.constant("clear" as const) }),
      fc.record({ kind: fc.constant("forget" as const), token: fc.integer({ min: 0, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let time = 0;
        const cache = new SessionCache(1_000, () => time);
        // What a correct cache may give: per token, the time it was stored in the current generation.
        const stored = new Map<number, number>();
        for (const current of steps) {
          if (current.kind === "store") {
            const generation = current.staleGeneration ? cache.generation - 1 : cache.generation;
            cache.store(`hash-${current.token}`, { ...ROW, userId: `U-${current.token}` }, generation);
            if (!current.staleGeneration) stored.set(current.token, time);
          } else if (current.kind === "advance") time += current.milliseconds;
          else if (current.kind === "clear") {
            cache.clear();
            stored.clear();
          } else {
            cache.forget(`hash-${current.token}`);
            stored.delete(current.token);
          }
          for (let token = 0; token <= 4; token++) {
            const found = cache.find(`hash-${token}`);
            const storedAt = stored.get(token);
            if (found) {
              expect(found.userId).toBe(`U-${token}`);
              expect(storedAt).toBeDefined();
              expect(time - storedAt!).toBeLessThan(1_000);
            } else if (storedAt !== undefined && time - storedAt >= 1_000) stored.delete(token);
            else expect(storedAt).toBeUndefined();
          }
        }
      }),
    );
  });
});
