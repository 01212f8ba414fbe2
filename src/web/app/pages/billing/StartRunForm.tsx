/**
 * Starting a month's billing run: the month (native month picker), POST /billing-runs. The answer is shown
 * with its totals and a link to review the run; a run already going for the month (409) or a bad month (400)
 * shows the server's German message.
 */
import { useState } from "preact/hooks";
import { ApiError, sendJson } from "../../lib/apiClient.ts";
import { formatAmount, formatMonth } from "../../lib/germanFormat.ts";
import { ButtonRow, TextInput } from "../../shell/formFields.tsx";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";
import type { RunSummary } from "./billingTypes.ts";

/** The month before the browser's today ("2026-03" on 15 April 2026): the month usually billed. */
function previousMonth(): string {
  const now = new Date();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function StartRunForm({ onStarted }: { onStarted: () => void }) {
  const [month, setMonth] = useState(previousMonth());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [result, setResult] = useState<(RunSummary & { replaced: boolean }) | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const run = await sendJson<RunSummary & { replaced: boolean }>("POST", "/billing-runs", { month });
      setResult(run);
      onStarted();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  const monthError = error instanceof ApiError ? error.messageFor("month") : undefined;
  return (
    <section aria-labelledby="start-run-heading" class="teilhabe-billing-section">
      <h2 class="kern-heading-medium" id="start-run-heading">
        Monat abrechnen
      </h2>
      <form onSubmit={submit} noValidate>
        <TextInput
          label="Abrechnungsmonat"
          hint="Alle im Monat aktiven Fälle werden berechnet; ein Entwurf des Monats wird ersetzt."
          type="month"
          name="month"
          class="teilhabe-billing-month"
          value={month}
          error={monthError}
          onInput={(event) => setMonth(event.currentTarget.value)}
        />
        <ButtonRow>
          <button type="submit" class="kern-btn kern-btn--primary" disabled={busy}>
            <span class="kern-label">{busy ? "Abrechnungslauf läuft …" : "Abrechnungslauf starten"}</span>
          </button>
        </ButtonRow>
      </form>
      <div role="status" aria-live="polite">
        {result ? (
          <div class="kern-alert kern-alert--success">
            <div class="kern-alert__header">
              <span class="kern-icon kern-icon--success" aria-hidden="true" />
              <span class="kern-title">Abrechnungslauf {formatMonth(result.month)} berechnet</span>
            </div>
            <div class="kern-alert__body">
              <p class="kern-body">
                {result.totals.invoiceCount === 1 ? "1 Rechnungsentwurf" : `${result.totals.invoiceCount} Rechnungsentwürfe`} über {formatAmount(result.totals.total)},{" "}
                {result.totals.holdCount === 1 ? "1 Rückhalt" : `${result.totals.holdCount} Rückhalte`} ({formatAmount(result.totals.held)} angehalten).
                {result.replaced ? " Der bisherige Entwurf des Monats wurde ersetzt." : ""}
              </p>
              <p class="kern-body">
                <a class="kern-link" href={`/abrechnung/${encodeURIComponent(result.id)}`}>
                  Abrechnungslauf {formatMonth(result.month)} prüfen
                </a>
              </p>
            </div>
          </div>
        ) : null}
      </div>
      <ProblemMessage error={error} title="Abrechnungslauf nicht gestartet" />
    </section>
  );
}
