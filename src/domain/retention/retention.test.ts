/**
 * M15 retention (A1-R19, A3-R29; D29): E14 (31.03.2026 → 31.03.2031), E15 P3 (30.06.2026 → 30.06.2031),
 * deletion blocked before, review task after; and invariants (fast-check).
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { compareDates, formatIsoDate, fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { caseFileSchema } from "../case/caseFileSchema.ts";
import { checkDeletionRequest, computeRetention } from "./retention.ts";

const catalogue = loadCatalogue();
function agreement(id: string): Agreement {
  const found = catalogue.agreements.get(id);
  if (!found) throw new Error(`Vereinbarung ${id} nicht geladen`);
  return found;
}
const caseFile = (agreementId: string, start: string, end?: string) =>
  caseFileSchema.parse({ agreement: agreementId, client: { id: "P" }, case: { id: "F", start, ...(end ? { end } : {}) } });

describe("retention of the documentation", () => {
  it("E14 (A1): service end 31.03.2026 → retain until 31.03.2031, deletion review from 01.04.2031", () => {
    const retention = computeRetention(agreement("A1"), caseFile("A1", "2026-01-15", "2026-03-31"));
    expect(retention).toMatchObject({ applies: true, ruleKey: "A1-aufbewahrung", serviceEnd: "2026-03-31", retainUntil: "2031-03-31", deletionReviewFrom: "2031-04-01" });
    expect(retention.explanation.ruleId).toBe("A1-R19");
    expect(retention.explanation.source.clause).toBe("§ 3.2.3");
    expect(retention.explanation.policies).toEqual([{ decision: "D29", option: "blockThenReview", origin: "default" }]);
    expect(retention.message).toContain("31.03.2031");
  });

  it("E15 P3 (A3): exit 30.06.2026 → retain until 30.06.2031", () => {
    const retention = computeRetention(agreement("A3"), caseFile("A3", "2025-01-15", "2026-06-30"));
    expect([retention.retainUntil, retention.deletionReviewFrom, retention.explanation.ruleId]).toEqual(["2031-06-30", "2031-07-01", "A3-R29"]);
  });

  it("D29: deletion blocked up to and including 31.03.2031, a review task (no automatic deletion) from 01.04.2031", () => {
    const retention = computeRetention(agreement("A1"), caseFile("A1", "2026-01-15", "2026-03-31"));
    expect(checkDeletionRequest(retention, "2031-03-31")).toMatchObject({ severity: "block", code: "deletionBlockedRetention" });
    const review = checkDeletionRequest(retention, "2031-04-01");
    expect(review).toMatchObject({ severity: "task", code: "deletionReview" });
    expect(review.message).toContain("keine automatische Löschung");
  });

  it("while the service continues, deletion is blocked and no date is computed", () => {
    const retention = computeRetention(agreement("A1"), caseFile("A1", "2026-01-15"));
    expect([retention.applies, retention.retainUntil]).toEqual([true, null]);
    expect(checkDeletionRequest(retention, "2040-01-01")).toMatchObject({ severity: "block", code: "deletionBlockedServiceOngoing" });
  });

  it("an agreement that states no retention period (A4) says so; nothing is invented", () => {
    const retention = computeRetention(agreement("A4"), caseFile("A4", "2026-01-01", "2026-06-30"));
    expect([retention.applies, retention.retainUntil]).toEqual([false, null]);
    expect(checkDeletionRequest(retention, "2026-07-01")).toMatchObject({ severity: "info", code: "retentionNotStated" });
  });

  it("retain-until is end + 5 years, never before, and deletion is blocked exactly up to it (fast-check)", () => {
    const a3 = agreement("A3");
    const day = fc.integer({ min: toEpochDay(parseDate("2020-01-01")), max: toEpochDay(parseDate("2035-12-31")) }).map(fromEpochDay);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -400, max: 400 }), (end, serviceDays, requestOffset) => {
        const retention = computeRetention(a3, caseFile("A3", formatIsoDate(end.subtract({ days: serviceDays })), formatIsoDate(end)));
        const until = parseDate(retention.retainUntil!);
        expect(until.year).toBe(end.year + 5);
        expect(compareDates(until, end)).toBeGreaterThan(0);
        const request = until.add({ days: requestOffset });
        expect(checkDeletionRequest(retention, request).severity).toBe(requestOffset <= 0 ? "block" : "task");
      }),
    );
  });
});
