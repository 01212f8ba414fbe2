/**
 * M06 regional priority: one ranking of areas by residence, never an exclusion (§ 104 SGB IX, Wunschrecht).
 *   A1-R05 § 1.2 „richtet sich vorrangig an leistungsberechtigte Personen aus dem/der …“ (P-A1-02): priority 1;
 *   A3-R07 § 2.2 „vorrangig im Gebiet des örtlichen Trägers … und in den angrenzenden Gebieten …“: the primary
 *   area (P-A3-08) gives priority 1, the adjacent areas (P-A3-09) priority 2, any other residence no priority.
 * The check gives exactly one info finding: the best (lowest-numbered) area that contains the residence, no
 * priority, or why the priority cannot be determined (residence not recorded, an area input not filled).
 */
import type { Finding } from "../results/explanation.ts";
import type { AdmissionContext } from "./admissionContext.ts";
import type { ResidencePriority } from "./admissionParameters.ts";
import { RESIDENCE_FIELD_LABELS, recordedResidence } from "./checkCircumstances.ts";
import { buildPassFinding } from "./criterionFinding.ts";
import { includesName, readTextListOrLiteral } from "./inputValueReaders.ts";

type PriorityArea = ResidencePriority["areas"][number];

interface UnresolvedArea {
  area: PriorityArea;
  message: string;
  inputId: string;
}

const NO_EXCLUSION = "kein Ausschluss (Wunschrecht nach § 104 SGB IX)";

export function checkResidencePriority(criterion: ResidencePriority, context: AdmissionContext): Finding[] {
  const fieldLabel = RESIDENCE_FIELD_LABELS[criterion.field];
  const recorded = recordedResidence(criterion.field, context);
  const areas = [...criterion.areas].sort((a, b) => a.priority - b.priority);
  const finding = (code: string, message: string, details: Record<string, unknown>, area?: PriorityArea): Finding[] => [
    buildPassFinding({ criterion: area ? { ...criterion, source: area.source } : criterion, code, message, details }, context.policy),
  ];
  if (recorded.length === 0) {
    return finding("priorityUnknown", `${fieldLabel} nicht erfasst: Vorrang bei der Aufnahme nicht bestimmbar; ${NO_EXCLUSION}.`, {});
  }
  const shown = recorded.join(" / ");
  const unresolved: UnresolvedArea[] = [];
  const checked: string[] = [];
  for (const area of areas) {
    const values = readTextListOrLiteral(context.inputs, area.values);
    if (!values.found) {
      unresolved.push({ area, message: values.message, inputId: values.inputId });
      continue;
    }
    if (recorded.some((value) => includesName(values.value, value))) {
      const open = unresolved.map((item) => `ob Vorrang ${item.area.priority} (${item.area.label}) gilt, ist offen: ${item.message}`);
      const message = `${fieldLabel} ${shown}: Vorrang ${area.priority} bei der Aufnahme (${area.label}).${open.length > 0 ? ` ${open.join("; ")}.` : ""}`;
      return finding("priorityArea", message, { priority: area.priority, area: area.label, ...(unresolved.length > 0 ? { undeterminedInputs: unresolved.map((item) => item.inputId) } : {}) }, area);
    }
    checked.push(`${area.label}: ${values.value.join(", ")}`);
  }
  if (unresolved.length > 0) {
    const outside = checked.length > 0 ? ` Nicht in: ${checked.join("; ")}.` : "";
    return finding(
      "priorityAreaMissing",
      `${fieldLabel} ${shown}: Vorrang nicht bestimmbar, ${unresolved.map((item) => item.message).join("; ")}.${outside} In keinem Fall ein Ausschluss.`,
      { undeterminedInputs: unresolved.map((item) => item.inputId) },
    );
  }
  return finding("noPriority", `${fieldLabel} ${shown} liegt in keinem Vorranggebiet (${checked.join("; ")}): kein Vorrang, aber ${NO_EXCLUSION}.`, { priority: null });
}
