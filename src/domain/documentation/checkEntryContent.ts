/**
 * M14 what an entry contains: the assistance type recorded and approved in the Gesamtplan (A1-R08 → WARN),
 * excluded service categories (A1-R12 guardianship tasks, A2-R08 other payers' services and work, A4-R31 →
 * BLOCK), and on-call duty only with an on-call agreement (A2-R11, P-A2-09 → BLOCK). Who may deliver an entry
 * (A1-R09) is checkStaffQualification.ts.
 */
import type { Finding } from "../results/explanation.ts";
import type { AssistanceTypeRule, ExcludedCategory, OnCall } from "./documentationParameters.ts";
import { entryFinding, matchTerm, type EntryContext } from "./entryContext.ts";

const ASSISTANCE_LABELS = { simple: "einfache Assistenz", qualified: "qualifizierte Assistenz" } as const;

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
