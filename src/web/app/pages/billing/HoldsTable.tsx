/**
 * The holds of one payer in a run: what is held (case, period, quantity, amount where known), why (the engine's
 * message with rule and clause) and what would release it. When an agreement input is missing, the input is
 * named and linked to the agreement of the provider where an administrator fills it in.
 */
import { formatCents } from "../../lib/germanFormat.ts";
import { formatQuantity, holdKindLabel } from "./billingLabels.ts";
import { RuleCell } from "./RuleCell.tsx";
import type { Hold } from "./billingTypes.ts";
import { periodText } from "./InvoiceLinesTable.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

/** What releases the hold; a missing input links to the provider's agreement of the hold's case (agreementInstanceId). */
function Release({ hold }: { hold: Hold }) {
  const instanceId = hold.agreementInstanceId;
  return (
    <>
      {hold.release}
      {hold.inputId ? (
        <>
          <br />
          {instanceId ? (
            <a class="kern-link" href={`/vereinbarungen/${encodeURIComponent(instanceId)}#eingabe-${encodeURIComponent(hold.inputId)}`}>
              Eingabe {hold.inputId} in der Vereinbarung erfassen
            </a>
          ) : (
            <a class="kern-link" href="/vereinbarungen">
              Eingabe {hold.inputId} fehlt (Vereinbarung {hold.agreementId})
            </a>
          )}
        </>
      ) : null}
    </>
  );
}

export function HoldsTable({ holds, caption }: { holds: Hold[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small">
        <caption class="kern-sr-only">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Klient:in / Fall</th>
            <th scope="col" class="kern-table__header">Grund</th>
            <th scope="col" class="kern-table__header">Freigabe durch</th>
            <th scope="col" class="kern-table__header">Regel, Fundstelle</th>
            <th scope="col" class="kern-table__header">Zeitraum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Menge</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {holds.map((hold) => (
            <tr class="kern-table__row" key={hold.id}>
              <td class="kern-table__cell teilhabe-billing-id">
                <a class="kern-link" href={`/klienten/${encodeURIComponent(hold.clientId)}`}>
                  {hold.clientId}
                </a>
                <br />
                Fall {hold.caseId}
              </td>
              <th scope="row" class="kern-table__cell">
                <span class={`kern-badge ${hold.kind === "rejected" ? "kern-badge--danger" : "kern-badge--warning"}`}>
                  <span class="kern-label">{holdKindLabel(hold.kind)}</span>
                </span>{" "}
                {hold.message}
              </th>
              <td class="kern-table__cell">
                <Release hold={hold} />
              </td>
              <RuleCell ruleId={hold.ruleId} clause={hold.source.clause} policies={hold.policies} />
              <td class="kern-table__cell teilhabe-billing-id">{periodText(hold.periodFrom, hold.periodTo)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{formatQuantity(hold.quantity, hold.unit)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{hold.amountCents === null ? "nicht berechnet" : formatCents(hold.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
