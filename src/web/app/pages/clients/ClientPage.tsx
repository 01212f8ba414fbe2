/**
 * Klient:in: the file of one person. Per case (one per agreement) its dates, need group and access status, the
 * cost coverages with their remaining volume and the engine's volume result, the deadlines and reports due;
 * the planning (Gesamtplan, Hilfeplan with goals, measures and updates); the documentation of a chosen month;
 * absences, crises and contacts. A Leitung opening a file not assigned to them is asked for the reason by the
 * shell (428); a cancelled reason leaves the file closed with a message saying so.
 */
import { useState } from "preact/hooks";
import { ApiError } from "../../lib/apiClient.ts";
import { formatDate, formatMonth } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { TextInput } from "../../shell/formFields.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { CaseRecordsSection } from "./CaseRecordsSection.tsx";
import { CaseSection } from "./CaseSection.tsx";
import type { CaseRecord, ClientDeadlines, ClientMonth, ClientRecord, ClientVolume, Page } from "./clientTypes.ts";
import { MonthDocumentation } from "./MonthDocumentation.tsx";
import { PlanSection } from "./PlanSection.tsx";
import "./clients.css";

/** "2026-04-15" → "2026-03"; "2026-01" → "2025-12". */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function browserToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
}

function ClosedFile({ error, retry }: { error: Error; retry: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 428)
    return (
      <div class="kern-alert kern-alert--info" role="alert">
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--info" aria-hidden="true" />
          <span class="kern-title">Akte nicht geöffnet</span>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">Diese Akte ist Ihnen nicht zugeordnet. Ohne einen Grund für den Zugriff wird sie nicht geöffnet; es wurde nichts gelesen.</p>
          <div class="teilhabe-button-row">
            <button type="button" class="kern-btn kern-btn--primary" onClick={retry}>
              <span class="kern-label">Grund angeben und Akte öffnen</span>
            </button>
            <a class="kern-btn kern-btn--secondary" href="/klienten">
              <span class="kern-label">Zur Liste der Klient:innen</span>
            </a>
          </div>
        </div>
      </div>
    );
  return (
    <>
      <ProblemMessage error={error} title={status === 404 ? "Klient:in nicht gefunden" : "Die Akte konnte nicht geladen werden"} />
      <p class="kern-body">
        <a class="kern-link" href="/klienten">
          Zur Liste der Klient:innen
        </a>
      </p>
    </>
  );
}

export function ClientPage({ id }: { id: string }) {
  const client = useApiResource<ClientRecord>(`/clients/${encodeURIComponent(id)}`);
  usePageTitle(client.data ? client.data.name : "Klient:in");
  const open = client.data !== undefined;
  const base = `/clients/${encodeURIComponent(id)}`;
  const cases = useApiResource<Page<CaseRecord>>(open ? `/cases?clientId=${encodeURIComponent(id)}&limit=100` : null);
  const deadlines = useApiResource<ClientDeadlines>(open ? `${base}/deadlines` : null);
  const [chosenMonth, setChosenMonth] = useState<string | undefined>(undefined);
  const defaultMonth = deadlines.data ? shiftMonth(deadlines.data.asOf, -1) : deadlines.error ? shiftMonth(browserToday(), -1) : undefined;
  const month = chosenMonth ?? defaultMonth;
  const volume = useApiResource<ClientVolume>(open && month ? `${base}/volume?month=${month}` : null);
  const monthView = useApiResource<ClientMonth>(open && month ? `${base}/month/${month}` : null);

  if (client.error)
    return (
      <>
        <h1 class="kern-heading-large">Klient:in</h1>
        <ClosedFile error={client.error} retry={client.reload} />
      </>
    );
  if (!client.data)
    return (
      <>
        <h1 class="kern-heading-large">Klient:in</h1>
        <LoadingNote label="Akte wird geöffnet …" />
      </>
    );

  const person = client.data;
  const caseList = [...(cases.data?.items ?? [])].sort((a, b) => b.start.localeCompare(a.start));
  const titleOf = (caseId: string, fallback: string) => {
    const found = deadlines.data?.cases.find((view) => view.caseId === caseId) ?? undefined;
    return found?.agreementTitle ?? monthView.data?.cases.find((view) => view.caseId === caseId)?.agreementTitle ?? fallback;
  };
  const residence = person.details?.residence;

  return (
    <>
      <h1 class="kern-heading-large">{person.name}</h1>
      <p class="kern-body">
        {person.birthDate ? `geboren am ${formatDate(person.birthDate)}` : "Geburtsdatum nicht erfasst"}
        {residence?.municipality ? ` · wohnt in ${residence.municipality}${residence.district ? ` (${residence.district})` : ""}` : ""}
      </p>
      <div class="teilhabe-button-row">
        <a class="kern-btn kern-btn--primary" href={`/dokumentation?klient=${encodeURIComponent(person.id)}`}>
          <span class="kern-label">Leistung dokumentieren</span>
        </a>
        <a class="kern-btn kern-btn--tertiary" href="/klienten">
          <span class="kern-label">Zur Liste</span>
        </a>
      </div>

      <div class="teilhabe-month-picker teilhabe-client-subsection">
        <TextInput
          label="Monat der Ansicht"
          type="month"
          hint="gilt für die Inanspruchnahme und die Dokumentation"
          value={month ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (/^\d{4}-\d{2}$/.test(value)) setChosenMonth(value);
          }}
        />
        {month && (
          <>
            <button type="button" class="kern-btn kern-btn--secondary" onClick={() => setChosenMonth(shiftMonth(month, -1))}>
              <span class="kern-label">Vormonat</span>
            </button>
            <button type="button" class="kern-btn kern-btn--secondary" onClick={() => setChosenMonth(shiftMonth(month, 1))}>
              <span class="kern-label">Folgemonat</span>
            </button>
          </>
        )}
      </div>

      <section class="teilhabe-client-section" aria-labelledby="faelle">
        <h2 class="kern-heading-medium" id="faelle">
          Fälle und Kostenübernahmen
        </h2>
        {cases.error ? <ProblemMessage error={cases.error} title="Fälle nicht lesbar" /> : null}
        {deadlines.error ? <ProblemMessage error={deadlines.error} title="Fristen nicht lesbar" /> : null}
        {!cases.data && !cases.error ? <LoadingNote /> : null}
        {cases.data && caseList.length === 0 ? <p class="kern-body">Für diese Person ist kein Fall erfasst.</p> : null}
        {month &&
          caseList.map((record) => (
            <CaseSection
              key={record.id}
              record={record}
              title={titleOf(record.id, record.agreementInstanceId)}
              month={month}
              volume={volume.data?.cases.find((view) => view.caseId === record.id)}
              volumeError={volume.error}
              deadlines={deadlines.data?.cases.find((view) => view.caseId === record.id)}
            />
          ))}
      </section>

      <section class="teilhabe-client-section" aria-labelledby="planung">
        <h2 class="kern-heading-medium" id="planung">
          Planung: Gesamtplan und Hilfeplan
        </h2>
        {caseList.map((record) => (
          <PlanSection key={record.id} caseId={record.id} title={titleOf(record.id, record.agreementInstanceId)} />
        ))}
      </section>

      <section class="teilhabe-client-section" aria-labelledby="dokumentation">
        <h2 class="kern-heading-medium" id="dokumentation">
          Dokumentation {month ? `im ${formatMonth(month)}` : ""}
        </h2>
        {monthView.error ? <ProblemMessage error={monthView.error} title="Dokumentation nicht lesbar" /> : null}
        {month && monthView.data && monthView.data.month === month ? <MonthDocumentation month={month} data={monthView.data} /> : !monthView.error ? <LoadingNote /> : null}
      </section>

      <section class="teilhabe-client-section" aria-labelledby="fallakte">
        <h2 class="kern-heading-medium" id="fallakte">
          Abwesenheiten, Krisen und Kontakte
        </h2>
        {caseList.map((record) => (
          <CaseRecordsSection key={record.id} caseId={record.id} title={titleOf(record.id, record.agreementInstanceId)} />
        ))}
      </section>
    </>
  );
}
