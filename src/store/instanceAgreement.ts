/**
 * The concrete agreement behind a provider's agreement instance: the catalogue agreement with the instance's
 * filled inputs and policy options. Memoised by content so that the engine's per-agreement preparation
 * (memoised by object identity) is reused across cases and runs.
 */
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import type { InputValues } from "../domain/agreement/inputRegister.ts";
import { fillAgreementInputs } from "../domain/agreement/resolveAgreement.ts";

export interface AgreementInstanceRow {
  organisationId: string;
  id: string;
  agreementId: string;
  inputs: Record<string, unknown>;
  policies: Record<string, string>;
}

const resolved = new Map<string, Agreement>();
const MAX_MEMOISED = 2_000;

/** The agreement an instance stands for, or undefined when its catalogue agreement is unknown. */
export function resolveInstanceAgreement(catalogue: Catalogue, instance: AgreementInstanceRow): Agreement | undefined {
  const base = catalogue.agreements.get(instance.agreementId);
  if (!base) return undefined;
  const key = `${instance.organisationId}|${instance.id}|${instance.agreementId}|${JSON.stringify(instance.inputs)}|${JSON.stringify(instance.policies)}`;
  const known = resolved.get(key);
  if (known && known.id === base.id) return known;
  let agreement = Object.keys(instance.inputs).length > 0 ? fillAgreementInputs(base, instance.inputs as InputValues) : base;
  if (Object.keys(instance.policies).length > 0) agreement = { ...agreement, policies: { ...agreement.policies, ...instance.policies } };
  if (resolved.size >= MAX_MEMOISED) resolved.clear();
  resolved.set(key, agreement);
  return agreement;
}
