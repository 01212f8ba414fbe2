import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { Exact } from "../money/amount.ts";
import { fromEpochDay, toEpochDay, parseDate, formatIsoDate } from "../calendar/calendarDate.ts";
import { computeStaffNeed } from "./computeStaffNeed.ts";
import { evaluateStaffQuotas } from "./evaluateStaffQuotas.ts";
import { evaluateBackgroundChecks } from "./evaluateBackgroundChecks.ts";
import { earliestAcceptableIssueDate, isCertificateFresh } from "./certificateAge.ts";
import { agreementWithInputs, buildTeam, type AgreementKey } from "./staffingTestSupport.ts";
import type { StaffMemberInput } from "./teamFileSchema.ts";

const a2 = agreementWithInputs("A2", { "P-A2-04": "38.5" });
const a3 = agreementWithInputs("A3", { "P-A3-07": 20 });
const a4 = agreementWithInputs("A4", { "P-A4-05": "0.5" });
const TOLERANCE = new Exact("1e-30");

const needGroupList = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 60 });
const needGroupCounts = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 });

const census = (counts: number[]) => [{ agreement: "A2", needGroups: counts.map((persons, index) => ({ needGroup: index + 1, persons: String(persons) })) }];

describe("M12 staff need (property-based)", () => {
  it("does not depend on the order of the census", () => {
    fc.assert(
      fc.property(
        needGroupList.chain((groups) => fc.tuple(fc.constant(groups), fc.shuffledSubarray(groups, { minLength: groups.length, maxLength: groups.length }))),
        ([groups, shuffled]) => {
          const team = (list: number[]) => buildTeam({ agreements: ["A2"], census: [{ agreement: "A2", persons: list.map((needGroup, index) => ({ id: `P${index}`, needGroup })) }] });
          const first = computeStaffNeed(a2, team(groups));
          const second = computeStaffNeed(a2, team(shuffled));
          expect(second.applied!.total.exact.equals(first.applied!.total.exact)).toBe(true);
          expect(second.alternative!.total.exact.equals(first.alternative!.total.exact)).toBe(true);
          expect(second.applied!.weeklyHours!.rounded).toBe(first.applied!.weeklyHours!.rounded);
        },
      ),
    );
  });

  it("is additive over groups of persons (both D06 readings, up to the 40-digit working precision)", () => {
    fc.assert(
      fc.property(needGroupCounts, needGroupCounts, (left, right) => {
        const need = (counts: number[]) => computeStaffNeed(a2, buildTeam({ agreements: ["A2"], census: census(counts) }));
        const combined = need(left.map((count, index) => count + right[index]!));
        const [first, second] = [need(left), need(right)];
        for (const pick of [(n: typeof combined) => n.ratioTotal!.exact, (n: typeof combined) => n.coordination!.fullTimeEquivalents.exact, (n: typeof combined) => n.alternative!.total.exact]) {
          expect(pick(combined).minus(pick(first).plus(pick(second))).abs().lessThan(TOLERANCE)).toBe(true);
        }
      }),
    );
  });

  it("the non-skilled cap is 20 % of the support FTE and never exceeds it (reading I ≤ reading II)", () => {
    fc.assert(
      fc.property(needGroupCounts, (counts) => {
        const need = computeStaffNeed(a2, buildTeam({ agreements: ["A2"], census: census(counts) }));
        const capI = need.applied!.quotaLimits.find((limit) => limit.quotaId === "A2-nonSkilledMaximum")!.fullTimeEquivalents.exact;
        const capII = need.alternative!.quotaLimits.find((limit) => limit.quotaId === "A2-nonSkilledMaximum")!.fullTimeEquivalents.exact;
        expect(capI.equals(need.applied!.supportExcludingCoordination!.exact.times("0.2"))).toBe(true);
        expect(capI.lessThanOrEqualTo(capII)).toBe(true);
      }),
    );
  });
});

const QUALIFICATIONS = ["Sozialpädagogin", "Fachkraft zur Arbeits- und Berufsförderung (SPZQ)", "Heilerziehungspfleger", "Erzieherin", "Tischlerin", "angelernte Kraft"];
const fteText = fc.integer({ min: 0, max: 300 }).map((hundredths) => (hundredths / 100).toFixed(2));
const staffArbitrary = fc.array(
  fc.record({
    qualification: fc.constantFrom(...QUALIFICATIONS),
    role: fc.constantFrom("support" as const, "instructor" as const, "management" as const),
    shift: fc.constantFrom("day" as const, "night" as const),
    fte: fteText,
  }),
  { minLength: 1, maxLength: 8 },
);

describe("M13 quotas (property-based)", () => {
  it("findings are symmetric to scaling every FTE by the same positive factor", () => {
    fc.assert(
      fc.property(staffArbitrary, fc.integer({ min: 1, max: 1000 }), fc.constantFrom<AgreementKey>("A2", "A3", "A4"), (staff, factorHundredths, key) => {
        const agreement = key === "A2" ? a2 : key === "A3" ? a3 : a4;
        const factor = new Exact(factorHundredths).dividedBy(100);
        const team = (scale: Exact) =>
          buildTeam({
            agreements: [key],
            staff: staff.map(
              (item, index): StaffMemberInput => ({ id: `S${index}`, role: item.role, shift: item.shift, qualifications: [item.qualification], fullTimeEquivalents: new Exact(item.fte).times(scale).toString() }),
            ),
          });
        const original = evaluateStaffQuotas(agreement, team(new Exact(1)));
        const scaled = evaluateStaffQuotas(agreement, team(factor));
        expect(scaled.map((result) => [result.quotaId, result.status, result.finding.severity, result.finding.code])).toEqual(
          original.map((result) => [result.quotaId, result.status, result.finding.severity, result.finding.code]),
        );
        scaled.forEach((result, index) => {
          const before = original[index]!.share;
          if (before) expect(result.share!.exact.equals(before.exact)).toBe(true);
          else expect(result.share).toBeUndefined();
        });
      }),
    );
  });

  it("a met quota really satisfies its comparison on the unrounded share", () => {
    fc.assert(
      fc.property(staffArbitrary, (staff) => {
        const team = buildTeam({ agreements: ["A3"], staff: staff.map((item, index): StaffMemberInput => ({ id: `S${index}`, role: item.role, qualifications: [item.qualification], fullTimeEquivalents: item.fte })) });
        for (const result of evaluateStaffQuotas(a3, team)) {
          if (!result.share) continue;
          const ok = result.comparison === "atMost" ? result.share.exact.lessThanOrEqualTo(result.limit!.exact) : result.share.exact.greaterThanOrEqualTo(result.limit!.exact);
          expect(result.status === "met").toBe(ok);
        }
      }),
    );
  });
});

const dayArbitrary = fc.integer({ min: toEpochDay(parseDate("2015-01-01")), max: toEpochDay(parseDate("2035-12-31")) });

describe("M09 background checks (property-based)", () => {
  it("X-R01: the strictest due date is the earliest, never later than any single agreement's due date", () => {
    fc.assert(
      fc.property(
        dayArbitrary,
        fc.subarray<AgreementKey>(["A1", "A2", "A3", "A4"], { minLength: 1 }),
        fc.integer({ min: 1, max: 72 }),
        fc.integer({ min: 1, max: 6 }),
        (day, keys, intervalMonths, ageMonths) => {
          const presentedOn = formatIsoDate(fromEpochDay(day));
          const agreements = keys.map((key) => (key === "A1" ? agreementWithInputs("A1", { "P-A1-08": intervalMonths, "P-A1-16": ageMonths }) : key === "A2" ? a2 : key === "A3" ? a3 : a4));
          const team = buildTeam({
            agreements: keys,
            asOf: presentedOn,
            staff: [{ id: "E", startDate: presentedOn, fullTimeEquivalents: "1", agreements: keys, backgroundChecks: [{ presentedOn, issuedOn: presentedOn }] }],
          });
          const check = evaluateBackgroundChecks(agreements, team).members[0]!;
          const dueDates = check.agreements.map((rule) => rule.dueDate!);
          expect(dueDates).toHaveLength(keys.length);
          for (const due of dueDates) expect(check.nextDue!.date <= due).toBe(true);
          expect(check.nextDue!.date).toBe([...dueDates].sort()[0]);
          expect(check.nextDue!.date > presentedOn).toBe(true);
        },
      ),
    );
  });

  it("the earliest acceptable issue date is exactly the boundary of the maximum age", () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 1, max: 12 }), (day, months) => {
        const presentedOn = fromEpochDay(day);
        const earliest = earliestAcceptableIssueDate(presentedOn, { months });
        expect(isCertificateFresh(earliest, presentedOn, { months })).toBe(true);
        expect(isCertificateFresh(earliest.subtract({ days: 1 }), presentedOn, { months })).toBe(false);
      }),
    );
  });
});
