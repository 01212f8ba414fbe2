/**
 * M14 Service-entry checks: the findings a Fachkraft must see before saving an entry (outside 06–22 h,
 * qualified assistance by unqualified staff, remote without a reason, excluded category, …), each with rule
 * id, clause, quote and policy options. The agreement's documentation section selects the checks; without
 * one, an entry gets no findings. The checks never throw on entries that passed the case-file schema.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { CaseFile, ServiceEntry } from "../case/caseFileSchema.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Finding } from "../results/explanation.ts";
import { checkAssistanceType, checkExcludedCategory, checkOnCall } from "./checkEntryContent.ts";
import { checkAttribution, checkConsentWithoutPerson, checkGroupEntry, checkIndividualOnlyCategory, checkRemoteDelivery, checkRequiredFields } from "./checkEntryDelivery.ts";
import { checkDayWindow, checkOpeningHours, checkTimeLimitedCategory } from "./checkEntryTiming.ts";
import { checkQualifiedAssistance, checkSimpleAssistanceQualification } from "./checkStaffQualification.ts";
import { createEntryContext } from "./entryContext.ts";

export interface ServiceEntryCheckOptions {
  /** Policy options chosen for this case; default: the case file's policies. */
  casePolicies?: PolicySettings;
}

export interface ServiceEntryFindings {
  /** Position of the entry in caseFile.entries. */
  index: number;
  entryId?: string;
  date: string;
  findings: Finding[];
}

export function checkServiceEntry(agreement: Agreement, caseFile: CaseFile, entry: ServiceEntry, options: ServiceEntryCheckOptions = {}, inputs = createInputRegister(agreement)): Finding[] {
  const rules = agreement.documentation;
  if (rules === undefined) return [];
  const context = createEntryContext(agreement, caseFile, entry, options.casePolicies, inputs);
  return [
    ...rules.excludedCategories.flatMap((rule) => checkExcludedCategory(rule, context)),
    ...(rules.onCall ? checkOnCall(rules.onCall, context) : []),
    ...(rules.qualifiedAssistance ? checkQualifiedAssistance(rules.qualifiedAssistance, context) : []),
    ...(rules.simpleAssistanceQualification ? checkSimpleAssistanceQualification(rules.simpleAssistanceQualification, context) : []),
    ...(rules.assistanceType ? checkAssistanceType(rules.assistanceType, context) : []),
    ...(rules.attribution ? checkAttribution(rules.attribution, context) : []),
    ...rules.timeLimitedCategories.flatMap((rule) => checkTimeLimitedCategory(rule, context)),
    ...(rules.dayWindow ? checkDayWindow(rules.dayWindow, context) : []),
    ...(rules.openingHours ? checkOpeningHours(rules.openingHours, context) : []),
    ...(rules.remoteDelivery ? checkRemoteDelivery(rules.remoteDelivery, context) : []),
    ...(rules.consentWithoutPerson ? checkConsentWithoutPerson(rules.consentWithoutPerson, context) : []),
    ...(rules.groupEntries ? checkGroupEntry(rules.groupEntries, context) : []),
    ...rules.individualOnlyCategories.flatMap((rule) => checkIndividualOnlyCategory(rule, context)),
    ...rules.requiredFields.flatMap((rule) => checkRequiredFields(rule, context)),
  ];
}

/** Checks every entry of the case file; entries without findings are listed with an empty list. */
export function checkServiceEntries(agreement: Agreement, caseFile: CaseFile, options: ServiceEntryCheckOptions = {}): ServiceEntryFindings[] {
  const inputs = createInputRegister(agreement);
  return caseFile.entries.map((entry, index) => ({
    index,
    ...(entry.id !== undefined ? { entryId: entry.id } : {}),
    date: entry.date,
    findings: checkServiceEntry(agreement, caseFile, entry, options, inputs),
  }));
}
