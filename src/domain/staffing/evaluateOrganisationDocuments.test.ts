import { describe, it, expect } from "vitest";
import { evaluateOrganisationDocuments } from "./evaluateOrganisationDocuments.ts";
import { buildTeam, loadStaffingAgreement } from "./staffingTestSupport.ts";

describe("organisation documents of the staffing area (A3-R20, A2-R15, A4-R20, A4-R22, A0-R14)", () => {
  it("E16: A3 risk analysis dated 15.05.2025 → next due 15.05.2028 (TASK)", () => {
    const team = buildTeam({ agreements: ["A3"], documents: [{ kind: "riskAnalysis", date: "2025-05-15" }] });
    const risk = evaluateOrganisationDocuments([loadStaffingAgreement("A3")], team).find((status) => status.kind === "riskAnalysis")!;
    expect(risk.status).toBe("due");
    expect(risk.nextDue).toBe("2028-05-15");
    expect(risk.finding).toMatchObject({ severity: "task", date: "2028-05-15" });
    expect(risk.finding.message).toContain("15.05.2028");
    expect(risk.finding.explanation.ruleId).toBe("A3-R20");
    expect(risk.finding.explanation.source.quote).toContain("im Abstand von 3 Jahren");
  });

  it("the latest analysis counts; an overdue one warns; a missing one warns", () => {
    const agreements = [loadStaffingAgreement("A3")];
    const latest = evaluateOrganisationDocuments(agreements, buildTeam({ agreements: ["A3"], documents: [{ kind: "riskAnalysis", date: "2019-05-15" }, { kind: "riskAnalysis", date: "2025-05-15" }] }));
    expect(latest.find((status) => status.kind === "riskAnalysis")!.lastDate).toBe("2025-05-15");
    const overdue = evaluateOrganisationDocuments(agreements, buildTeam({ agreements: ["A3"], documents: [{ kind: "riskAnalysis", date: "2022-05-15" }] }));
    expect(overdue.find((status) => status.kind === "riskAnalysis")!.finding).toMatchObject({ severity: "warn", code: "organisationDocumentOverdue", date: "2025-05-15" });
    const missing = evaluateOrganisationDocuments(agreements, buildTeam({ agreements: ["A3"] }));
    expect(missing.map((status) => [status.kind, status.status, status.finding.severity])).toEqual([
      ["riskAnalysis", "missing", "warn"],
      ["violenceProtectionConcept", "missing", "warn"],
      ["sexualSelfDeterminationConcept", "missing", "warn"],
    ]);
  });

  it("A4 staffing plan agreed half-yearly: 05.01.2026 → next 05.07.2026; without a record a task without a due date", () => {
    const a4 = [loadStaffingAgreement("A4")];
    const plan = evaluateOrganisationDocuments(a4, buildTeam({ agreements: ["A4"], documents: [{ kind: "staffingPlanAgreement", date: "2026-01-05", agreement: "A4" }] }));
    expect(plan.find((status) => status.kind === "staffingPlanAgreement")!.nextDue).toBe("2026-07-05");
    const none = evaluateOrganisationDocuments(a4, buildTeam({ agreements: ["A4"] })).find((status) => status.kind === "staffingPlanAgreement")!;
    expect(none.finding.severity).toBe("task");
    expect(none.finding.date).toBeUndefined();
  });

  it("one violence-protection concept serves A2 and A4; A0 needs its absence and handover rules", () => {
    const team = buildTeam({ agreements: ["A2", "A4", "A0"], documents: [{ kind: "violenceProtectionConcept", date: "2024-10-01" }] });
    const statuses = evaluateOrganisationDocuments([loadStaffingAgreement("A2"), loadStaffingAgreement("A4"), loadStaffingAgreement("A0")], team);
    expect(statuses.filter((status) => status.kind === "violenceProtectionConcept").map((status) => [status.agreementId, status.status])).toEqual([
      ["A2", "present"],
      ["A4", "present"],
    ]);
    expect(statuses.filter((status) => status.agreementId === "A0").map((status) => status.finding.explanation.ruleId)).toEqual(["A0-R14", "A0-R14"]);
  });

  it("documents dated after the reference date do not count yet", () => {
    const team = buildTeam({ agreements: ["A3"], asOf: "2025-01-01", documents: [{ kind: "riskAnalysis", date: "2025-05-15" }] });
    expect(evaluateOrganisationDocuments([loadStaffingAgreement("A3")], team)[0]!.status).toBe("missing");
  });
});
