/**
 * Assembles the engine's case files from the store: for every case of a provider active in a period, its
 * client, agreement, cost coverages, plans, entries, absences, consents, crises, events, accompaniment, staff
 * and completed tasks, shaped exactly as the case file the pure core reads (src/domain/case/caseFileSchema.ts).
 * One query per table for the whole provider, grouped in memory: a month's run reads each table once.
 */
import { and, eq, gte, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import type { CaseFile, ServiceEntry } from "../domain/case/caseFileSchema.ts";
import { resolveInstanceAgreement } from "./instanceAgreement.ts";
import {
  absences,
  accompaniments,
  agreementInstances,
  caseEvents,
  cases,
  clients,
  consents,
  costCoverages,
  crises,
  gesamtplans,
  hilfeplans,
  organisations,
  serviceEntries,
  staffMembers,
  tasks,
} from "./schema/index.ts";
import type { Executor } from "./store.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export interface StoredCase {
  caseId: string;
  clientId: string;
  agreementInstanceId: string;
  payerId?: string;
  /** Undefined when the instance names an agreement the catalogue does not know. */
  agreement?: Agreement;
  caseFile: CaseFile;
}

export interface CaseFileQuery {
  organisationId: string;
  /** Cases active at some day of [from, to]; entries and absences of that period. */
  from: string;
  to: string;
  /** Only these cases (single-case views). */
  caseIds?: string[];
  /** Read entries from this date instead of `from` (deadlines and volume windows need history). */
  entriesFrom?: string;
}

function withoutNulls(row: Row, omit: readonly string[] = []): Row {
  const result: Row = {};
  for (const [key, value] of Object.entries(row)) if (value !== null && !omit.includes(key)) result[key] = value;
  return result;
}

function groupByCase(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    let group = groups.get(row.caseId);
    if (!group) groups.set(row.caseId, (group = []));
    group.push(row);
  }
  return groups;
}

const ENTRY_OMIT = ["organisationId", "caseId", "note", "createdAt"] as const;

function toServiceEntry(row: Row): ServiceEntry {
  return withoutNulls(row, ENTRY_OMIT) as ServiceEntry;
}

/** The start of the earliest volume period a case's coverages count from (the engine consumes volume from there). */
function volumeHistoryStart(coverages: Row[], from: string): string {
  let start = from;
  for (const coverage of coverages) {
    const per = coverage.approvedVolume?.per as string | undefined;
    if (!per || per === "month" || per === "week") continue;
    const candidate = per === "total" ? coverage.from : per === "year" ? `${from.slice(0, 4)}-01-01` : coverage.from > `${from.slice(0, 4)}-01-01` ? coverage.from : `${from.slice(0, 4)}-01-01`;
    if (candidate < start) start = candidate;
  }
  return start;
}

export async function loadCaseFiles(executor: Executor, catalogue: Catalogue, query: CaseFileQuery): Promise<StoredCase[]> {
  const { organisationId, from, to } = query;
  const caseConditions: SQL[] = [eq(cases.organisationId, organisationId), lte(cases.start, to), or(isNull(cases.end), gte(cases.end, from))!];
  if (query.caseIds) caseConditions.push(inArray(cases.id, query.caseIds.length > 0 ? query.caseIds : [""]));
  const caseRows = await executor.select().from(cases).where(and(...caseConditions)).orderBy(cases.id);
  if (caseRows.length === 0) return [];
  const ids = caseRows.map((row) => row.id);
  const bySelection = <T extends { organisationId: unknown; caseId: unknown }>(table: T) =>
    query.caseIds ? and(eq(table.organisationId as never, organisationId), inArray(table.caseId as never, ids)) : eq(table.organisationId as never, organisationId);
  const entriesFrom = query.entriesFrom ?? from;

  // One query after the other: a transaction is one connection, and node-postgres queues (pg 9 refuses) parallel queries on it.
  const clientRows = await executor.select().from(clients).where(eq(clients.organisationId, organisationId));
  const instanceRows = await executor.select().from(agreementInstances).where(eq(agreementInstances.organisationId, organisationId));
  const payerRows = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, "payer"));
  const coverageRows = await executor.select().from(costCoverages).where(bySelection(costCoverages));
  const gesamtplanRows = await executor.select().from(gesamtplans).where(bySelection(gesamtplans));
  const hilfeplanRows = await executor.select().from(hilfeplans).where(bySelection(hilfeplans));
  const entryRows = await executor
    .select()
    .from(serviceEntries)
    .where(and(bySelection(serviceEntries), gte(serviceEntries.date, entriesFrom), lte(serviceEntries.date, to)))
    .orderBy(serviceEntries.caseId, serviceEntries.date, serviceEntries.start, serviceEntries.id);
  const absenceRows = await executor.select().from(absences).where(bySelection(absences));
  const consentRows = await executor.select().from(consents).where(bySelection(consents));
  const crisisRows = await executor.select().from(crises).where(bySelection(crises));
  const eventRows = await executor.select().from(caseEvents).where(bySelection(caseEvents));
  const accompanimentRows = await executor.select().from(accompaniments).where(and(bySelection(accompaniments), gte(accompaniments.date, entriesFrom), lte(accompaniments.date, to)));
  const staffRows = await executor.select().from(staffMembers).where(eq(staffMembers.organisationId, organisationId));
  const taskRows = await executor.select().from(tasks).where(and(eq(tasks.organisationId, organisationId), eq(tasks.status, "done")));

  const clientsById = new Map(clientRows.map((row) => [row.id, row]));
  const instancesById = new Map(instanceRows.map((row) => [row.id, row]));
  const payerNames = new Map(payerRows.map((row) => [row.id, row.name]));
  const coveragesByCase = groupByCase(coverageRows);
  const gesamtplansByCase = groupByCase(gesamtplanRows);
  const hilfeplansByCase = groupByCase(hilfeplanRows);
  const entriesByCase = groupByCase(entryRows);
  const absencesByCase = groupByCase(absenceRows);
  const consentsByCase = groupByCase(consentRows);
  const crisesByCase = groupByCase(crisisRows);
  const eventsByCase = groupByCase(eventRows);
  const accompanimentsByCase = groupByCase(accompanimentRows);
  const tasksByCase = groupByCase(taskRows.filter((row) => row.caseId !== null));
  const staff = staffRows.map((row) => ({ id: row.id, name: row.name, qualifications: row.qualifications }));

  const needsHistory: string[] = [];
  const result: StoredCase[] = [];
  for (const caseRow of caseRows) {
    const client = clientsById.get(caseRow.clientId);
    const instance = instancesById.get(caseRow.agreementInstanceId);
    const coverages = coveragesByCase.get(caseRow.id) ?? [];
    if (query.entriesFrom === undefined && volumeHistoryStart(coverages, from) < from) needsHistory.push(caseRow.id);
    const details = caseRow.details as Row;
    const { policies = {}, caseInputs = {}, volumeExcuses, admissionExceptions, ...caseDetails } = details;
    const caseFile: CaseFile = {
      agreement: instance?.agreementId ?? caseRow.agreementInstanceId,
      policies,
      client: {
        id: caseRow.clientId,
        ...(client ? { name: client.name } : {}),
        ...(client?.birthDate ? { birthDate: client.birthDate } : {}),
        disabilities: [],
        children: [],
        assessments: {},
        exclusionFacts: [],
        ...(client?.details ?? {}),
      },
      case: {
        id: caseRow.id,
        start: caseRow.start,
        ...(caseRow.end ? { end: caseRow.end } : {}),
        ...(caseRow.payerId ? { payer: { id: caseRow.payerId, ...(payerNames.get(caseRow.payerId) ? { name: payerNames.get(caseRow.payerId)! } : {}) } } : {}),
        accessStatus: caseRow.accessStatus,
        needGroups: caseRow.needGroups,
        rentExcess: false,
        approvedAssistanceTypes: [],
        flags: {},
        ...caseDetails,
      },
      costCoverages: coverages.map((row) => withoutNulls(row, ["organisationId", "caseId", "payerId", "createdAt"]) as CaseFile["costCoverages"][number]),
      gesamtplans: (gesamtplansByCase.get(caseRow.id) ?? []).map((row) => withoutNulls({ date: row.date, plannedUpdate: row.plannedUpdate }) as CaseFile["gesamtplans"][number]),
      hilfeplans: (hilfeplansByCase.get(caseRow.id) ?? []).map((row) => ({ date: row.date, kind: row.kind })),
      entries: (entriesByCase.get(caseRow.id) ?? []).map(toServiceEntry),
      absences: (absencesByCase.get(caseRow.id) ?? []).map((row) => withoutNulls({ from: row.from, to: row.to, reason: row.reason, note: row.note }) as CaseFile["absences"][number]),
      payerConsents: (consentsByCase.get(caseRow.id) ?? [])
        .filter((row) => row.party === "payer")
        .map((row) => withoutNulls({ kind: ["absenceContinuation", "capacityExceeded"].includes(row.kind) ? row.kind : "other", date: row.date, absenceFrom: row.absenceFrom }) as CaseFile["payerConsents"][number]),
      crises: (crisesByCase.get(caseRow.id) ?? []).map((row) => withoutNulls({ from: row.from, to: row.to }) as CaseFile["crises"][number]),
      events: (eventsByCase.get(caseRow.id) ?? []).map((row) => withoutNulls({ kind: row.kind, date: row.date, note: row.note }) as CaseFile["events"][number]),
      accompaniment: (accompanimentsByCase.get(caseRow.id) ?? []).map((row) => ({ date: row.date, minutes: row.minutes, qualification: row.qualification })),
      staff,
      caseInputs,
      ...(volumeExcuses ? { volumeExcuses } : {}),
      ...(admissionExceptions ? { admissionExceptions } : {}),
      completedTasks: (tasksByCase.get(caseRow.id) ?? []).map((row) => withoutNulls({ taskType: row.taskType, date: row.completedOn, anchorDate: row.anchorDate, note: row.note }) as NonNullable<CaseFile["completedTasks"]>[number]),
    };
    result.push({
      caseId: caseRow.id,
      clientId: caseRow.clientId,
      agreementInstanceId: caseRow.agreementInstanceId,
      ...(caseRow.payerId ? { payerId: caseRow.payerId } : {}),
      ...(instance ? { agreement: resolveInstanceAgreement(catalogue, instance) } : {}),
      caseFile,
    });
  }

  // Cases whose approved volume is counted per quarter, year or in total need the entries since that period began.
  if (needsHistory.length > 0) {
    const byId = new Map(result.map((stored) => [stored.caseId, stored]));
    for (const caseId of needsHistory) {
      const stored = byId.get(caseId)!;
      const historyFrom = volumeHistoryStart(coveragesByCase.get(caseId) ?? [], from);
      const history = await executor
        .select()
        .from(serviceEntries)
        .where(and(eq(serviceEntries.organisationId, organisationId), eq(serviceEntries.caseId, caseId), gte(serviceEntries.date, historyFrom), lte(serviceEntries.date, to)))
        .orderBy(serviceEntries.date, serviceEntries.start, serviceEntries.id);
      stored.caseFile = { ...stored.caseFile, entries: history.map(toServiceEntry) };
    }
  }
  return result;
}
