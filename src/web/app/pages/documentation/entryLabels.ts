/** German words for the values of a service entry (glossary: Zeitart, Assistenzart, Einzel-/Gruppenleistung, Präsenz). */
import type { AssistanceType, EntryCheckFinding, Mode, RemoteChannel, Setting, TimeKind } from "./documentationTypes.ts";

export const TIME_KIND_OPTIONS: { value: TimeKind; label: string }[] = [
  { value: "direct", label: "Direkt" },
  { value: "indirect", label: "Indirekt" },
  { value: "other", label: "Sonstige" },
];

export const ASSISTANCE_OPTIONS: { value: AssistanceType | ""; label: string }[] = [
  { value: "simple", label: "Einfache Assistenz" },
  { value: "qualified", label: "Qualifizierte Assistenz" },
  { value: "", label: "Keine Angabe" },
];

export const SETTING_OPTIONS: { value: Setting; label: string }[] = [
  { value: "individual", label: "Einzelleistung" },
  { value: "group", label: "Gruppenangebot" },
];

export const MODE_OPTIONS: { value: Mode; label: string }[] = [
  { value: "inPerson", label: "Vor Ort (örtliche Präsenz)" },
  { value: "remote", label: "Aus der Ferne (elektronische Kommunikationsmittel)" },
];

export const CHANNEL_OPTIONS: { value: RemoteChannel | ""; label: string }[] = [
  { value: "", label: "Keine Angabe" },
  { value: "phone", label: "Telefon" },
  { value: "video", label: "Video" },
  { value: "mail", label: "E-Mail oder Brief" },
  { value: "messenger", label: "Messenger" },
];

export const ATTRIBUTION_OPTIONS: { value: string; label: string }[] = [
  { value: "", label: "Keine Angabe" },
  { value: "SGB IX", label: "SGB IX (Eingliederungshilfe)" },
  { value: "SGB VIII", label: "SGB VIII (Kinder- und Jugendhilfe)" },
];

const TIME_KIND_SHORT: Record<TimeKind, string> = { direct: "direkt", indirect: "indirekt", other: "sonstige" };
const ASSISTANCE_SHORT: Record<AssistanceType, string> = { simple: "einfache Assistenz", qualified: "qualifizierte Assistenz" };
const SETTING_SHORT: Record<Setting, string> = { individual: "einzeln", group: "Gruppe" };
const MODE_SHORT: Record<Mode, string> = { inPerson: "vor Ort", remote: "aus der Ferne" };

/** „direkt · qualifizierte Assistenz · einzeln · vor Ort“ */
export function describeKind(entry: { timeKind: TimeKind; assistanceType?: AssistanceType | undefined; setting: Setting; mode: Mode }): string {
  return [TIME_KIND_SHORT[entry.timeKind], entry.assistanceType ? ASSISTANCE_SHORT[entry.assistanceType] : undefined, SETTING_SHORT[entry.setting], MODE_SHORT[entry.mode]]
    .filter(Boolean)
    .join(" · ");
}

/** What a finding's severity means for the person documenting (text, not colour alone). */
export const SEVERITY_LABELS: Record<EntryCheckFinding["severity"], string> = {
  block: "Nicht abrechenbar",
  hold: "Abrechnung angehalten",
  warn: "Warnung",
  task: "Aufgabe",
  info: "Hinweis",
};

export const SEVERITY_BADGES: Record<EntryCheckFinding["severity"], string> = {
  block: "kern-badge--danger",
  hold: "kern-badge--danger",
  warn: "kern-badge--warning",
  task: "kern-badge--info",
  info: "kern-badge--info",
};
