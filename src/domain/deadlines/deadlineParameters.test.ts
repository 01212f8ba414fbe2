/**
 * The deadlines section refuses malformed data with German messages (deadlines.yaml).
 */
import { describe, it, expect } from "vitest";
import { deadlineParametersSchema } from "./deadlineParameters.ts";

const source = { file: "001_9bba19a68ce1b9d2.txt", clause: "§ 3.2.1", quote: "innerhalb einer Frist von 12 Wochen" };
const hilfeplan = { id: "A1-hilfeplan", title: "Hilfeplan", taskType: "hilfeplan", ruleId: "A1-R15", source, kind: "afterEvent", anchor: { fact: "case.start" }, offset: { weeks: 12 } };

function messages(data: unknown): string[] {
  const result = deadlineParametersSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("deadlineParametersSchema", () => {
  it("accepts a rule and fills the defaults (hard, § 193 shift, completion by record)", () => {
    const parsed = deadlineParametersSchema.parse({ rules: [hilfeplan] });
    expect(parsed.rules[0]).toMatchObject({ strength: "hard", shiftToWorkingDay: true, completedBy: ["record"], requiresOngoing: false });
    expect(parsed.notes).toEqual([]);
  });

  it("refuses duplicates, empty periods, event anchors without kind, misplaced requiresOngoing and unknown keys", () => {
    expect(messages({ rules: [hilfeplan, hilfeplan] })).toContain("Fristregel A1-hilfeplan doppelt");
    expect(messages({ rules: [{ ...hilfeplan, offset: {} }] })).toContain("Frist braucht mindestens eine Angabe in Tagen, Wochen, Monaten oder Jahren");
    expect(messages({ rules: [{ ...hilfeplan, anchor: { fact: "event" } }] })).toContain("bei fact „event“ ist „eventKind“ nötig");
    expect(messages({ rules: [{ ...hilfeplan, requiresOngoing: true }] })).toContain("„requiresOngoing“ nur bei einem Anker, der eine Dauer hat (crisis.start)");
    expect(messages({ rules: [{ ...hilfeplan, leadDays: 3 }] }).length).toBeGreaterThan(0);
    expect(messages({ rules: [{ ...hilfeplan, source: { file: "x", clause: "y" } }] }).length).toBeGreaterThan(0);
    expect(messages({ rules: [{ ...hilfeplan, ruleId: "R15" }] })).toContain("Regel-ID wie „A1-R15“ (Kürzel der Vereinbarung, „-R“, Nummer)");
  });

  it("a report day is MM-TT or an input reference", () => {
    const report = { id: "A4-q", title: "Bericht", taskType: "qualityReport", ruleId: "A4-R23", source, kind: "fixedDayNextYear", years: "service" };
    expect(messages({ rules: [{ ...report, day: "03-31" }] })).toEqual([]);
    expect(messages({ rules: [{ ...report, day: { input: "P-A2-10" } }] })).toEqual([]);
    expect(messages({ rules: [{ ...report, day: "31.03." }] }).length).toBeGreaterThan(0);
  });
});
