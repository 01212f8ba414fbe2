/**
 * M05 Authorisation gate (A4-R06 §§ 5.7/5.10, A0-R04, X-R05): nothing is billed without a cost coverage valid
 * on the service date that includes the component; uncovered days or hours are held until one arrives.
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import type { CostCoverage } from "../case/caseFileSchema.ts";

export interface PreparedCoverage {
  coverage: CostCoverage;
  firstDay: number;
  lastDay: number;
}

export function prepareCostCoverages(coverages: CostCoverage[]): PreparedCoverage[] {
  return coverages.map((coverage) => ({
    coverage,
    firstDay: epochDayOfIso(coverage.from),
    lastDay: coverage.to ? epochDayOfIso(coverage.to) : Number.POSITIVE_INFINITY,
  }));
}

/** The cost coverage valid on the day that includes the component (a coverage without a list covers all). */
export function findCostCoverage(coverages: PreparedCoverage[], epochDay: number, component?: string): PreparedCoverage | undefined {
  for (const prepared of coverages) {
    if (epochDay < prepared.firstDay || epochDay > prepared.lastDay) continue;
    const components = prepared.coverage.components;
    if (!component || components === undefined || components.includes(component)) return prepared;
  }
  return undefined;
}
