import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { buildCaseFile, loadAgreement, loadAgreementWithInputs } from "../admission/agreementFixture.testing.ts";
import { serviceEntrySchema, type ServiceEntry } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { checkServiceEntry } from "./checkServiceEntry.ts";

const entry = (fields: Record<string, unknown>): ServiceEntry => serviceEntrySchema.parse({ date: "2026-03-04", start: "10:00", end: "11:00", place: "Betriebsstätte", ...fields });
const relevant = (findings: Finding[]) => findings.filter((finding) => finding.severity !== "info").map((finding) => `${finding.severity}:${finding.code}`);

describe("A3-R11: counselling and accompaniment are individual entries („Grundsätzlich … als Einzelleistung“)", () => {
  const a3 = loadAgreementWithInputs("A3", { "P-A3-11": "08:00", "P-A3-12": "16:00" });
  const file = buildCaseFile({ agreement: "A3", client: { id: "P1" }, case: { id: "C1", start: "2026-01-12" } });

  it("a group entry of category Beratung, psychosoziale Beratung or Begleitung → WARN (soll)", () => {
    for (const category of ["Beratung", "psychosoziale Beratung", "Begleitung"]) {
      const findings = checkServiceEntry(a3, file, entry({ setting: "group", groupSize: 3, category }));
      expect([category, relevant(findings)]).toEqual([category, ["warn:individualOnlyCategoryAsGroup"]]);
      expect(findings[0]?.explanation).toMatchObject({
        ruleId: "A3-R11",
        source: { file: "003_ff97f79a5ff20350.txt", clause: "§ 3.2", quote: "Grundsätzlich wird das Angebot der Beratung und Begleitung als Einzelleistung erbracht." },
      });
      expect(findings[0]?.date).toBe("2026-03-04");
    }
  });

  it("the same categories as individual entries, and activity areas as group entries, are fine", () => {
    expect(checkServiceEntry(a3, file, entry({ category: "psychosoziale Beratung" }))).toEqual([]);
    expect(checkServiceEntry(a3, file, entry({ setting: "group", groupSize: 5, category: "Teilnahme Holzwerkstatt" }))).toEqual([]);
  });

  it("other agreements are not affected (the block is data-driven)", () => {
    const a2 = loadAgreement("A2");
    const a2File = buildCaseFile({ agreement: "A2", client: { id: "P1" }, case: { id: "C1", start: "2026-01-12" } });
    expect(relevant(checkServiceEntry(a2, a2File, entry({ setting: "group", consent: true, category: "Beratung", place: "eigene Wohnung" })))).toEqual([]);
  });

  it("property: the warning appears exactly for group entries whose category names counselling or accompaniment", () => {
    const categories = fc.constantFrom("Beratung", "psychosoziale Beratung", "Begleitung", "Praktikumsbegleitung", "Teilnahme Holzwerkstatt", "Krisengespräch", "Sozialberatung");
    fc.assert(
      fc.property(categories, fc.constantFrom("individual", "group"), (category, setting) => {
        const findings = checkServiceEntry(a3, file, entry({ setting, category, date: "2026-03-04" }));
        const warned = findings.some((finding) => finding.code === "individualOnlyCategoryAsGroup");
        expect(warned).toBe(setting === "group" && /beratung|begleitung/i.test(category));
      }),
    );
  });
});
