/** What a provider has in the store, in a few counts: shown when the server starts. */
import { count, eq, max, min } from "drizzle-orm";
import { absences, cases, clients, serviceEntries } from "../store/schema/index.ts";
import type { Executor } from "../store/store.ts";

export interface OrganisationSummary {
  clients: number;
  cases: number;
  entries: number;
  absences: number;
  /** Earliest and latest service-entry date, when there are entries. */
  firstEntryDate?: string;
  lastEntryDate?: string;
}

export async function summariseOrganisation(executor: Executor, organisationId: string): Promise<OrganisationSummary> {
  const [clientRows, caseRows, entryRows, absenceRows] = await Promise.all([
    executor.select({ value: count() }).from(clients).where(eq(clients.organisationId, organisationId)),
    executor.select({ value: count() }).from(cases).where(eq(cases.organisationId, organisationId)),
    executor.select({ value: count(), first: min(serviceEntries.date), last: max(serviceEntries.date) }).from(serviceEntries).where(eq(serviceEntries.organisationId, organisationId)),
    executor.select({ value: count() }).from(absences).where(eq(absences.organisationId, organisationId)),
  ]);
  const entries = entryRows[0];
  return {
    clients: clientRows[0]?.value ?? 0,
    cases: caseRows[0]?.value ?? 0,
    entries: entries?.value ?? 0,
    absences: absenceRows[0]?.value ?? 0,
    ...(entries?.first ? { firstEntryDate: entries.first } : {}),
    ...(entries?.last ? { lastEntryDate: entries.last } : {}),
  };
}
