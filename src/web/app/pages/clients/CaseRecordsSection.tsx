/** Absences, crises and contacts of one case (all of them, newest first). */
import { formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { ABSENCE_REASON_LABELS, CONTACT_KIND_LABELS, labelOf } from "./clientLabels.ts";
import type { Page } from "./clientTypes.ts";

interface AbsenceRecord {
  id: string;
  from: string;
  to: string;
  reason: string;
  note?: string;
}
interface CrisisRecord {
  id: string;
  from: string;
  to?: string;
  note?: string;
}
interface ContactRecord {
  id: string;
  date: string;
  kind: string;
  note?: string;
}

const newestFirst = <T,>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(b).localeCompare(key(a)));

export function CaseRecordsSection({ caseId, title }: { caseId: string; title: string }) {
  const query = `caseId=${encodeURIComponent(caseId)}&limit=500`;
  const absences = useApiResource<Page<AbsenceRecord>>(`/absences?${query}`);
  const crises = useApiResource<Page<CrisisRecord>>(`/crises?${query}`);
  const contacts = useApiResource<Page<ContactRecord>>(`/contacts?${query}`);
  const error = absences.error ?? crises.error ?? contacts.error;
  return (
    <div class="teilhabe-client-subsection">
      <h3 class="kern-heading-small">{title}</h3>
      {error ? (
        <ProblemMessage error={error} title="Fallakte nicht lesbar" />
      ) : !absences.data || !crises.data || !contacts.data ? (
        <LoadingNote />
      ) : (
        <>
          <h4 class="kern-heading-small">Abwesenheiten</h4>
          {absences.data.items.length === 0 ? (
            <p class="kern-body">Keine Abwesenheiten erfasst.</p>
          ) : (
            <ul class="kern-list">
              {newestFirst(absences.data.items, (item) => item.from).map((absence) => (
                <li key={absence.id} class="kern-body">
                  {formatDate(absence.from)} – {formatDate(absence.to)}: {labelOf(ABSENCE_REASON_LABELS, absence.reason)}
                  {absence.note ? ` (${absence.note})` : ""}
                </li>
              ))}
            </ul>
          )}
          <h4 class="kern-heading-small">Krisen</h4>
          {crises.data.items.length === 0 ? (
            <p class="kern-body">Keine Krisen erfasst.</p>
          ) : (
            <ul class="kern-list">
              {newestFirst(crises.data.items, (item) => item.from).map((crisis) => (
                <li key={crisis.id} class="kern-body">
                  Krise ab {formatDate(crisis.from)}
                  {crisis.to ? ` bis ${formatDate(crisis.to)}` : " (andauernd)"}
                  {crisis.note ? `: ${crisis.note}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h4 class="kern-heading-small">Kontakte</h4>
          {contacts.data.items.length === 0 ? (
            <p class="kern-body">Keine Kontakte erfasst.</p>
          ) : (
            <ul class="kern-list">
              {newestFirst(contacts.data.items, (item) => item.date).map((contact) => (
                <li key={contact.id} class="kern-body">
                  {formatDate(contact.date)}: {labelOf(CONTACT_KIND_LABELS, contact.kind)}
                  {contact.note ? ` – ${contact.note}` : ""}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
