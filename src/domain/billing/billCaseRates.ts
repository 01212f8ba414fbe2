/**
 * Per-case rates with an agreed unit (A2 § 9, A2-R21; M02 keyed lookup): the Maßnahmepauschale of the person's
 * need group on the service date, the Grundpauschale and the Investitionsbetrag, each billed per day, per
 * calendar month or per direct-contact hour, as the individual agreement sets (input P-A2-01).
 * - day: every day of the case in the period;
 * - month: every whole calendar month of the case inside the period with one need group; a part month, or a
 *   month whose need group changes, is held (the framework does not say how to prorate); so is a month whose
 *   cost coverage ends (or begins) inside it (X-R05: every day of the month must be covered);
 * - hour: direct-contact hours of the service entries (remote contact counts, A2-R06; indirect and other time
 *   are covered by the staff ratios, A2-R09).
 * A missing unit, amount or need group holds the quantity, naming the input; no cost coverage holds it too.
 */
import { countDaysInMonth, epochDayOfIso, formatGermanDate, fromEpochDay, isoOfEpochDay } from "../calendar/calendarDate.ts";
import { findNeedGroupOnDate } from "../case/needGroupOnDate.ts";
import { explain, type Explanation } from "../results/explanation.ts";
import type { BillingAccumulator, HoldKey } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";
import { findCostCoverage, findUncoveredDay } from "./costCoverageGate.ts";
import { findRatePeriod, type PricedPeriod } from "./rateSchedule.ts";
import { findRateSchedule } from "./preparedAgreement.ts";
import { listPreparedEntries } from "./preparedCase.ts";
import type { BillingParameters } from "./billingParameters.ts";
import type { RateUnit } from "./rateParameters.ts";

type CaseRates = NonNullable<BillingParameters["caseRates"]>;
type Component = CaseRates["components"][number];

const UNITS: Record<string, RateUnit> = { serviceDay: "serviceDay", month: "month", hour: "hour" };

interface Quantity {
  /** The day the rate is looked up on (ISO), and the month the line belongs to. */
  date: string;
  lastDate: string;
  ticks: number;
  dates: string[];
  entryIds: string[];
}

export function billCaseRates(context: BillingContext, caseRates: CaseRates, accumulator: BillingAccumulator): void {
  const { agreement, caseFile, register } = context;
  const base = explain(caseRates.ruleId, caseRates.source);
  const unitLookup = register.lookup(caseRates.unit.input);
  const unit = unitLookup.found ? UNITS[String(unitLookup.value)] : undefined;
  const first = Math.max(context.firstDay, context.caseFirstDay);
  const last = Math.min(context.lastDay, context.caseLastDay);
  const hold = (key: HoldKey, quantity: Quantity) =>
    accumulator.addToHold({ ...key, key: `${key.key}|${quantity.date.slice(0, 7)}` }, quantity.date, quantity.ticks, {
      spanTo: quantity.lastDate,
      ...(quantity.entryIds[0] !== undefined ? { entryId: quantity.entryIds[0] } : {}),
    });

  if (!unit) {
    for (let day = first; day <= last; day++) {
      const date = isoOfEpochDay(day);
      hold(
        {
          key: `inputMissing|${caseRates.unit.input}`,
          kind: "hold",
          code: "inputMissing",
          message: unitLookup.found ? `Abrechnungseinheit „${String(unitLookup.value)}“ unbekannt (erlaubt: serviceDay, month, hour)` : register.describeMissing(caseRates.unit.input),
          release: `Eingabe ${caseRates.unit.input} in der Vereinbarung füllen`,
          inputId: caseRates.unit.input,
          unit: "serviceDay",
          explanation: base,
        },
        { date, lastDate: date, ticks: 1, dates: [date], entryIds: [] },
      );
    }
    return;
  }

  // Quantities per unit, each dated for the rate lookup.
  const quantities: Quantity[] = [];
  const partMonths: Quantity[] = [];
  if (unit === "serviceDay") {
    for (let day = first; day <= last; day++) {
      const date = isoOfEpochDay(day);
      quantities.push({ date, lastDate: date, ticks: 1, dates: [date], entryIds: [] });
    }
  } else if (unit === "month") {
    for (let day = first; day <= last; ) {
      const date = isoOfEpochDay(day);
      const monthFirst = epochDayOfIso(`${date.slice(0, 7)}-01`);
      const monthLast = monthFirst + countDaysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))) - 1;
      const until = Math.min(monthLast, last);
      const whole = day === monthFirst && until === monthLast;
      const sameGroup = findNeedGroupOnDate(caseFile, date) === findNeedGroupOnDate(caseFile, isoOfEpochDay(monthLast));
      const quantity = { date, lastDate: isoOfEpochDay(until), ticks: 1, dates: [], entryIds: [] };
      if (whole && sameGroup) quantities.push(quantity);
      else partMonths.push({ ...quantity, ticks: until - day + 1 });
      day = until + 1;
    }
  } else {
    for (const prepared of listPreparedEntries(caseFile)) {
      if (prepared.day < first || prepared.day > last || prepared.entry.timeKind !== "direct") continue;
      quantities.push({ date: prepared.entry.date, lastDate: prepared.entry.date, ticks: prepared.milliminutes, dates: [], entryIds: [prepared.entryId] });
    }
  }
  for (const part of partMonths) {
    hold(
      {
        key: "partMonth",
        kind: "hold",
        code: "partMonth",
        message: `Monatspauschale für einen Teilmonat (${part.date} bis ${part.lastDate}) oder bei Wechsel der Hilfebedarfsgruppe: Anteilsberechnung ist nicht geregelt`,
        release: "Regel der Einzelvereinbarung für Teilmonate erfassen oder Tagessätze vereinbaren",
        unit: "serviceDay",
        explanation: base,
      },
      part,
    );
  }

  const explanations = new Map<string, Explanation>();
  const explanationOf = (component: Component, period: PricedPeriod) => {
    const key = `${component.label}|${period.rate.id}|${period.index}`;
    let explanation = explanations.get(key);
    if (!explanation) explanations.set(key, (explanation = explain(component.ruleId, period.period.source)));
    return explanation;
  };
  for (const quantity of quantities) {
    const day = epochDayOfIso(quantity.date);
    const validity = checkAgreementValidity(context, day);
    if (validity) {
      hold({ ...validity, unit }, quantity);
      continue;
    }
    const needGroup = findNeedGroupOnDate(caseFile, quantity.date);
    const coverage = findCostCoverage(context.coverages, day, caseRates.coverageComponent);
    for (const component of caseRates.components) {
      const rateId = component.keyedBy === "needGroup" ? component.rates.find((id) => agreement.rates.find((rate) => rate.id === id)?.key?.needGroup === needGroup) : component.rates[0];
      if (component.keyedBy === "needGroup" && (needGroup === undefined || rateId === undefined)) {
        hold(
          {
            key: `needGroupMissing|${component.label}`,
            kind: "hold",
            code: "needGroupMissing",
            message: needGroup === undefined ? `${component.label}: ${register.describeMissing(caseRates.needGroupInput.input)} (keine Hilfebedarfsgruppe am ${quantity.date})` : `${component.label}: kein Satz für Hilfebedarfsgruppe ${needGroup}`,
            release: "Hilfebedarfsgruppe aus dem Gesamtplan erfassen",
            inputId: caseRates.needGroupInput.input,
            unit,
            explanation: explain(component.ruleId, component.source),
          },
          quantity,
        );
        continue;
      }
      const period = findRatePeriod(findRateSchedule(agreement, rateId!), day);
      if (!period?.amount) {
        const missing = period?.missingInputId;
        hold(
          {
            key: `rateMissing|${rateId}`,
            kind: "hold",
            code: missing ? "inputMissing" : "noRatePeriod",
            message: missing ? register.describeMissing(missing) : `kein Vergütungszeitraum für ${component.label} am ${quantity.date}`,
            release: missing ? `Eingabe ${missing} in der Vereinbarung füllen` : "Vergütungszeitraum ergänzen",
            ...(missing ? { inputId: missing } : {}),
            unit,
            explanation: explain(component.ruleId, component.source),
          },
          quantity,
        );
        continue;
      }
      if (!coverage) {
        const gate = agreement.billing?.costCoverageGate;
        hold(
          {
            key: `noCostCoverage|${component.label}`,
            kind: "hold",
            code: "noCostCoverage",
            message: "keine Kostenübernahme / Bewilligung am Leistungsdatum",
            release: "Kostenübernahme des Trägers erfassen (auch rückwirkend)",
            unit,
            unitPrice: period.amount,
            explanation: gate ? explain(gate.ruleId, gate.source) : explanationOf(component, period),
          },
          quantity,
        );
        continue;
      }
      // X-R05: a lump sum per month needs a cost coverage for every day of the month, not only its first.
      const uncovered = unit === "month" ? findUncoveredDay(context.coverages, day, epochDayOfIso(quantity.lastDate), caseRates.coverageComponent) : undefined;
      if (uncovered !== undefined) {
        const gate = agreement.billing?.costCoverageGate;
        hold(
          {
            key: `partMonthCoverage|${component.label}`,
            kind: "hold",
            code: "partMonthCoverage",
            message: `Monatspauschale, aber keine Kostenübernahme ab ${formatGermanDate(fromEpochDay(uncovered))}: die Bewilligung deckt nicht den ganzen Monat, und eine Anteilsberechnung ist nicht geregelt`,
            release: "Kostenübernahme für den ganzen Monat erfassen (auch rückwirkend) oder eine Regel der Einzelvereinbarung für Teilmonate erfassen",
            unit,
            unitPrice: period.amount,
            explanation: gate ? explain(gate.ruleId, gate.source) : explanationOf(component, period),
          },
          quantity,
        );
        continue;
      }
      const label = component.keyedBy === "needGroup" ? `${component.label} HBG ${needGroup}` : component.label;
      accumulator.addRunToLine(
        {
          key: `${quantity.date.slice(0, 7)}|${rateId}|${period.index}`,
          build: () => ({ key: "", label, rateId: rateId!, unit, unitPrice: period.amount!, exampleValue: period.exampleValue, explanation: explanationOf(component, period) }),
        },
        quantity.date,
        quantity.lastDate,
        quantity.ticks,
        quantity.dates,
        { ...(quantity.entryIds.length > 0 ? { entryIds: quantity.entryIds } : {}), costCoverageId: coverage.coverage.id },
      );
    }
  }
}
