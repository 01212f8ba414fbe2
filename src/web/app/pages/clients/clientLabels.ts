/** German words for the codes the API gives on a client's file (states, kinds, statuses). */

export const CLIENT_STATE_LABELS: Record<string, string> = {
  active: "Fall läuft",
  waiting: "Beginn steht bevor",
  ended: "beendet",
  none: "ohne Fall",
};

export const CLIENT_STATE_BADGES: Record<string, string> = {
  active: "kern-badge--success",
  waiting: "kern-badge--info",
  ended: "kern-badge--warning",
  none: "kern-badge--info",
};

export const ACCESS_STATUS_LABELS: Record<string, string> = { regular: "regulär", provisional: "vorläufig" };

export const COVERAGE_KIND_LABELS: Record<string, string> = {
  costCoverageDeclaration: "Kostenübernahmeerklärung",
  gesamtplanWithVolume: "Gesamtplan mit Umfang",
  provisionalConfirmation: "vorläufige Bestätigung",
};

export const VOLUME_PER_LABELS: Record<string, string> = { month: "je Monat", week: "je Woche", quarter: "je Quartal", year: "je Jahr", total: "insgesamt" };

export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  open: "offen",
  dueSoon: "bald fällig",
  overdue: "überfällig",
  done: "erledigt",
  info: "Hinweis",
};

export const DEADLINE_STATUS_BADGES: Record<string, string> = {
  open: "kern-badge--info",
  dueSoon: "kern-badge--warning",
  overdue: "kern-badge--danger",
  done: "kern-badge--success",
};

export const GOAL_STATUS_LABELS: Record<string, string> = {
  open: "offen",
  achieved: "erreicht",
  partlyAchieved: "teilweise erreicht",
  notAchieved: "nicht erreicht",
  dropped: "aufgegeben",
};

export const HILFEPLAN_KIND_LABELS: Record<string, string> = { initial: "erster Hilfeplan", update: "Fortschreibung" };

export const ABSENCE_REASON_LABELS: Record<string, string> = { holiday: "Urlaub", illness: "Krankheit", hospital: "Krankenhaus", kur: "Kur", other: "Sonstiges" };

export const CONTACT_KIND_LABELS: Record<string, string> = { crisisContact: "Krisenkontakt", payerContact: "Kontakt mit dem Leistungsträger", relativeContact: "Kontakt mit Angehörigen", other: "Sonstiges" };

export const TIME_KIND_LABELS: Record<string, string> = { direct: "direkt", indirect: "indirekt", other: "sonstige" };
export const ASSISTANCE_LABELS: Record<string, string> = { simple: "einfache Assistenz", qualified: "qualifizierte Assistenz" };
export const MODE_LABELS: Record<string, string> = { inPerson: "persönlich", remote: "aus der Ferne" };
export const SETTING_LABELS: Record<string, string> = { individual: "einzeln", group: "Gruppe" };
export const SEVERITY_LABELS: Record<string, string> = { info: "Hinweis", warn: "Warnung", task: "Aufgabe", hold: "Rückhalt", block: "Sperre" };

/** The label of a code, or the code itself when no label is known (never hidden). */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return "–";
  return labels[code] ?? code;
}

/** „1 Klient:in gefunden“, „37 Klient:innen gefunden“, „Keine Klient:innen gefunden“. */
export function describeResultCount(total: number): string {
  if (total === 0) return "Keine Klient:innen gefunden";
  return `${total.toLocaleString("de-DE")} ${total === 1 ? "Klient:in" : "Klient:innen"} gefunden`;
}
