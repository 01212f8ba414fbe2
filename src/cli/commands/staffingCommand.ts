/**
 * `teilhabe staffing TEAM.json [--as-of DATE]`: staff need from the ratios (M12), skilled-staff quotas (M13)
 * and background checks, the strictest rule across the team's agreements (M09, X-R01).
 */
import { evaluateStaffing, type StaffingReport } from "../../domain/staffing/evaluateStaffing.ts";
import { teamFileSchema } from "../../domain/staffing/teamFileSchema.ts";
import type { Catalogue } from "../../catalogue/agreementCatalogue.ts";
import { formatDateGerman, formatNumberGerman } from "../germanFormat.ts";
import { readInputFile } from "../readInputFile.ts";
import { formatTable } from "../table.ts";

export function runStaffing(catalogue: Catalogue, file: string, asOf?: string): StaffingReport {
  const team = readInputFile(file, teamFileSchema);
  return evaluateStaffing([...catalogue.agreements.values()], team, asOf ? { asOf } : {});
}

const QUOTA_STATUS_LABELS: Record<string, string> = { met: "eingehalten", notMet: "nicht eingehalten", held: "angehalten", notApplicable: "nicht anwendbar" };

const SEVERITY_LABELS: Record<string, string> = { block: "Sperre", hold: "angehalten", warn: "Warnung", task: "Aufgabe", info: "Info" };

export function renderStaffing(report: StaffingReport): string {
  const parts = [`Personal ${report.organisation}${report.team ? `, ${report.team}` : ""}, Stichtag ${formatDateGerman(report.asOf)}`];
  const needRows = report.agreements.map((entry) => [
    entry.agreementId,
    entry.need.label,
    entry.need.applied ? formatNumberGerman(entry.need.applied.total.rounded) : "—",
    entry.need.alternative ? `${formatNumberGerman(entry.need.alternative.total.rounded)} (${entry.need.alternative.reading})` : "",
    entry.need.applied?.weeklyHours ? formatNumberGerman(entry.need.applied.weeklyHours.rounded) : "—",
    entry.need.actual ? formatNumberGerman(entry.need.actual.fullTimeEquivalents.rounded) : "—",
    `${entry.need.ruleId} (${entry.need.explanation.source.clause})`,
  ]);
  parts.push(formatTable(["Vereinbarung", "Personalbedarf", "VZÄ", "andere Lesart", "Std./Woche", "vorhanden VZÄ", "Regel"], needRows, [2, 4, 5]));
  const quotaRows = report.agreements.flatMap((entry) =>
    entry.quotas.map((quota) => [entry.agreementId, quota.label, quota.sharePercent ? `${formatNumberGerman(quota.sharePercent.rounded)} %` : "—", quota.limitPercent ? `${quota.comparison === "atMost" ? "≤" : "≥"} ${formatNumberGerman(quota.limitPercent.rounded)} %` : "—", QUOTA_STATUS_LABELS[quota.status] ?? quota.status, quota.ruleId]),
  );
  if (quotaRows.length > 0) parts.push(formatTable(["Vereinbarung", "Quote", "Ist", "Grenze", "Ergebnis", "Regel"], quotaRows, [2, 3]));
  const findings = report.findings.filter((finding) => finding.severity !== "info");
  if (findings.length > 0) {
    parts.push("Hinweise:");
    for (const finding of findings) parts.push(`  ${SEVERITY_LABELS[finding.severity] ?? finding.severity}${finding.date ? ` (${formatDateGerman(finding.date)})` : ""}: ${finding.message} [${finding.explanation.ruleId}, ${finding.explanation.source.clause}]`);
  }
  return parts.join("\n");
}
