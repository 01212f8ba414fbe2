/** The catalogue of agreements (GET /agreements): templates and concrete agreements with state, validity and open inputs. */
import { KIND_LABELS, landName, validityText } from "./agreementLabels.ts";
import type { AgreementSummary } from "./agreementTypes.ts";
import { StateBadge } from "./StateBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

export function CatalogueTable({ agreements }: { agreements: AgreementSummary[] }) {
  return (
    <TableScroll label="Katalog der Vereinbarungen">
      <table class="kern-table">
        <caption class="kern-title">Katalog der Vereinbarungen ({agreements.length})</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Vereinbarung</th>
            <th scope="col" class="kern-table__header">Art</th>
            <th scope="col" class="kern-table__header">Land</th>
            <th scope="col" class="kern-table__header">Leistungsart</th>
            <th scope="col" class="kern-table__header">Zustand</th>
            <th scope="col" class="kern-table__header">Geltungszeitraum</th>
            <th scope="col" class="kern-table__header kern-table__cell--numeric">Offene Eingaben</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {agreements.map((agreement) => (
            <tr class="kern-table__row" key={agreement.id}>
              <th scope="row" class="kern-table__cell">
                {agreement.title}
                <br />
                <span class="teilhabe-agreement-muted">
                  {agreement.id}
                  {agreement.template ? ` (Vorlage ${agreement.template})` : ""}
                </span>
              </th>
              <td class="kern-table__cell">{KIND_LABELS[agreement.kind] ?? agreement.kind}</td>
              <td class="kern-table__cell">{landName(agreement.land)}</td>
              <td class="kern-table__cell">{agreement.serviceType}</td>
              <td class="kern-table__cell">
                <StateBadge state={agreement.state} />
              </td>
              <td class="kern-table__cell">{validityText(agreement.validFrom, agreement.validTo)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{agreement.openInputs.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
