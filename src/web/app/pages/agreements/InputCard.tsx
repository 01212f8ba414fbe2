/**
 * One input of the agreement (rules.md section 3, M17): its id, label, clause with the quote of the gap, who
 * fills it and what it holds while open. An administrator fills it in a form whose field follows the input's
 * type (amount in euros, number, date, time, text, list, yes/no); a refused value shows the server's German
 * message at the field. Everyone else reads the value. Each saved change is audited by the server.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiError, sendJson } from "../../lib/apiClient.ts";
import { ButtonRow, Checkbox, RadioGroup, SelectInput, TextArea, TextInput } from "../../shell/formFields.tsx";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { INPUT_TYPE_LABELS, OWNER_LABELS, validityText } from "./agreementLabels.ts";
import type { AgreementDetail, InstanceInputValue } from "./agreementTypes.ts";
import { fromFormText, inputValueText, toFormText, typeHint, unitSuffix } from "./inputValues.ts";

export type InputDescription = AgreementDetail["inputs"][number];

export function inputAnchor(id: string): string {
  return `eingabe-${id}`;
}

function InputStatus({ input, stored }: { input: InputDescription; stored: InstanceInputValue | undefined }) {
  if (!input.filled)
    return (
      <span class="kern-badge kern-badge--warning">
        <span class="kern-label">offen</span>
      </span>
    );
  return (
    <>
      <span class="kern-badge kern-badge--success">
        <span class="kern-label">{stored ? "gefüllt" : "in der Vereinbarung gefüllt"}</span>
      </span>
      {input.example || stored?.example ? (
        <>
          {" "}
          <span class="kern-badge kern-badge--info">
            <span class="kern-label">Beispielwert</span>
          </span>
        </>
      ) : null}
    </>
  );
}

function SourceLines({ input }: { input: InputDescription }) {
  return (
    <p class="kern-body teilhabe-agreement-input__source">
      <strong>Fundstelle {input.clause}</strong> ({input.file}): „{input.quote}“
      <br />
      {INPUT_TYPE_LABELS[input.type] ?? input.type} · füllt: {OWNER_LABELS[input.owner] ?? input.owner}
      {input.blocks.length > 0 ? ` · hält an, solange offen: ${input.blocks.join(", ")}` : ""}
    </p>
  );
}

function StoredValue({ input, stored }: { input: InputDescription; stored: InstanceInputValue | undefined }) {
  return (
    <dl class="kern-description-list">
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">Wert</dt>
        <dd class="kern-description-list-item__value">
          {stored ? inputValueText(input, stored.value) : input.filled ? `${inputValueText(input, input.value)}${input.example ? " (Beispielwert)" : ""}, in der Vereinbarung des Katalogs gefüllt` : "noch nicht gefüllt"}
        </dd>
      </div>
      {stored?.note ? (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Notiz</dt>
          <dd class="kern-description-list-item__value">{stored.note}</dd>
        </div>
      ) : null}
      {stored?.validFrom || stored?.validTo ? (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Gültig</dt>
          <dd class="kern-description-list-item__value">{validityText(stored.validFrom, stored.validTo)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

interface InputFormProps {
  instanceId: string;
  input: InputDescription;
  allInputs: Record<string, InstanceInputValue>;
  onSaved: () => void;
}

function ValueField({ input, text, setText, error }: { input: InputDescription; text: string; setText: (text: string) => void; error: string | undefined }) {
  const label = `Wert für ${input.id} (${input.clause})${unitSuffix(input.type)}`;
  const hint = typeHint(input.type) || undefined;
  const onInput = (event: Event) => setText((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  switch (input.type) {
    case "boolean":
      return (
        <RadioGroup
          legend={label}
          name={`value-${input.id}`}
          value={text}
          options={[
            { value: "true", label: "Ja" },
            { value: "false", label: "Nein" },
          ]}
          onChange={setText}
          error={error}
        />
      );
    case "choice":
      return (
        <SelectInput
          label={label}
          error={error}
          optional
          value={text}
          onChange={(event) => setText((event.currentTarget as HTMLSelectElement).value)}
          options={[{ value: "", label: "– nicht gefüllt –" }, ...(input.choices ?? []).map((choice) => ({ value: choice.value, label: choice.label ? `${choice.label} (${choice.value})` : choice.value }))]}
        />
      );
    case "textList":
      return <TextArea label={label} hint={hint} error={error} optional value={text} onInput={onInput} rows={3} />;
    case "date":
      return <TextInput label={label} error={error} optional type="date" value={text} onInput={onInput} />;
    case "time":
      return <TextInput label={label} error={error} optional type="time" value={text} onInput={onInput} />;
    default:
      return (
        <TextInput
          label={label}
          hint={hint}
          error={error}
          optional
          type="text"
          inputMode={input.type === "integer" ? "numeric" : input.type === "money" || input.type === "decimal" ? "decimal" : undefined}
          autoComplete="off"
          value={text}
          onInput={onInput}
        />
      );
  }
}

function InputForm({ instanceId, input, allInputs, onSaved }: InputFormProps) {
  const stored = allInputs[input.id];
  const [text, setText] = useState(toFormText(input.type, stored?.value));
  const [example, setExample] = useState(stored?.example ?? false);
  const [note, setNote] = useState(stored?.note ?? "");
  const [validFrom, setValidFrom] = useState(stored?.validFrom ?? "");
  const [validTo, setValidTo] = useState(stored?.validTo ?? "");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);

  useEffect(() => {
    setText(toFormText(input.type, stored?.value));
    setExample(stored?.example ?? false);
    setNote(stored?.note ?? "");
    setValidFrom(stored?.validFrom ?? "");
    setValidTo(stored?.validTo ?? "");
  }, [JSON.stringify(stored)]);

  const fieldError = (suffix: string) => (error instanceof ApiError ? error.messageFor(`inputs.${input.id}${suffix}`) : undefined);
  const valueError = fieldError(".value") ?? fieldError("");
  const shownFields = new Set([`inputs.${input.id}.value`, `inputs.${input.id}`, `inputs.${input.id}.validFrom`, `inputs.${input.id}.validTo`, `inputs.${input.id}.note`]);
  const otherProblem = error && (!(error instanceof ApiError) || error.fields.length === 0 || error.fields.some((field) => !shownFields.has(field.path))) ? error : undefined;

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setStatus(undefined);
    setError(undefined);
    const value = fromFormText(input.type, text);
    const inputs = { ...allInputs };
    if (value === undefined) delete inputs[input.id];
    else
      inputs[input.id] = {
        value,
        ...(example ? { example: true } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(validFrom ? { validFrom } : {}),
        ...(validTo ? { validTo } : {}),
      };
    try {
      await sendJson("PATCH", `/agreement-instances/${encodeURIComponent(instanceId)}`, { inputs });
      setStatus(value === undefined ? `Eingabe ${input.id} geleert. Die Änderung ist im Protokoll vermerkt.` : `Eingabe ${input.id} gespeichert. Die Änderung ist im Protokoll vermerkt.`);
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={`Eingabe ${input.id} füllen`}>
      {!stored && input.filled ? (
        <p class="kern-body">
          In der Vereinbarung des Katalogs gefüllt: {inputValueText(input, input.value)}
          {input.example ? " (Beispielwert)" : ""}. Ein hier gespeicherter Wert gilt an seiner Stelle.
        </p>
      ) : null}
      <ValueField input={input} text={text} setText={setText} error={valueError} />
      <Checkbox label="Beispielwert (nur für Demo und Tests, kein echter Satz)" checked={example} onChange={setExample} id={`example-${input.id}`} />
      <details class="kern-accordion">
        <summary class="kern-accordion__header">
          <span class="kern-title">Notiz und Gültigkeit von {input.id}</span>
        </summary>
        <div class="kern-accordion__body">
          <TextInput label={`Notiz zu ${input.id}`} optional value={note} error={fieldError(".note")} onInput={(event) => setNote((event.currentTarget as HTMLInputElement).value)} />
          <TextInput label={`${input.id} gilt ab`} optional type="date" value={validFrom} error={fieldError(".validFrom")} onInput={(event) => setValidFrom((event.currentTarget as HTMLInputElement).value)} />
          <TextInput label={`${input.id} gilt bis`} optional type="date" value={validTo} error={fieldError(".validTo")} onInput={(event) => setValidTo((event.currentTarget as HTMLInputElement).value)} />
        </div>
      </details>
      {otherProblem ? <ProblemMessage error={otherProblem} title={`${input.id} wurde nicht gespeichert`} /> : null}
      <ButtonRow>
        <button type="submit" class="kern-btn kern-btn--primary" disabled={saving}>
          <span class="kern-label">{saving ? "Wird gespeichert …" : `${input.id} speichern`}</span>
        </button>
      </ButtonRow>
      <p class="kern-body" role="status">
        {status ?? ""}
      </p>
    </form>
  );
}

export function InputCard({ instanceId, input, allInputs, editable, onSaved }: { instanceId: string; input: InputDescription; allInputs: Record<string, InstanceInputValue>; editable: boolean; onSaved: () => void }) {
  const stored = allInputs[input.id];
  const headingId = `${inputAnchor(input.id)}-title`;
  return (
    <section class="teilhabe-agreement-input" id={inputAnchor(input.id)} aria-labelledby={headingId}>
      <h3 class="kern-heading-small" id={headingId}>
        {input.id} · {input.label} <InputStatus input={input} stored={stored} />
      </h3>
      <SourceLines input={input} />
      {editable && !input.perCase ? (
        <InputForm instanceId={instanceId} input={input} allInputs={allInputs} onSaved={onSaved} />
      ) : (
        <StoredValue input={input} stored={stored} />
      )}
    </section>
  );
}
