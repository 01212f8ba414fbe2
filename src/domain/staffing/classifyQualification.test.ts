import { describe, it, expect } from "vitest";
import { classifyQualification, classifyStaffMember, matchesTerm, normaliseQualificationName, termsFromName } from "./classifyQualification.ts";
import { agreementWithInputs, loadStaffingAgreement, type AgreementKey } from "./staffingTestSupport.ts";
import { staffMemberSchema } from "./teamFileSchema.ts";

const statusUnder = (key: AgreementKey, qualification: Parameters<typeof classifyQualification>[1]) => classifyQualification(loadStaffingAgreement(key), qualification).status;

describe("X-R02: skilled status is evaluated per agreement, never as one global flag", () => {
  it("SPZQ counts as pedagogical skilled staff in A3 only, tagged for the 50 % sub-quota", () => {
    const spzq = "Fachkraft zur Arbeits- und Berufsförderung (SPZQ)";
    const a3 = classifyQualification(loadStaffingAgreement("A3"), spzq);
    expect(a3.status).toBe("skilled");
    expect(a3.tags).toEqual(["spzq"]);
    expect(a3.label).toBe("pädagogische Fachkraft");
    expect(a3.explanation.ruleId).toBe("A3-R25");
    expect(a3.explanation.source.quote).toContain("SPZQ");
    expect(statusUnder("A1", spzq)).toBe("nonSkilled");
    expect(statusUnder("A2", spzq)).toBe("nonSkilled");
    expect(statusUnder("A4", spzq)).toBe("nonSkilled");
  });

  it("a Heilpädagogin is on the A1 list but not on the A2, A3 or A4 lists", () => {
    expect(statusUnder("A1", "Heilpädagogin")).toBe("skilled");
    expect(statusUnder("A2", "Heilpädagogin")).toBe("nonSkilled");
    expect(statusUnder("A4", "Heilpädagogin")).toBe("nonSkilled");
  });

  it("E21: a Hauswirtschaftshelferin is not skilled under A1, a Heilerziehungspfleger is", () => {
    const helper = classifyQualification(loadStaffingAgreement("A1"), "Hauswirtschaftshelferin");
    expect(helper.status).toBe("nonSkilled");
    expect(helper.label).toBe("sonstige Assistenzkraft");
    const skilled = classifyQualification(loadStaffingAgreement("A1"), "Heilerziehungspfleger");
    expect(skilled.status).toBe("skilled");
    expect(skilled.explanation.ruleId).toBe("A1-R09");
  });

  it("recognises the usual spellings and refuses helper trainings", () => {
    for (const name of ["Sozialpädagog:in (B.A.)", "Dipl.-Sozialpädagogin", "Sozialpädagogen", "Heilerziehungspflegerin", "Staatlich anerkannte Erzieherin", "Pflegefachfrau"]) {
      expect([name, statusUnder("A2", name)]).toEqual([name, "skilled"]);
    }
    expect(classifyQualification(loadStaffingAgreement("A2"), "Heilerziehungspflegehelferin").basis).toBe("excluded");
    expect(statusUnder("A3", "Diplom-Pädagogin")).toBe("skilled");
    expect(statusUnder("A3", "pädagogische Hilfskraft")).toBe("nonSkilled");
  });

  it("an unfinished training does not count", () => {
    const result = classifyQualification(loadStaffingAgreement("A4"), { name: "Erzieherin", completed: false });
    expect(result.status).toBe("nonSkilled");
    expect(result.basis).toBe("notCompleted");
  });

  it("A4 and A2: a comparable qualification needs a degree or at least three years of training", () => {
    expect(classifyQualification(loadStaffingAgreement("A4"), { name: "Kindheitspädagogin", kind: "degree", comparable: true }).basis).toBe("comparable");
    expect(classifyQualification(loadStaffingAgreement("A4"), { name: "Sozialassistentin", kind: "vocationalTraining", durationYears: 2, comparable: true }).basis).toBe(
      "comparableNotAccepted",
    );
    expect(statusUnder("A2", { name: "Motopädin", kind: "vocationalTraining", durationYears: 3, comparable: true })).toBe("skilled");
    expect(classifyQualification(loadStaffingAgreement("A2"), { name: "Motopädin", comparable: true }).status).toBe("held");
  });

  it("A3: other professions count only with a recorded payer consent dated on or before the reference date", () => {
    const fact = { name: "Hauswirtschaftsmeisterin", payerConsents: [{ agreement: "A3", date: "2026-01-10" }] };
    const result = classifyQualification(loadStaffingAgreement("A3"), fact, { asOf: "2026-03-01" });
    expect(result.status).toBe("skilled");
    expect(result.basis).toBe("payerConsent");
    expect(result.explanation.source.quote).toContain("Einvernehmen");
    expect(classifyQualification(loadStaffingAgreement("A3"), fact, { asOf: "2026-01-01" }).status).toBe("nonSkilled");
    expect(statusUnder("A2", fact)).toBe("nonSkilled");
  });

  it("A0: the qualification profile is input P-A0-15; held until it is filled", () => {
    const held = classifyQualification(loadStaffingAgreement("A0"), "Sozialpädagogin");
    expect(held.status).toBe("held");
    expect(held.message).toContain("P-A0-15");
    const a0 = agreementWithInputs("A0", { "P-A0-15": ["Sozialpädagogin/Sozialpädagoge", "Heilerziehungspflegerin/Heilerziehungspfleger"] });
    expect(classifyQualification(a0, "Sozialpädagoge").status).toBe("skilled");
    expect(classifyQualification(a0, "Sozialpädagog:in").status).toBe("skilled");
    expect(classifyQualification(a0, "Heilerziehungspflegerin").status).toBe("skilled");
    expect(classifyQualification(a0, "Erzieherin").status).toBe("nonSkilled");
  });
});

describe("a staff member is classified by their best qualification", () => {
  it("a Sozialpädagogin who is also SPZQ counts as Sozialpädagogin, outside the SPZQ sub-quota", () => {
    const member = staffMemberSchema.parse({ id: "M", qualifications: ["Fachkraft zur Arbeits- und Berufsförderung (SPZQ)", "Sozialpädagogin"] });
    const result = classifyStaffMember(loadStaffingAgreement("A3"), member);
    expect(result.status).toBe("skilled");
    expect(result.tags).toEqual([]);
    expect(result.decisive!.entryId).toBe("socialPedagogue");
  });

  it("no qualification recorded → non-skilled under the agreement's own term", () => {
    const result = classifyStaffMember(loadStaffingAgreement("A4"), staffMemberSchema.parse({ id: "M", name: "Mia" }));
    expect(result.status).toBe("nonSkilled");
    expect(result.label).toBe("Nicht-Fachkraft");
    expect(result.message).toContain("Mia (M)");
  });
});

describe("term matching", () => {
  it("matches at word starts only", () => {
    const name = normaliseQualificationName("Pädagogische Assistenz");
    expect(matchesTerm(name, "pädagogin")).toBe(false);
    expect(matchesTerm(normaliseQualificationName("Diplom-Pädagogin"), "pädagogin")).toBe(true);
    expect(matchesTerm(normaliseQualificationName("Sozialpädagogin"), "pädagogin")).toBe(false);
  });

  it("derives terms from an input list entry", () => {
    expect(termsFromName("Sozialpädagogin/Sozialpädagoge")).toEqual(["sozialpädagog", "sozialpädagoge"]);
  });
});
