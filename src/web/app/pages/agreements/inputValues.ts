/**
 * An input's value between the form and the API: the form shows German text („48,50“), the API wants the
 * type's own form (money and decimals as decimal text "48.50", never a binary float; integers as numbers;
 * lists as arrays; yes/no as booleans). Text the conversion does not recognise is sent as typed, so the
 * server's German message for the type (agreementInputCheck.ts) appears at the field.
 */
import { formatAmount, formatDate, formatNumber } from "../../lib/germanFormat.ts";

/** The stored value as the form's text. */
export function toFormText(type: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  switch (type) {
    case "money":
    case "decimal":
      return typeof value === "string" ? value.replace(".", ",") : String(value);
    case "textList":
      return Array.isArray(value) ? value.map(String).join("\n") : String(value);
    case "boolean":
      return value === true ? "true" : value === false ? "false" : "";
    default:
      return String(value);
  }
}

const GERMAN_DECIMAL = /^-?\d+,\d+$/;
const GERMAN_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** The form's text as the API value; undefined when the field is empty (the input is then not filled). */
export function fromFormText(type: string, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  switch (type) {
    case "money":
    case "decimal":
      if (GERMAN_GROUPED.test(trimmed)) return trimmed.replace(/\./g, "").replace(",", ".");
      if (GERMAN_DECIMAL.test(trimmed)) return trimmed.replace(",", ".");
      return trimmed;
    case "integer":
      return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    case "textList":
      return trimmed
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
    case "boolean":
      return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
    default:
      return trimmed;
  }
}

/** The stored value for reading: „48,50 €“, „01.04.2026“, „Ja“. */
export function displayValue(type: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  switch (type) {
    case "money":
      return typeof value === "string" ? formatAmount(value) : String(value);
    case "decimal":
    case "integer":
      return formatNumber(value as string | number);
    case "date":
      return formatDate(String(value));
    case "time":
      return `${String(value)} Uhr`;
    case "boolean":
      return value === true ? "Ja" : value === false ? "Nein" : String(value);
    case "textList":
      return Array.isArray(value) ? value.map(String).join("; ") : String(value);
    default:
      return String(value);
  }
}

/** An input's value for reading, with a choice's German word where it has one. */
export function inputValueText(input: { type: string; choices?: { value: string; label?: string }[] }, value: unknown): string {
  if (input.type === "choice" && typeof value === "string") return input.choices?.find((choice) => choice.value === value)?.label ?? value;
  return displayValue(input.type, value);
}

/** How the field names its unit, from the input's type. */
export function unitSuffix(type: string): string {
  return type === "money" ? " in Euro" : type === "date" ? " (Datum)" : type === "time" ? " (Uhrzeit)" : "";
}

/** The hint for typing a value of this type. */
export function typeHint(type: string): string {
  switch (type) {
    case "money":
      return "Betrag in Euro mit höchstens zwei Nachkommastellen, z. B. 48,50";
    case "decimal":
      return "Dezimalzahl, z. B. 1,5";
    case "integer":
      return "ganze Zahl, z. B. 10";
    case "textList":
      return "ein Eintrag je Zeile";
    case "choice":
      return "eine der Möglichkeiten, die der Vertragstext nennt";
    default:
      return "";
  }
}
