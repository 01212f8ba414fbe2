/**
 * The inputs of one agreement instance: how many are open, then every input of the agreement in its own
 * order (an input that is filled stays in its place, so the form keeps the focus and its status message),
 * and the inputs recorded per case (in the case file, not here).
 */
import type { AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { InputCard } from "./InputCard.tsx";

export function InputsSection({ instance, state, editable, onSaved }: { instance: AgreementInstance; state: InstanceState; editable: boolean; onSaved: () => void }) {
  const agreementInputs = state.inputs.filter((input) => !input.perCase);
  const perCase = state.inputs.filter((input) => input.perCase);
  const open = agreementInputs.filter((input) => !input.filled);
  const allInputs = instance.inputs ?? {};
  return (
    <section class="teilhabe-agreement-section" aria-labelledby="agreement-inputs">
      <h2 class="kern-heading-medium" id="agreement-inputs">
        Offene Eingaben
      </h2>
      <p class="kern-body">
        {open.length === 0 ? "Alle Eingaben der Vereinbarung sind gefüllt." : `${open.length} von ${agreementInputs.length} Eingaben sind offen: ${open.map((input) => input.id).join(", ")}.`}{" "}
        Was eine offene Eingabe braucht (eine Abrechnung, eine Frist), hält an und nennt die Eingabe.
      </p>
      <p class="kern-body">
        {editable
          ? "Sie füllen die Eingaben als Administration. Jede Änderung wird mit Ihrem Namen im Protokoll vermerkt."
          : "Die Eingaben füllt die Administration. Sie sehen sie hier zum Lesen."}
      </p>
      {agreementInputs.map((input) => (
        <InputCard key={input.id} instanceId={instance.id} input={input} allInputs={allInputs} editable={editable} onSaved={onSaved} />
      ))}
      {perCase.length > 0 ? (
        <>
          <h3 class="kern-heading-small">Eingaben je Fall</h3>
          <p class="kern-body">Diese Eingaben werden in der Falldatei jeder Person erfasst, nicht in der Vereinbarung.</p>
          <ul class="kern-list">
            {perCase.map((input) => (
              <li key={input.id}>
                {input.id} · {input.label} ({input.clause}, „{input.quote}“)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
