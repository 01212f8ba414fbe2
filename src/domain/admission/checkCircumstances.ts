/**
 * M06 criteria on the person's circumstances: living situation (A1-R07 besondere Wohnform → BLOCK, A0-R02
 * besondere Wohnform → review only), residence (A4-R02 Land Bremen unless an exception with payer approval;
 * A0 Leipzig warning only, D22) and exclusion facts (A3-R08 acute suicidality or acute addiction → BLOCK;
 * further lists P-A1-03, P-A3-10). The priority ranking of A1-R05 and A3-R07 is checkResidencePriority.ts.
 */
import { compareDates, formatGermanDate, parseDate } from "../calendar/calendarDate.ts";
import type { Finding } from "../results/explanation.ts";
import type { AdmissionContext } from "./admissionContext.ts";
import type { ExclusionCriterion, LivingSituationCriterion, ResidenceCriterion } from "./admissionParameters.ts";
import { buildFailureFinding, buildHoldFinding, buildPassFinding } from "./criterionFinding.ts";
import { includesName, readTextList, readTextListOrLiteral } from "./inputValueReaders.ts";

type ResidenceField = ResidenceCriterion["field"];

const LIVING_SITUATION_LABELS: Record<string, string> = {
  ownFlat: "eigene Wohnung",
  partnership: "Partnerschaft",
  family: "Familie",
  parents: "bei Eltern oder Angehörigen",
  sharedFlat: "Wohngemeinschaft",
  specialHousing: "besondere Wohnform",
};

function describeLivingSituation(code: string): string {
  return LIVING_SITUATION_LABELS[code] ?? code;
}

export function checkLivingSituation(criterion: LivingSituationCriterion, context: AdmissionContext): Finding[] {
  const situation = context.caseFile.client.livingSituation;
  if (situation === undefined) {
    return [buildFailureFinding(criterion.onUnknown, { criterion, code: "livingSituationMissing", message: "Wohnsituation nicht erfasst." }, context.policy)];
  }
  const label = describeLivingSituation(situation);
  if (includesName(criterion.excluded, situation)) {
    return [buildFailureFinding(criterion.onExcluded, { criterion, code: "livingSituationExcluded", message: `Wohnsituation „${label}“ liegt außerhalb des Angebots.` }, context.policy)];
  }
  if (criterion.allowed !== undefined && !includesName(criterion.allowed, situation)) {
    const allowed = criterion.allowed.map(describeLivingSituation).join(", ");
    return [buildFailureFinding(criterion.onUnknown, { criterion, code: "livingSituationNotListed", message: `Wohnsituation „${label}“ ist nicht genannt (genannt: ${allowed}).` }, context.policy)];
  }
  return [buildPassFinding({ criterion, code: "livingSituationAllowed", message: `Wohnsituation „${label}“ passt zum Angebot.` }, context.policy)];
}

/** The recorded residence values the field compares (district and municipality for districtOrMunicipality). */
export function recordedResidence(field: ResidenceField, context: AdmissionContext): string[] {
  const residence = context.caseFile.client.residence;
  if (residence === undefined) return [];
  const values = field === "land" ? [residence.land] : field === "municipality" ? [residence.municipality] : [residence.district, residence.municipality];
  return values.filter((value): value is string => value !== undefined && value.trim().length > 0);
}

export const RESIDENCE_FIELD_LABELS: Record<ResidenceField, string> = { land: "Land", municipality: "Wohnort", districtOrMunicipality: "Landkreis / kreisfreie Stadt" };

function checkException(criterion: ResidenceCriterion, context: AdmissionContext, mismatchMessage: string): Finding {
  const exception = (context.caseFile.admissionExceptions ?? []).find((entry) => entry.ruleId === criterion.ruleId);
  const approved = exception?.payerApprovalDate !== undefined && compareDates(parseDate(exception.payerApprovalDate), context.asOf) <= 0;
  if (exception && approved) {
    return buildPassFinding(
      {
        criterion,
        code: "residenceExceptionApproved",
        message: `${mismatchMessage} Begründeter Ausnahmefall, vom Träger am ${formatGermanDate(parseDate(exception.payerApprovalDate!))} zugestimmt: ${exception.justification}`,
      },
      context.policy,
    );
  }
  const hint = exception ? " Ausnahme erfasst, aber ohne (rechtzeitige) Zustimmung des Trägers." : " Aufnahme nur in einem begründeten Ausnahmefall mit Zustimmung des Trägers.";
  return buildFailureFinding("refuse", { criterion, code: "residenceOutsideArea", message: mismatchMessage + hint }, context.policy);
}

export function checkResidence(criterion: ResidenceCriterion, context: AdmissionContext): Finding[] {
  const values = readTextListOrLiteral(context.inputs, criterion.values);
  const fieldLabel = RESIDENCE_FIELD_LABELS[criterion.field];
  if (!values.found) {
    return [buildHoldFinding({ criterion, code: "residenceValuesMissing", message: `${fieldLabel}: Prüfung angehalten. ${values.message}`, details: { input: values.inputId } }, context.policy)];
  }
  const recorded = recordedResidence(criterion.field, context);
  const expected = values.value.join(", ");
  if (recorded.length === 0) {
    const effect = criterion.onOther === "warn" ? "warn" : "review";
    return [buildFailureFinding(effect, { criterion, code: "residenceMissing", message: `${fieldLabel} nicht erfasst; vorgesehen: ${expected}.` }, context.policy)];
  }
  const shown = recorded.join(" / ");
  if (recorded.some((value) => includesName(values.value, value))) {
    return [buildPassFinding({ criterion, code: "residenceInArea", message: `${fieldLabel} ${shown} liegt im vorgesehenen Gebiet.` }, context.policy)];
  }
  const mismatch = `${fieldLabel} ${shown} liegt außerhalb von ${expected}.`;
  if (criterion.onOther === "refuse" && criterion.exceptionAllowed) return [checkException(criterion, context, mismatch)];
  const suffix = criterion.onOther === "warn" ? " Geltungsbereich mit dem Träger klären." : "";
  return [buildFailureFinding(criterion.onOther, { criterion, code: "residenceOutsideArea", message: mismatch + suffix }, context.policy)];
}

function matchExclusions(criterion: ExclusionCriterion, facts: readonly string[], additional: readonly string[]): string[] {
  const printed = criterion.facts.filter((fact) => includesName(facts, fact.code)).map((fact) => fact.label);
  const added = additional.filter((code) => includesName(facts, code));
  return [...printed, ...added];
}

export function checkExclusions(criterion: ExclusionCriterion, context: AdmissionContext): Finding[] {
  const facts = context.caseFile.client.exclusionFacts;
  const findings: Finding[] = [];
  let additional: string[] = [];
  if (criterion.additionalFacts !== undefined) {
    const list = readTextList(context.inputs, criterion.additionalFacts);
    if (list.found) additional = list.value;
    else findings.push(buildPassFinding({ criterion, code: "noAdditionalExclusions", message: `Keine weiteren Ausschlusskriterien vereinbart (${list.message}).`, details: { input: list.inputId } }, context.policy));
  }
  const matched = matchExclusions(criterion, facts, additional);
  if (matched.length > 0) {
    findings.push(
      buildFailureFinding(criterion.onMatch, { criterion, code: "exclusionCriterionMet", message: `Ausschlusskriterium erfüllt: ${matched.join(", ")}.`, details: { exclusions: matched } }, context.policy),
    );
  } else {
    findings.push(buildPassFinding({ criterion, code: "noExclusionCriterion", message: "Kein Ausschlusskriterium erfasst." }, context.policy));
  }
  return findings;
}
