/**
 * M12 Staff requirement from ratios, exact arithmetic, rounded only when presented (D07):
 * - A2-R18 (§ 9 a): FTE = Σ n_g ÷ k_g over the need groups („1 zu 10,14 / 4,76 / 2,64 / 1,47 / 1,01“);
 * - A2-R17 (§ 7.3): coordination = persons ÷ 45, „Bestandteil des Unterstützungspersonals“: included in the
 *   total (D06 default) or added on top; both readings are computed and shown (E03: 7.95 vs 8.32 FTE);
 * - A2-R19 (§ 9 a): weekly hours per FTE = max(contract full-time hours [P-A2-04], 38.5);
 * - A3-R23 (§ 5.1.2): „1,0 : 10 ohne pädagogische Leitung“ on agreed places [P-A3-07] or actual
 *   participants (D17); pedagogical management on top [P-A3-19];
 * - A4 § 3.3: a fixed total [P-A4-02] with a coordination ratio [P-A4-03];
 * - quota limits in FTE for quotas that apply to the requirement (A2-R16 non-skilled cap, E03/E04).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { Source } from "../agreement/sourceSchema.ts";
import { sumExact, type Exact } from "../money/amount.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Explanation, type Finding, type PolicyChoice } from "../results/explanation.ts";
import type { Requirement } from "./staffingParameters.ts";
import type { TeamFile } from "./teamFileSchema.ts";
import { formatDecimalGerman, formatPercentGerman, toFigure, type Figure } from "./staffingFigures.ts";
import { countEligiblePersons, countNeedGroups, findCensus } from "./teamCensus.ts";
import { fullTimeEquivalentsInAgreement, matchesStaffConditions, memberLabel, staffOfAgreement } from "./staffMembership.ts";
import { isValidOn, parsePositiveDecimalValue, parsePositiveIntegerValue, parseShareValue, resolveValue } from "./staffingValues.ts";

export interface StaffingOptions {
  /** Reference date; default: the team file's asOf. */
  asOf?: string;
  /** Policy options (decisions.md) chosen for this evaluation; they override the team file and the agreement. */
  casePolicies?: PolicySettings;
}

export type CoordinationReading = "included" | "added";

export interface NeedGroupTerm {
  needGroup: number;
  persons: Figure;
  personsPerFullTimeEquivalent: Figure;
  fullTimeEquivalents: Figure;
  source: Source;
}

export interface QuotaLimitFigure {
  quotaId: string;
  ruleId: string;
  label: string;
  comparison: "atLeast" | "greaterThan" | "atMost";
  share: Figure;
  /** limit × support FTE excluding coordination (exact; compare unrounded). */
  fullTimeEquivalents: Figure;
}

export interface ReadingFigures {
  reading: CoordinationReading;
  /** Priced total FTE. */
  total: Figure;
  /** Support FTE without the coordination share; undefined while the coordination is held. */
  supportExcludingCoordination?: Figure;
  /** Required weekly staff hours = total × hours per FTE. */
  weeklyHours?: Figure;
  /** Lower bound at the minimum hours while the contract hours are missing. */
  weeklyHoursAtLeast?: Figure;
  quotaLimits: QuotaLimitFigure[];
}

export interface StaffNeed {
  agreementId: string;
  requirementId?: string;
  ruleId: string;
  label: string;
  status: "computed" | "held" | "notApplicable";
  base?: Requirement["base"];
  needGroupTerms: NeedGroupTerm[];
  places?: { count: number; basis: "agreedPlaces" | "actualParticipants"; origin: "agreement" | "input" | "teamFile" | "capacity" };
  /** Σ n_g ÷ k_g, places × ratio, or the fixed total. */
  ratioTotal?: Figure;
  coordination?: { persons: Figure; personsPerFullTimeEquivalent: Figure; fullTimeEquivalents: Figure; explanation: Explanation };
  /** Figures under the reading in force (D06 or the agreement's wording). */
  applied?: ReadingFigures;
  /** Figures under the other reading, shown beside (D06). */
  alternative?: ReadingFigures;
  weeklyHoursPerFullTimeEquivalent?: { applied: Figure; minimum: Figure; contract: Figure; origin: "agreement" | "input" | "teamFile" };
  management?: { fullTimeEquivalents: Figure; totalIncludingManagement: Figure };
  actual?: { fullTimeEquivalents: Figure; difference: Figure; staffIds: string[] };
  findings: Finding[];
  explanation: Explanation;
}

const READING_LABEL: Record<CoordinationReading, string> = { included: "Koordination in der Summe enthalten", added: "Koordination zusätzlich aufgeschlagen" };

function mergedPolicies(team: TeamFile, options: StaffingOptions): PolicySettings {
  return { ...team.policies, ...(options.casePolicies ?? {}) };
}

/** Computes the staff requirement of one agreement for a team on the reference date. */
export function computeStaffNeed(agreement: Agreement, team: TeamFile, options: StaffingOptions = {}): StaffNeed {
  const asOf = options.asOf ?? team.asOf;
  const casePolicies = mergedPolicies(team, options);
  const register = createInputRegister(agreement);
  const rounding = resolvePolicy("D07", agreement.policies, casePolicies);
  const requirements = (agreement.staffing?.requirements ?? []).filter((item) => isValidOn(item, asOf));
  const requirement = requirements[0];
  if (!requirement) {
    const reason = agreement.staffing?.requirementNotStated;
    const explanation = reason ? explain(reason.ruleId, reason.source) : explain(agreement.validity.ruleId, agreement.validity.source);
    const message = `${agreement.id} legt keinen Personalschlüssel fest (Stichtag ${asOf}); keine automatische Bedarfsrechnung`;
    return {
      agreementId: agreement.id,
      ruleId: explanation.ruleId,
      label: "Personalbedarf",
      status: "notApplicable",
      needGroupTerms: [],
      findings: [{ severity: "info", code: "staffRequirementNotStated", message, explanation }],
      explanation,
    };
  }

  const findings: Finding[] = [];
  const policies: PolicyChoice[] = [];
  const hold = (code: string, message: string, source: Source = requirement.source, ruleId = requirement.ruleId) =>
    findings.push({ severity: "hold", code, message, explanation: explain(ruleId, source, [...policies, rounding]) });
  const census = findCensus(team, agreement);
  const need: StaffNeed = {
    agreementId: agreement.id,
    requirementId: requirement.id,
    ruleId: requirement.ruleId,
    label: requirement.label,
    status: "computed",
    base: requirement.base,
    needGroupTerms: [],
    findings,
    explanation: explain(requirement.ruleId, requirement.source),
  };

  // 1. The ratio total.
  let ratioTotal: Exact | undefined;
  if (requirement.base === "needGroups") {
    if (!census) hold("censusMissing", `Personalbedarf ${agreement.id} angehalten: keine Belegung nach Hilfebedarfsgruppen in der Teamdatei („census“)`);
    else {
      const counted = countNeedGroups(census);
      const ratios = new Map((requirement.needGroupRatios ?? []).map((ratio) => [ratio.needGroup, ratio]));
      if (counted.withoutNeedGroup.length > 0) hold("needGroupMissing", `Personalbedarf ${agreement.id} angehalten: ohne Hilfebedarfsgruppe: ${counted.withoutNeedGroup.join(", ")}`);
      for (const group of counted.groups) {
        const ratio = ratios.get(group.needGroup);
        if (!ratio) {
          hold("needGroupNotAgreed", `Personalbedarf ${agreement.id} angehalten: Hilfebedarfsgruppe ${group.needGroup} ist nicht vereinbart`);
          continue;
        }
        const personsPerFullTimeEquivalent = parsePositiveDecimalValue(ratio.personsPerFullTimeEquivalent)!;
        need.needGroupTerms.push({
          needGroup: group.needGroup,
          persons: toFigure(group.persons),
          personsPerFullTimeEquivalent: toFigure(personsPerFullTimeEquivalent),
          fullTimeEquivalents: toFigure(group.persons.dividedBy(personsPerFullTimeEquivalent)),
          source: ratio.source,
        });
      }
      if (findings.length === 0) ratioTotal = sumExact(need.needGroupTerms.map((term) => term.fullTimeEquivalents.exact));
    }
  } else if (requirement.base === "places") {
    const ratio = requirement.placesRatio!;
    const baseChoice = requirement.placesBase!;
    let basis: "agreedPlaces" | "actualParticipants";
    if ("decision" in baseChoice) {
      const choice = resolvePolicy(baseChoice.decision, agreement.policies, casePolicies);
      policies.push(choice);
      basis = choice.option === "actualParticipants" ? "actualParticipants" : "agreedPlaces";
    } else basis = baseChoice.fixed;
    let count: number | undefined;
    let origin: "agreement" | "input" | "teamFile" | "capacity" | undefined;
    if (basis === "agreedPlaces") {
      const field = requirement.agreedPlaces ?? agreement.capacity?.places;
      const resolved = field ? resolveValue(field, register, parsePositiveIntegerValue) : undefined;
      if (resolved?.ok) {
        count = resolved.value;
        origin = resolved.inputId ? "input" : requirement.agreedPlaces ? "agreement" : "capacity";
      } else if (census?.agreedPlaces !== undefined) {
        count = census.agreedPlaces;
        origin = "teamFile";
        findings.push({
          severity: "info",
          code: "agreedPlacesFromTeamFile",
          message: `Vereinbarte Plätze ${agreement.id} aus der Teamdatei (${count})${resolved && !resolved.ok ? `; ${resolved.message}` : ""}`,
          explanation: explain(requirement.ruleId, ratio.source, [...policies]),
        });
      } else {
        hold("agreedPlacesMissing", `Personalbedarf ${agreement.id} angehalten: ${resolved && !resolved.ok ? resolved.message : "vereinbarte Plätze fehlen"}`, ratio.source);
      }
    } else {
      const participants = countEligiblePersons(census);
      if (participants === undefined) hold("participantsMissing", `Personalbedarf ${agreement.id} angehalten: tatsächliche Teilnehmendenzahl fehlt in der Teamdatei („census.participants“)`, ratio.source);
      else {
        count = participants.toNumber();
        origin = "teamFile";
      }
    }
    if (count !== undefined && origin !== undefined) {
      need.places = { count, basis, origin };
      ratioTotal = parsePositiveDecimalValue(count)!
        .times(parsePositiveDecimalValue(ratio.fullTimeEquivalents)!)
        .dividedBy(parsePositiveDecimalValue(ratio.places)!);
    }
  } else {
    const resolved = resolveValue(requirement.totalFullTimeEquivalents!, register, parsePositiveDecimalValue);
    if (resolved.ok) ratioTotal = resolved.value;
    else hold("totalFullTimeEquivalentsMissing", `Personalbedarf ${agreement.id} angehalten: ${resolved.message}`);
  }
  if (ratioTotal !== undefined) need.ratioTotal = toFigure(ratioTotal);

  // 2. Coordination and the reading (D06).
  let coordinationFullTimeEquivalents: Exact | undefined;
  let reading: CoordinationReading = "included";
  const coordination = requirement.coordination;
  if (coordination) {
    if ("decision" in coordination.inclusion) {
      const choice = resolvePolicy(coordination.inclusion.decision, agreement.policies, casePolicies);
      policies.push(choice);
      reading = choice.option === "added" ? "added" : "included";
    } else reading = coordination.inclusion.fixed;
    const persons = countEligiblePersons(census);
    const ratio = resolveValue(coordination.personsPerFullTimeEquivalent, register, parsePositiveDecimalValue);
    if (persons === undefined) hold("coordinationPersonsMissing", `Koordination ${agreement.id} angehalten: Zahl der Leistungsberechtigten fehlt in der Teamdatei`, coordination.source, coordination.ruleId);
    if (!ratio.ok) hold("coordinationRatioMissing", `Koordination ${agreement.id} angehalten: ${ratio.message}`, coordination.source, coordination.ruleId);
    if (persons !== undefined && ratio.ok) {
      coordinationFullTimeEquivalents = persons.dividedBy(ratio.value);
      need.coordination = {
        persons: toFigure(persons),
        personsPerFullTimeEquivalent: toFigure(ratio.value),
        fullTimeEquivalents: toFigure(coordinationFullTimeEquivalents),
        explanation: explain(coordination.ruleId, ratio.source ?? coordination.source, [...policies, rounding]),
      };
    }
  }

  // 3. Weekly hours per FTE (A2-R19).
  let hoursPerFullTimeEquivalent: Exact | undefined;
  let minimumHours: Exact | undefined;
  if (requirement.weeklyHours) {
    const weekly = requirement.weeklyHours;
    minimumHours = parsePositiveDecimalValue(weekly.minimumPerFullTimeEquivalent.value)!;
    const contract = resolveValue(weekly.contractFullTimeHours, register, parsePositiveDecimalValue);
    const teamHours = team.organisation.contractFullTimeHours !== undefined ? parsePositiveDecimalValue(team.organisation.contractFullTimeHours) : undefined;
    const contractHours = contract.ok ? contract.value : teamHours;
    if (contractHours === undefined) {
      hold("contractHoursMissing", `Wochenstunden ${agreement.id} angehalten: ${contract.ok ? "" : contract.message}; gezeigt wird nur die Untergrenze mit ${formatDecimalGerman(minimumHours, 1)} Stunden`, weekly.source, weekly.ruleId);
    } else {
      hoursPerFullTimeEquivalent = contractHours.greaterThan(minimumHours) ? contractHours : minimumHours;
      need.weeklyHoursPerFullTimeEquivalent = {
        applied: toFigure(hoursPerFullTimeEquivalent),
        minimum: toFigure(minimumHours),
        contract: toFigure(contractHours),
        origin: contract.ok ? (contract.inputId ? "input" : "agreement") : "teamFile",
      };
    }
  }

  // 4. Both readings.
  const quotas = (agreement.staffing?.quotas ?? []).filter((quota) => quota.appliesToRequirement && isValidOn(quota, asOf));
  const figuresFor = (which: CoordinationReading): ReadingFigures | undefined => {
    if (ratioTotal === undefined) return undefined;
    if (which === "added" && coordination && coordinationFullTimeEquivalents === undefined) return undefined;
    const coordinationShare = coordinationFullTimeEquivalents;
    const total = which === "added" && coordinationShare ? ratioTotal.plus(coordinationShare) : ratioTotal;
    const support = !coordination ? ratioTotal : coordinationShare === undefined ? undefined : which === "added" ? ratioTotal : ratioTotal.minus(coordinationShare);
    const figures: ReadingFigures = { reading: which, total: toFigure(total), quotaLimits: [] };
    if (support !== undefined) figures.supportExcludingCoordination = toFigure(support);
    if (hoursPerFullTimeEquivalent) figures.weeklyHours = toFigure(total.times(hoursPerFullTimeEquivalent));
    else if (minimumHours) figures.weeklyHoursAtLeast = toFigure(total.times(minimumHours));
    if (support !== undefined) {
      for (const quota of quotas) {
        const limit = resolveValue(quota.limit, register, parseShareValue);
        if (!limit.ok) continue;
        figures.quotaLimits.push({
          quotaId: quota.id,
          ruleId: quota.ruleId,
          label: quota.label,
          comparison: quota.comparison,
          share: toFigure(limit.value),
          fullTimeEquivalents: toFigure(limit.value.times(support)),
        });
      }
    }
    return figures;
  };
  const applied = figuresFor(reading);
  if (applied) need.applied = applied;
  if (coordination) {
    const other = figuresFor(reading === "included" ? "added" : "included");
    if (other) need.alternative = other;
  }

  // 5. Management outside the ratio (A3: „ohne pädagogische Leitung“).
  if (requirement.management && applied) {
    const management = resolveValue(requirement.management.fullTimeEquivalents, register, parsePositiveDecimalValue);
    if (management.ok) need.management = { fullTimeEquivalents: toFigure(management.value), totalIncludingManagement: toFigure(applied.total.exact.plus(management.value)) };
    else
      findings.push({
        severity: "hold",
        code: "managementNotQuantified",
        message: `Bedarf ${agreement.id} einschließlich Leitung angehalten (der Schlüssel gilt ohne Leitung): ${management.message}`,
        explanation: explain(requirement.management.ruleId, requirement.management.source, [rounding]),
      });
  }

  need.status = applied ? "computed" : "held";
  need.explanation = explain(requirement.ruleId, requirement.source, [...policies, rounding]);
  if (applied) {
    findings.unshift({
      severity: "info",
      code: "staffNeedComputed",
      message: describeNeed(agreement.id, need, applied, coordination ? reading : undefined),
      explanation: need.explanation,
      date: asOf,
      details: { total: applied.total.rounded, exactTotal: applied.total.exact.toString(), alternative: need.alternative?.total.rounded },
    });
    checkCoverage(agreement, team, requirement, need, applied, asOf, hoursPerFullTimeEquivalent, [...policies, rounding]);
  }
  return need;
}

function describeNeed(agreementId: string, need: StaffNeed, applied: ReadingFigures, reading: CoordinationReading | undefined): string {
  let head = `Personalbedarf ${agreementId}: ${formatDecimalGerman(applied.total.exact)} VZÄ`;
  if (reading) {
    const coordination = need.coordination ? `${formatDecimalGerman(need.coordination.fullTimeEquivalents.exact)} VZÄ` : "offen";
    const other = need.alternative ? `; andere Lesart „${READING_LABEL[need.alternative.reading]}“: ${formatDecimalGerman(need.alternative.total.exact)} VZÄ` : "";
    head += ` (${READING_LABEL[reading]}, Koordination ${coordination}${other})`;
  }
  const parts = [head];
  if (applied.weeklyHours) parts.push(`${formatDecimalGerman(applied.weeklyHours.exact)} Wochenstunden`);
  else if (applied.weeklyHoursAtLeast) parts.push(`mindestens ${formatDecimalGerman(applied.weeklyHoursAtLeast.exact)} Wochenstunden`);
  for (const limit of applied.quotaLimits) {
    const relation = limit.comparison === "atMost" ? "höchstens" : limit.comparison === "atLeast" ? "mindestens" : "mehr als";
    parts.push(`${limit.label}: ${relation} ${formatDecimalGerman(limit.fullTimeEquivalents.exact)} VZÄ (${formatPercentGerman(limit.share.exact)})`);
  }
  return parts.join("; ");
}

/** Compares the contracted FTE of the staff under the requirement with the total (warn or info, per the agreement). */
function checkCoverage(
  agreement: Agreement,
  team: TeamFile,
  requirement: Requirement,
  need: StaffNeed,
  applied: ReadingFigures,
  asOf: string,
  hoursPerFullTimeEquivalent: Exact | undefined,
  policies: PolicyChoice[],
): void {
  if (!requirement.coverage) return;
  const coverage = requirement.coverage;
  const members = staffOfAgreement(team, agreement, asOf).filter((member) => !member.volunteer && matchesStaffConditions(member, requirement.staffGroup));
  const shares = members.map((member) => ({ member, share: fullTimeEquivalentsInAgreement(member, team, agreement, hoursPerFullTimeEquivalent) }));
  const explanation = explain(requirement.ruleId, coverage.source, policies);
  const problems = shares.filter(({ share }) => share.problem !== undefined).map(({ share }) => share.problem!);
  if (problems.length > 0) {
    need.findings.push({ severity: "hold", code: "coverageHeld", message: `Ist-Vergleich ${agreement.id} angehalten: ${problems.join("; ")}`, explanation });
    return;
  }
  const split = shares.filter(({ share }) => share.splitMissing).map(({ member }) => memberLabel(member));
  if (split.length > 0) {
    need.findings.push({
      severity: "warn",
      code: "staffSplitMissing",
      message: `${agreement.id}: Aufteilung auf mehrere Vereinbarungen fehlt, volle Stelle gezählt: ${split.join(", ")}`,
      explanation,
    });
  }
  const actual = sumExact(shares.map(({ share }) => share.value!));
  const difference = actual.minus(applied.total.exact);
  need.actual = { fullTimeEquivalents: toFigure(actual), difference: toFigure(difference), staffIds: members.map((member) => member.id) };
  const below = difference.isNegative() && !difference.isZero();
  need.findings.push({
    severity: below ? coverage.severity : "info",
    code: below ? "staffBelowRequirement" : "staffCoversRequirement",
    message: below
      ? `${agreement.id}: Ist ${formatDecimalGerman(actual)} VZÄ liegt unter dem Bedarf von ${formatDecimalGerman(applied.total.exact)} VZÄ (Differenz ${formatDecimalGerman(difference)} VZÄ)`
      : `${agreement.id}: Ist ${formatDecimalGerman(actual)} VZÄ deckt den Bedarf von ${formatDecimalGerman(applied.total.exact)} VZÄ`,
    explanation,
    date: asOf,
  });
}
