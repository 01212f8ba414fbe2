import { describe, it, expect } from "vitest";
import type { CaseFileInput } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { A0_PARENT, buildCaseFile, loadAgreement, loadAgreementWithInputs, readExampleCaseFile } from "./agreementFixture.testing.ts";
import { checkAdmission } from "./checkAdmission.ts";

const byCode = (findings: Finding[], code: string) => findings.find((finding) => finding.code === code);
const codes = (findings: Finding[]) => findings.map((finding) => finding.code);

/** The A3 example instance (agreements/A3-…/instances/beispiel.yaml): primary area and adjacent areas. */
const a3Example = () => loadAgreementWithInputs("A3", { "P-A3-07": 20, "P-A3-08": "Landkreis Celle", "P-A3-09": ["Landkreis Gifhorn", "Region Hannover"], "P-A3-10": [] });

describe("dated records count only from their date (asOf): A3 example, provisional access (A3-R04, A3-R05)", () => {
  const agreement = a3Example();
  const example = readExampleCaseFile("a3-zuverdienst.json");

  it("on 12.01.2026 the Gesamtplan dated 04.03.2026 does not exist yet: no „Ein Gesamtplan liegt vor“", () => {
    const result = checkAdmission(agreement, example, { asOf: "2026-01-12" });
    expect(result.outcome).toBe("eligible");
    expect(byCode(result.findings, "provisionalAccessCanEnd")).toBeUndefined();
    expect(result.findings.some((finding) => finding.message.includes("Ein Gesamtplan liegt vor"))).toBe(false);
    const continues = byCode(result.findings, "provisionalAccessContinues");
    expect(continues?.severity).toBe("info");
    expect(continues?.message).toBe(
      "Am 12.01.2026 liegt noch kein Gesamtplan vor (der erfasste Gesamtplan ist erst auf den 04.03.2026 datiert): der vorläufige Zugang gilt bis zum Abschluss des Teilhabe-/Gesamtplans.",
    );
    expect(continues?.explanation).toMatchObject({ ruleId: "A3-R05", source: { file: "003_ff97f79a5ff20350.txt", clause: "§ 2.2" } });
  });

  it("from 04.03.2026 on the Gesamtplan exists and provisional access can end", () => {
    const before = checkAdmission(agreement, example, { asOf: "2026-03-03" });
    expect(byCode(before.findings, "provisionalAccessCanEnd")).toBeUndefined();
    const onDay = checkAdmission(agreement, example, { asOf: "2026-03-04" });
    expect(byCode(onDay.findings, "provisionalAccessContinues")).toBeUndefined();
    expect(byCode(onDay.findings, "provisionalAccessCanEnd")?.message).toBe("Gesamtplan vom 04.03.2026 liegt vor: der vorläufige Zugang endet, den Fall auf regulären Zugang umstellen.");
  });

  it("the payer's confirmation dated after asOf: provisional access is not yet covered, naming the date", () => {
    const result = checkAdmission(agreement, example, { asOf: "2026-01-08" });
    expect(result.outcome).toBe("refused");
    const pending = byCode(result.findings, "provisionalConfirmationPending");
    expect(pending?.severity).toBe("block");
    expect(pending?.message).toBe("Vorläufiger Zugang am 08.01.2026 nicht belegt, verbindliche Rückmeldung des Trägers ist erst auf den 09.01.2026 datiert.");
  });

  it("an application or first assessment dated after asOf does not count either", () => {
    const result = checkAdmission(agreement, example, { asOf: "2026-01-04" });
    const incomplete = byCode(result.findings, "provisionalAccessIncomplete");
    expect(incomplete?.details?.datedAfterAsOf).toEqual({ applicationDate: "2026-01-05", assessmentDate: "2026-01-05", payerConfirmationDate: "2026-01-09" });
    expect(incomplete?.message).toContain("Datum des formlosen Antrags ist erst auf den 05.01.2026 datiert");
  });
});

describe("dated records before the start (A1-R06, A4-R03, A4-R05) and the payer's consent (A0-R03)", () => {
  const a1Person: CaseFileInput["client"] = {
    id: "P1",
    birthDate: "1990-04-01",
    disabilities: ["mental"],
    substantialDisability: true,
    livingSituation: "ownFlat",
    assessments: { openContactOfferInsufficient: true, specialHousingNotAppropriate: true, supportNeeded: true, voluntaryParticipation: true },
  };

  it("A1-R06 checked before the start: a Gesamtplan dated after asOf is missing on asOf, one dated before asOf counts", () => {
    const agreement = loadAgreement("A1");
    const file = buildCaseFile({ agreement: "A1", client: a1Person, case: { id: "C1", start: "2026-01-15" }, gesamtplans: [{ date: "2026-01-10" }] });
    const early = checkAdmission(agreement, file, { asOf: "2026-01-05" });
    expect(early.outcome).toBe("refused");
    expect(byCode(early.findings, "gesamtplanMissing")?.message).toBe(
      "Am 05.01.2026 liegt kein Teilhabe-/Gesamtplan vor: der erfasste Gesamtplan ist erst auf den 10.01.2026 datiert (erforderlich vor Leistungsbeginn 15.01.2026).",
    );
    expect(byCode(early.findings, "gesamtplanMissing")?.details).toMatchObject({ gesamtplanDate: "2026-01-10" });
    const onPlanDay = checkAdmission(agreement, file, { asOf: "2026-01-10" });
    expect(onPlanDay.outcome).toBe("eligible");
    expect(byCode(onPlanDay.findings, "gesamtplanPresent")?.message).toBe("Gesamtplan vom 10.01.2026 liegt vor Leistungsbeginn vor.");
  });

  it("A4-R03: an approval dated after asOf is missing on asOf (naming its date); dated on asOf it counts", () => {
    const agreement = loadAgreement("A4");
    const file = buildCaseFile({
      agreement: "A4",
      client: {
        id: "P1",
        birthDate: "1998-02-02",
        disabilities: ["intellectual"],
        substantialDisability: true,
        livingSituation: "specialHousing",
        residence: { municipality: "Bremen", land: "HB" },
        assessments: { massiveEndangerment: true, massiveChallengingBehaviour: true, notYetAbleToLiveLessStructured: true, dailyLifeNeedsIntensiveSupport: true, needsSupportDayAndNight: true },
      },
      case: { id: "C1", start: "2026-01-15", payerApproval: "2026-01-12", careContractDate: "2026-01-10" },
    });
    const early = checkAdmission(agreement, file, { asOf: "2026-01-11" });
    expect(codes(early.findings.filter((finding) => finding.severity === "block"))).toEqual(["payerApprovalMissing"]);
    expect(byCode(early.findings, "payerApprovalMissing")?.message).toBe(
      "Die Aufnahmezustimmung des Fachreferats liegt am 11.01.2026 nicht vor (erst auf den 12.01.2026 datiert; erforderlich vor Beginn 15.01.2026).",
    );
    expect(checkAdmission(agreement, file, { asOf: "2026-01-12" }).outcome).toBe("eligible");
  });

  it("A0-R03: the payer's consent to exceed the places counts only once it exists on asOf", () => {
    const agreement = loadAgreementWithInputs("A0", { "P-A0-04": 12 });
    const file = buildCaseFile({
      agreement: "A0",
      client: { id: "P1", ...A0_PARENT },
      case: { id: "C1", start: "2026-01-15" },
      payerConsents: [{ kind: "capacityExceeded", date: "2026-01-10" }],
    });
    const beforeConsent = checkAdmission(agreement, file, { asOf: "2026-01-05", activeCaseCount: 12 });
    expect(beforeConsent.outcome).toBe("review");
    expect(byCode(beforeConsent.findings, "capacityExceeded")).toBeDefined();
    const afterConsent = checkAdmission(agreement, file, { asOf: "2026-01-15", activeCaseCount: 12 });
    expect(afterConsent.outcome).toBe("eligible");
    expect(byCode(afterConsent.findings, "capacityExceededWithConsent")?.message).toContain("10.01.2026");
  });
});
