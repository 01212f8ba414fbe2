/**
 * Abrechnungslauf (/abrechnung/:id): the review of one billing run. Per payer the draft invoice with its lines
 * (rule id, clause, policy option, quantity, unit price, amount), the holds with their reason and what would
 * release them, and the totals; issuing the run after a confirmation; afterwards the documents of each invoice
 * and the period's CSV and DATEV exports.
 */
import { useState } from "preact/hooks";
import { formatCents, formatDateTime, formatMonth } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import "./billing.css";
import { payerName, runStateLabel } from "./billingLabels.ts";
import type { Hold, InvoiceSummary, Organisation, Page, Run, RunSummary } from "./billingTypes.ts";
import { IssueRunDialog } from "./IssueRunDialog.tsx";
import { invoiceTitle, PayerSection } from "./PayerSection.tsx";
import { RunExports } from "./RunExports.tsx";

interface PayerGroup {
  key: string;
  name: string;
  invoices: InvoiceSummary[];
  holds: Hold[];
}

function groupByPayer(run: Run, organisations: Organisation[] | undefined): PayerGroup[] {
  const groups = new Map<string, PayerGroup>();
  const groupOf = (payerId: string | null) => {
    const key = payerId ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { key: key || "ohne", name: payerName(payerId, organisations), invoices: [], holds: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const invoice of run.invoices) groupOf(invoice.payerId).invoices.push(invoice);
  for (const hold of run.holds) groupOf(hold.payerId).holds.push(hold);
  return [...groups.values()].sort((a, b) => (a.key === "ohne" ? 1 : b.key === "ohne" ? -1 : a.name.localeCompare(b.name, "de")));
}

function RunOverview({ run }: { run: Run }) {
  const item = (key: string, value: string) => (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{key}</dt>
      <dd class="kern-description-list-item__value">{value}</dd>
    </div>
  );
  return (
    <dl class="kern-description-list">
      {item("Zustand", run.state === "issued" ? `ausgestellt am ${formatDateTime(run.issuedAt)}` : `${runStateLabel(run.state)}, noch nicht ausgestellt`)}
      {item("Berechnet", formatDateTime(run.computedAt))}
      {item("Abgerechnete Fälle", String(run.caseCount))}
      {item("Rechnungen", `${run.totals.invoiceCount} über ${formatCents(run.totals.totalCents)}`)}
      {item("Rückhalte", `${run.totals.holdCount}, davon berechnet ${formatCents(run.totals.heldCents)}`)}
    </dl>
  );
}

export function BillingRunPage({ id }: { id: string }) {
  const run = useApiResource<Run>(`/billing-runs/${encodeURIComponent(id)}`);
  const organisations = useApiResource<Page<Organisation>>("/organisations?limit=500");
  const [issued, setIssued] = useState<RunSummary | undefined>(undefined);
  const title = run.data ? `Abrechnungslauf ${formatMonth(run.data.month)}` : "Abrechnungslauf";
  usePageTitle(title);

  if (!run.data)
    return (
      <>
        <h1 class="kern-heading-large">{title}</h1>
        {run.loading ? <LoadingNote /> : <ProblemMessage error={run.error} title="Abrechnungslauf nicht geladen" />}
        <p class="kern-body">
          <a class="kern-link" href="/abrechnung">
            Zur Abrechnung
          </a>
        </p>
      </>
    );

  const groups = groupByPayer(run.data, organisations.data?.items);
  const issuedInvoices = run.data.invoices.filter((invoice) => invoice.state === "issued");
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        <a class="kern-link" href="/abrechnung">
          Alle Abrechnungsläufe
        </a>
      </p>
      <RunOverview run={run.data} />
      <div role="status" aria-live="polite">
        {issued ? (
          <div class="kern-alert kern-alert--success">
            <div class="kern-alert__header">
              <span class="kern-icon kern-icon--success" aria-hidden="true" />
              <span class="kern-title">Abrechnungslauf ausgestellt</span>
            </div>
            <div class="kern-alert__body">
              <p class="kern-body">
                {issued.invoices
                  .filter((invoice) => invoice.state === "issued")
                  .map((invoice) => `${invoiceTitle(invoice)} an ${payerName(invoice.payerId, organisations.data?.items)}`)
                  .join("; ")}
                .
              </p>
            </div>
          </div>
        ) : null}
      </div>
      {run.data.invoices.length === 0 ? <p class="kern-body">Dieser Lauf enthält keine Rechnung: im Monat ist nichts (mehr) zu berechnen.</p> : null}
      <div class="teilhabe-billing-section">
        <IssueRunDialog
          run={run.data}
          onIssued={(summary) => {
            setIssued(summary);
            run.reload();
          }}
        />
      </div>
      {groups.map((group) => (
        <PayerSection key={group.key} payerKey={group.key} payer={group.name} invoices={group.invoices} holds={group.holds} onChanged={run.reload} />
      ))}
      {issuedInvoices.length > 0 ? <RunExports invoices={issuedInvoices} /> : null}
    </>
  );
}
