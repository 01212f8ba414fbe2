/** German presentation for the command line: 31.01.2026, 1.446,38 €, 5,5. */
import { parseDate, formatGermanDate } from "../domain/calendar/calendarDate.ts";
import { formatEuroGerman, parseAmount } from "../domain/money/amount.ts";

/** 31.01.2026 for a date; a month ("2026-03") or quarter ("2026-Q1") key is shown as 03/2026 or Q1/2026. */
export function formatDateGerman(iso: string | undefined | null): string {
  if (!iso) return "—";
  const month = /^(\d{4})-(\d{2}|Q[1-4])$/.exec(iso);
  if (month) return `${month[2]}/${month[1]}`;
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
