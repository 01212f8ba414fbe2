/**
 * `teilhabe bill-run --month YYYY-MM [--issue] [--json]`: the monthly billing run against the store (embedded
 * data folder or DATABASE_URL), for the organisation of `--organisation`, `TEILHABE_ORGANISATION` or the demo
 * provider. One transaction: the drafts per payer with lines and holds, and with --issue their numbers.
 */
import type { Command } from "commander";
import { loadCatalogueOrFail } from "../loadCase.ts";
import { resolvePeriodOption } from "../periodOption.ts";
import { todayIso } from "../main.ts";
import { ProblemError } from "../../server/problem.ts";
import { openStore, storeOptionsFromEnvironment } from "../../store/store.ts";
import { guardBillingMonth } from "../../server/billing/billingMonthLock.ts";
import type { BillingScope } from "../../server/billing/billingScope.ts";
import { issueBillingRun } from "../../server/billing/issueInvoices.ts";
import { loadRunView, type RunView } from "../../server/billing/presentBilling.ts";
import { runBillingMonth } from "../../server/billing/runBillingMonth.ts";
import { formatDateGerman, formatEuro, formatNumberGerman, UNIT_LABELS } from "../germanFormat.ts";
import { formatTable } from "../table.ts";

export const DEFAULT_ORGANISATION = "demo-traeger";

export interface BillRunOptions {
  month: string;
  issue?: boolean;
  organisation?: string;
  /** Today's date (ISO): the issue date of invoices issued now. */
  today: string;
}

export function resolveOrganisation(option: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  return option ?? environment.TEILHABE_ORGANISATION ?? DEFAULT_ORGANISATION;
}

export async function runBillRun(options: BillRunOptions): Promise<RunView & { organisationId: string }> {
  const catalogue = loadCatalogueOrFail();
  const organisationId = resolveOrganisation(options.organisation);
  const store = await openStore(storeOptionsFromEnvironment());
  try {
    const view = await guardBillingMonth(organisationId, options.month, () =>
      store.transaction(async (tx) => {
        const scope: BillingScope = { tx, organisationId, catalogue, today: () => options.today, now: () => new Date().toISOString() };
        const outcome = await runBillingMonth(scope, options.month);
        if (options.issue) await issueBillingRun(scope, outcome.runId);
        return loadRunView(tx, organisationId, outcome.runId);
      }),
    );
    return { organisationId, ...view };
  } finally {
    await store.close();
  }
}

const KIND_LABELS: Record<string, string> = { invoice: "Rechnung", cancellation: "Stornorechnung" };

export function renderBillRun(view: RunView & { organisationId: string }): string {
  const parts: string[] = [];
  parts.push(`Abrechnungslauf ${formatDateGerman(view.month)} für ${view.organisationId}: ${view.state === "issued" ? "ausgestellt" : "Entwurf"}, ${view.caseCount} Fälle (Lauf ${view.id})`);
  if (view.invoices.length > 0) {
    parts.push(
      formatTable(
        ["Rechnung", "Art", "Leistungsträger", "Zeitraum", "Positionen", "Betrag", "Rechnungsdatum"],
        view.invoices.map((invoice) => [
          invoice.number ?? "Entwurf",
          (KIND_LABELS[invoice.kind] ?? invoice.kind) + (invoice.supplementary ? " (Nachberechnung)" : "") + (invoice.correctsInvoiceId ? " (ersetzt stornierte Rechnung)" : ""),
          invoice.payerId ?? "—",
          `${formatDateGerman(invoice.periodFrom)} – ${formatDateGerman(invoice.periodTo)}`,
          invoice.lineCount,
          formatEuro(invoice.total),
          formatDateGerman(invoice.issueDate),
        ]),
        [4, 5],
      ),
    );
  } else parts.push("Keine neuen Rechnungen.");
  if (view.holds.length > 0) {
    parts.push("Angehalten / abgelehnt:");
    parts.push(
      formatTable(
        ["Fall", "Art", "Menge", "Betrag", "Grund", "Freigabe durch", "Regel"],
        view.holds.map((hold) => [
          hold.caseId,
          hold.kind === "rejected" ? "abgelehnt" : "angehalten",
          `${formatNumberGerman(hold.quantity)} ${UNIT_LABELS[hold.unit] ?? hold.unit}`,
          hold.amount === null ? "—" : formatEuro(hold.amount),
          hold.message,
          hold.release,
          `${hold.ruleId} (${hold.source.clause})`,
        ]),
        [3],
      ),
    );
  }
  parts.push(`Summe Rechnungen: ${formatEuro(view.totals.total)} in ${view.totals.invoiceCount} Rechnungen    angehalten: ${formatEuro(view.totals.held)} in ${view.totals.holdCount} Rückhalten`);
  return parts.join("\n");
}

/** Registers `bill-run` on the program (called from registerCommands.ts). */
export function registerBillRunCommand(program: Command, write: (text: string) => void): void {
  program
    .command("bill-run")
    .description("Abrechnungslauf eines Monats gegen den Datenbestand: Rechnungsentwürfe je Leistungsträger, Rückhalte; mit --issue ausstellen")
    .requiredOption("--month <month>", "Abrechnungsmonat JJJJ-MM")
    .option("--issue", "die Entwürfe gleich ausstellen (lückenlose Rechnungsnummern)")
    .option("--organisation <id>", `Träger (Standard: TEILHABE_ORGANISATION oder ${DEFAULT_ORGANISATION})`)
    .option("--json", "exaktes JSON statt Tabelle")
    .action(async (options: { month: string; issue?: boolean; organisation?: string; json?: boolean }) => {
      const { from } = resolvePeriodOption({ month: options.month });
      try {
        const view = await runBillRun({ month: from.slice(0, 7), issue: options.issue, organisation: options.organisation, today: todayIso() });
        write(options.json ? `${JSON.stringify(view, null, 2)}\n` : `${renderBillRun(view)}\n`);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = error.status === 409 ? 3 : 1;
      }
    });
}
