/**
 * „Weitere Angaben“: the entry's optional fields behind a native disclosure (details/summary, opened by
 * Enter or Space): kind of service and place (suggested from the case's earlier entries), payer attribution,
 * consent, a service for the person without them present, and a note that is never billed.
 */
import { ApiError } from "../../lib/apiClient.ts";
import { Checkbox, SelectInput, TextArea, TextInput } from "../../shell/formFields.tsx";
import type { EntryFormValues } from "./entryForm.ts";
import { ATTRIBUTION_OPTIONS } from "./entryLabels.ts";

/** The fields inside the disclosure (a refusal naming one of them opens it). */
export const FURTHER_DETAIL_FIELDS = ["category", "place", "attribution", "consent", "withoutPersonPresent", "note"] as const;

export function FurtherDetails({
  values,
  set,
  error,
  open,
  onToggle,
  categories,
  places,
}: {
  values: EntryFormValues;
  set: (patch: Partial<EntryFormValues>) => void;
  error: ApiError | undefined;
  open: boolean;
  onToggle: (open: boolean) => void;
  categories: string[];
  places: string[];
}) {
  return (
    <details class="kern-accordion teilhabe-doc-more" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary class="kern-accordion__header">
        <span class="kern-title">Weitere Angaben</span>
      </summary>
      <div class="kern-accordion__body">
        <TextInput
          id="doku-leistungsart"
          label="Leistungsart"
          optional
          hint="z. B. „Haushaltsführung anleiten“"
          list="doku-leistungsarten"
          value={values.category}
          error={error?.messageFor("category")}
          onInput={(event) => set({ category: event.currentTarget.value })}
        />
        <datalist id="doku-leistungsarten">
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <TextInput
          id="doku-ort"
          label="Ort der Leistung"
          optional
          hint="z. B. „Wohnung“"
          list="doku-orte"
          value={values.place}
          error={error?.messageFor("place")}
          onInput={(event) => set({ place: event.currentTarget.value })}
        />
        <datalist id="doku-orte">
          {places.map((place) => (
            <option key={place} value={place} />
          ))}
        </datalist>
        <SelectInput
          id="doku-zuordnung"
          label="Zuordnung zum Leistungsträger"
          optional
          options={ATTRIBUTION_OPTIONS}
          value={values.attribution}
          error={error?.messageFor("attribution")}
          onChange={(event) => set({ attribution: event.currentTarget.value as EntryFormValues["attribution"] })}
        />
        <div class="teilhabe-doc-checks">
          <Checkbox id="doku-zustimmung" label="Die Person hat zugestimmt (Leistung für sie, Gruppenangebot)" checked={values.consent} onChange={(consent) => set({ consent })} />
          <Checkbox id="doku-ohne-person" label="Leistung für die Person ohne ihre Anwesenheit" checked={values.withoutPersonPresent} onChange={(withoutPersonPresent) => set({ withoutPersonPresent })} />
        </div>
        <TextArea
          id="doku-notiz"
          label="Notiz"
          optional
          hint="Wird nicht abgerechnet."
          rows={3}
          value={values.note}
          error={error?.messageFor("note")}
          onInput={(event) => set({ note: event.currentTarget.value })}
        />
      </div>
    </details>
  );
}
