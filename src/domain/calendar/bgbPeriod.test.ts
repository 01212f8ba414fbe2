import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, parseDate } from "./calendarDate.ts";
import { dateBefore, endOfPeriodAfterEvent, lastDayOfDurationFrom, latestNoticeDate } from "./bgbPeriod.ts";

const iso = (text: string) => parseDate(text);

describe("§§ 187, 188 BGB (rules.md 0.3)", () => {
  it("(a) event not counted: 15.01.2026 + 12 weeks → 09.04.2026; 15.01.2026 + 6 weeks → 26.02.2026; 31.01. + 1 month → 28.02.", () => {
    expect(formatIsoDate(endOfPeriodAfterEvent(iso("2026-01-15"), { weeks: 12 }))).toBe("2026-04-09");
    expect(formatIsoDate(endOfPeriodAfterEvent(iso("2026-01-15"), { weeks: 6 }))).toBe("2026-02-26");
    expect(formatIsoDate(endOfPeriodAfterEvent(iso("2026-01-31"), { months: 1 }))).toBe("2026-02-28");
    expect(formatIsoDate(endOfPeriodAfterEvent(iso("2026-03-31"), { years: 5 }))).toBe("2031-03-31");
  });

  it("(b) first day counted: 01.01.2026 + 6 months → 30.06.2026 (A4 § 7.1); 15.01.2026 + 3 months → 14.04.2026 (E07); 01.09. + 3 months → 30.11. (A3-R13)", () => {
    expect(formatIsoDate(lastDayOfDurationFrom(iso("2026-01-01"), { months: 6 }))).toBe("2026-06-30");
    expect(formatIsoDate(lastDayOfDurationFrom(iso("2026-01-15"), { months: 3 }))).toBe("2026-04-14");
    expect(formatIsoDate(lastDayOfDurationFrom(iso("2026-09-01"), { months: 3 }))).toBe("2026-11-30");
    expect(formatIsoDate(lastDayOfDurationFrom(iso("2026-01-31"), { months: 1 }))).toBe("2026-02-28");
  });

  it("backward months (D19): 31.08.2026 − 2 months → 30.06.2026; 15.10.2026 → 15.08.2026", () => {
    expect(formatIsoDate(dateBefore(iso("2026-08-31"), { months: 2 }))).toBe("2026-06-30");
    expect(formatIsoDate(dateBefore(iso("2026-10-15"), { months: 2 }))).toBe("2026-08-15");
  });

  it("latest notice for an end on 30.06.2026 (E17): 6 weeks → 19.05.2026, 3 months → 31.03.2026", () => {
    expect(formatIsoDate(latestNoticeDate(iso("2026-06-30"), { weeks: 6 }))).toBe("2026-05-19");
    expect(formatIsoDate(latestNoticeDate(iso("2026-06-30"), { months: 3 }))).toBe("2026-03-31");
  });

  const anyDate = fc.integer({ min: 0, max: 20000 }).map((offset) => parseDate("2000-01-01").add({ days: offset }));

  it("a period after an event ends after it, on the same weekday for weeks; a duration ends on or after its first day", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 36 }), (day, weeks, months) => {
        const byWeeks = endOfPeriodAfterEvent(day, { weeks });
        expect(byWeeks.dayOfWeek).toBe(day.dayOfWeek);
        expect(byWeeks.since(day).days).toBe(7 * weeks);
        expect(endOfPeriodAfterEvent(day, { months }).since(day).days).toBeGreaterThan(0);
        expect(lastDayOfDurationFrom(day, { months }).since(day).days).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("the latest notice day is the last day whose period still ends in time", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 24 }), (end, months) => {
        const latest = latestNoticeDate(end, { months });
        expect(endOfPeriodAfterEvent(latest, { months }).since(end).days).toBeLessThanOrEqual(0);
        expect(endOfPeriodAfterEvent(latest.add({ days: 1 }), { months }).since(end).days).toBeGreaterThan(0);
      }),
    );
  });
});
