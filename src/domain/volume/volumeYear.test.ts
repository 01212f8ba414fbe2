import { describe, it, expect } from "vitest";
import { evaluateVolumeYear, dayAfterMonthCloses } from "./volumeYear.ts";
import { buildA3Agreement, buildCase, spread } from "./volumeTestSupport.ts";

const a3 = buildA3Agreement();

/** E09: admitted in 2024; all months ≥ 5 h/week except Feb, May, Sep and Nov 2026. */
function buildE09Case() {
  const ordinary = ["01", "03", "04", "06", "07", "08", "10", "12"].flatMap((month) => spread("25.0", ["05", "10", "15", "20", "25"].map((day) => `2026-${month}-${day}`)));
  return buildCase({
    start: "2024-03-01",
    absences: [{ from: "2026-02-09", to: "2026-02-20", reason: "illness" }],
    crises: [
      { from: "2026-05-01", to: "2026-05-31" },
      { from: "2026-09-01", to: "2026-09-30" },
    ],
    entries: [
      ...ordinary,
      ...spread("18.0", ["2026-02-03", "2026-02-24"]),
      ...spread("9.0", ["2026-05-01", "2026-05-05", "2026-05-12", "2026-05-19", "2026-05-26"]),
      ...spread("16.3", ["2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23", "2026-09-29"]),
      ...spread("17.6", ["2026-11-04", "2026-11-18"]),
    ],
  });
}

describe("E09: more than two calendar months under the minimum in a calendar year (A3-R17b, D13)", () => {
  const caseFile = buildE09Case();

  it("shortfall months Feb 4.50 (unexcused), May 2.03 (crisis), Sep 3.80 (crisis), Nov 4.11 (unexcused)", () => {
    const year = evaluateVolumeYear(a3, caseFile, 2026);
    const shortfalls = year.months.filter((month) => month.status === "shortfall");
    expect(shortfalls.map((month) => [month.month, month.averageWeeklyHoursRounded, month.excused, month.excuse?.reason])).toEqual([
      ["2026-02", "4.50", false, undefined],
      ["2026-05", "2.03", true, "crisis"],
      ["2026-09", "3.80", true, "crisis"],
      ["2026-11", "4.11", false, undefined],
    ]);
    expect(year.months.filter((month) => month.status === "compliant")).toHaveLength(8);
  });

  it("default counting: Sep is no. 3 → TASK 'inform payer' on 01.10.2026; Nov no. 4 → further WARN", () => {
    const year = evaluateVolumeYear(a3, caseFile, 2026);
    expect(year.limit).toBe(2);
    expect(year.countedMonths.map((month) => [month.month, month.number])).toEqual([
      ["2026-02", 1],
      ["2026-05", 2],
      ["2026-09", 3],
      ["2026-11", 4],
    ]);
    expect(year.notification).toEqual({ month: "2026-09", date: "2026-10-01" });
    expect(year.findings.map((finding) => [finding.severity, finding.code, finding.date])).toEqual([
      ["task", "payerInformationShortfallMonths", "2026-10-01"],
      ["warn", "furtherShortfallMonth", "2026-12-01"],
    ]);
    expect(year.findings[0]?.message).toContain("Information an den Leistungsträger");
    expect(year.findings[0]?.explanation).toMatchObject({ ruleId: "A3-R17", policies: [{ decision: "D13", option: "allButIntroduction", origin: "default" }] });
  });

  it("before September closes there is no task (evaluation through August: 2 months)", () => {
    const year = evaluateVolumeYear(a3, caseFile, 2026, { throughMonth: "2026-08" });
    expect(year.shortfallCount).toBe(2);
    expect(year.findings).toEqual([]);
  });

  it("alternative crisisOnly: May → 1, Sep → 2, November is no crisis month → no notification in 2026", () => {
    const year = evaluateVolumeYear(a3, caseFile, 2026, { casePolicies: { D13: "crisisOnly" } });
    expect(year.countedMonths.map((month) => [month.month, month.number])).toEqual([
      ["2026-05", 1],
      ["2026-09", 2],
    ]);
    expect(year.notification).toBeUndefined();
    expect(year.findings).toEqual([]);
    expect(year.explanation?.policies).toEqual([{ decision: "D13", option: "crisisOnly", origin: "case" }]);
  });

  it("the counter starts again on 01.01.2027", () => {
    const year = evaluateVolumeYear(a3, caseFile, 2027, { throughMonth: "2027-01" });
    expect(year.countedMonths).toEqual([{ month: "2027-01", number: 1, excused: false }]);
    expect(year.findings).toEqual([]);
  });

  it("the evaluation date is the first day after the month closes", () => {
    expect(dayAfterMonthCloses("2026-09")).toBe("2026-10-01");
    expect(dayAfterMonthCloses("2026-12")).toBe("2027-01-01");
    expect(dayAfterMonthCloses("2028-02")).toBe("2028-03-01");
  });
});
