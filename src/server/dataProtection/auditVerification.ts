/**
 * Verifies the stored audit trail of one organisation or of all: reads the chain in sequence order (in batches,
 * so a long trail does not have to fit in memory), checks every entry against its predecessor with the chain's
 * own hash (auditChain.ts), and compares the last entry with the chain head (`audit_chain_heads`), so that a
 * removed tail is found too, and a chain rehashed from some entry on does not match the head any more.
 * The result names the first broken entry with its sequence and what is wrong.
 */
import { and, asc, eq, gt, lte, max, sql } from "drizzle-orm";
import { computeAuditHash, GENESIS_HASH, type AuditBreak, type AuditEntry } from "../access/auditChain.ts";
import { auditChainHeads, auditEntries } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";

export type AuditProblem = AuditBreak["problem"] | "headMismatch";

export interface AuditChainReport {
  organisationId: string;
  /** Entries read. */
  entryCount: number;
  /** Sequence and hash the head records (0 when there is no head). */
  headSequence: number;
  intact: boolean;
  /** The first broken entry. */
  firstBreak?: { sequence: number; problem: AuditProblem; message: string };
  message: string;
}

const BATCH = 5_000;

/** The first problem of one entry after its predecessor (same checks and messages as verifyAuditChain). */
function checkEntry(entry: AuditEntry, expectedSequence: number, previousHash: string): AuditChainReport["firstBreak"] {
  if (entry.sequence !== expectedSequence) {
    return { sequence: expectedSequence, problem: "missing", message: `Protokolleintrag ${expectedSequence} fehlt (gelöscht?); der nächste vorhandene ist ${entry.sequence}` };
  }
  if (entry.previousHash !== previousHash) return { sequence: entry.sequence, problem: "relinked", message: `Protokolleintrag ${entry.sequence} verweist nicht auf seinen Vorgänger` };
  if (computeAuditHash(entry.previousHash, entry) !== entry.hash) return { sequence: entry.sequence, problem: "changed", message: `Protokolleintrag ${entry.sequence} wurde verändert` };
  return undefined;
}

async function readHead(executor: Executor, organisationId: string): Promise<{ sequence: number; hash: string } | undefined> {
  const [head] = await executor.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId));
  return head;
}

/**
 * Reads the head first and the chain up to the head's sequence, so that entries appended meanwhile (each
 * commits together with its head move) are not mistaken for entries past the head; only entries beyond a head
 * read again afterwards are.
 */
export async function verifyStoredAuditChain(executor: Executor, organisationId: string): Promise<AuditChainReport> {
  const head = await readHead(executor, organisationId);
  const headSequence = head?.sequence ?? 0;
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let entryCount = 0;
  let firstBreak: AuditChainReport["firstBreak"];
  for (;;) {
    const rows = await executor
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.organisationId, organisationId), gt(auditEntries.sequence, expectedSequence - 1), lte(auditEntries.sequence, headSequence)))
      .orderBy(asc(auditEntries.sequence))
      .limit(BATCH);
    for (const row of rows) {
      entryCount++;
      firstBreak = checkEntry({ ...row, clientId: row.clientId, reason: row.reason }, expectedSequence, previousHash);
      if (firstBreak) break;
      previousHash = row.hash;
      expectedSequence++;
    }
    if (firstBreak || rows.length < BATCH) break;
  }
  const lastSequence = expectedSequence - 1;
  if (!firstBreak && lastSequence < headSequence) {
    firstBreak = {
      sequence: lastSequence + 1,
      problem: "missing",
      message:
        lastSequence + 1 === headSequence
          ? `Protokolleintrag ${headSequence} fehlt (gelöscht?): das Protokoll endet mit Eintrag ${lastSequence}, sein Kopf nennt ${headSequence}`
          : `Protokolleinträge ${lastSequence + 1}–${headSequence} fehlen (gelöscht?): das Protokoll endet mit Eintrag ${lastSequence}, sein Kopf nennt ${headSequence}`,
    };
  } else if (!firstBreak && head && lastSequence > 0 && head.hash !== previousHash) {
    firstBreak = { sequence: lastSequence, problem: "headMismatch", message: `Protokolleintrag ${lastSequence} passt nicht zum Kopf des Protokolls (Kette neu berechnet?)` };
  }
  if (!firstBreak) {
    const [beyond] = await executor
      .select({ sequence: max(auditEntries.sequence) })
      .from(auditEntries)
      .where(and(eq(auditEntries.organisationId, organisationId), gt(auditEntries.sequence, headSequence)));
    const headNow = (await readHead(executor, organisationId))?.sequence ?? 0;
    if (beyond?.sequence != null && beyond.sequence > headNow) {
      firstBreak = { sequence: headNow + 1, problem: "headMismatch", message: `Protokolleintrag ${headNow + 1} steht hinter dem Kopf des Protokolls (Kopf nennt ${headNow}); am Kopf vorbei angefügt` };
    }
  }
  const intact = firstBreak === undefined;
  return {
    organisationId,
    entryCount,
    headSequence,
    intact,
    ...(firstBreak ? { firstBreak } : {}),
    message: intact ? `Protokoll unverändert: ${entryCount} ${entryCount === 1 ? "Eintrag" : "Einträge"}` : `Protokoll verändert: ${firstBreak!.message}`,
  };
}

/** Every organisation that has an audit trail (a head or entries). */
export async function listAuditedOrganisations(executor: Executor): Promise<string[]> {
  const result = (await executor.execute(
    sql`SELECT organisation_id FROM audit_chain_heads UNION SELECT DISTINCT organisation_id FROM audit_entries ORDER BY 1`,
  )) as unknown as { rows: Array<{ organisation_id: string }> };
  return result.rows.map((row) => row.organisation_id);
}
