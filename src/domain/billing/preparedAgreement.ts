/**
 * Per-agreement preparation (input register, rate schedules) computed once and memoised by object identity:
 * agreements are immutable values, so billing 100,000 case-months does not parse the same rates again.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { findRate, prepareRateSchedule, type PricedPeriod } from "./rateSchedule.ts";

interface PreparedAgreement {
  register: InputRegister;
  schedules: Map<string, PricedPeriod[]>;
}

const prepared = new WeakMap<Agreement, PreparedAgreement>();

function prepare(agreement: Agreement): PreparedAgreement {
  let entry = prepared.get(agreement);
  if (!entry) {
    entry = { register: createInputRegister(agreement), schedules: new Map() };
    prepared.set(agreement, entry);
  }
  return entry;
}

export function findInputRegister(agreement: Agreement): InputRegister {
  return prepare(agreement).register;
}

/** The prepared schedule of one rate of the agreement. */
export function findRateSchedule(agreement: Agreement, rateId: string): PricedPeriod[] {
  const entry = prepare(agreement);
  let schedule = entry.schedules.get(rateId);
  if (!schedule) {
    schedule = prepareRateSchedule(findRate(agreement.rates, rateId), entry.register);
    entry.schedules.set(rateId, schedule);
  }
  return schedule;
}
