/**
 * A client's month, what a Fachkraft or the payer opens: the client, their cases active in the month with the
 * month's entries, absences, crises and contacts, and per case the billing preview totals (with its holds)
 * and the deadlines due by the end of the month. A benchmark route: everything comes from ONE statement
 * (loadClientMonthFiles: client, cases, their files' records, the month's entries with notes and its contacts).
 */
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import { loadClientMonthFiles } from "../../store/caseFiles.ts";
import { auditAppendValues, markAudited, wasAudited } from "../access/appendAuditEntry.ts";
import { describeAuditEntry } from "../access/auditRequest.ts";
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
  // One statement: the client, the cases active in the month with their files' records, the month's entries and
  // contacts, and the read's audit entry (the same entry runRead would append after it, one round trip less).
  const auditEntry = scope.grant && !wasAudited(scope.tx) ? describeAuditEntry(scope.actor, scope.grant, scope.context.now(), scope.audit, undefined) : undefined;
  const auditAppend = auditEntry ? auditAppendValues(organisationId, auditEntry) : undefined;
  const { client, cases: stored, entryRows, contactRows } = await loadClientMonthFiles(scope.tx, scope.context.catalogue, { organisationId, clientId, from: period.from, to: period.to, auditAppend });
  if (auditEntry) markAudited(scope.tx);
  if (!client) throw notFound("Klient:in", clientId);
  const asOf = scope.context.today();
  if (stored.length === 0) return { client: presentRow(client), month, period, asOf, cases: [] };

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
