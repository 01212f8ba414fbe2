/**
 * Presented figures of the staffing mechanisms (D07): every figure keeps its exact value and shows it rounded
 * half-up to 2 decimals; thresholds are always compared on the exact value. German display helpers for
 * messages ("7,95", "54,55 %").
 */
import { Exact, formatFixed, type Exact as ExactValue } from "../money/amount.ts";

export interface Figure {
  /** Exact value (40 significant digits); serialises as a decimal string. */
  exact: ExactValue;
  /** Presented value, half-up to 2 decimals, "." as separator ("7.95"). */
  rounded: string;
}

export function toFigure(value: ExactValue): Figure {
  return { exact: value, rounded: formatFixed(value, 2) };
}

/** "7,95" — two decimals, German comma, half-up. */
export function formatDecimalGerman(value: ExactValue, places = 2): string {
  return formatFixed(value, places).replace(".", ",");
}

/** A share 0.545454… as "54,55 %". */
export function formatPercentGerman(share: ExactValue): string {
  return `${formatDecimalGerman(share.times(100))} %`;
}

/** A share 0.545454… as percent with 2 decimals ("54.55"). */
export function percentFigure(share: ExactValue): Figure {
  return toFigure(share.times(100));
}

export const HUNDRED: ExactValue = new Exact(100);
