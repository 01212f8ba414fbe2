/** Integer cents of a presented amount ("1446.38" → 144638), exact (decimal, never a binary float). */
import { parseAmount, toIntegerCents } from "../../domain/money/amount.ts";

export function centsOfAmount(text: string): number {
  const cents = toIntegerCents(parseAmount(text));
  if (cents === undefined) throw new Error(`Betrag „${text}“ hat mehr als zwei Nachkommastellen`);
  return cents;
}
