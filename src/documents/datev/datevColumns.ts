/**
 * DATEV-Format (EXTF) Buchungsstapel: header version 700, format category 21, format version 13, and the 125
 * column names of the data rows in DATEV's order and spelling (including "Zusatzinformation- Inhalt n" without
 * the space, as DATEV spells it).
 */
export const DATEV_HEADER_VERSION = 700;
export const DATEV_FORMAT_CATEGORY_BOOKINGS = 21;
export const DATEV_FORMAT_NAME_BOOKINGS = "Buchungsstapel";
export const DATEV_FORMAT_VERSION_BOOKINGS = 13;

const ADDITIONAL_INFORMATION = Array.from({ length: 20 }, (_, index) => [`Zusatzinformation - Art ${index + 1}`, `Zusatzinformation- Inhalt ${index + 1}`]).flat();
const DOCUMENT_INFORMATION = Array.from({ length: 8 }, (_, index) => [`Beleginfo - Art ${index + 1}`, `Beleginfo - Inhalt ${index + 1}`]).flat();

export const DATEV_BOOKING_COLUMNS: readonly string[] = [
  "Umsatz (ohne Soll/Haben-Kz)",
  "Soll/Haben-Kennzeichen",
  "WKZ Umsatz",
  "Kurs",
  "Basis-Umsatz",
  "WKZ Basis-Umsatz",
  "Konto",
  "Gegenkonto (ohne BU-Schlüssel)",
  "BU-Schlüssel",
  "Belegdatum",
  "Belegfeld 1",
  "Belegfeld 2",
  "Skonto",
  "Buchungstext",
  "Postensperre",
  "Diverse Adressnummer",
  "Geschäftspartnerbank",
  "Sachverhalt",
  "Zinssperre",
  "Beleglink",
  ...DOCUMENT_INFORMATION,
  "KOST1 - Kostenstelle",
  "KOST2 - Kostenstelle",
  "Kost-Menge",
  "EU-Land u. UStID (Bestimmung)",
  "EU-Steuersatz (Bestimmung)",
  "Abw. Versteuerungsart",
  "Sachverhalt L+L",
  "Funktionsergänzung L+L",
  "BU 49 Hauptfunktionstyp",
  "BU 49 Hauptfunktionsnummer",
  "BU 49 Funktionsergänzung",
  ...ADDITIONAL_INFORMATION,
  "Stück",
  "Gewicht",
  "Zahlweise",
  "Forderungsart",
  "Veranlagungsjahr",
  "Zugeordnete Fälligkeit",
  "Skontotyp",
  "Auftragsnummer",
  "Buchungstyp",
  "USt-Schlüssel (Anzahlungen)",
  "EU-Land (Anzahlungen)",
  "Sachverhalt L+L (Anzahlungen)",
  "EU-Steuersatz (Anzahlungen)",
  "Erlöskonto (Anzahlungen)",
  "Herkunft-Kz",
  "Buchungs GUID",
  "KOST-Datum",
  "SEPA-Mandatsreferenz",
  "Skontosperre",
  "Gesellschaftername",
  "Beteiligtennummer",
  "Identifikationsnummer",
  "Zeichnernummer",
  "Postensperre bis",
  "Bezeichnung SoBil-Sachverhalt",
  "Kennzeichen SoBil-Buchung",
  "Festschreibung",
  "Leistungsdatum",
  "Datum Zuord. Steuerperiode",
  "Fälligkeit",
  "Generalumkehr (GU)",
  "Steuersatz",
  "Land",
  "Abrechnungsreferenz",
  "BVV-Position",
  "EU-Land u. UStID (Ursprung)",
  "EU-Steuersatz (Ursprung)",
  "Abw. Skontokonto",
];

/** Position (0-based) of a column by its DATEV name; throws on a misspelt name. */
export function datevColumnIndex(name: string): number {
  const index = DATEV_BOOKING_COLUMNS.indexOf(name);
  if (index < 0) throw new Error(`DATEV: unbekannte Spalte ${name}`);
  return index;
}
