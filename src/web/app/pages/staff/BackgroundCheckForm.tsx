/**
 * Recording an inspected background check (§ 124 Abs. 2 SGB IX: only the inspection date, the issue date and
 * the result are stored, never the certificate). POST /api/v1/background-checks; every refused field is shown
 * at its field; the staffing evaluation is reloaded so the warning goes away.
 */
import { useState } from "preact/hooks";
import { ApiError, sendJson } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { ButtonRow, RadioGroup, SelectInput, TextInput } from "../../shell/formFields.tsx";
import type { BackgroundCheck, StaffMember } from "./staffTypes.ts";

export function BackgroundCheckForm({ members, today, onSaved }: { members: StaffMember[]; today: string; onSaved: (check: BackgroundCheck, name: string) => void }) {
  const [staffId, setStaffId] = useState("");
  const [inspectedOn, setInspectedOn] = useState(today);
  const [issuedOn, setIssuedOn] = useState("");
  const [result, setResult] = useState<"noEntries" | "relevantEntries">("noEntries");
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const saved = await sendJson<BackgroundCheck>("POST", "/background-checks", { staffId, inspectedOn, issuedOn, result });
      onSaved(saved, members.find((member) => member.id === staffId)?.name ?? staffId);
      setStaffId("");
      setIssuedOn("");
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.messageFor(path) : undefined);
  const general = error && !(error instanceof ApiError && error.fields.length > 0) ? error.message : undefined;

  return (
    <form class="teilhabe-staff-form" onSubmit={submit} noValidate>
      <SelectInput
        label="Mitarbeitende:r"
        value={staffId}
        onChange={(event) => setStaffId((event.target as HTMLSelectElement).value)}
        options={[{ value: "", label: "Bitte wählen" }, ...members.map((member) => ({ value: member.id, label: member.name }))]}
        error={fieldError("staffId")}
      />
      <TextInput label="Einsichtnahme am" type="date" value={inspectedOn} max={today} onInput={(event) => setInspectedOn((event.target as HTMLInputElement).value)} error={fieldError("inspectedOn")} />
      <TextInput
        label="Ausstellungsdatum des Zeugnisses"
        hint="Steht auf dem Führungszeugnis. Manche Vereinbarungen verlangen ein Zeugnis, das bei Vorlage nicht älter als drei Monate ist."
        type="date"
        value={issuedOn}
        max={inspectedOn || today}
        onInput={(event) => setIssuedOn((event.target as HTMLInputElement).value)}
        error={fieldError("issuedOn")}
      />
      <RadioGroup
        legend="Ergebnis"
        name="background-check-result"
        value={result}
        options={[
          { value: "noEntries", label: "Keine Einträge" },
          { value: "relevantEntries", label: "Einschlägige Einträge" },
        ]}
        onChange={(value) => setResult(value as "noEntries" | "relevantEntries")}
        error={fieldError("result")}
      />
      <p class="kern-body teilhabe-staff-note">Gespeichert werden nur diese drei Angaben, nie das Zeugnis oder seine Einträge (§ 124 Abs. 2 SGB IX). Heute ist der {formatDate(today)}.</p>
      {general ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true" />
            <span class="kern-title">Das Führungszeugnis wurde nicht erfasst</span>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{general}</p>
          </div>
        </div>
      ) : null}
      <ButtonRow>
        <button type="submit" class="kern-btn kern-btn--primary" disabled={saving}>
          <span class="kern-label">Führungszeugnis erfassen</span>
        </button>
      </ButtonRow>
    </form>
  );
}
