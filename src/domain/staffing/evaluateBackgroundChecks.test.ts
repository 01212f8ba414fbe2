import { describe, it, expect } from "vitest";
import { parseDate, formatIsoDate } from "../calendar/calendarDate.ts";
import { earliestAcceptableIssueDate, isCertificateFresh, nextPresentationDue } from "./certificateAge.ts";
import { evaluateBackgroundChecks } from "./evaluateBackgroundChecks.ts";
import { agreementWithInputs, buildTeam, loadStaffingAgreement } from "./staffingTestSupport.ts";
import type { StaffMemberInput } from "./teamFileSchema.ts";

const a2 = loadStaffingAgreement("A2");
const a3 = loadStaffingAgreement("A3");
const a4 = loadStaffingAgreement("A4");

const hired = (agreements: string[], presentations: { presentedOn: string; issuedOn: string }[], extra: Partial<StaffMemberInput> = {}): StaffMemberInput => ({
  id: "E",
  name: "Eva",
  startDate: "2025-03-01",
  fullTimeEquivalents: "1",
  agreements,
  backgroundChecks: presentations,
  ...extra,
});

const evaluate = (agreementIds: string[], staff: StaffMemberInput[], asOf = "2026-03-01", agreements = [a2, a3, a4]) =>
  evaluateBackgroundChecks(agreements, buildTeam({ agreements: agreementIds, staff, asOf }));

describe("E16: certificate age at presentation (A2-R12, A4-R22: „nicht älter als drei Monate“)", () => {
  it("issued 10.01.2025, presented 01.03.2025: 10.04.2025 ≥ 01.03.2025 → accepted", () => {
    expect(isCertificateFresh(parseDate("2025-01-10"), parseDate("2025-03-01"), { months: 3 })).toBe(true);
    const report = evaluate(["A2", "A4"], [hired(["A2", "A4"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])]);
    const eva = report.members[0]!;
    expect(eva.presentations[0]!.status).toBe("accepted");
    expect(eva.status).toBe("ok");
  });

  it("next presentation due 01.03.2030 with a certificate issued no earlier than 01.12.2029", () => {
    const eva = evaluate(["A2", "A4"], [hired(["A2", "A4"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])]).members[0]!;
    expect(eva.nextDue).toEqual({ date: "2030-03-01", drivenBy: ["A2", "A4"], earliestIssueDate: "2029-12-01", complete: true });
    const task = eva.findings.find((finding) => finding.code === "backgroundCheckDue")!;
    expect(task.severity).toBe("task");
    expect(task.date).toBe("2030-03-01");
    expect(task.message).toContain("01.03.2030");
    expect(task.message).toContain("01.12.2029");
    expect(task.explanation.ruleId).toBe("X-R01");
  });

  it("at the 2030 presentation: issued 01.12.2029 → accepted (exactly 3 months); issued 30.11.2029 → rejected", () => {
    expect(formatIsoDate(earliestAcceptableIssueDate(parseDate("2030-03-01"), { months: 3 }))).toBe("2029-12-01");
    const accepted = evaluate(["A2"], [hired(["A2"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }, { presentedOn: "2030-03-01", issuedOn: "2029-12-01" }])], "2030-03-01").members[0]!;
    expect(accepted.presentations[1]!.status).toBe("accepted");
    expect(accepted.nextDue!.date).toBe("2035-03-01");
    const rejected = evaluate(["A2"], [hired(["A2"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }, { presentedOn: "2030-03-01", issuedOn: "2029-11-30" }])], "2030-03-01").members[0]!;
    expect(rejected.presentations[1]!.status).toBe("rejected");
    expect(rejected.findings.find((finding) => finding.code === "certificateTooOld")!.message).toContain("30.11.2029");
    // The due date still runs from the 2025 presentation, and 01.03.2030 is the last day.
    expect(rejected.nextDue!.date).toBe("2030-03-01");
  });

  it("issued 15.11.2024, presented 01.03.2025: 15.02.2025 < 01.03.2025 → rejected, and nobody may start without a valid certificate (BLOCK)", () => {
    expect(isCertificateFresh(parseDate("2024-11-15"), parseDate("2025-03-01"), { months: 3 })).toBe(false);
    const eva = evaluate(["A2"], [hired(["A2"], [{ presentedOn: "2025-03-01", issuedOn: "2024-11-15" }])]).members[0]!;
    expect(eva.presentations[0]!.status).toBe("rejected");
    expect(eva.status).toBe("blocked");
    const block = eva.findings.find((finding) => finding.code === "backgroundCheckMissing")!;
    expect(block.severity).toBe("block");
    expect(block.explanation.ruleId).toBe("A2-R12");
  });
});

describe("E16: A3 interval of at most 3 years (A3-R22) and the strictest rule across agreements (X-R01)", () => {
  const volunteer: StaffMemberInput = {
    id: "V",
    volunteer: true,
    permanentRole: true,
    clientContact: "regular",
    startDate: "2026-02-01",
    agreements: ["A3"],
    backgroundChecks: [{ presentedOn: "2026-02-01", issuedOn: "2025-06-01" }],
  };

  it("A3 volunteer, permanent role from 01.02.2026 → next due 01.02.2029; no maximum age unless P-A3-15 is set", () => {
    const check = evaluate(["A3"], [volunteer]).members[0]!;
    expect(check.presentations[0]!.status).toBe("accepted");
    expect(check.nextDue).toEqual({ date: "2029-02-01", drivenBy: ["A3"], complete: true });
    expect(formatIsoDate(nextPresentationDue(parseDate("2026-02-01"), { years: 3 }))).toBe("2029-02-01");
    const strict = evaluateBackgroundChecks([agreementWithInputs("A3", { "P-A3-15": 3 })], buildTeam({ agreements: ["A3"], staff: [volunteer] })).members[0]!;
    expect(strict.presentations[0]!.status).toBe("rejected");
  });

  it("the same employee working in A2 and A3: next due = min(01.03.2030, 01.03.2028) = 01.03.2028", () => {
    const eva = evaluate(["A2", "A3"], [hired(["A2", "A3"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])]).members[0]!;
    expect(eva.agreements.map((rule) => [rule.agreementId, rule.dueDate])).toEqual([
      ["A2", "2030-03-01"],
      ["A3", "2028-03-01"],
    ]);
    expect(eva.nextDue!.date).toBe("2028-03-01");
    expect(eva.nextDue!.drivenBy).toEqual(["A3"]);
    // The A2 maximum age of 3 months still applies to the next certificate (the shortest configured).
    expect(eva.nextDue!.earliestIssueDate).toBe("2027-12-01");
    const task = eva.findings.find((finding) => finding.code === "backgroundCheckDue")!;
    expect(task.explanation.ruleId).toBe("X-R01");
    expect(task.explanation.source.file).toBe("003_ff97f79a5ff20350.txt");
  });

  it("an old certificate accepted under A3 alone is rejected once the person also works under A2", () => {
    const both = { ...volunteer, agreements: ["A2", "A3"], dependencyPowerTrustPossible: true };
    const check = evaluate(["A2", "A3"], [both]).members[0]!;
    expect(check.presentations[0]!.status).toBe("rejected");
    expect(check.presentations[0]!.reasons).toEqual(["A2: älter als 3 Monate"]);
  });

  it("volunteers under A2 are in scope only when dependency, power or trust relationships are possible", () => {
    const casual = { ...volunteer, agreements: ["A2"] };
    expect(evaluate(["A2"], [casual]).members[0]!.status).toBe("notRequired");
    expect(evaluate(["A2"], [{ ...casual, dependencyPowerTrustPossible: true }]).members[0]!.status).not.toBe("notRequired");
  });
});

describe("A1 leaves interval and maximum age open (A1-R24, D24)", () => {
  it("holds naming P-A1-08 and P-A1-16; nothing is copied from A2 or A3", () => {
    const check = evaluateBackgroundChecks([loadStaffingAgreement("A1")], buildTeam({ agreements: ["A1"], staff: [hired(["A1"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])] })).members[0]!;
    expect(check.status).toBe("held");
    expect(check.nextDue).toBeUndefined();
    const messages = check.findings.filter((finding) => finding.severity === "hold").map((finding) => finding.message);
    expect(messages.join(" ")).toContain("P-A1-08");
    expect(messages.join(" ")).toContain("P-A1-16");
    expect(check.findings[0]!.explanation.policies).toContainEqual({ decision: "D24", option: "input", origin: "default" });
  });

  it("once the inputs are filled (TEST FIXTURE 36 and 3 months) the due date follows", () => {
    const a1 = agreementWithInputs("A1", { "P-A1-08": 36, "P-A1-16": 3 });
    const check = evaluateBackgroundChecks([a1], buildTeam({ agreements: ["A1"], staff: [hired(["A1"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])] })).members[0]!;
    expect(check.nextDue!.date).toBe("2028-03-01");
  });

  it("with A1 open and A2 known, the A2 date is shown as provisional", () => {
    const check = evaluateBackgroundChecks([loadStaffingAgreement("A1"), a2], buildTeam({ agreements: ["A1", "A2"], staff: [hired(["A1", "A2"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }])] })).members[0]!;
    expect(check.nextDue).toMatchObject({ date: "2030-03-01", complete: false });
  });
});

describe("convictions, missing checks, overdue checks and events", () => {
  it("a relevant conviction blocks contact work (A2-R12, A3-R21)", () => {
    const check = evaluate(["A3"], [hired(["A3"], [{ presentedOn: "2025-03-01", issuedOn: "2025-02-01" }], { relevantConviction: true })]).members[0]!;
    expect(check.status).toBe("blocked");
    const block = check.findings.find((finding) => finding.code === "relevantConviction")!;
    expect(block.severity).toBe("block");
    expect(block.explanation.ruleId).toBe("A3-R21");
  });

  it("a future hire gets a task due on the first day", () => {
    const check = evaluate(["A2"], [hired(["A2"], [], { startDate: "2026-04-01" })]).members[0]!;
    const task = check.findings.find((finding) => finding.code === "backgroundCheckBeforeStart")!;
    expect(task.severity).toBe("task");
    expect(task.date).toBe("2026-04-01");
  });

  it("a certificate older than the interval is overdue (WARN)", () => {
    const check = evaluate(["A2"], [hired(["A2"], [{ presentedOn: "2020-01-15", issuedOn: "2020-01-02" }], { startDate: "2020-01-15" })]).members[0]!;
    expect(check.status).toBe("overdue");
    expect(check.findings.find((finding) => finding.code === "backgroundCheckOverdue")!.date).toBe("2025-01-15");
  });

  it("a known investigation needs protective measures the same day (A2-R13); concrete indications under A3 a current certificate (WARN)", () => {
    const events = [
      { kind: "investigationKnown" as const, date: "2026-02-20" },
      { kind: "concreteIndications" as const, date: "2026-02-25" },
    ];
    const check = evaluate(["A2", "A3"], [hired(["A2", "A3"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }], { events })]).members[0]!;
    const measures = check.findings.find((finding) => finding.code === "protectiveMeasuresRequired")!;
    expect(measures).toMatchObject({ severity: "task", date: "2026-02-20" });
    expect(measures.explanation.source.quote).toContain("unverzüglich");
    const request = check.findings.find((finding) => finding.code === "currentCertificateRequested")!;
    expect(request).toMatchObject({ severity: "warn", date: "2026-02-25" });
    const handled = evaluate(["A2"], [hired(["A2"], [{ presentedOn: "2025-03-01", issuedOn: "2025-01-10" }], { events: [{ kind: "investigationKnown", date: "2026-02-20", measuresRecordedOn: "2026-02-20" }] })]).members[0]!;
    expect(handled.findings.find((finding) => finding.code === "protectiveMeasuresRequired")).toBeUndefined();
  });

  it("A0 sets no background-check rule", () => {
    const check = evaluateBackgroundChecks([loadStaffingAgreement("A0")], buildTeam({ agreements: ["A0"], staff: [hired(["A0"], [])] })).members[0]!;
    expect(check.status).toBe("notRegulated");
    expect(check.findings).toEqual([]);
  });
});
