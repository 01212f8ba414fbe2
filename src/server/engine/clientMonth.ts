/**
 * A client's month, what a Fachkraft or the payer opens: the client, their cases active in the month with the
 * month's entries, absences, crises and contacts, and per case the billing preview totals (with its holds)
 * and the deadlines due by the end of the month. A benchmark route: the case files come from one loadCaseFiles
 * call; besides it, one query each for the client, their cases, the month's entries (with notes) and contacts.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import { loadCaseFiles } from "../../store/caseFiles.ts";
import { cases, clients, contacts, serviceEntries } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import { notFound } from "../problem.ts";
import { presentRow } from "../resourceRoutes.ts";
import { computeBillingPreview } from "./caseBillingPreview.ts";
import { isPendingDeadline } from "./caseDeadlineView.ts";
import { requireAgreement } from "./loadStoredCase.ts";
import { resolveMonthPeriod, type Period } from "./periodQuery.ts";
import { presentExactValues, type JsonView } from "./presentExactValues.ts";

function overlaps(record: { from: string; to?: string | null }, period: Period): boolean {
  return record.from <= period.to && (record.to === undefined || record.to === null || record.to >= period.from);
}

export async function computeClientMonth(scope: RequestScope, clientId: string, month: string): Promise<JsonView> {
  const organisationId = scope.actor.organisationId;
  const period = resolveMonthPeriod(month);
  const [client] = await scope.tx.select().from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId))).limit(1);
  if (!client) throw notFound("Klient:in", clientId);
  const caseRows = await scope.tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.clientId, clientId), lte(cases.start, period.to), or(isNull(cases.end), gte(cases.end, period.from))))
    .orderBy(asc(cases.id));
  const caseIds = caseRows.map((row) => row.id);
  const asOf = scope.context.today();
  if (caseIds.length === 0) return { client: presentRow(client), month, period, asOf, cases: [] };

  // One query after the other: a transaction is one connection (node-postgres does not run queries on it in parallel).
  const stored = await loadCaseFiles(scope.tx, scope.context.catalogue, { organisationId, from: period.from, to: period.to, caseIds });
  const entryRows = await scope.tx
    .select()
    .from(serviceEntries)
    .where(and(eq(serviceEntries.organisationId, organisationId), inArray(serviceEntries.caseId, caseIds), gte(serviceEntries.date, period.from), lte(serviceEntries.date, period.to)))
    .orderBy(serviceEntries.date, serviceEntries.start, serviceEntries.id);
  const contactRows = await scope.tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), inArray(contacts.caseId, caseIds), gte(contacts.date, period.from), lte(contacts.date, period.to)))
    .orderBy(contacts.date, contacts.id);
  const monthCases = stored.map((entry) => {
    const resolved = requireAgreement(entry);
    const preview = computeBillingPreview(resolved, period);
    const deadlinesDue = computeCaseDeadlines(resolved.agreement, resolved.caseFile, { asOf }).filter(
      (deadline) => isPendingDeadline(deadline) && (deadline.drivingDue === null ? deadline.severity === "hold" : deadline.drivingDue <= period.to),
    );
    const { caseFile } = resolved;
    return {
      caseId: entry.caseId,
      agreementInstanceId: entry.agreementInstanceId,
      agreementId: resolved.agreement.id,
      agreementTitle: resolved.agreement.title,
      ...(entry.payerId ? { payerId: entry.payerId } : {}),
      start: caseFile.case.start,
      ...(caseFile.case.end ? { end: caseFile.case.end } : {}),
      entries: entryRows.filter((row) => row.caseId === entry.caseId).map(presentRow),
      absences: caseFile.absences.filter((absence) => overlaps(absence, period)),
      crises: caseFile.crises.filter((crisis) => overlaps(crisis, period)),
      contacts: contactRows.filter((row) => row.caseId === entry.caseId).map(presentRow),
      billing: {
        billed: preview.totals.billed,
        held: preview.totals.held,
        quantities: preview.totals.quantities,
        lineCount: preview.lines.length,
        holds: preview.holds.map((hold) => ({ code: hold.code, message: hold.message, quantity: hold.quantity, unit: hold.unit, ...(hold.amount ? { amount: hold.amount } : {}), ruleId: hold.ruleId, clause: hold.source.clause })),
      },
      deadlinesDue,
    };
  });
  return presentExactValues({ client: presentRow(client), month, period, asOf, cases: monthCases });
}
