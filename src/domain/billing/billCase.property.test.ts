/**
 * Invariants of billing (fast-check): billed + held + rejected = delivered; billing two halves of a month gives
 * the same lines as billing the month (per-day and per-hour rates); totals equal the sum of the line amounts.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { fillAgreementInputs } from "../agreement/resolveAgreement.ts";
import { isoOfEpochDay, epochDayOfIso } from "../calendar/calendarDate.ts";
import { caseFileSchema } from "../case/caseFileSchema.ts";
import { Exact, roundHalfUp, sumExact } from "../money/amount.ts";
import { billCase } from "./billCase.ts";
import type { InvoiceDraft } from "./invoiceDraft.ts";

let a0: Agreement;
let a4: Agreement;
beforeAll(() => {
  const catalogue = loadCatalogue();
  a4 = catalogue.agreements.get("A4")!;
  a0 = fillAgreementInputs(catalogue.agreements.get("A0")!, {
    "P-A0-05": { value: "100.00", example: true },
    "P-A0-06": { value: "110.00", example: true },
    "P-A0-10": { value: ["direct"], example: true },
  });
});

const JAN_1 = epochDayOfIso("2026-01-01");

const absenceArbitrary = fc.record({
  start: fc.integer({ min: 0, max: 170 }),
  length: fc.integer({ min: 1, max: 45 }),
  reason: fc.constantFrom("holiday", "illness", "hospital", "kur", "other"),
});

const a4CaseArbitrary = fc.record({
  absences: fc.array(absenceArbitrary, { maxLength: 4 }),
  coverageStart: fc.integer({ min: 0, max: 60 }),
  reading: fc.constantFrom("A", "B", "C"),
  merge: fc.constantFrom("one", "two"),
  rent: fc.constantFrom("M1", "M2", "M3"),
  month: fc.integer({ min: 1, max: 7 }),
});

type A4CaseInput = typeof a4CaseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildA4Case(input: A4CaseInput) {
  // Non-overlapping absences: sort and drop overlaps.
  const sorted = [...input.absences].sort((a, b) => a.start - b.start);
  const absences: { from: string; to: string; reason: string }[] = [];
  let free = 0;
  for (const absence of sorted) {
    const start = Math.max(absence.start, free);
    const end = Math.min(start + absence.length - 1, 200);
    if (start > end) continue;
    absences.push({ from: isoOfEpochDay(JAN_1 + start), to: isoOfEpochDay(JAN_1 + end), reason: absence.reason });
    free = end + 1;
  }
  return caseFileSchema.parse({
    agreement: "A4",
    policies: { D01: input.reading, D04: input.merge, D02: input.rent },
    client: { id: "X" },
    case: { id: "X-A4", start: "2026-01-01", careContractDate: "2025-12-01", rentExcess: true },
    costCoverages: [{ id: "K", from: isoOfEpochDay(JAN_1 + input.coverageStart) }],
    absences,
  });
}

function monthRange(month: number) {
  const first = `2026-${String(month).padStart(2, "0")}-01`;
  const next = month === 12 ? "2027-01-01" : `2026-${String(month + 1).padStart(2, "0")}-01`;
  return { from: first, to: isoOfEpochDay(epochDayOfIso(next) - 1) };
}

/** Lines keyed by label and rate, with summed quantity and exact amount. */
function summarise(drafts: InvoiceDraft[], filter: (rateId: string) => boolean = () => true) {
  const result = new Map<string, { quantity: string; amount: string }>();
  const sums = new Map<string, { quantity: Exact; amount: Exact }>();
  for (const draft of drafts)
    for (const line of draft.lines) {
      if (!filter(line.rateId)) continue;
      const key = `${line.label}|${line.rateId}|${line.unitPrice.toFixed(2)}`;
      const sum = sums.get(key) ?? { quantity: new Exact(0), amount: new Exact(0) };
      sums.set(key, { quantity: sum.quantity.plus(line.quantity), amount: sum.amount.plus(line.amount) });
    }
  for (const [key, sum] of [...sums].sort()) result.set(key, { quantity: sum.quantity.toFixed(6), amount: sum.amount.toFixed(6) });
  return result;
}

describe("billing invariants (A4 daily rates with absences)", () => {
  it("billed + held + rejected days = days of the case in the period", () => {
    fc.assert(
      fc.property(a4CaseArbitrary, (input) => {
        const period = monthRange(input.month);
        const draft = billCase(a4, buildA4Case(input), period);
        const days = epochDayOfIso(period.to) - epochDayOfIso(period.from) + 1;
        const dayUnits = ["serviceDay", "absenceDay"];
        const counted = sumExact(
          Object.entries(draft.totals.quantities)
            .filter(([unit]) => dayUnits.includes(unit))
            .map(([, quantity]) => quantity.delivered),
        );
        expect(counted.toNumber()).toBe(days);
      }),
      { numRuns: 150 },
    );
  });

  it("billing two halves of a month gives the same daily-rate lines as billing the month", () => {
    fc.assert(
      fc.property(a4CaseArbitrary, fc.integer({ min: 1, max: 27 }), (input, split) => {
        const period = monthRange(input.month);
        const caseFile = buildA4Case(input);
        const middle = epochDayOfIso(period.from) + split;
        const whole = billCase(a4, caseFile, period);
        const first = billCase(a4, caseFile, { from: period.from, to: isoOfEpochDay(middle - 1) });
        const second = billCase(a4, caseFile, { from: isoOfEpochDay(middle), to: period.to });
        const perDay = (rateId: string) => rateId === "dailyRate" || rateId === "absenceRate";
        expect(summarise([first, second], perDay)).toEqual(summarise([whole], perDay));
      }),
      { numRuns: 100 },
    );
  });

  it("the invoice total equals the sum of its presented line amounts, to the cent", () => {
    fc.assert(
      fc.property(a4CaseArbitrary, (input) => {
        const draft = billCase(a4, buildA4Case(input), monthRange(input.month));
        const sum = sumExact(draft.lines.map((line) => roundHalfUp(line.amount)));
        expect(draft.totals.billed.toFixed(2)).toBe(sum.toFixed(2));
      }),
      { numRuns: 100 },
    );
  });
});

const entryArbitrary = fc.record({
  day: fc.integer({ min: 330, max: 420 }),
  minutes: fc.integer({ min: 1, max: 480 }),
  attribution: fc.constantFrom("SGB IX", "SGB IX", "SGB IX", "SGB VIII", undefined),
  timeKind: fc.constantFrom("direct", "direct", "indirect"),
});

describe("billing invariants (A0 hourly entries)", () => {
  const a0CaseArbitrary = fc.record({
    entries: fc.array(entryArbitrary, { maxLength: 25 }),
    volume: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    granularity: fc.constantFrom("exactMinutes", "unit5", "unit15", "unit60"),
  });
  type A0CaseInput = typeof a0CaseArbitrary extends fc.Arbitrary<infer T> ? T : never;
  const build = (input: A0CaseInput) =>
    caseFileSchema.parse({
      agreement: "A0",
      policies: { D21: input.granularity },
      client: { id: "Y" },
      case: { id: "Y-A0", start: "2026-01-01" },
      costCoverages: [{ id: "K", from: "2026-01-01", kind: "gesamtplanWithVolume", ...(input.volume ? { approvedVolume: { hours: String(input.volume), per: "month" } } : {}) }],
      entries: input.entries.map((entry, index) => ({
        id: `e${index}`,
        date: isoOfEpochDay(JAN_1 + entry.day),
        minutes: entry.minutes,
        timeKind: entry.timeKind,
        ...(entry.attribution ? { attribution: entry.attribution } : {}),
      })),
    });

  it("billed + held hours = counted SGB IX hours delivered in the period", () => {
    fc.assert(
      fc.property(a0CaseArbitrary, (input) => {
        const caseFile = build(input);
        const period = { from: "2026-12-01", to: "2027-01-31" };
        const draft = billCase(a0, caseFile, period);
        const quantities = draft.totals.quantities.hour;
        const delivered = quantities ? quantities.delivered : new Exact(0);
        const unit = { exactMinutes: 0, unit5: 5, unit15: 15, unit60: 60 }[input.granularity];
        const expected = sumExact(
          caseFile.entries
            .filter((entry) => entry.date >= period.from && entry.date <= period.to && entry.attribution !== "SGB VIII" && entry.timeKind === "direct")
            .map((entry) => (unit ? new Exact(entry.minutes!).div(unit).ceil().times(unit).div(60) : new Exact(entry.minutes!).div(60))),
        );
        expect(delivered.toFixed(10)).toBe(expected.toFixed(10));
        expect(quantities ? quantities.billed.plus(quantities.held).plus(quantities.rejected).toFixed(10) : "0.0000000000").toBe(expected.toFixed(10));
      }),
      { numRuns: 150 },
    );
  });

  it("billing two halves of a month gives the same hourly lines as billing the month, also with a volume gate", () => {
    fc.assert(
      fc.property(a0CaseArbitrary, fc.integer({ min: 1, max: 30 }), (input, split) => {
        const caseFile = build(input);
        const whole = billCase(a0, caseFile, { from: "2027-01-01", to: "2027-01-31" });
        const middle = `2027-01-${String(split + 1).padStart(2, "0")}`;
        const first = billCase(a0, caseFile, { from: "2027-01-01", to: isoOfEpochDay(epochDayOfIso(middle) - 1) });
        const second = billCase(a0, caseFile, { from: middle, to: "2027-01-31" });
        expect(summarise([first, second])).toEqual(summarise([whole]));
      }),
      { numRuns: 150 },
    );
  });
});
