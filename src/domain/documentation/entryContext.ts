/**
 * What every service-entry check (M14) needs: the agreement, the case file, the entry and its date, the
 * input register, the policy settings, and a finding builder that dates each finding on the entry.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { CaseFile, ServiceEntry } from "../case/caseFileSchema.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Finding, Severity } from "../results/explanation.ts";
import { buildFinding, type CriterionReference, type PolicyContext } from "../admission/criterionFinding.ts";

export interface EntryContext {
  agreement: Agreement;
  caseFile: CaseFile;
  entry: ServiceEntry;
  date: CalendarDate;
  inputs: InputRegister;
  policy: PolicyContext;
}

export function createEntryContext(agreement: Agreement, caseFile: CaseFile, entry: ServiceEntry, casePolicies?: PolicySettings, inputs?: InputRegister): EntryContext {
  return {
    agreement,
    caseFile,
    entry,
    date: parseDate(entry.date),
    inputs: inputs ?? createInputRegister(agreement),
    policy: { agreementPolicies: agreement.policies, casePolicies: casePolicies ?? caseFile.policies },
  };
}

/** A finding about the entry, dated on the entry's date and naming the entry. */
export function entryFinding(context: EntryContext, criterion: CriterionReference, severity: Severity, code: string, message: string, details: Record<string, unknown> = {}): Finding {
  const entryDetails = context.entry.id !== undefined ? { entryId: context.entry.id } : {};
  return buildFinding({ criterion, severity, code, message, date: context.entry.date, details: { ...entryDetails, ...details } }, context.policy);
}

/** Minutes since midnight of "HH:MM" ("24:00" → 1440). */
export function minutesOfTime(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Case-insensitive substring match of a category against terms. */
export function matchTerm(text: string | undefined, terms: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  const haystack = text.toLocaleLowerCase("de-DE");
  return terms.find((term) => haystack.includes(term.toLocaleLowerCase("de-DE")));
}
