/**
 * Retention of a client's documentation (M15, D29) over all the client's cases: each case is kept for the
 * duration of the service and 5 years after its end (A1-R19 § 3.2.3, A3-R29 § 5.2.3, computed by the engine's
 * `computeRetention`). An agreement that states no period (A0, A2, A4) falls back to decision D29 itself
 * ("Deletion is blocked until end of service + 5 years"), so that no case can be deleted early for want of a
 * clause. The client's data may be deleted only when every case has ended and the latest retention has run out.
 */
import { and, eq } from "drizzle-orm";
import { endOfPeriodAfterEvent } from "../../domain/calendar/bgbPeriod.ts";
import { compareDates, formatGermanDate, formatIsoDate, parseDate } from "../../domain/calendar/calendarDate.ts";
import { resolvePolicy } from "../../domain/policy/decisions.ts";
import { explain, type Explanation } from "../../domain/results/explanation.ts";
import { computeRetention } from "../../domain/retention/retention.ts";
import { loadCaseFiles, type StoredCase } from "../../store/caseFiles.ts";
import { cases } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import type { Catalogue } from "../../catalogue/agreementCatalogue.ts";

export interface CaseRetention {
  caseId: string;
  agreementId: string | null;
  start: string;
  /** End of service; null while the case is open. */
  serviceEnd: string | null;
  /** Last day to keep the documentation; null while the case is open. */
  retainUntil: string | null;
  /** True when the period comes from decision D29 because the agreement states none. */
  fromDecision: boolean;
  message: string;
  explanation: Explanation;
}

export type ClientRetentionStatus =
  /** The client has no case: nothing to keep under an agreement. */
  | "noCases"
  /** A case is open: deletion blocked. */
  | "caseOpen"
  /** A retention period still runs on `asOf`: deletion blocked. */
  | "retained"
  /** Every period has ended: deletion review, then deletion. */
  | "ended";

export interface ClientRetention {
  clientId: string;
  asOf: string;
  status: ClientRetentionStatus;
  /** The latest retention end over all cases (null while a case is open or without cases). */
  retainUntil: string | null;
  /** The case that decides: the open one, or the one whose retention ends last. */
  decidingCase: CaseRetention | null;
  cases: CaseRetention[];
  /** German summary naming the date and the rule. */
  message: string;
}

/** Where decision D29 is written down (the fallback for agreements without a retention clause). */
export const D29_SOURCE = { file: "decisions.md", clause: "D29", quote: "Deletion is blocked until end of service + 5 years; afterwards a deletion-review task, never automatic deletion." };

/** "A3-R29, 003_ff97f79a5ff20350.txt § 5.2.3" */
export function describeRule(explanation: Explanation): string {
  return `${explanation.ruleId}, ${explanation.source.file} ${explanation.source.clause}`;
}

interface CaseRow {
  id: string;
  clientId: string;
  start: string;
  end: string | null;
}

/** One client's retention on `asOf`. */
export async function computeClientRetention(executor: Executor, catalogue: Catalogue, organisationId: string, clientId: string, asOf: string): Promise<ClientRetention> {
  const retentions = await computeClientRetentions(executor, catalogue, organisationId, asOf, { clientId });
  return retentions.get(clientId) ?? { clientId, asOf, status: "noCases", retainUntil: null, decidingCase: null, cases: [], message: "Die Person hat keine Fälle; keine Aufbewahrungsfrist aus einer Vereinbarung" };
}

/**
 * The retention of the clients with cases (one client, or every client of the organisation) on `asOf`: the case
 * files of all of them are assembled in one pass (loadCaseFiles), not client by client. With `skipOpen`,
 * clients with an open case are left out before anything is loaded (the deletion review needs only the others).
 */
export async function computeClientRetentions(
  executor: Executor,
  catalogue: Catalogue,
  organisationId: string,
  asOf: string,
  options: { clientId?: string; skipOpen?: boolean } = {},
): Promise<Map<string, ClientRetention>> {
  const conditions = [eq(cases.organisationId, organisationId)];
  if (options.clientId !== undefined) conditions.push(eq(cases.clientId, options.clientId));
  const allRows: CaseRow[] = await executor
    .select({ id: cases.id, clientId: cases.clientId, start: cases.start, end: cases.end })
    .from(cases)
    .where(and(...conditions))
    .orderBy(cases.clientId, cases.id);
  const byClient = new Map<string, CaseRow[]>();
  for (const row of allRows) byClient.set(row.clientId, [...(byClient.get(row.clientId) ?? []), row]);
  if (options.skipOpen) for (const [clientId, rows] of byClient) if (rows.some((row) => row.end === null)) byClient.delete(clientId);
  const rows = [...byClient.values()].flat();
  const result = new Map<string, ClientRetention>();
  if (rows.length === 0) return result;

  const from = rows.map((row) => row.start).sort()[0]!;
  const to = rows.map((row) => row.end ?? (row.start > asOf ? row.start : asOf)).sort().at(-1)!;
  const loaded = await loadCaseFiles(executor, catalogue, { organisationId, from, to, caseIds: rows.map((row) => row.id), entriesFrom: to });
  const storedById = new Map(loaded.map((stored) => [stored.caseId, stored]));
  for (const [clientId, clientRows] of byClient) {
    result.set(
      clientId,
      summariseClientRetention(
        clientId,
        asOf,
        clientRows.map((row) => computeCaseRetention(row, storedById.get(row.id))),
      ),
    );
  }
  return result;
}

function computeCaseRetention(row: CaseRow, stored: StoredCase | undefined): CaseRetention {
  const agreement = stored?.agreement;
  const retention = agreement && stored ? computeRetention(agreement, stored.caseFile) : undefined;
  if (retention?.applies) {
    return { caseId: row.id, agreementId: agreement!.id, start: row.start, serviceEnd: retention.serviceEnd, retainUntil: retention.retainUntil, fromDecision: false, message: retention.message, explanation: retention.explanation };
  }
  const policy = resolvePolicy("D29", agreement?.policies, stored?.caseFile.policies);
  const explanation = explain("D29", D29_SOURCE, [policy]);
  if (row.end === null) {
    return { caseId: row.id, agreementId: agreement?.id ?? null, start: row.start, serviceEnd: null, retainUntil: null, fromDecision: true, message: "Leistung nicht beendet; Löschung gesperrt (D29)", explanation };
  }
  const until = endOfPeriodAfterEvent(parseDate(row.end), { years: 5 });
  return {
    caseId: row.id,
    agreementId: agreement?.id ?? null,
    start: row.start,
    serviceEnd: row.end,
    retainUntil: formatIsoDate(until),
    fromDecision: true,
    message: `Die Vereinbarung nennt keine Aufbewahrungsfrist; nach D29 aufbewahren bis ${formatGermanDate(until)} (Ende ${formatGermanDate(parseDate(row.end))} + 5 Jahre)`,
    explanation,
  };
}

function summariseClientRetention(clientId: string, asOf: string, caseRetentions: CaseRetention[]): ClientRetention {
  const open = caseRetentions.find((retention) => retention.retainUntil === null);
  if (open) {
    return {
      clientId,
      asOf,
      status: "caseOpen",
      retainUntil: null,
      decidingCase: open,
      cases: caseRetentions,
      message: `Löschung gesperrt: der Fall ${open.caseId} ist nicht beendet; die Aufbewahrungsfrist (${describeRule(open.explanation)}) beginnt erst mit seinem Ende`,
    };
  }
  const latest = [...caseRetentions].sort((a, b) => compareDates(parseDate(a.retainUntil!), parseDate(b.retainUntil!))).at(-1)!;
  const until = parseDate(latest.retainUntil!);
  if (compareDates(parseDate(asOf), until) <= 0) {
    return {
      clientId,
      asOf,
      status: "retained",
      retainUntil: latest.retainUntil,
      decidingCase: latest,
      cases: caseRetentions,
      message: `Löschung gesperrt: die Dokumentation des Falls ${latest.caseId} ist bis ${formatGermanDate(until)} aufzubewahren (${describeRule(latest.explanation)}); Löschprüfung ab ${formatGermanDate(until.add({ days: 1 }))}`,
    };
  }
  return {
    clientId,
    asOf,
    status: "ended",
    retainUntil: latest.retainUntil,
    decidingCase: latest,
    cases: caseRetentions,
    message: `Aufbewahrungsfrist endete am ${formatGermanDate(until)} (Fall ${latest.caseId}, ${describeRule(latest.explanation)}): Löschung prüfen, andere Aufbewahrungspflichten beachten`,
  };
}
