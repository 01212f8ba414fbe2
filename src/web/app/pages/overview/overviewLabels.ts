/** German words of the overview: statuses, severities, rule and clause as one line. */
import type { DueCounts, DueStatus, SourceReference } from "./overviewTypes.ts";

import { SEVERITY, type BadgeTone } from "../../shell/StatusBadge.tsx";

export { SEVERITY, type BadgeTone };

export const DUE_STATUS: Record<DueStatus, { label: string; tone: BadgeTone }> = {
  overdue: { label: "Überfällig", tone: "danger" },
  dueSoon: { label: "Bald fällig", tone: "warning" },
  open: { label: "Offen", tone: "info" },
};


/** Headings for groups of staffing findings by their engine code; other codes are shown by their first message. */
export const STAFF_FINDING_TITLES: Record<string, string> = {
  backgroundCheckMissing: "Kein anerkanntes Führungszeugnis erfasst",
  backgroundCheckOverdue: "Führungszeugnis überfällig",
  backgroundCheckDueSoon: "Führungszeugnis bald erneut vorzulegen",
  backgroundCheckInputMissing: "Regel für Führungszeugnisse offen (fehlende Eingabe)",
  backgroundCheckRejected: "Führungszeugnis nicht anerkannt",
  organisationDocumentMissing: "Konzept oder Nachweis der Organisation nicht erfasst",
  quotaNotMet: "Quote nicht erfüllt",
  quotaHeldMeasure: "Quote nicht prüfbar: Stellenumfang fehlt",
  quotaLimitMissing: "Quote nicht prüfbar: Grenzwert fehlt (Eingabe)",
  coverageHeld: "Ist-Vergleich mit dem Personalbedarf angehalten",
  totalFullTimeEquivalentsMissing: "Personalbedarf nicht berechenbar (Eingabe fehlt)",
  coordinationRatioMissing: "Koordination nicht berechenbar (Eingabe fehlt)",
  staffShortfall: "Weniger Personal als der Bedarf",
};

/** „A2-R14 · § 7.1“ (rule id and clause of the seed document). */
export function ruleText(ruleId: string | null | undefined, source: SourceReference | null | undefined): string {
  return [ruleId, source?.clause].filter((part) => part).join(" · ") || "–";
}

export function pluralText(count: number, one: string, many: string): string {
  return `${count.toLocaleString("de-DE")} ${count === 1 ? one : many}`;
}

/** The server's count per state (all items, also those not sent), or the items' own count from an older answer. */
export function countOf(section: { items: Array<{ status: string }>; counts?: DueCounts } | undefined, status: DueStatus): number {
  if (!section) return 0;
  return section.counts ? section.counts[status] : section.items.filter((item) => item.status === status).length;
}
