/**
 * The documentation of one month (GET /clients/:id/month/:month): per case the service entries with minutes,
 * kind of time, assistance, mode and setting; what the billing preview makes of the month (billed, held, every
 * hold with its reason, rule and clause) and the deadlines due by the month's end.
 */
import { formatAmount, formatDate, formatMinutes, formatMonth, formatNumber, formatWeekday } from "../../lib/germanFormat.ts";
import { ASSISTANCE_LABELS, MODE_LABELS, SETTING_LABELS, TIME_KIND_LABELS, labelOf } from "./clientLabels.ts";
import type { ClientMonth, MonthCase, ServiceEntry } from "./clientTypes.ts";
import { DeadlineTable } from "./DeadlineTable.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

/** Minutes of an entry given by start and end ("09:00"–"10:30" → 90); undefined without both. */
function spanMinutes(entry: ServiceEntry): number | undefined {
  if (!entry.start || !entry.end) return undefined;
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const span = toMinutes(entry.end) - toMinutes(entry.start);
  return span >= 0 ? span : span + 24 * 60;
}

/** The entry's duration in whole minutes, when it is given as minutes or as start and end. */
function entryMinutes(entry: ServiceEntry): number | undefined {
  return entry.minutes ?? spanMinutes(entry);
}

function minutesOf(entry: ServiceEntry): string {
  const minutes = entryMinutes(entry);
  if (minutes !== undefined) return formatMinutes(minutes);
  if (entry.hours !== undefined) return `${formatNumber(entry.hours)} Std.`;
  return "–";
}

function EntryTable({ monthCase, month }: { monthCase: MonthCase; month: string }) {
  if (monthCase.entries.length === 0) return <p class="kern-body">Keine Leistungen im {formatMonth(month)} dokumentiert.</p>;
  const timed = monthCase.entries.filter((entry) => entryMinutes(entry) !== undefined);
  const total = timed.reduce((sum, entry) => sum + (entryMinutes(entry) ?? 0), 0);
  const untimed = monthCase.entries.length - timed.length;
  return (
    <TableScroll label={`Leistungen im ${formatMonth(month)}`}>
      <table class="kern-table">
        <caption class="kern-title">
          Leistungen im {formatMonth(month)}: {monthCase.entries.length} {monthCase.entries.length === 1 ? "Eintrag" : "Einträge"}, {formatMinutes(total)}
          {untimed > 0 ? ` und ${untimed} in Stunden erfasst` : ""}
        </caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              Datum
            </th>
            <th scope="col" class="kern-table__header">
              Zeit
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              Dauer
            </th>
            <th scope="col" class="kern-table__header">
              Art
            </th>
            <th scope="col" class="kern-table__header">
              Notiz
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {monthCase.entries.map((entry) => (
            <tr class="kern-table__row" key={entry.id}>
              <th scope="row" class="kern-table__cell">
                {formatWeekday(entry.date).slice(0, 2)}, {formatDate(entry.date)}
              </th>
              <td class="kern-table__cell">{entry.start && entry.end ? `${entry.start}–${entry.end}` : "–"}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{minutesOf(entry)}</td>
              <td class="kern-table__cell">
                {[
                  labelOf(TIME_KIND_LABELS, entry.timeKind),
                  entry.assistanceType ? labelOf(ASSISTANCE_LABELS, entry.assistanceType) : undefined,
                  labelOf(MODE_LABELS, entry.mode) + (entry.remoteReason ? ` (${entry.remoteReason})` : ""),
                  labelOf(SETTING_LABELS, entry.setting) + (entry.groupSize ? ` mit ${entry.groupSize} Personen` : ""),
                ]
                  .filter(Boolean)
                  .join(", ")}
              </td>
              <td class="kern-table__cell">{entry.note ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function BillingSummary({ monthCase }: { monthCase: MonthCase }) {
  const { billing } = monthCase;
  const hours = billing.quantities?.hour;
  return (
    <div class="teilhabe-client-subsection">
      <p class="kern-body">
        Rechnungsentwurf des Monats: abrechenbar {formatAmount(billing.billed)}, angehalten {formatAmount(billing.held)}
        {hours ? ` – Stunden geleistet ${formatNumber(hours.delivered)}, abrechenbar ${formatNumber(hours.billed)}, angehalten ${formatNumber(hours.held)}` : ""}.
      </p>
      {billing.holds.length > 0 && (
        <div class="kern-alert kern-alert--warning">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--warning" aria-hidden="true" />
            <span class="kern-title">Angehalten ({billing.holds.length})</span>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {billing.holds.map((hold, index) => (
                <li key={`${hold.code}-${index}`} class="kern-body">
                  {hold.message}: {formatNumber(hold.quantity)} {hold.unit === "hour" ? "Std." : hold.unit === "day" ? "Tage" : hold.unit}
                  {hold.amount ? ` (${formatAmount(hold.amount)})` : ""}
                  <span class="teilhabe-explanation">
                    {" "}
                    (Regel {hold.ruleId}, {hold.clause})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

export function MonthDocumentation({ month, data }: { month: string; data: ClientMonth }) {
  if (data.cases.length === 0) return <p class="kern-body">Im {formatMonth(month)} läuft kein Fall.</p>;
  return (
    <>
      {data.cases.map((monthCase) => (
        <div class="teilhabe-client-subsection" key={monthCase.caseId}>
          <h3 class="kern-heading-small">{monthCase.agreementTitle}</h3>
          <EntryTable monthCase={monthCase} month={month} />
          <BillingSummary monthCase={monthCase} />
          {monthCase.absences.length > 0 && (
            <p class="kern-body">
              Abwesenheiten im Monat: {monthCase.absences.map((absence) => `${formatDate(absence.from)} – ${formatDate(absence.to)}`).join("; ")}
            </p>
          )}
          {monthCase.deadlinesDue.length > 0 && <DeadlineTable deadlines={monthCase.deadlinesDue} caption={`Bis Ende ${formatMonth(month)} fällig`} />}
        </div>
      ))}
    </>
  );
}
