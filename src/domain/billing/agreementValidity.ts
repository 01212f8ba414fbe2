/**
 * M01/M03 service dates outside the agreement's validity (A0-R07, A0-R16, A4-R26): before its start, or after
 * its end, nothing can be priced. After the end the line is held pending a follow-up agreement, or rejected
 * when the agreement says so (A0: "After 30.11.2027 the line is rejected unless an extension is recorded").
 */
import { isoOfEpochDay } from "../calendar/calendarDate.ts";
import { explain } from "../results/explanation.ts";
import type { HoldKey } from "./billingAccumulator.ts";
import type { BillingContext } from "./billingContext.ts";

export function checkAgreementValidity(context: BillingContext, epochDay: number): HoldKey | undefined {
  const { agreement } = context;
  const rule = agreement.billing?.agreementPeriodRule;
  const explanation = rule ? explain(rule.ruleId, rule.source) : explain(agreement.validity.ruleId, agreement.validity.source);
  if (context.validTo !== undefined && epochDay > context.validTo) {
    const rejected = rule?.afterValidity === "reject";
    return {
      key: "afterAgreementEnd",
      kind: rejected ? "rejected" : "hold",
      code: "afterAgreementEnd",
      message: `Leistungsdatum nach dem Ende der Vereinbarung am ${isoOfEpochDay(context.validTo)}: kein Vergütungszeitraum`,
      release: rejected ? "nur abrechenbar, wenn eine Verlängerung der Vereinbarung erfasst wird" : "Anschluss- oder Verlängerungsvereinbarung erfassen",
      unit: "serviceDay",
      explanation,
    };
  }
  if (context.validFrom !== undefined && epochDay < context.validFrom) {
    return {
      key: "beforeAgreementStart",
      kind: "rejected",
      code: "beforeAgreementStart",
      message: `Leistungsdatum vor dem Beginn der Vereinbarung am ${isoOfEpochDay(context.validFrom)}`,
      release: "Leistungen vor Vertragsbeginn sind nach dieser Vereinbarung nicht abrechenbar",
      unit: "serviceDay",
      explanation,
    };
  }
  return undefined;
}
