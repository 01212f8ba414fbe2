/**
 * German words for the billing answers: units with their quantity („28 Leistungstage“, „19,5 Std.“), states,
 * kinds of invoices and holds, the policy option a line was computed under (decisions.md D01–D32), and the
 * names of payers. Amounts themselves are formatted by lib/germanFormat.ts from cents or decimal text.
 */
import { DECISIONS } from "../../../../domain/policy/decisions.ts";
import { formatNumber } from "../../lib/germanFormat.ts";
import type { InvoiceSummary, Organisation, PolicyChoice } from "./billingTypes.ts";

const UNITS: Record<string, [singular: string, plural: string]> = {
  hour: ["Std.", "Std."],
  serviceDay: ["Leistungstag", "Leistungstage"],
  absenceDay: ["Abwesenheitstag", "Abwesenheitstage"],
  occupancyDay: ["Belegungstag", "Belegungstage"],
  billingDay: ["Abrechnungstag", "Abrechnungstage"],
  month: ["Monat", "Monate"],
  lumpSum: ["Pauschale", "Pauschalen"],
  case: ["Fall", "Fälle"],
  line: ["Position", "Positionen"],
};

/** The unit's word for a quantity: "28", "serviceDay" → „Leistungstage“; unknown units stay as given. */
export function unitLabel(unit: string, quantity: string): string {
  const words = UNITS[unit];
  if (!words) return unit;
  return /^-?1$/.test(quantity.trim()) ? words[0] : words[1];
}

/** „28 Leistungstage“, „19,5 Std.“, „−19 Abwesenheitstage“. */
export function formatQuantity(quantity: string, unit: string): string {
  return `${formatNumber(quantity)} ${unitLabel(unit, quantity)}`;
}

export function runStateLabel(state: "draft" | "issued"): string {
  return state === "issued" ? "ausgestellt" : "Entwurf";
}

export function invoiceKindLabel(invoice: Pick<InvoiceSummary, "kind" | "supplementary" | "correctsInvoiceId">): string {
  if (invoice.kind === "cancellation") return "Stornorechnung";
  if (invoice.supplementary) return "Nachberechnung";
  if (invoice.correctsInvoiceId) return "Rechnung (ersetzt eine stornierte Rechnung)";
  return "Rechnung";
}

export function holdKindLabel(kind: "hold" | "rejected"): string {
  return kind === "rejected" ? "abgelehnt" : "angehalten";
}

const ORIGINS: Record<string, string> = { default: "Voreinstellung", agreement: "in der Vereinbarung gewählt", case: "im Fall gewählt" };

/** „D04 Urlaub unmittelbar gefolgt von Krankheit: eine Unterbrechung (ein 30-Tage-Zähler) (Option one, Voreinstellung)“. */
export function policyText(policy: PolicyChoice): string {
  const decision = DECISIONS[policy.decision];
  const origin = ORIGINS[policy.origin] ?? policy.origin;
  if (!decision) return `${policy.decision}: Option ${policy.option} (${origin})`;
  const option = decision.options[policy.option];
  return `${policy.decision} ${decision.question}: ${option ?? policy.option} (Option ${policy.option}, ${origin})`;
}

/** „Regel A4-R08 · § 5.2“. */
export function ruleText(ruleId: string, clause: string): string {
  return `Regel ${ruleId} · ${clause}`;
}

/** A payer's name from the organisations the caller may read, else its id. */
export function payerName(payerId: string | null, organisations: Organisation[] | undefined): string {
  if (payerId === null) return "Ohne Leistungsträger";
  return organisations?.find((organisation) => organisation.id === payerId)?.name ?? payerId;
}
