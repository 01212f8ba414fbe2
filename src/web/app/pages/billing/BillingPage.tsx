/**
 * Abrechnung (/abrechnung, Leitung and Verwaltung): start a month's billing run and see every run with its
 * state and totals; each run leads to its review page (/abrechnung/:id).
 */
import { useState } from "preact/hooks";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import "./billing.css";
import { RunList } from "./RunList.tsx";
import { StartRunForm } from "./StartRunForm.tsx";

export function BillingPage() {
  usePageTitle("Abrechnung");
  // A new run goes to the top of the list: the list loads its first page again.
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <h1 class="kern-heading-large">Abrechnung</h1>
      <p class="kern-body">
        Ein Abrechnungslauf berechnet einen Monat: je Leistungsträger einen Rechnungsentwurf mit Positionen und die Rückhalte, die auf eine Eingabe oder Entscheidung warten. Prüfen Sie den Lauf und stellen Sie ihn dann aus.
      </p>
      <StartRunForm onStarted={() => setReloadKey((key) => key + 1)} />
      <RunList reloadKey={reloadKey} />
    </>
  );
}
