/**
 * E17 (A4 reports and lifecycle: A4-R23, R24, R26, R28; D20, D25), A0-R16 expiry and A2-R14 (input P-A2-10),
 * on the real agreement files.
 */
import { describe, it, expect } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { caseFileSchema } from "../case/caseFileSchema.ts";
import { collectCaseYears, computeAgreementDeadlines } from "./agreementDeadlines.ts";
import type { Deadline } from "./deadline.ts";

const catalogue = loadCatalogue();

function agreement(id: string): Agreement {
  const found = catalogue.agreements.get(id);
  if (!found) throw new Error(`Vereinbarung ${id} nicht geladen: ${catalogue.issues.map((issue) => `${issue.file} ${issue.path}: ${issue.message}`).join("; ")}`);
  return found;
}

const ofRule = (deadlines: Deadline[], ruleKey: string) => deadlines.filter((deadline) => deadline.ruleKey === ruleKey);

describe("E17: A4 reports and lifecycle", () => {
  const a4 = agreement("A4");

  it("quality report for 2026 due Wed 31.03.2027, after the agreement has ended", () => {
    const [report, ...others] = ofRule(computeAgreementDeadlines(a4, { asOf: "2026-03-01" }), "A4-qualitaetsbericht");
    expect(others).toHaveLength(0);
    expect([report!.nominalDue, report!.workingDayDue, report!.shifted]).toEqual(["2027-03-31", "2027-03-31", false]);
    expect(report!.title).toBe("Berichtsraster Qualitätsprüfung an die Senatorin übermitteln 2026");
    expect(report!.explanation.ruleId).toBe("A4-R23");
    expect(report!.details).toEqual({ reportYear: 2026 });
  });

  it("hospital-accompaniment report for 2026 due Sun 31.01.2027 → Mon 01.02.2027 (§ 193 BGB, D20); none without accompaniment", () => {
    const [report] = ofRule(computeAgreementDeadlines(a4, { asOf: "2026-03-01", accompanimentYears: [2026] }), "A4-bericht-begleitung-krankenhaus");
    expect([report!.nominalDue, report!.workingDayDue, report!.drivingDue, report!.shifted]).toEqual(["2027-01-31", "2027-02-01", "2027-02-01", true]);
    expect(report!.explanation.ruleId).toBe("A4-R24");
    expect(ofRule(computeAgreementDeadlines(a4, { asOf: "2026-03-01" }), "A4-bericht-begleitung-krankenhaus")).toHaveLength(0);
    const nominal = ofRule(computeAgreementDeadlines(a4, { asOf: "2027-01-31", accompanimentYears: [2026], policies: { D20: "nominalDrives" } }), "A4-bericht-begleitung-krankenhaus")[0]!;
    expect(nominal.drivingDue).toBe("2027-01-31");
  });

  it("notice dates for the end on 30.06.2026: pricing part Tue 19.05.2026, other parts Tue 31.03.2026; stored only (D25)", () => {
    const notices = ofRule(computeAgreementDeadlines(a4, { asOf: "2026-03-01" }), "A4-kuendigung");
    expect(notices.map((notice) => [notice.details?.part, notice.nominalDue, notice.workingDayDue])).toEqual([
      ["übrige Bestandteile", "2026-03-31", "2026-03-31"],
      ["Vergütungsvereinbarung", "2026-05-19", "2026-05-19"],
    ]);
    for (const notice of notices) {
      expect(notice.status).toBe("info");
      expect(notice.severity).toBe("info");
      expect(notice.explanation.ruleId).toBe("A4-R28");
      expect(notice.explanation.source.clause).toBe("§ 7.3");
      expect(notice.explanation.policies).toContainEqual({ decision: "D25", option: "storeOnly", origin: "default" });
      expect(notice.note).toContain("D25");
    }
  });

  it("notice dates become tasks when the agreement does not expire by itself", () => {
    const continued: Agreement = { ...a4, validity: { ...a4.validity, autoExpire: false } };
    const notices = ofRule(computeAgreementDeadlines(continued, { asOf: "2026-03-20" }), "A4-kuendigung");
    expect(notices.map((notice) => [notice.status, notice.severity])).toEqual([
      ["dueSoon", "task"],
      ["open", "task"],
    ]);
  });

  it("expiry at the end of 30.06.2026: due soon within the lead time, informational once expired", () => {
    const ahead = ofRule(computeAgreementDeadlines(a4, { asOf: "2026-05-01" }), "A4-laufzeitende")[0]!;
    expect([ahead.nominalDue, ahead.workingDayDue, ahead.status, ahead.severity]).toEqual(["2026-06-30", "2026-06-30", "dueSoon", "task"]);
    expect(ahead.note).toContain("endet ohne Kündigung");
    expect(ahead.explanation.ruleId).toBe("A4-R26");
    expect(ofRule(computeAgreementDeadlines(a4, { asOf: "2026-01-15" }), "A4-laufzeitende")[0]!.status).toBe("open");
    const after = ofRule(computeAgreementDeadlines(a4, { asOf: "2026-07-01" }), "A4-laufzeitende")[0]!;
    expect([after.status, after.severity]).toEqual(["info", "info"]);
  });
});

describe("A0-R16 and A2-R14", () => {
  it("A0 ends at the end of 30.11.2027 (a Tuesday), no notice dates", () => {
    const deadlines = computeAgreementDeadlines(agreement("A0"), { asOf: "2027-10-01", serviceYears: [2026, 2027] });
    expect(deadlines.map((deadline) => [deadline.ruleKey, deadline.nominalDue, deadline.status])).toEqual([["A0-laufzeitende", "2027-11-30", "dueSoon"]]);
  });

  it("A2 quality report: held naming P-A2-10 in the template; the instance's day 31.03. gives 31.03. of the following year", () => {
    const held = computeAgreementDeadlines(agreement("A2"), { asOf: "2026-01-10", serviceYears: [2025] });
    expect(held.map((deadline) => [deadline.ruleKey, deadline.nominalDue, deadline.severity, deadline.missingInput?.inputId])).toEqual([["A2-qualitaetsbericht", null, "hold", "P-A2-10"]]);
    expect(held[0]!.missingInput!.message).toContain("P-A2-10");
    const instance = computeAgreementDeadlines(agreement("A2-beispiel-bremen"), { asOf: "2026-01-10", serviceYears: [2025] });
    expect(instance.map((deadline) => [deadline.ruleKey, deadline.nominalDue, deadline.status])).toEqual([["A2-qualitaetsbericht", "2026-03-31", "open"]]);
  });
});

describe("collectCaseYears", () => {
  it("service years from case periods up to the as-of date, accompaniment years from accompaniment lines", () => {
    const caseFile = caseFileSchema.parse({
      agreement: "A4",
      client: { id: "P" },
      case: { id: "F", start: "2025-11-01" },
      accompaniment: [{ date: "2026-02-03", minutes: 90, qualification: "skilled" }],
    });
    expect(collectCaseYears([caseFile], "2026-03-01")).toEqual({ serviceYears: [2025, 2026], accompanimentYears: [2026] });
    const future = caseFileSchema.parse({ agreement: "A4", client: { id: "Q" }, case: { id: "G", start: "2027-01-01" } });
    expect(collectCaseYears([future], "2026-03-01")).toEqual({ serviceYears: [], accompanimentYears: [] });
  });
});
