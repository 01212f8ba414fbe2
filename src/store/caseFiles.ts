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
import { AUDIT_APPEND_COLUMNS } from "./auditAppendColumns.ts";
import { namedStatement, queryArrays, queryRows } from "./rawQuery.ts";
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

/** The columns of a provider's entries read as arrays: case id first, then the case file's fields in this order. */
const ENTRY_FIELDS = ["id", "date", "start", "end", "minutes", "hours", "timeKind", "assistanceType", "mode", "remoteChannel", "remoteReason", "setting", "groupSize", "consent", "withoutPersonPresent", "staffId", "attribution", "category", "place", "goalId"] as const;
/** A NULL of these is left out of the entry, as toServiceEntry does; the others are always set. */
const OPTIONAL_FIELDS = new Set<string>(OPTIONAL_ENTRY_FIELDS);

const PROVIDER_ENTRIES = namedStatement(
  "teilhabe_provider_entries",
  `SELECT case_id, id, date::text, start, "end", minutes, hours, time_kind, assistance_type, mode, remote_channel, remote_reason,
          setting, group_size, consent, without_person_present, staff_id, attribution, category, place, goal_id
     FROM service_entries
    WHERE organisation_id = $1 AND date >= $2::date AND date <= $3::date`,
);

/**
 * The entries of a whole provider's period as the case files' entries, by case, each case's in the order the
 * engine reads them (compareEntryRows: date, start, id). Read as arrays of values, one object made per entry:
 * drizzle's row mapping, then node-postgres' row objects and their copies cost more than the database for
 * 200,000 rows (garbage collection was a quarter of the read). Sorted here, case by case, not by an ORDER BY:
 * PostgreSQL sorted all 200,000 rows at once, spilling to disk at the default work_mem.
 */
async function readProviderEntries(executor: Executor, organisationId: string, entriesFrom: string, to: string): Promise<Map<string, ServiceEntry[]>> {
  const rows = await queryArrays(executor, PROVIDER_ENTRIES, [organisationId, entriesFrom, to]);
  const byCase = new Map<string, ServiceEntry[]>();
  for (const row of rows) {
    const entry: Row = {};
    for (let index = 0; index < ENTRY_FIELDS.length; index++) {
      const value = row[index + 1];
      const field = ENTRY_FIELDS[index]!;
      if ((value !== null && value !== undefined) || !OPTIONAL_FIELDS.has(field)) entry[field] = value;
    }
    const caseId = row[0] as string;
    let group = byCase.get(caseId);
    if (!group) byCase.set(caseId, (group = []));
    group.push(entry as ServiceEntry);
  }
  for (const group of byCase.values()) group.sort(compareEntryRows);
  return byCase;
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
  /** The entries already as the case files' entries, by case (the provider reader), instead of entryRows. */
  entriesByCase?: Map<string, ServiceEntry[]>;
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
    entryRows: [],
    entriesByCase: await readProviderEntries(executor, organisationId, entriesFrom, to),
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

/** Rows tagged by table (`t`) with the row as JSON (`r`), grouped by table with camelCase keys. */
function groupTaggedRows(rows: Array<{ t: string; r: Row | string }>): Map<string, Row[]> {
  const byTable = new Map<string, Row[]>();
  for (const row of rows) {
    const record = camelCaseKeys(typeof row.r === "string" ? (JSON.parse(row.r) as Row) : row.r);
    let group = byTable.get(row.t);
    if (!group) byTable.set(row.t, (group = []));
    group.push(record);
  }
  return byTable;
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
  return recordRowsOf(groupTaggedRows(result.rows));
}

/** The rows of a case file's tables from one statement's tagged rows (entries in their order). */
function recordRowsOf(byTable: Map<string, Row[]>): CaseRecordRows {
  const rowsOf = (table: string) => byTable.get(table) ?? [];
  return {
    clientRows: rowsOf("clients"),
    instanceRows: rowsOf("agreement_instances"),
    payerRows: rowsOf("payers"),
    coverageRows: rowsOf("cost_coverages"),
    gesamtplanRows: rowsOf("gesamtplans"),
    hilfeplanRows: rowsOf("hilfeplans"),
    entryRows: rowsOf("service_entries").sort(compareEntryRows),
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
  return assembleCaseFiles(executor, catalogue, query, caseRows, records);
}

/**
 * A client's month as one statement (GET /clients/:id/month/:month, what a Fachkraft opens most): the
 * client, their cases active in the period, every record those cases' files need, and the period's contacts,
 * as JSON tagged by table. Prepared once per connection.
 */
const CLIENT_MONTH = namedStatement(
  "teilhabe_client_month",
  `WITH c AS (
     SELECT * FROM cases WHERE organisation_id = $1 AND client_id = $2 AND start <= $4::date AND ("end" IS NULL OR "end" >= $3::date)
   )
   SELECT 'cases' AS t, row_to_json(x) AS r FROM c x
   UNION ALL SELECT 'clients', row_to_json(x) FROM clients x WHERE x.organisation_id = $1 AND x.id = $2
   UNION ALL SELECT 'agreement_instances', row_to_json(x) FROM agreement_instances x WHERE x.organisation_id = $1 AND x.id IN (SELECT agreement_instance_id FROM c)
   UNION ALL SELECT 'payers', json_build_object('id', x.id, 'name', x.name) FROM organisations x WHERE x.kind = 'payer' AND x.id IN (SELECT payer_id FROM c)
   ${["cost_coverages", "gesamtplans", "hilfeplans", "absences", "consents", "crises", "case_events"]
     .map((table) => `UNION ALL SELECT '${table}', row_to_json(x) FROM ${table} x WHERE x.organisation_id = $1 AND x.case_id IN (SELECT id FROM c)`)
     .join("\n")}
   UNION ALL SELECT 'service_entries', row_to_json(x) FROM service_entries x WHERE x.organisation_id = $1 AND x.case_id IN (SELECT id FROM c) AND x.date >= $5::date AND x.date <= $4::date
   UNION ALL SELECT 'accompaniments', row_to_json(x) FROM accompaniments x WHERE x.organisation_id = $1 AND x.case_id IN (SELECT id FROM c) AND x.date >= $5::date AND x.date <= $4::date
   UNION ALL SELECT 'contacts', row_to_json(x) FROM contacts x WHERE x.organisation_id = $1 AND x.case_id IN (SELECT id FROM c) AND x.date >= $3::date AND x.date <= $4::date
   UNION ALL SELECT 'staff_members', row_to_json(x) FROM staff_members x WHERE x.organisation_id = $1 AND EXISTS (SELECT 1 FROM c)
   UNION ALL SELECT 'tasks', row_to_json(x) FROM tasks x WHERE x.organisation_id = $1 AND x.case_id IN (SELECT id FROM c) AND x.status = 'done'`,
);

export interface ClientMonthFiles {
  /** The client's row (camelCase keys), undefined when the organisation has no such client. */
  client: Row | undefined;
  /** The case files of the client's cases active in the period, by case id. */
  cases: StoredCase[];
  /** The period's entries of those cases as stored (notes included), by case, date, start and id. */
  entryRows: Row[];
  /** The period's contacts of those cases, by date and id. */
  contactRows: Row[];
}

/**
 * The same statement that also appends the read's audit entry (audit_appends, values $6–$16 in the order of
 * AUDIT_APPEND_COLUMNS), when the organisation has the client: the read and its entry in one round trip.
 */
const CLIENT_MONTH_AUDITED = namedStatement(
  "teilhabe_client_month_audited",
  CLIENT_MONTH.text.replace(
    /^WITH /,
    `WITH audited AS (
       INSERT INTO audit_appends (${AUDIT_APPEND_COLUMNS.join(", ")})
       SELECT ${AUDIT_APPEND_COLUMNS.map((_, index) => `$${index + 6}`).join(", ")} WHERE EXISTS (SELECT 1 FROM clients WHERE organisation_id = $1 AND id = $2)
     ), `,
  ),
);

export async function loadClientMonthFiles(
  executor: Executor,
  catalogue: Catalogue,
  query: { organisationId: string; clientId: string; from: string; to: string; auditAppend?: readonly unknown[] | undefined },
): Promise<ClientMonthFiles> {
  const { organisationId, clientId, from, to, auditAppend } = query;
  const statement = auditAppend ? CLIENT_MONTH_AUDITED : CLIENT_MONTH;
  const rows = await queryRows<{ t: string; r: Row | string }>(executor, statement, [organisationId, clientId, from, to, from, ...(auditAppend ?? [])]);
  const byTable = groupTaggedRows(rows);
  const rowsOf = (table: string) => byTable.get(table) ?? [];
  const caseRows = rowsOf("cases").sort((a, b) => compareText(a.id, b.id));
  const records = recordRowsOf(byTable);
  const entryRows = records.entryRows;
  const stored = caseRows.length > 0 ? await assembleCaseFiles(executor, catalogue, { organisationId, from, to }, caseRows, records) : [];
  const contactRows = rowsOf("contacts").sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
  return { client: records.clientRows[0], cases: stored, entryRows, contactRows };
}

/** The case files of the case rows from their records; cases that count volume over a longer period get their history. */
async function assembleCaseFiles(executor: Executor, catalogue: Catalogue, query: CaseFileQuery, caseRows: Row[], records: CaseRecordRows): Promise<StoredCase[]> {
  const { organisationId, from, to } = query;
  const { clientRows, instanceRows, payerRows, coverageRows, gesamtplanRows, hilfeplanRows, entryRows, absenceRows, consentRows, crisisRows, eventRows, accompanimentRows, staffRows, taskRows } = records;

  const clientsById = new Map(clientRows.map((row) => [row.id, row]));
  const instancesById = new Map(instanceRows.map((row) => [row.id as string, row as AgreementInstanceRow]));
  const payerNames = new Map(payerRows.map((row) => [row.id, row.name]));
  const coveragesByCase = groupByCase(coverageRows);
  const gesamtplansByCase = groupByCase(gesamtplanRows);
  const hilfeplansByCase = groupByCase(hilfeplanRows);
  const entryRowsByCase = groupByCase(entryRows);
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
      entries: records.entriesByCase ? (records.entriesByCase.get(caseRow.id) ?? []) : (entryRowsByCase.get(caseRow.id) ?? []).map(toServiceEntry),
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
