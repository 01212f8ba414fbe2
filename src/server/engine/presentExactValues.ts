/**
 * Engine results as JSON: exact decimal values (decimal.js) become decimal strings in plain notation
 * ("12.5", never "1.25e+1" or a float); dates are already ISO strings. Everything else is copied as is.
 */
import { Decimal } from "decimal.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonView = any;

export function presentExactValues(value: unknown): JsonView {
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (Array.isArray(value)) return value.map(presentExactValues);
  if (value !== null && typeof value === "object") {
    // Temporal dates and other values that know their JSON form (ISO text).
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return (value as { toJSON: () => unknown }).toJSON();
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = presentExactValues(item);
    return result;
  }
  return value;
}
