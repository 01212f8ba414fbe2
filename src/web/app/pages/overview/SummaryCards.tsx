/** The overview's figures at a glance, each leading to where the items are resolved. */
import { formatMonth } from "../../lib/germanFormat.ts";
import { countOf } from "./overviewLabels.ts";
import type { DueStatus, Overview } from "./overviewTypes.ts";

interface Card {
  key: string;
  figure: number;
  text: string;
  link?: { href: string; label: string };
}

function cardsOf(overview: Overview): Card[] {
  const cards: Card[] = [];
  if (overview.deadlines || overview.tasks) {
    const both = (status: DueStatus) => countOf(overview.deadlines, status) + countOf(overview.tasks, status);
    cards.push({ key: "overdue", figure: both("overdue"), text: "Fristen und Aufgaben überfällig" });
    cards.push({ key: "dueSoon", figure: both("dueSoon"), text: "in den nächsten 14 Tagen fällig" });
  }
  if (overview.holds) {
    const latest = overview.holds.runs[0];
    cards.push(
      latest
        ? { key: "holds", figure: latest.holdCount, text: `Rückhalte in der Abrechnung ${formatMonth(latest.month)}`, link: { href: `/abrechnung/${encodeURIComponent(latest.runId)}`, label: "Abrechnungslauf prüfen" } }
        : { key: "holds", figure: 0, text: "Rückhalte in der Abrechnung", link: { href: "/abrechnung", label: "Zur Abrechnung" } },
    );
  }
  if (overview.occupancy) {
    const open = overview.occupancy.items.filter((item) => item.status === "unknown" || item.status === "exceeded").length;
    const full = overview.occupancy.items.filter((item) => item.places !== null && item.activeCases >= item.places).length;
    cards.push({ key: "occupancy", figure: full + open, text: "Vereinbarungen voll belegt, überbelegt oder ohne Platzzahl-Eingabe", link: { href: "/vereinbarungen", label: "Zu den Vereinbarungen" } });
  }
  if (overview.staffing) {
    cards.push({ key: "staffing", figure: overview.staffing.counts.block, text: "Sperren in der Personalprüfung (z. B. Führungszeugnis fehlt)", link: { href: "/personal", label: "Zum Personal" } });
  }
  return cards;
}

export function SummaryCards({ overview }: { overview: Overview }) {
  const cards = cardsOf(overview);
  if (cards.length === 0) return null;
  return (
    <ul class="teilhabe-overview-cards" aria-label="Auf einen Blick">
      {cards.map((card) => (
        <li class="kern-card kern-card--hug" key={card.key}>
          <div class="kern-card__container">
            <p class="teilhabe-overview-figure">{card.figure.toLocaleString("de-DE")}</p>
            <p class="kern-body">{card.text}</p>
            {card.link ? (
              <a class="kern-link" href={card.link.href}>
                {card.link.label}
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
