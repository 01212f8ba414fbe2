/**
 * Rechnung (/rechnungen/:id): one invoice as the payer's caseworker checks it. Recipient with Leitweg-ID, provider,
 * number, dates and period, the file references of the cost coverages, each line explained by its rule, clause
 * and evidence, the holds of the month that wait for the payer, and the XRechnung and PDF downloads.
 */
import type { ComponentChildren } from "preact";
import { formatCents, formatDate, formatMonth } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import "../billing/billing.css";
import { invoiceKindLabel, policyText, ruleText } from "../billing/billingLabels.ts";
import type { Hold, Invoice, Organisation, Page, PostalAddress } from "../billing/billingTypes.ts";
import { DownloadLink } from "../billing/DownloadLink.tsx";
import { periodText } from "../billing/InvoiceLinesTable.tsx";
import { LineExplanation } from "./LineExplanation.tsx";

function item(key: string, value: ComponentChildren) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{key}</dt>
      <dd class="kern-description-list-item__value">{value}</dd>
    </div>
  );
}

/** A party's name and, where recorded, its address: „Beispielweg 1, 28195 Bremen“. */
function Party({ name, address }: { name: string; address: PostalAddress | null | undefined }) {
  const street = address?.street;
  const place = [address?.postalCode, address?.city].filter(Boolean).join(" ");
  const line = [street, place].filter(Boolean).join(", ");
  return (
    <>
      {name}
      {line ? (
        <>
          <br />
          {line}
        </>
      ) : null}
    </>
  );
}

function PendingHolds({ holds }: { holds: Hold[] }) {
  if (holds.length === 0) return null;
  return (
    <section aria-labelledby="holds-heading" class="teilhabe-billing-section">
      <h2 class="kern-heading-medium" id="holds-heading">
        Nicht berechnete Leistungen des Monats ({holds.length})
      </h2>
      <p class="kern-body">Diese Leistungen sind angehalten, bis der genannte Schritt erledigt ist; danach werden sie nachberechnet.</p>
      <ul class="kern-list">
        {holds.map((hold) => (
          <li key={hold.id} class="teilhabe-billing-section">
            <strong>
              {hold.clientId} (Fall {hold.caseId}), {periodText(hold.periodFrom, hold.periodTo)}
              {hold.amountCents !== null ? `, ${formatCents(hold.amountCents)}` : ""}:
            </strong>{" "}
            {hold.message}. <span class="teilhabe-billing-rule">{ruleText(hold.ruleId, hold.source.clause)}</span>. Freigabe: {hold.release}
            {hold.policies.length > 0 ? ` (${hold.policies.map(policyText).join("; ")})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InvoicePage({ id }: { id: string }) {
  const invoice = useApiResource<Invoice>(`/invoices/${encodeURIComponent(id)}`);
  const payerId = invoice.data?.payerId ?? null;
  const payer = useApiResource<Organisation>(payerId ? `/organisations/${encodeURIComponent(payerId)}` : null);
  const runId = invoice.data?.runId ?? null;
  const holds = useApiResource<Page<Hold>>(runId ? `/billing-holds?limit=500&runId=${encodeURIComponent(runId)}` : null);
  const data = invoice.data;
  const title = data ? `${invoiceKindLabel(data)} ${data.number ?? "(Entwurf)"}` : "Rechnung";
  usePageTitle(title);

  if (!data)
    return (
      <>
        <h1 class="kern-heading-large">{title}</h1>
        {invoice.loading ? <LoadingNote /> : <ProblemMessage error={invoice.error} title="Rechnung nicht geladen" />}
        <p class="kern-body">
          <a class="kern-link" href="/rechnungen">
            Alle Rechnungen
          </a>
        </p>
      </>
    );

  const fileReferences = [...new Set(data.lines.map((line) => line.costCoverageFileReference).filter((reference): reference is string => !!reference))];
  const fileBase = data.number ?? data.id;
  const payerHolds = (holds.data?.items ?? []).filter((hold) => hold.payerId === data.payerId);
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        <a class="kern-link" href="/rechnungen">
          Alle Rechnungen
        </a>
      </p>
      <dl class="kern-description-list">
        {item("Rechnungsempfänger", payer.data ? <Party name={payer.data.name} address={payer.data.address} /> : (data.payerId ?? "–"))}
        {item("Leitweg-ID", payer.data?.leitwegId ?? "nicht erfasst")}
        {item("Leistungserbringer", <Party name={data.provider.name ?? data.providerId} address={data.provider.address} />)}
        {item("Rechnungsdatum", formatDate(data.issueDate))}
        {item("Leistungszeitraum", `${formatDate(data.periodFrom)} – ${formatDate(data.periodTo)} (${formatMonth(data.month)})`)}
        {item(
          fileReferences.length === 1 ? "Aktenzeichen der Kostenübernahme" : "Aktenzeichen der Kostenübernahmen",
          fileReferences.length === 0 ? (
            "–"
          ) : (
            <ul class="teilhabe-billing-dates">
              {fileReferences.map((reference) => (
                <li key={reference}>{reference}</li>
              ))}
            </ul>
          ),
        )}
        {data.supplementary ? item("Art", "Nachberechnung: nur der Unterschied zu bereits ausgestellten Rechnungen des Monats") : null}
        {data.cancelsInvoiceId ? item("Storniert", `die Rechnung ${data.cancelsInvoiceId}`) : null}
        {item("Summe", `${formatCents(data.totalCents)} (${data.lines.length} Positionen)`)}
      </dl>
      {data.state === "issued" ? (
        <section aria-labelledby="documents-heading" class="teilhabe-billing-section">
          <h2 class="kern-heading-medium" id="documents-heading">
            Dokumente
          </h2>
          <ul class="teilhabe-billing-downloads">
            <li>
              <DownloadLink path={`/invoices/${encodeURIComponent(data.id)}/xrechnung.xml`} fileName={`XRechnung_${fileBase}.xml`}>
                XRechnung (XML)
              </DownloadLink>
            </li>
            <li>
              <DownloadLink path={`/invoices/${encodeURIComponent(data.id)}/invoice.pdf`} fileName={`Rechnung_${fileBase}.pdf`}>
                Rechnung als PDF
              </DownloadLink>
            </li>
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="lines-heading" class="teilhabe-billing-section">
        <h2 class="kern-heading-medium" id="lines-heading">
          Positionen ({data.lines.length})
        </h2>
        <p class="kern-body">Öffnen Sie eine Position: sie nennt die Regel und Klausel der Vereinbarung, die angewandte Entscheidung und die Nachweise.</p>
        <div>
          {data.lines.map((line) => (
            <LineExplanation line={line} key={line.position} />
          ))}
        </div>
        <p class="kern-body kern-body--bold">Summe: {formatCents(data.totalCents)}</p>
      </section>
      <PendingHolds holds={payerHolds} />
    </>
  );
}
