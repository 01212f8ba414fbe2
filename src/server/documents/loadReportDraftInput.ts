/**
 * The documentation behind a report draft, read from the store for one case of the provider: the case and
 * person, the agreement, the Hilfeplan (the given one or the latest), its goals, measures and updates, the
 * service entries of the report period per goal, the latest Gesamtplan; for the quality report the number of
 * cases of the same agreement instance active in the report year.
 */
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { ReportDraftInput, ReportKind } from "../../documents/report/reportDraft.ts";
import { agreementInstances, cases, clients, gesamtplans, hilfeplans, organisations, planGoals, planMeasures, planUpdates, serviceEntries } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { notFound, ProblemError } from "../problem.ts";

export interface ReportDraftRequest {
  kind: ReportKind;
  from?: string;
  to?: string;
  hilfeplanId?: string;
  year?: number;
}

const REPORT_AGREEMENTS: Partial<Record<ReportKind, string>> = { socialDevelopmentReport: "A0", qualityReport: "A4" };

export async function loadReportDraftInput(executor: Executor, organisationId: string, caseId: string, request: ReportDraftRequest, today: string): Promise<ReportDraftInput> {
  const [found] = await executor
    .select({ case: cases, client: clients, instance: agreementInstances })
    .from(cases)
    .innerJoin(clients, and(eq(clients.organisationId, cases.organisationId), eq(clients.id, cases.clientId)))
    .innerJoin(agreementInstances, and(eq(agreementInstances.organisationId, cases.organisationId), eq(agreementInstances.id, cases.agreementInstanceId)))
    .where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId)))
    .limit(1);
  if (!found) throw notFound("Fall", caseId);
  const agreementId = found.instance.agreementId;
  const required = REPORT_AGREEMENTS[request.kind];
  if (required && agreementId !== required && !agreementId.startsWith(`${required}-`))
    throw new ProblemError(409, `Berichtsart ${request.kind} gehört zur Vereinbarung ${required}; der Fall ${caseId} läuft unter ${agreementId}`, [{ path: "body.kind", value: request.kind, message: `nur für ${required}` }]);
  const [provider] = await executor.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);

  const planConditions = [eq(hilfeplans.organisationId, organisationId), eq(hilfeplans.caseId, caseId)];
  if (request.hilfeplanId) planConditions.push(eq(hilfeplans.id, request.hilfeplanId));
  const [plan] = await executor.select().from(hilfeplans).where(and(...planConditions)).orderBy(desc(hilfeplans.date), desc(hilfeplans.id)).limit(1);
  if (request.hilfeplanId && !plan) throw notFound("Hilfeplan", request.hilfeplanId);

  const year = request.year ?? Number((request.to ?? today).slice(0, 4)) - (request.kind === "qualityReport" && !request.year ? 1 : 0);
  const periodFrom = request.kind === "qualityReport" ? `${year}-01-01` : (request.from ?? plan?.date ?? found.case.start);
  const periodTo = request.kind === "qualityReport" ? `${year}-12-31` : (request.to ?? found.case.end ?? today);
  if (periodFrom > periodTo) throw new ProblemError(400, `Berichtszeitraum: Beginn ${periodFrom} liegt nach dem Ende ${periodTo}`, [{ path: "body.from", value: periodFrom, message: "nach dem Ende" }]);

  const goals = plan ? await executor.select().from(planGoals).where(and(eq(planGoals.organisationId, organisationId), eq(planGoals.hilfeplanId, plan.id))).orderBy(asc(planGoals.createdAt), asc(planGoals.id)) : [];
  const measures = plan ? await executor.select().from(planMeasures).where(and(eq(planMeasures.organisationId, organisationId), eq(planMeasures.hilfeplanId, plan.id))).orderBy(asc(planMeasures.createdAt), asc(planMeasures.id)) : [];
  const updates = plan
    ? await executor
        .select()
        .from(planUpdates)
        .where(and(eq(planUpdates.organisationId, organisationId), eq(planUpdates.hilfeplanId, plan.id), lte(planUpdates.date, periodTo)))
        .orderBy(asc(planUpdates.date))
    : [];
  const hoursOf = sql<string>`coalesce(sum(coalesce(${serviceEntries.hours}::numeric, ${serviceEntries.minutes}::numeric / 60)), 0)::numeric(12,2)::text`;
  const entries = await executor
    .select({ goalId: serviceEntries.goalId, count: sql<number>`count(*)::int`, hours: hoursOf })
    .from(serviceEntries)
    .where(and(eq(serviceEntries.organisationId, organisationId), eq(serviceEntries.caseId, caseId), gte(serviceEntries.date, periodFrom), lte(serviceEntries.date, periodTo)))
    .groupBy(serviceEntries.goalId)
    .orderBy(asc(serviceEntries.goalId));
  const [gesamtplan] = await executor.select().from(gesamtplans).where(and(eq(gesamtplans.organisationId, organisationId), eq(gesamtplans.caseId, caseId))).orderBy(desc(gesamtplans.date)).limit(1);
  let activeCaseCount: number | undefined;
  if (request.kind === "qualityReport") {
    const [count] = await executor
      .select({ count: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.organisationId, organisationId), eq(cases.agreementInstanceId, found.instance.id), lte(cases.start, periodTo), or(isNull(cases.end), gte(cases.end, periodFrom))));
    activeCaseCount = count?.count ?? 0;
  }
  return {
    kind: request.kind,
    caseId,
    clientId: found.client.id,
    clientName: found.client.name,
    agreementId,
    providerName: provider?.name ?? organisationId,
    caseStart: found.case.start,
    caseEnd: found.case.end,
    periodFrom,
    periodTo,
    createdOn: today,
    hilfeplan: plan ? { id: plan.id, date: plan.date, kind: plan.kind, summary: plan.summary } : null,
    goals,
    measures,
    updates,
    entriesByGoal: entries.map((entry) => ({ goalId: entry.goalId, count: Number(entry.count), hours: String(entry.hours).replace(/\.00$/, "").replace(/(\.\d)0$/, "$1") })),
    gesamtplan: gesamtplan ? { date: gesamtplan.date, plannedUpdate: gesamtplan.plannedUpdate, fileReference: gesamtplan.fileReference } : null,
    year,
    activeCaseCount,
  };
}
