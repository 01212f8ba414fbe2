/**
 * Correcting an issued invoice (POST /invoices/:id/correction) after a confirmation in a native modal <dialog>:
 * a cancellation with its own number is issued at once, and the month is computed again for the payer as a new
 * draft that refers to the original. The answer names the cancellation and leads to the run with the new draft.
 */
import { useRef, useState } from "preact/hooks";
import { sendJson } from "../../lib/apiClient.ts";
import { formatCents } from "../../lib/germanFormat.ts";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import type { Invoice, InvoiceSummary } from "./billingTypes.ts";

interface Correction {
  cancellation: Invoice;
  replacement: Invoice | null;
  runId: string;
}

export function CorrectInvoiceDialog({ invoice, payer, onCorrected }: { invoice: InvoiceSummary; payer: string; onCorrected: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [result, setResult] = useState<Correction | undefined>(undefined);
  const titleId = `correct-${invoice.id}-title`;

  const correct = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await sendJson<Correction>("POST", `/invoices/${encodeURIComponent(invoice.id)}/correction`);
      dialog.current?.close();
      setResult(answer);
      onCorrected();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <button
        type="button"
        class="kern-btn kern-btn--secondary"
        ref={opener}
        onClick={() => {
          setError(undefined);
          dialog.current?.showModal();
        }}
      >
        <span class="kern-label">Rechnung {invoice.number} korrigieren …</span>
      </button>
      <div role="status" aria-live="polite">
        {result ? (
          <p class="kern-body">
            Stornorechnung {result.cancellation.number} über {formatCents(result.cancellation.totalCents)} ausgestellt.{" "}
            {result.replacement ? (
              <a class="kern-link" href={`/abrechnung/${encodeURIComponent(result.runId)}`}>
                Neuer Entwurf über {formatCents(result.replacement.totalCents)} im Abrechnungslauf prüfen
              </a>
            ) : (
              "Für den Monat ist nichts neu zu berechnen."
            )}
          </p>
        ) : null}
      </div>
      <dialog class="kern-dialog" ref={dialog} aria-labelledby={titleId} onClose={() => opener.current?.focus()}>
        <header class="kern-dialog__header">
          <h2 class="kern-title" id={titleId}>
            Rechnung {invoice.number} korrigieren?
          </h2>
        </header>
        <section class="kern-dialog__body">
          <p class="kern-body">
            Zur Rechnung {invoice.number} an {payer} über {formatCents(invoice.totalCents)} wird sofort eine Stornorechnung mit eigener Nummer ausgestellt. Der Monat wird für den
            Leistungsträger neu berechnet; der neue Entwurf verweist auf die stornierte Rechnung und wird wie jeder Entwurf geprüft und ausgestellt.
          </p>
          <ProblemMessage error={error} title="Nicht korrigiert" />
        </section>
        <footer class="kern-dialog__footer">
          <button type="button" class="kern-btn kern-btn--secondary" onClick={() => dialog.current?.close()} disabled={busy}>
            <span class="kern-label">Abbrechen</span>
          </button>
          <button type="button" class="kern-btn kern-btn--primary" onClick={correct} disabled={busy}>
            <span class="kern-label">{busy ? "Wird korrigiert …" : "Stornieren und neu berechnen"}</span>
          </button>
        </footer>
      </dialog>
    </div>
  );
}
