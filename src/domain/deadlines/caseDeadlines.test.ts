/**
 * Worked examples E08, E14, E15 (rules.md section 5) on the real agreement files, plus A0-R13 (payer input),
 * A4-R32 (no deadlines) and the D15/D16/D18/D19/D20 options.
 */
import { describe, it, expect } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { caseFileSchema, type CaseFileInput } from "../case/caseFileSchema.ts";
import { computeCaseDeadlines } from "./caseDeadlines.ts";
import type { Deadline } from "./deadline.ts";

const catalogue = loadCatalogue();

function agreement(id: string): Agreement {
  const found = catalogue.agreements.get(id);
  if (!found) throw new Error(`Vereinbarung ${id} nicht geladen: ${catalogue.issues.map((issue) => `${issue.file} ${issue.path}: ${issue.message}`).join("; ")}`);
  return found;
}

function caseFile(agreementId: string, caseFacts: Partial<CaseFileInput["case"]> & { start: string }, rest: Partial<CaseFileInput> = {}) {
  return caseFileSchema.parse({ agreement: agreementId, client: { id: "P" }, case: { id: "F1", ...caseFacts }, ...rest });
}

function byRule(deadlines: Deadline[], ruleKey: string): Deadline[] {
  return deadlines.filter((deadline) => deadline.ruleKey === ruleKey);
}

function one(deadlines: Deadline[], ruleKey: string): Deadline {
  const found = byRule(deadlines, ruleKey);
  expect(found, `genau eine Frist ${ruleKey}`).toHaveLength(1);
  return found[0]!;
}

function policyOption(deadline: Deadline, decision: string): string | undefined {
  return deadline.explanation.policies?.find((policy) => policy.decision === decision)?.option;
}

describe("E14: A1 deadlines (A1-R15, R17, R19, R20, R22; D18–D20)", () => {
  const a1 = agreement("A1");

  it("Hilfeplan due Thu 09.04.2026 for a service start on Thu 15.01.2026 (12 weeks)", () => {
    const deadlines = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10", plannedUpdate: "2026-08-31" }] }), { asOf: "2026-02-01" });
    const hilfeplan = one(deadlines, "A1-hilfeplan");
    expect(hilfeplan.nominalDue).toBe("2026-04-09");
    expect(hilfeplan.workingDayDue).toBe("2026-04-09");
    expect(hilfeplan.shifted).toBe(false);
    expect(hilfeplan.status).toBe("open");
    expect(hilfeplan.severity).toBe("task");
    expect(hilfeplan.anchor).toEqual({ fact: "case.start", what: "Beginn der Leistungserbringung", date: "2026-01-15" });
    expect(hilfeplan.explanation.ruleId).toBe("A1-R15");
    expect(hilfeplan.explanation.source.clause).toBe("§ 3.2.1");
    expect(policyOption(hilfeplan, "D20")).toBe("nextWorkingDayDrives");
  });

  it("Hilfeplan is overdue after 09.04.2026 and done once an initial Hilfeplan is recorded", () => {
    const open = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }), { asOf: "2026-04-10" });
    expect(one(open, "A1-hilfeplan").status).toBe("overdue");
    expect(one(open, "A1-hilfeplan").severity).toBe("warn");
    const done = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }, { hilfeplans: [{ date: "2026-04-01", kind: "initial" }] }), { asOf: "2026-04-10" });
    expect(one(done, "A1-hilfeplan").status).toBe("done");
    expect(one(done, "A1-hilfeplan").completedOn).toBe("2026-04-01");
  });

  it("Verlaufsbericht target 30.06.2026 for a planned update on 31.08.2026 (soft, D19 clamp)", () => {
    const deadlines = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10", plannedUpdate: "2026-08-31" }] }), { asOf: "2026-02-01" });
    const report = one(deadlines, "A1-verlaufsbericht");
    expect(report.nominalDue).toBe("2026-06-30");
    expect(report.strength).toBe("soft");
    expect(report.severity).toBe("warn");
    expect(report.explanation.ruleId).toBe("A1-R20");
    expect(policyOption(report, "D19")).toBe("clamp");
  });

  it("planned update 15.10.2026 → target Sat 15.08.2026, working day Mon 17.08.2026 drives (D20); nominal drives under the alternative", () => {
    const file = caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10", plannedUpdate: "2026-10-15" }] });
    const report = one(computeCaseDeadlines(a1, file, { asOf: "2026-02-01" }), "A1-verlaufsbericht");
    expect([report.nominalDue, report.workingDayDue, report.drivingDue, report.shifted]).toEqual(["2026-08-15", "2026-08-17", "2026-08-17", true]);
    const nominal = one(computeCaseDeadlines(a1, file, { asOf: "2026-02-01", casePolicies: { D20: "nominalDrives" } }), "A1-verlaufsbericht");
    expect([nominal.nominalDue, nominal.workingDayDue, nominal.drivingDue]).toEqual(["2026-08-15", "2026-08-17", "2026-08-15"]);
    expect(nominal.explanation.policies).toContainEqual({ decision: "D20", option: "nominalDrives", origin: "case" });
    expect(one(computeCaseDeadlines(a1, file, { asOf: "2026-08-16" }), "A1-verlaufsbericht").status).toBe("dueSoon");
    expect(one(computeCaseDeadlines(a1, file, { asOf: "2026-08-16", casePolicies: { D20: "nominalDrives" } }), "A1-verlaufsbericht").status).toBe("overdue");
  });

  it("missing planned update date → warning naming input P-A1-12 (D19); the per-case input fills it", () => {
    const missing = one(computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }] }), { asOf: "2026-02-01" }), "A1-verlaufsbericht");
    expect(missing.nominalDue).toBeNull();
    expect(missing.severity).toBe("warn");
    expect(missing.missingInput).toMatchObject({ kind: "anchor", inputId: "P-A1-12" });
    expect(missing.missingInput!.message).toContain("P-A1-12");
    expect(policyOption(missing, "D19")).toBe("clamp");
    const filled = one(
      computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }], caseInputs: { "P-A1-12": "2026-08-31" } }), { asOf: "2026-02-01" }),
      "A1-verlaufsbericht",
    );
    expect(filled.nominalDue).toBe("2026-06-30");
  });

  it("new Gesamtplan version on 10.06.2026 → Fortschreibung task from 10.06.2026 without a due date (D18)", () => {
    const file = caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }, { date: "2026-06-10" }] });
    const update = one(computeCaseDeadlines(a1, file, { asOf: "2026-06-11" }), "A1-fortschreibung");
    expect(update.anchor.date).toBe("2026-06-10");
    expect(update.nominalDue).toBeNull();
    expect(update.status).toBe("open");
    expect(update.severity).toBe("task");
    expect(update.missingInput).toBeUndefined();
    expect(policyOption(update, "D18")).toBe("noDueDate");
    expect(update.note).toContain("P-A1-11");
  });

  it("D18: the payer's input sets the Fortschreibung deadline; under „payerInput“ a missing input holds it", () => {
    const withInput = caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }, { date: "2026-06-10" }], caseInputs: { "P-A1-11": { fortschreibung: "4 Wochen", abschlussbericht: "6 Wochen" } } });
    expect(one(computeCaseDeadlines(a1, withInput, { asOf: "2026-06-11" }), "A1-fortschreibung").nominalDue).toBe("2026-07-08");
    const without = caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }, { date: "2026-06-10" }] });
    const held = one(computeCaseDeadlines(a1, without, { asOf: "2026-06-11", casePolicies: { D18: "payerInput" } }), "A1-fortschreibung");
    expect(held.severity).toBe("hold");
    expect(held.missingInput).toMatchObject({ kind: "input", inputId: "P-A1-11" });
    const done = caseFile("A1", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-10" }, { date: "2026-06-10" }], hilfeplans: [{ date: "2026-06-20", kind: "update" }] });
    expect(one(computeCaseDeadlines(a1, done, { asOf: "2026-07-01" }), "A1-fortschreibung").status).toBe("done");
  });

  it("service end 31.03.2026 → Abschlussbericht task held for P-A1-11, retention until 31.03.2031, deletion review from 01.04.2031", () => {
    const deadlines = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15", end: "2026-03-31" }), { asOf: "2026-04-01" });
    const finalReport = one(deadlines, "A1-abschlussbericht");
    expect(finalReport.anchor.date).toBe("2026-03-31");
    expect(finalReport.nominalDue).toBeNull();
    expect(finalReport.severity).toBe("hold");
    expect(finalReport.missingInput?.inputId).toBe("P-A1-11");
    const review = one(deadlines, "A1-aufbewahrung");
    expect(review.nominalDue).toBe("2031-04-01");
    expect(review.details?.retainUntil).toBe("2031-03-31");
    expect(policyOption(review, "D29")).toBe("blockThenReview");
    // The Hilfeplan deadline (09.04.2026) lies after the end of service: it lapses.
    expect(byRule(deadlines, "A1-hilfeplan")).toHaveLength(0);
    const withInput = computeCaseDeadlines(a1, caseFile("A1", { start: "2026-01-15", end: "2026-03-31" }, { caseInputs: { "P-A1-11": "6 Wochen" } }), { asOf: "2026-04-01" });
    expect(one(withInput, "A1-abschlussbericht").nominalDue).toBe("2026-05-12");
  });
});

describe("rule validity and completion records", () => {
  const a1 = agreement("A1");

  it("a rule applies only to anchors within its validity", () => {
    const limited: Agreement = {
      ...a1,
      deadlines: { ...a1.deadlines!, rules: a1.deadlines!.rules.map((rule) => (rule.id === "A1-hilfeplan" ? { ...rule, validTo: "2025-12-31" } : rule)) },
    };
    expect(byRule(computeCaseDeadlines(limited, caseFile("A1", { start: "2026-01-15" }), { asOf: "2026-02-01" }), "A1-hilfeplan")).toHaveLength(0);
    expect(byRule(computeCaseDeadlines(limited, caseFile("A1", { start: "2025-12-15" }), { asOf: "2026-02-01" }), "A1-hilfeplan")).toHaveLength(1);
  });

  it("a Verlaufsbericht recorded after the current Gesamtplan marks the target done; one from before does not", () => {
    const plans = { gesamtplans: [{ date: "2026-01-10", plannedUpdate: "2026-08-31" }] };
    const done = caseFile("A1", { start: "2026-01-15" }, { ...plans, completedTasks: [{ taskType: "progressReport", date: "2026-06-25" }] });
    expect(one(computeCaseDeadlines(a1, done, { asOf: "2026-07-01" }), "A1-verlaufsbericht")).toMatchObject({ status: "done", completedOn: "2026-06-25", severity: "info" });
    const stale = caseFile("A1", { start: "2026-01-15" }, { ...plans, completedTasks: [{ taskType: "progressReport", date: "2025-12-01" }] });
    expect(one(computeCaseDeadlines(a1, stale, { asOf: "2026-07-01" }), "A1-verlaufsbericht").status).toBe("overdue");
  });
});

describe("E15: A3 deadlines (A3-R06, R26, R27, R29, R30; D15, D16)", () => {
  const a3 = agreement("A3");
  const p1 = (rest: Partial<CaseFileInput> = {}) => caseFile("A3", { start: "2026-01-15" }, { gesamtplans: [{ date: "2026-01-08", plannedUpdate: "2026-09-15" }], ...rest });

  it("P1 admitted Thu 15.01.2026 → Hilfeplan due Thu 26.02.2026 (6 weeks); Verlaufsbericht target 15.07.2026", () => {
    const deadlines = computeCaseDeadlines(a3, p1(), { asOf: "2026-01-20" });
    expect(one(deadlines, "A3-hilfeplan").nominalDue).toBe("2026-02-26");
    expect(one(deadlines, "A3-hilfeplan").explanation.ruleId).toBe("A3-R26");
    expect(one(deadlines, "A3-verlaufsbericht").nominalDue).toBe("2026-07-15");
    expect(byRule(deadlines, "A3-vorbereitung-gesamtplan")).toHaveLength(0);
  });

  it("P1 without Gesamtplan change → Fortschreibung at the latest Sat 15.01.2028, § 193 → Mon 17.01.2028", () => {
    const periodic = one(computeCaseDeadlines(a3, p1(), { asOf: "2026-01-20" }), "A3-fortschreibung-24-monate");
    expect([periodic.nominalDue, periodic.workingDayDue, periodic.drivingDue, periodic.shifted]).toEqual(["2028-01-15", "2028-01-17", "2028-01-17", true]);
    expect(periodic.details).toMatchObject({ rolling: "2028-01-15", anchored: "2028-01-15", reading: "earlier" });
    expect(policyOption(periodic, "D16")).toBe("earlier");
  });

  it("variant: Gesamtplan change 01.03.2027, Fortschreibung 15.03.2027 → rolling 15.03.2029, anchored 15.01.2030, default the earlier 15.03.2029", () => {
    const variant = p1({ gesamtplans: [{ date: "2026-01-08" }, { date: "2027-03-01" }], hilfeplans: [{ date: "2026-02-20", kind: "initial" }, { date: "2027-03-15", kind: "update" }] });
    const byDefault = one(computeCaseDeadlines(a3, variant, { asOf: "2027-04-01" }), "A3-fortschreibung-24-monate");
    expect(byDefault.nominalDue).toBe("2029-03-15");
    expect(byDefault.details).toMatchObject({ rolling: "2029-03-15", anchored: "2030-01-15", lastUpdate: "2027-03-15" });
    expect(one(computeCaseDeadlines(a3, variant, { asOf: "2027-04-01", casePolicies: { D16: "rolling" } }), "A3-fortschreibung-24-monate").nominalDue).toBe("2029-03-15");
    const anchored = one(computeCaseDeadlines(a3, variant, { asOf: "2027-04-01", casePolicies: { D16: "anchored" } }), "A3-fortschreibung-24-monate");
    expect(anchored.nominalDue).toBe("2030-01-15");
    expect(anchored.explanation.policies).toContainEqual({ decision: "D16", option: "anchored", origin: "case" });
    const changeTask = one(computeCaseDeadlines(a3, variant, { asOf: "2027-04-01" }), "A3-fortschreibung-gesamtplan");
    expect(changeTask.status).toBe("done");
    expect(changeTask.completedOn).toBe("2027-03-15");
    expect(policyOption(changeTask, "D18")).toBe("noDueDate");
  });

  it("P2 provisional access, first provisional day Mon 02.03.2026 → Gesamtplan readiness due Mon 27.04.2026 (D15); other anchors selectable", () => {
    const p2 = caseFile("A3", {
      start: "2026-03-02",
      accessStatus: "provisional",
      provisional: { reason: "behinderungsbedingt", applicationDate: "2026-02-20", payerConfirmationDate: "2026-02-27", firstDay: "2026-03-02" },
    });
    const deadlines = computeCaseDeadlines(a3, p2, { asOf: "2026-03-05" });
    const readiness = one(deadlines, "A3-vorbereitung-gesamtplan");
    expect(readiness.nominalDue).toBe("2026-04-27");
    expect(readiness.explanation.ruleId).toBe("A3-R06");
    expect(policyOption(readiness, "D15")).toBe("firstProvisionalDay");
    expect(one(deadlines, "A3-hilfeplan").nominalDue).toBe("2026-04-13");
    expect(one(computeCaseDeadlines(a3, p2, { asOf: "2026-03-05", casePolicies: { D15: "application" } }), "A3-vorbereitung-gesamtplan").nominalDue).toBe("2026-04-17");
    expect(one(computeCaseDeadlines(a3, p2, { asOf: "2026-03-05", casePolicies: { D15: "payerConfirmation" } }), "A3-vorbereitung-gesamtplan").nominalDue).toBe("2026-04-24");
    const prepared = caseFile("A3", { start: "2026-03-02", accessStatus: "provisional", provisional: { firstDay: "2026-03-02" } }, { gesamtplans: [{ date: "2026-04-20" }] });
    expect(one(computeCaseDeadlines(a3, prepared, { asOf: "2026-04-21" }), "A3-vorbereitung-gesamtplan").status).toBe("done");
  });

  it("P3 exit 30.06.2026 → retain until 30.06.2031 and an undated Abschlussbericht task", () => {
    const deadlines = computeCaseDeadlines(a3, caseFile("A3", { start: "2025-01-15", end: "2026-06-30" }), { asOf: "2026-07-01" });
    expect(one(deadlines, "A3-aufbewahrung").details?.retainUntil).toBe("2031-06-30");
    expect(one(deadlines, "A3-aufbewahrung").nominalDue).toBe("2031-07-01");
    const finalReport = one(deadlines, "A3-abschlussbericht");
    expect(finalReport.nominalDue).toBeNull();
    expect(finalReport.severity).toBe("task");
    expect(finalReport.explanation.ruleId).toBe("A3-R32");
  });
});

describe("E08: A3 crisis longer than four weeks (A3-R17 (a), D20)", () => {
  const a3 = agreement("A3");

  it("crisis from Mon 27.04.2026, still ongoing → inform payer on day 29, Whit Monday 25.05.2026 → next working day in NI Tue 26.05.2026", () => {
    const deadlines = computeCaseDeadlines(a3, caseFile("A3", { start: "2024-03-01" }, { crises: [{ from: "2026-04-27" }] }), { asOf: "2026-05-10" });
    const crisis = one(deadlines, "A3-krise-mitteilung");
    expect([crisis.nominalDue, crisis.workingDayDue, crisis.drivingDue, crisis.shifted]).toEqual(["2026-05-25", "2026-05-26", "2026-05-26", true]);
    expect(crisis.explanation.ruleId).toBe("A3-R17");
    expect(crisis.explanation.source.quote).toBe("Dauert die Krisensituation mehr als vier Wochen an");
    expect(crisis.note).toContain("25.05.2026");
  });

  it("a crisis that ends on day 28 (24.05.2026) raises no task; one that lasts until day 29 does", () => {
    const ended = computeCaseDeadlines(a3, caseFile("A3", { start: "2024-03-01" }, { crises: [{ from: "2026-04-27", to: "2026-05-24" }] }), { asOf: "2026-06-01" });
    expect(byRule(ended, "A3-krise-mitteilung")).toHaveLength(0);
    const lasted = computeCaseDeadlines(a3, caseFile("A3", { start: "2024-03-01" }, { crises: [{ from: "2026-04-27", to: "2026-05-25" }] }), { asOf: "2026-06-01" });
    expect(one(lasted, "A3-krise-mitteilung").status).toBe("overdue");
    const informed = computeCaseDeadlines(
      a3,
      caseFile("A3", { start: "2024-03-01" }, { crises: [{ from: "2026-04-27" }], completedTasks: [{ taskType: "informPayerCrisis", date: "2026-05-26", anchorDate: "2026-04-27" }] }),
      { asOf: "2026-06-01" },
    );
    expect(one(informed, "A3-krise-mitteilung").status).toBe("done");
  });
});

describe("A0-R13: the payer sets the date of the Sozial- und Entwicklungsbericht (P-A0-13)", () => {
  const a0 = agreement("A0");

  it("without the payer's date the task is held and names P-A0-13; no date is assumed", () => {
    const report = one(computeCaseDeadlines(a0, caseFile("A0", { start: "2026-01-05" }), { asOf: "2026-01-10" }), "A0-sozial-und-entwicklungsbericht");
    expect(report.nominalDue).toBeNull();
    expect(report.severity).toBe("hold");
    expect(report.missingInput).toMatchObject({ kind: "input", inputId: "P-A0-13" });
    expect(report.missingInput!.message).toContain("P-A0-13");
    expect(report.explanation.ruleId).toBe("A0-R13");
  });

  it("the payer's date per case is used as given", () => {
    const report = one(computeCaseDeadlines(a0, caseFile("A0", { start: "2026-01-05" }, { caseInputs: { "P-A0-13": "2026-09-30" } }), { asOf: "2026-09-20" }), "A0-sozial-und-entwicklungsbericht");
    expect([report.nominalDue, report.status, report.severity]).toEqual(["2026-09-30", "dueSoon", "task"]);
  });
});

describe("A4-R32 / A2-R23: no Hilfeplan deadlines, and never those of A1 or A3", () => {
  it("A4: Hilfeplan and Fortschreibung tasks exist without a due date", () => {
    const a4 = agreement("A4");
    const deadlines = computeCaseDeadlines(a4, caseFile("A4", { start: "2026-01-01" }, { gesamtplans: [{ date: "2025-12-15", plannedUpdate: "2026-10-31" }, { date: "2026-03-01" }] }), { asOf: "2026-03-02" });
    const planning = deadlines.filter((deadline) => ["hilfeplan", "hilfeplanUpdate", "progressReport", "hilfeplanPeriodicUpdate"].includes(deadline.taskType));
    expect(planning.map((deadline) => deadline.ruleKey).sort()).toEqual(["A4-fortschreibung", "A4-hilfeplan"]);
    for (const deadline of planning) {
      expect(deadline.nominalDue).toBeNull();
      expect(deadline.explanation.ruleId).toBe("A4-R32");
    }
    expect(deadlines.every((deadline) => deadline.explanation.ruleId.startsWith("A4-"))).toBe(true);
  });

  it("A4-R25: a serious change is reported at once; an event on a Sunday shifts to Monday", () => {
    const a4 = agreement("A4");
    const change = one(computeCaseDeadlines(a4, caseFile("A4", { start: "2026-01-01" }, { events: [{ kind: "seriousChange", date: "2026-03-08" }] }), { asOf: "2026-03-08" }), "A4-gravierende-veraenderung");
    expect([change.nominalDue, change.workingDayDue]).toEqual(["2026-03-08", "2026-03-09"]);
  });

  it("A2: the Hilfeplan task has no due date", () => {
    const deadlines = computeCaseDeadlines(agreement("A2"), caseFile("A2", { start: "2026-01-01" }), { asOf: "2026-01-02" });
    expect(deadlines.map((deadline) => [deadline.ruleKey, deadline.nominalDue])).toEqual([["A2-hilfeplan", null]]);
  });
});
