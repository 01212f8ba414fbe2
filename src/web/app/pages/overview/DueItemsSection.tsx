/**
 * Deadlines (engine) and open tasks of the overview: overdue and due within the engine's lead time first, the
 * other pending ones folded away. Each row leads to where it is resolved: a client's deadline or task to the
 * client's page, an agreement's deadline to the agreement; a task can be marked done here (POST /tasks/:id/complete).
 * The server sends at most 50 items of each state per section with the number of all (a provider with thousands
 * of cases): the counts are shown, „Weitere … anzeigen“ asks for the next 50 of one state, and the folded table of
 * the later ones is drawn only when opened.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiError, getJson, queryOf, sendJson } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { countOf, DUE_STATUS, pluralText, ruleText } from "./overviewLabels.ts";
import type { DeadlineSection, DueStatus, Overview, OverviewDeadline, OverviewTask, SourceReference, TaskSection } from "./overviewTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface DueRow {
  key: string;
  kind: "deadline" | "task";
  title: string;
  status: DueStatus;
  due: string | null;
  dueNote: string | null;
  clientId: string | null;
  clientName: string | null;
  agreementInstanceId: string | null;
  ruleId: string | null;
  source: SourceReference | null;
  note: string | null;
  taskId: string | null;
}

function rowOfDeadline(deadline: OverviewDeadline, index: number): DueRow {
  const shifted = deadline.shifted && deadline.nominalDue ? `Nenndatum ${formatDate(deadline.nominalDue)}, nächster Werktag (§ 193 BGB)` : null;
  const missing = deadline.missingInput?.message ?? null;
  return {
    key: `d-${deadline.caseId ?? deadline.agreementInstanceId}-${deadline.id}-${index}`,
    kind: "deadline",
    title: deadline.title,
    status: deadline.status,
    due: deadline.drivingDue,
    dueNote: shifted,
    clientId: deadline.clientId ?? null,
    clientName: deadline.clientName,
    agreementInstanceId: deadline.agreementInstanceId,
    ruleId: deadline.explanation.ruleId,
    source: deadline.explanation.source,
    note: [deadline.note, missing].filter((part) => part).join(" · ") || null,
    taskId: null,
  };
}

function rowOfTask(task: OverviewTask): DueRow {
  return {
    key: `t-${task.id}`,
    kind: "task",
    title: task.title,
    status: task.status,
    due: task.dueDate,
    dueNote: null,
    clientId: task.clientId,
    clientName: task.clientName,
    agreementInstanceId: null,
    ruleId: task.ruleId,
    source: task.source,
    note: task.note,
    taskId: task.id,
  };
}

const ORDER: Record<DueStatus, number> = { overdue: 0, dueSoon: 1, open: 2 };

function sortRows(rows: DueRow[]): DueRow[] {
  return [...rows].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.title.localeCompare(b.title, "de"));
}

function Whom({ row, agreementTitles, linkAgreements }: { row: DueRow; agreementTitles: Map<string, string>; linkAgreements: boolean }) {
  if (row.clientId)
    return (
      <a class="kern-link" href={`/klienten/${encodeURIComponent(row.clientId)}`}>
        {row.clientName ?? row.clientId}
      </a>
    );
  if (row.agreementInstanceId && !linkAgreements) return <>Vereinbarung {agreementTitles.get(row.agreementInstanceId) ?? row.agreementInstanceId}</>;
  if (row.agreementInstanceId)
    return (
      <a class="kern-link" href={`/vereinbarungen/${encodeURIComponent(row.agreementInstanceId)}`}>
        Vereinbarung {agreementTitles.get(row.agreementInstanceId) ?? row.agreementInstanceId}
      </a>
    );
  return <>Organisation</>;
}

function DueTable({ rows, caption, agreementTitles, linkAgreements, canComplete, onComplete, busyTask }: {
  rows: DueRow[];
  caption: string;
  agreementTitles: Map<string, string>;
  linkAgreements: boolean;
  canComplete: boolean;
  onComplete: (row: DueRow) => void;
  busyTask: string | null;
}) {
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small teilhabe-overview-table">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Fällig am</th>
            <th scope="col" class="kern-table__header">Stand</th>
            <th scope="col" class="kern-table__header">Frist oder Aufgabe</th>
            <th scope="col" class="kern-table__header">Für</th>
            <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
            {canComplete ? <th scope="col" class="kern-table__header">Erledigen</th> : null}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row) => (
            <tr class="kern-table__row" key={row.key}>
              <td class="kern-table__cell teilhabe-nowrap">
                {row.due ? formatDate(row.due) : "ohne Datum"}
                {row.dueNote ? <div class="teilhabe-overview-note">{row.dueNote}</div> : null}
              </td>
              <td class="kern-table__cell teilhabe-nowrap">
                <StatusBadge {...DUE_STATUS[row.status]} />
              </td>
              <td class="kern-table__cell">
                {row.kind === "task" ? <span class="teilhabe-overview-kind">Aufgabe: </span> : null}
                {row.title}
                {row.note ? <div class="teilhabe-overview-note">{row.note}</div> : null}
              </td>
              <td class="kern-table__cell">
                <Whom row={row} agreementTitles={agreementTitles} linkAgreements={linkAgreements} />
              </td>
              <td class="kern-table__cell teilhabe-nowrap">{ruleText(row.ruleId, row.source)}</td>
              {canComplete ? (
                <td class="kern-table__cell">
                  {row.taskId ? (
                    <button type="button" class="kern-btn kern-btn--secondary teilhabe-nowrap" aria-label={`Erledigt: ${row.title}`} disabled={busyTask === row.taskId} onClick={() => onComplete(row)}>
                      <span class="kern-label">Erledigt</span>
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** How many more items „Weitere … anzeigen“ asks for at a time. */
const MORE_STEP = 50;

type SectionName = "deadlines" | "tasks";
type MoreKey = `${SectionName}:${DueStatus}`;

const MORE_LABELS: Record<MoreKey, { button: string; done: string }> = {
  "deadlines:overdue": { button: "Weitere überfällige Fristen anzeigen", done: "überfällige Fristen" },
  "deadlines:dueSoon": { button: "Weitere bald fällige Fristen anzeigen", done: "bald fällige Fristen" },
  "deadlines:open": { button: "Weitere offene Fristen anzeigen", done: "offene Fristen" },
  "tasks:overdue": { button: "Weitere überfällige Aufgaben anzeigen", done: "überfällige Aufgaben" },
  "tasks:dueSoon": { button: "Weitere bald fällige Aufgaben anzeigen", done: "bald fällige Aufgaben" },
  "tasks:open": { button: "Weitere offene Aufgaben anzeigen", done: "offene Aufgaben" },
};

interface Extra {
  deadlines: OverviewDeadline[];
  tasks: OverviewTask[];
}

function MoreButtons({ keys, shown, counts, busy, onMore }: { keys: MoreKey[]; shown: (key: MoreKey) => number; counts: (key: MoreKey) => number; busy: MoreKey | null; onMore: (key: MoreKey) => void }) {
  const open = keys.filter((key) => shown(key) < counts(key));
  if (open.length === 0) return null;
  return (
    <div class="teilhabe-button-row teilhabe-overview-more">
      {open.map((key) => (
        <button type="button" class="kern-btn kern-btn--secondary" key={key} disabled={busy !== null} onClick={() => onMore(key)}>
          <span class="kern-label">
            {busy === key ? "Wird geladen …" : `${MORE_LABELS[key].button} (noch ${(counts(key) - shown(key)).toLocaleString("de-DE")})`}
          </span>
        </button>
      ))}
    </div>
  );
}

export function DueItemsSection({ deadlines, tasks, asOf, agreementTitles, linkAgreements, canComplete, onChanged }: {
  deadlines: DeadlineSection | undefined;
  tasks: TaskSection | undefined;
  asOf: string;
  agreementTitles: Map<string, string>;
  linkAgreements: boolean;
  canComplete: boolean;
  onChanged: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const [extra, setExtra] = useState<Extra>({ deadlines: [], tasks: [] });
  const [busyMore, setBusyMore] = useState<MoreKey | null>(null);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const [laterOpen, setLaterOpen] = useState(false);
  // A new answer (after „Erledigt“) starts again from the first items.
  useEffect(() => setExtra({ deadlines: [], tasks: [] }), [deadlines, tasks]);

  const allDeadlines = deadlines ? [...deadlines.items, ...extra.deadlines] : [];
  const allTasks = tasks ? [...tasks.items, ...extra.tasks] : [];
  const rows = sortRows([...allDeadlines.map(rowOfDeadline), ...allTasks.map(rowOfTask)]);
  const urgent = rows.filter((row) => row.status !== "open");
  const later = rows.filter((row) => row.status === "open");
  const what = [deadlines ? "Fristen" : null, tasks ? "Aufgaben" : null].filter((part) => part).join(" und ");
  const sectionsShown: SectionName[] = [...(deadlines ? (["deadlines"] as const) : []), ...(tasks ? (["tasks"] as const) : [])];
  const total = (status: DueStatus) => countOf(deadlines, status) + countOf(tasks, status);
  const sectionOf = (key: MoreKey) => key.split(":") as [SectionName, DueStatus];
  const shown = (key: MoreKey) => {
    const [section, status] = sectionOf(key);
    return (section === "deadlines" ? allDeadlines : allTasks).filter((item) => item.status === status).length;
  };
  const counts = (key: MoreKey) => {
    const [section, status] = sectionOf(key);
    return countOf(section === "deadlines" ? deadlines : tasks, status);
  };
  const keysOf = (statuses: DueStatus[]) => sectionsShown.flatMap((section) => statuses.map((status) => `${section}:${status}` as MoreKey));

  const loadMore = async (key: MoreKey) => {
    const [section, status] = sectionOf(key);
    setBusyMore(key);
    setMoreProblem(null);
    try {
      const answer = await getJson<Overview>(`/overview${queryOf({ asOf, section, status, offset: shown(key), limit: MORE_STEP })}`);
      const added = section === "deadlines" ? (answer.deadlines?.items ?? []) : (answer.tasks?.items ?? []);
      setExtra((before) => (section === "deadlines" ? { ...before, deadlines: [...before.deadlines, ...(added as OverviewDeadline[])] } : { ...before, tasks: [...before.tasks, ...(added as OverviewTask[])] }));
      setMessage(`${added.length.toLocaleString("de-DE")} weitere ${MORE_LABELS[key].done} angezeigt.`);
    } catch (error) {
      setMoreProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusyMore(null);
    }
  };

  const complete = async (row: DueRow) => {
    if (!row.taskId) return;
    setBusyTask(row.taskId);
    setProblem(null);
    try {
      await sendJson("POST", `/tasks/${encodeURIComponent(row.taskId)}/complete`, { date: asOf });
      setMessage(`Aufgabe „${row.title}“ ist als erledigt am ${formatDate(asOf)} vermerkt.`);
      onChanged();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusyTask(null);
    }
  };
  const urgentTotal = total("overdue") + total("dueSoon");
  const laterTotal = total("open");
  const ofTotal = (count: number, all: number) => (count < all ? ` (${count.toLocaleString("de-DE")} von ${all.toLocaleString("de-DE")} angezeigt)` : "");

  return (
    <section aria-labelledby="uebersicht-fristen" class="teilhabe-overview-section">
      <h2 id="uebersicht-fristen" class="kern-heading-medium">
        {what}
      </h2>
      <p class="kern-body">
        {pluralText(total("overdue"), "überfällig", "überfällig")}, {pluralText(total("dueSoon"), "bald fällig", "bald fällig")} (innerhalb von 14 Tagen),{" "}
        {pluralText(laterTotal, "weitere offen", "weitere offen")}. Stichtag {formatDate(asOf)}.
      </p>
      <div role="status" aria-live="polite">
        {message ? <p class="kern-body teilhabe-overview-done">{message}</p> : null}
      </div>
      {problem || moreProblem ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true" />
            <span class="kern-title">{problem ? "Die Aufgabe wurde nicht als erledigt vermerkt" : "Weitere Einträge konnten nicht geladen werden"}</span>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{problem ?? moreProblem}</p>
          </div>
        </div>
      ) : null}
      {urgent.length > 0 ? (
        <DueTable rows={urgent} caption={`Überfällig und bald fällig${ofTotal(urgent.length, urgentTotal)}`} agreementTitles={agreementTitles} linkAgreements={linkAgreements} canComplete={canComplete} onComplete={complete} busyTask={busyTask} />
      ) : (
        <p class="kern-body">Nichts ist überfällig oder in den nächsten 14 Tagen fällig.</p>
      )}
      <MoreButtons keys={keysOf(["overdue", "dueSoon"])} shown={shown} counts={counts} busy={busyMore} onMore={(key) => void loadMore(key)} />
      {laterTotal > 0 ? (
        <details class="kern-accordion" onToggle={(event) => setLaterOpen(event.currentTarget.open)}>
          <summary class="kern-accordion__header">
            <span class="kern-title">
              Weitere offene {what} ({laterTotal.toLocaleString("de-DE")})
            </span>
          </summary>
          <div class="kern-accordion__body">
            {laterOpen ? (
              <>
                <DueTable rows={later} caption={`Später fällig oder ohne Datum${ofTotal(later.length, laterTotal)}`} agreementTitles={agreementTitles} linkAgreements={linkAgreements} canComplete={canComplete} onComplete={complete} busyTask={busyTask} />
                <MoreButtons keys={keysOf(["open"])} shown={shown} counts={counts} busy={busyMore} onMore={(key) => void loadMore(key)} />
              </>
            ) : null}
          </div>
        </details>
      ) : null}
    </section>
  );
}
