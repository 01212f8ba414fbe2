/**
 * What every billing mechanism needs for one case and one period: the agreement, its input register, the
 * resolved policy options (recorded as they are used), the case's cost coverages, and the agreement's
 * validity as epoch days.
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { findInputRegister } from "./preparedAgreement.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import type { PolicyChoice } from "../results/explanation.ts";
import { prepareCostCoverages, type PreparedCoverage } from "./costCoverageGate.ts";

export interface BillingPeriod {
  from: string;
  to: string;
}

export interface BillingContext {
  agreement: Agreement;
  register: InputRegister;
  caseFile: CaseFile;
  firstDay: number;
  lastDay: number;
  caseFirstDay: number;
  caseLastDay: number;
  validFrom?: number;
  validTo?: number;
  coverages: PreparedCoverage[];
  policy(decisionId: string): PolicyChoice;
  usedPolicies(): PolicyChoice[];
}

function resolveDate(value: unknown, register: InputRegister): string | undefined {
  if (value === undefined) return undefined;
  if (isInputReference(value)) {
    const lookup = register.lookup(value.input);
    return lookup.found ? String(lookup.value) : undefined;
  }
  return (value as { value: string }).value;
}

export function createBillingContext(agreement: Agreement, caseFile: CaseFile, period: BillingPeriod, casePolicies: PolicySettings = caseFile.policies): BillingContext {
  const register = findInputRegister(agreement);
  const used = new Map<string, PolicyChoice>();
  const validFrom = resolveDate(agreement.validity.from, register);
  const validTo = resolveDate(agreement.validity.to, register);
  return {
    agreement,
    register,
    caseFile,
    firstDay: epochDayOfIso(period.from),
    lastDay: epochDayOfIso(period.to),
    caseFirstDay: epochDayOfIso(caseFile.case.start),
    caseLastDay: caseFile.case.end ? epochDayOfIso(caseFile.case.end) : Number.POSITIVE_INFINITY,
    ...(validFrom ? { validFrom: epochDayOfIso(validFrom) } : {}),
    ...(validTo ? { validTo: epochDayOfIso(validTo) } : {}),
    coverages: prepareCostCoverages(caseFile.costCoverages),
    policy(decisionId: string) {
      const choice = resolvePolicy(decisionId, agreement.policies, casePolicies);
      used.set(decisionId, choice);
      return choice;
    },
    usedPolicies: () => [...used.values()].sort((a, b) => a.decision.localeCompare(b.decision)),
  };
}
