/**
 * Assembles the engine's case files from the store: for every case of a provider active in a period, its
 * client, agreement, cost coverages, plans, entries, absences, consents, crises, events, accompaniment, staff
 * and completed tasks, shaped exactly as the case file the pure core reads (src/domain/case/caseFileSchema.ts).
 * One query per table for the whole provider, grouped in memory: a month's run reads each table once.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Catalogue } from "../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import type { CaseFile, ServiceEntry } from "../domain/case/caseFileSchema.ts";
import { resolveInstanceAgreement, type AgreementInstanceRow } from "./instanceAgreement.ts";
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

/** The optional fields of a service entry (an absent value is NULL in the store and left out of the case file). */
const OPTIONAL_ENTRY_FIELDS = ["id", "start", "end", "minutes", "hours", "assistanceType", "remoteChannel", "remoteReason", "groupSize", "consent", "staffId", "attribution", "category", "place", "goalId"] as const;

/** A stored entry as the case file's entry; written out field by field, since a month's run converts 200,000. */
function toServiceEntry(row: Row): ServiceEntry {
  const entry: Row = { date: row.date, timeKind: row.timeKind, mode: row.mode, setting: row.setting, withoutPersonPresent: row.withoutPersonPresent };
  for (const field of OPTIONAL_ENTRY_FIELDS) {
    const value = row[field];
    if (value !== null && value !== undefined) entry[field] = value;
  }
  return entry as ServiceEntry;
}

/**
 * The entries of a whole provider's period as plain rows, in the order the engine reads them. Written as SQL
 * with camelCase aliases: drizzle's per-column row mapping cost more than the database for 200,000 rows.
 */
async function readProviderEntries(executor: Executor, organisationId: string, entriesFrom: string, to: string): Promise<Row[]> {
  const result = (await executor.execute(sql`
    SELECT id, case_id AS "caseId", date::text AS date, start, "end", minutes, hours, time_kind AS "timeKind",
           assistance_type AS "assistanceType", mode, remote_channel AS "remoteChannel", remote_reason AS "remoteReason",
           setting, group_size AS "groupSize", consent, without_person_present AS "withoutPersonPresent",
           staff_id AS "staffId", attribution, category, place, goal_id AS "goalId"
      FROM service_entries
     WHERE organisation_id = ${organisationId} AND date >= ${entriesFrom} AND date <= ${to}
     ORDER BY case_id COLLATE "C", date, start COLLATE "C", id COLLATE "C"`)) as unknown as { rows: Row[] };
  return result.rows;
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

interface CaseRecordRows {
  clientRows: Row[];
  instanceRows: Row[];
  payerRows: Row[];
  coverageRows: Row[];
  gesamtplanRows: Row[];
  hilfeplanRows: Row[];
  entryRows: Row[];
  absenceRows: Row[];
  consentRows: Row[];
  crisisRows: Row[];
  eventRows: Row[];
  accompanimentRows: Row[];
  staffRows: Row[];
  taskRows: Row[];
}

/**
 * A whole provider's records, one query per table (a month's billing run). One query after the other: a
 * transaction is one connection, and node-postgres queues (pg 9 refuses) parallel queries on it.
 */
async function readProviderRecords(executor: Executor, organisationId: string, entriesFrom: string, to: string): Promise<CaseRecordRows> {
  const tenant = <T extends { organisationId: unknown }>(table: T) => eq(table.organisationId as never, organisationId);
  return {
    clientRows: await executor.select().from(clients).where(tenant(clients)),
    instanceRows: await executor.select().from(agreementInstances).where(tenant(agreementInstances)),
    payerRows: await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, "payer")),
    coverageRows: await executor.select().from(costCoverages).where(tenant(costCoverages)),
    gesamtplanRows: await executor.select().from(gesamtplans).where(tenant(gesamtplans)),
    hilfeplanRows: await executor.select().from(hilfeplans).where(tenant(hilfeplans)),
    entryRows: await readProviderEntries(executor, organisationId, entriesFrom, to),
    absenceRows: await executor.select().from(absences).where(tenant(absences)),
    consentRows: await executor.select().from(consents).where(tenant(consents)),
    crisisRows: await executor.select().from(crises).where(tenant(crises)),
    eventRows: await executor.select().from(caseEvents).where(tenant(caseEvents)),
    accompanimentRows: await executor.select().from(accompaniments).where(and(tenant(accompaniments), gte(accompaniments.date, entriesFrom), lte(accompaniments.date, to))),
    staffRows: await executor.select().from(staffMembers).where(tenant(staffMembers)),
    taskRows: await executor.select().from(tasks).where(and(tenant(tasks), eq(tasks.status, "done"))),
  };
}

const compareText = (a: unknown, b: unknown) => (a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : String(a) < String(b) ? -1 : 1);

/** Entries by case, date, start (entries without a start last, as PostgreSQL sorts NULL) and id. */
function compareEntryRows(a: Row, b: Row): number {
  return compareText(a.caseId, b.caseId) || compareText(a.date, b.date) || compareText(a.start, b.start) || compareText(a.id, b.id);
}

const camelCaseNames = new Map<string, string>();

/** Column names as drizzle gives them (snake_case → camelCase), each name converted once. */
function camelCaseKeys(record: Row): Row {
  const result: Row = {};
  for (const key in record) {
    let name = camelCaseNames.get(key);
    if (name === undefined) camelCaseNames.set(key, (name = key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())));
    result[name] = record[key];
  }
  return result;
}

/**
 * The records of a few selected cases (a client's month, a preview, a check) in ONE statement: every table's
 * rows of those cases as JSON, tagged by table. Rows come back in the shapes drizzle gives (camelCase keys,
 * ISO dates), so the assembly below is the same for both readers.
 */
async function readSelectedCaseRecords(executor: Executor, organisationId: string, caseIds: string[], clientIds: string[], entriesFrom: string, to: string): Promise<CaseRecordRows> {
  const list = (values: string[]) => sql.join((values.length > 0 ? values : [""]).map((value) => sql`${value}`), sql`, `);
  const ofCases = (table: string, extra = sql``) =>
    sql`SELECT ${table} AS t, row_to_json(x) AS r FROM ${sql.identifier(table)} x WHERE x.organisation_id = ${organisationId} AND x.case_id IN (${list(caseIds)}) ${extra}`;
  const dated = sql`AND x.date >= ${entriesFrom} AND x.date <= ${to}`;
  const statement = sql.join(
    [
      sql`SELECT 'clients' AS t, row_to_json(x) AS r FROM clients x WHERE x.organisation_id = ${organisationId} AND x.id IN (${list(clientIds)})`,
      sql`SELECT 'agreement_instances' AS t, row_to_json(x) AS r FROM agreement_instances x WHERE x.organisation_id = ${organisationId}`,
      sql`SELECT 'payers' AS t, json_build_object('id', x.id, 'name', x.name) AS r FROM organisations x WHERE x.kind = 'payer'`,
      ofCases("cost_coverages"),
      ofCases("gesamtplans"),
      ofCases("hilfeplans"),
      ofCases("service_entries", dated),
      ofCases("absences"),
      ofCases("consents"),
      ofCases("crises"),
      ofCases("case_events"),
      ofCases("accompaniments", dated),
      sql`SELECT 'staff_members' AS t, row_to_json(x) AS r FROM staff_members x WHERE x.organisation_id = ${organisationId}`,
      ofCases("tasks", sql`AND x.status = 'done'`),
    ],
    sql` UNION ALL `,
  );
  const result = (await executor.execute(statement)) as unknown as { rows: Array<{ t: string; r: Row | string }> };
  const byTable = new Map<string, Row[]>();
  for (const row of result.rows) {
    const record = camelCaseKeys(typeof row.r === "string" ? (JSON.parse(row.r) as Row) : row.r);
    let group = byTable.get(row.t);
    if (!group) byTable.set(row.t, (group = []));
    group.push(record);
  }
  const rowsOf = (table: string) => byTable.get(table) ?? [];
  const entryRows = rowsOf("service_entries").sort(compareEntryRows);
  return {
    clientRows: rowsOf("clients"),
    instanceRows: rowsOf("agreement_instances"),
    payerRows: rowsOf("payers"),
    coverageRows: rowsOf("cost_coverages"),
    gesamtplanRows: rowsOf("gesamtplans"),
    hilfeplanRows: rowsOf("hilfeplans"),
    entryRows,
    absenceRows: rowsOf("absences"),
    consentRows: rowsOf("consents"),
    crisisRows: rowsOf("crises"),
    eventRows: rowsOf("case_events"),
    accompanimentRows: rowsOf("accompaniments"),
    staffRows: rowsOf("staff_members"),
    taskRows: rowsOf("tasks"),
  };
}

export async function loadCaseFiles(executor: Executor, catalogue: Catalogue, query: CaseFileQuery): Promise<StoredCase[]> {
  const { organisationId, from, to } = query;
  const caseConditions: SQL[] = [eq(cases.organisationId, organisationId), lte(cases.start, to), or(isNull(cases.end), gte(cases.end, from))!];
  if (query.caseIds) caseConditions.push(inArray(cases.id, query.caseIds.length > 0 ? query.caseIds : [""]));
  const caseRows = await executor.select().from(cases).where(and(...caseConditions)).orderBy(cases.id);
  if (caseRows.length === 0) return [];
  const ids = caseRows.map((row) => row.id);
  const entriesFrom = query.entriesFrom ?? from;

  const records = query.caseIds
    ? await readSelectedCaseRecords(executor, organisationId, ids, [...new Set(caseRows.map((row) => row.clientId))], entriesFrom, to)
    : await readProviderRecords(executor, organisationId, entriesFrom, to);
  const { clientRows, instanceRows, payerRows, coverageRows, gesamtplanRows, hilfeplanRows, entryRows, absenceRows, consentRows, crisisRows, eventRows, accompanimentRows, staffRows, taskRows } = records;

  const clientsById = new Map(clientRows.map((row) => [row.id, row]));
  const instancesById = new Map(instanceRows.map((row) => [row.id as string, row as AgreementInstanceRow]));
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
