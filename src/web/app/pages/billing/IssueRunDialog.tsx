/**
 * Issuing a run (POST /billing-runs/:id/issue) after a confirmation in a native modal <dialog>: it says how
 * many invoices over which sum are issued, that issued invoices cannot be changed (GoBD; only cancelled), and
 * how many holds stay open. Escape or „Abbrechen“ closes it without issuing; focus returns to the button.
 */
import { useRef, useState } from "preact/hooks";
import { sendJson } from "../../lib/apiClient.ts";
import { formatCents, formatMonth } from "../../lib/germanFormat.ts";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import type { Run, RunSummary } from "./billingTypes.ts";

export function IssueRunDialog({ run, onIssued }: { run: Run; onIssued: (issued: RunSummary) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const drafts = run.invoices.filter((invoice) => invoice.state === "draft");
  const draftCents = drafts.reduce((sum, invoice) => sum + invoice.totalCents, 0);

  const close = () => {
    dialog.current?.close();
    opener.current?.focus();
  };

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const issued = await sendJson<RunSummary>("POST", `/billing-runs/${encodeURIComponent(run.id)}/issue`);
      dialog.current?.close();
      onIssued(issued);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  if (drafts.length === 0) return null;
  return (
    <>
      <button
        type="button"
        class="kern-btn kern-btn--primary"
        ref={opener}
        onClick={() => {
          setError(undefined);
          dialog.current?.showModal();
        }}
      >
        <span class="kern-label">Abrechnungslauf ausstellen …</span>
      </button>
      <dialog class="kern-dialog" ref={dialog} aria-labelledby="issue-dialog-title" aria-describedby="issue-dialog-text" onClose={() => opener.current?.focus()}>
        <header class="kern-dialog__header">
          <h2 class="kern-title" id="issue-dialog-title">
            Abrechnungslauf {formatMonth(run.month)} ausstellen?
          </h2>
        </header>
        <section class="kern-dialog__body">
          <p class="kern-body" id="issue-dialog-text">
            {drafts.length === 1 ? "1 Rechnung" : `${drafts.length} Rechnungen`} über zusammen {formatCents(draftCents)} erhalten eine Rechnungsnummer und das Rechnungsdatum heute. Ausgestellte
            Rechnungen lassen sich nicht mehr ändern, nur stornieren.
            {run.holds.length > 0 ? ` ${run.holds.length === 1 ? "1 Rückhalt bleibt" : `${run.holds.length} Rückhalte bleiben`} offen und werden nach der Freigabe nachberechnet.` : ""}
          </p>
          <ProblemMessage error={error} title="Nicht ausgestellt" />
        </section>
        <footer class="kern-dialog__footer">
          <button type="button" class="kern-btn kern-btn--secondary" onClick={close} disabled={busy}>
            <span class="kern-label">Abbrechen</span>
          </button>
          <button type="button" class="kern-btn kern-btn--primary" onClick={issue} disabled={busy}>
            <span class="kern-label">{busy ? "Wird ausgestellt …" : "Jetzt ausstellen"}</span>
          </button>
        </footer>
      </dialog>
    </>
  );
}
