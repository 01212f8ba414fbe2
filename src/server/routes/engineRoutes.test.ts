import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseFileSchema, type CaseFile } from "../../domain/case/caseFileSchema.ts";
import { importCaseFile } from "../../store/importCaseFile.ts";
import { backgroundChecks, staffContracts } from "../../store/schema/index.ts";
import { instanceIdOf, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;

function readExample(name: string): CaseFile {
  return caseFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8")));
}

const EXAMPLES: Array<[file: string, agreementId: string]> = [
  ["a0-begleitete-elternschaft.json", "A0-beispiel-leipzig"],
  ["a2-kognitive-beeintraechtigung.json", "A2-beispiel-bremen"],
  ["a3-zuverdienst.json", "A3-beispiel"],
  ["a4-intensivwohnen.json", "A4"],
];

beforeAll(async () => {
  server = await startTestServer();
  for (const [file, agreementId] of EXAMPLES) {
    const caseFile = readExample(file);
    await importCaseFile(server.store.db, caseFile, { organisationId: TENANT_A, agreementInstanceId: instanceIdOf(agreementId) });
  }
});
afterAll(async () => server.close());

describe("billing preview", () => {
  it("shows the A4 March 2026 invoice draft with each line's rule, clause and policy", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?month=2026-03");
    expect(answer.status).toBe(200);
    expect(answer.body.totals.billed).toBe("44347.33");
    expect(answer.body.totals.held).toBe("0.00");
    expect(answer.body.periodFrom).toBe("2026-03-01");
    expect(answer.body.periodTo).toBe("2026-03-31");
    const hospital = answer.body.lines.find((line: { label: string }) => line.label.includes("Krankenhaus, Tag 1–30"));
    expect(hospital).toMatchObject({ quantity: "19", unit: "absenceDay", unitPrice: "1446.38", amount: "27481.22", ruleId: "A4-R08", source: { clause: "§ 5.2" } });
    expect(hospital.policies).toContainEqual({ decision: "D01", option: "A", origin: "default" });
    expect(answer.body.lines.map((line: { amount: string }) => line.amount)).toEqual(["27481.22", "661.40", "6080.05", "4339.14", "5785.52"]);
    expect(answer.body.holds.map((hold: { inputId: string; ruleId: string }) => `${hold.inputId} ${hold.ruleId}`)).toEqual(["P-A4-09 A4-R13", "P-A4-10 A4-R13"]);
  });

  it("bills nothing for a month before the case started", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?month=2025-12");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ periodFrom: "2025-12-01", periodTo: "2025-12-31", lines: [], totals: { billed: "0.00", held: "0.00" } });
  });

  it("takes a period as from/to and gives the same figures as the month", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?from=2026-03-01&to=2026-03-31");
    expect(answer.status).toBe(200);
    expect(answer.body.totals.billed).toBe("44347.33");
  });

  it("answers 400 naming query.month for a bad month, and for a period without an end", async () => {
    const bad = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?month=2026-13");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors).toEqual([{ path: "query.month", message: "Monat als JJJJ-MM" }]);
    const open = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?from=2026-03-01");
    expect(open.status).toBe(400);
    expect(open.body.errors.map((error: { path: string }) => error.path)).toEqual(["query.to"]);
  });

  it("refuses an unknown query field and a date that does not exist, in German", async () => {
    const unknown = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?monat=2026-03");
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { path: string }) => error.path)).toContain("query.monat");
    const badDate = await server.api("GET", "/api/v1/cases/F-A3-001/deadlines?asOf=2026-02-30");
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toMatchObject([{ path: "query.asOf", message: expect.stringMatching(/Ungültig|ungültig/) }]);
  });

  it("answers 404 for an unknown case and for another tenant's case", async () => {
    expect((await server.api("GET", "/api/v1/cases/F-unbekannt/billing-preview?month=2026-03")).status).toBe(404);
    const other = await server.api("GET", "/api/v1/cases/F-A4-002/billing-preview?month=2026-03", undefined, { organisation: TENANT_B });
    expect(other.status).toBe(404);
    expect(other.body.detail).toBe("Fall „F-A4-002“ nicht gefunden");
  });
});

describe("deadlines", () => {
  it("moves the A3 crisis report to the payer past Easter Monday: due 2026-04-07", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A3-001/deadlines?asOf=2026-04-01");
    expect(answer.status).toBe(200);
    const crisis = answer.body.deadlines.find((deadline: { explanation: { ruleId: string } }) => deadline.explanation.ruleId === "A3-R17");
    expect(crisis).toMatchObject({
      title: "Leistungsträger informieren – Krisensituation dauert mehr als vier Wochen",
      nominalDue: "2026-04-06",
      workingDayDue: "2026-04-07",
      drivingDue: "2026-04-07",
      shifted: true,
      status: "dueSoon",
      anchor: { fact: "crisis.start", date: "2026-03-09" },
      explanation: { source: { clause: "§ 4 Nr. 2" } },
    });
    expect(crisis.explanation.policies).toContainEqual({ decision: "D20", option: "nextWorkingDayDrives", origin: "default" });
    expect(answer.body.retention).toBeNull();
  });

  it("uses today (2026-04-15) by default: the crisis report is then overdue", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A3-001/deadlines");
    expect(answer.body.asOf).toBe("2026-04-15");
    expect(answer.body.deadlines.find((deadline: { explanation: { ruleId: string } }) => deadline.explanation.ruleId === "A3-R17").status).toBe("overdue");
  });

  it("gives the retention period of a case that has ended: end 31.03.2026 + 5 years (A3-R29, E14)", async () => {
    const ended = readExample("a3-zuverdienst.json");
    await importCaseFile(server.store.db, { ...ended, case: { ...ended.case, id: "F-A3-ENDE", end: "2026-03-31" } }, { organisationId: TENANT_A, agreementInstanceId: instanceIdOf("A3-beispiel"), clientId: ended.client.id });
    const answer = await server.api("GET", "/api/v1/cases/F-A3-ENDE/deadlines?asOf=2026-04-15");
    expect(answer.status).toBe(200);
    expect(answer.body.retention).toMatchObject({ applies: true, serviceEnd: "2026-03-31", retainUntil: "2031-03-31", deletionReviewFrom: "2031-04-01", explanation: { ruleId: "A3-R29", source: { clause: "§ 5.2.3" } } });
    expect(answer.body.retention.explanation.policies).toContainEqual({ decision: "D29", option: expect.any(String), origin: "default" });
  });

  it("lists the organisation's pending deadlines of cases and agreements, sorted by due date", async () => {
    const answer = await server.api("GET", "/api/v1/deadlines?asOf=2026-04-01&dueBefore=2026-06-30");
    expect(answer.status).toBe(200);
    const deadlines = answer.body.deadlines as Array<{ scope: string; caseId?: string; agreementId: string; drivingDue: string | null; status: string; explanation: { ruleId: string } }>;
    expect(deadlines.find((deadline) => deadline.explanation.ruleId === "A3-R17")).toMatchObject({ scope: "case", caseId: "F-A3-001", drivingDue: "2026-04-07" });
    expect(deadlines.find((deadline) => deadline.explanation.ruleId === "A4-R26")).toMatchObject({ scope: "agreement", agreementId: "A4", status: "dueSoon" });
    expect(deadlines.every((deadline) => ["open", "dueSoon", "overdue"].includes(deadline.status))).toBe(true);
    const dated = deadlines.map((deadline) => deadline.drivingDue).filter((due): due is string => due !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dated.every((due) => due <= "2026-06-30")).toBe(true);
    const tenantB = await server.api("GET", "/api/v1/deadlines?asOf=2026-04-01", undefined, { organisation: TENANT_B });
    expect(tenantB.body.deadlines).toEqual([]);
  });
});

describe("admission and volume", () => {
  it("finds the A3 person eligible, each finding with rule and clause", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A3-001/admission?asOf=2026-04-01");
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("eligible");
    expect(answer.body.findings[0]).toMatchObject({ severity: "info", message: "Alter am 01.04.2026: 34 Jahre (mindestens 18).", explanation: { ruleId: "A3-R02", source: { clause: "§ 2.1" } } });
  });

  it("gives the A3 monthly average for March 2026: 12 hours, 2.71 h a week, excused by the crisis", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A3-001/volume?month=2026-03");
    expect(answer.status).toBe(200);
    expect(answer.body.applies).toBe(true);
    expect(answer.body.monthly).toMatchObject({ status: "shortfall", hours: "12", averageWeeklyHoursRounded: "2.71", excused: true, excuse: { reason: "crisis", ruleId: "A3-R16" } });
    expect(answer.body.year).toMatchObject({ shortfallCount: 1, limit: 2 });
  });

  it("checks the A2 need-group corridor over the quarter: 4.67 h a week, below HBG 3 (5–11 h)", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A2-001/volume?month=2026-03");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ applies: true, monthly: null, corridor: { window: { key: "2026-Q1", from: "2026-01-01", to: "2026-03-31" }, billingEffect: "none" } });
    expect(answer.body.corridor.segments[0]).toMatchObject({ hours: "60", averageWeeklyHoursRounded: "4.67", needGroup: 3, position: "below" });
    expect(answer.body.corridor.findings[0]).toMatchObject({ severity: "warn", code: "needGroupCorridorBelow", explanation: { ruleId: "A2-R04", source: { clause: "§ 6.5" } } });
  });

  it("says so when the agreement has no volume rule (A4)", async () => {
    const answer = await server.api("GET", "/api/v1/cases/F-A4-002/volume?month=2026-03");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ applies: false, monthly: null, corridor: null, message: expect.stringContaining("keine Umfangsgrenzen") });
    expect((await server.api("GET", "/api/v1/cases/F-A4-002/volume")).body.errors[0].path).toBe("query.month");
  });
});

describe("pre-save check of a service entry", () => {
  it("warns about an entry at 22:30–23:30 with A2-R10 § 6.11 and stores nothing", async () => {
    const entry = { date: "2026-03-18", start: "22:30", end: "23:30", staffId: "M-A2-1", category: "Krisengespräch", place: "Wohnung" };
    const answer = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A2-001", entry });
    expect(answer.status).toBe(200);
    const window = answer.body.findings.find((finding: { ruleId: string }) => finding.ruleId === "A2-R10");
    expect(window).toMatchObject({ severity: "warn", origin: "documentation", clause: "§ 6.11" });
    expect(window.message).toMatch(/22/);
    expect(answer.body.clean).toBe(false);
    const month = await server.api("GET", "/api/v1/clients/K-A2-001/month/2026-03");
    expect(month.body.cases[0].entries.some((stored: { start?: string }) => stored.start === "22:30")).toBe(false);
  });

  it("warns that the approved volume (A0: 20 h a month) would be exceeded, naming the held hours", async () => {
    const entry = { date: "2026-03-25", start: "09:00", end: "11:00", attribution: "SGB IX", staffId: "M-A0-1", category: "Elternassistenz im Alltag", place: "Wohnung der Familie" };
    const answer = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A0-001", entry });
    expect(answer.status).toBe(200);
    const volume = answer.body.findings.find((finding: { code: string }) => finding.code === "volumeExceeded");
    expect(volume).toMatchObject({ severity: "warn", origin: "billing", ruleId: "A0-R04", details: { heldQuantity: "2", unit: "hour" } });
  });

  it("leaves the stored entry being edited out (entryId): no volume exceeded by counting it twice", async () => {
    // February 2026 of F-A0-001: the invoice draft bills 11 h of 20 h approved. A0-2602-01 (09:00–11:30) edited to
    // 09:00–18:30 (9.5 h): counted twice 11 + 9.5 = 20.5 h (0.5 h held); in place of the stored entry 11 − 2.5 + 9.5 = 18 h.
    const entry = { date: "2026-02-03", start: "09:00", end: "18:30", attribution: "SGB IX", staffId: "M-A0-1", category: "Elternassistenz im Alltag", place: "Wohnung der Familie" };
    const twice = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A0-001", entry });
    expect(twice.status, JSON.stringify(twice.body)).toBe(200);
    expect(twice.body.findings.find((finding: { code: string }) => finding.code === "volumeExceeded")).toMatchObject({ ruleId: "A0-R04", details: { heldQuantity: "0.5", unit: "hour" } });
    const edited = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A0-001", entry, entryId: "F-A0-001/A0-2602-01" });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.findings.map((finding: { code: string }) => finding.code)).not.toContain("volumeExceeded");
    // Beyond the approval even in place of the stored entry (07:00–19:00: 11 − 2.5 + 12 = 20.5 h): still held.
    const longer = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A0-001", entry: { ...entry, start: "07:00", end: "19:00" }, entryId: "F-A0-001/A0-2602-01" });
    expect(longer.body.findings.find((finding: { code: string }) => finding.code === "volumeExceeded")).toMatchObject({ details: { heldQuantity: "0.5" } });
  });

  it("warns that no cost coverage exists on the date (A0 before 12.01.2026)", async () => {
    const entry = { date: "2026-01-09", start: "09:00", end: "10:00", attribution: "SGB IX", staffId: "M-A0-1", category: "Vorgespräch", place: "Büro" };
    const answer = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A0-001", entry });
    expect(answer.status).toBe(200);
    expect(answer.body.findings.find((finding: { code: string }) => finding.code === "noCostCoverage")).toMatchObject({ severity: "warn", origin: "billing", details: { heldQuantity: "1" } });
  });

  it("refuses a bad entry (400 naming the field) and another tenant's case (404)", async () => {
    const bad = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A2-001", entry: { date: "2026-02-30", minutes: 30 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toContain("body.entry.date");
    const other = await server.api("POST", "/api/v1/service-entries/check", { caseId: "F-A2-001", entry: { date: "2026-03-18", minutes: 30 } }, { organisation: TENANT_B });
    expect(other.status).toBe(404);
  });
});

describe("a client's month", () => {
  it("shows the A4 client's March: entries, absences, billing totals and deadlines due", async () => {
    const answer = await server.api("GET", "/api/v1/clients/K-A4-002/month/2026-03");
    expect(answer.status).toBe(200);
    expect(answer.body.client.id).toBe("K-A4-002");
    expect(answer.body.cases).toHaveLength(1);
    const [month] = answer.body.cases;
    expect(month).toMatchObject({ caseId: "F-A4-002", agreementId: "A4", billing: { billed: "44347.33", held: "0.00", lineCount: 5 } });
    expect(month.billing.holds.map((hold: { ruleId: string; clause: string }) => `${hold.ruleId} ${hold.clause}`)).toEqual(["A4-R13 § 5.8", "A4-R13 § 5.8"]);
    expect(month.absences.length).toBeGreaterThan(0);
    expect(month.deadlinesDue.every((deadline: { status: string }) => deadline.status !== "done")).toBe(true);
    expect((await server.api("GET", "/api/v1/clients/K-A4-002/month/2026-03", undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", "/api/v1/clients/K-A4-002/month/2026-3")).body.errors[0].path).toBe("params.month");
    expect((await server.api("GET", "/api/v1/clients/K-unbekannt/month/2026-03")).status).toBe(404);
    const before = await server.api("GET", "/api/v1/clients/K-A4-002/month/2025-12");
    expect(before.status).toBe(200);
    expect(before.body.cases).toEqual([]);
  });
});

describe("OpenAPI", () => {
  it("documents every engine route", async () => {
    const answer = await server.api("GET", "/api/v1/openapi.json");
    expect(answer.status).toBe(200);
    for (const path of ["/api/v1/cases/{id}/billing-preview", "/api/v1/cases/{id}/deadlines", "/api/v1/deadlines", "/api/v1/cases/{id}/admission", "/api/v1/cases/{id}/volume", "/api/v1/service-entries/check", "/api/v1/clients/{id}/month/{month}", "/api/v1/staffing"])
      expect(Object.keys(answer.body.paths)).toContain(path);
    expect(answer.body.paths["/api/v1/cases/{id}/billing-preview"].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(["id", "month", "from", "to"]));
  });
});

describe("staffing", () => {
  it("evaluates the team assembled from the staff tables and names the facts the store does not hold", async () => {
    await server.store.db.insert(staffContracts).values([
      { organisationId: TENANT_A, id: "V-A2-1", staffId: "M-A2-1", from: "2025-01-01", weeklyHours: "39", function: "Betreuung und Assistenz", agreementInstanceId: instanceIdOf("A2-beispiel-bremen") },
    ]);
    await server.store.db.insert(backgroundChecks).values([{ organisationId: TENANT_A, id: "FZ-A2-1", staffId: "M-A2-1", inspectedOn: "2020-01-10", issuedOn: "2020-01-02", result: "noEntries" }]);
    const answer = await server.api("GET", "/api/v1/staffing?asOf=2026-03-31");
    expect(answer.status).toBe(200);
    expect(answer.body.asOf).toBe("2026-03-31");
    expect(answer.body.report.agreements.map((entry: { agreementId: string }) => entry.agreementId)).toContain("A2-beispiel-bremen");
    const missing = answer.body.missingFacts.map((fact: { fact: string }) => fact.fact);
    expect(missing).toContain("organisation.contractFullTimeHours");
    expect(missing).toContain("staff[M-A0-1].weeklyHours"); // imported with the A0 file, no contract recorded
    expect(missing).not.toContain("staff[M-A2-1].role"); // „Betreuung und Assistenz“ is the role support
    expect(answer.body.derivedFacts[0]).toContain("laufenden Fällen");
    // Census from the active A2 case (need group 3): 1 person ÷ 2.64 persons per FTE = 0.38 FTE (A2-R18, § 9 a)).
    const a2 = answer.body.report.agreements.find((entry: { agreementId: string }) => entry.agreementId === "A2-beispiel-bremen");
    expect(a2.need).toMatchObject({ status: "computed", ruleId: "A2-R18", applied: { total: { rounded: "0.38" } } });
    expect(a2.need.needGroupTerms).toMatchObject([{ needGroup: 3, persons: { rounded: "1.00" }, personsPerFullTimeEquivalent: { rounded: "2.64" } }]);
    // The certificate inspected on 10.01.2020 was due again five years later (A2-R12, § 7.1).
    const overdue = answer.body.report.findings.find((finding: { code: string; message: string }) => finding.code === "backgroundCheckOverdue" && finding.message.includes("M-A2-1"));
    expect(overdue).toMatchObject({ severity: "warn", explanation: { ruleId: "A2-R12", source: { clause: "§ 7.1" } } });
    expect(overdue.message).toContain("10.01.2025");
  });
});
