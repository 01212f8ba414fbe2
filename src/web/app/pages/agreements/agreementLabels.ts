/** German words for the agreement pages: states, Länder, owners of an input, input types, rate units and keys, validity periods. */
import { formatDate } from "../../lib/germanFormat.ts";
import type { AgreementState } from "./agreementTypes.ts";

export const STATE_LABELS: Record<AgreementState, string> = {
  complete: "vollständig",
  inputsMissing: "Eingaben fehlen",
  expired: "abgelaufen",
  template: "Vorlage",
};

export const LAND_NAMES: Record<string, string> = {
  BW: "Baden-Württemberg",
  BY: "Bayern",
  BE: "Berlin",
  BB: "Brandenburg",
  HB: "Bremen",
  HH: "Hamburg",
  HE: "Hessen",
  MV: "Mecklenburg-Vorpommern",
  NI: "Niedersachsen",
  NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz",
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
  SH: "Schleswig-Holstein",
  TH: "Thüringen",
};

export function landName(code: string): string {
  return LAND_NAMES[code] ?? code;
}

export const OWNER_LABELS: Record<string, string> = {
  provider: "Leistungserbringer",
  payer: "Leistungsträger",
  framework: "Landesrahmenvertrag",
  parties: "beide Vertragsparteien",
};

export const INPUT_TYPE_LABELS: Record<string, string> = {
  money: "Geldbetrag in Euro",
  decimal: "Dezimalzahl",
  integer: "ganze Zahl",
  date: "Datum",
  time: "Uhrzeit",
  text: "Text",
  textList: "Liste (eine Zeile je Eintrag)",
  boolean: "Ja oder Nein",
  choice: "Auswahl",
};

export const KIND_LABELS: Record<string, string> = {
  template: "Vorlage (Rahmen- oder Mustervereinbarung)",
  concrete: "konkrete Vereinbarung",
};

/** „01.01.2026 – 30.06.2026“, „ab 01.01.2026“, or „–“. */
export function validityText(from: string | undefined, to: string | undefined): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `ab ${formatDate(from)}`;
  if (to) return `bis ${formatDate(to)}`;
  return "–";
}

/** The unit a rate is paid in (rateParameters.ts RATE_UNITS). */
export const RATE_UNIT_LABELS: Record<string, string> = {
  hour: "je Stunde",
  serviceDay: "je Leistungstag",
  absenceDay: "je Abwesenheitstag",
  occupancyDay: "je Belegungstag",
  month: "je Monat",
  lumpSum: "Pauschale",
  agreedUnit: "je vereinbarter Abrechnungseinheit",
};

const QUALIFICATION_LABELS: Record<string, string> = { skilled: "Fachkraft", nonSkilled: "Nicht-Fachkraft" };

/** A rate's key in words: { needGroup: 3 } → „Hilfebedarfsgruppe 3“, { qualification: "skilled" } → „Fachkraft“. */
export function rateKeyText(key: Record<string, string | number> | undefined): string {
  if (!key) return "";
  return Object.entries(key)
    .map(([name, value]) => (name === "needGroup" ? `Hilfebedarfsgruppe ${value}` : name === "qualification" ? (QUALIFICATION_LABELS[String(value)] ?? String(value)) : `${name} ${value}`))
    .join(", ");
}

/** Where a decision's option in force comes from. */
export function decisionOriginText(origin: string, chosen: string, defaultOption: string): string {
  if (origin === "default") return "Standard";
  if (chosen === defaultOption) return "gewählt, wie Standard";
  return origin === "instance" ? "in der Vereinbarung gewählt" : "in der Vereinbarung des Katalogs gewählt";
}
