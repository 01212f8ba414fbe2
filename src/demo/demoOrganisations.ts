/**
 * The demo's organisations: one provider (the tenant `demo-traeger`) and one payer per Land of the five
 * agreements. Every name says „Beispiel“; addresses, bank and tax data are invented (the IBAN is the
 * well-known example IBAN of the Bundesbank documentation), the Leitweg-IDs carry valid check digits
 * (ISO 7064 MOD 97-10) but address nobody.
 */
import type { organisations } from "../store/schema/index.ts";

export type OrganisationRow = typeof organisations.$inferInsert;

export const DEMO_PROVIDER_ID = "demo-traeger";

export const DEMO_PAYER_IDS = {
  bremen: "demo-kostentraeger-bremen",
  niedersachsen: "demo-kostentraeger-region-hannover",
  sachsen: "demo-kostentraeger-ksv-sachsen",
} as const;

export const DEMO_PROVIDER: OrganisationRow = {
  id: DEMO_PROVIDER_ID,
  kind: "provider",
  name: "Beispiel-Träger Teilhabe gGmbH (Demo)",
  land: "HB",
  address: { street: "Beispielstraße 12", postalCode: "28195", city: "Bremen", countryCode: "DE" },
  contact: { name: "Erika Beispiel (Verwaltung, Beispiel)", phone: "+49 421 0000000", email: "verwaltung@beispiel-traeger.example" },
  taxNumber: "60/000/00000 (Beispiel)",
  iban: "DE02120300000000202051",
  bic: "BYLADEM1001",
};

export const DEMO_PAYERS: OrganisationRow[] = [
  {
    id: DEMO_PAYER_IDS.bremen,
    kind: "payer",
    name: "Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel)",
    leitwegId: "04011000-BEISPIEL1-81",
    land: "HB",
    address: { street: "Beispielweg 1", postalCode: "28195", city: "Bremen", countryCode: "DE" },
    contact: { name: "Fallmanagement (Beispiel)", email: "fallmanagement@bremen.example" },
  },
  {
    id: DEMO_PAYER_IDS.niedersachsen,
    kind: "payer",
    name: "Region Hannover, Fachbereich Soziales (Beispiel)",
    leitwegId: "03241000-BEISPIEL2-25",
    land: "NI",
    address: { street: "Beispielplatz 2", postalCode: "30169", city: "Hannover", countryCode: "DE" },
    contact: { name: "Eingliederungshilfe (Beispiel)", email: "eingliederungshilfe@region-hannover.example" },
  },
  {
    id: DEMO_PAYER_IDS.sachsen,
    kind: "payer",
    name: "Kommunaler Sozialverband Sachsen, Standort Leipzig (Beispiel)",
    leitwegId: "14713000-BEISPIEL3-51",
    land: "SN",
    address: { street: "Beispielallee 3", postalCode: "04109", city: "Leipzig", countryCode: "DE" },
    contact: { name: "Sachgebiet Eingliederungshilfe (Beispiel)", email: "eingliederungshilfe@ksv-sachsen.example" },
  },
];
