/** German presentation for the command line: 31.01.2026, 1.446,38 €, 5,5. */
import { parseDate, formatGermanDate } from "../domain/calendar/calendarDate.ts";
import { formatEuroGerman, parseAmount } from "../domain/money/amount.ts";

export function formatDateGerman(iso: string | undefined | null): string {
  if (!iso) return "—";
  return formatGermanDate(parseDate(iso));
}

export function formatEuro(amount: string | undefined): string {
  return amount === undefined ? "—" : formatEuroGerman(parseAmount(amount));
}

export function formatNumberGerman(value: string): string {
  return value.replace(".", ",");
}

export const UNIT_LABELS: Record<string, string> = {
  hour: "Std.",
  serviceDay: "Leistungstage",
  absenceDay: "Abwesenheitstage",
  occupancyDay: "Belegungstage",
  month: "Monat",
  lumpSum: "Pauschale",
};
