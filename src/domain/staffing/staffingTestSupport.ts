/// <reference types="vite/client" />
/**
 * Test support for the staffing mechanisms (used by *.test.ts only): each agreement is built from its real
 * header (agreement.yaml) and the shipped staffing.yaml, validated with the full agreement schema. Inputs are
 * filled only with values marked as examples (TEST FIXTURES, never agreement values). Team files are built
 * through the real team-file schema.
 */
import { parse as parseYaml } from "yaml";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { fillAgreementInputs, validateAgreementParts } from "../agreement/resolveAgreement.ts";
import { formatIssue } from "../agreement/validationIssue.ts";
import { teamFileSchema, type StaffMemberInput, type TeamFile, type TeamFileInput } from "./teamFileSchema.ts";
import a0Header from "../../../agreements/A0-sachsen-begleitete-elternschaft/agreement.yaml?raw";
import a0Staffing from "../../../agreements/A0-sachsen-begleitete-elternschaft/staffing.yaml?raw";
import a1Header from "../../../agreements/A1-niedersachsen-assistenz-wohnen/agreement.yaml?raw";
import a1Staffing from "../../../agreements/A1-niedersachsen-assistenz-wohnen/staffing.yaml?raw";
import a2Header from "../../../agreements/A2-bremen-rahmen-kognitive-beeintraechtigung/agreement.yaml?raw";
import a2Staffing from "../../../agreements/A2-bremen-rahmen-kognitive-beeintraechtigung/staffing.yaml?raw";
import a3Header from "../../../agreements/A3-niedersachsen-zuverdienst/agreement.yaml?raw";
import a3Staffing from "../../../agreements/A3-niedersachsen-zuverdienst/staffing.yaml?raw";
import a4Header from "../../../agreements/A4-bremen-intensivpaedagogisch/agreement.yaml?raw";
import a4Staffing from "../../../agreements/A4-bremen-intensivpaedagogisch/staffing.yaml?raw";

export type AgreementKey = "A0" | "A1" | "A2" | "A3" | "A4";

export const STAFFING_TEXTS: Record<AgreementKey, { header: string; staffing: string }> = {
  A0: { header: a0Header, staffing: a0Staffing },
  A1: { header: a1Header, staffing: a1Staffing },
  A2: { header: a2Header, staffing: a2Staffing },
  A3: { header: a3Header, staffing: a3Staffing },
  A4: { header: a4Header, staffing: a4Staffing },
};

const cache = new Map<AgreementKey, Agreement>();

/** The agreement as shipped: header + staffing section, validated. Throws with the validation issues. */
export function loadStaffingAgreement(key: AgreementKey): Agreement {
  const cached = cache.get(key);
  if (cached) return cached;
  const texts = STAFFING_TEXTS[key];
  const result = validateAgreementParts([
    { file: `${key}/agreement.yaml`, data: parseYaml(texts.header) },
    { file: `${key}/staffing.yaml`, data: parseYaml(texts.staffing) },
  ]);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  cache.set(key, result.agreement);
  return result.agreement;
}

/** The agreement with inputs filled by TEST FIXTURE values (marked example). */
export function agreementWithInputs(key: AgreementKey, values: Record<string, unknown> = {}): Agreement {
  const filled = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, example: true }]));
  return fillAgreementInputs(loadStaffingAgreement(key), filled);
}

/** A team file through the real schema; defaults: organisation "Testträger", asOf 2026-03-01. */
export function buildTeam(input: Partial<TeamFileInput> & { agreements: string[] }): TeamFile {
  return teamFileSchema.parse({ asOf: "2026-03-01", organisation: { name: "Testträger" }, ...input });
}

/** A staff member with contracted FTE (decimal text) and one qualification. */
export function member(id: string, fullTimeEquivalents: string, qualification: string | undefined, extra: Partial<StaffMemberInput> = {}): StaffMemberInput {
  return { id, fullTimeEquivalents, qualifications: qualification ? [qualification] : [], ...extra };
}
