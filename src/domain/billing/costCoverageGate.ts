/**
 * M05 Authorisation gate (A4-R06 §§ 5.7/5.10, A0-R04, X-R05): nothing is billed without a cost coverage valid
 * on the service date that includes the component; uncovered days or hours are held until one arrives. A lump
 * sum per month covers every day of the month, so it needs coverage on every one of them (findUncoveredDay).
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

/**
 * The first day in [firstDay, lastDay] without a cost coverage that includes the component (coverages may
 * follow one another), or undefined when every day is covered.
 */
export function findUncoveredDay(coverages: PreparedCoverage[], firstDay: number, lastDay: number, component?: string): number | undefined {
  let day = firstDay;
  while (day <= lastDay) {
    const covering = findCostCoverage(coverages, day, component);
    if (!covering) return day;
    day = covering.lastDay + 1;
  }
  return undefined;
}
