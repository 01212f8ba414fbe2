/**
 * Builds findings for data-driven criteria (admission M06/M07, documentation M14): each finding carries the
 * criterion's rule id, clause and quote, and the resolved options of the decisions the criterion names
 * (decisions.md), so a caseworker can see why it exists and which reading produced it.
 */
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Finding, type PolicyChoice, type Severity, type SourceReference } from "../results/explanation.ts";
import type { FailureEffect } from "./admissionParameters.ts";

export interface CriterionReference {
  ruleId: string;
  source: SourceReference;
  policies?: string[];
}

export interface PolicyContext {
  agreementPolicies: PolicySettings;
  casePolicies: PolicySettings;
}

/** What a finding does to the admission outcome (recorded in details.outcomeEffect). */
export type OutcomeEffect = "refuse" | "review" | "none";

export function resolveCriterionPolicies(criterion: CriterionReference, context: PolicyContext): PolicyChoice[] {
  return (criterion.policies ?? []).map((id) => resolvePolicy(id, context.agreementPolicies, context.casePolicies));
}

export function severityOfEffect(effect: FailureEffect): Severity {
  return effect === "refuse" ? "block" : "warn";
}

export function outcomeEffectOf(effect: FailureEffect): OutcomeEffect {
  return effect === "warn" ? "none" : effect;
}

export interface FindingSpecification {
  criterion: CriterionReference;
  severity: Severity;
  code: string;
  message: string;
  outcomeEffect?: OutcomeEffect;
  date?: string;
  details?: Record<string, unknown>;
}

export function buildFinding(specification: FindingSpecification, context: PolicyContext): Finding {
  const { criterion, severity, code, message, outcomeEffect, date, details } = specification;
  const { file, clause, quote } = criterion.source;
  const source: SourceReference = quote === undefined ? { file, clause } : { file, clause, quote };
  const allDetails = { ...(details ?? {}), ...(outcomeEffect && outcomeEffect !== "none" ? { outcomeEffect } : {}) };
  const finding: Finding = { severity, code, message, explanation: explain(criterion.ruleId, source, resolveCriterionPolicies(criterion, context)) };
  if (date !== undefined) finding.date = date;
  if (Object.keys(allDetails).length > 0) finding.details = allDetails;
  return finding;
}

/** A failed criterion: the severity and outcome effect follow the criterion's configured effect. */
export function buildFailureFinding(
  effect: FailureEffect,
  specification: Omit<FindingSpecification, "severity" | "outcomeEffect">,
  context: PolicyContext,
): Finding {
  return buildFinding({ ...specification, severity: severityOfEffect(effect), outcomeEffect: outcomeEffectOf(effect) }, context);
}

/** A check that could not run for lack of data: held, and the outcome needs a human review. */
export function buildHoldFinding(specification: Omit<FindingSpecification, "severity" | "outcomeEffect">, context: PolicyContext): Finding {
  return buildFinding({ ...specification, severity: "hold", outcomeEffect: "review" }, context);
}

/** A passed criterion: an info finding that explains why. */
export function buildPassFinding(specification: Omit<FindingSpecification, "severity" | "outcomeEffect">, context: PolicyContext): Finding {
  return buildFinding({ ...specification, severity: "info" }, context);
}
