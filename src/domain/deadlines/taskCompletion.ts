/**
 * Whether a task is done, read from the case file only (never assumed):
 * - record: an entry of `completedTasks` with the same taskType, for this anchor (same anchorDate) or, without
 *   an anchorDate, dated on or after the window start;
 * - initialHilfeplan: a Hilfeplan of kind "initial"; if none is marked initial, the earliest Hilfeplan
 *   (A1-R15, A3-R26);
 * - hilfeplanUpdate: a Hilfeplan update dated on or after the window start (A1-R17, A3-R27 (a): the
 *   Fortschreibung after a Gesamtplan change);
 * - gesamtplan: a Gesamtplan dated on or after the window start (A3-R06: the person has been prepared for the
 *   Gesamtplan procedure once it has been held).
 */
import { compareDates, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import type { CompletionSource } from "./deadlineParameters.ts";

function earliest(dates: CalendarDate[]): CalendarDate | undefined {
  return [...dates].sort(compareDates)[0];
}

function onOrAfter(date: CalendarDate, start: CalendarDate): boolean {
  return compareDates(date, start) >= 0;
}

export function findCompletion(sources: readonly CompletionSource[], taskType: string, caseFile: CaseFile, anchorDate: CalendarDate, windowStart: CalendarDate): CalendarDate | undefined {
  const found: CalendarDate[] = [];
  for (const source of new Set<CompletionSource>(["record", ...sources])) {
    if (source === "record") {
      for (const record of caseFile.completedTasks ?? []) {
        if (record.taskType !== taskType) continue;
        const date = parseDate(record.date);
        if (record.anchorDate !== undefined ? parseDate(record.anchorDate).equals(anchorDate) : onOrAfter(date, windowStart)) found.push(date);
      }
    } else if (source === "initialHilfeplan") {
      const plans = caseFile.hilfeplans.map((plan) => ({ ...plan, day: parseDate(plan.date) }));
      const initial = earliest(plans.filter((plan) => plan.kind === "initial").map((plan) => plan.day)) ?? earliest(plans.map((plan) => plan.day));
      if (initial) found.push(initial);
    } else if (source === "hilfeplanUpdate") {
      found.push(...caseFile.hilfeplans.filter((plan) => plan.kind === "update").map((plan) => parseDate(plan.date)).filter((date) => onOrAfter(date, windowStart)));
    } else {
      found.push(...caseFile.gesamtplans.map((plan) => parseDate(plan.date)).filter((date) => onOrAfter(date, windowStart)));
    }
  }
  return earliest(found);
}
