/**
 * One payer in a billing run: its invoice(s) with kind, state, number and total, the lines behind them, the
 * documents once issued (XRechnung, PDF), and the holds of the payer with their reasons and what releases them.
 */
import { formatCents, formatDate } from "../../lib/germanFormat.ts";
import { invoiceKindLabel } from "./billingLabels.ts";
import type { Hold, InvoiceSummary } from "./billingTypes.ts";
import { CorrectInvoiceDialog } from "./CorrectInvoiceDialog.tsx";
import { DownloadLink } from "./DownloadLink.tsx";
import { HoldsTable } from "./HoldsTable.tsx";
import { InvoiceLines } from "./InvoiceLinesTable.tsx";

export function invoiceTitle(invoice: InvoiceSummary): string {
  const kind = invoiceKindLabel(invoice);
  return invoice.number ? `${kind} ${invoice.number}` : `${kind} (Entwurf)`;
}

function InvoiceBlock({ invoice, payer, headingId, onChanged }: { invoice: InvoiceSummary; payer: string; headingId: string; onChanged: () => void }) {
  const fileBase = invoice.number ?? invoice.id;
  return (
    <article aria-labelledby={headingId} class="teilhabe-billing-section">
      <h3 class="kern-heading-small" id={headingId}>
        {invoiceTitle(invoice)}
      </h3>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Zustand</dt>
          <dd class="kern-description-list-item__value">{invoice.state === "issued" ? `ausgestellt am ${formatDate(invoice.issueDate)}` : "Entwurf, noch nicht ausgestellt"}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Leistungszeitraum</dt>
          <dd class="kern-description-list-item__value">
            {formatDate(invoice.periodFrom)} – {formatDate(invoice.periodTo)}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Summe</dt>
          <dd class="kern-description-list-item__value">
            {formatCents(invoice.totalCents)} ({invoice.lineCount} Positionen)
          </dd>
        </div>
      </dl>
      {invoice.state === "issued" ? (
        <ul class="teilhabe-billing-downloads" aria-label={`Dokumente: ${invoiceTitle(invoice)}`}>
          <li>
            <DownloadLink path={`/invoices/${encodeURIComponent(invoice.id)}/invoice.pdf`} fileName={`Rechnung_${fileBase}.pdf`}>
              PDF {invoice.number}
            </DownloadLink>
          </li>
          <li>
            <DownloadLink path={`/invoices/${encodeURIComponent(invoice.id)}/xrechnung.xml`} fileName={`XRechnung_${fileBase}.xml`}>
              XRechnung {invoice.number}
            </DownloadLink>
          </li>
        </ul>
      ) : null}
      {invoice.state === "issued" && invoice.kind === "invoice" ? <CorrectInvoiceDialog invoice={invoice} payer={payer} onCorrected={onChanged} /> : null}
      <InvoiceLines invoiceId={invoice.id} lineCount={invoice.lineCount} caption={`Positionen: ${invoiceTitle(invoice)} an ${payer}`} />
    </article>
  );
}

export function PayerSection({
  payerKey,
  payer,
  invoices,
  holds,
  onChanged,
}: {
  payerKey: string;
  payer: string;
  invoices: InvoiceSummary[];
  holds: Hold[];
  onChanged: () => void;
}) {
  const headingId = `payer-${payerKey}`;
  const heldCents = holds.reduce((sum, hold) => sum + (hold.amountCents ?? 0), 0);
  const billedCents = invoices.filter((invoice) => invoice.kind === "invoice").reduce((sum, invoice) => sum + invoice.totalCents, 0);
  return (
    <section aria-labelledby={headingId} class="teilhabe-billing-payer">
      <h2 class="kern-heading-medium" id={headingId}>
        {payer}
      </h2>
      <p class="kern-body">
        {invoices.length === 0 ? "Keine Rechnung in diesem Lauf." : `Berechnet: ${formatCents(billedCents)}.`}{" "}
        {holds.length === 0 ? "Keine Rückhalte." : `${holds.length === 1 ? "1 Rückhalt" : `${holds.length} Rückhalte`}, davon berechnet ${formatCents(heldCents)}.`}
      </p>
      {invoices.map((invoice) => (
        <InvoiceBlock invoice={invoice} payer={payer} headingId={`invoice-${invoice.id}`} key={invoice.id} onChanged={onChanged} />
      ))}
      {holds.length > 0 ? (
        <div class="teilhabe-billing-section">
          <h3 class="kern-heading-small">Rückhalte ({holds.length})</h3>
          <HoldsTable holds={holds} caption={`Rückhalte für ${payer}: Grund und Freigabe`} />
        </div>
      ) : null}
    </section>
  );
}
