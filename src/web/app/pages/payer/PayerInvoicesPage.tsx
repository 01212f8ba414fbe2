/**
 * Rechnungen (/rechnungen), the payer caseworker's view: the issued invoices addressed to their organisation,
 * of every provider (the server narrows GET /invoices to those), with a month filter and „Weitere laden“ over
 * the server's cursor. Each invoice leads to its page with every line explained (/rechnungen/:id).
 */
import { useState } from "preact/hooks";
import { queryOf } from "../../lib/apiClient.ts";
import { usePagedList } from "../../lib/usePagedList.ts";
import { formatCents, formatDate, formatMonth } from "../../lib/germanFormat.ts";
import { TextInput } from "../../shell/formFields.tsx";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { useSession } from "../../shell/sessionContext.ts";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import "../billing/billing.css";
import { invoiceKindLabel } from "../billing/billingLabels.ts";
import type { InvoiceListItem } from "../billing/billingTypes.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

const PAGE_SIZE = 50;

export function PayerInvoicesPage() {
  usePageTitle("Rechnungen");
  const session = useSession();
  const [month, setMonth] = useState("");
  const { items, hasMore, loading, error, loadMore } = usePagedList<InvoiceListItem>(`/invoices${queryOf({ limit: PAGE_SIZE, month: /^\d{4}-\d{2}$/.test(month) ? month : undefined })}`);

  return (
    <>
      <h1 class="kern-heading-large">Rechnungen</h1>
      <p class="kern-body">Die ausgestellten Rechnungen an {session.organisation.name}. Jede Position nennt die Regel und Klausel der Vereinbarung und die Nachweise dahinter.</p>
      <form class="teilhabe-billing-section" role="search" aria-label="Rechnungen filtern" onSubmit={(event) => event.preventDefault()}>
        <TextInput label="Leistungsmonat" optional class="teilhabe-billing-month" type="month" value={month} hint="Leer: alle Monate" onInput={(event) => setMonth(event.currentTarget.value)} />
      </form>
      <div class="teilhabe-billing-section">
        {loading && !items ? <LoadingNote /> : null}
        <ProblemMessage error={error} title="Rechnungen nicht geladen" />
        {items && items.length === 0 ? <p class="kern-body">{month ? `Keine Rechnung für ${formatMonth(month)}.` : "Noch keine Rechnung an Sie."}</p> : null}
        {items && items.length > 0 ? (
          <TableScroll label="Rechnungen">
            <table class="kern-table">
              <caption class="kern-title">
                {items.length === 1 ? "1 Rechnung" : `${items.length} Rechnungen`} an {session.organisation.name}
                {month ? `, ${formatMonth(month)}` : ""}
              </caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">Rechnungsnummer</th>
                  <th scope="col" class="kern-table__header">Art</th>
                  <th scope="col" class="kern-table__header">Rechnungsdatum</th>
                  <th scope="col" class="kern-table__header">Leistungsmonat</th>
                  <th scope="col" class="kern-table__header">Leistungserbringer</th>
                  <th scope="col" class="kern-table__header kern-table__cell--numeric">Positionen</th>
                  <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {items.map((invoice) => (
                  <tr class="kern-table__row" key={`${invoice.providerId}/${invoice.id}`}>
                    <th scope="row" class="kern-table__cell">
                      <a class="kern-link" href={`/rechnungen/${encodeURIComponent(invoice.id)}`}>
                        {invoice.number ?? invoice.id}
                      </a>
                    </th>
                    <td class="kern-table__cell">{invoiceKindLabel(invoice)}</td>
                    <td class="kern-table__cell">{formatDate(invoice.issueDate)}</td>
                    <td class="kern-table__cell">{formatMonth(invoice.month)}</td>
                    <td class="kern-table__cell">{invoice.provider.name ?? invoice.providerId}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{invoice.lineCount}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{formatCents(invoice.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {hasMore ? (
          <button type="button" class="kern-btn kern-btn--secondary" disabled={loading} onClick={loadMore}>
            <span class="kern-label">Weitere Rechnungen laden</span>
          </button>
        ) : null}
      </div>
    </>
  );
}
