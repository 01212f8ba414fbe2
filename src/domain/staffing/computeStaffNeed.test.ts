import { describe, it, expect } from "vitest";
import { Exact, roundHalfUp, sumExact } from "../money/amount.ts";
import { computeStaffNeed } from "./computeStaffNeed.ts";
import { agreementWithInputs, buildTeam, loadStaffingAgreement, member } from "./staffingTestSupport.ts";

const e03Census = [{ agreement: "A2", needGroups: [{ needGroup: 3, persons: "12" }, { needGroup: 4, persons: "5" }] }];
const e04Census = [
  {
    agreement: "A2",
    needGroups: [
      { needGroup: 1, persons: "3" },
      { needGroup: 2, persons: "6" },
      { needGroup: 3, persons: "12" },
      { needGroup: 4, persons: "5" },
      { needGroup: 5, persons: "2" },
    ],
  },
];

describe("E03: A2 staff need for 12 persons in HBG 3 and 5 in HBG 4 (A2-R17, R18, R19, R16)", () => {
  const a2 = agreementWithInputs("A2", { "P-A2-04": "38.5" });
  const team = buildTeam({ agreements: ["A2"], census: e03Census });
  const need = computeStaffNeed(a2, team);

  it("sums the need-group terms exactly: 12 ÷ 2.64 + 5 ÷ 1.47 = 7.946815 → 7.95 FTE", () => {
    expect(need.status).toBe("computed");
    expect(need.needGroupTerms.map((term) => [term.needGroup, term.fullTimeEquivalents.exact.toFixed(6)])).toEqual([
      [3, "4.545455"],
      [4, "3.401361"],
    ]);
    expect(need.ratioTotal!.exact.toFixed(6)).toBe("7.946815");
    expect(need.ratioTotal!.rounded).toBe("7.95");
  });

  it("computes the coordination at 1:45: 17 ÷ 45 = 0.377778 → 0.38 FTE", () => {
    expect(need.coordination!.persons.rounded).toBe("17.00");
    expect(need.coordination!.fullTimeEquivalents.exact.toFixed(6)).toBe("0.377778");
    expect(need.coordination!.fullTimeEquivalents.rounded).toBe("0.38");
  });

  it("reading I (included, D06 default): total 7.95, other support 7.57, 305.95 h at 38.5 h", () => {
    expect(need.applied!.reading).toBe("included");
    expect(need.applied!.total.rounded).toBe("7.95");
    expect(need.applied!.supportExcludingCoordination!.exact.toFixed(6)).toBe("7.569037");
    expect(need.applied!.supportExcludingCoordination!.rounded).toBe("7.57");
    expect(need.applied!.weeklyHours!.rounded).toBe("305.95");
    expect(need.explanation.policies).toContainEqual({ decision: "D06", option: "included", origin: "default" });
    expect(need.explanation.policies).toContainEqual({ decision: "D07", option: "exactThenHalfUp", origin: "default" });
  });

  it("shows reading II (added) beside it: 8.324593 → 8.32 FTE and 320.50 h", () => {
    expect(need.alternative!.reading).toBe("added");
    expect(need.alternative!.total.exact.toFixed(6)).toBe("8.324593");
    expect(need.alternative!.total.rounded).toBe("8.32");
    expect(need.alternative!.weeklyHours!.rounded).toBe("320.50");
    expect(need.findings[0]!.message).toContain("7,95 VZÄ");
    expect(need.findings[0]!.message).toContain("8,32 VZÄ");
  });

  it("non-skilled cap ≤ 20 %: reading I 1.51 (exact 1.513807), reading II 1.59 (exact 1.589363), compared unrounded", () => {
    const capI = need.applied!.quotaLimits.find((limit) => limit.quotaId === "A2-nonSkilledMaximum")!;
    const capII = need.alternative!.quotaLimits.find((limit) => limit.quotaId === "A2-nonSkilledMaximum")!;
    expect(capI.fullTimeEquivalents.rounded).toBe("1.51");
    expect(capI.fullTimeEquivalents.exact.toFixed(6)).toBe("1.513807");
    expect(capII.fullTimeEquivalents.rounded).toBe("1.59");
    expect(capII.fullTimeEquivalents.exact.toFixed(6)).toBe("1.589363");
    // 1.514 FTE non-skilled staff displays as 1.51 but exceeds the exact cap.
    expect(new Exact("1.514").lessThanOrEqualTo(capI.fullTimeEquivalents.exact)).toBe(false);
    expect(new Exact("1.5138").lessThanOrEqualTo(capI.fullTimeEquivalents.exact)).toBe(true);
  });

  it("skilled staff must exceed 50 % of the support FTE (more than 3.78 FTE under reading I)", () => {
    const skilled = need.applied!.quotaLimits.find((limit) => limit.quotaId === "A2-skilledMajority")!;
    expect(skilled.comparison).toBe("greaterThan");
    expect(skilled.fullTimeEquivalents.rounded).toBe("3.78");
  });

  it("reading II when the case chooses D06 = added; reading I is then shown beside it", () => {
    const added = computeStaffNeed(a2, team, { casePolicies: { D06: "added" } });
    expect(added.applied!.total.rounded).toBe("8.32");
    expect(added.applied!.supportExcludingCoordination!.rounded).toBe("7.95");
    expect(added.alternative!.total.rounded).toBe("7.95");
    expect(added.explanation.policies).toContainEqual({ decision: "D06", option: "added", origin: "case" });
  });

  it("the team file's policies select the reading too", () => {
    const teamAdded = buildTeam({ agreements: ["A2"], census: e03Census, policies: { D06: "added" } });
    expect(computeStaffNeed(a2, teamAdded).applied!.total.rounded).toBe("8.32");
  });

  it("with a 39-hour contract the contract hours apply: 7.946815 × 39 = 309.93 h", () => {
    const need39 = computeStaffNeed(agreementWithInputs("A2", { "P-A2-04": "39" }), team);
    expect(need39.weeklyHoursPerFullTimeEquivalent!.applied.rounded).toBe("39.00");
    expect(need39.applied!.weeklyHours!.rounded).toBe("309.93");
  });

  it("with a 38-hour contract the 38.5-hour minimum applies", () => {
    const need38 = computeStaffNeed(agreementWithInputs("A2", { "P-A2-04": "38.0" }), team);
    expect(need38.weeklyHoursPerFullTimeEquivalent!.applied.rounded).toBe("38.50");
    expect(need38.applied!.weeklyHours!.rounded).toBe("305.95");
  });

  it("holds the weekly hours naming P-A2-04 when the contract hours are unknown, showing only the lower bound", () => {
    const open = computeStaffNeed(loadStaffingAgreement("A2"), team);
    expect(open.status).toBe("computed");
    expect(open.applied!.weeklyHours).toBeUndefined();
    expect(open.applied!.weeklyHoursAtLeast!.rounded).toBe("305.95");
    const hold = open.findings.find((finding) => finding.code === "contractHoursMissing")!;
    expect(hold.severity).toBe("hold");
    expect(hold.message).toContain("P-A2-04");
    expect(hold.message).toContain("§ 9 a)");
  });

  it("takes the contract hours from the team file when the agreement leaves them open", () => {
    const teamHours = buildTeam({ agreements: ["A2"], census: e03Census, organisation: { name: "Testträger", contractFullTimeHours: "39" } });
    const need39 = computeStaffNeed(loadStaffingAgreement("A2"), teamHours);
    expect(need39.weeklyHoursPerFullTimeEquivalent!.origin).toBe("teamFile");
    expect(need39.applied!.weeklyHours!.rounded).toBe("309.93");
  });
});

describe("E04: A2 full mix, and why intermediate terms must not be rounded (A2-R18, D07)", () => {
  const a2 = agreementWithInputs("A2", { "P-A2-04": "38.0" });
  const need = computeStaffNeed(a2, buildTeam({ agreements: ["A2"], census: e04Census }));

  it("exact sum 11.483375 → 11.48, not the 11.49 of rounded terms", () => {
    expect(need.ratioTotal!.exact.toFixed(6)).toBe("11.483375");
    expect(need.applied!.total.rounded).toBe("11.48");
    const sumOfRoundedTerms = sumExact(need.needGroupTerms.map((term) => roundHalfUp(term.fullTimeEquivalents.exact)));
    expect(sumOfRoundedTerms.toFixed(2)).toBe("11.49");
  });

  it("Leitung 28 ÷ 45 = 0.62; reading I other support 10.86; reading II total 12.11", () => {
    expect(need.coordination!.fullTimeEquivalents.rounded).toBe("0.62");
    expect(need.applied!.supportExcludingCoordination!.exact.toFixed(6)).toBe("10.861153");
    expect(need.applied!.supportExcludingCoordination!.rounded).toBe("10.86");
    expect(need.alternative!.total.exact.toFixed(6)).toBe("12.105598");
    expect(need.alternative!.total.rounded).toBe("12.11");
  });

  it("contract 38.0 h → the 38.5 minimum applies: 442.11 h per week", () => {
    expect(need.applied!.weeklyHours!.rounded).toBe("442.11");
  });

  it("non-skilled cap, reading I: 0.20 × 10.861153 = 2.172231 → 2.17 FTE", () => {
    const cap = need.applied!.quotaLimits.find((limit) => limit.quotaId === "A2-nonSkilledMaximum")!;
    expect(cap.fullTimeEquivalents.exact.toFixed(6)).toBe("2.172231");
    expect(cap.fullTimeEquivalents.rounded).toBe("2.17");
  });

  it("a person list gives the same figures as the counts", () => {
    const persons = [
      ...Array.from({ length: 3 }, (_, index) => ({ id: `g1-${index}`, needGroup: 1 })),
      ...Array.from({ length: 6 }, (_, index) => ({ id: `g2-${index}`, needGroup: 2 })),
      ...Array.from({ length: 12 }, (_, index) => ({ id: `g3-${index}`, needGroup: 3 })),
      ...Array.from({ length: 5 }, (_, index) => ({ id: `g4-${index}`, needGroup: 4 })),
      ...Array.from({ length: 2 }, (_, index) => ({ id: `g5-${index}`, needGroup: 5 })),
    ];
    const fromPersons = computeStaffNeed(a2, buildTeam({ agreements: ["A2"], census: [{ agreement: "A2", persons }] }));
    expect(fromPersons.applied!.total.exact.equals(need.applied!.total.exact)).toBe(true);
    expect(fromPersons.coordination!.fullTimeEquivalents.rounded).toBe("0.62");
  });

  it("holds persons without a need group and need groups the agreement does not know", () => {
    const held = computeStaffNeed(
      a2,
      buildTeam({ agreements: ["A2"], census: [{ agreement: "A2", persons: [{ id: "P1", needGroup: 3 }, { id: "P2" }, { id: "P3", needGroup: 6 }] }] }),
    );
    expect(held.status).toBe("held");
    expect(held.findings.map((finding) => finding.code)).toEqual(expect.arrayContaining(["needGroupMissing", "needGroupNotAgreed"]));
    expect(held.findings.find((finding) => finding.code === "needGroupMissing")!.message).toContain("P2");
  });

  it("holds when the team file has no census for A2", () => {
    const held = computeStaffNeed(a2, buildTeam({ agreements: ["A2"] }));
    expect(held.status).toBe("held");
    expect(held.findings[0]!.code).toBe("censusMissing");
  });
});

describe("E18: A3 staff from places (A3-R23; D17)", () => {
  // TEST FIXTURE: agreed places = 20 (P-A3-07 is blank in the document).
  const a3 = agreementWithInputs("A3", { "P-A3-07": 20 });
  const staff = [member("S", "0.8", "Sozialpädagogin"), member("Z", "0.6", "Fachkraft zur Arbeits- und Berufsförderung (SPZQ)"), member("T", "0.6", "Tischlerin", { role: "instructor" })];

  it("required staff = 20 ÷ 10 × 1.0 = 2.00 FTE on agreed places (D17 default)", () => {
    const need = computeStaffNeed(a3, buildTeam({ agreements: ["A3"], staff }));
    expect(need.places).toEqual({ count: 20, basis: "agreedPlaces", origin: "input" });
    expect(need.applied!.total.rounded).toBe("2.00");
    expect(need.explanation.policies).toContainEqual({ decision: "D17", option: "agreedPlaces", origin: "default" });
    expect(need.applied!.quotaLimits.find((limit) => limit.quotaId === "A3-pedagogicalSkilledMinimum")!.fullTimeEquivalents.rounded).toBe("1.00");
  });

  it("D17 variant: actual participants 26 → 2.60 FTE", () => {
    const team = buildTeam({ agreements: ["A3"], staff, census: [{ agreement: "A3", participants: 26 }] });
    const need = computeStaffNeed(a3, team, { casePolicies: { D17: "actualParticipants" } });
    expect(need.places).toEqual({ count: 26, basis: "actualParticipants", origin: "teamFile" });
    expect(need.applied!.total.rounded).toBe("2.60");
    expect(need.explanation.policies).toContainEqual({ decision: "D17", option: "actualParticipants", origin: "case" });
  });

  it("the D17 variant holds without a participant count", () => {
    const need = computeStaffNeed(a3, buildTeam({ agreements: ["A3"], staff }), { casePolicies: { D17: "actualParticipants" } });
    expect(need.status).toBe("held");
    expect(need.findings[0]!.code).toBe("participantsMissing");
  });

  it("the team of 2.0 FTE covers the 2.00 FTE; 1.8 FTE is below it (WARN, „vorgehalten“)", () => {
    const covered = computeStaffNeed(a3, buildTeam({ agreements: ["A3"], staff }));
    expect(covered.actual!.fullTimeEquivalents.rounded).toBe("2.00");
    expect(covered.findings.find((finding) => finding.code === "staffCoversRequirement")).toBeDefined();
    const short = computeStaffNeed(a3, buildTeam({ agreements: ["A3"], staff: [...staff.slice(0, 2), member("T", "0.4", "Tischlerin", { role: "instructor" })] }));
    const warning = short.findings.find((finding) => finding.code === "staffBelowRequirement")!;
    expect(warning.severity).toBe("warn");
    expect(warning.message).toContain("1,80 VZÄ");
  });

  it("pedagogical management is outside the ratio: the total including it is held until P-A3-19 is set", () => {
    const need = computeStaffNeed(a3, buildTeam({ agreements: ["A3"], staff: [...staff, member("L", "0.5", "Sozialpädagoge", { role: "management" })] }));
    expect(need.applied!.total.rounded).toBe("2.00");
    expect(need.actual!.fullTimeEquivalents.rounded).toBe("2.00");
    const hold = need.findings.find((finding) => finding.code === "managementNotQuantified")!;
    expect(hold.severity).toBe("hold");
    expect(hold.message).toContain("P-A3-19");
    const withManagement = computeStaffNeed(agreementWithInputs("A3", { "P-A3-07": 20, "P-A3-19": "0.25" }), buildTeam({ agreements: ["A3"], staff }));
    expect(withManagement.management!.totalIncludingManagement.rounded).toBe("2.25");
  });

  it("holds naming P-A3-07 when the places are open, or uses the team file's agreed places", () => {
    const template = loadStaffingAgreement("A3");
    const held = computeStaffNeed(template, buildTeam({ agreements: ["A3"], staff }));
    expect(held.status).toBe("held");
    expect(held.findings[0]!.message).toContain("P-A3-07");
    const fromTeam = computeStaffNeed(template, buildTeam({ agreements: ["A3"], staff, census: [{ agreement: "A3", agreedPlaces: 20 }] }));
    expect(fromTeam.places!.origin).toBe("teamFile");
    expect(fromTeam.applied!.total.rounded).toBe("2.00");
  });
});

describe("A4 fixed total (§ 3.3) and A1 without a ratio", () => {
  it("A4 holds naming P-A4-02 while the total FTE is redacted", () => {
    const need = computeStaffNeed(loadStaffingAgreement("A4"), buildTeam({ agreements: ["A4"], census: [{ agreement: "A4", participants: 10 }] }));
    expect(need.status).toBe("held");
    expect(need.findings.map((finding) => finding.message).join(" ")).toContain("P-A4-02");
    expect(need.findings.map((finding) => finding.message).join(" ")).toContain("P-A4-03");
  });

  it("A4 with TEST FIXTURE inputs: the coordination is included in the total (§ 3.3 wording, no D06)", () => {
    const a4 = agreementWithInputs("A4", { "P-A4-02": "12.5", "P-A4-03": "10" });
    const need = computeStaffNeed(a4, buildTeam({ agreements: ["A4"], census: [{ agreement: "A4", participants: 10 }] }));
    expect(need.applied!.reading).toBe("included");
    expect(need.applied!.total.rounded).toBe("12.50");
    expect(need.coordination!.fullTimeEquivalents.rounded).toBe("1.00");
    expect(need.applied!.supportExcludingCoordination!.rounded).toBe("11.50");
    expect(need.explanation.policies!.map((policy) => policy.decision)).not.toContain("D06");
  });

  it("A1 states no ratio: no automatic requirement (A1-R25)", () => {
    const need = computeStaffNeed(loadStaffingAgreement("A1"), buildTeam({ agreements: ["A1"] }));
    expect(need.status).toBe("notApplicable");
    expect(need.findings[0]!.explanation.ruleId).toBe("A1-R25");
  });
});
