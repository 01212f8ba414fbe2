/**
 * M06 Eligibility and admission, M07 capacity: evaluates the agreement's admission criteria for one case on
 * a date and gives the outcome
 *   refused  – a criterion BLOCKS (e.g. A1-R07 besondere Wohnform, A3-R08 akute Suizidgefahr, A4-R04 11th place),
 *   review   – a human must decide (A2-R01 other impairment, A0-R02, a check held for missing data or input),
 *   eligible – otherwise (warnings such as A1-R02 may remain).
 * Every finding, passed criteria included, carries its rule id, clause, quote and the policy options used.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { CalendarDate } from "../calendar/calendarDate.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Finding } from "../results/explanation.ts";
import { createAdmissionContext, type AdmissionContext } from "./admissionContext.ts";
import { checkCareContract, checkGesamtplanAndAccess, checkPayerApproval, procedureCutoff } from "./checkAdmissionProcedure.ts";
import { latestRecordOnOrBefore } from "./datedRecords.ts";
import { checkCapacity } from "./checkCapacity.ts";
import { checkExclusions, checkLivingSituation, checkResidence } from "./checkCircumstances.ts";
import { checkResidencePriority } from "./checkResidencePriority.ts";
import { checkAssessment, checkDisability, checkMinimumAge, checkParenthood, checkTargetGroupNarrowing } from "./checkPersonCriteria.ts";

export type AdmissionOutcome = "eligible" | "review" | "refused";

export interface AdmissionCheckOptions {
  /** The day the criteria are evaluated (age, minor children, residence). */
  asOf: CalendarDate | string;
  /** Other persons with an active case on the admission date (case start); without it capacity is not checked. */
  activeCaseCount?: number;
  /** Policy options chosen for this case; default: the case file's policies. */
  casePolicies?: PolicySettings;
}

export interface AdmissionResult {
  agreementId: string;
  caseId: string;
  asOf: string;
  outcome: AdmissionOutcome;
  findings: Finding[];
}

const OUTCOME_ORDER: Record<AdmissionOutcome, number> = { eligible: 0, review: 1, refused: 2 };

export function compareOutcomes(a: AdmissionOutcome, b: AdmissionOutcome): number {
  return OUTCOME_ORDER[a] - OUTCOME_ORDER[b];
}

/** refused if any finding blocks; review if any is held or asks for a review; eligible otherwise. */
export function outcomeOfFindings(findings: readonly Finding[]): AdmissionOutcome {
  if (findings.some((finding) => finding.severity === "block" || finding.details?.outcomeEffect === "refuse")) return "refused";
  if (findings.some((finding) => finding.severity === "hold" || finding.details?.outcomeEffect === "review")) return "review";
  return "eligible";
}

function checkCapacityOnAdmission(context: AdmissionContext, activeCaseCount: number | undefined): Finding[] {
  const criterion = context.agreement.admission?.capacity;
  if (criterion === undefined) return [];
  if (activeCaseCount === undefined) {
    return [
      {
        severity: "info",
        code: "capacityNotChecked",
        message: "Belegung am Aufnahmetag nicht angegeben: Kapazität nicht geprüft.",
        explanation: { ruleId: criterion.ruleId, source: criterion.source },
      },
    ];
  }
  // The payer's consent counts only if it exists on the evaluation date and by the admission date.
  const consents = context.caseFile.payerConsents.filter((entry) => entry.kind === "capacityExceeded").map((entry) => entry.date);
  const payerConsentDate = latestRecordOnOrBefore(consents, procedureCutoff(context));
  return checkCapacity(context.agreement, {
    activeCases: activeCaseCount,
    date: context.admissionDate,
    ...(payerConsentDate !== undefined ? { payerConsentDate } : {}),
    casePolicies: context.policy.casePolicies,
  }).findings;
}

export function checkAdmission(agreement: Agreement, caseFile: CaseFile, options: AdmissionCheckOptions): AdmissionResult {
  const context = createAdmissionContext(agreement, caseFile, options.asOf, options.casePolicies);
  const parameters = agreement.admission;
  const result = (findings: Finding[]): AdmissionResult => ({
    agreementId: agreement.id,
    caseId: caseFile.case.id,
    asOf: context.asOfText,
    outcome: outcomeOfFindings(findings),
    findings,
  });
  if (parameters === undefined) {
    return result([
      {
        severity: "hold",
        code: "admissionCriteriaMissing",
        message: "Für diese Vereinbarung sind keine Aufnahmekriterien hinterlegt: Aufnahme von Hand prüfen.",
        explanation: { ruleId: "M06", source: { file: agreement.document.file, clause: "(keine Aufnahmekriterien)" } },
        details: { outcomeEffect: "review" },
      },
    ]);
  }
  const findings: Finding[] = [
    ...(parameters.minimumAge ? checkMinimumAge(parameters.minimumAge, context) : []),
    ...(parameters.disability ? checkDisability(parameters.disability, context) : []),
    ...(parameters.targetGroupNarrowing ? checkTargetGroupNarrowing(parameters.targetGroupNarrowing, context) : []),
    ...(parameters.parenthood ? checkParenthood(parameters.parenthood, context) : []),
    ...parameters.assessments.map((assessment) => checkAssessment(assessment, context)),
    ...(parameters.livingSituation ? checkLivingSituation(parameters.livingSituation, context) : []),
    ...parameters.residence.flatMap((criterion) => checkResidence(criterion, context)),
    ...(parameters.residencePriority ? checkResidencePriority(parameters.residencePriority, context) : []),
    ...(parameters.exclusions ? checkExclusions(parameters.exclusions, context) : []),
    ...checkGesamtplanAndAccess(parameters.gesamtplan, parameters.provisionalAccess, context),
    ...(parameters.payerApproval ? checkPayerApproval(parameters.payerApproval, context) : []),
    ...(parameters.careContract ? checkCareContract(parameters.careContract, context) : []),
    ...checkCapacityOnAdmission(context, options.activeCaseCount),
  ];
  return result(findings);
}
