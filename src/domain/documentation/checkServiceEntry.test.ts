import { describe, it, expect } from "vitest";
import { buildCaseFile, loadAgreement, loadAgreementWithInputs } from "../admission/agreementFixture.testing.ts";
import { serviceEntrySchema, type CaseFileInput, type ServiceEntry } from "../case/caseFileSchema.ts";
import type { Finding } from "../results/explanation.ts";
import { checkServiceEntries, checkServiceEntry } from "./checkServiceEntry.ts";
import { classifyEntryShifts } from "./checkEntryTiming.ts";

const entry = (fields: Record<string, unknown>): ServiceEntry => serviceEntrySchema.parse({ date: "2026-03-04", start: "10:00", end: "11:00", ...fields });
const relevant = (findings: Finding[]) => findings.filter((finding) => finding.severity !== "info").map((finding) => `${finding.severity}:${finding.code}`);

function caseFile(agreement: string, extra: Partial<CaseFileInput> = {}) {
  return buildCaseFile({
    agreement,
    client: { id: "P1" },
    case: { id: "C1", start: "2026-01-15", approvedAssistanceTypes: ["simple", "qualified"] },
    staff: [
      { id: "hwh", name: "Frau H.", qualifications: ["Hauswirtschaftshelferin"] },
      { id: "hep", name: "Herr E.", qualifications: ["Heilerziehungspfleger"] },
    ],
    ...extra,
  });
}

describe("E21: A1 qualification, mode and guardianship checks (A1-R09, R10, R12)", () => {
  const a1 = loadAgreement("A1");
  const a2 = loadAgreement("A2");
  const file = caseFile("A1");

  it("qualified assistance by a Hauswirtschaftshelferin → BLOCK", () => {
    const findings = checkServiceEntry(a1, file, entry({ assistanceType: "qualified", staffId: "hwh" }));
    expect(relevant(findings)).toEqual(["block:qualifiedAssistanceByUnskilledStaff"]);
    expect(findings[0]).toMatchObject({ date: "2026-03-04", explanation: { ruleId: "A1-R09", source: { file: "001_9bba19a68ce1b9d2.txt", clause: "§ 3.1.2" } } });
    expect(findings[0]?.message).toContain("Hauswirtschaftshelferin");
  });

  it("the same entry by a Heilerziehungspfleger → accepted", () => {
    expect(checkServiceEntry(a1, file, entry({ assistanceType: "qualified", staffId: "hep" }))).toEqual([]);
  });

  it("remote (phone) entry without a reason → WARN under A1, accepted as direct contact under A2", () => {
    const phone = entry({ assistanceType: "simple", staffId: "hwh", mode: "remote", remoteChannel: "phone" });
    const underA1 = checkServiceEntry(a1, file, phone);
    expect(relevant(underA1)).toEqual(["warn:remoteWithoutReason"]);
    expect(underA1[0]?.explanation).toMatchObject({ ruleId: "A1-R10", source: { clause: "§ 2.3.1 Fußnote 2" } });
    expect(checkServiceEntry(a2, caseFile("A2"), phone)).toEqual([]);
    expect(checkServiceEntry(a1, file, entry({ assistanceType: "simple", mode: "remote", remoteChannel: "phone", remoteReason: "Person erkrankt, Hausbesuch nicht möglich" }))).toEqual([]);
  });

  it("category „Vermögenssorge / rechtliche Vertretung“ (guardianship task) → BLOCK", () => {
    const findings = checkServiceEntry(a1, file, entry({ assistanceType: "simple", category: "Vermögenssorge / rechtliche Vertretung" }));
    expect(relevant(findings)).toEqual(["block:excludedCategory"]);
    expect(findings[0]?.explanation).toMatchObject({ ruleId: "A1-R12", source: { clause: "§ 2.3.0" } });
  });
});

describe("A1 further entry checks (A1-R08, A1-R09, A1-R12)", () => {
  const a1 = loadAgreement("A1");

  it("A1-R12: an entry „für“ the person without the person present needs consent (WARN)", () => {
    const withoutConsent = entry({ assistanceType: "simple", withoutPersonPresent: true, category: "Telefonat mit dem Vermieter" });
    expect(relevant(checkServiceEntry(a1, caseFile("A1"), withoutConsent))).toEqual(["warn:consentMissingForEntryWithoutPerson"]);
    expect(checkServiceEntry(a1, caseFile("A1"), { ...withoutConsent, consent: true })).toEqual([]);
  });

  it("A1-R08: a direct entry needs an assistance type approved in the Gesamtplan (WARN); indirect time does not", () => {
    const onlySimple = caseFile("A1", { case: { id: "C1", start: "2026-01-15", approvedAssistanceTypes: ["simple"] } });
    expect(relevant(checkServiceEntry(a1, onlySimple, entry({ assistanceType: "qualified", staffId: "hep" })))).toEqual(["warn:assistanceTypeNotApproved"]);
    expect(relevant(checkServiceEntry(a1, onlySimple, entry({})))).toEqual(["warn:assistanceTypeMissing"]);
    expect(checkServiceEntry(a1, onlySimple, entry({ timeKind: "indirect" }))).toEqual([]);
  });

  it("A1-R09: qualified assistance without a known staff member is held", () => {
    expect(relevant(checkServiceEntry(a1, caseFile("A1"), entry({ assistanceType: "qualified" })))).toEqual(["hold:qualifiedAssistanceStaffMissing"]);
    expect(relevant(checkServiceEntry(a1, caseFile("A1"), entry({ assistanceType: "qualified", staffId: "nobody" })))).toEqual(["hold:qualifiedAssistanceStaffUnknown"]);
  });
});

describe("A2 entry checks (A2-R07, A2-R08, A2-R10, A2-R11)", () => {
  const a2 = loadAgreement("A2");
  const file = caseFile("A2");

  it("A2-R10: an entry 05:30–07:00 → WARN; 06:00–22:00 and weekends/holidays are fine", () => {
    const early = checkServiceEntry(a2, file, entry({ start: "05:30", end: "07:00", place: "eigene Wohnung" }));
    expect(relevant(early)).toEqual(["warn:entryOutsideDayWindow"]);
    expect(early[0]?.explanation).toMatchObject({ ruleId: "A2-R10", source: { clause: "§ 6.11" } });
    expect(checkServiceEntry(a2, file, entry({ start: "06:00", end: "22:00", place: "eigene Wohnung" }))).toEqual([]);
    expect(relevant(checkServiceEntry(a2, file, entry({ start: "21:00", end: "22:30", place: "Sozialraum" })))).toEqual(["warn:entryOutsideDayWindow"]);
    expect(checkServiceEntry(a2, file, entry({ date: "2026-12-25", start: "08:00", end: "09:00", place: "eigene Wohnung" }))).toEqual([]);
  });

  it("A2-R10: an in-person entry records its place (WARN when missing)", () => {
    expect(relevant(checkServiceEntry(a2, file, entry({})))).toEqual(["warn:entryFieldMissing"]);
  });

  it("A2-R07: a group entry needs the person's agreement or a listed mandatory group offer (P-A2-07)", () => {
    const group = entry({ setting: "group", groupSize: 4, place: "Räumlichkeiten des Leistungserbringers", category: "Kochgruppe mittwochs" });
    const template = checkServiceEntry(a2, file, group);
    expect(relevant(template)).toEqual(["warn:groupEntryWithoutConsent"]);
    expect(template[0]?.message).toContain("P-A2-07");
    expect(checkServiceEntry(a2, file, { ...group, consent: true })).toEqual([]);
    const withOffers = loadAgreementWithInputs("A2", { "P-A2-07": ["Kochgruppe mittwochs"] });
    expect(checkServiceEntry(withOffers, file, group)).toEqual([]);
  });

  it("A2-R08: excluded categories → BLOCK", () => {
    for (const category of ["Leistungen der Pflegeversicherung", "Häusliche Krankenpflege nach § 37 SGB V", "Arbeit und Beschäftigung"]) {
      expect(relevant(checkServiceEntry(a2, file, entry({ place: "eigene Wohnung", category })))).toEqual(["block:excludedCategory"]);
    }
  });

  it("A2-R11: on-call duty is not billable without an on-call agreement (P-A2-09)", () => {
    const onCall = entry({ start: "08:00", end: "09:00", place: "Büro", category: "Rufbereitschaft" });
    const blocked = checkServiceEntry(a2, file, onCall);
    expect(relevant(blocked)).toEqual(["block:onCallWithoutAgreement"]);
    expect(blocked[0]?.message).toContain("P-A2-09");
    expect(checkServiceEntry(loadAgreementWithInputs("A2", { "P-A2-09": "Vereinbarung vom 01.02.2026" }), file, onCall)).toEqual([]);
  });
});

describe("A3 entry checks (A3-R13, A3-R19)", () => {
  const a3 = loadAgreementWithInputs("A3", { "P-A3-11": "08:00", "P-A3-12": "16:00" });

  it("A3-R19: entries on the premises outside the opening hours or days → WARN", () => {
    const file = caseFile("A3");
    expect(relevant(checkServiceEntry(a3, file, entry({ place: "premises", start: "07:30", end: "09:00" })))).toEqual(["warn:entryOutsideOpeningHours"]);
    expect(relevant(checkServiceEntry(a3, file, entry({ date: "2026-03-07", place: "Betriebsstätte", start: "09:00", end: "10:00" })))).toEqual(["warn:entryOutsideOpeningDays"]);
    expect(checkServiceEntry(a3, file, entry({ place: "premises", start: "08:00", end: "16:00" }))).toEqual([]);
    expect(checkServiceEntry(a3, file, entry({ place: "Kooperationsbetrieb Gärtnerei", start: "17:00", end: "18:00" }))).toEqual([]);
    const unfilled = checkServiceEntry(loadAgreement("A3"), file, entry({ place: "premises", start: "07:30", end: "09:00" }));
    expect(unfilled.map((finding) => finding.severity)).toEqual(["info"]);
    expect(unfilled[0]?.message).toContain("P-A3-11");
  });

  it("A3-R13: internship accompaniment up to 3 months from its start (01.09.2026 → 30.11.2026), BLOCK after or without a start", () => {
    const file = caseFile("A3", { events: [{ kind: "internshipStart", date: "2026-09-01" }] });
    const accompaniment = (date: string) => entry({ date, place: "Praktikumsbetrieb", category: "Praktikumsbegleitung" });
    expect(checkServiceEntry(a3, file, accompaniment("2026-11-30"))).toEqual([]);
    const late = checkServiceEntry(a3, file, accompaniment("2026-12-01"));
    expect(relevant(late)).toEqual(["block:timeLimitedCategoryExpired"]);
    expect(late[0]?.details).toMatchObject({ anchorDate: "2026-09-01", lastDay: "2026-11-30" });
    expect(relevant(checkServiceEntry(a3, caseFile("A3"), accompaniment("2026-10-01")))).toEqual(["block:timeLimitedCategoryWithoutStart"]);
  });
});

describe("A0 attribution (A0-R09, D23) and log fields (A0-R12)", () => {
  const a0 = loadAgreement("A0");
  const file = caseFile("A0");

  it("a missing SGB IX / SGB VIII attribution holds the entry and records D23", () => {
    const findings = checkServiceEntry(a0, file, entry({ staffId: "hep", category: "Anleitung Versorgung des Kindes" }));
    expect(relevant(findings)).toEqual(["hold:attributionMissing"]);
    expect(findings[0]?.explanation.policies).toEqual([{ decision: "D23", option: "perEntry", origin: "default" }]);
  });

  it("SGB IX entries pass; SGB VIII entries are documented, not billed under A0", () => {
    expect(checkServiceEntry(a0, file, entry({ staffId: "hep", category: "Anleitung", attribution: "SGB IX" }))).toEqual([]);
    const youthWelfare = checkServiceEntry(a0, file, entry({ staffId: "hep", category: "Hilfe zur Erziehung", attribution: "SGB VIII" }));
    expect(youthWelfare.map((finding) => `${finding.severity}:${finding.code}`)).toEqual(["info:attributionNotBillable"]);
  });

  it("the continuous log records staff and content (WARN when missing)", () => {
    expect(relevant(checkServiceEntry(a0, file, entry({ attribution: "SGB IX" })))).toEqual(["warn:entryFieldMissing"]);
  });
});

describe("A4 shifts and checkServiceEntries", () => {
  const a4 = loadAgreement("A4");

  it("classifies entries into Tagdienst (6–22) and Nachtwache (22–6)", () => {
    expect(classifyEntryShifts(a4, entry({ start: "05:30", end: "07:00" }))).toEqual(["Tagdienst", "Nachtwache"]);
    expect(classifyEntryShifts(a4, entry({ start: "23:00", end: "23:30" }))).toEqual(["Nachtwache"]);
    expect(classifyEntryShifts(a4, entry({ start: "10:00", end: "12:00" }))).toEqual(["Tagdienst"]);
    expect(classifyEntryShifts(a4, entry({ start: undefined, end: undefined, minutes: 30 }))).toEqual([]);
  });

  it("A4 has no day window: a night entry gets no finding; excluded services of other payers block (A4-R31)", () => {
    const file = caseFile("A4");
    expect(checkServiceEntry(a4, file, entry({ start: "23:00", end: "23:30" }))).toEqual([]);
    expect(relevant(checkServiceEntry(a4, file, entry({ category: "Leistung anderer Leistungsträger (Reha)" })))).toEqual(["block:excludedCategory"]);
  });

  it("checks every entry of a case file with its index and id", () => {
    const a2 = loadAgreement("A2");
    const file = caseFile("A2", {
      entries: [
        { id: "e1", date: "2026-03-02", start: "05:30", end: "07:00", place: "eigene Wohnung" },
        { id: "e2", date: "2026-03-03", start: "09:00", end: "10:00", place: "eigene Wohnung" },
      ],
    });
    const results = checkServiceEntries(a2, file);
    expect(results.map((result) => [result.index, result.entryId, result.date, relevant(result.findings)])).toEqual([
      [0, "e1", "2026-03-02", ["warn:entryOutsideDayWindow"]],
      [1, "e2", "2026-03-03", []],
    ]);
    expect(results[0]?.findings[0]?.details).toMatchObject({ entryId: "e1", start: "05:30", end: "07:00" });
  });
});
