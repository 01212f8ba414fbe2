/**
 * M09 periodic renewal of the Hilfeplan, A3-R27 (b), `003_ff97f79a5ff20350.txt` § 5.2.2: „Sofern kein
 * Gesamt-/Teilhabeplan vorliegt, der weniger als 24 Monate alt ist, ist der Hilfeplan spätestens alle 24 Monate
 * beginnend mit der Aufnahme fortzuschreiben“. Two readings (D16):
 * - rolling (R): next due = (the later of admission and the last Hilfeplan update) + 24 months. The clause's
 *   skip ("a Gesamtplan younger than 24 months exists and the Hilfeplan was updated after it") can never fire
 *   here: such an update is itself the base, so that Gesamtplan is at least 24 months old on the due day.
 * - anchored (G): the grid admission + 24·k months (each counted from admission, § 188 Abs. 2/3 BGB). Grid date
 *   G(k) is satisfied by an update in (G(k−1), G(k)] or skipped while a Gesamtplan younger than 24 months exists
 *   on G(k) ("weniger als 24 Monate alt": a plan exactly 24 months old no longer counts); the first grid date
 *   that is neither is due.
 * - earlier (D16 default): the earlier of the two.
 * After the end of service nothing is due.
 */
import { compareDates, type CalendarDate } from "../calendar/calendarDate.ts";
import { endOfPeriodAfterEvent } from "../calendar/bgbPeriod.ts";
import type { Period } from "./deadlineParameters.ts";

export interface RenewalFacts {
  /** Admission (start of the grid). */
  start: CalendarDate;
  /** Dates of Hilfeplan updates (Fortschreibungen). */
  updates: CalendarDate[];
  /** Dates of the Gesamt-/Teilhabepläne. */
  gesamtplanDates: CalendarDate[];
  /** End of service, if any. */
  endOfService?: CalendarDate;
}

export type RenewalReading = "rolling" | "anchored" | "earlier";

export interface RenewalDue {
  due: CalendarDate | null;
  rolling: CalendarDate | null;
  anchored: CalendarDate | null;
}

/** Upper bound for the grid search: 100 periods. */
const MAXIMUM_PERIODS = 100;

function multiply(period: Period, factor: number): Period {
  return {
    days: (period.days ?? 0) * factor,
    weeks: (period.weeks ?? 0) * factor,
    months: (period.months ?? 0) * factor,
    years: (period.years ?? 0) * factor,
  };
}

function latest(dates: CalendarDate[]): CalendarDate | undefined {
  return [...dates].sort(compareDates).at(-1);
}

function afterEnd(date: CalendarDate, facts: RenewalFacts): boolean {
  return facts.endOfService !== undefined && compareDates(date, facts.endOfService) > 0;
}

/** Reading R: the later of admission and the last update, plus one period. */
export function computeRollingRenewalDue(facts: RenewalFacts, every: Period): CalendarDate | null {
  const lastUpdate = latest(facts.updates.filter((update) => compareDates(update, facts.start) >= 0));
  const base = lastUpdate ?? facts.start;
  const due = endOfPeriodAfterEvent(base, every);
  return afterEnd(due, facts) ? null : due;
}

/** True when a Gesamtplan dated on or before `day` is younger than `youngerThan` on that day. */
export function hasYoungGesamtplan(gesamtplanDates: CalendarDate[], day: CalendarDate, youngerThan: Period): boolean {
  return gesamtplanDates.some((plan) => compareDates(plan, day) <= 0 && compareDates(day, endOfPeriodAfterEvent(plan, youngerThan)) < 0);
}

/** Reading G: the first grid date that is neither satisfied by an update nor skipped by a young Gesamtplan. */
export function computeAnchoredRenewalDue(facts: RenewalFacts, every: Period, youngerThan?: Period): CalendarDate | null {
  let previous = facts.start;
  for (let k = 1; k <= MAXIMUM_PERIODS; k += 1) {
    const gridDate = endOfPeriodAfterEvent(facts.start, multiply(every, k));
    if (afterEnd(gridDate, facts)) return null;
    const updated = facts.updates.some((update) => compareDates(update, previous) > 0 && compareDates(update, gridDate) <= 0);
    const skipped = youngerThan !== undefined && hasYoungGesamtplan(facts.gesamtplanDates, gridDate, youngerThan);
    if (!updated && !skipped) return gridDate;
    previous = gridDate;
  }
  return null;
}

export function computeRenewalDue(facts: RenewalFacts, every: Period, reading: RenewalReading, youngerThan?: Period): RenewalDue {
  const rolling = computeRollingRenewalDue(facts, every);
  const anchored = computeAnchoredRenewalDue(facts, every, youngerThan);
  let due: CalendarDate | null;
  if (reading === "rolling") due = rolling;
  else if (reading === "anchored") due = anchored;
  else if (rolling === null) due = anchored;
  else if (anchored === null) due = rolling;
  else due = compareDates(rolling, anchored) <= 0 ? rolling : anchored;
  return { due, rolling, anchored };
}
