/**
 * Occupancy per agreement: the cases running on the reference day against the places the agreement gives
 * (M07). An agreement without places says so; places that are an open input name the input (filled in on the
 * agreement's page); an example value is marked as such.
 */
import { formatDate } from "../../lib/germanFormat.ts";
import { ruleText } from "./overviewLabels.ts";
import type { Occupancy } from "./overviewTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

function OccupancyState({ item }: { item: Occupancy }) {
  if (item.status === "within") return <StatusBadge label={item.places === item.activeCases ? "Voll belegt" : "Plätze frei"} tone={item.places === item.activeCases ? "warning" : "success"} />;
  if (item.status === "exceeded") return <StatusBadge label="Überbelegt" tone="danger" />;
  if (item.status === "notAgreed") return <StatusBadge label="Keine Platzzahl vereinbart" tone="info" />;
  return <StatusBadge label="Nicht prüfbar" tone="warning" />;
}

function PlacesText({ item }: { item: Occupancy }) {
  if (item.places !== null)
    return (
      <>
        {item.places.toLocaleString("de-DE")}
        {item.exampleValue ? <div class="teilhabe-overview-note">Beispielwert</div> : null}
      </>
    );
  if (item.missingInput)
    return (
      <>
        offen: Eingabe {item.missingInput.id} ({item.missingInput.label})
      </>
    );
  return <>–</>;
}

export function OccupancySection({ items, asOf }: { items: Occupancy[]; asOf: string }) {
  return (
    <section aria-labelledby="uebersicht-belegung" class="teilhabe-overview-section">
      <h2 id="uebersicht-belegung" class="kern-heading-medium">
        Belegung je Vereinbarung
      </h2>
      <TableScroll label="Laufende Fälle und vereinbarte Plätze">
        <table class="kern-table kern-table--small teilhabe-overview-table">
          <caption class="kern-title">Laufende Fälle am {formatDate(asOf)} und vereinbarte Plätze</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">Vereinbarung</th>
              <th scope="col" class="kern-table__header kern-table__cell--numeric">Laufende Fälle</th>
              <th scope="col" class="kern-table__header kern-table__cell--numeric">Plätze</th>
              <th scope="col" class="kern-table__header">Stand</th>
              <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {items.map((item) => (
              <tr class="kern-table__row" key={item.agreementInstanceId}>
                <td class="kern-table__cell">
                  <a class="kern-link" href={`/vereinbarungen/${encodeURIComponent(item.agreementInstanceId)}`}>
                    {item.title ?? item.agreementId}
                  </a>
                  {item.status === "unknown" || item.status === "exceeded" ? <div class="teilhabe-overview-note">{item.message}</div> : null}
                </td>
                <td class="kern-table__cell kern-table__cell--numeric">{item.activeCases.toLocaleString("de-DE")}</td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  <PlacesText item={item} />
                </td>
                <td class="kern-table__cell teilhabe-nowrap">
                  <OccupancyState item={item} />
                </td>
                <td class="kern-table__cell teilhabe-nowrap">{ruleText(item.ruleId, item.source)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
