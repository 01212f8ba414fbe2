/**
 * The form that records one service (M14), built to be filled in a few seconds by keyboard: Tab from field
 * to field, arrows inside a choice, Enter saves from any field (except the note). Native inputs do the work
 * on a phone: type=date/time and number fields with a numeric keyboard. Every refusal of the server is shown
 * at its field (ApiError.messageFor), the engine's findings next to the save button before saving.
 */
import type { JSX } from "preact";
import { ApiError } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { ButtonRow, RadioGroup, SelectInput, TextInput } from "../../shell/formFields.tsx";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import type { DirectoryCase } from "./documentationTypes.ts";
import { EntryCheckFindings } from "./EntryCheckFindings.tsx";
import { durationOf, minutesText, type EntryFormValues } from "./entryForm.ts";
import { ASSISTANCE_OPTIONS, CHANNEL_OPTIONS, MODE_OPTIONS, SETTING_OPTIONS, TIME_KIND_OPTIONS } from "./entryLabels.ts";
import { FurtherDetails } from "./FurtherDetails.tsx";
import type { CaseChoices } from "./useCaseChoices.ts";
import type { ClientChooser } from "./useClientChooser.ts";
import type { EntryCheckState } from "./useEntryCheck.ts";

/** The id of the first field: focus returns here after a save. */
export const FIRST_FIELD_ID = "doku-klient";

/** Field of the request body → id of its control, in the order of the form (the first refused one gets focus). */
export const FIELD_IDS: [string, string][] = [
  ["caseId", FIRST_FIELD_ID],
  ["date", "doku-datum"],
  ["start", "doku-beginn"],
  ["end", "doku-ende"],
  ["minutes", "doku-minuten"],
  ["hours", "doku-minuten"],
  ["assistanceType", "doku-assistenz"],
  ["remoteReason", "doku-grund"],
  ["remoteChannel", "doku-kanal"],
  ["groupSize", "doku-gruppengroesse"],
  ["goalId", "doku-ziel"],
  ["staffId", "doku-mitarbeiter"],
  ["category", "doku-leistungsart"],
  ["place", "doku-ort"],
  ["attribution", "doku-zuordnung"],
  ["note", "doku-notiz"],
];

/** The id of the search field above the person's choice. */
export const CLIENT_SEARCH_ID = "doku-klient-suche";

function caseLabel(candidate: DirectoryCase): string {
  const agreement = candidate.agreementTitle ? `„${candidate.agreementTitle}“` : `Vereinbarung ${candidate.agreementInstanceId}`;
  const payer = candidate.payerName ? `, ${candidate.payerName}` : "";
  return `Fall ${candidate.id} (${agreement}${payer}, seit ${formatDate(candidate.start)}${candidate.end ? `, bis ${formatDate(candidate.end)}` : ""})`;
}

/** What the search found, said once it changes: „3 Treffer“ or „Die ersten 50 von 5.000 …“. */
function matchesText(chooser: ClientChooser): string {
  if (chooser.matches === undefined) return "";
  const shown = chooser.matches.length;
  const searched = chooser.search.trim() !== "";
  if (shown === 0) return searched ? `Keine Person gefunden zu „${chooser.search.trim()}“.` : "Keine Person zum Dokumentieren.";
  if (chooser.total > shown) return `Die ersten ${shown} von ${chooser.total.toLocaleString("de-DE")} ${searched ? "Treffern" : "Personen"}: Namen eingeben, um die Auswahl einzugrenzen.`;
  return searched ? `${shown} Treffer in der Auswahl „Klient:in“.` : "";
}

/** Enter in a select, radio or checkbox saves too (text fields submit by themselves; the note keeps its new lines). */
function submitOnEnter(event: JSX.TargetedKeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || event.isComposing) return;
  const target = event.target as HTMLElement;
  const choice = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox"));
  if (!choice) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

export interface EntryFormProps {
  values: EntryFormValues;
  set: (patch: Partial<EntryFormValues>) => void;
  chooser: ClientChooser;
  casesOfClient: DirectoryCase[];
  choices: CaseChoices;
  check: EntryCheckState;
  error: Error | undefined;
  busy: boolean;
  editing: boolean;
  moreOpen: boolean;
  onMoreToggle: (open: boolean) => void;
  onSubmit: () => void;
  onCancelEdit: () => void;
  onCompleteField: (field: string) => void;
}

export function EntryForm({ values, set, chooser, casesOfClient, choices, check, error, busy, editing, moreOpen, onMoreToggle, onSubmit, onCancelEdit, onCompleteField }: EntryFormProps) {
  const apiError = error instanceof ApiError ? error : undefined;
  const fieldError = (path: string) => apiError?.messageFor(path);
  const fromTimes = values.start && values.end ? durationOf({ start: values.start, end: values.end }) : undefined;
  const durationNote =
    fromTimes !== undefined ? `Aus Beginn und Ende: ${minutesText(fromTimes)}` : values.hours && !values.minutes && !values.start && !values.end ? `Gespeichert in Stunden: ${values.hours.replace(".", ",")}` : undefined;
  const matches = chooser.matches ?? [];
  const clientOptions = [...(chooser.chosen && !matches.some((match) => match.id === chooser.chosen?.id) ? [chooser.chosen] : []), ...matches].map((client) => ({ value: client.id, label: client.name }));
  const onlyCase = casesOfClient.length === 1 ? casesOfClient[0] : undefined;
  const clientHint = values.clientId === "" ? undefined : casesOfClient.length === 0 ? "Für diese Person ist kein Fall angelegt: hier kann nichts dokumentiert werden." : onlyCase ? caseLabel(onlyCase) : undefined;

  return (
    <form
      class="teilhabe-doc-form"
      noValidate
      onKeyDown={submitOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <TextInput
        id={CLIENT_SEARCH_ID}
        label="Person suchen"
        hint="Teil des Namens eingeben, Enter wählt den ersten Treffer."
        type="search"
        autoComplete="off"
        optional
        value={chooser.search}
        onInput={(event) => chooser.setSearch(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.isComposing) return;
          event.preventDefault();
          event.stopPropagation();
          const first = chooser.matches?.[0];
          if (first && !chooser.matches?.some((match) => match.id === values.clientId)) set({ clientId: first.id });
          document.getElementById(FIRST_FIELD_ID)?.focus();
        }}
      />
      <p class="kern-body kern-body--small teilhabe-doc-matches" role="status" id="doku-klient-treffer">
        {matchesText(chooser)}
      </p>
      <SelectInput
        id={FIRST_FIELD_ID}
        label="Klient:in"
        hint={clientHint}
        options={[{ value: "", label: "Bitte wählen" }, ...clientOptions]}
        value={values.clientId}
        error={casesOfClient.length > 1 ? undefined : fieldError("caseId")}
        onChange={(event) => set({ clientId: event.currentTarget.value })}
      />
      {casesOfClient.length > 1 ? (
        <SelectInput
          id="doku-fall"
          label="Fall"
          options={casesOfClient.map((candidate) => ({ value: candidate.id, label: caseLabel(candidate) }))}
          value={values.caseId}
          error={fieldError("caseId")}
          onChange={(event) => set({ caseId: event.currentTarget.value })}
        />
      ) : null}

      <TextInput id="doku-datum" label="Datum" type="date" value={values.date} error={fieldError("date")} onInput={(event) => set({ date: event.currentTarget.value })} />

      <fieldset class="kern-fieldset teilhabe-doc-duration" aria-describedby={durationNote ? "doku-dauer-hinweis doku-dauer-ergebnis" : "doku-dauer-hinweis"}>
        <legend class="kern-label">Dauer</legend>
        <div class="kern-hint" id="doku-dauer-hinweis">
          Beginn und Ende oder die Minuten angeben.
        </div>
        <div class="teilhabe-doc-duration__fields">
          <TextInput id="doku-beginn" label="Beginn" type="time" required={false} value={values.start} error={fieldError("start")} onInput={(event) => set({ start: event.currentTarget.value })} />
          <TextInput id="doku-ende" label="Ende" type="time" required={false} value={values.end} error={fieldError("end")} onInput={(event) => set({ end: event.currentTarget.value })} />
          <TextInput
            id="doku-minuten"
            label="Minuten"
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            step={1}
            required={false}
            value={values.minutes}
            error={fieldError("minutes") ?? fieldError("hours")}
            onInput={(event) => set({ minutes: event.currentTarget.value })}
          />
        </div>
        {durationNote ? (
          <p class="kern-body teilhabe-doc-duration__note" id="doku-dauer-ergebnis">
            {durationNote}
          </p>
        ) : null}
      </fieldset>

      <RadioGroup legend="Zeitart" name="doku-zeitart" value={values.timeKind} options={TIME_KIND_OPTIONS} error={fieldError("timeKind")} onChange={(timeKind) => set({ timeKind: timeKind as EntryFormValues["timeKind"] })} />
      <RadioGroup
        legend="Assistenzart"
        name="doku-assistenz"
        value={values.assistanceType}
        options={ASSISTANCE_OPTIONS}
        error={fieldError("assistanceType")}
        onChange={(assistanceType) => set({ assistanceType: assistanceType as EntryFormValues["assistanceType"] })}
      />
      <RadioGroup legend="Einzel- oder Gruppenleistung" name="doku-form" value={values.setting} options={SETTING_OPTIONS} error={fieldError("setting")} onChange={(setting) => set({ setting: setting as EntryFormValues["setting"] })} />
      {values.setting === "group" ? (
        <TextInput
          id="doku-gruppengroesse"
          label="Personen in der Gruppe"
          optional
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={values.groupSize}
          error={fieldError("groupSize")}
          onInput={(event) => set({ groupSize: event.currentTarget.value })}
        />
      ) : null}
      <RadioGroup legend="Durchführung" name="doku-durchfuehrung" value={values.mode} options={MODE_OPTIONS} error={fieldError("mode")} onChange={(mode) => set({ mode: mode as EntryFormValues["mode"] })} />
      {values.mode === "remote" ? (
        <div class="teilhabe-doc-remote">
          <TextInput
            id="doku-grund"
            label="Grund für die Leistung aus der Ferne"
            hint="z. B. „nicht anders möglich“ oder „situativ geboten“; ohne Grund meldet die Prüfung eine Warnung."
            required={false}
            value={values.remoteReason}
            error={fieldError("remoteReason")}
            onInput={(event) => set({ remoteReason: event.currentTarget.value })}
          />
          <SelectInput
            id="doku-kanal"
            label="Kommunikationsmittel"
            optional
            options={CHANNEL_OPTIONS}
            value={values.remoteChannel}
            error={fieldError("remoteChannel")}
            onChange={(event) => set({ remoteChannel: event.currentTarget.value as EntryFormValues["remoteChannel"] })}
          />
        </div>
      ) : null}

      <SelectInput
        id="doku-ziel"
        label="Förderziel"
        optional
        hint={values.caseId && !choices.goalsLoading && !choices.hilfeplan ? "Für diesen Fall ist kein Hilfeplan erfasst." : choices.hilfeplan ? `Ziele aus dem Hilfeplan vom ${formatDate(choices.hilfeplan.date)}` : undefined}
        options={[{ value: "", label: "Kein Förderziel" }, ...choices.goals]}
        value={values.goalId}
        error={fieldError("goalId")}
        onChange={(event) => set({ goalId: event.currentTarget.value })}
      />
      <SelectInput
        id="doku-mitarbeiter"
        label="Mitarbeiter:in"
        optional
        options={[{ value: "", label: "Keine Angabe" }, ...choices.staff]}
        value={values.staffId}
        error={fieldError("staffId")}
        onChange={(event) => set({ staffId: event.currentTarget.value })}
      />

      <FurtherDetails values={values} set={set} error={apiError} open={moreOpen} onToggle={onMoreToggle} categories={choices.categories} places={choices.places} />

      <div class="teilhabe-doc-submit">
        <EntryCheckFindings state={check} editing={editing} onCompleteField={onCompleteField} />
        <ProblemMessage error={error} title={editing ? "Änderung nicht gespeichert" : "Nicht gespeichert"} />
        <ButtonRow>
          <button type="submit" class="kern-btn kern-btn--primary teilhabe-doc-save" aria-disabled={busy ? "true" : undefined}>
            <span class="kern-label">{busy ? "Wird gespeichert …" : editing ? "Änderung speichern" : "Speichern"}</span>
          </button>
          {editing ? (
            <button type="button" class="kern-btn kern-btn--secondary" onClick={onCancelEdit}>
              <span class="kern-label">Abbrechen</span>
            </button>
          ) : null}
        </ButtonRow>
      </div>
    </form>
  );
}
