/**
 * `teilhabe volume CASE.json --month YYYY-MM`: the monthly average of weekly hours against the agreement's band
 * (A3, M11) with the yearly shortfall counter, or the need-group corridor plausibility (A2).
 */
import { evaluateMonthlyVolume, type MonthlyVolumeResult } from "../../domain/volume/monthlyVolume.ts";
import { evaluateVolumeYear, type VolumeYearResult } from "../../domain/volume/volumeYear.ts";
import { checkNeedGroupCorridor, resolveMonitoringWindow, type NeedGroupCorridorResult } from "../../domain/volume/needGroupCorridor.ts";
import type { Finding } from "../../domain/results/explanation.ts";
import { formatDateGerman, formatNumberGerman } from "../germanFormat.ts";
import type { LoadedCase } from "../loadCase.ts";
import { collectPolicies, renderPolicies } from "./billCommand.ts";

export interface VolumeView {
  agreementId: string;
  caseId: string;
  month: string;
  monthly?: MonthlyVolumeResult;
  year?: Omit<VolumeYearResult, "months">;
  corridor?: NeedGroupCorridorResult;
  message?: string;
}

export function runVolume(loaded: LoadedCase, month: string): VolumeView {
  const { agreement, caseFile } = loaded;
  const view: VolumeView = { agreementId: agreement.id, caseId: caseFile.case.id, month };
  if (agreement.volume?.weeklyBand) {
    view.monthly = evaluateMonthlyVolume(agreement, caseFile, month);
    const { months: _months, ...year } = evaluateVolumeYear(agreement, caseFile, Number(month.slice(0, 4)), { throughMonth: month });
    view.year = year;
  }
  if (agreement.volume?.needGroupCorridors) {
    const window = resolveMonitoringWindow(agreement, caseFile);
    const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    view.corridor = checkNeedGroupCorridor(agreement, caseFile, window.option === "month" ? month : quarter);
  }
  if (!view.monthly && !view.corridor) view.message = `Die Vereinbarung ${agreement.id} enthält keine Umfangsgrenzen (M11).`;
  return view;
}

function renderFindings(findings: Finding[]): string[] {
  const severity: Record<string, string> = { block: "Sperre", hold: "angehalten", warn: "Warnung", task: "Aufgabe", info: "Info" };
  return findings.map((finding) => `  ${severity[finding.severity] ?? finding.severity}${finding.date ? ` (${formatDateGerman(finding.date)})` : ""}: ${finding.message} [${finding.explanation.ruleId}, ${finding.explanation.source.clause}]`);
}

export function renderVolume(view: VolumeView): string {
  const parts = [`Inanspruchnahme ${view.agreementId}, Fall ${view.caseId}, Monat ${view.month}`];
  if (view.message) parts.push(view.message);
  if (view.monthly) {
    const monthly = view.monthly;
    const status: Record<string, string> = { compliant: "im Rahmen", shortfall: "unter dem Minimum", overMaximum: "über dem Maximum", notEnrolled: "nicht aufgenommen", notAssessable: "nicht bewertbar", held: "angehalten", notApplicable: "nicht anwendbar" };
    parts.push(
      `Stunden: ${formatNumberGerman(monthly.hours.toDecimalPlaces(2).toFixed(2))} · Wochen: ${monthly.denominator ? formatNumberGerman(monthly.denominator.weeks.toDecimalPlaces(6).toString()) : "—"} · Durchschnitt: ${monthly.averageWeeklyHoursRounded ? formatNumberGerman(monthly.averageWeeklyHoursRounded) : "—"} Std./Woche · ${status[monthly.status] ?? monthly.status}${monthly.excused ? ` (entschuldigt: ${monthly.excuse?.reason === "crisis" ? "Krise" : "Einführungszeitraum"})` : ""}`,
    );
    parts.push(...renderFindings(monthly.findings));
  }
  if (view.year) {
    parts.push(`Unterschreitungsmonate ${view.year.year} bis ${view.month}: ${view.year.shortfallCount}${view.year.limit !== undefined ? ` (Mitteilung an den Träger bei mehr als ${view.year.limit})` : ""}`);
    parts.push(...renderFindings(view.year.findings));
  }
  const explanations = [...(view.monthly?.findings ?? []), ...(view.year?.findings ?? []), ...(view.corridor?.findings ?? [])].map((finding) => finding.explanation);
  const policies = renderPolicies(collectPolicies(explanations));
  if (view.corridor) {
    parts.push(`Korridorprüfung ${view.corridor.window.key} (${formatDateGerman(view.corridor.window.from)} – ${formatDateGerman(view.corridor.window.to)}):`);
    parts.push(...renderFindings(view.corridor.findings));
  }
  if (policies) parts.push(policies);
  return parts.join("\n");
}
