import { describe, it, expect } from "vitest";
import { evaluateStaffing } from "./evaluateStaffing.ts";
import { agreementWithInputs, buildTeam, member } from "./staffingTestSupport.ts";

describe("staffing report for a team under A2 and A3", () => {
  const a2 = agreementWithInputs("A2", { "P-A2-04": "38.5" });
  const a3 = agreementWithInputs("A3", { "P-A3-07": 20 });
  const team = buildTeam({
    agreements: ["A2", "A3"],
    organisation: { name: "Beispielträger", team: "Team Nord" },
    census: [{ agreement: "A2", needGroups: [{ needGroup: 3, persons: "12" }, { needGroup: 4, persons: "5" }] }],
    staff: [
      member("E", "1", "Sozialpädagogin", {
        startDate: "2025-03-01",
        agreements: [
          { agreement: "A2", fullTimeEquivalents: "0.5" },
          { agreement: "A3", fullTimeEquivalents: "0.5" },
        ],
        backgroundChecks: [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }],
      }),
      member("Z", "0.6", "Fachkraft zur Arbeits- und Berufsförderung (SPZQ)", { agreements: ["A3"], startDate: "2025-01-01", backgroundChecks: [{ presentedOn: "2025-01-01", issuedOn: "2024-12-01" }] }),
      member("T", "0.9", "Tischlerin", { role: "instructor", agreements: ["A3"], startDate: "2025-01-01", backgroundChecks: [{ presentedOn: "2025-01-01", issuedOn: "2024-12-01" }] }),
    ],
    documents: [{ kind: "riskAnalysis", date: "2025-05-15" }],
  });
  const report = evaluateStaffing([a2, a3], team);

  it("computes the requirement and quotas per agreement", () => {
    expect(report.organisation).toBe("Beispielträger");
    expect(report.team).toBe("Team Nord");
    expect(report.agreements.map((agreement) => [agreement.agreementId, agreement.need.applied?.total.rounded])).toEqual([
      [a2.id, "7.95"],
      [a3.id, "2.00"],
    ]);
    const spzq = report.agreements[1]!.quotas.find((quota) => quota.quotaId === "A3-spzqMaximum")!;
    expect(spzq.sharePercent!.rounded).toBe("54.55");
    expect(report.agreements[1]!.classifications.map((classification) => [classification.staffId, classification.status])).toEqual([
      ["E", "skilled"],
      ["Z", "skilled"],
      ["T", "nonSkilled"],
    ]);
  });

  it("applies the strictest background-check rule to the person in both agreements (X-R01)", () => {
    const eva = report.backgroundChecks.members.find((check) => check.staffId === "E")!;
    expect(eva.nextDue!.date).toBe("2028-03-01");
  });

  it("orders findings by severity and counts them", () => {
    const order = ["block", "hold", "warn", "task", "info"];
    const ranks = report.findings.map((finding) => order.indexOf(finding.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(report.counts.warn).toBe(report.findings.filter((finding) => finding.severity === "warn").length);
    expect(report.findings.some((finding) => finding.code === "quotaAboveMaximum")).toBe(true);
    expect(report.findings.find((finding) => finding.code === "organisationDocumentDue")!.date).toBe("2028-05-15");
    for (const finding of report.findings) {
      expect(finding.explanation.ruleId).toMatch(/^(A\d|X)-R\d{2}$/);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });

  it("holds an agreement the caller did not load", () => {
    const partial = evaluateStaffing([a2], team);
    const hold = partial.findings.find((finding) => finding.code === "agreementNotLoaded")!;
    expect(hold.severity).toBe("hold");
    expect(hold.message).toContain("A3");
    expect(partial.agreements).toHaveLength(1);
  });

  it("uses the reference date given in the options", () => {
    expect(evaluateStaffing([a2, a3], team, { asOf: "2028-03-02" }).findings.some((finding) => finding.code === "backgroundCheckOverdue")).toBe(true);
  });
});
