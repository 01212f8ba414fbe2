/**
 * The agreement's period, its rates with their periods (RatesTables), and the values that stand in for its
 * rates and figures: every amount input and every value filled (by the provider or in the catalogue's
 * agreement), each with its source (file, clause, quote of the gap) and its validity.
 */
import { validityText } from "./agreementLabels.ts";
import type { AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { inputValueText } from "./inputValues.ts";
import { RatesTables } from "./RatesTables.tsx";
import { inputAnchor } from "./InputCard.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

export function ValuesTable({ instance, state }: { instance: AgreementInstance; state: InstanceState }) {
  const stored = instance.inputs ?? {};
  const rows = state.inputs.filter((input) => !input.perCase && (input.type === "money" || input.filled));
  return (
    <section class="teilhabe-agreement-section" aria-labelledby="agreement-values">
      <h2 class="kern-heading-medium" id="agreement-values">
        Zeitraum, Sätze und Werte
      </h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Geltungszeitraum der Vereinbarung</dt>
          <dd class="kern-description-list-item__value">{validityText(state.validFrom, state.validTo)}</dd>
        </div>
        {instance.validFrom || instance.validTo ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Geltungszeitraum beim Träger</dt>
            <dd class="kern-description-list-item__value">{validityText(instance.validFrom, instance.validTo)}</dd>
          </div>
        ) : null}
      </dl>
      <RatesTables rates={state.rates} />
      {rows.length > 0 ? (
        <>
          <h3 class="kern-heading-small">Beträge und gefüllte Werte</h3>
          <TableScroll label="Beträge und gefüllte Werte">
            <table class="kern-table kern-table--small">
              <caption class="kern-title">Beträge und gefüllte Werte mit Fundstelle</caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">Eingabe</th>
                  <th scope="col" class="kern-table__header kern-table__cell--numeric">Wert</th>
                  <th scope="col" class="kern-table__header">Gültig</th>
                  <th scope="col" class="kern-table__header">Fundstelle</th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {rows.map((input) => {
                  const value = stored[input.id];
                  return (
                    <tr class="kern-table__row" key={input.id}>
                      <th scope="row" class="kern-table__cell">
                        <a class="kern-link" href={`#${inputAnchor(input.id)}`}>
                          {input.id}
                        </a>{" "}
                        {input.label}
                      </th>
                      <td class="kern-table__cell kern-table__cell--numeric">
                        {value ? inputValueText(input, value.value) : input.filled ? inputValueText(input, input.value) : "offen"}
                        {value?.example || input.example ? " (Beispielwert)" : ""}
                      </td>
                      <td class="kern-table__cell">{value?.validFrom || value?.validTo ? validityText(value.validFrom, value.validTo) : validityText(state.validFrom, state.validTo)}</td>
                      <td class="kern-table__cell">
                        {input.clause}, {input.file}
                        <p class="teilhabe-agreement-quote">„{input.quote}“</p>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
