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
import { epochDayOfIso, parseDate } from "../calendar/calendarDate.ts";
import { measureEntryMinutes } from "../case/entryDuration.ts";
import type { ServiceEntry } from "../case/caseFileSchema.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import { Exact, parseAmount } from "../money/amount.ts";
import { explain, type Finding } from "../results/explanation.ts";
import type { BillingAccumulator, HoldKey } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";
import { findCostCoverage, type PreparedCoverage } from "./costCoverageGate.ts";
import { findRate, findRatePeriod, prepareRateSchedule } from "./rateSchedule.ts";
import type { BillingParameters } from "./billingParameters.ts";

type HourlyBilling = NonNullable<BillingParameters["hourly"]>;

const GRANULARITY_MINUTES: Record<string, number> = { unit5: 5, unit15: 15, unit60: 60 };

/** Billable hours of an entry under the D21 option: exact minutes ÷ 60, or started units. */
export function convertMinutesToBillableHours(minutes: Exact, option: string): Exact {
  const unit = GRANULARITY_MINUTES[option];
  if (unit === undefined) return minutes.div(60);
  return minutes.div(unit).ceil().times(unit).div(60);
}

function volumePeriodKey(coverage: PreparedCoverage, date: string): string {
  const per = coverage.coverage.approvedVolume?.per ?? "total";
  if (per === "month") return `${coverage.coverage.id}|${date.slice(0, 7)}`;
  if (per === "year") return `${coverage.coverage.id}|${date.slice(0, 4)}`;
  if (per === "quarter") return `${coverage.coverage.id}|${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  if (per === "week") {
    const day = parseDate(date);
    return `${coverage.coverage.id}|${day.yearOfWeek}W${day.weekOfYear}`;
  }
  return coverage.coverage.id;
}

export interface HourlyBillingResult {
  excludedEntryIds: string[];
  findings: Finding[];
}

export function billHourlyEntries(context: BillingContext, hourly: HourlyBilling, accumulator: BillingAccumulator): HourlyBillingResult {
  const { agreement, caseFile, register } = context;
  const schedule = prepareRateSchedule(findRate(agreement.rates, hourly.rate), register);
  const granularity = context.policy(hourly.granularityDecision);
  const baseExplanation = (source = hourly.source) => explain(hourly.ruleId, source, [granularity]);
  const excludedEntryIds: string[] = [];
  const findings: Finding[] = [];
  const used = new Map<string, Exact>();
  let countedKinds: string[] | undefined;
  let kindsInputMissing: string | undefined;
  if (isInputReference(hourly.countedTimeKinds)) {
    const lookup = register.lookup(hourly.countedTimeKinds.input);
    if (lookup.found) countedKinds = Array.isArray(lookup.value) ? (lookup.value as string[]) : String(lookup.value).split(/[,\s]+/);
    else kindsInputMissing = hourly.countedTimeKinds.input;
  } else countedKinds = hourly.countedTimeKinds;

  const entries = caseFile.entries
    .map((entry, index) => ({ entry, index, day: epochDayOfIso(entry.date) }))
    .filter(({ day }) => day <= context.lastDay)
    .sort((a, b) => a.day - b.day || (a.entry.start ?? "").localeCompare(b.entry.start ?? "") || a.index - b.index);

  const hold = (key: HoldKey, entry: ServiceEntry, entryId: string, hours: Exact) => accumulator.addToHold({ ...key, key: `${key.key}|${entry.date.slice(0, 7)}` }, entry.date, hours, { entryId });

  for (const { entry, index, day } of entries) {
    const entryId = entry.id ?? `E${index + 1}`;
    const inPeriod = day >= context.firstDay;
    if (hourly.billedAttribution !== undefined) {
      if (entry.attribution !== undefined && entry.attribution !== hourly.billedAttribution) {
        if (inPeriod) excludedEntryIds.push(entryId);
        continue;
      }
    }
    if (countedKinds !== undefined && !countedKinds.includes(entry.timeKind)) {
      if (inPeriod) excludedEntryIds.push(entryId);
      continue;
    }
    const hours = convertMinutesToBillableHours(measureEntryMinutes(entry), granularity.option);
    if (hours.isZero()) continue;
    const period = findRatePeriod(schedule, day);
    const coverage = findCostCoverage(context.coverages, day, hourly.coverageComponent);
    const billableUnlessVolume = inPeriod;
    // Entries before the period only consume approved volume, so that billing halves equals billing the whole.
    const approved = coverage?.coverage.approvedVolume ? parseAmount(coverage.coverage.approvedVolume.hours) : undefined;
    const volumeKey = coverage && approved ? volumePeriodKey(coverage, entry.date) : undefined;
    const wouldBill = entry.attribution !== undefined || hourly.billedAttribution === undefined;
    if (!billableUnlessVolume) {
      if (volumeKey && wouldBill && period && coverage && !kindsInputMissing && checkAgreementValidity(context, day) === undefined) {
        used.set(volumeKey, (used.get(volumeKey) ?? new Exact(0)).plus(hours));
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
        hours,
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
        hours,
      );
      continue;
    }
    const validity = checkAgreementValidity(context, day);
    if (validity) {
      hold({ ...validity, unit: "hour", ...(period?.amount ? { unitPrice: period.amount } : {}) }, entry, entryId, hours);
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
        hours,
      );
      continue;
    }
    const periodExplanation = explain(hourly.ruleId, period.period.source, [granularity]);
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
        hours,
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
        hours,
      );
      continue;
    }
    let billable = hours;
    if (volumeKey && approved) {
      const already = used.get(volumeKey) ?? new Exact(0);
      const remaining = Exact.max(approved.minus(already), 0);
      billable = Exact.min(hours, remaining);
      used.set(volumeKey, already.plus(hours));
      const excess = hours.minus(billable);
      if (excess.greaterThan(0)) {
        const gate = hourly.volumeGate;
        hold(
          {
            key: `volumeExceeded|${volumeKey}|${period.index}`,
            kind: "hold",
            code: "volumeExceeded",
            message: `bewilligtes Volumen von ${approved.toFixed(2)} Std. (${coverage.coverage.approvedVolume!.per === "month" ? "je Monat" : coverage.coverage.approvedVolume!.per}) überschritten`,
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
    if (billable.greaterThan(0)) {
      accumulator.addToLine(
        {
          key: `${entry.date.slice(0, 7)}|${hourly.rate}|${period.index}`,
          label: hourly.lineLabel,
          rateId: hourly.rate,
          unit: "hour",
          unitPrice: period.amount,
          exampleValue: period.exampleValue,
          explanation: periodExplanation,
        },
        entry.date,
        billable,
        { entryId, costCoverageId: coverage.coverage.id },
      );
    }
  }
  return { excludedEntryIds, findings };
}
