/**
 * The provider's agreement instances (GET /agreement-instances), each with the resolved state of its
 * agreement (GET /agreement-instances/:id/state): title, Land, payer, state, validity and open inputs.
 */
import { useEffect, useState } from "preact/hooks";
import { getJson } from "../../lib/apiClient.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { landName, validityText } from "./agreementLabels.ts";
import type { AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { StateBadge } from "./StateBadge.tsx";
import { payerText } from "./usePayerNames.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface Row {
  instance: AgreementInstance;
  state: InstanceState | undefined;
}

function useInstanceStates(instances: AgreementInstance[]): { rows: Row[]; error: Error | undefined } {
  const [states, setStates] = useState<Map<string, InstanceState>>(new Map());
  const [error, setError] = useState<Error | undefined>(undefined);
  const key = instances.map((instance) => instance.id).join("|");
  useEffect(() => {
    const controller = new AbortController();
    Promise.all(instances.map((instance) => getJson<InstanceState>(`/agreement-instances/${encodeURIComponent(instance.id)}/state`, { signal: controller.signal })))
      .then((found) => setStates(new Map(found.map((state) => [state.instanceId, state]))))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught : new Error(String(caught)));
      });
    return () => controller.abort();
  }, [key]);
  return { rows: instances.map((instance) => ({ instance, state: states.get(instance.id) })), error };
}

export function InstanceTable({ instances, payerNames }: { instances: AgreementInstance[]; payerNames: Map<string, string> }) {
  const { rows, error } = useInstanceStates(instances);
  if (error) return <ProblemMessage error={error} title="Der Zustand der Vereinbarungen konnte nicht geladen werden" />;
  if (instances.length > 0 && rows.every((row) => !row.state)) return <LoadingNote label="Zustand der Vereinbarungen wird geladen …" />;
  return (
    <TableScroll label="Vereinbarungen des Trägers">
      <table class="kern-table">
        <caption class="kern-title">Vereinbarungen des Trägers ({instances.length})</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Vereinbarung</th>
            <th scope="col" class="kern-table__header">Land</th>
            <th scope="col" class="kern-table__header">Leistungsträger</th>
            <th scope="col" class="kern-table__header">Zustand</th>
            <th scope="col" class="kern-table__header">Geltungszeitraum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Offene Eingaben</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map(({ instance, state }) => (
            <tr class="kern-table__row" key={instance.id}>
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={`/vereinbarungen/${encodeURIComponent(instance.id)}`}>
                  {instance.title ?? state?.title ?? instance.agreementId}
                </a>
                <br />
                <span class="teilhabe-agreement-muted">Katalog: {instance.agreementId}</span>
              </th>
              <td class="kern-table__cell">{state ? landName(state.land) : "–"}</td>
              <td class="kern-table__cell">{payerText(payerNames, instance.payerId)}</td>
              <td class="kern-table__cell">{state ? <StateBadge state={state.state} /> : "–"}</td>
              <td class="kern-table__cell">{validityText(instance.validFrom ?? state?.validFrom, instance.validTo ?? state?.validTo)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{state ? state.openInputs.length : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
