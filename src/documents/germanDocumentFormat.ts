/** German presentation on documents for people: 1.446,38 €, 31.03.2026, 12,5. Money comes in as integer cents. */
import { formatCents, formatEuroGerman, parseAmount } from "../domain/money/amount.ts";

/** "1.446,38 €" from 144638 cents; "-1.446,38 €" for a negative amount. */
export function formatEuroCents(cents: number): string {
  return formatEuroGerman(parseAmount(formatCents(cents)));
}

/** "1446,38" (no thousands separator, comma decimals) as accounting exports expect. */
export function formatDecimalCommaCents(cents: number): string {
  return formatCents(cents).replace(".", ",");
}

/** "31.03.2026" from "2026-03-31". */
export function formatGermanIsoDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** "1.234,5" from "1234.5": German grouping and decimal comma, digits as given. */
export function formatGermanQuantity(quantity: string): string {
  const [whole, fraction] = quantity.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}
