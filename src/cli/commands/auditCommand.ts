/**
 * `teilhabe audit verify [--organisation ID] [--json]`: verifies the stored audit trail (embedded data folder or
 * DATABASE_URL) of one organisation, or of every organisation that has one: each chain in sequence order, its
 * last entry against the chain head, so that a changed, a deleted or a removed last entry is found. Prints
 * "Protokoll unverändert: N Einträge" (exit 0) or the first broken entry with its sequence and what is wrong
 * (exit 1).
 */
import type { Command } from "commander";
import { listAuditedOrganisations, verifyStoredAuditChain, type AuditChainReport } from "../../server/dataProtection/auditVerification.ts";
import { openStore, storeOptionsFromEnvironment } from "../../store/store.ts";

export interface AuditVerification {
  intact: boolean;
  organisations: AuditChainReport[];
}

export async function runAuditVerify(options: { organisation?: string }): Promise<AuditVerification> {
  const store = await openStore(storeOptionsFromEnvironment());
  try {
    const organisationIds = options.organisation ? [options.organisation] : await listAuditedOrganisations(store.db);
    const organisations: AuditChainReport[] = [];
    for (const organisationId of organisationIds) organisations.push(await verifyStoredAuditChain(store.db, organisationId));
    return { intact: organisations.every((report) => report.intact), organisations };
  } finally {
    await store.close();
  }
}

export function renderAuditVerification(verification: AuditVerification, single: boolean): string {
  if (verification.organisations.length === 0) return "Protokoll unverändert: 0 Einträge (kein Protokoll vorhanden)";
  return verification.organisations
    .map((report) => {
      const line = report.intact ? report.message : `Protokoll verändert: Eintrag ${report.firstBreak!.sequence}: ${report.firstBreak!.message}`;
      return single ? line : `${report.organisationId}: ${line}`;
    })
    .join("\n");
}

export function registerAuditCommand(program: Command, write: (text: string) => void): void {
  const audit = program.command("audit").description("Zugriffsprotokoll (Audit-Trail)");
  audit
    .command("verify")
    .description("Hash-Kette des Protokolls prüfen; nennt den ersten veränderten oder fehlenden Eintrag (Exit-Code 1)")
    .option("--organisation <id>", "nur diese Organisation (Standard: jede mit Protokoll)")
    .option("--json", "exaktes JSON")
    .action(async (options: { organisation?: string; json?: boolean }) => {
      const verification = await runAuditVerify(options);
      write(options.json ? `${JSON.stringify(verification, null, 2)}\n` : `${renderAuditVerification(verification, options.organisation !== undefined)}\n`);
      if (!verification.intact) process.exitCode = 1;
    });
}
