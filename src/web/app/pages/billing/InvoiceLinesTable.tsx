/**
 * The lines of one invoice (GET /invoices/:id), loaded when the reviewer opens them: what was billed, for whom,
 * how much at which unit price, and the rule, clause and policy option behind each amount.
 */
import { useState } from "preact/hooks";
import { formatAmount, formatCents, formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { formatQuantity } from "./billingLabels.ts";
import { RuleCell } from "./RuleCell.tsx";
import type { Invoice, InvoiceLine } from "./billingTypes.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

export function periodText(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

function LineRow({ line }: { line: InvoiceLine }) {
  return (
    <tr class="kern-table__row">
      <td class="kern-table__cell kern-table__cell--numeric">{line.position}</td>
      <td class="kern-table__cell teilhabe-billing-id">
        <a class="kern-link" href={`/klienten/${encodeURIComponent(line.clientId)}`}>
          {line.clientId}
        </a>
        <br />
        Fall {line.caseId}
      </td>
      <th scope="row" class="kern-table__cell">
        {line.label}
        <br />
        <span class="teilhabe-billing-id">{periodText(line.periodFrom, line.periodTo)}</span>
        {line.exampleValue ? (
          <>
            <br />
            <span class="kern-badge kern-badge--warning">
              <span class="kern-label">Beispielwert, kein vereinbarter Satz</span>
            </span>
          </>
        ) : null}
      </th>
      <td class="kern-table__cell kern-table__cell--numeric">{formatQuantity(line.quantity, line.unit)}</td>
      <td class="kern-table__cell kern-table__cell--numeric">{formatAmount(line.unitPrice)}</td>
      <td class="kern-table__cell kern-table__cell--numeric">{formatCents(line.amountCents)}</td>
      <RuleCell ruleId={line.ruleId} clause={line.source.clause} policies={line.policies} />
      <td class="kern-table__cell">{line.costCoverageFileReference ?? "–"}</td>
    </tr>
  );
}

function LinesTable({ invoiceId, caption }: { invoiceId: string; caption: string }) {
  const invoice = useApiResource<Invoice>(`/invoices/${encodeURIComponent(invoiceId)}`);
  if (invoice.loading && !invoice.data) return <LoadingNote label="Positionen werden geladen …" />;
  if (!invoice.data) return <ProblemMessage error={invoice.error} title="Positionen nicht geladen" />;
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small">
        <caption class="kern-sr-only">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Pos.</th>
            <th scope="col" class="kern-table__header">Klient:in / Fall</th>
            <th scope="col" class="kern-table__header">Leistung und Zeitraum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Menge</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Einzelpreis</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
            <th scope="col" class="kern-table__header">Regel, Fundstelle, Entscheidung</th>
            <th scope="col" class="kern-table__header">Aktenzeichen der Kostenübernahme</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {invoice.data.lines.map((line) => (
            <LineRow line={line} key={line.position} />
          ))}
          <tr class="kern-table__row teilhabe-billing-total">
            <th scope="row" class="kern-table__cell" colSpan={5}>
              Summe ({invoice.data.lines.length} Positionen)
            </th>
            <td class="kern-table__cell kern-table__cell--numeric">{formatCents(invoice.data.totalCents)}</td>
            <td class="kern-table__cell" colSpan={2} />
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A disclosure „Positionen (50)“; the lines load on first opening. */
export function InvoiceLines({ invoiceId, lineCount, caption }: { invoiceId: string; lineCount: number; caption: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="kern-accordion" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary class="kern-accordion__header">
        <span class="kern-title">Positionen ({lineCount})</span>
      </summary>
      <div class="kern-accordion__body">{opened ? <LinesTable invoiceId={invoiceId} caption={caption} /> : null}</div>
    </details>
  );
}
