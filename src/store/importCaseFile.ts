/**
 * Writes a case file (the engine's input format) into the store as rows: the client, the case, and every
 * record under it. Used by the demo data, the benchmark generator and tests that compare the store's billing
 * with the file's. The inverse of loadCaseFiles (caseFiles.ts), up to ids: entry and cost-coverage ids are
 * prefixed with the case id ("K-1/E-001"), so that the same file can be imported for several cases.
 */
import { randomUUID } from "node:crypto";
import type { CaseFile } from "../domain/case/caseFileSchema.ts";
import { absences, accompaniments, caseEvents, cases, clients, consents, costCoverages, crises, gesamtplans, hilfeplans, serviceEntries, staffMembers, tasks } from "./schema/index.ts";
import type { Executor } from "./store.ts";

export interface ImportTarget {
  organisationId: string;
  agreementInstanceId: string;
  /** Reuse an existing client instead of creating one from `caseFile.client`. */
  clientId?: string;
}

const CHUNK = 2_000;

async function insertChunked<T>(executor: Executor, table: Parameters<Executor["insert"]>[0], rows: T[]): Promise<void> {
  for (let index = 0; index < rows.length; index += CHUNK) await executor.insert(table).values(rows.slice(index, index + CHUNK) as never);
}

/** Imports the case file and returns the ids it stored under. */
export async function importCaseFile(executor: Executor, caseFile: CaseFile, target: ImportTarget): Promise<{ clientId: string; caseId: string }> {
  const organisationId = target.organisationId;
  const { id: _clientId, name, birthDate, ...clientDetails } = caseFile.client;
  const clientId = target.clientId ?? caseFile.client.id;
  if (!target.clientId) await executor.insert(clients).values({ organisationId, id: clientId, name: name ?? clientId, birthDate: birthDate ?? null, details: clientDetails });
  const { id: caseId, start, end, payer, accessStatus, needGroups, ...caseDetails } = caseFile.case;
  await executor.insert(cases).values({
    organisationId,
    id: caseId,
    clientId,
    agreementInstanceId: target.agreementInstanceId,
    payerId: payer?.id ?? null,
    start,
    end: end ?? null,
    accessStatus,
    needGroups,
    details: {
      ...caseDetails,
      ...(Object.keys(caseFile.policies).length > 0 ? { policies: caseFile.policies } : {}),
      ...(Object.keys(caseFile.caseInputs).length > 0 ? { caseInputs: caseFile.caseInputs } : {}),
      ...(caseFile.volumeExcuses ? { volumeExcuses: caseFile.volumeExcuses } : {}),
      ...(caseFile.admissionExceptions ? { admissionExceptions: caseFile.admissionExceptions } : {}),
    },
  });
  const keyed = { organisationId, caseId };
  await insertChunked(
    executor,
    costCoverages,
    caseFile.costCoverages.map((coverage) => ({ ...keyed, ...coverage, id: `${caseId}/${coverage.id}`, payerId: payer?.id ?? null })),
  );
  await insertChunked(executor, gesamtplans, caseFile.gesamtplans.map((plan) => ({ ...keyed, id: randomUUID(), ...plan })));
  await insertChunked(executor, hilfeplans, caseFile.hilfeplans.map((plan) => ({ ...keyed, id: randomUUID(), ...plan })));
  await insertChunked(
    executor,
    serviceEntries,
    caseFile.entries.map((entry) => ({ ...keyed, ...entry, id: entry.id ? `${caseId}/${entry.id}` : randomUUID() })),
  );
  await insertChunked(executor, absences, caseFile.absences.map((absence) => ({ ...keyed, id: randomUUID(), ...absence })));
  await insertChunked(executor, consents, caseFile.payerConsents.map((consent) => ({ ...keyed, id: randomUUID(), party: "payer", ...consent })));
  await insertChunked(executor, crises, caseFile.crises.map((crisis) => ({ ...keyed, id: randomUUID(), ...crisis })));
  await insertChunked(executor, caseEvents, caseFile.events.map((event) => ({ ...keyed, id: randomUUID(), ...event })));
  await insertChunked(executor, accompaniments, caseFile.accompaniment.map((item) => ({ ...keyed, id: randomUUID(), ...item })));
  await insertChunked(
    executor,
    tasks,
    (caseFile.completedTasks ?? []).map((task) => ({ ...keyed, id: randomUUID(), taskType: task.taskType, title: task.taskType, status: "done" as const, completedOn: task.date, anchorDate: task.anchorDate ?? null, note: task.note ?? null })),
  );
  // The staff a file names belong to the provider: recorded once, an existing staff member is kept as it is.
  if (caseFile.staff.length > 0)
    await executor
      .insert(staffMembers)
      .values(caseFile.staff.map((member) => ({ organisationId, id: member.id, name: member.name ?? member.id, qualifications: member.qualifications })))
      .onConflictDoNothing();
  return { clientId, caseId };
}
