import { describe, it, expect } from "vitest";
import { Exact } from "../money/amount.ts";
import { checkNeedGroupCorridor, classifyAgainstCorridor, evaluateNeedGroupCorridorsOfYear, parseCorridorWindow } from "./needGroupCorridor.ts";
import { buildA2Agreement, buildCase, entry, spread } from "./volumeTestSupport.ts";

const a2 = buildA2Agreement();
const corridorOf = (group: number) => a2.volume!.needGroupCorridors!.groups.find((corridor) => corridor.group === group)!;

describe("A2-R03 corridor table from the data file", () => {
  it("HBG 1–5: mean 2/4/8/15/23, corridors 1–3, 3–5, 5–11, 11–19, 19–27", () => {
    expect(a2.volume!.needGroupCorridors!.groups.map((corridor) => [corridor.group, corridor.meanWeeklyHours, corridor.fromWeeklyHours, corridor.toWeeklyHours])).toEqual([
      [1, "2", "1", "3"],
      [2, "4", "3", "5"],
      [3, "8", "5", "11"],
      [4, "15", "11", "19"],
      [5, "23", "19", "27"],
    ]);
  });
});

describe("E05: corridor boundaries and plausibility (A2-R03, A2-R04, D08)", () => {
  it("person Y at 5.0 h/week passes with HBG 2 [3, 5] and with HBG 3 [5, 11]: both ends inside", () => {
    expect(classifyAgainstCorridor(new Exact("5.0"), corridorOf(2))).toBe("within");
    expect(classifyAgainstCorridor(new Exact("5.0"), corridorOf(3))).toBe("within");
    expect(classifyAgainstCorridor(new Exact("4.99"), corridorOf(3))).toBe("below");
    expect(classifyAgainstCorridor(new Exact("5.01"), corridorOf(2))).toBe("above");
  });

  it("person Y through a case: February 2026, 20.0 h = 5.00 h/week, HBG 2 or HBG 3 from the Gesamtplan → no warning", () => {
    for (const group of [2, 3]) {
      const caseFile = buildCase({ start: "2025-01-01", needGroups: [{ from: "2025-01-01", group }], entries: spread("20.0", ["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"]) });
      const result = checkNeedGroupCorridor(a2, caseFile, "2026-02");
      expect(result.segments[0]).toMatchObject({ needGroup: group, averageWeeklyHoursRounded: "5.00", position: "within" });
      expect(result.findings.map((finding) => finding.severity)).toEqual(["info"]);
    }
  });

  it("person X, HBG 3, Q1 2026 = 90 days = 12.857143 weeks, 60.0 h direct → 4.67 < 5 → WARN, no billing effect", () => {
    const caseFile = buildCase({
      start: "2025-01-01",
      needGroups: [{ from: "2025-01-01", group: 3 }],
      entries: [
        ...spread("50.0", ["2026-01-07", "2026-01-21", "2026-02-04", "2026-02-18", "2026-03-04", "2026-03-18"]),
        // Remote contact counts as direct contact without any reason (A2-R06).
        entry("2026-03-25", "10.0", { mode: "remote", remoteChannel: "messenger" }),
        // Indirect time (reports, case conferences) is not direct contact.
        entry("2026-03-26", "8.0", { timeKind: "indirect" }),
      ],
    });
    const result = checkNeedGroupCorridor(a2, caseFile, "2026-Q1");
    expect(result.window).toEqual({ key: "2026-Q1", kind: "quarter", from: "2026-01-01", to: "2026-03-31" });
    const segment = result.segments[0]!;
    expect(segment.days).toBe(90);
    expect(segment.weeks.toDecimalPlaces(6).toString()).toBe("12.857143");
    expect(segment.hours.toString()).toBe("60");
    expect(segment.averageWeeklyHoursRounded).toBe("4.67");
    expect(segment.position).toBe("below");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: "warn", code: "needGroupCorridorBelow", explanation: { ruleId: "A2-R04" } });
    expect(result.findings[0]?.message).toContain("unter dem Korridor der HBG 3 (5–11 Std.)");
    expect(result.findings[0]?.message).toContain("keine Auswirkung auf die Abrechnung");
    expect(result.billingEffect).toBe("none");
    expect(result.explanation.policies).toEqual([
      { decision: "D07", option: "exactThenHalfUp", origin: "default" },
      { decision: "D08", option: "inclusive", origin: "default" },
      { decision: "D09", option: "quarter", origin: "default" },
    ]);
  });

  it("above the corridor also warns only", () => {
    const caseFile = buildCase({ start: "2025-01-01", needGroups: [{ from: "2025-01-01", group: 1 }], entries: spread("16.0", ["2026-02-02", "2026-02-16"]) });
    const result = checkNeedGroupCorridor(a2, caseFile, "2026-02");
    expect(result.findings[0]).toMatchObject({ severity: "warn", code: "needGroupCorridorAbove" });
  });
});

describe("windows and need-group assignment (D09, P-A2-05, P-A2-11)", () => {
  it("without an assigned need group the window is held, naming P-A2-05; a group change splits the window", () => {
    const caseFile = buildCase({ start: "2025-12-01", needGroups: [{ from: "2026-02-01", to: "2026-02-28", group: 2 }, { from: "2026-03-01", group: 3 }], entries: [entry("2026-01-10", "8.0"), entry("2026-02-10", "24.0"), entry("2026-03-10", "8.0")] });
    const result = checkNeedGroupCorridor(a2, caseFile, "2026-Q1");
    expect(result.segments.map((segment) => [segment.from, segment.to, segment.needGroup])).toEqual([
      ["2026-01-01", "2026-01-31", undefined],
      ["2026-02-01", "2026-02-28", 2],
      ["2026-03-01", "2026-03-31", 3],
    ]);
    expect(result.findings[0]).toMatchObject({ severity: "hold", code: "needGroupMissing" });
    expect(result.findings[0]?.message).toContain("P-A2-05");
    expect(result.findings.slice(1).map((finding) => finding.code)).toEqual(["needGroupCorridorAbove", "needGroupCorridorBelow"]);
  });

  it("a window before admission has nothing to check; a partly enrolled window uses the enrolled days", () => {
    const caseFile = buildCase({ start: "2026-03-02", needGroups: [{ from: "2026-03-02", group: 2 }], entries: spread("20.0", ["2026-03-05", "2026-03-20"]) });
    expect(checkNeedGroupCorridor(a2, caseFile, "2025-Q4").segments).toEqual([]);
    const result = checkNeedGroupCorridor(a2, caseFile, "2026-Q1");
    expect(result.segments[0]).toMatchObject({ from: "2026-03-02", to: "2026-03-31", days: 30, averageWeeklyHoursRounded: "4.67", position: "within" });
  });

  it("the year is checked per quarter by default and per month as the alternative", () => {
    const caseFile = buildCase({ start: "2025-01-01", needGroups: [{ from: "2025-01-01", group: 3 }] });
    expect(evaluateNeedGroupCorridorsOfYear(a2, caseFile, 2026).map((result) => result.window.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    const monthly = evaluateNeedGroupCorridorsOfYear(a2, caseFile, 2026, { casePolicies: { D09: "month" } });
    expect(monthly).toHaveLength(12);
    expect(monthly[0]?.explanation.policies?.find((policy) => policy.decision === "D09")).toEqual({ decision: "D09", option: "month", origin: "case" });
  });

  it("a concrete agreement that fills P-A2-11 with 'month' sets the window", () => {
    const concrete = buildA2Agreement({ kind: "concrete", inputValues: { "P-A2-11": { value: "month" } } });
    const caseFile = buildCase({ start: "2025-01-01", needGroups: [{ from: "2025-01-01", group: 3 }] });
    const results = evaluateNeedGroupCorridorsOfYear(concrete, caseFile, 2026);
    expect(results).toHaveLength(12);
    expect(results[0]?.explanation.policies?.find((policy) => policy.decision === "D09")).toEqual({ decision: "D09", option: "month", origin: "agreement" });
  });

  it("parses quarter and month windows", () => {
    expect(parseCorridorWindow("2026-Q4")).toEqual({ key: "2026-Q4", kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    expect(parseCorridorWindow("2028-02")).toEqual({ key: "2028-02", kind: "month", from: "2028-02-01", to: "2028-02-29" });
  });
});
