/**
 * One case of the client under one agreement: start, end, need groups, access status; its cost coverages with
 * the approved volume, what the month's billing preview used of it and what remains (GET /clients/:id/volume);
 * the engine's volume result (weekly band, need-group corridor, yearly counter) with rule and clause; and the
 * deadlines and reports due.
 */
import { formatDate, formatMonth, formatNumber } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { ACCESS_STATUS_LABELS, COVERAGE_KIND_LABELS, VOLUME_PER_LABELS, labelOf } from "./clientLabels.ts";
import type { CaseDeadlines, CaseRecord, CaseVolume, CoverageUse, Page } from "./clientTypes.ts";
import { DeadlineTable } from "./DeadlineTable.tsx";
import { ExplanationNote, FindingList } from "./ExplanationNote.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface CoverageRecord {
  id: string;
  fileReference?: string;
  from: string;
  to?: string;
  decidedOn?: string;
  kind: string;
  approvedVolume?: { hours: string; per: string };
  components?: string[];
}

export function hoursText(hours: string | null | undefined): string {
  return hours === null || hours === undefined ? "–" : `${formatNumber(hours)} Std.`;
}

function CoverageTable({ caseId, volume, month }: { caseId: string; volume: CaseVolume | undefined; month: string }) {
  const coverages = useApiResource<Page<CoverageRecord>>(`/cost-coverages?caseId=${encodeURIComponent(caseId)}&limit=100`);
  if (coverages.error) return <ProblemMessage error={coverages.error} title="Kostenübernahmen nicht lesbar" />;
  if (!coverages.data) return <LoadingNote />;
  if (coverages.data.items.length === 0) return <p class="kern-body">Keine Kostenübernahme erfasst.</p>;
  const useOf = (id: string): CoverageUse | undefined => volume?.coverages.find((coverage) => coverage.id === id);
  return (
    <TableScroll label={`Kostenübernahmen und Restvolumen im ${formatMonth(month)}`}>
      <table class="kern-table">
        <caption class="kern-title">Kostenübernahmen und Restvolumen im {formatMonth(month)}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              Kostenübernahme
            </th>
            <th scope="col" class="kern-table__header">
              Gültig
            </th>
            <th scope="col" class="kern-table__header">
              Bewilligt
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              Abgerechnet im Monat
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              Noch frei im Monat
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {coverages.data.items.map((coverage) => {
            const use = useOf(coverage.id);
            return (
              <tr class="kern-table__row" key={coverage.id} data-coverage={coverage.id}>
                <th scope="row" class="kern-table__cell">
                  {labelOf(COVERAGE_KIND_LABELS, coverage.kind)}
                  {coverage.fileReference ? <div class="teilhabe-muted">Aktenzeichen {coverage.fileReference}</div> : null}
                  {coverage.decidedOn ? <div class="teilhabe-muted">Bescheid vom {formatDate(coverage.decidedOn)}</div> : null}
                </th>
                <td class="kern-table__cell">
                  {formatDate(coverage.from)} – {coverage.to ? formatDate(coverage.to) : "unbefristet"}
                </td>
                <td class="kern-table__cell">{coverage.approvedVolume ? `${hoursText(coverage.approvedVolume.hours)} ${labelOf(VOLUME_PER_LABELS, coverage.approvedVolume.per)}` : "ohne Stundenvolumen"}</td>
                <td class="kern-table__cell kern-table__cell--numeric">{use ? hoursText(use.billedHours) : "–"}</td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  {use?.remainingHours ? <span class="teilhabe-figure">{hoursText(use.remainingHours)}</span> : "–"}
                  {use?.note ? <div class="teilhabe-muted">{use.note}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function VolumeResult({ volume }: { volume: CaseVolume }) {
  if (!volume.applies) return <p class="kern-body">{volume.message}</p>;
  return (
    <>
      {volume.monthly && (
        <div class="teilhabe-client-subsection">
          <p class="kern-body">
            {formatMonth(volume.month)}: {hoursText(volume.monthly.hours)} geleistet
            {volume.monthly.averageWeeklyHoursRounded ? `, durchschnittlich ${formatNumber(volume.monthly.averageWeeklyHoursRounded)} Std. je Woche` : ""}
            {volume.monthly.band ? ` (Vereinbarung: ${formatNumber(volume.monthly.band.minimumWeeklyHours ?? "–")} bis ${formatNumber(volume.monthly.band.maximumWeeklyHours ?? "–")} Std. je Woche)` : ""}
            <ExplanationNote explanation={volume.monthly.explanation} />
          </p>
          <FindingList findings={volume.monthly.findings} />
        </div>
      )}
      {volume.year && volume.year.findings.length > 0 && (
        <div class="teilhabe-client-subsection">
          <p class="kern-body">
            Jahr {volume.year.year}: {volume.year.shortfallCount} Monate unter der Mindestinanspruchnahme (Grenze {volume.year.limit})
            <ExplanationNote explanation={volume.year.explanation} />
          </p>
          <FindingList findings={volume.year.findings} />
        </div>
      )}
      {volume.corridor && (
        <div class="teilhabe-client-subsection">
          <FindingList findings={volume.corridor.findings} />
          <p class="kern-body">
            Betrachtungszeitraum {formatDate(volume.corridor.window.from)} – {formatDate(volume.corridor.window.to)}
            <ExplanationNote explanation={volume.corridor.explanation} />
          </p>
        </div>
      )}
    </>
  );
}

export function CaseSection({
  record,
  title,
  volume,
  deadlines,
  month,
  volumeError,
}: {
  record: CaseRecord;
  title: string;
  volume: CaseVolume | undefined;
  deadlines: CaseDeadlines | undefined;
  month: string;
  volumeError: Error | undefined;
}) {
  const headingId = `fall-${record.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <section class="teilhabe-client-section kern-card teilhabe-case-card" aria-labelledby={headingId}>
      <div class="kern-card__container">
        <h3 class="kern-heading-small" id={headingId}>
          {title}
        </h3>
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Beginn</dt>
            <dd class="kern-description-list-item__value">{formatDate(record.start)}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Ende</dt>
            <dd class="kern-description-list-item__value">{record.end ? formatDate(record.end) : "offen"}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Hilfebedarfsgruppe</dt>
            <dd class="kern-description-list-item__value">
              {record.needGroups.length === 0
                ? "–"
                : record.needGroups.map((group) => `HBG ${group.group} ab ${formatDate(group.from)}${group.to ? ` bis ${formatDate(group.to)}` : ""} (${group.source === "hmbw" ? "HMBW" : "Gesamtplan"})`).join("; ")}
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Zugang</dt>
            <dd class="kern-description-list-item__value">{labelOf(ACCESS_STATUS_LABELS, record.accessStatus)}</dd>
          </div>
        </dl>
        <h4 class="kern-heading-small teilhabe-client-subsection">Kostenübernahmen</h4>
        <CoverageTable caseId={record.id} volume={volume} month={month} />
        <h4 class="kern-heading-small teilhabe-client-subsection">Inanspruchnahme im {formatMonth(month)}</h4>
        {volumeError ? <ProblemMessage error={volumeError} title="Umfang nicht lesbar" /> : volume ? <VolumeResult volume={volume} /> : <p class="kern-body">Der Fall läuft in diesem Monat nicht.</p>}
        <h4 class="kern-heading-small teilhabe-client-subsection">Fristen und fällige Berichte</h4>
        {deadlines ? <DeadlineTable deadlines={deadlines.deadlines} caption={`Fristen: ${title}`} /> : <p class="kern-body">Keine Fristen geladen.</p>}
      </div>
    </section>
  );
}
