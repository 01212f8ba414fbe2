/**
 * What every admission criterion check needs: the agreement, the case file, the date checked, the admission
 * date (case start), whether access is provisional (A3-R05), the input register and the policy settings.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { PolicyContext } from "./criterionFinding.ts";

export interface AdmissionContext {
  agreement: Agreement;
  caseFile: CaseFile;
  /** The day the criteria are evaluated (age, minor children, residence). */
  asOf: CalendarDate;
  asOfText: string;
  /** Admission = case start (procedure checks: Gesamtplan, approval, care contract before start). */
  admissionDate: CalendarDate;
  admissionDateText: string;
  provisional: boolean;
  inputs: InputRegister;
  policy: PolicyContext;
}

export function toCalendarDate(date: CalendarDate | string): CalendarDate {
  return typeof date === "string" ? parseDate(date) : date;
}

export function createAdmissionContext(agreement: Agreement, caseFile: CaseFile, asOf: CalendarDate | string, casePolicies?: PolicySettings): AdmissionContext {
  const asOfDate = toCalendarDate(asOf);
  const admissionDate = parseDate(caseFile.case.start);
  return {
    agreement,
    caseFile,
    asOf: asOfDate,
    asOfText: asOfDate.toString(),
    admissionDate,
    admissionDateText: admissionDate.toString(),
    provisional: caseFile.case.accessStatus === "provisional",
    inputs: createInputRegister(agreement),
    policy: { agreementPolicies: agreement.policies, casePolicies: casePolicies ?? caseFile.policies },
  };
}
