/**
 * `teilhabe admit CASE.json [--as-of DATE] [--active-cases N]`: eligibility and admission (M06) with capacity
 * (M07): eligible, review or refused, each reason with its rule and clause.
 */
import { checkAdmission, type AdmissionResult } from "../../domain/admission/checkAdmission.ts";
import { formatDateGerman } from "../germanFormat.ts";
import { formatTable } from "../table.ts";
import type { LoadedCase } from "../loadCase.ts";

export function runAdmit(loaded: LoadedCase, asOf: string, activeCaseCount?: number): AdmissionResult {
  return checkAdmission(loaded.agreement, loaded.caseFile, { asOf, ...(activeCaseCount !== undefined ? { activeCaseCount } : {}) });
}

const OUTCOME_LABELS = { eligible: "aufnahmefähig", review: "Prüfung erforderlich", refused: "abgelehnt" } as const;
const SEVERITY_LABELS: Record<string, string> = { block: "Sperre", hold: "fehlt", warn: "Warnung", task: "Aufgabe", info: "erfüllt/Info" };

export function renderAdmission(result: AdmissionResult): string {
  return [
    `Aufnahmeprüfung ${result.agreementId}, Fall ${result.caseId}, Stichtag ${formatDateGerman(result.asOf)}: ${OUTCOME_LABELS[result.outcome]}`,
    formatTable(
      ["Ergebnis", "Begründung", "Regel", "Fundstelle"],
      result.findings.map((finding) => [SEVERITY_LABELS[finding.severity] ?? finding.severity, finding.message, finding.explanation.ruleId, finding.explanation.source.clause]),
    ),
  ].join("\n");
}
