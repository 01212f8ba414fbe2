/**
 * Who works under which agreement, with which contracted FTE (D10 base "contractedFte"), on the reference
 * date. A member names the agreements they work in (empty = all of the team's agreements), optionally with
 * their share; weekly hours become FTE through the full-time hours of the contract (A2 § 9 a):
 * „Eine Vollzeitstelle definiert sich nach der … tarif- oder arbeitsvertraglich geltenden wöchentlichen
 * (Brutto-) Arbeitszeit").
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import type { Exact } from "../money/amount.ts";
import type { StaffFilter } from "./staffingParameters.ts";
import type { StaffMember, TeamFile } from "./teamFileSchema.ts";
import { parseDecimalValue } from "./staffingValues.ts";

/** The ids under which a team names an agreement: its own id, or the template it fills. */
export function agreementNames(agreement: Agreement): string[] {
  return agreement.template && agreement.template !== agreement.id ? [agreement.id, agreement.template] : [agreement.id];
}

export function namesAgreement(agreement: Agreement, name: string): boolean {
  return agreementNames(agreement).includes(name);
}

export function assignedAgreementIds(member: StaffMember, team: TeamFile): string[] {
  if (member.agreements.length === 0) return [...team.agreements];
  return member.agreements.map((assignment) => (typeof assignment === "string" ? assignment : assignment.agreement));
}

export function worksUnder(member: StaffMember, team: TeamFile, agreement: Agreement): boolean {
  return assignedAgreementIds(member, team).some((name) => namesAgreement(agreement, name));
}

/** Employed (or engaged) on the date: started on or before it and not ended before it. */
export function isActiveOn(member: StaffMember, asOf: string): boolean {
  return (member.startDate === undefined || member.startDate <= asOf) && (member.endDate === undefined || member.endDate >= asOf);
}

export function staffOfAgreement(team: TeamFile, agreement: Agreement, asOf: string): StaffMember[] {
  return team.staff.filter((member) => isActiveOn(member, asOf) && worksUnder(member, team, agreement));
}

export interface MemberFullTimeEquivalents {
  value?: Exact;
  /** German reason when the FTE cannot be determined. */
  problem?: string;
  /** The member works under several agreements without a share per agreement: the whole FTE is counted in each. */
  splitMissing: boolean;
}

/** Contracted FTE of a member within one agreement. `fullTimeHours` is the fallback for converting hours. */
export function fullTimeEquivalentsInAgreement(member: StaffMember, team: TeamFile, agreement: Agreement, fullTimeHours?: Exact): MemberFullTimeEquivalents {
  const assignment = member.agreements.find((item) => typeof item !== "string" && namesAgreement(agreement, item.agreement));
  const share = typeof assignment === "object" ? assignment : undefined;
  const fullTimeEquivalents = share?.fullTimeEquivalents ?? (share?.weeklyHours === undefined ? member.fullTimeEquivalents : undefined);
  const weeklyHours = share?.weeklyHours ?? (share?.fullTimeEquivalents === undefined ? member.weeklyHours : undefined);
  const hasShare = share?.fullTimeEquivalents !== undefined || share?.weeklyHours !== undefined;
  const splitMissing = !hasShare && assignedAgreementIds(member, team).length > 1;
  if (fullTimeEquivalents !== undefined) return { value: parseDecimalValue(fullTimeEquivalents)!, splitMissing };
  if (weeklyHours !== undefined) {
    const hoursText = member.contractFullTimeHours ?? team.organisation.contractFullTimeHours;
    const hours = hoursText !== undefined ? parseDecimalValue(hoursText) : fullTimeHours;
    if (hours === undefined || hours.isZero()) {
      return { problem: `${memberLabel(member)}: Wochenstunden einer Vollzeitstelle fehlen (Teamdatei „contractFullTimeHours“)`, splitMissing };
    }
    return { value: parseDecimalValue(weeklyHours)!.dividedBy(hours), splitMissing };
  }
  if (member.volunteer) return { problem: `${memberLabel(member)}: ehrenamtlich, ohne vertraglichen Stellenumfang`, splitMissing };
  return { problem: `${memberLabel(member)}: Stellenumfang fehlt („fullTimeEquivalents“ oder „weeklyHours“)`, splitMissing };
}

/** Role, shift and staffing-plan conditions of a filter (the qualification conditions are checked elsewhere). */
export function matchesStaffConditions(member: StaffMember, filter: StaffFilter): boolean {
  if (filter.roles && !filter.roles.includes(member.role)) return false;
  if (filter.excludeRoles && filter.excludeRoles.includes(member.role)) return false;
  if (filter.shift && member.shift !== filter.shift) return false;
  if (filter.financedByStaffingPlan !== undefined && member.financedByStaffingPlan !== filter.financedByStaffingPlan) return false;
  return true;
}

export function memberLabel(member: StaffMember): string {
  return member.name ? `${member.name} (${member.id})` : member.id;
}
