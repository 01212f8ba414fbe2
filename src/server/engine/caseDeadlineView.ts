/**
 * The deadlines and tasks of one case (M08–M10) with status, nominal and § 193 BGB due dates, what is missing
 * and why each exists (rule id, clause, policy options); for a case that has ended, its retention period (M15).
 */
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import type { Deadline } from "../../domain/deadlines/deadline.ts";
import { computeRetention, type RetentionResult } from "../../domain/retention/retention.ts";
import type { ResolvedCase } from "./loadStoredCase.ts";

export interface CaseDeadlineView {
  caseId: string;
  clientId: string;
  agreementId: string;
  asOf: string;
  deadlines: Deadline[];
  /** Retention of the documentation; null while the case has not ended. */
  retention: RetentionResult | null;
}

export function computeCaseDeadlineView(stored: ResolvedCase, asOf: string): CaseDeadlineView {
  const deadlines = computeCaseDeadlines(stored.agreement, stored.caseFile, { asOf });
  const retention = stored.caseFile.case.end !== undefined ? computeRetention(stored.agreement, stored.caseFile) : null;
  return { caseId: stored.caseId, clientId: stored.clientId, agreementId: stored.agreement.id, asOf, deadlines, retention };
}

/** Deadlines that still ask for work: open, due soon or overdue (done and informational ones are left out). */
export function isPendingDeadline(deadline: Deadline): boolean {
  return deadline.status === "open" || deadline.status === "dueSoon" || deadline.status === "overdue";
}
