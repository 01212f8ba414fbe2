import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { buildCaseFile, loadAgreement, readAgreementFile } from "../admission/agreementFixture.testing.ts";
import { serviceEntrySchema, type CaseFileInput, type ServiceEntry } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { classifyQualification } from "../staffing/classifyQualification.ts";
import { qualifiedAssistanceSchema } from "./documentationParameters.ts";
import { checkServiceEntry } from "./checkServiceEntry.ts";

const entry = (fields: Record<string, unknown>): ServiceEntry => serviceEntrySchema.parse({ date: "2026-03-04", start: "10:00", end: "11:00", ...fields });
const relevant = (findings: Finding[]) => findings.filter((finding) => finding.severity !== "info").map((finding) => `${finding.severity}:${finding.code}`);

const staff = [
  { id: "hwh", name: "Frau H.", qualifications: ["Hauswirtschaftshelferin"] },
  { id: "hep", name: "Herr E.", qualifications: ["Heilerziehungspfleger"] },
  { id: "sozpaed", name: "Frau S.", qualifications: ["Sozialpädagog:in (B.A.)"] },
  { id: "erz", name: "Frau Z.", qualifications: ["Staatlich anerkannte Erzieherin"] },
  { id: "hephelfer", name: "Herr K.", qualifications: ["Heilerziehungspflegehelfer"] },
  { id: "none", name: "Herr N.", qualifications: [] },
];

function a1Case(caseInputs: Record<string, unknown> = {}, extra: Partial<CaseFileInput> = {}) {
  return buildCaseFile({ agreement: "A1", client: { id: "P1" }, case: { id: "C1", start: "2026-01-15", approvedAssistanceTypes: ["simple", "qualified"] }, staff, caseInputs, ...extra });
}

describe("A1-R09 first part: qualified assistance classified with the agreement's one catalogue (X-R02)", () => {
  const a1 = loadAgreement("A1");

  it("E21 stays: Hauswirtschaftshelferin → BLOCK, Heilerziehungspfleger → accepted", () => {
    const blocked = checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "hwh" }));
    expect(relevant(blocked)).toEqual(["block:qualifiedAssistanceByUnskilledStaff"]);
    expect(blocked[0]?.explanation).toMatchObject({ ruleId: "A1-R09", source: { file: "001_9bba19a68ce1b9d2.txt", clause: "§ 3.1.2" } });
    expect(blocked[0]?.details).toMatchObject({ staffId: "hwh", classification: { status: "nonSkilled", basis: "excluded", label: "sonstige Assistenzkraft" } });
    expect(checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "hep" }))).toEqual([]);
  });

  it("usual spellings of listed professions are accepted (the former exact-name list refused them); helper trainings are not", () => {
    expect(checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "sozpaed" }))).toEqual([]);
    expect(checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "erz" }))).toEqual([]);
    expect(relevant(checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "hephelfer" })))).toEqual(["block:qualifiedAssistanceByUnskilledStaff"]);
    expect(relevant(checkServiceEntry(a1, a1Case(), entry({ assistanceType: "qualified", staffId: "none" })))).toEqual(["block:qualifiedAssistanceByUnskilledStaff"]);
  });

  it("property: the entry check blocks exactly when classifyQualification finds no skilled qualification", () => {
    const names = ["Hauswirtschaftshelferin", "Heilerziehungspfleger", "Sozialarbeiterin", "Ergotherapeut", "Tischler", "Pflegefachfrau", "Heilpädagogin", "Pflegehelferin", "Erzieher"];
    fc.assert(
      fc.property(fc.subarray(names), (qualifications) => {
        const file = a1Case({}, { staff: [{ id: "m", qualifications }] });
        const blocked = relevant(checkServiceEntry(a1, file, entry({ assistanceType: "qualified", staffId: "m" }))).includes("block:qualifiedAssistanceByUnskilledStaff");
        const skilled = qualifications.some((name) => classifyQualification(a1, name).status === "skilled");
        expect(blocked).toBe(!skilled);
      }),
    );
  });

  it("there is no second list: documentation.yaml has no skilledQualifications and the schema refuses one", () => {
    const data = parseYaml(readAgreementFile("A1", "documentation.yaml")!) as { documentation: Record<string, Record<string, unknown>> };
    expect(data.documentation.qualifiedAssistance).toBeDefined();
    expect(data.documentation.qualifiedAssistance).not.toHaveProperty("skilledQualifications");
    const source = { file: "f", clause: "c", quote: "q" };
    expect(qualifiedAssistanceSchema.safeParse({ ruleId: "A1-R09", source, skilledQualifications: ["Erzieherin"] }).success).toBe(false);
  });

  it("without a qualification catalogue the check is held, not guessed", () => {
    const withoutCatalogue = { ...a1, staffing: undefined };
    const findings = checkServiceEntry(withoutCatalogue, a1Case(), entry({ assistanceType: "qualified", staffId: "hep" }));
    expect(relevant(findings)).toEqual(["hold:qualifiedAssistanceStaffNotClassifiable"]);
    expect(findings[0]?.explanation.ruleId).toBe("A1-R09");
  });
});

describe("A1-R09 second part: simple assistance at the level the Gesamtplan sets (case input requiredQualificationForSimpleAssistance)", () => {
  const a1 = loadAgreement("A1");
  const simple = (staffId: string) => entry({ assistanceType: "simple", staffId });

  it("„skilled“ required and the entry's staff is not skilled → WARN with A1-R09, § 3.1.2", () => {
    const findings = checkServiceEntry(a1, a1Case({ requiredQualificationForSimpleAssistance: "skilled" }), simple("hwh"));
    expect(relevant(findings)).toEqual(["warn:simpleAssistanceQualificationMismatch"]);
    expect(findings[0]).toMatchObject({
      date: "2026-03-04",
      explanation: { ruleId: "A1-R09", source: { file: "001_9bba19a68ce1b9d2.txt", clause: "§ 3.1.2" } },
      details: { requiredQualification: "skilled", staffId: "hwh" },
    });
    expect(findings[0]?.explanation.source.quote).toContain("(Fachkräfte / sonstige Assistenzkräfte)");
    expect(findings[0]?.message).toBe("Der Gesamtplan sieht für die einfache Assistenz eine Fachkraft vor; Frau H. (Hauswirtschaftshelferin) gilt in dieser Vereinbarung nicht als Fachkraft.");
  });

  it("„skilled“ required and skilled staff → no finding; „other“ or not recorded → no finding", () => {
    expect(checkServiceEntry(a1, a1Case({ requiredQualificationForSimpleAssistance: "skilled" }), simple("hep"))).toEqual([]);
    expect(checkServiceEntry(a1, a1Case({ requiredQualificationForSimpleAssistance: "other" }), simple("hwh"))).toEqual([]);
    expect(checkServiceEntry(a1, a1Case({ requiredQualificationForSimpleAssistance: "other" }), simple("hep"))).toEqual([]);
    expect(checkServiceEntry(a1, a1Case(), simple("hwh"))).toEqual([]);
  });

  it("qualified entries are not affected by the simple-assistance level; an invalid value warns; unknown staff is held", () => {
    const skilledRequired = a1Case({ requiredQualificationForSimpleAssistance: "skilled" });
    expect(relevant(checkServiceEntry(a1, skilledRequired, entry({ assistanceType: "qualified", staffId: "hwh" })))).toEqual(["block:qualifiedAssistanceByUnskilledStaff"]);
    expect(relevant(checkServiceEntry(a1, a1Case({ requiredQualificationForSimpleAssistance: "Fachkraft" }), simple("hep")))).toEqual(["warn:requiredQualificationInvalid"]);
    expect(relevant(checkServiceEntry(a1, skilledRequired, simple("nobody")))).toEqual(["hold:simpleAssistanceStaffUnknown"]);
    expect(relevant(checkServiceEntry(a1, skilledRequired, entry({ assistanceType: "simple" })))).toEqual(["hold:simpleAssistanceStaffMissing"]);
  });

  it("agreements without the block ignore the case input", () => {
    const a2 = loadAgreement("A2");
    const file = buildCaseFile({ agreement: "A2", client: { id: "P1" }, case: { id: "C1", start: "2026-01-15" }, staff, caseInputs: { requiredQualificationForSimpleAssistance: "skilled" } });
    expect(checkServiceEntry(a2, file, entry({ assistanceType: "simple", staffId: "hwh", place: "eigene Wohnung" }))).toEqual([]);
  });
});
