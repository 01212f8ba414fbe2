/**
 * The need group (Hilfebedarfsgruppe) of a person on a date, as assigned in the Gesamtplan (case.needGroups);
 * never derived from hours (D08).
 */
import type { CaseFile } from "./caseFileSchema.ts";

export function findNeedGroupOnDate(caseFile: CaseFile, isoDate: string): number | undefined {
  let found: number | undefined;
  for (const assignment of caseFile.case.needGroups) {
    if (assignment.from <= isoDate && (assignment.to === undefined || isoDate <= assignment.to)) found = assignment.group;
  }
  return found;
}
