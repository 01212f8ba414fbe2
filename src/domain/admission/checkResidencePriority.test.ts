import { describe, it, expect } from "vitest";
import fc from "fast-check";
import type { CaseFileInput } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { admissionParametersSchema, residenceCriterionSchema, residencePrioritySchema } from "./admissionParameters.ts";
import { buildCaseFile, loadAgreement, loadAgreementWithInputs, readExampleCaseFile } from "./agreementFixture.testing.ts";
import { checkAdmission } from "./checkAdmission.ts";

const a3Person: CaseFileInput["client"] = {
  id: "P1",
  birthDate: "1979-11-11",
  disabilities: ["mental"],
  primaryDisability: "mental",
  substantialDisability: true,
  assessments: { dayStructuringNeed: true, notEmployable: true, distinctOfferNeeded: true },
};
const a3Case = (district: string | undefined) =>
  buildCaseFile({
    agreement: "A3",
    client: { ...a3Person, ...(district !== undefined ? { residence: { district, land: "NI" } } : {}) },
    case: { id: "C1", start: "2026-01-15" },
    gesamtplans: [{ date: "2026-01-02" }],
  });
const areas = { "P-A3-08": "Landkreis Celle", "P-A3-09": ["Landkreis Gifhorn", "Region Hannover"] };
const priorityFindings = (findings: Finding[]) => findings.filter((finding) => finding.explanation.ruleId === "A3-R07");

describe("A3-R07: one priority ranking by residence, never an exclusion (§ 104 SGB IX)", () => {
  const agreement = loadAgreementWithInputs("A3", areas);

  it("A3 example (Landkreis Celle, primary area): exactly one finding, priority 1, no contradictory „außerhalb“", () => {
    const result = checkAdmission(agreement, readExampleCaseFile("a3-zuverdienst.json"), { asOf: "2026-01-12" });
    const findings = priorityFindings(result.findings);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "info", code: "priorityArea", details: { priority: 1, area: "Gebiet des örtlichen Trägers" } });
    expect(findings[0]?.message).toBe("Landkreis / kreisfreie Stadt Landkreis Celle / Celle: Vorrang 1 bei der Aufnahme (Gebiet des örtlichen Trägers).");
    expect(findings[0]?.explanation.source).toMatchObject({ clause: "§ 2.2", quote: "werden vorrangig im Gebiet des örtlichen Trägers" });
    expect(result.findings.some((finding) => finding.message.includes("außerhalb"))).toBe(false);
  });

  it("adjacent area → priority 2; any other area → no priority, still eligible", () => {
    const adjacent = priorityFindings(checkAdmission(agreement, a3Case("Region Hannover"), { asOf: "2026-01-15" }).findings);
    expect(adjacent).toHaveLength(1);
    expect(adjacent[0]).toMatchObject({ code: "priorityArea", details: { priority: 2, area: "angrenzende Gebiete der örtlichen Träger" } });
    expect(adjacent[0]?.explanation.source.quote).toBe("und in den angrenzenden Gebieten der örtlichen Träger");
    const other = checkAdmission(agreement, a3Case("Landkreis Goslar"), { asOf: "2026-01-15" });
    expect(other.outcome).toBe("eligible");
    const none = priorityFindings(other.findings);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ severity: "info", code: "noPriority", details: { priority: null } });
    expect(none[0]?.message).toBe(
      "Landkreis / kreisfreie Stadt Landkreis Goslar liegt in keinem Vorranggebiet (Gebiet des örtlichen Trägers: Landkreis Celle; angrenzende Gebiete der örtlichen Träger: Landkreis Gifhorn, Region Hannover): kein Vorrang, aber kein Ausschluss (Wunschrecht nach § 104 SGB IX).",
    );
  });

  it("unfilled areas: one finding that names the inputs; a known lower rank is given with the open higher rank", () => {
    const template = priorityFindings(checkAdmission(loadAgreement("A3"), a3Case("Landkreis Celle"), { asOf: "2026-01-15" }).findings);
    expect(template).toHaveLength(1);
    expect(template[0]?.code).toBe("priorityAreaMissing");
    expect(template[0]?.message).toContain("P-A3-08");
    expect(template[0]?.message).toContain("P-A3-09");
    const onlyAdjacent = loadAgreementWithInputs("A3", { "P-A3-09": areas["P-A3-09"] });
    const partial = priorityFindings(checkAdmission(onlyAdjacent, a3Case("Landkreis Gifhorn"), { asOf: "2026-01-15" }).findings);
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ code: "priorityArea", details: { priority: 2, undeterminedInputs: ["P-A3-08"] } });
    const unknown = priorityFindings(checkAdmission(agreement, a3Case(undefined), { asOf: "2026-01-15" }).findings);
    expect(unknown.map((finding) => finding.code)).toEqual(["priorityUnknown"]);
  });

  it("property: whatever the residence and the areas, exactly one info finding for A3-R07 and the outcome does not depend on it", () => {
    const names = ["Landkreis Celle", "Region Hannover", "Landkreis Gifhorn", "Stadt Wolfsburg", "Landkreis Goslar"];
    const list = fc.option(fc.subarray(names), { nil: undefined });
    fc.assert(
      fc.property(list, list, fc.option(fc.constantFrom(...names), { nil: undefined }), (primary, adjacent, district) => {
        const inputs = { ...(primary !== undefined ? { "P-A3-08": primary } : {}), ...(adjacent !== undefined ? { "P-A3-09": adjacent } : {}) };
        const filled = loadAgreementWithInputs("A3", inputs);
        const result = checkAdmission(filled, a3Case(district), { asOf: "2026-01-15" });
        const findings = priorityFindings(result.findings);
        expect(findings).toHaveLength(1);
        expect(findings[0]?.severity).toBe("info");
        expect(result.outcome).toBe(checkAdmission(filled, a3Case("Nirgendwo"), { asOf: "2026-01-15" }).outcome);
        if (findings[0]?.code === "priorityArea" && district !== undefined) {
          const expected = primary?.includes(district) ? 1 : 2;
          expect(findings[0].details?.priority).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("A1-R05 is the same mechanism with one rank (P-A1-02)", () => {
    const a1 = loadAgreement("A1");
    expect(a1.admission?.residencePriority?.areas.map((area) => [area.priority, area.values])).toEqual([[1, { input: "P-A1-02" }]]);
    expect(a1.admission?.residence).toEqual([]);
  });

  it("the data format: priorities run 1, 2, … and „priority“ is no longer a residence failure effect", () => {
    const source = { file: "f", clause: "c", quote: "q" };
    const area = (priority: number) => ({ priority, label: "Gebiet", values: ["X"], source });
    expect(residencePrioritySchema.safeParse({ ruleId: "A3-R07", field: "districtOrMunicipality", source, areas: [area(1), area(2)] }).success).toBe(true);
    expect(residencePrioritySchema.safeParse({ ruleId: "A3-R07", field: "districtOrMunicipality", source, areas: [area(2), area(1)] }).success).toBe(false);
    expect(residenceCriterionSchema.safeParse({ ruleId: "A3-R07", field: "districtOrMunicipality", values: ["X"], onOther: "priority", source }).success).toBe(false);
    expect(admissionParametersSchema.safeParse({ residencePriority: { ruleId: "A3-R07", field: "land", source, areas: [] } }).success).toBe(false);
  });
});
