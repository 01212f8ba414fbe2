/** The clauses of the agreement text that its inputs come from: clause, quote, file and the inputs it carries. */
import type { InstanceState } from "./agreementTypes.ts";
import { inputAnchor } from "./InputCard.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface ClauseRow {
  clause: string;
  file: string;
  quotes: { quote: string; inputIds: string[] }[];
}

/** Clause numbers in reading order: „§ 3.2“ before „§ 10.1“; words (Kopf, Unterschriften) after the numbers. */
function compareClauses(left: string, right: string): number {
  const numbers = (text: string) => (text.match(/\d+/g) ?? []).map(Number);
  const a = numbers(left);
  const b = numbers(right);
  if (a.length === 0 || b.length === 0) return a.length === b.length ? left.localeCompare(right, "de") : a.length === 0 ? 1 : -1;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return left.localeCompare(right, "de");
}

export function ClauseIndex({ state }: { state: InstanceState }) {
  const byClause = new Map<string, ClauseRow>();
  for (const input of state.inputs) {
    const key = `${input.file}|${input.clause}`;
    const row = byClause.get(key) ?? { clause: input.clause, file: input.file, quotes: [] };
    const quote = row.quotes.find((candidate) => candidate.quote === input.quote);
    if (quote) quote.inputIds.push(input.id);
    else row.quotes.push({ quote: input.quote, inputIds: [input.id] });
    byClause.set(key, row);
  }
  const rows = [...byClause.values()].sort((left, right) => compareClauses(left.clause, right.clause));
  return (
    <section class="teilhabe-agreement-section" aria-labelledby="agreement-clauses">
      <h2 class="kern-heading-medium" id="agreement-clauses">
        Fundstellen im Vertragstext
      </h2>
      <TableScroll label="Fundstellen im Vertragstext">
        <table class="kern-table kern-table--small">
          <caption class="kern-title">Klauseln mit offenen oder gefüllten Eingaben ({rows.length})</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">Fundstelle</th>
              <th scope="col" class="kern-table__header">Zitat</th>
              <th scope="col" class="kern-table__header">Eingaben</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.flatMap((row) =>
              row.quotes.map((quote, index) => (
                <tr class="kern-table__row" key={`${row.file}|${row.clause}|${quote.quote}`}>
                  <th scope="row" class="kern-table__cell">
                    {row.clause}
                    {index === 0 ? <span class="teilhabe-agreement-muted"> ({row.file})</span> : null}
                  </th>
                  <td class="kern-table__cell">„{quote.quote}“</td>
                  <td class="kern-table__cell">
                    {quote.inputIds.map((id, position) => (
                      <span key={id}>
                        {position > 0 ? ", " : ""}
                        <a class="kern-link" href={`#${inputAnchor(id)}`}>
                          {id}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
