/**
 * The volume of one case in a month (M11): the A3 monthly average of weekly hours against the agreement's band
 * with the yearly shortfall counter, and the A2 need-group corridor. An agreement without a volume rule gets an
 * empty result that says so (`applies: false` and a German message).
 */
import { evaluateMonthlyVolume, type MonthlyVolumeResult } from "../../domain/volume/monthlyVolume.ts";
import { checkNeedGroupCorridor, resolveMonitoringWindow, type NeedGroupCorridorResult } from "../../domain/volume/needGroupCorridor.ts";
import { evaluateVolumeYear, type VolumeYearResult } from "../../domain/volume/volumeYear.ts";
import type { ResolvedCase } from "./loadStoredCase.ts";

export interface CaseVolumeView {
  caseId: string;
  agreementId: string;
  month: string;
  /** False when the agreement has neither a weekly band nor need-group corridors. */
  applies: boolean;
  monthly: MonthlyVolumeResult | null;
  year: Omit<VolumeYearResult, "months"> | null;
  corridor: NeedGroupCorridorResult | null;
  message: string | null;
}

export function computeCaseVolume(stored: ResolvedCase, month: string): CaseVolumeView {
  const { agreement, caseFile } = stored;
  const view: CaseVolumeView = { caseId: stored.caseId, agreementId: agreement.id, month, applies: false, monthly: null, year: null, corridor: null, message: null };
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
  view.applies = view.monthly !== null || view.corridor !== null;
  if (!view.applies) view.message = `Die Vereinbarung ${agreement.id} enthält keine Umfangsgrenzen (M11): weder Mindest-/Höchststunden je Woche noch Korridore je Hilfebedarfsgruppe.`;
  return view;
}
