/**
 * M13 Staff quotas: share = numerator ÷ base of the staff group named in the clause, compared unrounded
 * with a minimum or maximum (D07). The base measure is contracted FTE with management excluded (D10 default;
 * headcount or delivered hours selectable). Skilled status comes from the agreement's own catalogue (X-R02).
 * - A2-R16 (§ 7.2): non-skilled ≤ 20 % („soll 20% nicht überschreiten“ → WARN); skilled > 50 % („überwiegend“).
 * - A3-R24 (§ 5.1.2): pedagogical skilled ≥ 50 %; A3-R25: SPZQ ≤ 50 % of the pedagogical skilled staff.
 * - A4-R16 (§ 3.5): day-shift skilled minimum = input P-A4-05; A4-R17 (Anl. 1 § 5.2): skilled ≤ 90 % of the
 *   staff financed under the staffing plan, higher by approved application; two separate checks (D26).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import type { Source } from "../agreement/sourceSchema.ts";
import { sumExact, type Exact } from "../money/amount.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Finding, type PolicyChoice } from "../results/explanation.ts";
import { classifyStaffMember, type MemberClassification } from "./classifyQualification.ts";
import type { StaffingOptions } from "./computeStaffNeed.ts";
import type { Quota, StaffFilter } from "./staffingParameters.ts";
import type { QuotaException, StaffMember, TeamFile } from "./teamFileSchema.ts";
import { formatDecimalGerman, formatPercentGerman, percentFigure, toFigure, type Figure } from "./staffingFigures.ts";
import { fullTimeEquivalentsInAgreement, matchesStaffConditions, memberLabel, namesAgreement, staffOfAgreement } from "./staffMembership.ts";
import { isValidOn, parseDecimalValue, parsePositiveDecimalValue, parseShareValue, resolveValue } from "./staffingValues.ts";

export type QuotaStatus = "met" | "notMet" | "held";
export type QuotaMeasure = "contractedFte" | "headcount" | "deliveredHours";

export interface QuotaResult {
  agreementId: string;
  quotaId: string;
  ruleId: string;
  label: string;
  status: QuotaStatus;
  comparison: Quota["comparison"];
  measure: QuotaMeasure;
  /** The limit as a share (0.5) and in percent ("50.00"). */
  limit?: Figure;
  limitPercent?: Figure;
  limitOrigin?: "agreement" | "input" | "exception";
  numerator?: Figure;
  base?: Figure;
  share?: Figure;
  sharePercent?: Figure;
  numeratorStaffIds: string[];
  baseStaffIds: string[];
  finding: Finding;
}

const UNIT: Record<QuotaMeasure, string> = { contractedFte: "VZÄ", headcount: "Personen", deliveredHours: "Stunden" };

function mergedPolicies(team: TeamFile, options: StaffingOptions): PolicySettings {
  return { ...team.policies, ...(options.casePolicies ?? {}) };
}

/** Full-time hours for converting weekly hours into FTE: the agreement's contract-hours input, if any. */
function agreementFullTimeHours(agreement: Agreement, register: InputRegister): Exact | undefined {
  const weekly = agreement.staffing?.requirements.find((requirement) => requirement.weeklyHours)?.weeklyHours;
  if (!weekly) return undefined;
  const resolved = resolveValue(weekly.contractFullTimeHours, register, parsePositiveDecimalValue);
  return resolved.ok ? resolved.value : undefined;
}

function findException(team: TeamFile, agreement: Agreement, quota: Quota, asOf: string): QuotaException | undefined {
  const matching = team.exceptions.filter(
    (exception) =>
      namesAgreement(agreement, exception.agreement) &&
      (exception.quota === quota.id || exception.quota === quota.ruleId) &&
      exception.approvedOn <= asOf &&
      isValidOn(exception, asOf) &&
      (quota.comparison === "atMost" ? exception.maximum !== undefined : exception.minimum !== undefined),
  );
  return matching.sort((a, b) => (a.approvedOn < b.approvedOn ? 1 : -1))[0];
}

function matchesClassification(classification: MemberClassification | undefined, filter: StaffFilter): boolean {
  if (filter.classification && classification?.status !== filter.classification) return false;
  if (filter.tag && !(classification?.status === "skilled" && classification.tags.includes(filter.tag))) return false;
  return true;
}

function usesClassification(filter: StaffFilter): boolean {
  return filter.classification !== undefined || filter.tag !== undefined;
}

/** Evaluates every quota of the agreement valid on the reference date, each on its own base (D26). */
export function evaluateStaffQuotas(agreement: Agreement, team: TeamFile, options: StaffingOptions = {}): QuotaResult[] {
  const asOf = options.asOf ?? team.asOf;
  const casePolicies = mergedPolicies(team, options);
  const register = createInputRegister(agreement);
  const quotas = (agreement.staffing?.quotas ?? []).filter((quota) => isValidOn(quota, asOf));
  const fullTimeHours = agreementFullTimeHours(agreement, register);
  const members = staffOfAgreement(team, agreement, asOf).filter((member) => !member.volunteer);
  const classifications = new Map<string, MemberClassification>();
  const classificationOf = (member: StaffMember) => {
    let classification = classifications.get(member.id);
    if (!classification) {
      classification = classifyStaffMember(agreement, member, { asOf });
      classifications.set(member.id, classification);
    }
    return classification;
  };
  return quotas.map((quota) => evaluateQuota(agreement, team, quota, members, classificationOf, register, casePolicies, asOf, fullTimeHours));
}

function evaluateQuota(
  agreement: Agreement,
  team: TeamFile,
  quota: Quota,
  members: StaffMember[],
  classificationOf: (member: StaffMember) => MemberClassification,
  register: InputRegister,
  casePolicies: PolicySettings,
  asOf: string,
  fullTimeHours: Exact | undefined,
): QuotaResult {
  const measureChoice = resolvePolicy("D10", agreement.policies, casePolicies);
  const measure: QuotaMeasure = measureChoice.option === "headcount" || measureChoice.option === "deliveredHours" ? measureChoice.option : "contractedFte";
  const policies: PolicyChoice[] = [measureChoice, ...quota.decisions.map((decision) => resolvePolicy(decision, agreement.policies, casePolicies)), resolvePolicy("D07", agreement.policies, casePolicies)];
  const result: Omit<QuotaResult, "status" | "finding"> = {
    agreementId: agreement.id,
    quotaId: quota.id,
    ruleId: quota.ruleId,
    label: quota.label,
    comparison: quota.comparison,
    measure,
    numeratorStaffIds: [],
    baseStaffIds: [],
  };
  const finish = (status: QuotaStatus, severity: Finding["severity"], code: string, message: string, source: Source, details?: Record<string, unknown>): QuotaResult => ({
    ...result,
    status,
    finding: { severity, code, message, explanation: explain(quota.ruleId, source, policies), date: asOf, ...(details ? { details } : {}) },
  });
  const title = `${agreement.id} ${quota.label}`;

  // Staff in the base group, with their classification under this agreement.
  const needsClassification = usesClassification(quota.base) || usesClassification(quota.numerator);
  const candidates = members.filter((member) => matchesStaffConditions(member, quota.base));
  if (needsClassification) {
    const held = candidates.map(classificationOf).filter((classification) => classification.status === "held");
    if (held.length > 0) return finish("held", "hold", "quotaHeldClassification", `${title} angehalten: ${held.map((item) => item.message).join("; ")}`, quota.source);
  }
  const baseMembers = candidates.filter((member) => !needsClassification || matchesClassification(classificationOf(member), quota.base));
  const numeratorMembers = baseMembers.filter(
    (member) => matchesStaffConditions(member, quota.numerator) && (!needsClassification || matchesClassification(classificationOf(member), quota.numerator)),
  );
  result.baseStaffIds = baseMembers.map((member) => member.id);
  result.numeratorStaffIds = numeratorMembers.map((member) => member.id);

  // The measure of each member (D10).
  const problems: string[] = [];
  const splitMissing: string[] = [];
  const measured = new Map<string, Exact>();
  for (const member of baseMembers) {
    if (measure === "headcount") measured.set(member.id, parseDecimalValue(1)!);
    else if (measure === "deliveredHours") {
      if (member.deliveredHours === undefined) problems.push(`${memberLabel(member)}: geleistete Stunden fehlen („deliveredHours“)`);
      else measured.set(member.id, parseDecimalValue(member.deliveredHours)!);
    } else {
      const share = fullTimeEquivalentsInAgreement(member, team, agreement, fullTimeHours);
      if (share.problem) problems.push(share.problem);
      else measured.set(member.id, share.value!);
      if (share.splitMissing) splitMissing.push(memberLabel(member));
    }
  }
  if (problems.length > 0) return finish("held", "hold", "quotaHeldMeasure", `${title} angehalten: ${problems.join("; ")}`, quota.source);

  // The limit: an approved exception, the printed value, or the input.
  const exception = quota.exceptionByApplication ? findException(team, agreement, quota, asOf) : undefined;
  let limit: Exact;
  let limitSource: Source = quota.source;
  if (exception) {
    limit = parseShareValue(quota.comparison === "atMost" ? exception.maximum : exception.minimum)!;
    result.limitOrigin = "exception";
    limitSource = quota.exceptionByApplication!.source;
  } else {
    const resolved = resolveValue(quota.limit, register, parseShareValue);
    if (!resolved.ok) return finish("held", "hold", "quotaLimitMissing", `${title} angehalten: ${resolved.message}`, quota.source, { inputId: resolved.inputId });
    limit = resolved.value;
    result.limitOrigin = resolved.inputId ? "input" : "agreement";
    if (resolved.source) limitSource = resolved.source;
  }
  result.limit = toFigure(limit);
  result.limitPercent = percentFigure(limit);

  const numerator = sumExact(numeratorMembers.map((member) => measured.get(member.id)!));
  const base = sumExact(baseMembers.map((member) => measured.get(member.id)!));
  result.numerator = toFigure(numerator);
  result.base = toFigure(base);
  const unit = UNIT[measure];
  const details: Record<string, unknown> = {
    numerator: numerator.toString(),
    base: base.toString(),
    limit: limit.toString(),
    ...(exception ? { exception: { approvedOn: exception.approvedOn, reference: exception.reference } } : {}),
    ...(splitMissing.length > 0 ? { splitMissing } : {}),
  };
  const limitText = formatPercentGerman(limit) + (exception ? ` (Ausnahme vereinbart am ${exception.approvedOn})` : "");
  if (base.isZero()) {
    if (quota.comparison === "atMost") return finish("met", "info", "quotaMet", `${title}: keine Stellen in der Bezugsgruppe; Höchstquote ${limitText} nicht überschritten`, limitSource, details);
    return finish("notMet", quota.severity, "quotaBelowMinimum", `${title}: keine Stellen in der Bezugsgruppe; Mindestquote ${limitText} nicht erreicht`, limitSource, details);
  }
  const share = numerator.dividedBy(base);
  result.share = toFigure(share);
  result.sharePercent = percentFigure(share);
  const met = quota.comparison === "atLeast" ? share.greaterThanOrEqualTo(limit) : quota.comparison === "greaterThan" ? share.greaterThan(limit) : share.lessThanOrEqualTo(limit);
  const figures = `${formatPercentGerman(share)} (${formatDecimalGerman(numerator)} von ${formatDecimalGerman(base)} ${unit})`;
  if (met) {
    const kind = quota.comparison === "atMost" ? `Höchstquote ${limitText} eingehalten` : quota.comparison === "atLeast" ? `Mindestquote ${limitText} erreicht` : `mehr als ${limitText}`;
    return finish("met", "info", "quotaMet", `${title}: ${figures}; ${kind}`, limitSource, details);
  }
  const breach =
    quota.comparison === "atMost"
      ? `liegt über der Höchstquote von ${limitText}`
      : quota.comparison === "atLeast"
        ? `liegt unter der Mindestquote von ${limitText}`
        : `liegt nicht über ${limitText}`;
  return finish("notMet", quota.severity, quota.comparison === "atMost" ? "quotaAboveMaximum" : "quotaBelowMinimum", `${title}: ${figures} ${breach}`, limitSource, details);
}
