/**
 * A3-R27 (b) readings of D16 (E15) and their invariants (fast-check).
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { compareDates, fromEpochDay, parseDate, toEpochDay, type CalendarDate } from "../calendar/calendarDate.ts";
import { endOfPeriodAfterEvent } from "../calendar/bgbPeriod.ts";
import { computeAnchoredRenewalDue, computeRenewalDue, computeRollingRenewalDue, hasYoungGesamtplan } from "./periodicRenewal.ts";

const every = { months: 24 };
const d = parseDate;

describe("E15: Fortschreibung every 24 months from admission 15.01.2026", () => {
  it("no update and no Gesamtplan change: both readings give 15.01.2028", () => {
    const facts = { start: d("2026-01-15"), updates: [], gesamtplanDates: [d("2026-01-08")] };
    expect(computeRenewalDue(facts, every, "earlier", every)).toEqual({ due: d("2026-01-15").add({ years: 2 }), rolling: d("2028-01-15"), anchored: d("2028-01-15") });
  });

  it("Gesamtplan change 01.03.2027 and update 15.03.2027: rolling 15.03.2029, anchored 15.01.2030, earlier 15.03.2029", () => {
    const facts = { start: d("2026-01-15"), updates: [d("2027-03-15")], gesamtplanDates: [d("2026-01-08"), d("2027-03-01")] };
    expect(computeRenewalDue(facts, every, "rolling", every).due).toEqual(d("2029-03-15"));
    expect(computeRenewalDue(facts, every, "anchored", every).due).toEqual(d("2030-01-15"));
    expect(computeRenewalDue(facts, every, "earlier", every).due).toEqual(d("2029-03-15"));
  });

  it("a Gesamtplan exactly 24 months old is no longer „weniger als 24 Monate alt“", () => {
    expect(hasYoungGesamtplan([d("2026-01-15")], d("2028-01-14"), every)).toBe(true);
    expect(hasYoungGesamtplan([d("2026-01-15")], d("2028-01-15"), every)).toBe(false);
    expect(hasYoungGesamtplan([d("2028-02-01")], d("2028-01-15"), every)).toBe(false);
  });

  it("an update just before a grid date satisfies it; the next grid date is due", () => {
    const facts = { start: d("2026-01-15"), updates: [d("2028-01-10")], gesamtplanDates: [] };
    expect(computeAnchoredRenewalDue(facts, every, every)).toEqual(d("2030-01-15"));
    expect(computeRollingRenewalDue(facts, every)).toEqual(d("2030-01-10"));
  });

  it("nothing is due after the end of service", () => {
    const facts = { start: d("2026-01-15"), updates: [], gesamtplanDates: [], endOfService: d("2027-12-31") };
    expect(computeRenewalDue(facts, every, "earlier", every)).toEqual({ due: null, rolling: null, anchored: null });
  });
});

const dayArbitrary = fc.integer({ min: toEpochDay(d("2020-01-01")), max: toEpochDay(d("2035-12-31")) }).map(fromEpochDay);

const factsArbitrary = fc
  .record({
    start: dayArbitrary,
    updateOffsets: fc.array(fc.integer({ min: 0, max: 2500 }), { maxLength: 4 }),
    planOffsets: fc.array(fc.integer({ min: -200, max: 2500 }), { maxLength: 4 }),
  })
  .map(({ start, updateOffsets, planOffsets }) => ({
    start,
    updates: updateOffsets.map((offset) => start.add({ days: offset })),
    gesamtplanDates: planOffsets.map((offset) => start.add({ days: offset })),
  }));

const after = (a: CalendarDate, b: CalendarDate) => compareDates(a, b) > 0;

describe("invariants of the renewal readings (fast-check)", () => {
  it("the rolling due date lies one period after the later of admission and the last update", () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const due = computeRollingRenewalDue(facts, every)!;
        const base = [facts.start, ...facts.updates].sort(compareDates).at(-1)!;
        expect(due).toEqual(endOfPeriodAfterEvent(base, every));
        expect(after(due, base)).toBe(true);
      }),
    );
  });

  it("the anchored due date is a grid date after admission on which no young Gesamtplan exists", () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const due = computeAnchoredRenewalDue(facts, every, every);
        if (due === null) return;
        expect(after(due, facts.start)).toBe(true);
        expect(due.day === facts.start.day || due.day === due.daysInMonth).toBe(true);
        expect(hasYoungGesamtplan(facts.gesamtplanDates, due, every)).toBe(false);
      }),
    );
  });

  it("D16 „earlier“ is never later than either reading", () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const { due, rolling, anchored } = computeRenewalDue(facts, every, "earlier", every);
        for (const reading of [rolling, anchored]) if (reading !== null) expect(compareDates(due!, reading)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
