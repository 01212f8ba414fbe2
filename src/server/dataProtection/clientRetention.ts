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
import { loadCaseFiles } from "../../store/caseFiles.ts";
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

export async function computeClientRetention(executor: Executor, catalogue: Catalogue, organisationId: string, clientId: string, asOf: string): Promise<ClientRetention> {
  const rows = await executor
    .select({ id: cases.id, start: cases.start, end: cases.end })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.clientId, clientId)))
    .orderBy(cases.id);
  if (rows.length === 0) {
    return { clientId, asOf, status: "noCases", retainUntil: null, decidingCase: null, cases: [], message: "Die Person hat keine Fälle; keine Aufbewahrungsfrist aus einer Vereinbarung" };
  }
  const from = rows.map((row) => row.start).sort()[0]!;
  const to = rows.map((row) => row.end ?? (row.start > asOf ? row.start : asOf)).sort().at(-1)!;
  const loaded = await loadCaseFiles(executor, catalogue, { organisationId, from, to, caseIds: rows.map((row) => row.id), entriesFrom: to });
  const byId = new Map(loaded.map((stored) => [stored.caseId, stored]));

  const caseRetentions: CaseRetention[] = rows.map((row) => {
    const stored = byId.get(row.id);
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
  });

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
