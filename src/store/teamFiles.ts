/**
 * Assembles the staffing engine's team file (src/domain/staffing/teamFileSchema.ts) from the store for one
 * provider on a reference date: its agreement instances, the staff members with their qualifications, the
 * contracts active that day (weekly hours per agreement instance, function as role) and the background checks
 * (§ 124 Abs. 2 SGB IX: inspection date, issue date, result). The census (persons served per agreement) is
 * counted from the cases active on that day with their need group.
 *
 * Facts the store does not hold are never invented: each is listed in `missingFacts` with what the engine
 * assumes instead (its schema default) or what it holds, so the result can say so. Not stored today: the
 * full-time weekly hours, shifts, volunteer/intern status, client contact and power/trust exposure per member,
 * relevant convictions and events, quota exceptions and organisation documents (risk analysis, violence-
 * protection concept, staffing-plan agreements).
 */
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { Exact } from "../domain/money/amount.ts";
import { STAFF_ROLES, teamFileSchema, type StaffRole, type TeamFile, type TeamFileInput } from "../domain/staffing/teamFileSchema.ts";
import { resolveInstanceAgreement } from "./instanceAgreement.ts";
import { agreementInstances, backgroundChecks, cases, organisations, staffContracts, staffMembers } from "./schema/index.ts";
import type { Executor } from "./store.ts";

export interface MissingTeamFact {
  /** Where the fact belongs in the team file, e.g. "organisation.contractFullTimeHours", "staff[M-01].role". */
  fact: string;
  /** German: what is missing and what the evaluation does without it. */
  message: string;
}

export interface AssembledTeam {
  team: TeamFile;
  /** The resolved agreements of the provider's instances, one per agreement id. */
  agreements: Agreement[];
  /** Facts derived from other records (German), e.g. how the census was counted. */
  derivedFacts: string[];
  missingFacts: MissingTeamFact[];
}

export interface TeamFileQuery {
  organisationId: string;
  asOf: string;
}

const ROLES = new Set<string>(STAFF_ROLES);

/** German job functions as contracts name them, and the team-file role they stand for. */
const ROLE_WORDS: Array<[pattern: RegExp, role: StaffRole]> = [
  [/leitung|koordination/i, "management"],
  [/fachdienst/i, "specialistService"],
  [/anleitung|anleiter/i, "instructor"],
  [/verwaltung/i, "administration"],
  [/betreuung|assistenz|begleitung|pädagog|pflege/i, "support"],
];

/** The role a contract's function names: a role code, or a German job function; undefined when neither. */
function roleOfFunction(value: string): StaffRole | undefined {
  if (ROLES.has(value)) return value as StaffRole;
  return ROLE_WORDS.find(([pattern]) => pattern.test(value))?.[1];
}

function activeOn(row: { from: string; to: string | null }, asOf: string): boolean {
  return row.from <= asOf && (row.to === null || row.to >= asOf);
}

function needGroupOn(needGroups: Array<{ from: string; to?: string; group: number }>, asOf: string): number | undefined {
  return needGroups.find((entry) => entry.from <= asOf && (entry.to === undefined || entry.to >= asOf))?.group;
}

function groupByStaff<T extends { staffId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.staffId, [...(groups.get(row.staffId) ?? []), row]);
  return groups;
}

function sumHours(values: string[]): string {
  return values.reduce((sum, value) => sum.plus(new Exact(value)), new Exact(0)).toFixed();
}

export async function assembleTeamFile(executor: Executor, catalogue: Catalogue, query: TeamFileQuery): Promise<AssembledTeam> {
  const { organisationId, asOf } = query;
  // One query after the other: a transaction is one connection (node-postgres does not run queries on it in parallel).
  const organisationRows = await executor.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  const instanceRows = await executor.select().from(agreementInstances).where(eq(agreementInstances.organisationId, organisationId)).orderBy(agreementInstances.id);
  const memberRows = await executor.select().from(staffMembers).where(eq(staffMembers.organisationId, organisationId)).orderBy(staffMembers.id);
  const contractRows = await executor.select().from(staffContracts).where(eq(staffContracts.organisationId, organisationId)).orderBy(staffContracts.from, staffContracts.id);
  const checkRows = await executor.select().from(backgroundChecks).where(eq(backgroundChecks.organisationId, organisationId)).orderBy(backgroundChecks.inspectedOn, backgroundChecks.id);
  const caseRows = await executor
    .select({ id: cases.id, clientId: cases.clientId, agreementInstanceId: cases.agreementInstanceId, needGroups: cases.needGroups })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), lte(cases.start, asOf), or(isNull(cases.end), gte(cases.end, asOf))))
    .orderBy(cases.id);
  const missingFacts: MissingTeamFact[] = [];
  const derivedFacts: string[] = [];

  // Agreements: one per agreement id (the first instance wins when a provider has several of the same agreement).
  const agreements: Agreement[] = [];
  const agreementOfInstance = new Map<string, string>();
  for (const instance of instanceRows) {
    const agreement = resolveInstanceAgreement(catalogue, instance);
    if (!agreement) {
      missingFacts.push({ fact: `agreements[${instance.id}]`, message: `Vereinbarung ${instance.agreementId} der Instanz ${instance.id} ist nicht geladen; für sie wird das Personal nicht geprüft` });
      continue;
    }
    agreementOfInstance.set(instance.id, agreement.id);
    if (agreements.some((known) => known.id === agreement.id)) {
      missingFacts.push({ fact: `agreements[${instance.id}]`, message: `Mehrere Instanzen der Vereinbarung ${agreement.id}: ausgewertet mit den Eingaben der ersten Instanz; Personal und Belegung aller Instanzen zusammen gezählt` });
      continue;
    }
    agreements.push(agreement);
  }

  // Census: persons with an active case on the reference date, with their need group on that day.
  const persons = new Map<string, Map<string, number | undefined>>();
  for (const row of caseRows) {
    const agreementId = agreementOfInstance.get(row.agreementInstanceId);
    if (!agreementId) continue;
    let list = persons.get(agreementId);
    if (!list) persons.set(agreementId, (list = new Map()));
    list.set(row.clientId, needGroupOn(row.needGroups, asOf) ?? list.get(row.clientId));
  }
  const census = agreements.map((agreement) => {
    const list = [...(persons.get(agreement.id) ?? new Map<string, number | undefined>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return {
      agreement: agreement.id,
      date: asOf,
      kind: "referenceDate" as const,
      persons: list.map(([id, needGroup]) => ({ id, ...(needGroup !== undefined ? { needGroup } : {}) })),
      participants: list.length,
    };
  });
  derivedFacts.push(`Belegung (census) je Vereinbarung gezählt aus den am ${asOf} laufenden Fällen (Stichtag), mit der Hilfebedarfsgruppe des Falls an diesem Tag`);

  // Staff: qualifications, contracts active on the day, background checks.
  const contractsByStaff = groupByStaff(contractRows);
  const checksByStaff = groupByStaff(checkRows);
  const staff: TeamFileInput["staff"] = [];
  for (const member of memberRows) {
    const contracts = contractsByStaff.get(member.id) ?? [];
    const active = contracts.filter((row) => activeOn(row, asOf));
    if (contracts.length === 0) {
      missingFacts.push({ fact: `staff[${member.id}].weeklyHours`, message: `Kein Vertrag für ${member.name} (${member.id}) erfasst: Beginn, Stellenumfang und Zuordnung fehlen; die Person zählt als beschäftigt ohne Stunden` });
    } else if (active.length === 0) continue; // not employed on the reference date
    const functions = [...new Set(active.map((row) => row.function).filter((value): value is string => value !== null))];
    const roles = functions.map(roleOfFunction).filter((role): role is StaffRole => role !== undefined);
    const unknownFunctions = functions.filter((value) => roleOfFunction(value) === undefined);
    if (unknownFunctions.length > 0 || roles.length === 0) {
      missingFacts.push({
        fact: `staff[${member.id}].role`,
        message: `Rolle von ${member.id} nicht erfasst${unknownFunctions.length > 0 ? ` (Funktion „${unknownFunctions.join("“, „")}“ ist keiner der Rollen ${STAFF_ROLES.join(", ")} zuzuordnen)` : ""}: gezählt als „support“ (Betreuung)`,
      });
    }
    const everyContractNamesInstance = active.length > 0 && active.every((row) => row.agreementInstanceId !== null && agreementOfInstance.has(row.agreementInstanceId));
    const hoursByAgreement = new Map<string, string[]>();
    if (everyContractNamesInstance) for (const row of active) hoursByAgreement.set(agreementOfInstance.get(row.agreementInstanceId!)!, [...(hoursByAgreement.get(agreementOfInstance.get(row.agreementInstanceId!)!) ?? []), row.weeklyHours]);
    const checks = (checksByStaff.get(member.id) ?? []).filter((row) => {
      if (row.issuedOn <= row.inspectedOn) return true;
      missingFacts.push({ fact: `staff[${member.id}].backgroundChecks`, message: `Führungszeugnis-Vorlage ${row.id}: Ausstellungsdatum ${row.issuedOn} liegt nach der Einsichtnahme ${row.inspectedOn}; nicht gewertet` });
      return false;
    });
    const ends = contracts.map((row) => row.to);
    staff.push({
      id: member.id,
      name: member.name,
      role: roles[0] ?? "support",
      qualifications: member.qualifications,
      ...(contracts.length > 0 ? { startDate: contracts.map((row) => row.from).sort()[0]! } : {}),
      ...(contracts.length > 0 && ends.every((end) => end !== null) ? { endDate: (ends as string[]).sort().at(-1)! } : {}),
      ...(active.length > 0 ? { weeklyHours: sumHours(active.map((row) => row.weeklyHours)) } : {}),
      agreements: [...hoursByAgreement.entries()].map(([agreement, hours]) => ({ agreement, weeklyHours: sumHours(hours) })),
      backgroundChecks: checks.map((row) => ({ presentedOn: row.inspectedOn, issuedOn: row.issuedOn, result: row.result === "relevantEntries" ? ("relevantEntry" as const) : ("noEntry" as const) })),
    });
  }

  missingFacts.push(
    { fact: "organisation.contractFullTimeHours", message: "Wochenstunden einer Vollzeitstelle (Tarif/Arbeitsvertrag) nicht erfasst: Vollzeitäquivalente aus Wochenstunden nur, wo die Vereinbarung den Wert nennt" },
    { fact: "staff[].shift, volunteer, intern, clientContact, dependencyPowerTrustPossible, relevantConviction, events", message: "Nicht erfasst: Schicht, Ehrenamt/Praktikum, Kontakt zu Leistungsberechtigten, Abhängigkeits-/Vertrauensverhältnisse, bekannte Verurteilungen und Anlässe; ausgewertet mit den Vorgaben der Teamdatei (hauptamtlich, regelmäßiger Kontakt, kein besonderer Anlass)" },
    { fact: "exceptions", message: "Ausnahmen von Quoten (z. B. A4 Anl. 1 § 5.2) nicht erfasst: keine berücksichtigt" },
    { fact: "documents", message: "Organisationsdokumente (Gefährdungsanalyse, Gewaltschutzkonzept, Stellenplanvereinbarung) nicht erfasst: gelten als nicht vorgelegt" },
  );

  const organisationName = organisationRows[0]?.name ?? organisationId;
  const input: TeamFileInput = { asOf, organisation: { name: organisationName }, agreements: agreements.map((agreement) => agreement.id), census, staff };
  // The schema asks for at least one agreement; a provider without any gets an empty list (nothing to evaluate).
  const parsed = teamFileSchema.parse(agreements.length > 0 ? input : { ...input, agreements: ["—"] });
  const team: TeamFile = agreements.length > 0 ? parsed : { ...parsed, agreements: [] };
  return { team, agreements, derivedFacts, missingFacts };
}
