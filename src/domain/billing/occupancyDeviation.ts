/**
 * A4-R12 / A4-R27 / D30: the intervention service is kept regardless of occupancy, so a deviation of the billed
 * days from the agreed occupancy is "im Folgejahr berücksichtigt". Report only: (agreed − billed days) × the
 * Interventionsdienst component, with its sign; any deviation raises a renegotiation-check task (E19).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { Exact, parseAmount } from "../money/amount.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Explanation, type Finding } from "../results/explanation.ts";

export interface OccupancyDeviationReport {
  agreedDays?: number;
  billedDays: number;
  componentAmount?: Exact;
  /** Positive: shortfall (agreed > billed), negative: over-occupancy. */
  settlementBasis?: Exact;
  missingInput?: string;
  findings: Finding[];
  explanation: Explanation;
}

/** `billedDays`: days billed at the daily or the absence rate (both carry the component) in the agreement period. */
export function computeOccupancyDeviation(agreement: Agreement, billedDays: number, casePolicies: PolicySettings = {}): OccupancyDeviationReport | undefined {
  const parameters = agreement.billing?.occupancyDeviation;
  if (!parameters) return undefined;
  const policy = resolvePolicy(parameters.decision, agreement.policies, casePolicies);
  const explanation = explain(parameters.ruleId, parameters.source, [policy]);
  const register = createInputRegister(agreement);
  const lookup = register.lookup(parameters.agreedOccupancyDays.input);
  const rate = agreement.rates.find((candidate) => candidate.periods.some((period) => period.components?.some((component) => component.name === parameters.component)));
  const component = rate?.periods[0]?.components?.find((candidate) => candidate.name === parameters.component);
  if (!lookup.found || !component) {
    return {
      billedDays,
      missingInput: parameters.agreedOccupancyDays.input,
      findings: [{ severity: "hold", code: "inputMissing", message: register.describeMissing(parameters.agreedOccupancyDays.input), explanation }],
      explanation,
    };
  }
  const agreedDays = Number(lookup.value);
  const componentAmount = parseAmount(component.amount);
  const settlementBasis = new Exact(agreedDays - billedDays).times(componentAmount);
  const findings: Finding[] = [];
  if (agreedDays !== billedDays) {
    findings.push({
      severity: "task",
      code: "renegotiationCheck",
      message: `Tatsächliche Belegung (${billedDays} Tage) weicht von der vereinbarten (${agreedDays} Tage) ab: Neuverhandlung der Auslastung prüfen (§ 7.2)`,
      explanation: explain("A4-R27", { file: parameters.source.file, clause: "§ 7.2", quote: "wird die Auslastung neu verhandelt, wenn die tatsächliche Belegung von der vereinbarten Belegung abweicht" }),
    });
  }
  return { agreedDays, billedDays, componentAmount, settlementBasis, findings, explanation };
}
