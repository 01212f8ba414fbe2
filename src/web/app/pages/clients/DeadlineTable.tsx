/** Deadlines and reports due of one case, as the engine gives them (status, nominal and working-day date, rule, clause). */
import { formatDate } from "../../lib/germanFormat.ts";
import { DEADLINE_STATUS_BADGES, DEADLINE_STATUS_LABELS, labelOf } from "./clientLabels.ts";
import type { Deadline } from "./clientTypes.ts";
import { ExplanationNote } from "./ExplanationNote.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

export function DeadlineTable({ deadlines, caption }: { deadlines: Deadline[]; caption: string }) {
  if (deadlines.length === 0) return <p class="kern-body">Keine Fristen.</p>;
  return (
    <TableScroll label={caption}>
      <table class="kern-table">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              Frist
            </th>
            <th scope="col" class="kern-table__header">
              Fällig
            </th>
            <th scope="col" class="kern-table__header">
              Stand
            </th>
            <th scope="col" class="kern-table__header">
              Grundlage
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {deadlines.map((deadline) => (
            <tr class="kern-table__row" key={deadline.id}>
              <th scope="row" class="kern-table__cell">
                {deadline.title}
                {deadline.missingInput ? <div class="teilhabe-muted">{deadline.missingInput.message}</div> : null}
                {deadline.note ? <div class="teilhabe-muted">{deadline.note}</div> : null}
              </th>
              <td class="kern-table__cell">
                {deadline.drivingDue ? formatDate(deadline.drivingDue) : "ohne Datum"}
                {deadline.shifted && deadline.nominalDue ? <div class="teilhabe-muted">Nenndatum {formatDate(deadline.nominalDue)} (§ 193 BGB verschoben)</div> : null}
                {deadline.completedOn ? <div class="teilhabe-muted">erledigt am {formatDate(deadline.completedOn)}</div> : null}
              </td>
              <td class="kern-table__cell">
                <span class={`kern-badge ${DEADLINE_STATUS_BADGES[deadline.status] ?? "kern-badge--info"}`}>
                  <span class="kern-label">{labelOf(DEADLINE_STATUS_LABELS, deadline.status)}</span>
                </span>
              </td>
              <td class="kern-table__cell">
                <ExplanationNote explanation={deadline.explanation} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
