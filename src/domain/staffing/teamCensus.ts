/**
 * The persons a team serves under one agreement, as the staff requirement needs them (M12): persons per need
 * group (A2 § 9 a: „richtet sich nach der Anzahl der Leistungsberechtigten in den jeweiligen
 * Hilfebedarfsgruppen“), the total number of eligible persons (coordination 1:45, A2 § 7.3), actual
 * participants and agreed places (A3 § 5.1.2, D17). The order of the census never matters.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { ZERO, sumExact, type Exact } from "../money/amount.ts";
import type { Census, TeamFile } from "./teamFileSchema.ts";
import { namesAgreement } from "./staffMembership.ts";
import { parseDecimalValue } from "./staffingValues.ts";

export function findCensus(team: TeamFile, agreement: Agreement): Census | undefined {
  return team.census.find((census) => namesAgreement(agreement, census.agreement));
}

export interface NeedGroupCount {
  needGroup: number;
  persons: Exact;
}

export interface NeedGroupCensus {
  groups: NeedGroupCount[];
  /** Persons listed without a need group (ids). */
  withoutNeedGroup: string[];
}

/** Persons per need group, sorted by need group; a person list and a count list give the same result. */
export function countNeedGroups(census: Census): NeedGroupCensus {
  const totals = new Map<number, Exact>();
  const withoutNeedGroup: string[] = [];
  for (const person of census.persons ?? []) {
    if (person.needGroup === undefined) withoutNeedGroup.push(person.id);
    else totals.set(person.needGroup, (totals.get(person.needGroup) ?? ZERO).plus(1));
  }
  for (const group of census.needGroups ?? []) totals.set(group.needGroup, (totals.get(group.needGroup) ?? ZERO).plus(parseDecimalValue(group.persons)!));
  const groups = [...totals.entries()].sort(([a], [b]) => a - b).map(([needGroup, persons]) => ({ needGroup, persons }));
  return { groups, withoutNeedGroup: withoutNeedGroup.sort() };
}

/** Number of eligible persons (list, sum of need groups, or the participants count); undefined if not recorded. */
export function countEligiblePersons(census: Census | undefined): Exact | undefined {
  if (!census) return undefined;
  if (census.persons !== undefined) return sumExact(census.persons.map(() => parseDecimalValue(1)!));
  if (census.needGroups !== undefined) return sumExact(census.needGroups.map((group) => parseDecimalValue(group.persons)!));
  if (census.participants !== undefined) return parseDecimalValue(census.participants);
  return undefined;
}
