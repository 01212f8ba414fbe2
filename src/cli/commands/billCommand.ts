/**
 * `teilhabe bill CASE.json --month YYYY-MM` (or --from/--to): the invoice draft with its lines, holds and totals.
 */
import { billCase } from "../../domain/billing/billCase.ts";
import { presentInvoiceDraft, type InvoiceDraftView } from "../../domain/billing/presentInvoiceDraft.ts";
import { DECISIONS } from "../../domain/policy/decisions.ts";
import { formatDateGerman, formatEuro, formatNumberGerman, UNIT_LABELS } from "../germanFormat.ts";
import { formatTable } from "../table.ts";
import type { LoadedCase } from "../loadCase.ts";
import type { PeriodOption } from "../periodOption.ts";

export function runBill(loaded: LoadedCase, period: PeriodOption): InvoiceDraftView {
  return presentInvoiceDraft(billCase(loaded.agreement, loaded.caseFile, period));
}

/** The distinct policy options found on results (deadlines, findings), in decision order. */
export function collectPolicies(explanations: { policies?: { decision: string; option: string; origin: string }[] }[]): { decision: string; option: string; origin: string }[] {
  const seen = new Map<string, { decision: string; option: string; origin: string }>();
  for (const explanation of explanations) for (const policy of explanation.policies ?? []) seen.set(`${policy.decision}|${policy.option}`, policy);
  return [...seen.values()].sort((a, b) => a.decision.localeCompare(b.decision));
}

export function renderPolicies(policies: { decision: string; option: string; origin: string }[]): string {
  if (policies.length === 0) return "";
  const origin = { default: "Standard", agreement: "Vereinbarung", case: "Fall" } as Record<string, string>;
  return (
    "Angewandte Entscheidungen (decisions.md):\n" +
    policies.map((policy) => `  ${policy.decision} = ${policy.option} (${origin[policy.origin]}): ${DECISIONS[policy.decision]?.options[policy.option] ?? ""}`).join("\n")
  );
}

export function renderInvoiceDraft(view: InvoiceDraftView): string {
  const parts: string[] = [];
  parts.push(`Rechnungsentwurf ${view.agreementId}, Fall ${view.caseId}, Zeitraum ${formatDateGerman(view.periodFrom)} – ${formatDateGerman(view.periodTo)}`);
  if (view.lines.length > 0) {
    parts.push(
      formatTable(
        ["Pos.", "Leistung", "Zeitraum", "Menge", "Einheit", "Einzelpreis", "Betrag", "Regel", "Fundstelle"],
        view.lines.map((line) => [
          line.id,
          line.label + (line.exampleValue ? " (Beispielwert)" : ""),
          `${formatDateGerman(line.periodFrom)} – ${formatDateGerman(line.periodTo)}`,
          formatNumberGerman(line.quantity),
          UNIT_LABELS[line.unit] ?? line.unit,
          formatEuro(line.unitPrice),
          formatEuro(line.amount),
          line.ruleId,
          line.source.clause,
        ]),
        [3, 5, 6],
      ),
    );
  } else parts.push("Keine abrechenbaren Positionen.");
  if (view.holds.length > 0) {
    parts.push("Angehalten / abgelehnt:");
    parts.push(
      formatTable(
        ["Art", "Zeitraum", "Menge", "Betrag", "Grund", "Freigabe durch", "Regel"],
        view.holds.map((hold) => [
          hold.kind === "rejected" ? "abgelehnt" : "angehalten",
          `${formatDateGerman(hold.periodFrom)} – ${formatDateGerman(hold.periodTo)}`,
          `${formatNumberGerman(hold.quantity)} ${UNIT_LABELS[hold.unit] ?? hold.unit}`,
          formatEuro(hold.amount),
          hold.message,
          hold.release,
          `${hold.ruleId} (${hold.source.clause})`,
        ]),
        [3],
      ),
    );
  }
  for (const finding of view.findings) parts.push(`Hinweis (${finding.explanation.ruleId}${finding.date ? `, ${formatDateGerman(finding.date)}` : ""}): ${finding.message}`);
  parts.push(`Summe abrechenbar: ${formatEuro(view.totals.billed)}    angehalten: ${formatEuro(view.totals.held)}`);
  const policies = renderPolicies(view.policies);
  if (policies) parts.push(policies);
  return parts.join("\n");
}
