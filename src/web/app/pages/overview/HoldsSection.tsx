/**
 * Holds waiting for a decision: per month the latest billing run's holds, grouped by reason, with what would
 * release them and the rule and clause; the run's page is where they are reviewed and released.
 */
import { formatCents, formatMonth } from "../../lib/germanFormat.ts";
import { pluralText, ruleText } from "./overviewLabels.ts";
import type { HoldRun } from "./overviewTypes.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

function amountText(cents: number, withoutAmount: number, count: number): string {
  if (withoutAmount === count) return "Betrag offen";
  return withoutAmount > 0 ? `${formatCents(cents)} (dazu ${withoutAmount} ohne Betrag)` : formatCents(cents);
}

export function HoldsSection({ runs, canStartRun }: { runs: HoldRun[]; canStartRun: boolean }) {
  return (
    <section aria-labelledby="uebersicht-rueckhalte" class="teilhabe-overview-section">
      <h2 id="uebersicht-rueckhalte" class="kern-heading-medium">
        Rückhalte, die auf eine Entscheidung warten
      </h2>
      {runs.length === 0 ? (
        <p class="kern-body">
          Kein Abrechnungslauf hält etwas zurück.{" "}
          {canStartRun ? (
            <a class="kern-link" href="/abrechnung">
              Zur Abrechnung (Monat abrechnen)
            </a>
          ) : null}
        </p>
      ) : (
        runs.map((run) => (
          <div class="teilhabe-overview-run" key={run.runId}>
            <h3 class="kern-heading-small">
              Abrechnung {formatMonth(run.month)} ({run.state === "draft" ? "Entwurf" : "ausgestellt"})
            </h3>
            <p class="kern-body">
              {pluralText(run.holdCount, "Rückhalt", "Rückhalte")}: {formatCents(run.heldCents)} angehalten
              {run.withoutAmount > 0 ? `, bei ${pluralText(run.withoutAmount, "Rückhalt", "Rückhalten")} ist der Betrag noch offen` : ""}.{" "}
              <a class="kern-link" href={`/abrechnung/${encodeURIComponent(run.runId)}`}>
                Abrechnungslauf {formatMonth(run.month)} prüfen und freigeben
              </a>
            </p>
            <TableScroll label={`Rückhalte ${formatMonth(run.month)} nach Grund`}>
              <table class="kern-table kern-table--small teilhabe-overview-table">
                <caption class="kern-title">Rückhalte {formatMonth(run.month)} nach Grund</caption>
                <thead class="kern-table__header">
                  <tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">Grund</th>
                    <th scope="col" class="kern-table__header kern-table__cell--numeric">Anzahl</th>
                    <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
                    <th scope="col" class="kern-table__header">Freigabe durch</th>
                    <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {run.groups.map((group) => (
                    <tr class="kern-table__row" key={`${group.code}-${group.ruleId}-${group.message}`}>
                      <td class="kern-table__cell">
                        {group.kind === "rejected" ? <span class="teilhabe-overview-kind">Abgelehnt: </span> : null}
                        {group.message}
                      </td>
                      <td class="kern-table__cell kern-table__cell--numeric">{group.count.toLocaleString("de-DE")}</td>
                      <td class="kern-table__cell kern-table__cell--numeric">{amountText(group.amountCents, group.withoutAmount, group.count)}</td>
                      <td class="kern-table__cell">
                        {group.release}
                        {group.inputId ? <div class="teilhabe-overview-note">Eingabe {group.inputId}</div> : null}
                      </td>
                      <td class="kern-table__cell teilhabe-nowrap">{ruleText(group.ruleId, group.source)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        ))
      )}
    </section>
  );
}
