/**
 * Shared helpers of the volume mechanism (M11): resolving a printed value or an open input (M17), resolving the
 * policy options it depends on (decisions.md), and German number and month wording for messages.
 */
import { type Exact, formatFixed, parseAmount, roundHalfUp } from "../money/amount.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { isInputReference, type InputReference, type Source } from "../agreement/sourceSchema.ts";
import { DECISIONS, resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import type { PolicyChoice, SourceReference } from "../results/explanation.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";

export interface VolumeOptions {
  /** Options of decisions.md chosen for this case; merged over the case file's own `policies`. */
  casePolicies?: PolicySettings;
}

export type ResolvedDecimal = { found: true; value: Exact; source: SourceReference; fromInput?: string } | { found: false; inputId: string; message: string; source: SourceReference };

/** A printed decimal with its source, or the value of the input it refers to; a missing input is reported, never guessed. */
export function resolveDecimalValue(agreement: Agreement, field: { value: string; source: Source } | InputReference): ResolvedDecimal {
  if (!isInputReference(field)) return { found: true, value: parseAmount(field.value), source: field.source };
  const register = createInputRegister(agreement);
  const lookup = register.lookup(field.input);
  const source: SourceReference = lookup.definition?.source ?? { file: agreement.document.file, clause: "—" };
  if (!lookup.found) return { found: false, inputId: field.input, message: register.describeMissing(field.input), source };
  return { found: true, value: parseAmount(String(lookup.value)), source, fromInput: field.input };
}

export function mergeCasePolicies(caseFile: CaseFile, options: VolumeOptions = {}): PolicySettings {
  return { ...caseFile.policies, ...(options.casePolicies ?? {}) };
}

/** Resolves a decision and checks that its option is one this mechanism implements. */
export function resolveVolumePolicy<T extends string>(decisionId: string, agreement: Agreement, casePolicies: PolicySettings, implemented: readonly T[]): PolicyChoice & { option: T } {
  const choice = resolvePolicy(decisionId, agreement.policies, casePolicies);
  if (!(implemented as readonly string[]).includes(choice.option)) {
    const known = Object.keys(DECISIONS[decisionId]?.options ?? {}).join(", ");
    throw new RangeError(`${decisionId}: Option „${choice.option}“ ist unbekannt (erlaubt: ${known})`);
  }
  return choice as PolicyChoice & { option: T };
}

/** "4,50" (half-up, 2 decimals, D07). */
export function formatGermanDecimal(value: Exact, places = 2): string {
  return formatFixed(value, places).replace(".", ",");
}

/** Weeks to at most 6 decimals without trailing zeros: "4", "4,285714", "2,428571". */
export function formatGermanWeeks(value: Exact): string {
  return roundHalfUp(value, 6).toString().replace(".", ",");
}

/** "5" or "5,5": a threshold as printed, without trailing zeros. */
export function formatGermanThreshold(value: Exact): string {
  return value.toString().replace(".", ",");
}

const MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

/** "Februar 2026" for "2026-02". */
export function formatGermanMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
