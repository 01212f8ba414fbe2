/**
 * M14 / M13 who may deliver an entry (A1-R09, § 3.1.2; X-R02):
 *   qualified assistance (§ 78 Abs. 2 Nr. 2 SGB IX): „werden ausschließlich Fachkräfte eingesetzt“ → BLOCK
 *     when the staff member is not skilled;
 *   simple assistance (§ 78 Abs. 2 Nr. 1): the payer decides the level per person in the Gesamtplan
 *     („über die Qualifikation des einzusetzenden Personals (Fachkräfte / sonstige Assistenzkräfte)“); it is
 *     read from the case input named in the data ("skilled" | "other"); "skilled" and a staff member who is not
 *     skilled → WARN. Not recorded → no check.
 * Skilled status comes from the agreement's one qualification catalogue (staffing section) through
 * classifyQualification, evaluated on the entry's date; there is no second list in the documentation section.
 */
import type { Finding } from "../results/explanation.ts";
import { classifyQualification, type QualificationClassification } from "../staffing/classifyQualification.ts";
import type { QualifiedAssistance, SimpleAssistanceQualification } from "./documentationParameters.ts";
import { entryFinding, type EntryContext } from "./entryContext.ts";

type StaffStanding =
  | { kind: "noStaffId" }
  | { kind: "unknownStaff"; staffId: string }
  | { kind: "classified"; staffId: string; name: string; qualifications: string[]; skilled: boolean; held?: QualificationClassification; decisive?: QualificationClassification };

/** Classifies the entry's staff member under the entry's agreement on the entry's date (X-R02). */
function classifyEntryStaff(context: EntryContext): StaffStanding {
  const staffId = context.entry.staffId;
  if (staffId === undefined || staffId.trim().length === 0) return { kind: "noStaffId" };
  const member = context.caseFile.staff.find((staff) => staff.id === staffId);
  if (member === undefined) return { kind: "unknownStaff", staffId };
  const classifications = member.qualifications.map((qualification) => classifyQualification(context.agreement, qualification, { asOf: context.entry.date }));
  const skilled = classifications.find((item) => item.status === "skilled");
  const held = classifications.find((item) => item.status === "held");
  const decisive = skilled ?? held ?? classifications[0];
  return {
    kind: "classified",
    staffId,
    name: member.name ?? member.id,
    qualifications: member.qualifications,
    skilled: skilled !== undefined,
    ...(skilled === undefined && held !== undefined ? { held } : {}),
    ...(decisive !== undefined ? { decisive } : {}),
  };
}

function describeQualifications(qualifications: readonly string[]): string {
  return qualifications.length > 0 ? qualifications.join(", ") : "keine Qualifikation erfasst";
}

function classificationDetails(standing: Extract<StaffStanding, { kind: "classified" }>): Record<string, unknown> {
  return {
    staffId: standing.staffId,
    qualifications: standing.qualifications,
    ...(standing.decisive ? { classification: { status: standing.decisive.status, basis: standing.decisive.basis, label: standing.decisive.label } } : {}),
  };
}

export function checkQualifiedAssistance(rule: QualifiedAssistance, context: EntryContext): Finding[] {
  if (context.entry.assistanceType !== "qualified") return [];
  const standing = classifyEntryStaff(context);
  if (standing.kind === "noStaffId") {
    return [entryFinding(context, rule, "hold", "qualifiedAssistanceStaffMissing", "Qualifizierte Assistenz ohne Angabe der Mitarbeiterin / des Mitarbeiters: Fachkraft nicht prüfbar.")];
  }
  if (standing.kind === "unknownStaff") {
    return [entryFinding(context, rule, "hold", "qualifiedAssistanceStaffUnknown", `Mitarbeiter:in „${standing.staffId}“ ist nicht erfasst: Fachkraft nicht prüfbar.`, { staffId: standing.staffId })];
  }
  if (standing.skilled) return [];
  if (standing.held) {
    return [entryFinding(context, rule, "hold", "qualifiedAssistanceStaffNotClassifiable", `Qualifizierte Assistenz: Fachkraft-Status von ${standing.name} nicht prüfbar. ${standing.held.message}.`, classificationDetails(standing))];
  }
  return [
    entryFinding(
      context,
      rule,
      rule.onUnskilled,
      "qualifiedAssistanceByUnskilledStaff",
      `Qualifizierte Assistenz wird ausschließlich von Fachkräften erbracht; ${standing.name} (${describeQualifications(standing.qualifications)}) gilt in dieser Vereinbarung nicht als Fachkraft.`,
      classificationDetails(standing),
    ),
  ];
}

export function checkSimpleAssistanceQualification(rule: SimpleAssistanceQualification, context: EntryContext): Finding[] {
  if (context.entry.assistanceType !== "simple") return [];
  const required = context.caseFile.caseInputs[rule.caseInput];
  if (required === undefined || required === null || required === "") return [];
  if (required !== "skilled" && required !== "other") {
    return [
      entryFinding(context, rule, "warn", "requiredQualificationInvalid", `Eingabe „${rule.caseInput}“ im Fall hat keinen gültigen Wert (erwartet „skilled“ für Fachkraft oder „other“ für sonstige Assistenzkraft).`, {
        caseInput: rule.caseInput,
      }),
    ];
  }
  if (required === "other") return [];
  const standing = classifyEntryStaff(context);
  const details = { caseInput: rule.caseInput, requiredQualification: required };
  if (standing.kind === "noStaffId") {
    return [entryFinding(context, rule, "hold", "simpleAssistanceStaffMissing", "Einfache Assistenz ohne Angabe der Mitarbeiterin / des Mitarbeiters: der Gesamtplan sieht eine Fachkraft vor, nicht prüfbar.", details)];
  }
  if (standing.kind === "unknownStaff") {
    return [entryFinding(context, rule, "hold", "simpleAssistanceStaffUnknown", `Mitarbeiter:in „${standing.staffId}“ ist nicht erfasst: Fachkraft laut Gesamtplan nicht prüfbar.`, { ...details, staffId: standing.staffId })];
  }
  if (standing.skilled) return [];
  if (standing.held) {
    return [entryFinding(context, rule, "hold", "simpleAssistanceStaffNotClassifiable", `Einfache Assistenz: Fachkraft-Status von ${standing.name} nicht prüfbar. ${standing.held.message}.`, { ...details, ...classificationDetails(standing) })];
  }
  return [
    entryFinding(
      context,
      rule,
      rule.onMismatch,
      "simpleAssistanceQualificationMismatch",
      `Der Gesamtplan sieht für die einfache Assistenz eine Fachkraft vor; ${standing.name} (${describeQualifications(standing.qualifications)}) gilt in dieser Vereinbarung nicht als Fachkraft.`,
      { ...details, ...classificationDetails(standing) },
    ),
  ];
}
