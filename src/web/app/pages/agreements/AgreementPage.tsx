/**
 * Vereinbarung: one agreement instance of the provider with its state, clauses, period and values, the
 * product decisions it uses, and its inputs (administrators fill them; everyone else reads them). The page
 * keeps showing the loaded agreement while it reloads after a save, so forms keep their focus and message.
 * A link to `/vereinbarungen/<instance>#eingabe-<inputId>` (a hold naming a missing input) moves the focus to that
 * input's card once the agreement has loaded.
 */
import { useEffect } from "preact/hooks";
import { ApiError } from "../../lib/apiClient.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { useSession } from "../../shell/sessionContext.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { AgreementFacts } from "./AgreementFacts.tsx";
import type { AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { ClauseIndex } from "./ClauseIndex.tsx";
import { inputAnchor } from "./InputCard.tsx";
import { InputsSection } from "./InputsSection.tsx";
import { PolicyOptions } from "./PolicyOptions.tsx";
import { payerText, usePayerNames } from "./usePayerNames.ts";
import { ValuesTable } from "./ValuesTable.tsx";
import "./agreements.css";

export function AgreementPage({ id }: { id: string }) {
  const session = useSession();
  const path = `/agreement-instances/${encodeURIComponent(id)}`;
  const instance = useApiResource<AgreementInstance>(path);
  const state = useApiResource<InstanceState>(`${path}/state`);
  const payerNames = usePayerNames();
  const title = instance.data?.title ?? state.data?.title ?? "Vereinbarung";
  usePageTitle(title);
  const loaded = Boolean(instance.data && state.data);
  useEffect(() => {
    const match = /^#eingabe-(.+)$/.exec(window.location.hash);
    if (!loaded || !match) return;
    const heading = document.getElementById(`${inputAnchor(decodeURIComponent(match[1]!))}-title`);
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  }, [loaded]);

  const error = instance.error ?? state.error;
  if (error && !(instance.data && state.data)) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <>
        <h1 class="kern-heading-large">{notFound ? "Vereinbarung nicht gefunden" : "Vereinbarung"}</h1>
        <ProblemMessage error={error} title={notFound ? "Diese Vereinbarung gibt es nicht oder Sie dürfen sie nicht sehen" : "Die Vereinbarung konnte nicht geladen werden"} />
        <p class="kern-body">
          Zurück zu den <a href="/vereinbarungen">Vereinbarungen</a>.
        </p>
      </>
    );
  }
  if (!instance.data || !state.data)
    return (
      <>
        <h1 class="kern-heading-large">Vereinbarung</h1>
        <LoadingNote />
      </>
    );

  const reload = () => {
    instance.reload();
    state.reload();
  };
  return (
    <>
      <p class="kern-body">
        <a href="/vereinbarungen">Alle Vereinbarungen</a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <AgreementFacts instance={instance.data} state={state.data} payerName={payerText(payerNames, instance.data.payerId)} />
      <ValuesTable instance={instance.data} state={state.data} />
      <InputsSection instance={instance.data} state={state.data} editable={session.role === "administrator"} onSaved={reload} />
      <PolicyOptions state={state.data} editing={session.role === "administrator" ? { instance: instance.data, onSaved: reload } : undefined} />
      <ClauseIndex state={state.data} />
    </>
  );
}
