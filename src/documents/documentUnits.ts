/** Units of invoice lines: UN/ECE Recommendation 20 codes for XRechnung (BT-130) and German labels for people. */
import type { RateUnit } from "../domain/billing/rateParameters.ts";
import type { DocumentUnit } from "./invoiceDocument.ts";

export const UNECE_UNIT_CODES: Record<DocumentUnit, string> = {
  day: "DAY",
  hour: "HUR",
  week: "WEE",
  month: "MON",
  piece: "H87",
  lumpSum: "LS",
};

export const GERMAN_UNIT_LABELS: Record<DocumentUnit, string> = {
  day: "Tage",
  hour: "Std.",
  week: "Wochen",
  month: "Monate",
  piece: "Stück",
  lumpSum: "Pauschale",
};

/**
 * The document unit of an engine rate unit. "agreedUnit" (A2 § 9: Tag, Monat oder Stunde, input P-A2-01) must be
 * resolved to the agreed unit before a document is written; it is refused rather than guessed.
 */
export function documentUnitOfRateUnit(unit: RateUnit, agreedUnit?: "day" | "month" | "hour"): DocumentUnit {
  switch (unit) {
    case "hour":
      return "hour";
    case "serviceDay":
    case "absenceDay":
    case "occupancyDay":
      return "day";
    case "month":
      return "month";
    case "lumpSum":
      return "lumpSum";
    case "agreedUnit":
      if (agreedUnit) return agreedUnit;
      throw new RangeError("Einheit „agreedUnit“: die vereinbarte Abrechnungseinheit (P-A2-01, A2 § 9) muss für das Dokument angegeben sein.");
  }
}
