/**
 * The Leitung's overview: the pending deadlines of every case of the organisation (M08–M10) and of each of its
 * agreement instances (reports, end of term, notice dates: computeAgreementDeadlines), sorted by the date that
 * drives escalation (D20), undated ones (missing input or anchor, or no due date under D18) last.
 * Deadlines need no service entries, so none are read; the years with hospital accompaniment (A4-R24) come
 * from one aggregate query.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import { collectCaseYears, computeAgreementDeadlines } from "../../domain/deadlines/agreementDeadlines.ts";
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import { sortDeadlines, type Deadline } from "../../domain/deadlines/deadline.ts";
import { loadCaseFiles, type StoredCase } from "../../store/caseFiles.ts";
import { resolveInstanceAgreement } from "../../store/instanceAgreement.ts";
import { accompaniments, agreementInstances, cases } from "../../store/schema/index.ts";
import { visibleClientCondition } from "../access/clientScope.ts";
import type { RequestScope } from "../appContext.ts";
import { isPendingDeadline } from "./caseDeadlineView.ts";

export interface TenantDeadline extends Deadline {
  /** "case": a case's deadline; "agreement": a deadline of the agreement instance itself. */
  scope: "case" | "agreement";
  agreementInstanceId: string;
  agreementId: string;
  caseId?: string;
  clientId?: string;
}

export interface TenantDeadlineOverview {
  asOf: string;
  dueBefore: string | null;
  deadlines: TenantDeadline[];
  /** Cases or instances whose agreement is not loaded: nothing could be computed for them. */
  notComputed: Array<{ agreementInstanceId: string; agreementId: string; caseId?: string; message: string }>;
}

const EARLIEST = "1900-01-01";

async function loadAccompanimentYears(scope: RequestScope, asOf: string): Promise<Map<string, number[]>> {
  const year = sql<number>`cast(extract(year from ${accompaniments.date}) as integer)`;
  const rows = await scope.tx
    .selectDistinct({ instanceId: cases.agreementInstanceId, year })
    .from(accompaniments)
    .innerJoin(cases, and(eq(cases.organisationId, accompaniments.organisationId), eq(cases.id, accompaniments.caseId)))
    .where(and(eq(accompaniments.organisationId, scope.actor.organisationId), lte(accompaniments.date, asOf)));
  const years = new Map<string, number[]>();
  for (const row of rows) years.set(row.instanceId, [...(years.get(row.instanceId) ?? []), Number(row.year)].sort((a, b) => a - b));
  return years;
}

function keepDeadline(deadline: Deadline, dueBefore: string | undefined): boolean {
  if (!isPendingDeadline(deadline)) return false;
  return dueBefore === undefined || deadline.drivingDue === null || deadline.drivingDue <= dueBefore;
}

export async function computeTenantDeadlines(scope: RequestScope, asOf: string, dueBefore?: string): Promise<TenantDeadlineOverview> {
  const organisationId = scope.actor.organisationId;
  // One query after the other: a transaction is one connection.
  // A Fachkraft's overview holds only the cases of clients assigned to them (clientScope.ts).
  const visible = visibleClientCondition(scope.grant?.view, sql.raw(`"cases".client_id`));
  const caseIds = visible ? (await scope.tx.select({ id: cases.id }).from(cases).where(and(eq(cases.organisationId, organisationId), visible))).map((row) => row.id) : undefined;
  const stored = await loadCaseFiles(scope.tx, scope.context.catalogue, { organisationId, from: EARLIEST, to: asOf, entriesFrom: asOf, ...(caseIds ? { caseIds } : {}) });
  const instances = await scope.tx.select().from(agreementInstances).where(eq(agreementInstances.organisationId, organisationId)).orderBy(agreementInstances.id);
  const accompanimentYears = await loadAccompanimentYears(scope, asOf);
  const deadlines: TenantDeadline[] = [];
  const notComputed: TenantDeadlineOverview["notComputed"] = [];
  const casesByInstance = new Map<string, StoredCase[]>();
  for (const entry of stored) {
    const known = casesByInstance.get(entry.agreementInstanceId);
    if (known) known.push(entry);
    else casesByInstance.set(entry.agreementInstanceId, [entry]);
    const agreementId = typeof entry.caseFile.agreement === "string" ? entry.caseFile.agreement : entry.caseFile.agreement.template;
    if (!entry.agreement) {
      notComputed.push({ agreementInstanceId: entry.agreementInstanceId, agreementId, caseId: entry.caseId, message: `Vereinbarung ${agreementId} ist nicht geladen; Fristen des Falls nicht berechnet` });
      continue;
    }
    for (const deadline of computeCaseDeadlines(entry.agreement, entry.caseFile, { asOf })) {
      if (keepDeadline(deadline, dueBefore))
        deadlines.push({ ...deadline, scope: "case", agreementInstanceId: entry.agreementInstanceId, agreementId: entry.agreement.id, caseId: entry.caseId, clientId: entry.clientId });
    }
  }
  for (const instance of instances) {
    const agreement = resolveInstanceAgreement(scope.context.catalogue, instance);
    if (!agreement) {
      notComputed.push({ agreementInstanceId: instance.id, agreementId: instance.agreementId, message: `Vereinbarung ${instance.agreementId} ist nicht geladen; Fristen der Vereinbarung nicht berechnet` });
      continue;
    }
    const instanceCases = casesByInstance.get(instance.id) ?? [];
    const { serviceYears } = collectCaseYears(instanceCases.map((entry) => entry.caseFile), asOf);
    // An instance without cases has no year of service, hence no yearly report.
    const options = { asOf, serviceYears, accompanimentYears: accompanimentYears.get(instance.id) ?? [] };
    for (const deadline of computeAgreementDeadlines(agreement, options)) {
      if (keepDeadline(deadline, dueBefore)) deadlines.push({ ...deadline, scope: "agreement", agreementInstanceId: instance.id, agreementId: agreement.id });
    }
  }
  return { asOf, dueBefore: dueBefore ?? null, deadlines: sortDeadlines(deadlines) as TenantDeadline[], notComputed };
}
