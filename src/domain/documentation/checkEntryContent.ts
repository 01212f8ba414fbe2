/**
 * M14 what an entry contains and who delivered it: qualified assistance (§ 78 Abs. 2 Nr. 2 SGB IX) only by
 * staff with a qualification on the agreement's skilled list (A1-R09, § 3.1.2 → BLOCK; X-R02 per agreement),
 * the assistance type recorded and approved in the Gesamtplan (A1-R08 → WARN), excluded service categories
 * (A1-R12 guardianship tasks, A2-R08 other payers' services and work, A4-R31 → BLOCK), and on-call duty only
 * with an on-call agreement (A2-R11, P-A2-09 → BLOCK).
 */
import type { Finding } from "../results/explanation.ts";
import { includesName } from "../admission/inputValueReaders.ts";
import type { AssistanceTypeRule, ExcludedCategory, OnCall, QualifiedAssistance } from "./documentationParameters.ts";
import { entryFinding, matchTerm, type EntryContext } from "./entryContext.ts";

const ASSISTANCE_LABELS = { simple: "einfache Assistenz", qualified: "qualifizierte Assistenz" } as const;

export function checkQualifiedAssistance(rule: QualifiedAssistance, context: EntryContext): Finding[] {
  if (context.entry.assistanceType !== "qualified") return [];
  const staffId = context.entry.staffId;
  if (staffId === undefined) {
    return [entryFinding(context, rule, "hold", "qualifiedAssistanceStaffMissing", "Qualifizierte Assistenz ohne Angabe der Mitarbeiterin / des Mitarbeiters: Fachkraft nicht prüfbar.")];
  }
  const member = context.caseFile.staff.find((staff) => staff.id === staffId);
  if (member === undefined) {
    return [entryFinding(context, rule, "hold", "qualifiedAssistanceStaffUnknown", `Mitarbeiter:in „${staffId}“ ist nicht erfasst: Fachkraft nicht prüfbar.`, { staffId })];
  }
  const skilled = member.qualifications.filter((qualification) => includesName(rule.skilledQualifications, qualification));
  if (skilled.length > 0) return [];
  const name = member.name ?? member.id;
  const held = member.qualifications.length > 0 ? member.qualifications.join(", ") : "keine Qualifikation erfasst";
  return [
    entryFinding(context, rule, rule.onUnskilled, "qualifiedAssistanceByUnskilledStaff", `Qualifizierte Assistenz wird ausschließlich von Fachkräften erbracht; ${name} (${held}) gilt in dieser Vereinbarung nicht als Fachkraft.`, {
      staffId,
      qualifications: member.qualifications,
    }),
  ];
}

export function checkAssistanceType(rule: AssistanceTypeRule, context: EntryContext): Finding[] {
  const { entry } = context;
  if (entry.timeKind !== "direct") return [];
  if (entry.assistanceType === undefined) {
    return rule.required ? [entryFinding(context, rule, rule.onMissing, "assistanceTypeMissing", "Direkte Leistung ohne Assistenzart (einfache oder qualifizierte Assistenz).")] : [];
  }
  const approved = context.caseFile.case.approvedAssistanceTypes;
  if (!rule.mustBeApproved || approved.includes(entry.assistanceType)) return [];
  const approvedText = approved.length > 0 ? approved.map((type) => ASSISTANCE_LABELS[type]).join(", ") : "keine erfasst";
  return [
    entryFinding(context, rule, rule.onNotApproved, "assistanceTypeNotApproved", `${ASSISTANCE_LABELS[entry.assistanceType]} ist im Gesamtplan nicht zugeordnet (zugeordnet: ${approvedText}).`, {
      assistanceType: entry.assistanceType,
    }),
  ];
}

export function checkExcludedCategory(rule: ExcludedCategory, context: EntryContext): Finding[] {
  const term = matchTerm(context.entry.category, rule.terms);
  if (term === undefined) return [];
  return [entryFinding(context, rule, rule.onMatch, "excludedCategory", `Leistungsart „${context.entry.category}“ gehört nicht zu den Leistungen dieser Vereinbarung (${term}).`, { term })];
}

export function checkOnCall(rule: OnCall, context: EntryContext): Finding[] {
  if (matchTerm(context.entry.category, rule.terms) === undefined) return [];
  const lookup = context.inputs.lookup(rule.agreement.input);
  if (lookup.found && lookup.value !== false) return [];
  const why = lookup.found ? `Eingabe ${rule.agreement.input}: keine Vereinbarung` : context.inputs.describeMissing(rule.agreement.input);
  return [entryFinding(context, rule, rule.onMissing, "onCallWithoutAgreement", `Rufbereitschaft ist ohne gesonderte Vereinbarung nicht abrechenbar (${why}).`)];
}
