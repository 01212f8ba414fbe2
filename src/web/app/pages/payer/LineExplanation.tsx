/**
 * One invoice line as a disclosure a caseworker opens: the summary says what and how much; opened, it gives
 * the calculation (quantity × unit price = amount), the rule and clause of the agreement with its words, the
 * policy options applied, and the evidence (days, entries, components, cost coverage).
 */
import type { ComponentChildren } from "preact";
import { formatAmount, formatCents } from "../../lib/germanFormat.ts";
import { formatQuantity, policyText, ruleText } from "../billing/billingLabels.ts";
import type { InvoiceLine } from "../billing/billingTypes.ts";
import { periodText } from "../billing/InvoiceLinesTable.tsx";
import { LineEvidence } from "./LineEvidence.tsx";

export function LineExplanation({ line }: { line: InvoiceLine }) {
  const item = (key: string, value: ComponentChildren) => (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{key}</dt>
      <dd class="kern-description-list-item__value">{value}</dd>
    </div>
  );
  return (
    <details class="kern-accordion teilhabe-invoice-line">
      <summary class="kern-accordion__header">
        <span class="kern-title">
          Pos. {line.position} · {line.clientId} · {line.label} · {formatCents(line.amountCents)}
          <span class="teilhabe-invoice-line__rule">
            {ruleText(line.ruleId, line.source.clause)} · {formatQuantity(line.quantity, line.unit)} × {formatAmount(line.unitPrice)}
          </span>
        </span>
      </summary>
      <div class="kern-accordion__body teilhabe-billing-explanation">
        <dl class="kern-description-list">
          {item("Berechnung", `${formatQuantity(line.quantity, line.unit)} × ${formatAmount(line.unitPrice)} = ${formatCents(line.amountCents)}`)}
          {item("Leistungszeitraum", periodText(line.periodFrom, line.periodTo))}
          {item("Fall", line.caseId)}
          {item(
            "Grundlage",
            <>
              <span class="teilhabe-billing-rule">{ruleText(line.ruleId, line.source.clause)}</span> (Vereinbarung {line.agreementId}, Datei {line.source.file})
              {line.source.quote ? <blockquote class="teilhabe-billing-quote">„{line.source.quote}“</blockquote> : null}
            </>,
          )}
          {line.policies.length > 0
            ? item(
                "Angewandte Entscheidung",
                <ul class="kern-list">
                  {line.policies.map((policy) => (
                    <li key={policy.decision}>{policyText(policy)}</li>
                  ))}
                </ul>,
              )
            : null}
          {line.exampleValue ? item("Hinweis", "Mit einem Beispielwert berechnet, kein vereinbarter Satz.") : null}
          {item("Nachweise", <LineEvidence evidence={line.evidence} unit={line.unit} fileReference={line.costCoverageFileReference} />)}
        </dl>
      </div>
    </details>
  );
}
