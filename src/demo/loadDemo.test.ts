import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { billCase } from "../domain/billing/billCase.ts";
import { presentInvoiceDraft } from "../domain/billing/presentInvoiceDraft.ts";
import { loadCaseFiles } from "../store/caseFiles.ts";
import { agreementInstances, backgroundChecks, hilfeplans, organisations, planGoals, staffContracts, tasks } from "../store/schema/index.ts";
import type { Store } from "../store/store.ts";
import { openTestStore } from "../store/storeTestSupport.ts";
import { assembleTeamFile } from "../store/teamFiles.ts";
import { evaluateStaffing } from "../domain/staffing/evaluateStaffing.ts";
import { syncAgreements } from "../store/syncAgreements.ts";
import { DEMO_PROVIDER_ID } from "./demoOrganisations.ts";
import { DEMO_STAFF } from "./demoStaff.ts";
import { generateDemoCases } from "./generateDemoCases.ts";
import { agreementValidityOf, loadDemoIfAbsent } from "./loadDemo.ts";
import { summariseOrganisation } from "./summariseOrganisation.ts";

const catalogue = loadCatalogue();
const TODAY = "2026-04-15";
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await syncAgreements(store.db, catalogue);
});

afterAll(async () => {
  await store.close();
});

describe("loadDemoIfAbsent", () => {
  const generated = generateDemoCases({ today: TODAY, agreementValidity: agreementValidityOf(catalogue) });

  it("loads the provider, three payers, five agreement instances and 50 clients once; a second call loads nothing", async () => {
    const first = await loadDemoIfAbsent(store, catalogue, { today: TODAY });
    expect(first).toEqual({ loaded: true, months: { A0: ["2026-01", "2026-02", "2026-03"], A1: ["2026-01", "2026-02", "2026-03"], A2: ["2026-01", "2026-02", "2026-03"], A3: ["2026-01", "2026-02", "2026-03"], A4: ["2026-01", "2026-02", "2026-03"] } });
    const summary = await summariseOrganisation(store.db, DEMO_PROVIDER_ID);
    const entries = generated.reduce((sum, demoCase) => sum + demoCase.caseFile.entries.length, 0);
    const absences = generated.reduce((sum, demoCase) => sum + demoCase.caseFile.absences.length, 0);
    expect(summary).toEqual({ clients: 50, cases: 50, entries, absences, firstEntryDate: "2026-01-02", lastEntryDate: "2026-03-31" });

    expect(await loadDemoIfAbsent(store, catalogue, { today: "2026-12-01" })).toEqual({ loaded: false });
    expect(await summariseOrganisation(store.db, DEMO_PROVIDER_ID)).toEqual(summary);

    const payers = await store.db.select({ id: organisations.id, leitwegId: organisations.leitwegId }).from(organisations).where(eq(organisations.kind, "payer"));
    expect(payers.filter((payer) => payer.id.startsWith("demo-")).map((payer) => payer.leitwegId).sort()).toEqual(["03241000-BEISPIEL2-25", "04011000-BEISPIEL1-81", "14713000-BEISPIEL3-51"]);
    const instances = await store.db.select({ agreementId: agreementInstances.agreementId }).from(agreementInstances).where(eq(agreementInstances.organisationId, DEMO_PROVIDER_ID));
    expect(instances.map((row) => row.agreementId).sort()).toEqual(["A0-beispiel-leipzig", "A1-beispiel", "A2-beispiel-bremen", "A3-beispiel", "A4"]);
  });

  it("gives every Hilfeplan a Förderziel with one Teilziel", async () => {
    const [plans] = await store.db.select({ value: count() }).from(hilfeplans).where(eq(hilfeplans.organisationId, DEMO_PROVIDER_ID));
    const [goals] = await store.db.select({ value: count() }).from(planGoals).where(eq(planGoals.organisationId, DEMO_PROVIDER_ID));
    const [subGoals] = await store.db.select({ value: count() }).from(planGoals).where(and(eq(planGoals.organisationId, DEMO_PROVIDER_ID), eq(planGoals.title, "Wochenplan gemeinsam aufstellen (Beispiel)")));
    expect(plans!.value).toBeGreaterThanOrEqual(50);
    expect(goals!.value).toBe(2 * plans!.value);
    expect(subGoals!.value).toBe(generated.reduce((sum, demoCase) => sum + demoCase.caseFile.hilfeplans.filter((plan) => plan.kind === "initial").length, 0));
  });

  it("bills every stored case for March 2026 exactly as its generated case file", async () => {
    const stored = await store.transaction((tx) => loadCaseFiles(tx, catalogue, { organisationId: DEMO_PROVIDER_ID, ...MARCH }));
    expect(stored).toHaveLength(50);
    const byId = new Map(generated.map((demoCase) => [demoCase.caseFile.case.id, demoCase]));
    let billed = 0;
    for (const storedCase of stored) {
      const original = byId.get(storedCase.caseId)!;
      const fromFile = presentInvoiceDraft(billCase(catalogue.agreements.get(original.caseFile.agreement as string)!, original.caseFile, MARCH));
      const fromStore = presentInvoiceDraft(billCase(storedCase.agreement!, storedCase.caseFile, MARCH));
      expect(fromStore.totals, storedCase.caseId).toEqual(fromFile.totals);
      expect(fromStore.holds.map((hold) => hold.code), storedCase.caseId).toEqual(fromFile.holds.map((hold) => hold.code));
      billed += Number(fromStore.totals.billed);
    }
    expect(billed).toBeGreaterThan(0);
  });

  it("gives every staff member a contract under their agreement, four of them part-time", async () => {
    const rows = await store.db.select().from(staffContracts).where(eq(staffContracts.organisationId, DEMO_PROVIDER_ID)).orderBy(staffContracts.id);
    expect(rows.map((row) => `${row.staffId} ${row.agreementInstanceId} ${row.from} ${row.weeklyHours} ${row.function}`)).toEqual([
      "demo-M-01 demo-A0 2022-02-01 39.00 Fachkraft Betreuung",
      "demo-M-02 demo-A0 2024-08-01 19.50 Fachkraft Betreuung",
      "demo-M-03 demo-A1 2023-02-01 39.00 Fachkraft Betreuung",
      "demo-M-04 demo-A1 2025-07-01 25.00 Assistenz Hauswirtschaft",
      "demo-M-05 demo-A2 2025-02-01 39.00 Fachkraft Betreuung",
      "demo-M-06 demo-A3 2020-10-01 30.00 Fachkraft Betreuung",
      "demo-M-07 demo-A3 2024-03-01 39.00 Betätigungsanleitung Holzwerkstatt",
      "demo-M-08 demo-A4 2019-04-01 39.00 Fachkraft Betreuung",
      "demo-M-09 demo-A2 2023-09-01 10.00 Interventionsdienst Betreuung",
      "demo-M-09 demo-A4 2023-09-01 20.00 Interventionsdienst Betreuung",
    ]);
    expect(new Set(rows.map((row) => row.staffId))).toEqual(new Set(DEMO_STAFF.map((member) => member.id)));
  });

  it("records background checks the agreements accept, one due soon and one missing (M09, X-R01)", async () => {
    const checks = await store.db.select().from(backgroundChecks).where(eq(backgroundChecks.organisationId, DEMO_PROVIDER_ID)).orderBy(backgroundChecks.id);
    expect(checks.map((row) => `${row.staffId} ${row.inspectedOn} ${row.issuedOn} ${row.result}`)).toEqual([
      "demo-M-01 2022-01-20 2021-12-21 noEntries",
      "demo-M-02 2024-07-20 2024-06-20 noEntries",
      "demo-M-03 2023-01-20 2022-12-21 noEntries",
      "demo-M-04 2025-06-19 2025-05-20 noEntries",
      "demo-M-06 2020-09-19 2020-08-20 noEntries",
      "demo-M-06 2023-05-26 2023-05-10 noEntries",
      "demo-M-07 2024-02-18 2024-01-19 noEntries",
      "demo-M-08 2019-03-20 2019-02-18 noEntries",
      "demo-M-08 2024-02-05 2024-01-20 noEntries",
      "demo-M-09 2023-08-20 2023-07-21 noEntries",
    ]);
    const assembled = await assembleTeamFile(store.db, catalogue, { organisationId: DEMO_PROVIDER_ID, asOf: TODAY });
    const report = evaluateStaffing(assembled.agreements, assembled.team, { asOf: TODAY });
    expect(report.backgroundChecks.members.map((member) => `${member.staffId} ${member.status} ${member.nextDue?.date ?? "–"} ${member.nextDue?.drivenBy.join("+") ?? ""}`)).toEqual([
      "demo-M-01 notRegulated – ",
      "demo-M-02 notRegulated – ",
      "demo-M-03 held – ",
      "demo-M-04 held – ",
      "demo-M-05 blocked – ",
      "demo-M-06 ok 2026-05-26 A3-beispiel",
      "demo-M-07 ok 2027-02-18 A3-beispiel",
      "demo-M-08 ok 2029-02-05 A4",
      "demo-M-09 ok 2028-08-20 A2-beispiel-bremen+A4",
    ]);
    expect(report.findings.filter((finding) => finding.code === "backgroundCheckMissing").map((finding) => `${finding.severity} ${finding.explanation.ruleId}: ${finding.message}`)).toEqual([
      "block A2-R12: Beispiel-Fachkraft Heilerziehungspfleger (Bremen) (demo-M-05): kein anerkanntes Führungszeugnis bei Beginn am 01.02.2025: kein Einsatz mit Kontakt zu Leistungsberechtigten",
    ]);
    expect(report.findings.some((finding) => finding.code === "certificateTooOld" || finding.code === "backgroundCheckLate" || finding.code === "backgroundCheckOverdue")).toBe(false);
  });

  it("writes the team's tasks: two done in each documented month, two overdue, two due soon, two later", async () => {
    const rows = await store.db.select().from(tasks).where(eq(tasks.organisationId, DEMO_PROVIDER_ID)).orderBy(tasks.dueDate, tasks.id);
    expect(rows.map((row) => `${row.dueDate} ${row.status}${row.completedOn ? ` ${row.completedOn}` : ""} ${row.caseId} ${row.assigneeId} ${row.title}${row.ruleId ? ` (${row.ruleId} ${(row.source as { clause: string }).clause})` : ""}`)).toEqual([
      "2026-01-20 done 2026-01-17 demo-F-002 demo-M-03 Hilfeplangespräch vorbereiten",
      "2026-01-27 done 2026-01-27 demo-F-005 demo-M-08 Fallbesprechung im Team vorbereiten",
      "2026-02-19 done 2026-02-17 demo-F-013 demo-M-05 Hilfeplangespräch vorbereiten",
      "2026-02-24 done 2026-02-22 demo-F-011 demo-M-01 Folgeantrag auf Kostenübernahme beim Kostenträger stellen",
      "2026-03-17 open demo-F-018 demo-M-05 Folgeantrag auf Kostenübernahme beim Kostenträger stellen",
      "2026-03-19 done 2026-03-18 demo-F-006 demo-M-04 Fallbesprechung im Team vorbereiten",
      "2026-03-26 done 2026-03-24 demo-F-010 demo-M-08 Hilfeplangespräch vorbereiten",
      "2026-04-10 open demo-F-003 demo-M-05 Hilfeplangespräch vorbereiten",
      "2026-04-20 open demo-F-001 demo-M-01 Entwicklungsbericht abstimmen (A0-R13 § 1.2)",
      "2026-04-27 open demo-F-007 demo-M-03 Verlaufsbericht an den Kostenträger senden (A1-R20 § 3.2.4)",
      "2026-05-06 open demo-F-013 demo-M-05 Fallbesprechung im Team vorbereiten",
      "2026-05-25 open demo-F-009 demo-M-06 Verlaufsbericht an den Kostenträger senden (A3-R30 § 5.2.4)",
    ]);
  });
});
