/**
 * Hourly billing (A0 § 2 Fachleistungsstunde; any hourly assistance of the same shape):
 * - A0-R06 billable hours × the rate valid on the service date; one line per rate period and month (E01);
 * - A0-R08/D21 minutes ÷ 60 exactly (default) or started units of 5/15/60 minutes;
 * - A0-R09/D23 only entries attributed to the agreement's legal basis are billed; others are left out (E02 d),
 *   a missing attribution is held;
 * - A0-R04 hours beyond the approved volume of the cost coverage are held (E02 c);
 * - A0-R07 no rate period → held; after the agreement's end → rejected (E02 a, b);
 * - X-R05 no covering authorisation on the service date → held.
 */
import { epochDayOfIso, isoOfEpochDay, weekdayOfEpochDay } from "../calendar/calendarDate.ts";
import { parseHoursToMilliminutes } from "../case/entryDuration.ts";
import type { ServiceEntry } from "../case/caseFileSchema.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import { Exact } from "../money/amount.ts";
import { explain, type Explanation, type Finding } from "../results/explanation.ts";
import type { BillingAccumulator, HoldKey } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";
import { findCostCoverage, type PreparedCoverage } from "./costCoverageGate.ts";
import { findRatePeriod, type PricedPeriod } from "./rateSchedule.ts";
import { findRateSchedule } from "./preparedAgreement.ts";
import { findFirstEntryIndex, listPreparedEntries } from "./preparedCase.ts";
import type { BillingParameters } from "./billingParameters.ts";

type HourlyBilling = NonNullable<BillingParameters["hourly"]>;

const GRANULARITY_MINUTES: Record<string, number> = { unit5: 5, unit15: 15, unit60: 60 };

/** Billable milli-minutes of an entry under the D21 option: exact, or started units of 5/15/60 minutes. */
export function convertToBillableMilliminutes(milliminutes: number, option: string): number {
  const unit = GRANULARITY_MINUTES[option];
  if (unit === undefined) return milliminutes;
  const unitTicks = unit * 1000;
  return Math.ceil(milliminutes / unitTicks) * unitTicks;
}

/** Billable hours of an entry (exact), for presentation and tests. */
export function convertMinutesToBillableHours(minutes: Exact, option: string): Exact {
  return new Exact(convertToBillableMilliminutes(minutes.times(1000).toNumber(), option)).div(60_000);
}

/** First day of the volume period (month, quarter, year, ISO week, whole coverage) that contains the day. */
function startOfVolumePeriod(coverage: PreparedCoverage, day: number): number {
  const per = coverage.coverage.approvedVolume?.per ?? "total";
  const date = isoOfEpochDay(day);
  if (per === "month") return epochDayOfIso(`${date.slice(0, 7)}-01`);
  if (per === "year") return epochDayOfIso(`${date.slice(0, 4)}-01-01`);
  if (per === "quarter") return epochDayOfIso(`${date.slice(0, 4)}-${String(3 * Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1).padStart(2, "0")}-01`);
  if (per === "week") return day - weekdayOfEpochDay(day) + 1;
  return coverage.firstDay;
}

function volumePeriodKey(coverage: PreparedCoverage, day: number): string {
  return `${coverage.coverage.id}|${startOfVolumePeriod(coverage, day)}`;
}

export interface HourlyBillingResult {
  excludedEntryIds: string[];
  findings: Finding[];
}

export function billHourlyEntries(context: BillingContext, hourly: HourlyBilling, accumulator: BillingAccumulator): HourlyBillingResult {
  const { agreement, caseFile, register } = context;
  const schedule = findRateSchedule(agreement, hourly.rate);
  const granularity = context.policy(hourly.granularityDecision);
  const baseExplanation = (source = hourly.source) => explain(hourly.ruleId, source, [granularity]);
  const excludedEntryIds: string[] = [];
  const findings: Finding[] = [];
  const used = new Map<string, number>();
  let countedKinds: string[] | undefined;
  let kindsInputMissing: string | undefined;
  if (isInputReference(hourly.countedTimeKinds)) {
    const lookup = register.lookup(hourly.countedTimeKinds.input);
    if (lookup.found) countedKinds = Array.isArray(lookup.value) ? (lookup.value as string[]) : String(lookup.value).split(/[,\s]+/);
    else kindsInputMissing = hourly.countedTimeKinds.input;
  } else countedKinds = hourly.countedTimeKinds;

  // Entries before the period only consume approved volume (same volume period), so that billing two halves
  // of a month gives the same lines as billing the month.
  let consumeFrom = context.firstDay;
  for (const coverage of context.coverages) {
    if (coverage.coverage.approvedVolume && coverage.firstDay <= context.lastDay && coverage.lastDay >= context.firstDay) {
      consumeFrom = Math.min(consumeFrom, startOfVolumePeriod(coverage, Math.max(context.firstDay, coverage.firstDay)));
    }
  }
  const entries = listPreparedEntries(caseFile);
  const approvedTicks = new Map<PreparedCoverage, number>();
  const approvedTicksOf = (coverage: PreparedCoverage) => {
    let ticks = approvedTicks.get(coverage);
    if (ticks === undefined) approvedTicks.set(coverage, (ticks = parseHoursToMilliminutes(coverage.coverage.approvedVolume!.hours)));
    return ticks;
  };
  const volumeKeys = new Map<string, string>();
  const volumeKeyOf = (coverage: PreparedCoverage, day: number, date: string) => {
    if (coverage.coverage.approvedVolume?.per !== "month") return volumePeriodKey(coverage, day);
    const cacheKey = `${coverage.coverage.id}|${date.slice(0, 7)}`;
    let key = volumeKeys.get(cacheKey);
    if (key === undefined) volumeKeys.set(cacheKey, (key = volumePeriodKey(coverage, day)));
    return key;
  };
  const explanations = new Map<number, ReturnType<typeof explain>>();
  const hold = (key: HoldKey, entry: ServiceEntry, entryId: string, ticks: number) => accumulator.addToHold({ ...key, key: `${key.key}|${entry.date.slice(0, 7)}` }, entry.date, ticks, { entryId });

  interface Run {
    period: PricedPeriod;
    explanation: Explanation;
    coverageId: string;
    month: string;
    first: string;
    last: string;
    ticks: number;
    entryIds: string[];
  }
  let run: Run | undefined;
  const flushRun = () => {
    if (!run) return;
    const { period, explanation, month, first, last, ticks, entryIds, coverageId } = run;
    accumulator.addRunToLine(
      {
        key: `${month}|${period.index}`,
        build: () => ({ key: "", label: hourly.lineLabel, rateId: hourly.rate, unit: "hour", unitPrice: period.amount!, exampleValue: period.exampleValue, explanation }),
      },
      first,
      last,
      ticks,
      [],
      { entryIds, costCoverageId: coverageId },
    );
    run = undefined;
  };

  for (let position = findFirstEntryIndex(entries, consumeFrom); position < entries.length; position++) {
    const { entry, entryId, day, month, milliminutes } = entries[position]!;
    if (day > context.lastDay) break;
    const inPeriod = day >= context.firstDay;
    if (hourly.billedAttribution !== undefined && entry.attribution !== undefined && entry.attribution !== hourly.billedAttribution) {
      if (inPeriod) excludedEntryIds.push(entryId);
      continue;
    }
    if (countedKinds !== undefined && !countedKinds.includes(entry.timeKind)) {
      if (inPeriod) excludedEntryIds.push(entryId);
      continue;
    }
    const ticks = convertToBillableMilliminutes(milliminutes, granularity.option);
    if (ticks === 0) continue;
    const period = findRatePeriod(schedule, day);
    const coverage = findCostCoverage(context.coverages, day, hourly.coverageComponent);
    const approved = coverage?.coverage.approvedVolume ? approvedTicksOf(coverage) : undefined;
    const volumeKey = coverage && approved !== undefined ? volumeKeyOf(coverage, day, entry.date) : undefined;
    if (!inPeriod) {
      const wouldBill = entry.attribution !== undefined || hourly.billedAttribution === undefined;
      if (volumeKey && wouldBill && period?.amount && !kindsInputMissing && checkAgreementValidity(context, day) === undefined) {
        used.set(volumeKey, (used.get(volumeKey) ?? 0) + ticks);
      }
      continue;
    }
    if (kindsInputMissing) {
      hold(
        {
          key: `inputMissing|${kindsInputMissing}`,
          kind: "hold",
          code: "inputMissing",
          message: register.describeMissing(kindsInputMissing),
          release: `Eingabe ${kindsInputMissing} in der Vereinbarung füllen`,
          inputId: kindsInputMissing,
          unit: "hour",
          explanation: baseExplanation(),
        },
        entry,
        entryId,
        ticks,
      );
      continue;
    }
    if (hourly.billedAttribution !== undefined && entry.attribution === undefined) {
      const rule = hourly.attributionRule;
      hold(
        {
          key: "attributionMissing",
          kind: "hold",
          code: "attributionMissing",
          message: `Zuordnung zum Leistungsträger fehlt (${hourly.billedAttribution} oder andere Rechtsgrundlage)`,
          release: "Zuordnung des Eintrags (SGB IX / SGB VIII) erfassen",
          unit: "hour",
          explanation: rule ? explain(rule.ruleId, rule.source, [context.policy("D23")]) : baseExplanation(),
        },
        entry,
        entryId,
        ticks,
      );
      continue;
    }
    const validity = checkAgreementValidity(context, day);
    if (validity) {
      hold({ ...validity, unit: "hour", ...(period?.amount ? { unitPrice: period.amount } : {}) }, entry, entryId, ticks);
      continue;
    }
    if (!period) {
      const firstPeriod = schedule[0];
      const beforeFirst = firstPeriod !== undefined && day < firstPeriod.firstDay;
      hold(
        {
          key: "noRatePeriod",
          kind: "hold",
          code: "noRatePeriod",
          message: beforeFirst ? `kein Vergütungszeitraum vor dem ${firstPeriod.period.validFrom}` : `kein Vergütungszeitraum für ${entry.date}`,
          release: "Vergütungszeitraum in der Vereinbarung ergänzen",
          unit: "hour",
          explanation: baseExplanation(agreement.billing?.agreementPeriodRule?.source ?? hourly.source),
        },
        entry,
        entryId,
        ticks,
      );
      continue;
    }
    let periodExplanation = explanations.get(period.index);
    if (!periodExplanation) explanations.set(period.index, (periodExplanation = explain(hourly.ruleId, period.period.source, [granularity])));
    if (period.amount === undefined) {
      hold(
        {
          key: `inputMissing|${period.missingInputId}`,
          kind: "hold",
          code: "inputMissing",
          message: register.describeMissing(period.missingInputId!),
          release: `Eingabe ${period.missingInputId} in der Vereinbarung füllen`,
          inputId: period.missingInputId!,
          unit: "hour",
          explanation: periodExplanation,
        },
        entry,
        entryId,
        ticks,
      );
      continue;
    }
    if (!coverage) {
      const gate = agreement.billing?.costCoverageGate;
      hold(
        {
          key: "noCostCoverage",
          kind: "hold",
          code: "noCostCoverage",
          message: "keine Kostenübernahme / Bewilligung am Leistungsdatum",
          release: "Bewilligung des Trägers für diesen Zeitraum erfassen (auch rückwirkend)",
          unit: "hour",
          unitPrice: period.amount,
          explanation: gate ? explain(gate.ruleId, gate.source) : periodExplanation,
        },
        entry,
        entryId,
        ticks,
      );
      continue;
    }
    let billable = ticks;
    if (volumeKey && approved !== undefined) {
      const already = used.get(volumeKey) ?? 0;
      billable = Math.min(ticks, Math.max(approved - already, 0));
      used.set(volumeKey, already + ticks);
      const excess = ticks - billable;
      if (excess > 0) {
        const gate = hourly.volumeGate;
        const per = coverage.coverage.approvedVolume!.per;
        hold(
          {
            key: `volumeExceeded|${volumeKey}|${period.index}`,
            kind: "hold",
            code: "volumeExceeded",
            message: `bewilligtes Volumen von ${coverage.coverage.approvedVolume!.hours} Std. (${{ month: "je Monat", week: "je Woche", quarter: "je Quartal", year: "je Jahr", total: "insgesamt" }[per]}) überschritten`,
            release: "Entscheidung des Trägers über die Mehrstunden erfassen (Bewilligung erhöhen)",
            unit: "hour",
            unitPrice: period.amount,
            explanation: gate ? explain(gate.ruleId, gate.source) : periodExplanation,
          },
          entry,
          entryId,
          excess,
        );
      }
    }
    if (billable > 0) {
      if (run && run.period === period && run.coverageId === coverage.coverage.id && run.month === month) {
        run.ticks += billable;
        run.last = entry.date;
        run.entryIds.push(entryId);
      } else {
        flushRun();
        run = { period, explanation: periodExplanation, coverageId: coverage.coverage.id, month, first: entry.date, last: entry.date, ticks: billable, entryIds: [entryId] };
      }
    }
  }
  flushRun();
  return { excludedEntryIds, findings };
}
