import { describe, it, expect } from "vitest";
import type { CaseFileInput } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { A0_PARENT, buildCaseFile, loadAgreement, loadAgreementWithInputs } from "./agreementFixture.testing.ts";
import { checkAdmission, outcomeOfFindings } from "./checkAdmission.ts";

type ClientInput = CaseFileInput["client"];
type CaseInput = CaseFileInput["case"];

function caseInput(agreement: string, client: Partial<ClientInput>, caseFields: Partial<CaseInput> = {}, extra: Partial<CaseFileInput> = {}): CaseFileInput {
  return {
    agreement,
    client: { id: "P1", ...client },
    case: { id: "C1", start: "2026-01-15", ...caseFields },
    ...extra,
  };
}

const codes = (findings: Finding[], severity?: Finding["severity"]) => findings.filter((finding) => severity === undefined || finding.severity === severity).map((finding) => finding.code);
const byCode = (findings: Finding[], code: string) => findings.find((finding) => finding.code === code);

// ---------------------------------------------------------------- A0 Begleitete Elternschaft
const a0Parent: Partial<ClientInput> = A0_PARENT;

describe("A0-R01/R02/R03 Begleitete Elternschaft", () => {
  const agreement = loadAgreement("A0");

  it("admits an adult parent of a minor child and creates the review task on the child's 18th birthday", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A0", a0Parent)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("eligible");
    const task = byCode(result.findings, "eligibilityReviewLastChildComesOfAge");
    expect(task?.severity).toBe("task");
    expect(task?.date).toBe("2038-05-10");
    expect(task?.explanation.ruleId).toBe("A0-R01");
    expect(task?.explanation.source.clause).toBe("§ 1");
  });

  it("dates the review task on the 18th birthday of the youngest minor child", () => {
    const client = { ...a0Parent, children: [{ birthDate: "2012-02-01" }, { birthDate: "2016-09-30" }, { birthDate: "2005-01-01" }] };
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A0", client)), { asOf: "2026-01-15" });
    expect(byCode(result.findings, "eligibilityReviewLastChildComesOfAge")?.date).toBe("2034-09-30");
  });

  it("refuses a parent under 18", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, birthDate: "2008-01-16" })), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
    const finding = byCode(result.findings, "minimumAgeNotReached");
    expect(finding?.severity).toBe("block");
    expect(finding?.details).toMatchObject({ age: 17, reachesAgeOn: "2026-01-16" });
  });

  it("admits an expectant parent without children and creates no review task", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, children: [], pregnancy: true })), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("eligible");
    expect(byCode(result.findings, "eligibilityReviewLastChildComesOfAge")).toBeUndefined();
  });

  it("refuses an admission without a minor child and without pregnancy", () => {
    const adultChild = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, children: [{ birthDate: "2007-01-01" }] })), { asOf: "2026-01-15" });
    expect(adultChild.outcome).toBe("refused");
    expect(codes(adultChild.findings, "block")).toEqual(["noMinorChildOrPregnancy"]);
    const noChild = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, children: [] })), { asOf: "2026-01-15" });
    expect(noChild.outcome).toBe("refused");
  });

  it("turns an ongoing case into a review, not a refusal, once the last child turns 18", () => {
    const file = buildCaseFile(caseInput("A0", { ...a0Parent, children: [{ birthDate: "2008-06-10" }] }));
    const before = checkAdmission(agreement, file, { asOf: "2026-06-09" });
    expect(before.outcome).toBe("eligible");
    expect(byCode(before.findings, "eligibilityReviewLastChildComesOfAge")?.date).toBe("2026-06-10");
    const after = checkAdmission(agreement, file, { asOf: "2026-06-10" });
    expect(after.outcome).toBe("review");
    expect(byCode(after.findings, "lastChildCameOfAge")?.date).toBe("2026-06-10");
    expect(byCode(after.findings, "eligibilityReviewLastChildComesOfAge")?.date).toBe("2026-06-10");
    expect(codes(after.findings, "block")).toEqual([]);
  });

  it("refuses without a recorded substantial disability or support need", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, substantialDisability: undefined, assessments: {} })), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
    expect(codes(result.findings, "block").sort()).toEqual(["assessmentMissing", "substantialDisabilityMissing"]);
  });

  it("A0-R02: besondere Wohnform is a review, not a refusal; outside Leipzig only warns (D22)", () => {
    const housing = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, livingSituation: "specialHousing" })), { asOf: "2026-01-15" });
    expect(housing.outcome).toBe("review");
    expect(byCode(housing.findings, "livingSituationExcluded")?.severity).toBe("warn");
    const dresden = checkAdmission(agreement, buildCaseFile(caseInput("A0", { ...a0Parent, residence: { municipality: "Dresden", land: "SN" } })), { asOf: "2026-01-15" });
    expect(dresden.outcome).toBe("eligible");
    const warning = byCode(dresden.findings, "residenceOutsideArea");
    expect(warning?.severity).toBe("warn");
    expect(warning?.explanation.policies).toEqual([{ decision: "D22", option: "warnOnly", origin: "default" }]);
  });

  it("A0-R03: capacity input missing → held (review); beyond capacity → review until the payer confirms", () => {
    const file = buildCaseFile(caseInput("A0", a0Parent));
    const held = checkAdmission(agreement, file, { asOf: "2026-01-15", activeCaseCount: 3 });
    expect(held.outcome).toBe("review");
    const hold = byCode(held.findings, "capacityPlacesMissing");
    expect(hold?.severity).toBe("hold");
    expect(hold?.message).toContain("P-A0-04");
    const withPlaces = loadAgreementWithInputs("A0", { "P-A0-04": 12 });
    expect(checkAdmission(withPlaces, file, { asOf: "2026-01-15", activeCaseCount: 11 }).outcome).toBe("eligible");
    const over = checkAdmission(withPlaces, file, { asOf: "2026-01-15", activeCaseCount: 12 });
    expect(over.outcome).toBe("review");
    expect(byCode(over.findings, "capacityExceeded")?.message).toContain("Bestätigung des Trägers");
    const consented = buildCaseFile(caseInput("A0", a0Parent, {}, { payerConsents: [{ kind: "capacityExceeded", date: "2026-01-10" }] }));
    const confirmed = checkAdmission(withPlaces, consented, { asOf: "2026-01-15", activeCaseCount: 12 });
    expect(confirmed.outcome).toBe("eligible");
    expect(byCode(confirmed.findings, "capacityExceededWithConsent")?.severity).toBe("warn");
  });
});

// ---------------------------------------------------------------- A1 Assistenz beim Wohnen
const a1Person: Partial<ClientInput> = {
  birthDate: "1990-04-01",
  disabilities: ["mental"],
  substantialDisability: true,
  livingSituation: "ownFlat",
  residence: { district: "Region Hannover", land: "NI" },
  assessments: { openContactOfferInsufficient: true, specialHousingNotAppropriate: true, supportNeeded: true, voluntaryParticipation: true },
};
const a1Extra: Partial<CaseFileInput> = { gesamtplans: [{ date: "2026-01-05" }] };

describe("A1-R01 … A1-R07 Assistenz beim Wohnen", () => {
  const agreement = loadAgreement("A1");

  it("admits an adult with a substantial mental disability, a Gesamtplan and the three assessments", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A1", a1Person, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("eligible");
    expect(codes(result.findings, "warn")).toEqual([]);
    expect(result.findings.every((finding) => finding.explanation.source.file === "001_9bba19a68ce1b9d2.txt")).toBe(true);
  });

  it("A1-R07: a person living in a besondere Wohnform is refused", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A1", { ...a1Person, livingSituation: "specialHousing" }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
    const finding = byCode(result.findings, "livingSituationExcluded");
    expect(finding?.severity).toBe("block");
    expect(finding?.explanation.ruleId).toBe("A1-R07");
  });

  it("A1-R01: a person threatened by a substantial disability is eligible; a sensory-only type is not", () => {
    const threatened = { ...a1Person, substantialDisability: false, threatenedBySubstantialDisability: true };
    expect(checkAdmission(agreement, buildCaseFile(caseInput("A1", threatened, {}, a1Extra)), { asOf: "2026-01-15" }).outcome).toBe("eligible");
    const other = checkAdmission(agreement, buildCaseFile(caseInput("A1", { ...a1Person, disabilities: ["sensory"] }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(other.outcome).toBe("refused");
    expect(codes(other.findings, "block")).toEqual(["disabilityTypeNotInTargetGroup"]);
  });

  it("A1-R02: missing assessments only warn", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A1", { ...a1Person, assessments: { voluntaryParticipation: true } }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("eligible");
    expect(codes(result.findings, "warn")).toEqual(["assessmentMissing", "assessmentMissing", "assessmentMissing"]);
  });

  it("A1-R06: no Gesamtplan before the start, or provisional access → refused", () => {
    const none = checkAdmission(agreement, buildCaseFile(caseInput("A1", a1Person)), { asOf: "2026-01-15" });
    expect(none.outcome).toBe("refused");
    expect(codes(none.findings, "block")).toEqual(["gesamtplanMissing"]);
    const lateFile = buildCaseFile(caseInput("A1", a1Person, {}, { gesamtplans: [{ date: "2026-02-01" }] }));
    // On the start date the later plan does not exist yet: missing on that date, naming the plan's date.
    const onStart = byCode(checkAdmission(agreement, lateFile, { asOf: "2026-01-15" }).findings, "gesamtplanMissing");
    expect(onStart?.message).toBe("Am 15.01.2026 liegt kein Teilhabe-/Gesamtplan vor: der erfasste Gesamtplan ist erst auf den 01.02.2026 datiert (erforderlich vor Leistungsbeginn 15.01.2026).");
    // Once the plan exists it is still too late for the start.
    const later = checkAdmission(agreement, lateFile, { asOf: "2026-02-10" });
    expect(later.outcome).toBe("refused");
    expect(byCode(later.findings, "gesamtplanMissing")?.message).toBe("Der Gesamtplan vom 01.02.2026 liegt erst nach Leistungsbeginn 15.01.2026 vor.");
    const provisional = checkAdmission(agreement, buildCaseFile(caseInput("A1", a1Person, { accessStatus: "provisional" }, a1Extra)), { asOf: "2026-01-15" });
    expect(codes(provisional.findings, "block")).toEqual(["provisionalAccessNotProvided"]);
  });

  it("A1-R04: a narrowing (P-A1-04) and an exclusion list (P-A1-03) apply once filled", () => {
    const narrowed = loadAgreementWithInputs("A1", { "P-A1-04": ["mental"], "P-A1-03": ["acuteAddiction"] });
    expect(checkAdmission(narrowed, buildCaseFile(caseInput("A1", a1Person, {}, a1Extra)), { asOf: "2026-01-15" }).outcome).toBe("eligible");
    const intellectual = checkAdmission(narrowed, buildCaseFile(caseInput("A1", { ...a1Person, disabilities: ["intellectual"] }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(codes(intellectual.findings, "block")).toEqual(["outsideNarrowedTargetGroup"]);
    const addicted = checkAdmission(narrowed, buildCaseFile(caseInput("A1", { ...a1Person, exclusionFacts: ["acuteAddiction"] }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(codes(addicted.findings, "block")).toEqual(["exclusionCriterionMet"]);
    // Without the exclusion list there is no exclusion: the example in the blank is not a rule.
    const template = checkAdmission(agreement, buildCaseFile(caseInput("A1", { ...a1Person, exclusionFacts: ["acuteAddiction"] }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(template.outcome).toBe("eligible");
    expect(byCode(template.findings, "noAdditionalExclusions")?.message).toContain("P-A1-03");
  });

  it("A1-R05: residence outside the priority district never excludes", () => {
    const filled = loadAgreementWithInputs("A1", { "P-A1-02": "Region Hannover" });
    const inside = checkAdmission(filled, buildCaseFile(caseInput("A1", a1Person, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(byCode(inside.findings, "priorityArea")).toBeDefined();
    const outside = checkAdmission(filled, buildCaseFile(caseInput("A1", { ...a1Person, residence: { district: "Landkreis Goslar" } }, {}, a1Extra)), { asOf: "2026-01-15" });
    expect(outside.outcome).toBe("eligible");
    expect(byCode(outside.findings, "noPriority")?.severity).toBe("info");
  });
});

// ---------------------------------------------------------------- A2 Rahmen kognitive Beeinträchtigung
describe("A2-R01 target group with review outcome", () => {
  const agreement = loadAgreement("A2");
  const person: Partial<ClientInput> = { birthDate: "1985-07-07", disabilities: ["cognitive"], substantialDisability: true };

  it("a cognitive impairment under § 99 is eligible", () => {
    expect(checkAdmission(agreement, buildCaseFile(caseInput("A2", person)), { asOf: "2026-01-15" }).outcome).toBe("eligible");
  });

  it("another § 99 impairment is a review until the suitability decision is recorded", () => {
    const review = checkAdmission(agreement, buildCaseFile(caseInput("A2", { ...person, disabilities: ["mental"] })), { asOf: "2026-01-15" });
    expect(review.outcome).toBe("review");
    const finding = byCode(review.findings, "otherImpairmentRequiresReview");
    expect(finding?.explanation.ruleId).toBe("A2-R01");
    expect(finding?.explanation.source.quote).toContain("wenn das beschriebene Leistungsangebot geeignet ist");
    const decided = checkAdmission(agreement, buildCaseFile(caseInput("A2", { ...person, disabilities: ["mental"], assessments: { suitabilityConfirmed: true } })), { asOf: "2026-01-15" });
    expect(decided.outcome).toBe("eligible");
  });

  it("without a § 99 disability the person is not eligible", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A2", { ...person, substantialDisability: false })), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
  });
});

// ---------------------------------------------------------------- A3 Zuverdienst
const a3Person: Partial<ClientInput> = {
  birthDate: "1979-11-11",
  disabilities: ["mental"],
  primaryDisability: "mental",
  substantialDisability: true,
  assessments: { dayStructuringNeed: true, notEmployable: true, distinctOfferNeeded: true },
};
const a3Extra: Partial<CaseFileInput> = { gesamtplans: [{ date: "2026-01-02" }] };

describe("A3-R02 … A3-R09 Zuverdienst", () => {
  const agreement = loadAgreement("A3");

  it("admits an adult whose primary disability is a substantial mental disability", () => {
    expect(checkAdmission(agreement, buildCaseFile(caseInput("A3", a3Person, {}, a3Extra)), { asOf: "2026-01-15" }).outcome).toBe("eligible");
  });

  it("A3-R08: acute suicidality or predominant acute addiction → refused with the reason", () => {
    for (const fact of ["acuteSuicidality", "acuteAddiction"]) {
      const result = checkAdmission(agreement, buildCaseFile(caseInput("A3", { ...a3Person, exclusionFacts: [fact] }, {}, a3Extra)), { asOf: "2026-01-15" });
      expect(result.outcome).toBe("refused");
      const finding = byCode(result.findings, "exclusionCriterionMet");
      expect(finding?.severity).toBe("block");
      expect(finding?.explanation.ruleId).toBe("A3-R08");
      expect(finding?.explanation.source.quote).toContain("akut suizidgefährdet");
    }
    const further = loadAgreementWithInputs("A3", { "P-A3-10": ["aggressionAgainstOthers"] });
    const result = checkAdmission(further, buildCaseFile(caseInput("A3", { ...a3Person, exclusionFacts: ["aggressionAgainstOthers"] }, {}, a3Extra)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
  });

  it("A3-R02: the mental disability must be the primary one", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A3", { ...a3Person, disabilities: ["mental", "physical"], primaryDisability: "physical" }, {}, a3Extra)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
  });

  it("A3-R05: provisional access needs all four records; then no Gesamtplan is needed and R03 only warns", () => {
    const incomplete = checkAdmission(agreement, buildCaseFile(caseInput("A3", a3Person, { accessStatus: "provisional", provisional: { reason: "behinderungsbedingt", applicationDate: "2026-01-05" } })), {
      asOf: "2026-01-15",
    });
    expect(incomplete.outcome).toBe("refused");
    expect(byCode(incomplete.findings, "provisionalAccessIncomplete")?.details?.missing).toEqual(["assessmentDate", "payerConfirmationDate"]);
    const provisional = { reason: "behinderungsbedingt", applicationDate: "2026-01-05", assessmentDate: "2026-01-06", payerConfirmationDate: "2026-01-12" };
    const complete = checkAdmission(agreement, buildCaseFile(caseInput("A3", { ...a3Person, assessments: { dayStructuringNeed: true } }, { accessStatus: "provisional", provisional })), { asOf: "2026-01-15" });
    expect(complete.outcome).toBe("eligible");
    expect(codes(complete.findings, "warn")).toEqual(["assessmentMissing", "assessmentMissing"]);
    const final = checkAdmission(agreement, buildCaseFile(caseInput("A3", { ...a3Person, assessments: { dayStructuringNeed: true } }, {}, a3Extra)), { asOf: "2026-01-15" });
    expect(final.outcome).toBe("refused");
  });

  it("A3-R01: occupancy above the agreed places only warns", () => {
    const filled = loadAgreementWithInputs("A3", { "P-A3-07": 20 });
    const result = checkAdmission(filled, buildCaseFile(caseInput("A3", a3Person, {}, a3Extra)), { asOf: "2026-01-15", activeCaseCount: 20 });
    expect(result.outcome).toBe("eligible");
    expect(byCode(result.findings, "capacityExceeded")?.severity).toBe("warn");
  });
});

// ---------------------------------------------------------------- A4 Friedehorst
const a4Person: Partial<ClientInput> = {
  birthDate: "1998-02-02",
  disabilities: ["intellectual"],
  substantialDisability: true,
  livingSituation: "specialHousing",
  residence: { municipality: "Bremen", land: "HB" },
  assessments: { massiveEndangerment: true, massiveChallengingBehaviour: true, notYetAbleToLiveLessStructured: true, dailyLifeNeedsIntensiveSupport: true, needsSupportDayAndNight: true },
};
const a4Case: Partial<CaseInput> = { payerApproval: "2026-01-05", careContractDate: "2026-01-10" };

describe("A4-R01 … A4-R05 Friedehorst", () => {
  const agreement = loadAgreement("A4");

  it("admits a person of the target group from Bremen with approval and care contract", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A4", a4Person, a4Case)), { asOf: "2026-01-15", activeCaseCount: 9 });
    expect(result.outcome).toBe("eligible");
    expect(byCode(result.findings, "capacityWithin")?.message).toContain("10 von 10");
  });

  it("A4-R04: the 11th admission is blocked", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A4", a4Person, a4Case)), { asOf: "2026-01-15", activeCaseCount: 10 });
    expect(result.outcome).toBe("refused");
    const finding = byCode(result.findings, "capacityExceeded");
    expect(finding?.severity).toBe("block");
    expect(finding?.explanation).toMatchObject({ ruleId: "A4-R04", source: { clause: "§ 2.7" } });
  });

  it("A4-R02: a person from outside Bremen is refused unless an exception with payer approval is recorded", () => {
    const outside = { ...a4Person, residence: { municipality: "Oldenburg", land: "NI" as const } };
    const refused = checkAdmission(agreement, buildCaseFile(caseInput("A4", outside, a4Case)), { asOf: "2026-01-15" });
    expect(refused.outcome).toBe("refused");
    expect(codes(refused.findings, "block")).toEqual(["residenceOutsideArea"]);
    const withoutApproval = buildCaseFile(caseInput("A4", outside, a4Case, { admissionExceptions: [{ ruleId: "A4-R02", justification: "kein geeignetes Angebot in Niedersachsen" }] }));
    expect(checkAdmission(agreement, withoutApproval, { asOf: "2026-01-15" }).outcome).toBe("refused");
    const approved = buildCaseFile(caseInput("A4", outside, a4Case, { admissionExceptions: [{ ruleId: "A4-R02", justification: "kein geeignetes Angebot in Niedersachsen", payerApprovalDate: "2026-01-08" }] }));
    const result = checkAdmission(agreement, approved, { asOf: "2026-01-15" });
    expect(result.outcome).toBe("eligible");
    expect(byCode(result.findings, "residenceExceptionApproved")?.message).toContain("08.01.2026");
  });

  it("A4-R01: each missing criterion blocks the admission", () => {
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A4", { ...a4Person, assessments: { ...a4Person.assessments, needsSupportDayAndNight: false } }, a4Case)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("refused");
    expect(byCode(result.findings, "assessmentMissing")?.details).toEqual({ assessment: "needsSupportDayAndNight", outcomeEffect: "refuse" });
    expect(byCode(result.findings, "assessmentMissing")?.message).toContain("verneint");
    const physical = checkAdmission(agreement, buildCaseFile(caseInput("A4", { ...a4Person, disabilities: ["physical"] }, a4Case)), { asOf: "2026-01-15" });
    expect(physical.outcome).toBe("refused");
  });

  it("A4-R03/R05: no approval of the Fachreferat, or a care contract dated after the start → refused", () => {
    const noApproval = checkAdmission(agreement, buildCaseFile(caseInput("A4", a4Person, { careContractDate: "2026-01-10" })), { asOf: "2026-01-15" });
    expect(codes(noApproval.findings, "block")).toEqual(["payerApprovalMissing"]);
    const lateContractFile = buildCaseFile(caseInput("A4", a4Person, { payerApproval: "2026-01-05", careContractDate: "2026-01-20" }));
    const onStart = checkAdmission(agreement, lateContractFile, { asOf: "2026-01-15" });
    expect(codes(onStart.findings, "block")).toEqual(["careContractMissing"]);
    expect(byCode(onStart.findings, "careContractMissing")?.message).toBe(
      "Der Wohn- und Betreuungsvertrag liegt am 15.01.2026 nicht vor (erst auf den 20.01.2026 datiert; erforderlich vor Beginn 15.01.2026).",
    );
    const afterContract = checkAdmission(agreement, lateContractFile, { asOf: "2026-01-25" });
    expect(codes(afterContract.findings, "block")).toEqual(["careContractAfterStart"]);
  });
});

describe("outcome of findings", () => {
  const finding = (severity: Finding["severity"], outcomeEffect?: string): Finding => ({
    severity,
    code: "x",
    message: "x",
    explanation: { ruleId: "A1-R01", source: { file: "f", clause: "c" } },
    ...(outcomeEffect ? { details: { outcomeEffect } } : {}),
  });
  it("block → refused, hold or review effect → review, warnings alone → eligible", () => {
    expect(outcomeOfFindings([finding("warn"), finding("info"), finding("task")])).toBe("eligible");
    expect(outcomeOfFindings([finding("warn", "review")])).toBe("review");
    expect(outcomeOfFindings([finding("hold")])).toBe("review");
    expect(outcomeOfFindings([finding("hold"), finding("block")])).toBe("refused");
  });

  it("an agreement without admission criteria needs a manual review", () => {
    const agreement = { ...loadAgreement("A1"), admission: undefined };
    const result = checkAdmission(agreement, buildCaseFile(caseInput("A1", a1Person)), { asOf: "2026-01-15" });
    expect(result.outcome).toBe("review");
  });
});
