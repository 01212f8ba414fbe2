/**
 * Every agreement through the command line with --json, on the example files users start from.
 */
import { describe, expect, it } from "vitest";
import { runTeilhabe } from "./cliTestSupport.ts";

async function runJson(args: string[]) {
  const { code, stdout, stderr } = await runTeilhabe([...args, "--json"]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe("examples through the CLI", () => {
  it("A0: March 2026 bills 20 h × 100.00 (Beispielwert) and holds 2.5 h over the volume and 1 h without attribution", async () => {
    const view = await runJson(["bill", "examples/a0-begleitete-elternschaft.json", "--month", "2026-03"]);
    expect(view.totals).toMatchObject({ billed: "2000.00", held: "250.00" });
    expect(view.lines).toEqual([expect.objectContaining({ quantity: "20", unitPrice: "100.00", amount: "2000.00", exampleValue: true, ruleId: "A0-R06" })]);
    expect(view.holds.map((hold: { code: string; quantity: string }) => [hold.code, hold.quantity]).sort()).toEqual([
      ["attributionMissing", "1"],
      ["volumeExceeded", "2.5"],
    ]);
  });

  it("A1: Hilfeplan 12 weeks after the start (done), Verlaufsbericht 2 months before the planned update, Fortschreibung without a due date", async () => {
    const view = await runJson(["deadlines", "examples/a1-assistenz-wohnen.json", "--as-of", "2026-03-31"]);
    const byRule = Object.fromEntries(view.deadlines.map((deadline: { explanation: { ruleId: string } }) => [deadline.explanation.ruleId, deadline]));
    expect(byRule["A1-R15"]).toMatchObject({ nominalDue: "2026-04-09", status: "done" });
    expect(byRule["A1-R20"]).toMatchObject({ nominalDue: "2026-06-30", status: "open" });
    expect(byRule["A1-R17"]).toMatchObject({ nominalDue: null, status: "open" });
  });

  it("A1: billing is held naming P-A1-09, because A1 has no remuneration", async () => {
    const view = await runJson(["bill", "examples/a1-assistenz-wohnen.json", "--month", "2026-03"]);
    expect(view.lines).toEqual([]);
    expect(view.holds[0]).toMatchObject({ code: "remunerationMissing", inputId: "P-A1-09", quantity: "16.5" });
  });

  it("A2: Q1 2026 averages 4.67 h/week, below the HBG 3 corridor: a warning without billing effect", async () => {
    const view = await runJson(["volume", "examples/a2-kognitive-beeintraechtigung.json", "--month", "2026-03"]);
    expect(view.corridor.billingEffect).toBe("none");
    expect(view.corridor.findings).toEqual([expect.objectContaining({ severity: "warn", code: "needGroupCorridorBelow", message: expect.stringContaining("4,67 Std./Woche") })]);
  });

  it("A3: January 2026 (2.80 h/week) is a shortfall excused by the introduction window", async () => {
    const view = await runJson(["volume", "examples/a3-zuverdienst.json", "--month", "2026-01"]);
    expect(view.monthly).toMatchObject({ status: "shortfall", averageWeeklyHoursRounded: "2.80", excused: true, excuse: { reason: "introduction", ruleId: "A3-R15" } });
  });

  it("A4: March 2026 is 44,347.33 with hospital days 31–35 at the absence rate; accompaniment held for P-A4-09/10", async () => {
    const view = await runJson(["bill", "examples/a4-intensivwohnen.json", "--month", "2026-03"]);
    expect(view.totals.billed).toBe("44347.33");
    expect(view.lines.find((line: { ruleId: string }) => line.ruleId === "A4-R09")).toMatchObject({ quantity: "5", unitPrice: "1216.01", amount: "6080.05" });
    expect(view.holds.map((hold: { inputId: string }) => hold.inputId).sort()).toEqual(["P-A4-09", "P-A4-10"]);
    const admission = await runJson(["admit", "examples/a4-intensivwohnen.json"]);
    expect(admission.outcome).toBe("eligible");
  });

  it("staffing: E03 need of 7.95 FTE for A2; the strictest background check for a member in A2 and A3 is due 01.03.2028 (X-R01)", async () => {
    const report = await runJson(["staffing", "examples/team.json"]);
    expect(report.agreements.map((entry: { agreementId: string; need: { applied: { total: { rounded: string } } } }) => [entry.agreementId, entry.need.applied.total.rounded])).toEqual([
      ["A2-beispiel-bremen", "7.95"],
      ["A3-beispiel", "2.00"],
    ]);
    const member = report.backgroundChecks.members.find((candidate: { staffId: string }) => candidate.staffId === "M-01");
    expect(member.nextDue).toMatchObject({ date: "2028-03-01", drivenBy: ["A3-beispiel"] });
  });
});
