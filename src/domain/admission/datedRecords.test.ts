import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { compareDates, fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import { latestRecordOnOrBefore, standingOfRecords } from "./datedRecords.ts";

const day = (text: string) => parseDate(text);

describe("standingOfRecords: a dated record exists only from its date on", () => {
  it("a record dated after the evaluation date is missing on that date (A3 example: Gesamtplan 04.03.2026, asOf 12.01.2026)", () => {
    expect(standingOfRecords(["2026-03-04"], day("2026-01-12"))).toEqual({ kind: "laterThanAsOf", laterDate: day("2026-03-04") });
    expect(standingOfRecords(["2026-03-04"], day("2026-03-04"))).toEqual({ kind: "present", date: day("2026-03-04") });
  });

  it("with a deadline (case start): present only if dated on or before both asOf and the start", () => {
    const start = day("2026-01-15");
    expect(standingOfRecords(["2026-01-15"], day("2026-01-15"), start).kind).toBe("present");
    expect(standingOfRecords(["2026-01-20"], day("2026-01-15"), start)).toEqual({ kind: "laterThanAsOf", laterDate: day("2026-01-20") });
    expect(standingOfRecords(["2026-01-20"], day("2026-01-25"), start)).toEqual({ kind: "afterDeadline", date: day("2026-01-20") });
    // Checked before the start: a plan dated between asOf and the start does not exist yet.
    expect(standingOfRecords(["2026-01-10"], day("2026-01-05"), start)).toEqual({ kind: "laterThanAsOf", laterDate: day("2026-01-10") });
    expect(standingOfRecords([], day("2026-01-05"), start)).toEqual({ kind: "none" });
  });

  it("the latest counting record is named; the earliest later one when none counts yet", () => {
    expect(standingOfRecords(["2026-01-02", "2026-01-10", "2026-02-01"], day("2026-01-20"), day("2026-01-15"))).toEqual({ kind: "present", date: day("2026-01-10") });
    expect(standingOfRecords(["2026-05-01", "2026-03-01"], day("2026-01-20"))).toEqual({ kind: "laterThanAsOf", laterDate: day("2026-03-01") });
    expect(latestRecordOnOrBefore(["2026-01-10", "2026-01-03", "2026-01-20"], day("2026-01-12"))).toBe("2026-01-10");
    expect(latestRecordOnOrBefore(["2026-01-20"], day("2026-01-12"))).toBeUndefined();
  });

  it("property: a present record is never dated after asOf or the deadline; missing on asOf iff every record is later", () => {
    const epoch = fc.integer({ min: toEpochDay(day("2025-01-01")), max: toEpochDay(day("2027-12-31")) });
    fc.assert(
      fc.property(fc.array(epoch, { maxLength: 5 }), epoch, fc.option(epoch, { nil: undefined }), (records, asOfDay, deadlineDay) => {
        const asOf = fromEpochDay(asOfDay);
        const deadline = deadlineDay === undefined ? undefined : fromEpochDay(deadlineDay);
        const standing = standingOfRecords(records.map((value) => fromEpochDay(value).toString()), asOf, deadline);
        const allLater = records.length > 0 && records.every((value) => value > asOfDay);
        expect(standing.kind === "laterThanAsOf").toBe(allLater);
        if (standing.kind === "present") {
          expect(compareDates(standing.date, asOf)).toBeLessThanOrEqual(0);
          if (deadline) expect(compareDates(standing.date, deadline)).toBeLessThanOrEqual(0);
        }
        if (standing.kind === "laterThanAsOf") expect(compareDates(standing.laterDate, asOf)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
