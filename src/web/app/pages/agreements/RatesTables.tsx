/**
 * The agreement's rates (M02) as printed: one table per rate with each period, its amount („1.446,38 €“) or the
 * input that fills it, the printed components, the clause with its quote and the rule id. An open amount links
 * to its input card; a filled one says whether it is an example value.
 */
import { formatAmount } from "../../lib/germanFormat.ts";
import { RATE_UNIT_LABELS, rateKeyText, validityText } from "./agreementLabels.ts";
import type { AgreementRate, RatePeriod } from "./agreementTypes.ts";
import { inputAnchor } from "./InputCard.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

function AmountCell({ period }: { period: RatePeriod }) {
  const link = period.inputId ? (
    <a class="kern-link" href={`#${inputAnchor(period.inputId)}`}>
      Eingabe {period.inputId}
    </a>
  ) : null;
  if (period.amount === undefined)
    return (
      <td class="kern-table__cell kern-table__cell--numeric">
        offen: {link}
      </td>
    );
  return (
    <td class="kern-table__cell kern-table__cell--numeric">
      <span class="teilhabe-agreement-nowrap">{formatAmount(period.amount)}</span>
      {period.example ? " (Beispielwert)" : ""}
      {link ? <span class="teilhabe-agreement-muted"> aus {link}</span> : null}
    </td>
  );
}

function RateTable({ rate }: { rate: AgreementRate }) {
  const details = [RATE_UNIT_LABELS[rate.unit] ?? rate.unit, rateKeyText(rate.key)].filter((text) => text !== "").join(", ");
  const caption = `${rate.label} (${details})`;
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Zeitraum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
            <th scope="col" class="kern-table__header">Bestandteile</th>
            <th scope="col" class="kern-table__header">Fundstelle</th>
            <th scope="col" class="kern-table__header">Regel</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rate.periods.map((period) => (
            <tr class="kern-table__row" key={period.validFrom}>
              <th scope="row" class="kern-table__cell">
                {validityText(period.validFrom, period.validTo)}
              </th>
              <AmountCell period={period} />
              <td class="kern-table__cell">
                {period.components.length === 0 ? (
                  "–"
                ) : (
                  <ul class="teilhabe-agreement-components">
                    {period.components.map((component) => (
                      <li key={component.name}>
                        {component.name} <span class="teilhabe-agreement-nowrap">{formatAmount(component.amount)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td class="kern-table__cell">
                {period.source.clause}, {period.source.file}
                <p class="teilhabe-agreement-quote">„{period.source.quote}“</p>
              </td>
              <td class="kern-table__cell teilhabe-agreement-nowrap">{period.ruleId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RatesTables({ rates }: { rates: AgreementRate[] }) {
  return (
    <>
      <h3 class="kern-heading-small">Sätze</h3>
      {rates.length === 0 ? (
        <p class="kern-body">Die Vereinbarung nennt keine Sätze mit Zeiträumen; die Vergütung steht in ihren Eingaben.</p>
      ) : (
        <>
          <p class="kern-body">Jeder Satz gilt für den Tag der Leistung, nicht für den Tag der Rechnung. Beträge stehen so da, wie die Vereinbarung sie druckt.</p>
          {rates.map((rate) => (
            <RateTable key={rate.id} rate={rate} />
          ))}
        </>
      )}
    </>
  );
}
