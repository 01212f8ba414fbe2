/**
 * Invariants (fast-check) of the deadline mechanism and the §§ 187–193 BGB period arithmetic it relies on:
 * - a forward deadline never precedes its anchor, a backward one never follows it;
 * - the § 193 working day is never before the nominal date, is a working day of the Land, and equals the
 *   nominal date when that is already a working day;
 * - periods are monotonic in their anchor; week periods keep the weekday; a duration that begins with its first
 *   day ends the day before the event-period end; the latest notice date is the last day that still works.
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { compareDates, daysBetween, formatIsoDate, fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import { dateBefore, endOfPeriodAfterEvent, lastDayOfDurationFrom, latestNoticeDate } from "../calendar/bgbPeriod.ts";
import { LAENDER, isWorkingDay, nextWorkingDayFrom } from "../calendar/publicHolidays.ts";
import { caseFileSchema } from "../case/caseFileSchema.ts";
import { computeCaseDeadlines } from "./caseDeadlines.ts";
import { computeAgreementDeadlines } from "./agreementDeadlines.ts";

const catalogue = loadCatalogue();
const agreements = ["A0", "A1", "A2", "A3", "A4"].map((id) => {
  const agreement = catalogue.agreements.get(id);
  if (!agreement) throw new Error(`Vereinbarung ${id} nicht geladen`);
  return agreement;
});

const dayArbitrary = fc.integer({ min: toEpochDay(parseDate("2020-01-01")), max: toEpochDay(parseDate("2035-12-31")) }).map(fromEpochDay);
const iso = formatIsoDate;

const caseArbitrary = fc
  .record({
    agreementIndex: fc.integer({ min: 0, max: agreements.length - 1 }),
    start: dayArbitrary,
    duration: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    planOffsets: fc.array(fc.record({ date: fc.integer({ min: -60, max: 900 }), planned: fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }) }), { maxLength: 3 }),
    crisisOffsets: fc.array(fc.record({ from: fc.integer({ min: 0, max: 900 }), length: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }) }), { maxLength: 2 }),
    provisional: fc.boolean(),
    asOfOffset: fc.integer({ min: -30, max: 2000 }),
  })
  .map((facts) => {
    const { start } = facts;
    const caseFile = caseFileSchema.parse({
      agreement: agreements[facts.agreementIndex]!.id,
      client: { id: "P" },
      case: {
        id: "F",
        start: iso(start),
        ...(facts.duration !== undefined ? { end: iso(start.add({ days: facts.duration })) } : {}),
        ...(facts.provisional ? { accessStatus: "provisional", provisional: { firstDay: iso(start) } } : {}),
      },
      gesamtplans: facts.planOffsets.map((plan) => {
        const date = start.add({ days: plan.date });
        return { date: iso(date), ...(plan.planned !== undefined ? { plannedUpdate: iso(date.add({ days: plan.planned })) } : {}) };
      }),
      crises: facts.crisisOffsets.map((crisis) => {
        const from = start.add({ days: crisis.from });
        return { from: iso(from), ...(crisis.length !== undefined ? { to: iso(from.add({ days: crisis.length })) } : {}) };
      }),
      events: [{ kind: "seriousChange", date: iso(start.add({ days: 10 })) }],
    });
    return { agreement: agreements[facts.agreementIndex]!, caseFile, asOf: start.add({ days: facts.asOfOffset }) };
  });

const BACKWARD_RULES = new Set(["A1-verlaufsbericht", "A3-verlaufsbericht"]);

describe("case deadlines (fast-check over all five agreements)", () => {
  it("a forward deadline never precedes its anchor; a backward one never follows it", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ agreement, caseFile, asOf }) => {
        for (const deadline of computeCaseDeadlines(agreement, caseFile, { asOf })) {
          if (deadline.nominalDue === null || deadline.anchor.date === null) continue;
          const order = compareDates(parseDate(deadline.nominalDue), parseDate(deadline.anchor.date));
          if (BACKWARD_RULES.has(deadline.ruleKey)) expect(order, deadline.id).toBeLessThan(0);
          else expect(order, deadline.id).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the working day is never before the nominal date and is a working day of the agreement's Land; the driving date is one of the two", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ agreement, caseFile, asOf }) => {
        for (const deadline of computeCaseDeadlines(agreement, caseFile, { asOf })) {
          if (deadline.nominalDue === null) {
            expect(deadline.workingDayDue).toBeNull();
            continue;
          }
          const nominal = parseDate(deadline.nominalDue);
          const workingDay = parseDate(deadline.workingDayDue!);
          expect(compareDates(workingDay, nominal)).toBeGreaterThanOrEqual(0);
          if (deadline.shifted) expect(isWorkingDay(agreement.land, workingDay)).toBe(true);
          expect([deadline.nominalDue, deadline.workingDayDue]).toContain(deadline.drivingDue);
          expect(deadline.explanation.ruleId.startsWith(`${agreement.id}-`)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("status follows the driving date: overdue exactly when the as-of date is after it (open tasks)", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ agreement, caseFile, asOf }) => {
        for (const deadline of computeCaseDeadlines(agreement, caseFile, { asOf })) {
          if (deadline.drivingDue === null || deadline.status === "done") continue;
          expect(deadline.status === "overdue", deadline.id).toBe(compareDates(asOf, parseDate(deadline.drivingDue)) > 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("agreement-level report dates fall on the printed day of the following year", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2020, max: 2040 }), { minLength: 1, maxLength: 4 }), dayArbitrary, (years, asOf) => {
        const a4 = agreements[4]!;
        for (const deadline of computeAgreementDeadlines(a4, { asOf, serviceYears: years, accompanimentYears: years })) {
          if (deadline.details?.reportYear === undefined) continue;
          const nominal = parseDate(deadline.nominalDue!);
          expect(nominal.year).toBe((deadline.details.reportYear as number) + 1);
          expect([`${nominal.month}-${nominal.day}`]).toContain(deadline.ruleKey === "A4-qualitaetsbericht" ? "3-31" : "1-31");
        }
      }),
    );
  });
});

describe("§ 193 BGB next working day (fast-check, all Länder)", () => {
  it("never before the date, a working day, at most a few days later, the date itself when it is a working day", () => {
    fc.assert(
      fc.property(dayArbitrary, fc.constantFrom(...LAENDER), (date, land) => {
        const shifted = nextWorkingDayFrom(land, date);
        expect(compareDates(shifted, date)).toBeGreaterThanOrEqual(0);
        expect(isWorkingDay(land, shifted)).toBe(true);
        expect(daysBetween(date, shifted)).toBeLessThanOrEqual(4);
        if (isWorkingDay(land, date)) expect(shifted).toEqual(date);
      }),
    );
  });
});

describe("§§ 187, 188 BGB periods (fast-check)", () => {
  const weeks = fc.integer({ min: 1, max: 120 });
  const months = fc.integer({ min: 1, max: 72 });

  it("event periods are monotonic in the anchor and end after it", () => {
    fc.assert(
      fc.property(dayArbitrary, dayArbitrary, months, (a, b, n) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(endOfPeriodAfterEvent(early, { months: n }), endOfPeriodAfterEvent(late, { months: n }))).toBeLessThanOrEqual(0);
        expect(compareDates(endOfPeriodAfterEvent(early, { months: n }), early)).toBeGreaterThan(0);
      }),
    );
  });

  it("week periods keep the weekday and last exactly 7·n days", () => {
    fc.assert(
      fc.property(dayArbitrary, weeks, (day, n) => {
        const end = endOfPeriodAfterEvent(day, { weeks: n });
        expect(end.dayOfWeek).toBe(day.dayOfWeek);
        expect(daysBetween(day, end)).toBe(7 * n);
      }),
    );
  });

  it("month periods end on the same day of month, or on the last day of a shorter month (§ 188 Abs. 3)", () => {
    fc.assert(
      fc.property(dayArbitrary, months, (day, n) => {
        const end = endOfPeriodAfterEvent(day, { months: n });
        expect(end.day === day.day || (end.day === end.daysInMonth && end.daysInMonth < day.day)).toBe(true);
      }),
    );
  });

  it("a duration that begins with its first day ends the day before the corresponding event-period end (weeks), never before its start, and is monotonic", () => {
    fc.assert(
      fc.property(dayArbitrary, dayArbitrary, weeks, months, (a, b, w, m) => {
        expect(lastDayOfDurationFrom(a, { weeks: w })).toEqual(endOfPeriodAfterEvent(a, { weeks: w }).subtract({ days: 1 }));
        expect(compareDates(lastDayOfDurationFrom(a, { months: m }), a)).toBeGreaterThanOrEqual(0);
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(lastDayOfDurationFrom(early, { months: m }), lastDayOfDurationFrom(late, { months: m }))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("backward months (D19) never follow the anchor and are monotonic", () => {
    fc.assert(
      fc.property(dayArbitrary, dayArbitrary, months, (a, b, n) => {
        expect(compareDates(dateBefore(a, { months: n }), a)).toBeLessThan(0);
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(dateBefore(early, { months: n }), dateBefore(late, { months: n }))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("the latest notice date still ends in time, the next day does not", () => {
    fc.assert(
      fc.property(dayArbitrary, fc.oneof(weeks.map((n) => ({ weeks: n })), months.map((n) => ({ months: n }))), (end, length) => {
        const latest = latestNoticeDate(end, length);
        expect(compareDates(endOfPeriodAfterEvent(latest, length), end)).toBeLessThanOrEqual(0);
        expect(compareDates(endOfPeriodAfterEvent(latest.add({ days: 1 }), length), end)).toBeGreaterThan(0);
      }),
    );
  });
});
