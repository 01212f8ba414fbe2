/** Units of invoice lines: UN/ECE Recommendation 20 codes for XRechnung (BT-130) and German labels for people. */
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
