import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { billCase } from "../domain/billing/billCase.ts";
import { presentInvoiceDraft } from "../domain/billing/presentInvoiceDraft.ts";
import { loadCaseFiles } from "../store/caseFiles.ts";
import { agreementInstances, hilfeplans, organisations, planGoals } from "../store/schema/index.ts";
import type { Store } from "../store/store.ts";
import { openTestStore } from "../store/storeTestSupport.ts";
import { syncAgreements } from "../store/syncAgreements.ts";
import { DEMO_PROVIDER_ID } from "./demoOrganisations.ts";
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
});
