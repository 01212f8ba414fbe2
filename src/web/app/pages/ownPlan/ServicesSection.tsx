/**
 * The services documented for the person, month by month (the newest month open), each told in short
 * sentences: the day, the time, how long, what was done, where and how.
 */
import { easyDuration, easyMonth, entryMinutes, entrySentences, type ServiceEntry } from "./easyLanguage.ts";

function groupByMonth(entries: ServiceEntry[]): [string, ServiceEntry[]][] {
  const months = new Map<string, ServiceEntry[]>();
  const sorted = [...entries].sort((left, right) => `${left.date} ${left.start ?? ""}`.localeCompare(`${right.date} ${right.start ?? ""}`));
  for (const entry of sorted) {
    const month = entry.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  return [...months.entries()].sort(([left], [right]) => (left < right ? 1 : -1));
}

export function ServicesSection({ entries }: { entries: ServiceEntry[] }) {
  const months = groupByMonth(entries);
  return (
    <section aria-labelledby="own-plan-services" class="teilhabe-own-plan__section">
      <h2 class="kern-heading-medium" id="own-plan-services">
        Das haben wir mit Ihnen gemacht
      </h2>
      {months.length === 0 ? <p>Hier steht noch nichts.</p> : <p>Hier steht, wann wir für Sie da waren. Der neueste Monat steht oben.</p>}
      {months.map(([month, monthEntries], index) => {
        const total = monthEntries.reduce((sum, entry) => sum + (entryMinutes(entry) ?? 0), 0);
        return (
          <details class="kern-accordion teilhabe-own-plan__month" key={month} open={index === 0}>
            <summary class="kern-accordion__header">
              <span class="kern-title">{easyMonth(month)}</span>
            </summary>
            <div class="kern-accordion__body">
              <p>
                Im {easyMonth(month)} waren wir {monthEntries.length === 1 ? "1 Mal" : `${monthEntries.length} Mal`} für Sie da.
              </p>
              <p>Das sind zusammen {easyDuration(total)}.</p>
              <ul class="teilhabe-own-plan__list">
                {monthEntries.map((entry) => (
                  <li key={entry.id} class="teilhabe-own-plan__entry">
                    {entrySentences(entry).map((sentence, position) => (
                      <p key={position}>{sentence}</p>
                    ))}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        );
      })}
    </section>
  );
}
