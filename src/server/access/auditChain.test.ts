import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainAuditEntry, verifyAuditChain, type AuditEntry } from "./auditChain.ts";

function buildChain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < count; index++) {
    entries.push(
      chainAuditEntry(entries[entries.length - 1], {
        at: `2026-03-01T10:00:${String(index % 60).padStart(2, "0")}Z`,
        userId: `u${index % 3}`,
        role: "fachkraft",
        address: "127.0.0.1",
        action: index % 2 ? "read" : "update",
        objectType: "client",
        objectId: `k${index}`,
        clientId: `k${index}`,
      }),
    );
  }
  return entries;
}

describe("audit hash chain", () => {
  it("accepts an untouched chain", () => {
    expect(verifyAuditChain(buildChain(20))).toBeUndefined();
  });

  it("names the first changed entry", () => {
    const entries = buildChain(10);
    entries[4] = { ...entries[4]!, objectId: "k-andere" };
    expect(verifyAuditChain(entries)).toEqual({ sequence: 5, problem: "changed", message: "Protokolleintrag 5 wurde verändert" });
  });

  it("names a deleted entry", () => {
    const entries = buildChain(10);
    entries.splice(6, 1);
    expect(verifyAuditChain(entries)?.sequence).toBe(7);
    expect(verifyAuditChain(entries)?.problem).toBe("missing");
  });

  it("detects any single change or deletion anywhere (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.boolean(), (count, position, remove) => {
        const entries = buildChain(count);
        const index = position % count;
        if (remove && index < count - 1) entries.splice(index, 1);
        else entries[index] = { ...entries[index]!, reason: "nachträglich geändert" };
        const broken = verifyAuditChain(entries);
        return broken !== undefined && broken.sequence === index + 1;
      }),
    );
  });
});
