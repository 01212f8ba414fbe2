/**
 * Loads the demo into the store on the first start: the provider `demo-traeger`, its payers, one agreement
 * instance per agreement, the team with its contracts and background checks (demoStaffRecords.ts), the generated
 * case files (written through importCaseFile), the team's tasks (demoTasks.ts) and the demo accounts, all in one
 * transaction. The provider's row is the marker: when it exists, later starts load nothing.
 */
import { eq } from "drizzle-orm";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { importCaseFile } from "../store/importCaseFile.ts";
import { agreementInstances, backgroundChecks, hilfeplans, organisations, planGoals, staffContracts, staffMembers, tasks } from "../store/schema/index.ts";
import type { Store } from "../store/store.ts";
import type { ScryptParameters } from "../server/access/passwordHash.ts";
import { insertDemoAccountsIfAbsent } from "./demoAccounts.ts";
import { DEMO_PAYERS, DEMO_PROVIDER, DEMO_PROVIDER_ID } from "./demoOrganisations.ts";
import { DEMO_STAFF } from "./demoStaff.ts";
import { demoBackgroundChecks, demoStaffContracts } from "./demoStaffRecords.ts";
import { demoTasks, type DeadlineRuleOf } from "./demoTasks.ts";
import { DEMO_AGREEMENT_INSTANCES, documentedMonths, generateDemoCases, type DemoAgreementFamily } from "./generateDemoCases.ts";

export interface DemoLoad {
  /** False when the demo was already there (nothing written). */
  loaded: boolean;
  /** Documented months per agreement family (of this load). */
  months?: Record<DemoAgreementFamily, string[]>;
}

type Bound = { value?: unknown; input?: string } | undefined;

/** A validity bound as a date: its value, or the value the agreement fills its input with. */
function boundDate(agreement: Agreement, bound: Bound): string | undefined {
  if (!bound) return undefined;
  const value = bound.input ? (agreement.inputValues as Record<string, { value?: unknown }> | undefined)?.[bound.input]?.value : bound.value;
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Validity (from, to) of every catalogue agreement whose bounds are known dates. */
export function agreementValidityOf(catalogue: Catalogue): Record<string, { from?: string; to?: string }> {
  const result: Record<string, { from?: string; to?: string }> = {};
  for (const agreement of catalogue.agreements.values()) {
    const validity = agreement.validity as { from?: Bound; to?: Bound } | undefined;
    const from = boundDate(agreement, validity?.from);
    const to = boundDate(agreement, validity?.to);
    result[agreement.id] = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  return result;
}

function demoMonthsByFamily(today: string, validity: Record<string, { to?: string }>): Record<DemoAgreementFamily, string[]> {
  return Object.fromEntries(DEMO_AGREEMENT_INSTANCES.map((instance) => [instance.family, documentedMonths(today, validity[instance.agreementId]?.to)])) as Record<DemoAgreementFamily, string[]>;
}

/** The rule and source of an agreement's deadline of a task type (the demo's tasks of that kind carry them). */
function deadlineRuleIn(catalogue: Catalogue): DeadlineRuleOf {
  return (agreementId, taskType) => {
    const rule = catalogue.agreements.get(agreementId)?.deadlines?.rules.find((candidate) => candidate.taskType === taskType);
    return rule ? { ruleId: rule.ruleId, source: rule.source } : undefined;
  };
}

/** Loads the demo unless its provider exists; `today` fixes the documented months. */
export async function loadDemoIfAbsent(store: Store, catalogue: Catalogue, options: { today: string; passwordParameters?: ScryptParameters }): Promise<DemoLoad> {
  const validity = agreementValidityOf(catalogue);
  for (const instance of DEMO_AGREEMENT_INSTANCES) {
    if (!catalogue.agreements.has(instance.agreementId)) throw new Error(`Demo: Vereinbarung ${instance.agreementId} fehlt im Katalog (agreements/)`);
  }
  return store.transaction(async (tx) => {
    // The provider row is written first: a second process starting at the same time finds it and loads nothing.
    const inserted = await tx.insert(organisations).values(DEMO_PROVIDER).onConflictDoNothing().returning({ id: organisations.id });
    if (inserted.length === 0) {
      // A demo loaded before accounts existed gets its demo accounts now.
      await insertDemoAccountsIfAbsent(tx, { ...(options.passwordParameters ? { passwordParameters: options.passwordParameters } : {}) });
      return { loaded: false };
    }
    await tx.insert(organisations).values(DEMO_PAYERS).onConflictDoNothing();
    await tx.insert(agreementInstances).values(
      DEMO_AGREEMENT_INSTANCES.map((instance) => {
        const agreement = catalogue.agreements.get(instance.agreementId)!;
        return { organisationId: DEMO_PROVIDER_ID, id: instance.id, agreementId: instance.agreementId, title: agreement.title, payerId: instance.payerId };
      }),
    );
    await tx.insert(staffMembers).values(DEMO_STAFF.map((member) => ({ organisationId: DEMO_PROVIDER_ID, ...member })));
    const demoCases = generateDemoCases({ today: options.today, agreementValidity: validity });
    for (const demoCase of demoCases) await importCaseFile(tx, demoCase.caseFile, { organisationId: DEMO_PROVIDER_ID, agreementInstanceId: demoCase.agreementInstanceId });
    // Every Hilfeplan gets a Förderziel with one Teilziel, so that plans and goals can be shown.
    const plans = await tx.select({ id: hilfeplans.id, caseId: hilfeplans.caseId, kind: hilfeplans.kind }).from(hilfeplans).where(eq(hilfeplans.organisationId, DEMO_PROVIDER_ID));
    const goals = plans.flatMap((plan) => [
      { organisationId: DEMO_PROVIDER_ID, id: `${plan.id}/Z1`, hilfeplanId: plan.id, title: "Selbstständigkeit im Alltag erweitern (Beispiel)", status: "open" as const },
      {
        organisationId: DEMO_PROVIDER_ID,
        id: `${plan.id}/Z1.1`,
        hilfeplanId: plan.id,
        parentGoalId: `${plan.id}/Z1`,
        title: plan.kind === "initial" ? "Wochenplan gemeinsam aufstellen (Beispiel)" : "Wochenplan selbst führen (Beispiel)",
        status: "open" as const,
      },
    ]);
    if (goals.length > 0) await tx.insert(planGoals).values(goals);
    // Contracts and background checks of the team, and the team's tasks (dated from `today`).
    const organisationKey = { organisationId: DEMO_PROVIDER_ID };
    await tx.insert(staffContracts).values(demoStaffContracts(options.today).map((contract) => ({ ...organisationKey, ...contract })));
    await tx.insert(backgroundChecks).values(demoBackgroundChecks(options.today).map((check) => ({ ...organisationKey, ...check })));
    await tx.insert(tasks).values(demoTasks(options.today, deadlineRuleIn(catalogue)).map((task) => ({ ...organisationKey, ...task })));
    // One account per role (demoAccounts.ts), printed by `npm start`.
    await insertDemoAccountsIfAbsent(tx, { ...(options.passwordParameters ? { passwordParameters: options.passwordParameters } : {}) });
    return { loaded: true, months: demoMonthsByFamily(options.today, validity) };
  });
}
