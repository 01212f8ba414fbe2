import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import type { CaseFileInput } from "../case/caseFileSchema.ts";
import { AGREEMENT_FOLDERS, buildCaseFile, loadAgreement, type AgreementKey } from "./agreementFixture.testing.ts";
import { dateOfReachingAge } from "./ageOnDate.ts";
import { checkAdmission, compareOutcomes } from "./checkAdmission.ts";

const KEYS = Object.keys(AGREEMENT_FOLDERS) as AgreementKey[];
const assessmentValue = fc.constantFrom<boolean | undefined>(true, false, undefined);
const optionalBoolean = fc.constantFrom<boolean | undefined>(true, false, undefined);

/** Arbitrary person and case facts, independent of the agreement. */
const caseFacts = fc.record({
  birthDay: fc.integer({ min: toEpochDay(parseDate("1950-01-01")), max: toEpochDay(parseDate("2015-12-31")) }),
  disabilities: fc.subarray(["intellectual", "physical", "mental", "multiple", "cognitive", "sensory"]),
  primary: fc.constantFrom<string | undefined>(undefined, "mental", "intellectual", "physical"),
  substantial: optionalBoolean,
  threatened: optionalBoolean,
  living: fc.constantFrom<string | undefined>(undefined, "ownFlat", "specialHousing", "sharedFlat", "homeless"),
  land: fc.constantFrom<"HB" | "NI" | "SN" | undefined>("HB", "NI", "SN", undefined),
  municipality: fc.constantFrom<string | undefined>("Leipzig", "Bremen", undefined),
  childBirthDays: fc.array(fc.integer({ min: toEpochDay(parseDate("2000-01-01")), max: toEpochDay(parseDate("2025-12-31")) }), { maxLength: 3 }),
  pregnancy: optionalBoolean,
  exclusionFacts: fc.subarray(["acuteSuicidality", "acuteAddiction"]),
  gesamtplan: fc.boolean(),
  provisional: fc.boolean(),
  payerApproval: fc.boolean(),
  careContract: fc.boolean(),
  activeCases: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
});

function assessmentKeys(key: AgreementKey): string[] {
  const admission = loadAgreement(key).admission;
  return [...(admission?.assessments.map((assessment) => assessment.key) ?? []), ...(admission?.disability?.reviewResolvedBy ? [admission.disability.reviewResolvedBy] : [])];
}

type CaseFacts = typeof caseFacts extends fc.Arbitrary<infer T> ? T : never;

function buildCase(key: AgreementKey, facts: CaseFacts, assessments: Record<string, boolean>) {
  return buildCaseFile(toInput(key, facts, assessments));
}

function toInput(key: AgreementKey, facts: CaseFacts, assessments: Record<string, boolean>): CaseFileInput {
  return {
    agreement: key,
    client: {
      id: "P",
      birthDate: fromEpochDay(facts.birthDay).toString(),
      disabilities: facts.disabilities,
      ...(facts.primary !== undefined ? { primaryDisability: facts.primary } : {}),
      ...(facts.substantial !== undefined ? { substantialDisability: facts.substantial } : {}),
      ...(facts.threatened !== undefined ? { threatenedBySubstantialDisability: facts.threatened } : {}),
      ...(facts.living !== undefined ? { livingSituation: facts.living } : {}),
      residence: { ...(facts.land ? { land: facts.land } : {}), ...(facts.municipality ? { municipality: facts.municipality } : {}) },
      children: facts.childBirthDays.map((day) => ({ birthDate: fromEpochDay(day).toString() })),
      ...(facts.pregnancy !== undefined ? { pregnancy: facts.pregnancy } : {}),
      assessments,
      exclusionFacts: facts.exclusionFacts,
    },
    case: {
      id: "C",
      start: "2026-01-15",
      accessStatus: facts.provisional ? "provisional" : "regular",
      ...(facts.provisional ? { provisional: { reason: "behinderungsbedingt", applicationDate: "2026-01-02", assessmentDate: "2026-01-03", payerConfirmationDate: "2026-01-10" } } : {}),
      ...(facts.payerApproval ? { payerApproval: "2026-01-05" } : {}),
      ...(facts.careContract ? { careContractDate: "2026-01-05" } : {}),
    },
    gesamtplans: facts.gesamtplan ? [{ date: "2026-01-02" }] : [],
  };
}

describe("admission properties (fast-check)", () => {
  it("monotone: recording a missing required assessment never makes the outcome worse", () => {
    for (const key of KEYS) {
      const keys = assessmentKeys(key);
      if (keys.length === 0) continue;
      const agreement = loadAgreement(key);
      const assessmentRecord = fc.record(Object.fromEntries(keys.map((name) => [name, assessmentValue])) as Record<string, fc.Arbitrary<boolean | undefined>>);
      fc.assert(
        fc.property(caseFacts, assessmentRecord, fc.nat(), (facts, values, pick) => {
          const assessments = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, boolean] => entry[1] !== undefined));
          const missing = keys.filter((name) => assessments[name] !== true);
          fc.pre(missing.length > 0);
          const added = missing[pick % missing.length]!;
          const before = checkAdmission(agreement, buildCase(key, facts, assessments), { asOf: "2026-02-01", activeCaseCount: facts.activeCases });
          const after = checkAdmission(agreement, buildCase(key, facts, { ...assessments, [added]: true }), { asOf: "2026-02-01", activeCaseCount: facts.activeCases });
          expect(compareOutcomes(after.outcome, before.outcome)).toBeLessThanOrEqual(0);
          expect(after.findings.length).toBe(before.findings.length);
        }),
        { numRuns: 150 },
      );
    }
  });

  it("every finding names a rule id and a clause; checkAdmission never throws on valid case files", () => {
    for (const key of KEYS) {
      const agreement = loadAgreement(key);
      fc.assert(
        fc.property(caseFacts, (facts) => {
          const result = checkAdmission(agreement, buildCase(key, facts, {}), { asOf: "2026-02-01", activeCaseCount: facts.activeCases });
          for (const finding of result.findings) {
            expect(finding.explanation.ruleId).toMatch(/^(A\d-R\d{2}|M06)$/);
            expect(finding.explanation.source.clause.length).toBeGreaterThan(0);
            expect(finding.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 60 },
      );
    }
  });

  it("the age check flips exactly on the 18th birthday (A1)", () => {
    const agreement = loadAgreement("A1");
    const birthDays = fc.integer({ min: toEpochDay(parseDate("1990-01-01")), max: toEpochDay(parseDate("2012-12-31")) });
    fc.assert(
      fc.property(birthDays, (birthDay) => {
        const birth = fromEpochDay(birthDay);
        const birthday18 = dateOfReachingAge(birth, 18);
        const input: CaseFileInput = {
          agreement: "A1",
          client: {
            id: "P",
            birthDate: birth.toString(),
            disabilities: ["mental"],
            substantialDisability: true,
            livingSituation: "ownFlat",
            assessments: { openContactOfferInsufficient: true, specialHousingNotAppropriate: true, supportNeeded: true, voluntaryParticipation: true },
          },
          case: { id: "C", start: birthday18.subtract({ days: 1 }).toString() },
          gesamtplans: [{ date: "1989-01-01" }],
        };
        const caseFile = buildCaseFile(input);
        const dayBefore = checkAdmission(agreement, caseFile, { asOf: birthday18.subtract({ days: 1 }) });
        const onBirthday = checkAdmission(agreement, caseFile, { asOf: birthday18 });
        expect(dayBefore.outcome).toBe("refused");
        expect(dayBefore.findings.filter((finding) => finding.severity === "block").map((finding) => finding.code)).toEqual(["minimumAgeNotReached"]);
        expect(onBirthday.outcome).toBe("eligible");
      }),
      { numRuns: 200 },
    );
  });
});
