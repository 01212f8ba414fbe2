/**
 * The entries of the form's day (GET /service-entries?from=&to=), newest first, each with its time, person,
 * kind and goal, and buttons to edit it (loads it into the form) or delete it (asks once more, in place).
 * A list, not a table, so it fits a phone without scrolling sideways.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate } from "../../lib/germanFormat.ts";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import type { ServiceEntryRecord } from "./documentationTypes.ts";
import { durationOf, minutesText } from "./entryForm.ts";
import { describeKind } from "./entryLabels.ts";

/** How many of the day's entries are shown. */
export const DAY_ENTRY_LIMIT = 20;

export function timeText(entry: ServiceEntryRecord): string {
  const minutes = durationOf(entry);
  const duration = minutes !== undefined ? minutesText(minutes) : entry.hours ? `${entry.hours.replace(".", ",")} Std.` : "ohne Dauer";
  return entry.start && entry.end ? `${entry.start}–${entry.end} Uhr (${duration})` : duration;
}

function EntryItem({
  entry,
  clientName,
  staffName,
  goalTitle,
  editing,
  onEdit,
  onDelete,
}: {
  entry: ServiceEntryRecord;
  clientName: string;
  staffName: string | undefined;
  goalTitle: string | undefined;
  editing: boolean;
  onEdit: () => void;
  onDelete: () => Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const summary = `${timeText(entry)} für ${clientName}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <li class={`teilhabe-doc-entry${editing ? " teilhabe-doc-entry--editing" : ""}`}>
      <p class="kern-body kern-body--bold">{summary}</p>
      <p class="kern-body">
        {describeKind(entry)}
        {entry.category ? ` · ${entry.category}` : ""}
        {entry.staffId ? ` · ${staffName ?? entry.staffId}` : ""}
      </p>
      {goalTitle ? <p class="kern-body kern-body--small">Förderziel: {goalTitle}</p> : null}
      {editing ? <p class="kern-body kern-body--small">Wird oben bearbeitet.</p> : null}
      {confirming ? (
        <div class="teilhabe-doc-entry__confirm" role="group" aria-label={`Löschen bestätigen: ${summary}`}>
          <p class="kern-body">Diesen Eintrag wirklich löschen?</p>
          <div class="kern-btn-wrapper teilhabe-button-row">
            <button
              ref={confirmRef}
              type="button"
              class="kern-btn kern-btn--primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const deleted = await onDelete();
                setBusy(false);
                if (!deleted) setConfirming(false);
              }}
            >
              <span class="kern-label">Ja, löschen</span>
            </button>
            <button
              type="button"
              class="kern-btn kern-btn--secondary"
              onClick={() => {
                setConfirming(false);
                window.setTimeout(() => deleteRef.current?.focus(), 0);
              }}
            >
              <span class="kern-label">Nicht löschen</span>
            </button>
          </div>
        </div>
      ) : (
        <div class="kern-btn-wrapper teilhabe-button-row">
          <button type="button" class="kern-btn kern-btn--secondary" aria-label={`Bearbeiten: ${summary}`} onClick={onEdit}>
            <span class="kern-label">Bearbeiten</span>
          </button>
          <button ref={deleteRef} type="button" class="kern-btn kern-btn--tertiary" aria-label={`Löschen: ${summary}`} onClick={() => setConfirming(true)}>
            <span class="kern-label">Löschen</span>
          </button>
        </div>
      )}
    </li>
  );
}

export function DayEntries({
  date,
  entries,
  loading,
  notice,
  error,
  editingId,
  clientNameOf,
  staffNameOf,
  goalTitleOf,
  onEdit,
  onDelete,
}: {
  date: string;
  entries: ServiceEntryRecord[] | undefined;
  loading: boolean;
  notice: string;
  error: Error | undefined;
  editingId: string | undefined;
  clientNameOf: (caseId: string) => string;
  staffNameOf: (staffId: string) => string | undefined;
  goalTitleOf: (goalId: string) => string | undefined;
  onEdit: (entry: ServiceEntryRecord) => void;
  onDelete: (entry: ServiceEntryRecord) => Promise<boolean>;
}) {
  const newest = [...(entries ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  const shown = newest.slice(0, DAY_ENTRY_LIMIT);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <section class="teilhabe-doc-day" aria-labelledby="doku-tag">
      <h2 class="kern-heading-medium" id="doku-tag" tabindex={-1}>
        {validDate ? `Einträge am ${formatDate(date)}` : "Einträge des Tages"}
      </h2>
      <div role="status" aria-live="polite" class="teilhabe-doc-day__notice">
        {notice ? <p class="kern-body">{notice}</p> : null}
      </div>
      <ProblemMessage error={error} title="Nicht gelöscht" />
      {!validDate ? (
        <p class="kern-body">Bitte ein Datum angeben.</p>
      ) : entries === undefined && loading ? (
        <p class="kern-body">Wird geladen …</p>
      ) : shown.length === 0 ? (
        <p class="kern-body">An diesem Tag ist noch nichts dokumentiert.</p>
      ) : (
        <>
          {newest.length > shown.length ? (
            <p class="kern-body">
              Die neuesten {shown.length} von {newest.length} Einträgen.
            </p>
          ) : null}
          <ul class="teilhabe-doc-entries">
            {shown.map((entry) => (
              <EntryItem
                key={entry.id}
                entry={entry}
                clientName={clientNameOf(entry.caseId)}
                staffName={entry.staffId ? staffNameOf(entry.staffId) : undefined}
                goalTitle={entry.goalId ? goalTitleOf(entry.goalId) : undefined}
                editing={entry.id === editingId}
                onEdit={() => onEdit(entry)}
                onDelete={() => onDelete(entry)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
