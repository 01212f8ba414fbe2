/** The head of an agreement instance: catalogue agreement, kind, Land, service, payer, validity, state, notes, downloads. */
import type { ComponentChildren } from "preact";
import { downloadUrl } from "../../lib/apiClient.ts";
import { KIND_LABELS, landName, validityText } from "./agreementLabels.ts";
import type { AgreementInstance, InstanceState } from "./agreementTypes.ts";
import { StateBadge } from "./StateBadge.tsx";

function Item({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

export function AgreementFacts({ instance, state, payerName }: { instance: AgreementInstance; state: InstanceState; payerName: string }) {
  const base = `/agreement-instances/${encodeURIComponent(instance.id)}`;
  const open = state.inputs.filter((input) => !input.perCase && !input.filled).length;
  return (
    <>
      <dl class="kern-description-list">
        <Item label="Zustand">
          <StateBadge state={state.state} /> {open > 0 ? `${open} offene Eingaben` : ""}
        </Item>
        <Item label="Vereinbarung im Katalog">
          {state.title} ({state.id}
          {state.template ? `, Vorlage ${state.template}` : ""})
        </Item>
        <Item label="Art">{KIND_LABELS[state.kind] ?? state.kind}</Item>
        <Item label="Land">{landName(state.land)}</Item>
        <Item label="Leistungsart">{state.serviceType}</Item>
        <Item label="Leistungsträger">{payerName}</Item>
        <Item label="Geltungszeitraum">{validityText(instance.validFrom ?? state.validFrom, instance.validTo ?? state.validTo)}</Item>
        {state.exampleInputs.length > 0 ? <Item label="Beispielwerte">{state.exampleInputs.join(", ")} (nur für Demo und Tests, keine echten Sätze)</Item> : null}
      </dl>
      {state.notes.length > 0 ? (
        <section class="teilhabe-agreement-section" aria-labelledby="agreement-notes">
          <h2 class="kern-heading-medium" id="agreement-notes">
            Hinweise zur Vereinbarung
          </h2>
          <ul class="kern-list">
            {state.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="teilhabe-agreement-section" aria-labelledby="agreement-downloads">
        <h2 class="kern-heading-medium" id="agreement-downloads">
          Vereinbarungstext
        </h2>
        <p class="kern-body">Der Text der Vereinbarung mit den gefüllten Eingaben; offene Eingaben sind darin als Lücke markiert.</p>
        <div class="teilhabe-agreement-downloads">
          <a class="kern-link" href={downloadUrl(`${base}/agreement.pdf`)} download>
            Vereinbarungstext als PDF herunterladen
          </a>
          <a class="kern-link" href={downloadUrl(`${base}/agreement.docx`)} download>
            Vereinbarungstext als Word-Datei (DOCX) herunterladen
          </a>
        </div>
      </section>
    </>
  );
}
