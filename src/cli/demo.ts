/**
 * `npm start` (until the server exists): runs the engine on the example case of every agreement for one month
 * and prints per agreement the invoice total, the holds and the next deadlines.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { billCase } from "../domain/billing/billCase.ts";
import { presentInvoiceDraft } from "../domain/billing/presentInvoiceDraft.ts";
import { computeAgreementDeadlines } from "../domain/deadlines/agreementDeadlines.ts";
import { computeCaseDeadlines } from "../domain/deadlines/caseDeadlines.ts";
import type { Deadline } from "../domain/deadlines/deadline.ts";
import { formatIssue } from "../domain/agreement/validationIssue.ts";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { formatDateGerman, formatEuro, formatNumberGerman, UNIT_LABELS } from "./germanFormat.ts";
import { InputFileError } from "./inputFileError.ts";
import { loadCase } from "./loadCase.ts";
import { resolvePeriodOption } from "./periodOption.ts";
import { formatTable } from "./table.ts";

const MONTH = process.env.TEILHABE_DEMO_MONTH ?? "2026-03";
const AS_OF = process.env.TEILHABE_DEMO_AS_OF ?? "2026-03-31";
const EXAMPLES = resolve(process.env.TEILHABE_EXAMPLES ?? "examples");


function nextDeadlines(deadlines: Deadline[], count: number): Deadline[] {
  return deadlines
    .filter((deadline) => deadline.status !== "done" && deadline.status !== "info")
    .sort((a, b) => (a.drivingDue ?? "9999").localeCompare(b.drivingDue ?? "9999"))
    .slice(0, count);
}

export function runDemo(write: (text: string) => void): number {
  const catalogue = loadCatalogue();
  if (catalogue.issues.length > 0) {
    write(`Vereinbarungsdateien fehlerhaft:\n${catalogue.issues.map(formatIssue).join("\n")}\n`);
    return 1;
  }
  write(`Teilhabe – Demo: Abrechnung ${MONTH}, Fristen zum ${formatDateGerman(AS_OF)}\n`);
  write(`Beträge mit „Beispielwert“ beruhen auf markierten Beispiel-Eingaben, nie auf echten Sätzen.\n\n`);
  const files = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".json") && name !== "team.json")
    .sort();
  const rows: string[][] = [];
  for (const name of files) {
    const loaded = loadCase(join(EXAMPLES, name), catalogue);
    const view = presentInvoiceDraft(billCase(loaded.agreement, loaded.caseFile, resolvePeriodOption({ month: MONTH })));
    const deadlines = nextDeadlines(computeCaseDeadlines(loaded.agreement, loaded.caseFile, { asOf: AS_OF }), 3);
    const example = view.lines.some((line) => line.exampleValue) ? " (Beispielwert)" : "";
    write(`■ ${loaded.agreement.id} – ${loaded.agreement.title} (${name})\n`);
    write(`  Rechnungsbetrag ${MONTH}: ${formatEuro(view.totals.billed)}${example}, ${view.lines.length} Positionen; angehalten: ${formatEuro(view.totals.held)} in ${view.holds.length} Rückhalten\n`);
    for (const line of view.lines) write(`    ${line.label}: ${formatNumberGerman(line.quantity)} ${UNIT_LABELS[line.unit]} × ${formatEuro(line.unitPrice)} = ${formatEuro(line.amount)} [${line.ruleId}, ${line.source.clause}]\n`);
    for (const hold of view.holds) write(`    ⏸ ${hold.message} (${formatNumberGerman(hold.quantity)} ${UNIT_LABELS[hold.unit]}) [${hold.ruleId}]\n`);
    for (const deadline of deadlines) {
      write(`    ⏰ ${deadline.title}: ${deadline.drivingDue ? formatDateGerman(deadline.drivingDue) : "ohne Frist"}${deadline.missingInput ? ` – ${deadline.missingInput.message}` : ""} [${deadline.explanation.ruleId}]\n`);
    }
    write("\n");
    rows.push([loaded.agreement.id, formatEuro(view.totals.billed) + example, formatEuro(view.totals.held), String(view.holds.length), deadlines[0] ? `${deadlines[0].title} (${deadlines[0].drivingDue ? formatDateGerman(deadlines[0].drivingDue) : "ohne Frist"})` : "—"]);
  }
  const a4 = catalogue.agreements.get("A4");
  if (a4) {
    write("Fristen der Vereinbarung A4:\n");
    for (const deadline of nextDeadlines(computeAgreementDeadlines(a4, { asOf: AS_OF }), 4)) {
      write(`  ⏰ ${deadline.title}: ${deadline.drivingDue ? formatDateGerman(deadline.drivingDue) : "ohne Frist"} [${deadline.explanation.ruleId}, ${deadline.explanation.source.clause}]\n`);
    }
    write("\n");
  }
  write(`${formatTable(["Vereinbarung", `Rechnung ${MONTH}`, "angehalten", "Rückhalte", "nächste Frist"], rows, [1, 2, 3])}\n`);
  write("Weiter: npx teilhabe --help\n");
  return 0;
}

try {
  process.exitCode = runDemo((text) => process.stdout.write(text));
} catch (error) {
  if (!(error instanceof InputFileError)) throw error;
  process.stderr.write(`Beispieldatei fehlerhaft:\n${error.message}\n`);
  process.exitCode = 2;
}
