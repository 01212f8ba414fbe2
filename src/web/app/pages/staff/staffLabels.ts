/** German words of the staff page. */
import type { BackgroundCheckStatus } from "./staffTypes.ts";

import { SEVERITY, type BadgeTone } from "../../shell/StatusBadge.tsx";

export { SEVERITY, type BadgeTone };


export const CHECK_STATUS: Record<BackgroundCheckStatus, { label: string; tone: BadgeTone }> = {
  ok: { label: "Gültig", tone: "success" },
  overdue: { label: "Erneuerung überfällig", tone: "danger" },
  missing: { label: "Fehlt", tone: "danger" },
  blocked: { label: "Fehlt (Sperre)", tone: "danger" },
  held: { label: "Regel offen (Eingabe fehlt)", tone: "warning" },
  notRequired: { label: "Nicht erforderlich", tone: "info" },
  notRegulated: { label: "Nicht geregelt", tone: "info" },
};

export const QUOTA_STATUS: Record<"met" | "notMet" | "held", { label: string; tone: BadgeTone }> = {
  met: { label: "Erfüllt", tone: "success" },
  notMet: { label: "Nicht erfüllt", tone: "danger" },
  held: { label: "Nicht prüfbar", tone: "warning" },
};

export const RESULT_LABELS = { noEntries: "keine Einträge", relevantEntries: "einschlägige Einträge" } as const;

/** „A2-R18 · § 9 a)“. */
export function ruleText(ruleId: string | undefined, clause: string | undefined): string {
  return [ruleId, clause].filter((part) => part).join(" · ") || "–";
}

/** "4.25" → „4,25“. */
export function decimalText(value: string | undefined): string {
  return value === undefined ? "–" : value.replace(".", ",");
}
