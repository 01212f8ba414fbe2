/**
 * M06 criteria on the person: minimum age (A0-R01, A1-R01, A3-R02, A4-R01), substantial disability and its
 * type (A1-R01, A2-R01 review for other § 99 impairments, A3-R02 primary mental disability, A4-R01), optional
 * narrowing of the target group (A1-R04 P-A1-04, A2-R02 P-A2-06), recorded assessments (A0-R01 support need,
 * A1-R02, A3-R02/R03, A4-R01), and parenthood with a minor child or pregnancy (A0-R01) including the review
 * task on the day the last minor child comes of age.
 */
import { compareDates, formatGermanDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { Finding } from "../results/explanation.ts";
import type { AdmissionContext } from "./admissionContext.ts";
import type { AssessmentCriterion, DisabilityCriterion, MinimumAgeCriterion, ParenthoodCriterion, TargetGroupNarrowing } from "./admissionParameters.ts";
import { ageInYears, dateOfReachingAge, hasReachedAge } from "./ageOnDate.ts";
import { buildFailureFinding, buildFinding, buildHoldFinding, buildPassFinding } from "./criterionFinding.ts";
import { includesName, readTextList } from "./inputValueReaders.ts";

const DISABILITY_LABELS: Record<string, string> = {
  intellectual: "geistige Behinderung",
  physical: "körperliche Behinderung",
  mental: "seelische Behinderung",
  multiple: "mehrfache Behinderung",
  cognitive: "kognitive Beeinträchtigung",
};

export function describeDisability(code: string): string {
  return DISABILITY_LABELS[code] ?? code;
}

function describeDisabilities(codes: readonly string[]): string {
  return codes.length === 0 ? "keine erfasst" : codes.map(describeDisability).join(", ");
}

export function checkMinimumAge(criterion: MinimumAgeCriterion, context: AdmissionContext): Finding[] {
  const birthDateText = context.caseFile.client.birthDate;
  if (birthDateText === undefined) {
    return [buildHoldFinding({ criterion, code: "birthDateMissing", message: `Geburtsdatum nicht erfasst: Mindestalter ${criterion.years} Jahre nicht prüfbar.` }, context.policy)];
  }
  const birthDate = parseDate(birthDateText);
  const age = ageInYears(birthDate, context.asOf);
  const reachesOn = dateOfReachingAge(birthDate, criterion.years);
  const details = { age, reachesAgeOn: reachesOn.toString() };
  if (hasReachedAge(birthDate, context.asOf, criterion.years)) {
    return [buildPassFinding({ criterion, code: "minimumAgeReached", message: `Alter am ${formatGermanDate(context.asOf)}: ${age} Jahre (mindestens ${criterion.years}).`, details }, context.policy)];
  }
  return [
    buildFailureFinding(
      criterion.onFailure,
      {
        criterion,
        code: "minimumAgeNotReached",
        message: `Die Person ist am ${formatGermanDate(context.asOf)} ${age} Jahre alt; vorausgesetzt sind mindestens ${criterion.years} Jahre (erreicht am ${formatGermanDate(reachesOn)}).`,
        date: context.asOfText,
        details,
      },
      context.policy,
    ),
  ];
}

function checkSubstantialDisability(criterion: DisabilityCriterion, context: AdmissionContext, effect: DisabilityCriterion["onFailure"]): Finding {
  const { substantialDisability, threatenedBySubstantialDisability } = context.caseFile.client;
  const threatenedCounts = criterion.substantial === "requiredOrThreatened";
  if (substantialDisability === true || (threatenedCounts && threatenedBySubstantialDisability === true)) {
    const what = substantialDisability === true ? "wesentliche Behinderung (§ 99 SGB IX) erfasst" : "von einer wesentlichen Behinderung bedroht (§ 99 SGB IX) erfasst";
    return buildPassFinding({ criterion, code: "substantialDisabilityRecorded", message: what + "." }, context.policy);
  }
  const required = threatenedCounts ? "eine wesentliche Behinderung oder die Bedrohung durch eine solche" : "eine wesentliche Behinderung";
  const state = substantialDisability === false ? "verneint" : "nicht erfasst";
  return buildFailureFinding(effect, { criterion, code: "substantialDisabilityMissing", message: `Vorausgesetzt ist ${required} im Sinne des § 99 SGB IX; sie ist ${state}.` }, context.policy);
}

function checkDisabilityType(criterion: DisabilityCriterion, context: AdmissionContext, effect: DisabilityCriterion["onFailure"]): Finding | undefined {
  const eligible = criterion.eligibleTypes;
  if (eligible === undefined) return undefined;
  const { disabilities, primaryDisability, assessments } = context.caseFile.client;
  const eligibleText = eligible.map(describeDisability).join(", ");
  const candidates =
    criterion.match === "primary" ? [primaryDisability ?? (disabilities.length === 1 ? disabilities[0] : undefined)].filter((code): code is string => code !== undefined) : disabilities;
  if (candidates.some((code) => includesName(eligible, code))) {
    return buildPassFinding({ criterion, code: "disabilityTypeEligible", message: `Art der Behinderung gehört zum Personenkreis: ${describeDisabilities(candidates)}.` }, context.policy);
  }
  if (disabilities.length === 0 && primaryDisability === undefined) {
    return buildFailureFinding(effect, { criterion, code: "disabilityTypeMissing", message: `Art der Behinderung nicht erfasst; zum Personenkreis gehören: ${eligibleText}.` }, context.policy);
  }
  if (criterion.match === "primary" && candidates.length === 0) {
    return buildFailureFinding(effect, { criterion, code: "primaryDisabilityMissing", message: `Die im Vordergrund stehende Behinderung ist nicht erfasst; vorausgesetzt: ${eligibleText}.` }, context.policy);
  }
  const recorded = describeDisabilities(criterion.match === "primary" ? candidates : disabilities);
  if (criterion.otherTypes === "review") {
    if (criterion.reviewResolvedBy !== undefined && assessments[criterion.reviewResolvedBy] === true) {
      return buildPassFinding({ criterion, code: "otherImpairmentSuitabilityRecorded", message: `Andere Beeinträchtigung (${recorded}); die Eignung des Angebots ist dokumentiert.` }, context.policy);
    }
    return buildFinding(
      {
        criterion,
        severity: "warn",
        outcomeEffect: "review",
        code: "otherImpairmentRequiresReview",
        message: `Andere Beeinträchtigung im Sinne des § 99 SGB IX (${recorded}): Aufnahme nur, wenn das Angebot geeignet ist. Eignungsentscheidung dokumentieren.`,
        details: criterion.reviewResolvedBy ? { resolvedByAssessment: criterion.reviewResolvedBy } : {},
      },
      context.policy,
    );
  }
  return buildFailureFinding(effect, { criterion, code: "disabilityTypeNotInTargetGroup", message: `Art der Behinderung (${recorded}) gehört nicht zum Personenkreis (${eligibleText}).` }, context.policy);
}

export function checkDisability(criterion: DisabilityCriterion, context: AdmissionContext): Finding[] {
  const effect = context.provisional && criterion.onFailureWhenProvisional ? criterion.onFailureWhenProvisional : criterion.onFailure;
  const type = checkDisabilityType(criterion, context, effect);
  return [checkSubstantialDisability(criterion, context, effect), ...(type ? [type] : [])];
}

export function checkTargetGroupNarrowing(criterion: TargetGroupNarrowing, context: AdmissionContext): Finding[] {
  const list = readTextList(context.inputs, criterion.allowedTypes);
  if (!list.found) {
    return [buildPassFinding({ criterion, code: "noTargetGroupNarrowing", message: `Keine Eingrenzung des Personenkreises vereinbart (${list.message}).`, details: { input: list.inputId } }, context.policy)];
  }
  const { disabilities, primaryDisability } = context.caseFile.client;
  const recorded = [...disabilities, ...(primaryDisability ? [primaryDisability] : [])];
  if (recorded.some((code) => includesName(list.value, code))) {
    return [buildPassFinding({ criterion, code: "withinNarrowedTargetGroup", message: `Person gehört zum eingegrenzten Personenkreis (${list.value.map(describeDisability).join(", ")}).` }, context.policy)];
  }
  return [
    buildFailureFinding(
      criterion.onFailure,
      { criterion, code: "outsideNarrowedTargetGroup", message: `Person gehört nicht zum vereinbarten eingegrenzten Personenkreis (${list.value.map(describeDisability).join(", ")}).`, details: { input: list.inputId } },
      context.policy,
    ),
  ];
}

export function checkAssessment(criterion: AssessmentCriterion, context: AdmissionContext): Finding {
  const value = context.caseFile.client.assessments[criterion.key];
  if (value === true) return buildPassFinding({ criterion, code: "assessmentRecorded", message: `Feststellung erfasst: ${criterion.label}.`, details: { assessment: criterion.key } }, context.policy);
  const effect = context.provisional && criterion.onMissingWhenProvisional ? criterion.onMissingWhenProvisional : criterion.onMissing;
  const state = value === false ? "verneint" : "fehlt";
  return buildFailureFinding(effect, { criterion, code: "assessmentMissing", message: `Feststellung ${state}: ${criterion.label}.`, details: { assessment: criterion.key } }, context.policy);
}

function latestDate(dates: CalendarDate[]): CalendarDate | undefined {
  return dates.reduce<CalendarDate | undefined>((latest, date) => (latest === undefined || compareDates(date, latest) > 0 ? date : latest), undefined);
}

export function checkParenthood(criterion: ParenthoodCriterion, context: AdmissionContext): Finding[] {
  const { children, pregnancy } = context.caseFile.client;
  const comingOfAge = children.map((child) => dateOfReachingAge(parseDate(child.birthDate), criterion.childAgeLimitYears));
  const minorOnDate = (date: CalendarDate) => comingOfAge.filter((day) => compareDates(date, day) < 0);
  const expecting = criterion.pregnancyCounts && pregnancy === true;
  const minorNow = minorOnDate(context.asOf);
  const lastComingOfAge = latestDate(minorNow.length > 0 ? minorNow : comingOfAge);
  const reviewTask = (date: CalendarDate): Finding =>
    buildFinding(
      {
        criterion,
        severity: "task",
        code: "eligibilityReviewLastChildComesOfAge",
        message: `Leistungsberechtigung prüfen: das jüngste Kind wird am ${formatGermanDate(date)} volljährig. Der Gesamtplan gilt weiter; die Leistung endet nicht von selbst.`,
        date: date.toString(),
      },
      context.policy,
    );
  const findings: Finding[] = [];
  if (expecting || minorNow.length > 0) {
    const reasons = [...(minorNow.length > 0 ? [`${minorNow.length} minderjährige(s) Kind(er)`] : []), ...(expecting ? ["Schwangerschaft erfasst"] : [])];
    findings.push(buildPassFinding({ criterion, code: "parenthoodRecorded", message: `Elternschaft erfüllt am ${formatGermanDate(context.asOf)}: ${reasons.join(", ")}.` }, context.policy));
    if (!expecting && criterion.reviewWhenLastChildComesOfAge && lastComingOfAge !== undefined) findings.push(reviewTask(lastComingOfAge));
    return findings;
  }
  // No minor child and no pregnancy on the date checked. If a child was minor when the case started, the case
  // goes on under the Gesamtplan: a review, not a refusal.
  const lostAfterStart = lastComingOfAge !== undefined && compareDates(context.admissionDate, lastComingOfAge) < 0 && compareDates(context.asOf, context.admissionDate) > 0;
  if (lostAfterStart && criterion.reviewWhenLastChildComesOfAge) {
    findings.push(
      buildFinding(
        {
          criterion,
          severity: "warn",
          outcomeEffect: "review",
          code: "lastChildCameOfAge",
          message: `Kein minderjähriges Kind mehr seit ${formatGermanDate(lastComingOfAge)} und keine Schwangerschaft erfasst: Leistungsberechtigung mit dem Träger klären.`,
          date: lastComingOfAge.toString(),
        },
        context.policy,
      ),
      reviewTask(lastComingOfAge),
    );
    return findings;
  }
  const childrenText = children.length === 0 ? "kein Kind erfasst" : "kein Kind unter " + criterion.childAgeLimitYears + " Jahren";
  const pregnancyText = criterion.pregnancyCounts ? " und keine Schwangerschaft erfasst" : "";
  findings.push(
    buildFailureFinding(
      criterion.onFailure,
      { criterion, code: "noMinorChildOrPregnancy", message: `Am ${formatGermanDate(context.asOf)} ${childrenText}${pregnancyText}.`, date: context.asOfText },
      context.policy,
    ),
  );
  return findings;
}
