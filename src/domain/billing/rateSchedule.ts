/**
 * M02 Rate schedule over date periods (A0-R06, A4-R07, A4-R09, A4-R11, A4-R13): the rate valid on the service
 * date, never on the invoice date; literal printed amounts only (A4-R10: no derived components).
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import { isInputReference } from "../agreement/sourceSchema.ts";
import type { InputRegister } from "../agreement/inputRegister.ts";
import { parseAmount, toIntegerCents, type Exact } from "../money/amount.ts";
import type { Rate, RatePeriod } from "./rateParameters.ts";

export interface PricedPeriod {
  rate: Rate;
  period: RatePeriod;
  /** Index of the period within the rate (stable key for grouping lines). */
  index: number;
  firstDay: number;
  lastDay: number;
  /** The amount, or the id of the missing input. */
  amount?: Exact;
  missingInputId?: string;
  exampleValue: boolean;
  /** Printed components; `cents` is the exact integer-cent value, prepared once. */
  components?: { name: string; amount: Exact; cents?: number }[];
}

/** Prepares a rate for fast lookups by epoch day, resolving input references through the register. */
export function prepareRateSchedule(rate: Rate, register: InputRegister): PricedPeriod[] {
  return rate.periods.map((period, index) => {
    const firstDay = epochDayOfIso(period.validFrom);
    const lastDay = period.validTo ? epochDayOfIso(period.validTo) : Number.POSITIVE_INFINITY;
    const base = { rate, period, index, firstDay, lastDay };
    if (period.components) {
      return {
        ...base,
        amount: parseAmount(period.total!),
        exampleValue: false,
        components: period.components.map((component) => {
          const amount = parseAmount(component.amount);
          const cents = toIntegerCents(amount);
          return cents === undefined ? { name: component.name, amount } : { name: component.name, amount, cents };
        }),
      };
    }
    if (isInputReference(period.amount)) {
      const lookup = register.lookup(period.amount.input);
      if (!lookup.found) return { ...base, missingInputId: period.amount.input, exampleValue: false };
      return { ...base, amount: parseAmount(String(lookup.value)), exampleValue: lookup.example };
    }
    return { ...base, amount: parseAmount(period.amount as string), exampleValue: false };
  });
}

/** The period valid on an epoch day, or undefined when no period covers it. */
export function findRatePeriod(schedule: PricedPeriod[], epochDay: number): PricedPeriod | undefined {
  for (const priced of schedule) if (epochDay >= priced.firstDay && epochDay <= priced.lastDay) return priced;
  return undefined;
}

export function findRate(rates: Rate[], rateId: string): Rate {
  const rate = rates.find((candidate) => candidate.id === rateId);
  if (!rate) throw new Error(`rate ${rateId} is not defined in the agreement`);
  return rate;
}
