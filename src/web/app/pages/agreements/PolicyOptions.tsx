/**
 * The product decisions (decisions.md, D01–D32) that shape this agreement's results, as the API gives them for
 * this agreement (GET /agreement-instances/:id/state `decisions`): for each the question, the default, the
 * alternatives that stay selectable, the option in force and where it comes from (the instance's choice, the
 * catalogue agreement's, else the default). Decisions of other agreements are not listed.
 */
import { decisionOriginText } from "./agreementLabels.ts";
import type { AgreementDecision, AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { PolicyChoiceForm } from "./PolicyChoiceForm.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface Editing {
  instance: AgreementInstance;
  onSaved: () => void;
}

function DecisionTable({ decisions, caption, editing }: { decisions: AgreementDecision[]; caption: string; editing: Editing | undefined }) {
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Entscheidung</th>
            <th scope="col" class="kern-table__header">Gewählt</th>
            <th scope="col" class="kern-table__header">Möglichkeiten</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {decisions.map((decision) => {
            const chosenText = decision.options.find((option) => option.option === decision.chosen)?.text ?? "unbekannte Option";
            return (
              <tr class="kern-table__row" key={decision.id}>
                <th scope="row" class="kern-table__cell">
                  {decision.id}: {decision.question}
                </th>
                <td class="kern-table__cell">
                  <strong>{decision.chosen}</strong>: {chosenText} ({decisionOriginText(decision.origin, decision.chosen, decision.defaultOption)})
                  {editing && decision.options.length > 1 ? <PolicyChoiceForm instanceId={editing.instance.id} decision={decision} instancePolicies={editing.instance.policies ?? {}} onSaved={editing.onSaved} /> : null}
                </td>
                <td class="kern-table__cell">
                  <ul class="kern-list">
                    {decision.options.map(({ option, text }) => (
                      <li key={option}>
                        {option}: {text}
                        {option === decision.defaultOption ? " (Standard)" : ""}
                        {option === decision.chosen ? " – gewählt" : ""}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "A4" for A4 and for instances built on it ("A0-beispiel-leipzig" with template A0 → "A0"). */
function agreementCode(state: InstanceState): string {
  return /^A\d+/.exec(state.template ?? state.id)?.[0] ?? state.id;
}

export function PolicyOptions({ state, editing }: { state: InstanceState; editing?: Editing | undefined }) {
  const specific = state.decisions.filter((decision) => decision.scope === "agreement");
  const general = state.decisions.filter((decision) => decision.scope === "general");
  return (
    <section class="teilhabe-agreement-section" aria-labelledby="agreement-policies">
      <h2 class="kern-heading-medium" id="agreement-policies">
        Produktentscheidungen
      </h2>
      <p class="kern-body">Wo die Vereinbarung offen lässt, wie gerechnet wird, gilt die Standard-Option aus decisions.md, bis eine andere gewählt ist.</p>
      {specific.length > 0 ? (
        <DecisionTable decisions={specific} caption={`Entscheidungen für ${agreementCode(state)} (${specific.length})`} editing={editing} />
      ) : (
        <p class="kern-body">Für diese Vereinbarung gibt es keine eigenen Entscheidungen.</p>
      )}
      <details class="kern-accordion">
        <summary class="kern-accordion__header">
          <span class="kern-title">Allgemeine Entscheidungen für alle Vereinbarungen ({general.length})</span>
        </summary>
        <div class="kern-accordion__body">
          <DecisionTable decisions={general} caption="Allgemeine Entscheidungen" editing={editing} />
        </div>
      </details>
    </section>
  );
}
