/**
 * Klient:innen: the directory of the people the user may see (a Fachkraft: those assigned to them), searched
 * by a part of the name and filtered by agreement, payer and state; paged on the server (50 at a time, "Weitere
 * laden"), the number of matches announced in a status region. The search field is the first control; each
 * keystroke asks the server at once (the request before is aborted) and the status says „Suche läuft …“ until
 * the answer for the current term is in, so a screen reader never hears the count of an earlier term.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { queryOf } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { SelectInput, TextInput } from "../../shell/formFields.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { CLIENT_STATE_BADGES, CLIENT_STATE_LABELS, describeResultCount, labelOf } from "./clientLabels.ts";
import type { DirectoryItem } from "./clientTypes.ts";
import { useClientDirectory, type DirectoryFilters, type DirectoryState } from "./useClientDirectory.ts";
import "./clients.css";
import { TableScroll } from "../../shell/TableScroll.tsx";

const STATE_OPTIONS = [
  { value: "", label: "alle" },
  { value: "active", label: "Fall läuft" },
  { value: "waiting", label: "Beginn steht bevor" },
  { value: "ended", label: "beendet" },
  { value: "none", label: "ohne Fall" },
];

function coverageText(item: DirectoryItem["cases"][number]): string {
  if (!item.coverage) return "keine gültige";
  return item.coverage.to ? `bis ${formatDate(item.coverage.to)}` : "unbefristet";
}

function ClientRow({ item }: { item: DirectoryItem }) {
  return (
    <tr class="kern-table__row">
      <th scope="row" class="kern-table__cell">
        <a class="kern-link" href={`/klienten/${encodeURIComponent(item.id)}`}>
          {item.name}
        </a>
        <div>
          <span class={`kern-badge ${CLIENT_STATE_BADGES[item.state] ?? "kern-badge--info"}`}>
            <span class="kern-label">{labelOf(CLIENT_STATE_LABELS, item.state)}</span>
          </span>
        </div>
      </th>
      <td class="kern-table__cell">
        {item.cases.length === 0 ? (
          "–"
        ) : (
          <ul class="teilhabe-plain-list">
            {item.cases.map((entry) => (
              <li key={entry.id}>
                {entry.agreementTitle ?? entry.agreementInstanceId}
                <br />
                <span class="teilhabe-muted">
                  {formatDate(entry.start)} – {entry.end ? formatDate(entry.end) : "offen"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td class="kern-table__cell">
        <ul class="teilhabe-plain-list">
          {item.cases.map((entry) => (
            <li key={entry.id}>{entry.payerName ?? "–"}</li>
          ))}
        </ul>
      </td>
      <td class="kern-table__cell">
        <ul class="teilhabe-plain-list">
          {item.cases.map((entry) => (
            <li key={entry.id}>{coverageText(entry)}</li>
          ))}
        </ul>
      </td>
      <td class="kern-table__cell">{item.nextTask ? `${formatDate(item.nextTask.dueDate)}: ${item.nextTask.title}` : "–"}</td>
    </tr>
  );
}

/** The status region: „Suche läuft …“ until the answer for the current filters is in, then its count. */
function statusText(directory: DirectoryState): string {
  if (directory.searching || (directory.total === undefined && !directory.error)) return "Suche läuft …";
  return directory.total === undefined ? "" : describeResultCount(directory.total);
}

export function ClientListPage() {
  usePageTitle("Klient:innen");
  // The filters live in the address too (?suche=…&vereinbarung=…&traeger=…&zustand=…): back from a file keeps them.
  const { query } = useLocation();
  const [search, setSearch] = useState(query.suche ?? "");
  const [agreement, setAgreement] = useState(query.vereinbarung ?? "");
  const [payer, setPayer] = useState(query.traeger ?? "");
  const [state, setState] = useState(query.zustand ?? "");
  const name = search;
  const filters = useMemo<DirectoryFilters>(() => ({ name, agreement, payer, state }), [name, agreement, payer, state]);
  useEffect(() => {
    const address = `/klienten${queryOf({ suche: name.trim(), vereinbarung: agreement, traeger: payer, zustand: state })}`;
    if (address !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", address);
  }, [name, agreement, payer, state]);
  const directory = useClientDirectory(filters);
  const agreementOptions = [{ value: "", label: "alle" }, ...(directory.options?.agreements ?? []).map((option) => ({ value: option.id, label: option.title ?? option.agreementId }))];
  const payerOptions = [{ value: "", label: "alle" }, ...(directory.options?.payers ?? []).map((option) => ({ value: option.id, label: option.name }))];

  return (
    <>
      <h1 class="kern-heading-large">Klient:innen</h1>
      <form class="teilhabe-client-filters" role="search" aria-label="Klient:innen filtern" onSubmit={(event) => event.preventDefault()}>
        <TextInput label="Suche" type="search" hint="Name oder ein Teil davon" value={search} onInput={(event) => setSearch(event.currentTarget.value)} required={false} autoComplete="off" />
        <SelectInput label="Vereinbarung" options={agreementOptions} value={agreement} onChange={(event) => setAgreement(event.currentTarget.value)} required={false} />
        <SelectInput label="Leistungsträger" options={payerOptions} value={payer} onChange={(event) => setPayer(event.currentTarget.value)} required={false} />
        <SelectInput label="Zustand" options={STATE_OPTIONS} value={state} onChange={(event) => setState(event.currentTarget.value)} required={false} />
      </form>
      <p class="kern-body teilhabe-result-count" role="status" aria-live="polite">
        {statusText(directory)}
      </p>
      <ProblemMessage error={directory.error} title="Die Liste konnte nicht geladen werden" />
      {directory.items.length > 0 && (
        <TableScroll label="Klient:innen">
          <table class="kern-table teilhabe-client-table">
            <caption class="kern-title">
              Klient:innen{directory.total !== undefined ? ` (${directory.items.length} von ${directory.total.toLocaleString("de-DE")} angezeigt)` : ""}
            </caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  Name
                </th>
                <th scope="col" class="kern-table__header">
                  Vereinbarung und Fall
                </th>
                <th scope="col" class="kern-table__header">
                  Leistungsträger
                </th>
                <th scope="col" class="kern-table__header">
                  Kostenübernahme
                </th>
                <th scope="col" class="kern-table__header">
                  Nächste Aufgabe
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {directory.items.map((item) => (
                <ClientRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {directory.hasMore && (
        <div class="teilhabe-button-row teilhabe-load-more">
          <button type="button" class="kern-btn kern-btn--secondary" onClick={directory.loadMore} disabled={directory.loading}>
            <span class="kern-label">{directory.loading ? "Wird geladen …" : "Weitere laden"}</span>
          </button>
        </div>
      )}
    </>
  );
}
