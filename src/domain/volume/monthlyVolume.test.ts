import { describe, it, expect } from "vitest";
import { evaluateMonthlyVolume } from "./monthlyVolume.ts";
import { evaluateVolumeYear } from "./volumeYear.ts";
import { buildA3Agreement, buildCase, entry, spread } from "./volumeTestSupport.ts";

const a3 = buildA3Agreement();
const policyOf = (result: { explanation: { policies?: { decision: string; option: string; origin: string }[] } }, decision: string) =>
  result.explanation.policies?.find((policy) => policy.decision === decision);

describe("E06: A3 monthly average against 5–15 h/week (A3-R14, A3-R18, D11)", () => {
  const caseFile = buildCase({
    start: "2024-03-01",
    entries: [
      ...spread("18.0", ["2026-02-03", "2026-02-10", "2026-02-17", "2026-02-24"]),
      // Only time with the person counts: documentation (indirect) and work without the person do not.
      entry("2026-02-05", "3.0", { timeKind: "indirect" }),
      entry("2026-02-06", "2.0", { withoutPersonPresent: true }),
      ...spread("70.0", ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]),
      ...spread("20.5", ["2026-04-07", "2026-04-14", "2026-04-21", "2026-04-28"]),
    ],
  });

  it("February 2026: 18.0 h ÷ 4 weeks = 4.50 → shortfall, monthly equivalents 20.00 / 60.00", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-02");
    expect(result.hours.toString()).toBe("18");
    expect(result.denominator?.weeks.toString()).toBe("4");
    expect(result.averageWeeklyHoursRounded).toBe("4.50");
    expect(result.status).toBe("shortfall");
    expect(result.excused).toBe(false);
    expect(result.monthlyEquivalents).toEqual({ minimumHours: "20.00", maximumHours: "60.00" });
    const warning = result.findings.find((finding) => finding.code === "volumeShortfall");
    expect(warning?.severity).toBe("warn");
    expect(warning?.message).toContain("4,50 Std./Woche");
    expect(warning?.explanation.ruleId).toBe("A3-R14");
    expect(policyOf(result, "D11")).toEqual({ decision: "D11", option: "calendarDays", origin: "default" });
    expect(policyOf(result, "D31")?.option).toBe("noReduction");
  });

  it("March 2026: 70.0 h ÷ 4.428571 weeks = 15.81 → over maximum, WARN without exception", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-03");
    expect(result.averageWeeklyHoursRounded).toBe("15.81");
    expect(result.status).toBe("overMaximum");
    expect(result.monthlyEquivalents).toEqual({ minimumHours: "22.14", maximumHours: "66.43" });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: "warn", code: "volumeOverMaximum", explanation: { ruleId: "A3-R18" } });
  });

  it("March 2026 stays over maximum even during a crisis: the exceptions are for the minimum only", () => {
    const inCrisis = { ...caseFile, crises: [{ from: "2026-03-01" }] };
    const result = evaluateMonthlyVolume(a3, inCrisis, "2026-03");
    expect(result.status).toBe("overMaximum");
    expect(result.excused).toBe(false);
  });

  it("April 2026, 20.5 h: days ÷ 7 → 4.78 shortfall (default)", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-04");
    expect(result.denominator).toMatchObject({ option: "calendarDays", countedDays: 30, daysPerWeek: 7 });
    expect(result.averageWeeklyHoursRounded).toBe("4.78");
    expect(result.status).toBe("shortfall");
  });

  it("April 2026: working days without NI holidays (Karfreitag 03.04, Ostermontag 06.04) = 20 → 5.13 (exact 5.125) compliant", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-04", { casePolicies: { D11: "workingDaysWithoutHolidays" } });
    expect(result.denominator?.countedDays).toBe(20);
    expect(result.denominator?.weeks.toString()).toBe("4");
    expect(result.denominator?.holidaysLeftOut).toEqual([
      { date: "2026-04-03", name: "Karfreitag" },
      { date: "2026-04-06", name: "Ostermontag" },
    ]);
    expect(result.averageWeeklyHours?.toString()).toBe("5.125");
    expect(result.averageWeeklyHoursRounded).toBe("5.13");
    expect(result.status).toBe("compliant");
    expect(policyOf(result, "D11")).toEqual({ decision: "D11", option: "workingDaysWithoutHolidays", origin: "case" });
  });

  it("April 2026: working days with holidays = 22 = 4.4 weeks → 4.66 shortfall; the agreement may select it", () => {
    const agreement = buildA3Agreement({ policies: { D11: "workingDaysWithHolidays" } });
    const result = evaluateMonthlyVolume(agreement, caseFile, "2026-04");
    expect(result.denominator?.countedDays).toBe(22);
    expect(result.denominator?.weeks.toString()).toBe("4.4");
    expect(result.averageWeeklyHoursRounded).toBe("4.66");
    expect(result.status).toBe("shortfall");
    expect(policyOf(result, "D11")).toEqual({ decision: "D11", option: "workingDaysWithHolidays", origin: "agreement" });
  });

  it("D31: a recorded illness is shown but does not reduce the denominator", () => {
    const ill = { ...caseFile, absences: [{ from: "2026-02-09", to: "2026-02-20", reason: "illness" as const }] };
    const result = evaluateMonthlyVolume(a3, ill, "2026-02");
    expect(result.denominator?.weeks.toString()).toBe("4");
    expect(result.status).toBe("shortfall");
    expect(result.recordedAbsences).toHaveLength(1);
    expect(result.findings.find((finding) => finding.code === "volumeReasonRecorded")?.message).toContain("Krankheit 09.02.2026–20.02.2026");
  });

  it("a month outside the case is not enrolled", () => {
    expect(evaluateMonthlyVolume(a3, caseFile, "2024-02").status).toBe("notEnrolled");
  });
});

describe("E07: A3 first three months (A3-R15, D12)", () => {
  const excuse = (month: string) => ({ month, reason: "introduction" as const, justification: "Heranführung an das Betätigungsangebot", prognosis: "Mindestinanspruchnahme ab Mai erwartet" });
  const entries = [
    entry("2026-01-10", "4.0"), // before the first day of use: not counted
    ...spread("6.0", ["2026-01-15", "2026-01-22", "2026-01-29"]),
    ...spread("14.0", ["2026-02-05", "2026-02-12", "2026-02-19", "2026-02-26"]),
    ...spread("21.0", ["2026-03-05", "2026-03-12", "2026-03-19", "2026-03-26"]),
    ...spread("19.0", ["2026-04-02", "2026-04-09", "2026-04-16", "2026-04-23"]),
  ];
  const caseFile = buildCase({ start: "2026-01-15", entries, volumeExcuses: ["2026-01", "2026-02", "2026-03", "2026-04"].map(excuse) });

  it("the window runs 15.01.2026–14.04.2026 (§ 187 Abs. 2 BGB)", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-01");
    expect(result.introduction?.window).toEqual({ from: "2026-01-15", to: "2026-04-14" });
  });

  it("January: 17 enrolled days = 2.428571 weeks, 6.0 h → 2.47, excused", () => {
    const result = evaluateMonthlyVolume(a3, caseFile, "2026-01");
    expect(result.enrolled).toEqual({ from: "2026-01-15", to: "2026-01-31", days: 17 });
    expect(result.hours.toString()).toBe("6");
    expect(result.averageWeeklyHoursRounded).toBe("2.47");
    expect(result.status).toBe("shortfall");
    expect(result.excused).toBe(true);
    expect(result.excuse).toEqual({ reason: "introduction", ruleId: "A3-R15" });
    expect(result.findings[0]).toMatchObject({ severity: "info", code: "volumeShortfallExcusedIntroduction" });
    expect(result.countsTowardShortfallLimit).toBe(false);
  });

  it("February 3.50 and March 4.74 are excused", () => {
    const february = evaluateMonthlyVolume(a3, caseFile, "2026-02");
    const march = evaluateMonthlyVolume(a3, caseFile, "2026-03");
    expect([february.averageWeeklyHoursRounded, february.excused]).toEqual(["3.50", true]);
    expect([march.averageWeeklyHoursRounded, march.excused]).toEqual(["4.74", true]);
  });

  it("April 4.43 straddles the window end: strict (default) not excused, shortfall no. 1 of 2026", () => {
    const april = evaluateMonthlyVolume(a3, caseFile, "2026-04");
    expect(april.averageWeeklyHoursRounded).toBe("4.43");
    expect(april.introduction).toMatchObject({ straddlesWindowEnd: true, insideWindow: false, option: "strict" });
    expect(april.excused).toBe(false);
    expect(april.countsTowardShortfallLimit).toBe(true);
    expect(april.findings[0]?.message).toContain("14.04.2026");
    expect(policyOf(april, "D12")).toEqual({ decision: "D12", option: "strict", origin: "default" });
    const year = evaluateVolumeYear(a3, caseFile, 2026, { throughMonth: "2026-04" });
    expect(year.countedMonths).toEqual([{ month: "2026-04", number: 1, excused: false }]);
    expect(year.findings).toEqual([]);
  });

  it("April under the generous policy: excused and not counted", () => {
    const april = evaluateMonthlyVolume(a3, caseFile, "2026-04", { casePolicies: { D12: "generous" } });
    expect(april.excused).toBe(true);
    expect(april.excuse?.reason).toBe("introduction");
    expect(april.countsTowardShortfallLimit).toBe(false);
    expect(policyOf(april, "D12")).toEqual({ decision: "D12", option: "generous", origin: "case" });
  });

  it("without the February justification, February is an unexcused shortfall", () => {
    const missing = { ...caseFile, volumeExcuses: caseFile.volumeExcuses!.map((record) => (record.month === "2026-02" ? { ...record, justification: undefined } : record)) };
    const february = evaluateMonthlyVolume(a3, missing, "2026-02");
    expect(february.excused).toBe(false);
    expect(february.introduction?.missing).toEqual(["justification"]);
    expect(february.findings[0]).toMatchObject({ severity: "warn", code: "volumeShortfall" });
    expect(february.findings[0]?.message).toContain("fehlt die Begründung");
  });

  it("without any record for January (no prognosis either), January is not excused", () => {
    const none = { ...caseFile, volumeExcuses: [] };
    expect(evaluateMonthlyVolume(a3, none, "2026-01").introduction?.missing).toEqual(["justification", "prognosis"]);
  });
});

describe("E08: A3 crisis and the weekly contact (A3-R16, D14); the day-29 task of A3-R17a is in deadlines", () => {
  const base = [entry("2026-04-28", "1.0"), entry("2026-05-05", "3.0"), entry("2026-05-12", "3.0")];
  const withoutWeek21 = buildCase({ start: "2024-03-01", crises: [{ from: "2026-04-27" }], entries: [...base, entry("2026-05-26", "3.0")] });
  const withWeek21 = buildCase({
    start: "2024-03-01",
    crises: [{ from: "2026-04-27" }],
    entries: [...base, entry("2026-05-20", "0.5", { mode: "remote", remoteChannel: "phone" }), entry("2026-05-26", "2.5")],
  });

  it("May 2026: 9.0 h ÷ 4.428571 = 2.03; weeks W18 … W22 overlap May and the crisis", () => {
    const may = evaluateMonthlyVolume(a3, withoutWeek21, "2026-05");
    expect(may.hours.toString()).toBe("9");
    expect(may.averageWeeklyHoursRounded).toBe("2.03");
    expect(may.crisis?.weeks.map((week) => [week.from, week.to])).toEqual([
      ["2026-04-27", "2026-05-03"],
      ["2026-05-04", "2026-05-10"],
      ["2026-05-11", "2026-05-17"],
      ["2026-05-18", "2026-05-24"],
      ["2026-05-25", "2026-05-31"],
    ]);
  });

  it("no contact in W21 (18.–24.05.) → the exception fails, unexcused shortfall that counts", () => {
    const may = evaluateMonthlyVolume(a3, withoutWeek21, "2026-05");
    expect(may.crisis?.missingWeeks.map((week) => week.from)).toEqual(["2026-05-18"]);
    expect(may.excused).toBe(false);
    expect(may.countsTowardShortfallLimit).toBe(true);
    expect(may.findings[0]).toMatchObject({ severity: "warn", code: "volumeShortfall" });
    expect(may.findings[0]?.message).toContain("18.05.2026–24.05.2026");
    expect(policyOf(may, "D14")).toEqual({ decision: "D14", option: "isoWeek", origin: "default" });
  });

  it("variant with a (remote) contact on 20.05.2026 → excused by the crisis, and still counts under D13", () => {
    const may = evaluateMonthlyVolume(a3, withWeek21, "2026-05");
    expect(may.averageWeeklyHoursRounded).toBe("2.03");
    expect(may.excused).toBe(true);
    expect(may.excuse).toEqual({ reason: "crisis", ruleId: "A3-R16" });
    expect(may.findings[0]).toMatchObject({ severity: "info", code: "volumeShortfallExcusedCrisis" });
    expect(may.countsTowardShortfallLimit).toBe(true);
    expect(policyOf(may, "D13")).toEqual({ decision: "D13", option: "allButIntroduction", origin: "default" });
  });

  it("D14 rolling7: 7-day windows from a Wednesday crisis start can hold where ISO weeks fail", () => {
    const caseFile = buildCase({
      start: "2024-03-01",
      crises: [{ from: "2026-05-06" }],
      entries: [entry("2026-05-12", "2.0"), entry("2026-05-19", "2.0"), entry("2026-05-26", "2.0"), entry("2026-06-01", "2.0")],
    });
    const iso = evaluateMonthlyVolume(a3, caseFile, "2026-05");
    expect(iso.crisis?.missingWeeks.map((week) => week.from)).toEqual(["2026-05-04"]);
    expect(iso.excused).toBe(false);
    const rolling = evaluateMonthlyVolume(a3, caseFile, "2026-05", { casePolicies: { D14: "rolling7" } });
    expect(rolling.crisis?.weeks.map((week) => week.from)).toEqual(["2026-05-06", "2026-05-13", "2026-05-20", "2026-05-27"]);
    expect(rolling.excused).toBe(true);
  });
});

describe("inputs (M17)", () => {
  it("a band whose minimum is an open input is held, naming the input", () => {
    const agreement = buildA3Agreement({
      inputs: [{ id: "P-X-01", label: "Mindeststunden je Woche", type: "decimal", source: { file: "003_ff97f79a5ff20350.txt", clause: "§ 4", quote: "wenigstens 5 Stunden" } }],
    });
    const band = agreement.volume!.weeklyBand!;
    const withInput = { ...agreement, volume: { ...agreement.volume, weeklyBand: { ...band, minimumWeeklyHours: { input: "P-X-01" } } } };
    const result = evaluateMonthlyVolume(withInput, buildCase({ start: "2024-01-01" }), "2026-02");
    expect(result.status).toBe("held");
    expect(result.findings[0]).toMatchObject({ severity: "hold", code: "volumeInputMissing" });
    expect(result.findings[0]?.message).toContain("P-X-01");
  });

  it("an agreement without a band is not applicable", () => {
    const agreement = buildA3Agreement({ volume: {} });
    expect(evaluateMonthlyVolume(agreement, buildCase({ start: "2024-01-01" }), "2026-02").status).toBe("notApplicable");
  });
});
