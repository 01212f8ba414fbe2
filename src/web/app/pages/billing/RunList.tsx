/**
 * The provider's billing runs as the server orders them (newest month first, in a month the newest run first),
 * each with its state and totals (GET /billing-runs gives them per row), a page at a time: „Ältere Läufe
 * anzeigen“ continues with the server's cursor. A new run (reloadKey) starts again at the first page.
 */
import { queryOf } from "../../lib/apiClient.ts";
import { usePagedList } from "../../lib/usePagedList.ts";
import { formatAmount, formatDateTime, formatMonth } from "../../lib/germanFormat.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { runStateLabel } from "./billingLabels.ts";
import type { RunListItem } from "./billingTypes.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

const PAGE_SIZE = 12;

export function RunList({ reloadKey }: { reloadKey: number }) {
  const { items, hasMore, loading, error, continued, loadMore } = usePagedList<RunListItem>(`/billing-runs${queryOf({ limit: PAGE_SIZE })}`, reloadKey);

  return (
    <section aria-labelledby="run-list-heading" class="teilhabe-billing-section">
      <h2 class="kern-heading-medium" id="run-list-heading">
        Abrechnungsläufe
      </h2>
      {loading && !items ? <LoadingNote /> : null}
      <ProblemMessage error={error} title="Abrechnungsläufe nicht geladen" />
      {items && items.length === 0 ? <p class="kern-body">Noch kein Abrechnungslauf.</p> : null}
      {items && items.length > 0 ? <RunTable rows={items} /> : null}
      <p class="kern-sr-only" role="status">
        {continued && items ? `${items.length} Abrechnungsläufe angezeigt` : ""}
      </p>
      {hasMore ? (
        <button type="button" class="kern-btn kern-btn--secondary" disabled={loading} onClick={loadMore}>
          <span class="kern-label">{loading ? "Wird geladen …" : "Ältere Läufe anzeigen"}</span>
        </button>
      ) : null}
    </section>
  );
}

function RunTable({ rows }: { rows: RunListItem[] }) {
  return (
    <TableScroll label="Abrechnungsläufe, neueste zuerst">
      <table class="kern-table">
        <caption class="kern-sr-only">Abrechnungsläufe, neueste zuerst</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Monat</th>
            <th scope="col" class="kern-table__header">Zustand</th>
            <th scope="col" class="kern-table__header">Berechnet</th>
            <th scope="col" class="kern-table__header">Ausgestellt</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Fälle</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Rechnungen</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Summe</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Rückhalte (Betrag)</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row) => (
            <tr class="kern-table__row" key={row.id}>
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={`/abrechnung/${encodeURIComponent(row.id)}`}>
                  {formatMonth(row.month)}
                </a>
              </th>
              <td class="kern-table__cell">
                <span class={`kern-badge ${row.state === "issued" ? "kern-badge--success" : "kern-badge--info"}`}>
                  <span class="kern-label">{runStateLabel(row.state)}</span>
                </span>
              </td>
              <td class="kern-table__cell">{formatDateTime(row.computedAt)}</td>
              <td class="kern-table__cell">{formatDateTime(row.issuedAt)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{row.caseCount}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{row.totals.invoiceCount}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{formatAmount(row.totals.total)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">
                {row.totals.holdCount} ({formatAmount(row.totals.held)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
