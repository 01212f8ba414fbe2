import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { evaluateMonthlyVolume } from "./monthlyVolume.ts";
import { evaluateVolumeYear, dayAfterMonthCloses } from "./volumeYear.ts";
import { checkNeedGroupCorridor } from "./needGroupCorridor.ts";
import { addDaysToIso, enrolledPartOf, listDaysInRange, monthRange } from "./dateRange.ts";
import { DENOMINATOR_OPTIONS } from "./weeksDenominator.ts";
import { Exact } from "../money/amount.ts";
import { epochDayOfIso, weekdayOfEpochDay } from "../calendar/calendarDate.ts";
import { buildA2Agreement, buildA3Agreement, buildCase, entry } from "./volumeTestSupport.ts";

const a3 = buildA3Agreement();
const a2 = buildA2Agreement();

const monthArbitrary = fc.integer({ min: 1, max: 12 }).map((month) => `2026-${String(month).padStart(2, "0")}`);
const dayInMonth = (month: string, day: number) => addDaysToIso(`${month}-01`, (day - 1) % Number(monthRange(month).to.slice(8, 10)));
const entryArbitrary = fc.record({
  day: fc.integer({ min: 1, max: 31 }),
  minutes: fc.integer({ min: 0, max: 600 }),
  timeKind: fc.constantFrom("direct" as const, "indirect" as const, "other" as const),
  mode: fc.constantFrom("inPerson" as const, "remote" as const),
});
type EntrySpec = { day: number; minutes: number; timeKind: "direct" | "indirect" | "other"; mode: "inPerson" | "remote" };
const toEntries = (month: string, specs: EntrySpec[]) => specs.map((spec) => ({ date: dayInMonth(month, spec.day), minutes: spec.minutes, timeKind: spec.timeKind, mode: spec.mode }));

describe("M11 invariants (fast-check)", () => {
  it("the average is monotonic in the hours: adding a counted entry never lowers it, a non-counted one never changes it", () => {
    fc.assert(
      fc.property(monthArbitrary, fc.array(entryArbitrary, { maxLength: 12 }), entryArbitrary, fc.constantFrom(...DENOMINATOR_OPTIONS), (month, specs, extra, option) => {
        const before = buildCase({ start: "2024-01-01", entries: toEntries(month, specs) });
        const after = buildCase({ start: "2024-01-01", entries: toEntries(month, [...specs, extra]) });
        const options = { casePolicies: { D11: option } };
        const averageBefore = evaluateMonthlyVolume(a3, before, month, options).averageWeeklyHours!;
        const averageAfter = evaluateMonthlyVolume(a3, after, month, options).averageWeeklyHours!;
        if (extra.timeKind === "direct") expect(averageAfter.greaterThanOrEqualTo(averageBefore)).toBe(true);
        else expect(averageAfter.equals(averageBefore)).toBe(true);
      }),
    );
  });

  it("the denominator is never zero for an enrolled month (calendar days); working days give no average only without a weekday", () => {
    const start = fc.integer({ min: 0, max: 500 }).map((offset) => addDaysToIso("2025-06-01", offset));
    fc.assert(
      fc.property(start, fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), monthArbitrary, fc.constantFrom(...DENOMINATOR_OPTIONS), (from, length, month, option) => {
        const caseFile = buildCase(length === undefined ? { start: from } : { start: from, end: addDaysToIso(from, length) });
        const enrolled = enrolledPartOf(caseFile, monthRange(month));
        const result = evaluateMonthlyVolume(a3, caseFile, month, { casePolicies: { D11: option } });
        if (!enrolled) {
          expect(result.status).toBe("notEnrolled");
          return;
        }
        expect(result.enrolled!.days).toBeGreaterThanOrEqual(1);
        const hasWeekday = listDaysInRange(enrolled).some((day) => weekdayOfEpochDay(epochDayOfIso(day)) <= 5);
        if (option === "calendarDays" || (option === "workingDaysWithHolidays" && hasWeekday)) {
          expect(result.denominator!.weeks.greaterThan(0)).toBe(true);
          expect(result.status).not.toBe("notAssessable");
        }
        if (result.status === "notAssessable") expect(result.denominator!.weeks.isZero()).toBe(true);
        else expect(result.denominator!.weeks.greaterThan(0)).toBe(true);
      }),
    );
  });

  it("the displayed average is the exact average rounded half-up once; thresholds use the exact value", () => {
    fc.assert(
      fc.property(monthArbitrary, fc.array(entryArbitrary, { maxLength: 12 }), (month, specs) => {
        const result = evaluateMonthlyVolume(a3, buildCase({ start: "2024-01-01", entries: toEntries(month, specs) }), month);
        const average = result.averageWeeklyHours!;
        expect(result.averageWeeklyHoursRounded).toBe(average.toDecimalPlaces(2, Exact.ROUND_HALF_UP).toFixed(2));
        expect(result.status).toBe(average.lessThan(5) ? "shortfall" : average.greaterThan(15) ? "overMaximum" : "compliant");
      }),
    );
  });

  it("the corridor check is a pure WARN: no block or hold for an assigned group, no billing effect, the case file unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), monthArbitrary, fc.array(entryArbitrary, { maxLength: 12 }), fc.constantFrom("quarter" as const, "month" as const), (group, month, specs, windowKind) => {
        const caseFile = buildCase({ start: "2024-01-01", needGroups: [{ from: "2024-01-01", group }], entries: toEntries(month, specs) });
        const snapshot = structuredClone(caseFile);
        const window = windowKind === "month" ? month : `2026-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
        const result = checkNeedGroupCorridor(a2, caseFile, window);
        expect(result.billingEffect).toBe("none");
        for (const finding of result.findings) expect(["info", "warn"]).toContain(finding.severity);
        expect(caseFile).toEqual(snapshot);
      }),
    );
  });

  it("both corridor ends are inside (D08); just beyond them warns", () => {
    const groups = a2.volume!.needGroupCorridors!.groups;
    fc.assert(
      fc.property(fc.constantFrom(...groups), fc.constantFrom("from" as const, "to" as const), (corridor, end) => {
        const boundary = new Exact(end === "from" ? corridor.fromWeeklyHours : corridor.toWeeklyHours);
        // February 2026 has 28 days = exactly 4 weeks, so hours = 4 × weekly hours.
        const check = (weekly: Exact) => {
          const caseFile = buildCase({ start: "2024-01-01", needGroups: [{ from: "2024-01-01", group: corridor.group }], entries: [entry("2026-02-10", weekly.times(4).toString())] });
          return checkNeedGroupCorridor(a2, caseFile, "2026-02").segments[0]!.position;
        };
        expect(check(boundary)).toBe("within");
        expect(check(end === "from" ? boundary.minus("0.0025") : boundary.plus("0.0025"))).toBe(end === "from" ? "below" : "above");
      }),
    );
  });

  it("the yearly counter notifies once, at the close of the first month beyond the limit, and warns for each further month", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (shortMonths) => {
        const entries = shortMonths.flatMap((short, index) => (short ? [] : [entry(`2026-${String(index + 1).padStart(2, "0")}-10`, "30")]));
        const year = evaluateVolumeYear(a3, buildCase({ start: "2024-01-01", entries }), 2026);
        const counted = shortMonths.filter(Boolean).length;
        expect(year.shortfallCount).toBe(counted);
        const tasks = year.findings.filter((finding) => finding.severity === "task");
        expect(tasks).toHaveLength(counted > 2 ? 1 : 0);
        expect(year.findings.filter((finding) => finding.severity === "warn")).toHaveLength(Math.max(0, counted - 3));
        if (counted > 2) expect(tasks[0]!.date).toBe(dayAfterMonthCloses(year.countedMonths[2]!.month));
      }),
    );
  });
});
