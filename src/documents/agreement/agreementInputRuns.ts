/** A filled input as printed on the agreement text ("1.446,38 €", "31.01.2026", bold), or its visible gap. */
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import type { InputDefinition, InputValue } from "../../domain/agreement/inputRegister.ts";
import { parseAmount, toIntegerCents } from "../../domain/money/amount.ts";
import { formatEuroCents, formatGermanIsoDate, formatGermanQuantity } from "../germanDocumentFormat.ts";
import { gapRun, type TextRun } from "../text/textDocument.ts";

const DECIMAL = /^-?\d+(\.\d{1,2})?$/;
const BOOLEAN_TEXT = { true: "ja", false: "nein" } as const;

function euro(text: string): string {
  return formatEuroCents(toIntegerCents(parseAmount(text))!);
}

/** A filled input as printed: "100,00 €", "01.12.2025", "Sozialpädagogin, Heilerzieher". */
export function formatInputValue(definition: InputDefinition, value: unknown): string {
  if (Array.isArray(value) && value.length === 0) return "(keine)";
  if (Array.isArray(value)) return value.map((item) => formatInputValue({ ...definition, type: "text" }, item)).join(", ");
  if (typeof value === "boolean") return BOOLEAN_TEXT[String(value) as "true" | "false"];
  const text = String(value);
  if (definition.type === "money" && DECIMAL.test(text)) return euro(text);
  if (definition.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatGermanIsoDate(text);
  if (definition.type === "decimal" && /^-?\d+(\.\d+)?$/.test(text)) return formatGermanQuantity(text);
  return text;
}

function filledRun(definition: InputDefinition, filled: InputValue): TextRun {
  const validity =
    filled.validFrom || filled.validTo ? ` (gültig ${filled.validFrom ? `ab ${formatGermanIsoDate(filled.validFrom)}` : ""}${filled.validTo ? ` bis ${formatGermanIsoDate(filled.validTo)}` : ""})` : "";
  return { text: `${formatInputValue(definition, filled.value)}${validity}${filled.example ? " [Beispielwert]" : ""}`, bold: true };
}

export function isFilled(filled: InputValue | undefined): filled is InputValue {
  return !!filled && filled.value !== undefined && filled.value !== null && filled.value !== "";
}

/**
 * The run for an input: its value (bold, with validity and "[Beispielwert]" for an example), a note for an input
 * recorded per case, or the visible gap "[offen: P-A4-11 Bezeichnung<gapSuffix>]".
 */
export function inputRun(definition: InputDefinition, values: Agreement["inputValues"], gapSuffix = ""): TextRun {
  const filled = values[definition.id];
  if (isFilled(filled)) return filledRun(definition, filled);
  if (definition.perCase) return { text: `[je Person im Fall erfasst: ${definition.id} ${definition.label}]` };
  return gapRun(`${definition.id} ${definition.label}${gapSuffix}`);
}
