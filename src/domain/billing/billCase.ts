/**
 * Bills one case for one period under its agreement: runs the billing mechanisms the agreement selects
 * (hourly, daily rate with absences and rent supplement, accompaniment) and adds up the draft.
 * An agreement without remuneration (A1, A3: a separate pricing agreement) holds everything, naming the input.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { measureEntryMilliminutes } from "../case/entryDuration.ts";
import { ZERO, roundHalfUp, sumExact } from "../money/amount.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import { explain, type Finding } from "../results/explanation.ts";
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import { BillingAccumulator } from "./billingAccumulator.ts";
import { createBillingContext, type BillingPeriod } from "./billingContext.ts";
import { billAccompaniment } from "./billAccompaniment.ts";
import { billCaseRates } from "./billCaseRates.ts";
import { billDailyRate } from "./billDailyRate.ts";
import { billHourlyEntries } from "./billHourlyEntries.ts";
import { billRentSupplement } from "./billRentSupplement.ts";
import type { BillingTotals, Hold, InvoiceDraft, InvoiceLine } from "./invoiceDraft.ts";

export interface BillCaseOptions {
  casePolicies?: PolicySettings;
}

export function billCase(agreement: Agreement, caseFile: CaseFile, period: BillingPeriod, options: BillCaseOptions = {}): InvoiceDraft {
  const context = createBillingContext(agreement, caseFile, period, options.casePolicies ?? caseFile.policies);
  const accumulator = new BillingAccumulator();
  const findings: Finding[] = [];
  let excludedEntryIds: string[] = [];
  const billing = agreement.billing;

  if (!billing || isInputReference(billing.remuneration)) {
    const inputId = billing && isInputReference(billing.remuneration) ? billing.remuneration.input : undefined;
    caseFile.entries.forEach((entry, index) => {
      const day = epochDayOfIso(entry.date);
      if (day < context.firstDay || day > context.lastDay) return;
      accumulator.addToHold(
        {
          key: `remunerationMissing|${entry.date.slice(0, 7)}`,
          kind: "hold",
          code: "remunerationMissing",
          message: !inputId
            ? "Die Vereinbarung enthält keine Vergütung"
            : context.register.lookup(inputId).found
              ? `Vergütung ${inputId} erfasst, aber für diese Vereinbarung ist noch kein Abrechnungsverfahren hinterlegt`
              : context.register.describeMissing(inputId),
          release: "gesonderte Vergütungsvereinbarung als Eingabe erfassen",
          ...(inputId ? { inputId } : {}),
          unit: "hour",
          explanation: explain(
            context.register.definition(inputId ?? "")?.blocks[0] ?? agreement.validity.ruleId,
            context.register.definition(inputId ?? "")?.source ?? agreement.validity.source,
          ),
        },
        entry.date,
        measureEntryMilliminutes(entry),
        { entryId: entry.id ?? `E${index + 1}` },
      );
    });
  } else {
    let presentDays = new Set<number>();
    if (billing.hourly) {
      const result = billHourlyEntries(context, billing.hourly, accumulator);
      excludedEntryIds = result.excludedEntryIds;
      findings.push(...result.findings);
    }
    if (billing.daily) {
      const result = billDailyRate(context, billing.daily, accumulator);
      presentDays = result.presentDays;
      findings.push(...result.findings);
      if (billing.daily.rentSupplement) billRentSupplement(context, billing.daily.rentSupplement, result.heldDays, result.presentDays, accumulator);
    }
    if (billing.accompaniment) findings.push(...billAccompaniment(context, billing.accompaniment, presentDays, accumulator));
    if (billing.caseRates) billCaseRates(context, billing.caseRates, accumulator);
  }

  const lines = accumulator.listLines();
  const holds = accumulator.listHolds();
  return {
    agreementId: agreement.id,
    caseId: caseFile.case.id,
    clientId: caseFile.client.id,
    ...(caseFile.case.payer ? { payerId: caseFile.case.payer.id } : {}),
    periodFrom: period.from,
    periodTo: period.to,
    lines,
    holds,
    findings,
    totals: computeTotals(lines, holds),
    policies: context.usedPolicies(),
    excludedEntryIds,
  };
}

/** Totals: the sum of the presented (rounded) line amounts, to the cent; quantities per unit. */
export function computeTotals(lines: InvoiceLine[], holds: Hold[]): BillingTotals {
  const quantities: BillingTotals["quantities"] = {};
  const bucket = (unit: string) => (quantities[unit] ??= { delivered: ZERO, billed: ZERO, held: ZERO, rejected: ZERO });
  for (const line of lines) {
    const entry = bucket(line.unit);
    entry.billed = entry.billed.plus(line.quantity);
    entry.delivered = entry.delivered.plus(line.quantity);
  }
  for (const hold of holds) {
    const entry = bucket(hold.unit);
    if (hold.kind === "rejected") entry.rejected = entry.rejected.plus(hold.quantity);
    else entry.held = entry.held.plus(hold.quantity);
    entry.delivered = entry.delivered.plus(hold.quantity);
  }
  return {
    billed: sumExact(lines.map((line) => roundHalfUp(line.amount))),
    held: sumExact(holds.filter((hold) => hold.kind === "hold" && hold.amount).map((hold) => roundHalfUp(hold.amount!))),
    quantities,
  };
}

