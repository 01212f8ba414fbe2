/**
 * Form controls in the KERN UX markup: every control has a visible label bound to it, an optional hint and
 * an error message, both tied to the control by aria-describedby, and aria-invalid when the server refused
 * the field. Native elements (input type=date/time/number, select, radio, checkbox) are the date pickers and
 * choosers: the browser's own, accessible by keyboard and screen reader, and made for phones.
 */
import type { ComponentChildren, JSX } from "preact";
import { useId } from "preact/hooks";

interface FieldFrame {
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FrameParts({ id, label, hint, error, optional }: FieldFrame & { id: string }) {
  return (
    <>
      <label class="kern-label" for={id}>
        {label}
        {optional ? <span class="kern-label__optional"> – optional</span> : null}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`} role="alert">
          <span class="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span class="kern-body">{error}</span>
        </p>
      ) : null}
    </>
  );
}

export type TextInputProps = FieldFrame & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "label" | "id"> & { id?: string };

/** A labelled input (type text, date, time, number, search, email, password …). */
export function TextInput({ label, hint, error, optional, id, class: className, ...input }: TextInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div class={`kern-form-input${error ? " kern-form-input--error" : ""}${className ? ` ${String(className)}` : ""}`}>
      <FrameParts id={inputId} label={label} hint={hint} error={error} optional={optional} />
      <input
        class={`kern-form-input__input${error ? " kern-form-input__input--error" : ""}`}
        id={inputId}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? "true" : undefined}
        required={!optional}
        {...input}
      />
    </div>
  );
}

export type SelectInputProps = FieldFrame & Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, "label" | "id"> & { id?: string; options: { value: string; label: string }[] };

/** A labelled select with its options. */
export function SelectInput({ label, hint, error, optional, id, options, class: className, ...select }: SelectInputProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div class={`kern-form-input${error ? " kern-form-input--error" : ""}${className ? ` ${String(className)}` : ""}`}>
      <FrameParts id={selectId} label={label} hint={hint} error={error} optional={optional} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? " kern-form-input__select--error" : ""}`}
          id={selectId}
          aria-describedby={describedBy(selectId, hint, error)}
          aria-invalid={error ? "true" : undefined}
          required={!optional}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A labelled multi-line text. */
export function TextArea({ label, hint, error, optional, id, class: className, ...area }: FieldFrame & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "label" | "id"> & { id?: string }) {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <div class={`kern-form-input${error ? " kern-form-input--error" : ""}${className ? ` ${String(className)}` : ""}`}>
      <FrameParts id={areaId} label={label} hint={hint} error={error} optional={optional} />
      <textarea class="kern-form-input__input" id={areaId} aria-describedby={describedBy(areaId, hint, error)} aria-invalid={error ? "true" : undefined} required={!optional} {...area} />
    </div>
  );
}

/**
 * A group of radio buttons in a fieldset with a legend: one choice among few (direct/indirect, in person/remote).
 * Arrow keys move between the options, as the browser does for radios of one name.
 */
export function RadioGroup({
  legend,
  name,
  value,
  options,
  onChange,
  error,
  horizontal = true,
}: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  horizontal?: boolean;
}) {
  const id = useId();
  return (
    <fieldset class={`kern-fieldset${error ? " kern-fieldset--error" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="kern-label">{legend}</legend>
      {error ? (
        <p class="kern-error" id={`${id}-error`} role="alert">
          <span class="kern-body">{error}</span>
        </p>
      ) : null}
      <div class={`kern-fieldset__body${horizontal ? " kern-fieldset__body--horizontal" : ""}`}>
        {options.map((option) => (
          <div class="kern-form-check" key={option.value}>
            <input class="kern-form-check__radio" type="radio" id={`${id}-${option.value}`} name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <label class="kern-label" for={`${id}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled checkbox. */
export function Checkbox({ label, checked, onChange, id }: { label: string; checked: boolean; onChange: (checked: boolean) => void; id?: string }) {
  const generated = useId();
  const boxId = id ?? generated;
  return (
    <div class="kern-form-check">
      <input class="kern-form-check__checkbox" type="checkbox" id={boxId} checked={checked} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      <label class="kern-label" for={boxId}>
        {label}
      </label>
    </div>
  );
}

/** A row of buttons (KERN button wrapper). */
export function ButtonRow({ children }: { children: ComponentChildren }) {
  return <div class="kern-btn-wrapper teilhabe-button-row">{children}</div>;
}
