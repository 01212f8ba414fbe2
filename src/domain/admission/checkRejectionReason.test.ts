import { describe, it, expect } from "vitest";
import { loadAgreement, loadAgreementWithInputs } from "./agreementFixture.testing.ts";
import { checkRejectionReason } from "./checkRejectionReason.ts";

describe("obligation to admit: checkRejectionReason", () => {
  it("A1-R03: the severity of the disability is never a reason, not even with a justification", () => {
    const result = checkRejectionReason(loadAgreement("A1"), "severityOfDisability", { justification: "zu hoher Aufwand" });
    expect(result.allowed).toBe(false);
    expect(result.finding).toMatchObject({ severity: "block", code: "rejectionReasonForbidden", explanation: { ruleId: "A1-R03", source: { clause: "§ 1.1" } } });
  });

  it("A1-R04: not in the target group is allowed; any other reason is blocked unless justified", () => {
    const a1 = loadAgreement("A1");
    expect(checkRejectionReason(a1, "notEligible")).toMatchObject({ allowed: true, finding: { severity: "info", explanation: { ruleId: "A1-R04" }, details: { reasonRuleId: "A1-R01" } } });
    const other = checkRejectionReason(a1, "teamOverloaded");
    expect(other.allowed).toBe(false);
    expect(other.finding).toMatchObject({ severity: "block", code: "rejectionReasonNotAllowed", explanation: { ruleId: "A1-R04" } });
    const justified = checkRejectionReason(a1, "teamOverloaded", { justification: "Personalausfall, Träger informiert" });
    expect(justified).toMatchObject({ allowed: true, finding: { severity: "warn", code: "rejectionOverride" } });
  });

  it("A1-R04: narrowing and exclusion-list reasons need their inputs (P-A1-04, P-A1-03)", () => {
    const template = loadAgreement("A1");
    const narrowing = checkRejectionReason(template, "outsideNarrowedTargetGroup");
    expect(narrowing.allowed).toBe(false);
    expect(narrowing.finding.severity).toBe("hold");
    expect(narrowing.finding.message).toContain("P-A1-04");
    expect(checkRejectionReason(template, "acuteAddiction").allowed).toBe(false);
    const filled = loadAgreementWithInputs("A1", { "P-A1-04": ["mental"], "P-A1-03": ["acuteAddiction"] });
    expect(checkRejectionReason(filled, "outsideNarrowedTargetGroup").allowed).toBe(true);
    expect(checkRejectionReason(filled, "acuteAddiction").allowed).toBe(true);
  });

  it("A3-R09: capacity and the A3-R08 exclusions are allowed reasons", () => {
    const a3 = loadAgreement("A3");
    for (const reason of ["capacityReached", "acuteSuicidality", "acuteAddiction", "notEligible"]) expect(checkRejectionReason(a3, reason).allowed).toBe(true);
    expect(checkRejectionReason(a3, "severityOfDisability").allowed).toBe(false);
  });

  it("A4-R03: rejection only within the admission procedure", () => {
    const a4 = loadAgreement("A4");
    expect(checkRejectionReason(a4, "outsideBremen").finding).toMatchObject({ explanation: { ruleId: "A4-R03", source: { clause: "§ 2.6" } }, details: { reasonRuleId: "A4-R02" } });
    expect(checkRejectionReason(a4, "capacityReached").allowed).toBe(true);
    expect(checkRejectionReason(a4, "unpleasantBehaviour").allowed).toBe(false);
  });

  it("A2 has no obligation to admit: the rejection is only logged", () => {
    expect(checkRejectionReason(loadAgreement("A2"), "anything")).toMatchObject({ allowed: true, finding: { severity: "info", code: "noObligationToAdmit" } });
  });
});
