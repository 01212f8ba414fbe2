/**
 * Required organisation documents of the staffing area and their renewal (M09 recurrence, M16 checklist):
 * - A3-R20 (§ 5.1.1): risk analyses „im Abstand von 3 Jahren“ (E16: 15.05.2025 → 15.05.2028) and the
 *   violence-prevention concept built on them;
 * - A2-R15 (§ 7.1) violence-protection concept; A4-R22 (Anl. 1 § 5.1) protection concept;
 * - A4-R20 (Anl. 1 § 5.2): the staffing plan is agreed „halbjährlich“ (TASK every 6 months from the last one);
 * - A0-R14 (§ 1.2): rules for staff absences and for case handover.
 * A missing document gives the agreement's severity; a renewal gives a TASK with its due date, or a WARN once
 * overdue. No anchor is invented: without a recorded document there is no due date.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { endOfPeriodAfterEvent } from "../calendar/bgbPeriod.ts";
import { formatGermanDate, formatIsoDate, parseDate } from "../calendar/calendarDate.ts";
import { explain, type Finding } from "../results/explanation.ts";
import type { Period } from "./staffingParameters.ts";
import type { TeamFile } from "./teamFileSchema.ts";
import { namesAgreement } from "./staffMembership.ts";
import { describePeriodGerman, isValidOn } from "./staffingValues.ts";

export interface DocumentStatus {
  agreementId: string;
  kind: string;
  label: string;
  ruleId: string;
  status: "present" | "missing" | "due" | "overdue";
  lastDate?: string;
  renewal?: Period;
  nextDue?: string;
  finding: Finding;
}

/** Checks the documents each agreement requires against the team's documents dated on or before the reference date. */
export function evaluateOrganisationDocuments(agreements: Agreement[], team: TeamFile, options: { asOf?: string } = {}): DocumentStatus[] {
  const asOf = options.asOf ?? team.asOf;
  const statuses: DocumentStatus[] = [];
  for (const agreement of agreements) {
    for (const requirement of (agreement.staffing?.documents ?? []).filter((item) => isValidOn(item, asOf))) {
      const dates = team.documents
        .filter((document) => document.kind === requirement.kind && document.date <= asOf && (document.agreement === undefined || namesAgreement(agreement, document.agreement)))
        .map((document) => document.date)
        .sort();
      const lastDate = dates[dates.length - 1];
      const base = { agreementId: agreement.id, kind: requirement.kind, label: requirement.label, ruleId: requirement.ruleId };
      if (lastDate === undefined) {
        statuses.push({
          ...base,
          status: "missing",
          finding: {
            severity: requirement.whenMissing,
            code: "organisationDocumentMissing",
            message: `${agreement.id}: ${requirement.label} nicht erfasst`,
            explanation: explain(requirement.ruleId, requirement.source),
          },
        });
        continue;
      }
      if (!requirement.renewal) {
        statuses.push({
          ...base,
          status: "present",
          lastDate,
          finding: {
            severity: "info",
            code: "organisationDocumentPresent",
            message: `${agreement.id}: ${requirement.label} vom ${formatGermanDate(parseDate(lastDate))} liegt vor`,
            explanation: explain(requirement.ruleId, requirement.source),
            date: lastDate,
          },
        });
        continue;
      }
      const renewal = requirement.renewal.value;
      const nextDue = formatIsoDate(endOfPeriodAfterEvent(parseDate(lastDate), renewal));
      const overdue = nextDue < asOf;
      statuses.push({
        ...base,
        status: overdue ? "overdue" : "due",
        lastDate,
        renewal,
        nextDue,
        finding: {
          severity: overdue ? "warn" : "task",
          code: overdue ? "organisationDocumentOverdue" : "organisationDocumentDue",
          message: `${agreement.id}: ${requirement.label} ${overdue ? "war" : "ist"} spätestens am ${formatGermanDate(parseDate(nextDue))} ${overdue ? "zu erneuern (überfällig)" : "zu erneuern"} (letzte vom ${formatGermanDate(parseDate(lastDate))}, alle ${describePeriodGerman(renewal)})`,
          explanation: explain(requirement.ruleId, requirement.renewal.source),
          date: nextDue,
        },
      });
    }
  }
  return statuses;
}
