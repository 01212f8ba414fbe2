/**
 * Rent supplement (A4 § 5.5, A4-R11; Zusatzbetrag bei Mietaufwendungen nach § 42a Abs. 6 SGB XII), under D02:
 * - M1 (default): 661.40 for each calendar month in which the place is held the whole month, absence days
 *   included; 21.73 per occupancy day in part months;
 * - M2: always 21.73 per occupancy day; M3: 21.73 per day present only (E12).
 * Only for a person whose rent exceeds the upper reasonableness limit, and only with cost coverage (A4-R06).
 */
import { countDaysInMonth, epochDayOfIso, isoOfEpochDay } from "../calendar/calendarDate.ts";
import { explain } from "../results/explanation.ts";
import type { BillingAccumulator } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";
import { checkAgreementValidity } from "./agreementValidity.ts";
import { findCostCoverage } from "./costCoverageGate.ts";
import { findRatePeriod } from "./rateSchedule.ts";
import { findRateSchedule } from "./preparedAgreement.ts";
import type { BillingParameters } from "./billingParameters.ts";

type RentSupplement = NonNullable<NonNullable<BillingParameters["daily"]>["rentSupplement"]>;


export function billRentSupplement(context: BillingContext, rent: RentSupplement, heldDays: number[], presentDays: Set<number>, accumulator: BillingAccumulator): void {
  const flag = context.caseFile.case.flags[rent.caseFlag] ?? (rent.caseFlag === "rentExcess" ? context.caseFile.case.rentExcess : false);
  if (!flag) return;
  const choice = context.policy(rent.decision);
  const explanation = explain(rent.ruleId, rent.source, [choice]);
  const daily = findRateSchedule(context.agreement, rent.dailyRate);
  const monthly = findRateSchedule(context.agreement, rent.monthlyRate);
  const occupancyDays = choice.option === "M3" ? heldDays.filter((day) => presentDays.has(day)) : heldDays;
  const byMonth = new Map<string, number[]>();
  for (const day of occupancyDays) {
    const month = isoOfEpochDay(day).slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(day);
    byMonth.set(month, list);
  }
  for (const [month, days] of byMonth) {
    const firstOfMonth = epochDayOfIso(`${month}-01`);
    const monthLength = countDaysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    const validDays = days.filter((day) => checkAgreementValidity(context, day) === undefined);
    const coveredDays = validDays.filter((day) => findCostCoverage(context.coverages, day, rent.coverageComponent) !== undefined);
    const wholeMonth = choice.option === "M1" && coveredDays.length === monthLength && coveredDays[0] === firstOfMonth;
    const monthPeriod = findRatePeriod(monthly, firstOfMonth);
    if (wholeMonth && monthPeriod?.amount) {
      const coverage = findCostCoverage(context.coverages, firstOfMonth, rent.coverageComponent)!;
      accumulator.addToLine(
        {
          key: `${month}|rent|month`,
          label: "Zusatzbetrag bei Mietaufwendungen (voller Monat)",
          rateId: rent.monthlyRate,
          unit: "month",
          unitPrice: monthPeriod.amount,
          exampleValue: monthPeriod.exampleValue,
          explanation: { ...explanation, source: monthPeriod.period.source },
        },
        isoOfEpochDay(firstOfMonth),
        1,
        { costCoverageId: coverage.coverage.id, spanTo: isoOfEpochDay(firstOfMonth + monthLength - 1) },
      );
      continue;
    }
    for (const day of days) {
      const date = isoOfEpochDay(day);
      const validity = checkAgreementValidity(context, day);
      const period = findRatePeriod(daily, day);
      if (validity || !period?.amount) {
        accumulator.addToHold(
          validity
            ? { ...validity, key: `rent|${validity.key}|${month}`, unit: "occupancyDay" }
            : {
                key: `rent|noRatePeriod|${month}`,
                kind: "hold",
                code: "noRatePeriod",
                message: `kein Vergütungszeitraum für den Zusatzbetrag am ${date}`,
                release: "Anschlussvereinbarung erfassen",
                unit: "occupancyDay",
                explanation,
              },
          date,
          1,
        );
        continue;
      }
      const coverage = findCostCoverage(context.coverages, day, rent.coverageComponent);
      if (!coverage) {
        accumulator.addToHold(
          {
            key: `rent|noCostCoverage|${month}`,
            kind: "hold",
            code: "noCostCoverage",
            message: `keine Kostenübernahme für den Zusatzbetrag (${rent.coverageComponent}) am Leistungsdatum`,
            release: "Kostenübernahme einschließlich Zusatzbetrag erfassen",
            unit: "occupancyDay",
            unitPrice: period.amount,
            explanation,
          },
          date,
          1,
        );
        continue;
      }
      accumulator.addToLine(
        {
          key: `${month}|rent|day|${period.index}`,
          label: choice.option === "M3" ? "Zusatzbetrag bei Mietaufwendungen (Anwesenheitstage)" : "Zusatzbetrag bei Mietaufwendungen (Belegungstage)",
          rateId: rent.dailyRate,
          unit: "occupancyDay",
          unitPrice: period.amount,
          exampleValue: period.exampleValue,
          explanation: { ...explanation, source: period.period.source },
        },
        date,
        1,
        { costCoverageId: coverage.coverage.id },
      );
    }
  }
}
