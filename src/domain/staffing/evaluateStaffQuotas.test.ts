import { describe, it, expect } from "vitest";
import { evaluateStaffQuotas, type QuotaResult } from "./evaluateStaffQuotas.ts";
import { agreementWithInputs, buildTeam, loadStaffingAgreement, member } from "./staffingTestSupport.ts";
import type { StaffMemberInput } from "./teamFileSchema.ts";

const byId = (results: QuotaResult[], id: string) => results.find((result) => result.quotaId === id)!;

describe("E18: A3 pedagogical skilled quota ≥ 50 % and SPZQ ≤ 50 % of pedagogical skilled (A3-R24, R25)", () => {
  const a3 = agreementWithInputs("A3", { "P-A3-07": 20 });
  const team = (social: string, spzq: string, instructor: string) =>
    buildTeam({
      agreements: ["A3"],
      staff: [
        member("S", social, "Sozialpädagogin"),
        member("Z", spzq, "Fachkraft zur Arbeits- und Berufsförderung (SPZQ)"),
        member("T", instructor, "Tischlerin", { role: "instructor" }),
      ],
    });

  it("OK team 0.8 + 0.6 + 0.6: 70 % ≥ 50 % and SPZQ 42.86 % ≤ 50 % → compliant", () => {
    const results = evaluateStaffQuotas(a3, team("0.8", "0.6", "0.6"));
    const skilled = byId(results, "A3-pedagogicalSkilledMinimum");
    expect(skilled.status).toBe("met");
    expect(skilled.sharePercent!.rounded).toBe("70.00");
    expect(skilled.numerator!.rounded).toBe("1.40");
    expect(skilled.base!.rounded).toBe("2.00");
    const spzq = byId(results, "A3-spzqMaximum");
    expect(spzq.status).toBe("met");
    expect(spzq.sharePercent!.rounded).toBe("42.86");
    expect(results.every((result) => result.finding.severity === "info")).toBe(true);
  });

  it("Fail 1 team 0.5 + 0.6 + 0.9: 55 % is fine, SPZQ 0.6 ÷ 1.1 = 54.55 % > 50 % → WARN", () => {
    const results = evaluateStaffQuotas(a3, team("0.5", "0.6", "0.9"));
    expect(byId(results, "A3-pedagogicalSkilledMinimum").sharePercent!.rounded).toBe("55.00");
    expect(byId(results, "A3-pedagogicalSkilledMinimum").status).toBe("met");
    const spzq = byId(results, "A3-spzqMaximum");
    expect(spzq.status).toBe("notMet");
    expect(spzq.sharePercent!.rounded).toBe("54.55");
    expect(spzq.finding.severity).toBe("warn");
    expect(spzq.finding.code).toBe("quotaAboveMaximum");
    expect(spzq.finding.message).toContain("54,55 %");
    expect(spzq.finding.explanation.ruleId).toBe("A3-R25");
  });

  it("Fail 2 team 0.4 + 0.4 + 1.2: 40 % < 50 % → WARN; SPZQ exactly 50 % is the allowed boundary", () => {
    const results = evaluateStaffQuotas(a3, team("0.4", "0.4", "1.2"));
    const skilled = byId(results, "A3-pedagogicalSkilledMinimum");
    expect(skilled.status).toBe("notMet");
    expect(skilled.sharePercent!.rounded).toBe("40.00");
    expect(skilled.finding.severity).toBe("warn");
    expect(skilled.finding.message).toContain("unter der Mindestquote von 50,00 %");
    const spzq = byId(results, "A3-spzqMaximum");
    expect(spzq.status).toBe("met");
    expect(spzq.sharePercent!.rounded).toBe("50.00");
  });

  it("records D10 (contracted FTE) and D07 on every quota; headcount (D10 alternative) changes Fail 2 to 2 of 3 persons", () => {
    const fte = evaluateStaffQuotas(a3, team("0.4", "0.4", "1.2"));
    expect(fte[0]!.finding.explanation.policies).toContainEqual({ decision: "D10", option: "contractedFte", origin: "default" });
    expect(fte[0]!.finding.explanation.policies).toContainEqual({ decision: "D07", option: "exactThenHalfUp", origin: "default" });
    const heads = evaluateStaffQuotas(a3, team("0.4", "0.4", "1.2"), { casePolicies: { D10: "headcount" } });
    const skilled = byId(heads, "A3-pedagogicalSkilledMinimum");
    expect(skilled.measure).toBe("headcount");
    expect(skilled.sharePercent!.rounded).toBe("66.67");
    expect(skilled.status).toBe("met");
    expect(skilled.finding.explanation.policies).toContainEqual({ decision: "D10", option: "headcount", origin: "case" });
  });

  it("pedagogical management is excluded from the base (D10), volunteers never count", () => {
    const results = evaluateStaffQuotas(
      a3,
      buildTeam({
        agreements: ["A3"],
        staff: [
          member("S", "0.4", "Sozialpädagogin"),
          member("T", "1.6", "Tischler", { role: "instructor" }),
          member("L", "1.0", "Sozialarbeiterin", { role: "management" }),
          member("V", "0.5", "Sozialpädagoge", { volunteer: true }),
        ],
      }),
    );
    const skilled = byId(results, "A3-pedagogicalSkilledMinimum");
    expect(skilled.baseStaffIds).toEqual(["S", "T"]);
    expect(skilled.sharePercent!.rounded).toBe("20.00");
  });

  it("delivered hours (D10 alternative) hold when a member's hours are missing", () => {
    const result = evaluateStaffQuotas(a3, team("0.8", "0.6", "0.6"), { casePolicies: { D10: "deliveredHours" } });
    expect(result[0]!.status).toBe("held");
    expect(result[0]!.finding.message).toContain("deliveredHours");
  });
});

describe("A2 quotas (A2-R16): non-skilled ≤ 20 % (soll → WARN), skilled „überwiegend“ > 50 %", () => {
  const a2 = loadStaffingAgreement("A2");
  const staff = (nonSkilled: string, skilled: string): StaffMemberInput[] => [
    member("F", skilled, "Heilerziehungspflegerin"),
    member("N", nonSkilled, "angelernte Kraft"),
    member("K", "0.38", "Sozialpädagoge", { role: "management" }),
  ];

  it("1.51 non-skilled of 7.57 support FTE stays under 20 %", () => {
    const results = evaluateStaffQuotas(a2, buildTeam({ agreements: ["A2"], staff: staff("1.51", "6.06") }));
    expect(byId(results, "A2-nonSkilledMaximum").status).toBe("met");
    expect(byId(results, "A2-nonSkilledMaximum").sharePercent!.rounded).toBe("19.95");
    expect(byId(results, "A2-skilledMajority").status).toBe("met");
  });

  it("1.60 non-skilled of 7.57 exceeds 20 % → WARN", () => {
    const result = byId(evaluateStaffQuotas(a2, buildTeam({ agreements: ["A2"], staff: staff("1.60", "5.97") })), "A2-nonSkilledMaximum");
    expect(result.status).toBe("notMet");
    expect(result.finding.severity).toBe("warn");
  });

  it("exactly half skilled is not „überwiegend“", () => {
    const result = byId(evaluateStaffQuotas(a2, buildTeam({ agreements: ["A2"], staff: staff("3", "3") })), "A2-skilledMajority");
    expect(result.sharePercent!.rounded).toBe("50.00");
    expect(result.status).toBe("notMet");
    expect(result.finding.message).toContain("nicht über 50,00 %");
  });

  it("weekly hours become FTE through the contract full-time hours", () => {
    const team = buildTeam({
      agreements: ["A2"],
      organisation: { name: "Testträger", contractFullTimeHours: "39" },
      staff: [
        { id: "F", weeklyHours: "31.2", qualifications: ["Erzieherin"] },
        { id: "N", weeklyHours: "7.8", qualifications: ["Hauswirtschaftshelferin"] },
      ],
    });
    const result = byId(evaluateStaffQuotas(a2, team), "A2-nonSkilledMaximum");
    expect(result.base!.rounded).toBe("1.00");
    expect(result.sharePercent!.rounded).toBe("20.00");
    expect(result.status).toBe("met");
  });

  it("holds when a member's contracted FTE is missing", () => {
    const result = evaluateStaffQuotas(a2, buildTeam({ agreements: ["A2"], staff: [{ id: "X", qualifications: ["Erzieher"] }] }));
    expect(result[0]!.status).toBe("held");
    expect(result[0]!.finding.message).toContain("Stellenumfang fehlt");
  });
});

describe("A4: day-shift minimum (P-A4-05) and 90 % maximum of the staffing plan are separate checks (A4-R16, R17, D26)", () => {
  const staff = (skilled: string, nonSkilled: string): StaffMemberInput[] => [
    member("F1", skilled, "Heilerziehungspfleger", { shift: "day" }),
    member("N1", nonSkilled, "zielgruppenerfahrene Kraft ohne Berufsausbildung", { shift: "day" }),
    member("W1", "2.0", "Erzieherin", { shift: "night" }),
    member("L", "1.0", "Sozialpädagogin", { role: "management", shift: "day" }),
  ];

  it("holds the day-shift minimum naming P-A4-05 while the 90 % maximum is evaluated on its own", () => {
    const results = evaluateStaffQuotas(loadStaffingAgreement("A4"), buildTeam({ agreements: ["A4"], staff: staff("5.0", "1.0") }));
    const minimum = byId(results, "A4-dayShiftSkilledMinimum");
    expect(minimum.status).toBe("held");
    expect(minimum.finding.severity).toBe("hold");
    expect(minimum.finding.message).toContain("P-A4-05");
    expect(minimum.finding.message).toContain("§ 3.5");
    const maximum = byId(results, "A4-skilledMaximum");
    expect(maximum.sharePercent!.rounded).toBe("87.50");
    expect(maximum.status).toBe("met");
    expect(maximum.finding.explanation.policies).toContainEqual({ decision: "D26", option: "separate", origin: "default" });
  });

  it("90 % exactly is allowed; 95 % → WARN", () => {
    const boundary = byId(evaluateStaffQuotas(loadStaffingAgreement("A4"), buildTeam({ agreements: ["A4"], staff: staff("7.0", "1.0") })), "A4-skilledMaximum");
    expect(boundary.sharePercent!.rounded).toBe("90.00");
    expect(boundary.status).toBe("met");
    const over = byId(evaluateStaffQuotas(loadStaffingAgreement("A4"), buildTeam({ agreements: ["A4"], staff: staff("17.0", "1.0") })), "A4-skilledMaximum");
    expect(over.sharePercent!.rounded).toBe("95.00");
    expect(over.status).toBe("notMet");
    expect(over.finding.severity).toBe("warn");
    expect(over.finding.code).toBe("quotaAboveMaximum");
  });

  it("an approved exception raises the maximum; one approved after the reference date does not", () => {
    const approved = buildTeam({
      agreements: ["A4"],
      staff: staff("17.0", "1.0"),
      exceptions: [{ agreement: "A4", quota: "A4-R17", maximum: "95", approvedOn: "2026-02-10", reference: "Antrag 2026/1" }],
    });
    const withException = byId(evaluateStaffQuotas(loadStaffingAgreement("A4"), approved), "A4-skilledMaximum");
    expect(withException.status).toBe("met");
    expect(withException.limitOrigin).toBe("exception");
    expect(withException.limitPercent!.rounded).toBe("95.00");
    expect(withException.finding.message).toContain("Ausnahme vereinbart am 2026-02-10");
    const late = byId(evaluateStaffQuotas(loadStaffingAgreement("A4"), approved, { asOf: "2026-02-01" }), "A4-skilledMaximum");
    expect(late.status).toBe("notMet");
    expect(late.limitOrigin).toBe("agreement");
  });

  it("with a TEST FIXTURE day-shift minimum of 50 % only day-shift staff count, night watch and management do not", () => {
    const a4 = agreementWithInputs("A4", { "P-A4-05": "50" });
    const minimum = byId(evaluateStaffQuotas(a4, buildTeam({ agreements: ["A4"], staff: staff("1.0", "1.5") })), "A4-dayShiftSkilledMinimum");
    expect(minimum.baseStaffIds).toEqual(["F1", "N1"]);
    expect(minimum.limitOrigin).toBe("input");
    expect(minimum.sharePercent!.rounded).toBe("40.00");
    expect(minimum.status).toBe("notMet");
    const maximum = byId(evaluateStaffQuotas(a4, buildTeam({ agreements: ["A4"], staff: staff("1.0", "1.5") })), "A4-skilledMaximum");
    expect(maximum.sharePercent!.rounded).toBe("66.67");
  });

  it("a comparable qualification without its duration holds the quotas that need the classification", () => {
    const team = buildTeam({ agreements: ["A4"], staff: [{ id: "C", fullTimeEquivalents: "1", shift: "day", qualifications: [{ name: "Kunsttherapeutin", comparable: true }] }] });
    const maximum = byId(evaluateStaffQuotas(loadStaffingAgreement("A4"), team), "A4-skilledMaximum");
    expect(maximum.status).toBe("held");
    expect(maximum.finding.message).toContain("Ausbildungsdauer");
  });
});
