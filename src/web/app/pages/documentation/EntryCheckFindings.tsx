/**
 * The engine's findings about the entry being typed, shown before it is saved: each with its severity in
 * words, the German message, and the rule id, clause and policy options the API gives. A live region
 * (role="status") next to the save button, so a screen reader hears a new warning without losing its place.
 * Warnings never stop the save: the person decides. A finding naming a missing field leads to it.
 */
import { ApiError } from "../../lib/apiClient.ts";
import type { EntryCheckFinding } from "./documentationTypes.ts";
import { SEVERITY_BADGES, SEVERITY_LABELS } from "./entryLabels.ts";
import type { EntryCheckState } from "./useEntryCheck.ts";

/** Fields a finding may name as missing, with the words of the form. */
export const COMPLETABLE_FIELDS: Record<string, string> = {
  staffId: "Mitarbeiter:in",
  category: "Leistungsart",
  place: "Ort der Leistung",
  assistanceType: "Assistenzart",
  goalId: "Förderziel",
};

function FindingItem({ finding, onCompleteField }: { finding: EntryCheckFinding; onCompleteField: (field: string) => void }) {
  const policies = finding.explanation?.policies ?? [];
  const missing = (finding.details?.missing ?? []).filter((field) => COMPLETABLE_FIELDS[field] !== undefined);
  return (
    <li class="teilhabe-doc-finding">
      <span class={`kern-badge ${SEVERITY_BADGES[finding.severity]}`}>
        <span class="kern-label kern-label--small">{SEVERITY_LABELS[finding.severity]}</span>
      </span>{" "}
      <span class="kern-body">{finding.message}</span>
      <span class="kern-body kern-body--small teilhabe-doc-finding__source">
        Regel {finding.ruleId}, {finding.clause}
        {policies.map((policy) => `; Entscheidung ${policy.decision}: Option ${policy.option}`).join("")}
      </span>
      {missing.map((field) => (
        <button key={field} type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small teilhabe-doc-finding__action" onClick={() => onCompleteField(field)}>
          <span class="kern-label">{COMPLETABLE_FIELDS[field]} ergänzen</span>
        </button>
      ))}
    </li>
  );
}

function CheckContent({ state, onCompleteField }: { state: EntryCheckState; onCompleteField: (field: string) => void }) {
  if (state.kind === "incomplete") return <p class="kern-body">Die Prüfung beginnt, sobald Klient:in, Datum und Dauer angegeben sind.</p>;
  if (state.kind === "checking" && !state.previous) return <p class="kern-body">Wird geprüft …</p>;
  if (state.kind === "failed") {
    const fields = state.error instanceof ApiError ? state.error.fields : [];
    return (
      <p class="kern-body">
        {fields.length > 0 ? `Noch nicht prüfbar: ${fields.map((field) => field.message).join("; ")}` : `Prüfung nicht möglich: ${state.error.message}`}
      </p>
    );
  }
  const result = state.kind === "checking" ? state.previous! : state.result;
  const { findings } = result;
  if (findings.length === 0) return <p class="kern-body">Keine Hinweise: die Regelmaschine hat an diesem Eintrag nichts auszusetzen.</p>;
  const warnings = findings.filter((finding) => finding.severity !== "info").length;
  return (
    <>
      <p class="kern-body">
        {findings.length === 1 ? "1 Hinweis" : `${findings.length} Hinweise`} der Regelmaschine
        {warnings > 0 ? " – Sie können trotzdem speichern." : "."}
      </p>
      <ul class="teilhabe-doc-findings">
        {findings.map((finding, index) => (
          <FindingItem key={`${finding.code}-${index}`} finding={finding} onCompleteField={onCompleteField} />
        ))}
      </ul>
    </>
  );
}

export function EntryCheckFindings({ state, editing, onCompleteField }: { state: EntryCheckState; editing: boolean; onCompleteField: (field: string) => void }) {
  const shown = state.kind === "done" ? state.result : state.kind === "checking" ? state.previous : undefined;
  const hasWarnings = shown !== undefined && shown.findings.some((finding) => finding.severity !== "info");
  const updating = state.kind === "checking" && state.previous !== undefined;
  return (
    <div class={`teilhabe-doc-check${hasWarnings ? " teilhabe-doc-check--warning" : ""}`}>
      <h3 class="kern-heading-small" id="doku-pruefung">
        Prüfung vor dem Speichern
      </h3>
      <div role="status" aria-live="polite" aria-labelledby="doku-pruefung" id="doku-pruefung-ergebnis" aria-busy={updating ? "true" : undefined}>
        <CheckContent state={state} onCompleteField={onCompleteField} />
      </div>
      {updating ? (
        <p class="kern-body kern-body--small" aria-hidden="true">
          Wird mit den geänderten Angaben neu geprüft …
        </p>
      ) : null}
      {editing ? <p class="kern-body kern-body--small">Beim Ändern prüft die Regelmaschine den geänderten Eintrag an Stelle des gespeicherten.</p> : null}
    </div>
  );
}
