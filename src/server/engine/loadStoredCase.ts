/**
 * One case of the actor's organisation as the engine reads it: the case file assembled from the rows
 * (loadCaseFiles) and its resolved agreement. Unknown ids (or ids of another tenant) are 404; a case whose
 * agreement instance names an agreement the catalogue does not know is 409.
 */
import { and, eq } from "drizzle-orm";
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import { loadCaseFiles, type StoredCase } from "../../store/caseFiles.ts";
import { cases } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import { conflict, notFound } from "../problem.ts";

export type ResolvedCase = StoredCase & { agreement: Agreement };

export interface CaseWindow {
  /** Period the computation covers (billing: the billed period). */
  from: string;
  to: string;
  /** Read entries from this date (history for deadlines and volume); default: the loader's own choice. */
  entriesFrom?: string;
}

export interface CaseRow {
  id: string;
  clientId: string;
  agreementInstanceId: string;
  start: string;
  end: string | null;
}

/** The case row of the actor's organisation, or 404. */
export async function findCaseRow(scope: RequestScope, caseId: string): Promise<CaseRow> {
  const rows = await scope.tx
    .select({ id: cases.id, clientId: cases.clientId, agreementInstanceId: cases.agreementInstanceId, start: cases.start, end: cases.end })
    .from(cases)
    .where(and(eq(cases.organisationId, scope.actor.organisationId), eq(cases.id, caseId)))
    .limit(1);
  if (!rows[0]) throw notFound("Fall", caseId);
  return rows[0];
}

/** Ensures the case's agreement is known. */
export function requireAgreement(stored: StoredCase): ResolvedCase {
  if (!stored.agreement) throw conflict(`Die Vereinbarung „${stored.caseFile.agreement as string}“ des Falls ${stored.caseId} ist nicht geladen; keine Berechnung möglich`, { caseId: stored.caseId });
  return stored as ResolvedCase;
}

/**
 * Loads the case for a window. When the case is not active in the window (it starts after or ended before),
 * it is loaded over its own start so that the engine still answers (with nothing to bill or due).
 */
export async function loadStoredCase(scope: RequestScope, caseId: string, window: CaseWindow): Promise<ResolvedCase> {
  const row = await findCaseRow(scope, caseId);
  const query = { organisationId: scope.actor.organisationId, caseIds: [caseId], ...window };
  let loaded = await loadCaseFiles(scope.tx, scope.context.catalogue, query);
  if (loaded.length === 0) {
    const from = window.from < row.start ? window.from : row.start;
    const to = window.to > row.start ? window.to : row.start;
    loaded = await loadCaseFiles(scope.tx, scope.context.catalogue, { ...query, from, to, entriesFrom: window.entriesFrom ?? window.from });
  }
  if (!loaded[0]) throw notFound("Fall", caseId);
  return requireAgreement(loaded[0]);
}
