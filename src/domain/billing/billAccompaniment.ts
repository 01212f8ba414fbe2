/**
 * Hospital accompaniment (A4 § 5.8, A4-R13): per compensated hour of 60 minutes, at the rate of Anlage 9 for
 * the qualification of the compensating staff (inputs P-A4-09, P-A4-10). Part hours under D32: exact
 * minutes ÷ 60 (default) or whole hours only. Shown for review when it falls on an absence day (rules.md 6.1).
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import { explain, type Finding } from "../results/explanation.ts";
import type { BillingAccumulator } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";
import { findCostCoverage } from "./costCoverageGate.ts";
import { findRatePeriod } from "./rateSchedule.ts";
import { findRateSchedule } from "./preparedAgreement.ts";
import type { BillingParameters } from "./billingParameters.ts";

type Accompaniment = NonNullable<BillingParameters["accompaniment"]>;

export function billAccompaniment(context: BillingContext, accompaniment: Accompaniment, presentDays: Set<number>, accumulator: BillingAccumulator): Finding[] {
  const findings: Finding[] = [];
  const records = context.caseFile.accompaniment.filter((record) => {
    const day = epochDayOfIso(record.date);
    return day >= context.firstDay && day <= context.lastDay;
  });
  if (records.length === 0) return findings;
  const choice = context.policy(accompaniment.decision);
  const explanation = explain(accompaniment.ruleId, accompaniment.source, [choice]);
  records.forEach((record, index) => {
    const day = epochDayOfIso(record.date);
    const month = record.date.slice(0, 7);
    // Ticks are milli-minutes; D32 "wholeHours" bills completed hours only.
    const hours = choice.option === "wholeHours" ? Math.floor(record.minutes / 60) * 60_000 : record.minutes * 1000;
    const entryId = `B${index + 1}`;
    const rateId = accompaniment.ratesByQualification[record.qualification];
    if (!rateId) {
      accumulator.addToHold(
        {
          key: `accompaniment|qualification|${record.qualification}|${month}`,
          kind: "hold",
          code: "unknownQualification",
          message: `Qualifikation „${record.qualification}“ hat keinen Stundensatz (erlaubt: ${Object.keys(accompaniment.ratesByQualification).join(", ")})`,
          release: "Qualifikation der kompensierenden Kraft korrigieren",
          unit: "hour",
          explanation,
        },
        record.date,
        hours,
        { entryId },
      );
      return;
    }
    const period = findRatePeriod(findRateSchedule(context.agreement, rateId), day);
    const validity = checkAgreementValidity(context, day);
    const coverage = findCostCoverage(context.coverages, day, accompaniment.coverageComponent);
    const heldBy = validity
      ? { ...validity, unit: "hour" as const }
      : !period
        ? { key: "noRatePeriod", kind: "hold" as const, code: "noRatePeriod", message: `kein Vergütungszeitraum für ${record.date}`, release: "Vergütungszeitraum ergänzen", unit: "hour" as const, explanation }
        : period.amount === undefined
          ? {
              key: `inputMissing|${period.missingInputId}`,
              kind: "hold" as const,
              code: "inputMissing",
              message: context.register.describeMissing(period.missingInputId!),
              release: `Eingabe ${period.missingInputId} (Anlage 9) in der Vereinbarung füllen`,
              inputId: period.missingInputId!,
              unit: "hour" as const,
              explanation,
            }
          : !coverage
            ? {
                key: "noCostCoverage",
                kind: "hold" as const,
                code: "noCostCoverage",
                message: `keine Kostenübernahme für die Begleitung im Krankenhaus (${accompaniment.coverageComponent})`,
                release: "Kostenübernahme einschließlich Begleitung im Krankenhaus erfassen",
                unit: "hour" as const,
                unitPrice: period.amount,
                explanation,
              }
            : undefined;
    if (heldBy) {
      accumulator.addToHold({ ...heldBy, key: `accompaniment|${heldBy.key}|${month}` }, record.date, hours, { entryId });
      return;
    }
    if (!presentDays.has(day)) {
      findings.push({
        severity: "info",
        code: "accompanimentOnAbsenceDay",
        message: `Begleitung im Krankenhaus am ${record.date} neben Abwesenheitsvergütung: zur Prüfung ausgewiesen`,
        date: record.date,
        explanation,
      });
    }
    accumulator.addToLine(
      {
        key: `${month}|${rateId}|${period!.index}`,
        label: `${accompaniment.lineLabel} (${record.qualification === "skilled" ? "Fachkraft" : record.qualification === "nonSkilled" ? "Nicht-Fachkraft" : record.qualification})`,
        rateId,
        unit: "hour",
        unitPrice: period!.amount!,
        exampleValue: period!.exampleValue,
        explanation: { ...explanation, source: period!.period.source },
      },
      record.date,
      hours,
      { entryId, costCoverageId: coverage!.coverage.id },
    );
  });
  return findings;
}
