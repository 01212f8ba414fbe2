/**
 * Test and benchmark data for billing runs: the example case files (examples/*.json) imported into a provider's
 * store, each `copies` times under its own client and case ids ("F-A4-002#3"), with an agreement instance per
 * agreement the files name ("inst-A4"). Used by the billing tests and the crash test's child process.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { caseFileSchema, type CaseFile } from "../../domain/case/caseFileSchema.ts";
import { importCaseFile } from "../../store/importCaseFile.ts";
import { agreementInstances } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";

const EXAMPLES_FOLDER = fileURLToPath(new URL("../../../examples", import.meta.url));

export function readExampleCaseFiles(): Array<{ name: string; caseFile: CaseFile }> {
  return readdirSync(EXAMPLES_FOLDER)
    .filter((name) => name.endsWith(".json") && name !== "team.json")
    .sort()
    .map((name) => ({ name, caseFile: caseFileSchema.parse(JSON.parse(readFileSync(join(EXAMPLES_FOLDER, name), "utf8"))) }));
}

export function exampleInstanceId(agreementId: string): string {
  return `inst-${agreementId}`;
}

/** Imports every example `copies` times; returns the case ids it stored. */
export async function seedBillingExamples(executor: Executor, organisationId: string, copies = 1): Promise<string[]> {
  const examples = readExampleCaseFiles();
  const agreementIds = [...new Set(examples.map((example) => (typeof example.caseFile.agreement === "string" ? example.caseFile.agreement : example.caseFile.agreement.template)))];
  await executor
    .insert(agreementInstances)
    .values(agreementIds.map((agreementId) => ({ organisationId, id: exampleInstanceId(agreementId), agreementId })))
    .onConflictDoNothing();
  const caseIds: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const example of examples) {
      const suffix = copies === 1 ? "" : `#${copy}`;
      const caseFile: CaseFile = {
        ...example.caseFile,
        client: { ...example.caseFile.client, id: `${example.caseFile.client.id}${suffix}` },
        case: { ...example.caseFile.case, id: `${example.caseFile.case.id}${suffix}` },
      };
      const agreementId = typeof caseFile.agreement === "string" ? caseFile.agreement : caseFile.agreement.template;
      const { caseId } = await importCaseFile(executor, caseFile, { organisationId, agreementInstanceId: exampleInstanceId(agreementId) });
      caseIds.push(caseId);
    }
  }
  return caseIds;
}
