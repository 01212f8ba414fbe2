/**
 * Daily-rate billing of a residential place (A4 §§ 5.1–5.3, 5.7, 5.10; Anl. 1 § 4.2):
 * - A4-R07 every service day at the total daily rate, itemised by its printed components;
 * - A4-R08 interruptions for holiday, illness or Kur: the total rate continues for up to 30 consecutive
 *   billing days, beyond only with a payer agreement dated on or before day 30 (D05), else held (E20);
 * - A4-R09 hospital/Kur stays of more than 4 weeks at the absence rate, under reading A, B or C of D01 (E11);
 * - A4-R05 no billing for days before the residential care contract (rejected);
 * - A4-R06 a cost coverage including the component must be valid on the day, else the day is held (E13);
 * - A4-R26 days after the agreement's end have no rate and are held (E17).
 */

import { epochDayOfIso, isoOfEpochDay } from "../calendar/calendarDate.ts";
import { explain, type Explanation, type Finding, type PolicyChoice } from "../results/explanation.ts";
import type { BillingAccumulator, HoldKey } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { findCostCoverage } from "./costCoverageGate.ts";
import type { AbsentDay } from "./interruptionCalendar.ts";
import { findInterruptionCalendar } from "./preparedCase.ts";
import { findRateSchedule } from "./preparedAgreement.ts";
import { findRatePeriod, type PricedPeriod } from "./rateSchedule.ts";
import type { BillingParameters } from "./billingParameters.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";

type DailyBilling = NonNullable<BillingParameters["daily"]>;

const REASON_LABEL: Record<string, string> = { holiday: "Urlaub", illness: "Krankheit", hospital: "Krankenhaus", kur: "Kur", other: "sonstiger Grund" };

type Category = "present" | "continued" | "reduced" | "consented";

interface DayDecision {
  category: Category;
  rateId: string;
  explanation: Explanation;
  label: string;
}

export interface DailyBillingResult {
  /** Epoch days on which the place was held, and whether the person was present (for the rent supplement). */
  heldDays: number[];
  presentDays: Set<number>;
  findings: Finding[];
}

export function billDailyRate(context: BillingContext, daily: DailyBilling, accumulator: BillingAccumulator): DailyBillingResult {
  const { agreement, caseFile } = context;
  const findings: Finding[] = [];
  const absence = daily.absence;
  const mergeChoice = absence ? context.policy(absence.mergeDecision) : undefined;
  const calendar = findInterruptionCalendar(caseFile, mergeChoice?.option !== "two", absence?.reducedRate?.reasons ?? ["hospital", "kur"]);
  const readingChoice = absence?.reducedRate ? context.policy(absence.reducedRate.decision) : undefined;
  const scheduleOf = (rateId: string) => findRateSchedule(agreement, rateId);
  const consents = caseFile.payerConsents
    .filter((consent) => consent.kind === "absenceContinuation")
    .map((consent) => ({ day: epochDayOfIso(consent.date), absenceFrom: consent.absenceFrom ? epochDayOfIso(consent.absenceFrom) : undefined }));
  const careContractDay = caseFile.case.careContractDate ? epochDayOfIso(caseFile.case.careContractDate) : undefined;
  const presentExplanation = (period: PricedPeriod) => explain(daily.ruleId, period.period.source);

  const decide = (absent: AbsentDay | undefined): DayDecision | { hold: HoldKey } => {
    if (!absent) return { category: "present", rateId: daily.rate, explanation: explain(daily.ruleId, daily.source), label: daily.lineLabel };
    const continuation = absence?.continuation;
    const reasonLabel = REASON_LABEL[absent.reason] ?? absent.reason;
    if (!absence || !continuation || !continuation.reasons.includes(absent.reason)) {
      const explanation = explain(continuation?.ruleId ?? daily.ruleId, continuation?.source ?? daily.source);
      return {
        hold: {
          key: `absenceReasonNotCovered|${absent.reason}`,
          kind: "hold",
          code: "absenceReasonNotCovered",
          message: `Abwesenheit aus ${reasonLabel}: keine Fortzahlung vereinbart (nur ${continuation?.reasons.map((reason) => REASON_LABEL[reason]).join(", ") ?? "—"})`,
          release: "Abwesenheitsgrund prüfen oder Regelung des Landesrahmenvertrags als Eingabe erfassen",
          unit: "absenceDay",
          explanation,
        },
      };
    }
    const policies: PolicyChoice[] = mergeChoice ? [mergeChoice] : [];
    const reduced = absence.reducedRate;
    const isStay = reduced !== undefined && (reduced.reasons as string[]).includes(absent.reason);
    if (isStay && readingChoice) {
      const reading = readingChoice.option;
      const stayPolicies = [...policies, readingChoice];
      const reducedDecision: DayDecision = {
        category: "reduced",
        rateId: reduced.rate,
        explanation: explain(reduced.ruleId, reduced.source, stayPolicies),
        label: `Vergütung bei Unterbrechung (${reasonLabel}, mehr als 4 Wochen)`,
      };
      if (reading === "B" && absent.stayLength > reduced.moreThanDays) return reducedDecision;
      if (reading === "C" && absent.stayDayNumber > reduced.moreThanDays) return reducedDecision;
      if (reading === "A" && absent.dayNumber > continuation.days) return reducedDecision;
      if (absent.dayNumber <= continuation.days) {
        const fullDays = reading === "C" ? reduced.moreThanDays : continuation.days;
        return {
          category: "continued",
          rateId: daily.rate,
          explanation: explain(continuation.ruleId, continuation.source, stayPolicies),
          label: `${daily.lineLabel} bei Abwesenheit (${reasonLabel}, Tag 1–${fullDays})`,
        };
      }
    } else if (absent.dayNumber <= continuation.days) {
      return {
        category: "continued",
        rateId: daily.rate,
        explanation: explain(continuation.ruleId, continuation.source, policies),
        label: `${daily.lineLabel} bei Abwesenheit (${reasonLabel}, Tag 1–${continuation.days})`,
      };
    }
    // Beyond day 30: only with a payer agreement dated on or before day 30 (D05).
    const consentChoice = context.policy("D05");
    const lastDay = absent.interruptionStart + continuation.days - 1;
    const agreed = continuation.consentExtends && consents.some((consent) => consent.day <= lastDay && (consent.absenceFrom === undefined || consent.absenceFrom === absent.interruptionStart));
    const consentPolicies = [...policies, consentChoice];
    if (agreed) {
      return {
        category: "consented",
        rateId: daily.rate,
        explanation: explain(continuation.ruleId, continuation.source, consentPolicies),
        label: `${daily.lineLabel} bei Abwesenheit (${reasonLabel}) nach Einigung mit dem Träger`,
      };
    }
    return {
      hold: {
        key: `continuationNotAgreed|${absent.interruptionStart}`,
        kind: "hold",
        code: "continuationNotAgreed",
        message: `Abwesenheit über ${continuation.days} zusammenhängende Abrechnungstage hinaus (ab ${isoOfEpochDay(lastDay + 1)}) ohne rechtzeitige Einigung mit dem Träger (spätestens am ${isoOfEpochDay(lastDay)})`,
        release: `Einigung mit dem örtlichen Träger, datiert spätestens am ${isoOfEpochDay(lastDay)}, erfassen`,
        unit: "absenceDay",
        explanation: explain(continuation.ruleId, continuation.source, consentPolicies),
      },
    };
  };

  // Decisions repeat day after day; build each distinct one once.
  const decisionCache = new Map<string, DayDecision | { hold: HoldKey }>();
  /** A cheap code that determines the decision completely; each distinct decision is built once per call. */
  const continuationRule = absence?.continuation;
  const reducedRule = absence?.reducedRate;
  const codeOf = (absent: AbsentDay | undefined): string => {
    if (!absent) return "present";
    if (!continuationRule || !continuationRule.reasons.includes(absent.reason)) return `notCovered|${absent.reason}`;
    const withinContinuation = absent.dayNumber <= continuationRule.days;
    if (reducedRule && readingChoice && (reducedRule.reasons as string[]).includes(absent.reason)) {
      const reading = readingChoice.option;
      const reduced =
        (reading === "B" && absent.stayLength > reducedRule.moreThanDays) ||
        (reading === "C" && absent.stayDayNumber > reducedRule.moreThanDays) ||
        (reading === "A" && !withinContinuation);
      if (reduced) return `reduced|${absent.reason}`;
    }
    if (withinContinuation) return `continued|${absent.reason}`;
    return `beyond|${absent.reason}|${absent.interruptionStart}`;
  };
  const decideCached = (absent: AbsentDay | undefined): DayDecision | { hold: HoldKey } => {
    const code = codeOf(absent);
    let decided = decisionCache.get(code);
    if (!decided) decisionCache.set(code, (decided = decide(absent)));
    return decided;
  };
  interface Run {
    decision: DayDecision;
    period: PricedPeriod;
    coverageId: string;
    month: string;
    reason: string;
    dates: string[];
  }
  let run: Run | undefined;
  const flushRun = () => {
    if (!run) return;
    const { decision, period, month, reason, dates, coverageId } = run;
    const unit = decision.category === "present" ? "serviceDay" : "absenceDay";
    accumulator.addRunToLine(
      {
        key: `${month}|${decision.rateId}|${period.index}|${decision.category}|${reason}`,
        build: () => ({
          key: "",
          label: decision.label,
          rateId: decision.rateId,
          unit,
          unitPrice: period.amount!,
          ...(period.components ? { components: period.components } : {}),
          exampleValue: period.exampleValue,
          explanation: decision.category === "present" ? { ...presentExplanation(period), ...(decision.explanation.policies ? { policies: decision.explanation.policies } : {}) } : decision.explanation,
        }),
      },
      dates[0]!,
      dates[dates.length - 1]!,
      dates.length,
      dates,
      { costCoverageId: coverageId },
    );
    run = undefined;
  };
  // Held and present days feed the rent supplement and the accompaniment review; collect them only when needed.
  const collectDays = (daily.rentSupplement !== undefined && (caseFile.case.flags[daily.rentSupplement.caseFlag] ?? caseFile.case.rentExcess)) || caseFile.accompaniment.length > 0;
  const heldDays: number[] = [];
  const presentDays = new Set<number>();
  const first = Math.max(context.firstDay, context.caseFirstDay);
  const last = Math.min(context.lastDay, context.caseLastDay);
  for (let day = first; day <= last; day++) {
    const date = isoOfEpochDay(day);
    const month = date.slice(0, 7);
    const absent = calendar.days.get(day);
    if (collectDays) {
      heldDays.push(day);
      if (!absent) presentDays.add(day);
    }
    const validity = checkAgreementValidity(context, day);
    if (validity) {
      accumulator.addToHold({ ...validity, key: `${validity.key}|${month}`, unit: absent ? "absenceDay" : "serviceDay" }, date, 1);
      continue;
    }
    if (daily.careContract && (careContractDay === undefined || day < careContractDay)) {
      accumulator.addToHold(
        {
          key: `careContractMissing|${month}`,
          kind: "rejected",
          code: "careContractMissing",
          message: careContractDay === undefined ? "kein Wohn- und Betreuungsvertrag erfasst" : `Wohn- und Betreuungsvertrag erst vom ${caseFile.case.careContractDate}`,
          release: "Tage vor Abschluss des Wohn- und Betreuungsvertrags sind nicht abrechenbar",
          unit: "serviceDay",
          explanation: explain(daily.careContract.ruleId, daily.careContract.source),
        },
        date,
        1,
      );
      continue;
    }
    const decision = decideCached(absent);
    if ("hold" in decision) {
      const rate = findRatePeriod(scheduleOf(daily.rate), day);
      accumulator.addToHold({ ...decision.hold, key: `${decision.hold.key}|${month}`, ...(rate?.amount ? { unitPrice: rate.amount } : {}) }, date, 1);
      continue;
    }
    const period = findRatePeriod(scheduleOf(decision.rateId), day);
    if (!period) {
      accumulator.addToHold(
        {
          key: `noRatePeriod|${decision.rateId}|${month}`,
          kind: "hold",
          code: "noRatePeriod",
          message: `kein Vergütungszeitraum für ${date} (Satz ${decision.rateId})`,
          release: "Anschlussvereinbarung mit neuem Vergütungszeitraum erfassen",
          unit: "serviceDay",
          explanation: decision.explanation,
        },
        date,
        1,
      );
      continue;
    }
    if (period.amount === undefined) {
      accumulator.addToHold(
        {
          key: `inputMissing|${period.missingInputId}|${month}`,
          kind: "hold",
          code: "inputMissing",
          message: context.register.describeMissing(period.missingInputId!),
          release: `Eingabe ${period.missingInputId} in der Vereinbarung füllen`,
          inputId: period.missingInputId!,
          unit: "serviceDay",
          explanation: decision.explanation,
        },
        date,
        1,
      );
      continue;
    }
    const coverage = findCostCoverage(context.coverages, day, daily.coverageComponent);
    if (!coverage) {
      const gate = agreement.billing?.costCoverageGate;
      accumulator.addToHold(
        {
          key: `noCostCoverage|${decision.category}|${month}`,
          kind: "hold",
          code: "noCostCoverage",
          message: `keine Kostenübernahmeerklärung für ${daily.coverageComponent} am Leistungsdatum`,
          release: "Kostenübernahme des Trägers für diesen Zeitraum erfassen (auch rückwirkend)",
          unit: decision.category === "reduced" ? "absenceDay" : "serviceDay",
          unitPrice: period.amount,
          explanation: gate ? explain(gate.ruleId, gate.source) : decision.explanation,
        },
        date,
        1,
      );
      continue;
    }
    const reason = absent?.reason ?? "";
    if (run && run.decision === decision && run.period === period && run.coverageId === coverage.coverage.id && run.month === month && run.reason === reason) {
      run.dates.push(date);
    } else {
      flushRun();
      run = { decision, period, coverageId: coverage.coverage.id, month, reason, dates: [date] };
    }
  }
  flushRun();

  // D05: a reminder task to seek the payer's agreement, on the reminder day of each interruption in the period.
  const continuation = absence?.continuation;
  if (continuation) {
    for (const interruption of calendar.interruptions) {
      const reminderDay = interruption.start + continuation.reminderDay - 1;
      const allStay = interruption.reasons.every((reason) => (absence?.reducedRate?.reasons as string[] | undefined)?.includes(reason));
      if (allStay || reminderDay > interruption.end || reminderDay < context.firstDay || reminderDay > context.lastDay) continue;
      const lastDay = interruption.start + continuation.days - 1;
      if (consents.some((consent) => consent.day <= lastDay && (consent.absenceFrom === undefined || consent.absenceFrom === interruption.start))) continue;
      findings.push({
        severity: "task",
        code: "seekContinuationAgreement",
        message: `Unterbrechung seit ${isoOfEpochDay(interruption.start)}: Einigung mit dem Träger über die Fortzahlung vor Ablauf von Tag ${continuation.days} (${isoOfEpochDay(lastDay)}) herbeiführen`,
        date: isoOfEpochDay(reminderDay),
        explanation: explain(continuation.ruleId, continuation.source, [context.policy("D05")]),
      });
    }
  }
  if (readingChoice && calendar.interruptions.some((interruption) => interruption.reasons.some((reason) => reason === "hospital" || reason === "kur"))) {
    findings.push({
      severity: "info",
      code: "absenceReadingApplied",
      message: `Krankenhaus-/Kuraufenthalt abgerechnet nach Lesart ${readingChoice.option} von D01 (${readingChoice.origin === "default" ? "Standard" : "gewählt"}); § 19 Abs. 6 BremLRV nicht im Vertragstext`,
      explanation: explain(absence!.reducedRate!.ruleId, absence!.reducedRate!.source, [readingChoice]),
    });
  }
  return { heldDays, presentDays, findings };
}


