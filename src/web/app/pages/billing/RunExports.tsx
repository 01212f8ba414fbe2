/**
 * The bookkeeping exports of the days the run's invoices were issued (the exports select by invoice date):
 * CSV (one row per line) and the DATEV Buchungsstapel. DATEV needs the consultant and client numbers and the
 * revenue account; left empty, the server's settings apply, and a missing one is refused with its name.
 */
import { useState } from "preact/hooks";
import { queryOf } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { TextInput } from "../../shell/formFields.tsx";
import type { InvoiceSummary } from "./billingTypes.ts";
import { DownloadLink } from "./DownloadLink.tsx";

export function RunExports({ invoices }: { invoices: InvoiceSummary[] }) {
  const [consultantNumber, setConsultantNumber] = useState("");
  const [accountingClientNumber, setAccountingClientNumber] = useState("");
  const [revenueAccount, setRevenueAccount] = useState("");
  const dates = invoices.map((invoice) => invoice.issueDate).filter((date): date is string => typeof date === "string").sort();
  if (dates.length === 0) return null;
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const period = from === to ? `am ${formatDate(from)}` : `vom ${formatDate(from)} bis ${formatDate(to)}`;
  const datevQuery = queryOf({ from, to, consultantNumber, accountingClientNumber, revenueAccount });
  return (
    <section aria-labelledby="exports-heading" class="teilhabe-billing-section">
      <h2 class="kern-heading-medium" id="exports-heading">
        Export für die Buchhaltung
      </h2>
      <p class="kern-body">Alle {period} ausgestellten Rechnungen des Trägers, auch aus anderen Läufen.</p>
      <ul class="teilhabe-billing-downloads">
        <li>
          <DownloadLink path={`/invoice-exports/csv${queryOf({ from, to })}`} fileName={`Rechnungen_${from}_${to}.csv`}>
            CSV (eine Zeile je Position)
          </DownloadLink>
        </li>
      </ul>
      <details class="kern-accordion">
        <summary class="kern-accordion__header">
          <span class="kern-title">DATEV-Buchungsstapel</span>
        </summary>
        <div class="kern-accordion__body">
          <p class="kern-body">Leer gelassene Felder nimmt der Server aus seinen Einstellungen; fehlt dort ein Wert, wird er genannt.</p>
          <TextInput label="Beraternummer" optional inputMode="numeric" value={consultantNumber} onInput={(event) => setConsultantNumber(event.currentTarget.value.trim())} />
          <TextInput label="Mandantennummer" optional inputMode="numeric" value={accountingClientNumber} onInput={(event) => setAccountingClientNumber(event.currentTarget.value.trim())} />
          <TextInput label="Erlöskonto" optional value={revenueAccount} onInput={(event) => setRevenueAccount(event.currentTarget.value.trim())} />
          <p class="kern-body">
            <DownloadLink path={`/invoice-exports/datev${datevQuery}`} fileName={`EXTF_Buchungsstapel_${from}_${to}.csv`}>
              DATEV-Buchungsstapel herunterladen
            </DownloadLink>
          </p>
        </div>
      </details>
    </section>
  );
}
