/**
 * Exact money and decimal arithmetic (rules.md 0.3, decision D07).
 * Amounts are decimal.js values; nothing is ever a binary float. Round once, at the end, half-up.
 */
import { Decimal } from "decimal.js";

/** One Decimal constructor for the whole engine: 40 significant digits, half-up. */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;

/** Parses a printed amount such as "1446.38" or "1.446,38" into an exact value. */
export function parseAmount(text: string | number): Exact {
  if (typeof text === "number") {
    if (!Number.isFinite(text)) throw new Error(`not a finite number: ${text}`);
    return new Exact(String(text));
  }
  const trimmed = text.trim();
  const normalised = /^-?[\d.]+,\d+$/.test(trimmed) ? trimmed.replace(/\./g, "").replace(",", ".") : trimmed;
  return new Exact(normalised);
}

export const ZERO: Exact = new Exact(0);

/** Rounds half-up to the given number of decimals (default: 2, for euros). */
export function roundHalfUp(value: Exact, places = 2): Exact {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** The presented figure: rounded half-up, fixed decimals, "." as separator ("1446.38"). */
export function formatFixed(value: Exact, places = 2): string {
  return roundHalfUp(value, places).toFixed(places);
}

/** German presentation: "1.446,38 €". */
export function formatEuroGerman(value: Exact): string {
  const [whole, fraction] = formatFixed(value).split(".");
  const negative = whole!.startsWith("-");
  const digits = negative ? whole!.slice(1) : whole!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped},${fraction} €`;
}

/** Sums exact values without intermediate rounding. */
export function sumExact(values: Iterable<Exact>): Exact {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Integer cents of an amount with at most 2 decimals, or undefined if it has more (then use Exact). */
export function toIntegerCents(value: Exact): number | undefined {
  const cents = value.times(100);
  return cents.isInteger() && cents.abs().lessThan(Number.MAX_SAFE_INTEGER) ? cents.toNumber() : undefined;
}

/** "1700.55" from integer cents (exact, no floats involved). */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const text = `${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}
