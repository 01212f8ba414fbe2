/**
 * The provider's staffing on a reference date: staff need from the ratios (M12), skilled-staff quotas (M13) and
 * background-check findings, the strictest rule across the agreements (M09, X-R01), computed by evaluateStaffing
 * over the team assembled from the store (src/store/teamFiles.ts). The facts the store does not hold are listed
 * with what the evaluation did without them, never invented.
 */
import { evaluateStaffing, type StaffingReport } from "../../domain/staffing/evaluateStaffing.ts";
import { assembleTeamFile, type MissingTeamFact } from "../../store/teamFiles.ts";
import type { RequestScope } from "../appContext.ts";

export interface StaffingView {
  asOf: string;
  report: StaffingReport;
  /** How facts were derived from other records (German). */
  derivedFacts: string[];
  /** Facts the store does not hold, with what the evaluation did without them (German). */
  missingFacts: MissingTeamFact[];
}

export async function computeStaffingView(scope: RequestScope, asOf: string): Promise<StaffingView> {
  const assembled = await assembleTeamFile(scope.tx, scope.context.catalogue, { organisationId: scope.actor.organisationId, asOf });
  const report = evaluateStaffing(assembled.agreements, assembled.team, { asOf });
  return { asOf, report, derivedFacts: assembled.derivedFacts, missingFacts: assembled.missingFacts };
}
