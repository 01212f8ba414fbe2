/**
 * The evidence behind one invoice line, in words a caseworker checks against the file: the days billed (service,
 * absence or occupancy days), the service entries behind the hours (each with its date and documented duration), the components of a daily rate, the cost
 * coverage, and for a supplementary invoice what was billed before. Parts of a merged line are shown one by one.
 */
import { formatAmount, formatCents, formatDate, formatMinutes, formatNumber } from "../../lib/germanFormat.ts";
import { unitLabel } from "../billing/billingLabels.ts";
import type { EvidenceEntry } from "../billing/billingTypes.ts";
import { TableScroll } from "../../shell/TableScroll.tsx";

const DAY_WORDS: Record<string, string> = {
  serviceDay: "Leistungstage",
  absenceDay: "Abwesenheitstage",
  occupancyDay: "Belegungstage",
  month: "Belegungstage",
};

interface Component {
  name: string;
  amount: string;
  unitAmount?: string;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** The entries behind a line with date and documented duration; an entry no longer recorded says so. */
function EntriesTable({ entries, unit }: { entries: EvidenceEntry[]; unit: string }) {
  const documented = entries.reduce((sum, entry) => sum + (entry.minutes ?? 0), 0);
  return (
    <TableScroll label="Leistungseinträge">
      <table class="kern-table kern-table--small">
        <caption class="kern-title">
          Leistungseinträge ({entries.length}){unit === "hour" ? ", deren Stunden diese Position bilden" : ""}
        </caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Datum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Dokumentierte Dauer</th>
            <th scope="col" class="kern-table__header">Eintrag</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {entries.map((entry) => (
            <tr class="kern-table__row" key={entry.id}>
              <th scope="row" class="kern-table__cell">
                {entry.date ? formatDate(entry.date) : "nicht mehr erfasst"}
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">{formatMinutes(entry.minutes)}</td>
              <td class="kern-table__cell teilhabe-billing-id">{entry.id}</td>
            </tr>
          ))}
          <tr class="kern-table__row teilhabe-billing-total">
            <th scope="row" class="kern-table__cell">
              Zusammen dokumentiert
            </th>
            <td class="kern-table__cell kern-table__cell--numeric">{formatMinutes(documented)}</td>
            <td class="kern-table__cell" />
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

function KnownEvidence({ evidence, unit, fileReference }: { evidence: Record<string, unknown>; unit: string; fileReference: string | null }) {
  const dates = isStringList(evidence.dates) ? evidence.dates : [];
  const entryIds = isStringList(evidence.entryIds) ? evidence.entryIds : [];
  const entries = Array.isArray(evidence.entries) ? (evidence.entries as EvidenceEntry[]) : [];
  const coverageIds = isStringList(evidence.costCoverageIds) ? evidence.costCoverageIds : [];
  const components = Array.isArray(evidence.components) ? (evidence.components as Component[]) : [];
  const billedBefore = evidence.billedBefore as { invoiceNumbers?: string[]; amountCents?: number; quantity?: string } | undefined;
  const dayWord = DAY_WORDS[unit] ?? "Tage";
  return (
    <>
      {dates.length > 0 ? (
        <div>
          <p class="kern-body kern-body--bold">
            {dayWord} ({dates.length}):
          </p>
          <ul class="teilhabe-billing-dates" aria-label={`${dayWord} (${dates.length})`}>
            {dates.map((date) => (
              <li key={date}>{formatDate(date)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {entries.length > 0 ? <EntriesTable entries={entries} unit={unit} /> : null}
      {entries.length === 0 && entryIds.length > 0 ? (
        <div>
          <p class="kern-body kern-body--bold">
            Leistungseinträge ({entryIds.length}){unit === "hour" ? ", deren Stunden diese Position bilden" : ""}:
          </p>
          <ul class="teilhabe-billing-dates" aria-label={`Leistungseinträge (${entryIds.length})`}>
            {entryIds.map((entryId) => (
              <li key={entryId}>{entryId}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {components.length > 0 ? (
        <TableScroll label="Bestandteile des Satzes">
          <table class="kern-table kern-table--small">
            <caption class="kern-title">Bestandteile des Satzes</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">Bestandteil</th>
                <th scope="col" class="kern-table__header kern-table__cell--numeric">je {unitLabel(unit, "1")}</th>
                <th scope="col" class="kern-table__header kern-table__cell--numeric">Betrag</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {components.map((component) => (
                <tr class="kern-table__row" key={component.name}>
                  <th scope="row" class="kern-table__cell">
                    {component.name}
                  </th>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatAmount(component.unitAmount)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatAmount(component.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {coverageIds.length > 0 || fileReference ? (
        <p class="kern-body">
          <strong>Kostenübernahme:</strong> {fileReference ? `Aktenzeichen ${fileReference}` : "ohne Aktenzeichen"}
          {coverageIds.length > 0 ? ` (${coverageIds.join(", ")})` : ""}
        </p>
      ) : null}
      {billedBefore ? (
        <p class="kern-body">
          <strong>Bereits berechnet:</strong> mit Rechnung {(billedBefore.invoiceNumbers ?? []).join(", ") || "–"}
          {billedBefore.quantity ? `, ${formatNumber(billedBefore.quantity)} ${unitLabel(unit, billedBefore.quantity)}` : ""}
          {typeof billedBefore.amountCents === "number" ? `, ${formatCents(billedBefore.amountCents)}` : ""}; diese Position berechnet nur den Unterschied.
        </p>
      ) : null}
    </>
  );
}

export function LineEvidence({ evidence, unit, fileReference }: { evidence: Record<string, unknown>; unit: string; fileReference: string | null }) {
  const parts = Array.isArray(evidence.parts) ? (evidence.parts as Record<string, unknown>[]) : [];
  return (
    <div class="teilhabe-billing-explanation">
      <KnownEvidence evidence={evidence} unit={unit} fileReference={fileReference} />
      {parts.map((part, index) => (
        <div key={index}>
          <p class="kern-body kern-body--bold">Teil {index + 1}</p>
          <KnownEvidence evidence={part} unit={unit} fileReference={null} />
        </div>
      ))}
    </div>
  );
}
