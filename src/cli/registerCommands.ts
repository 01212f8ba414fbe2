/** One place that wires every sub-command to the engine. */
import type { Command } from "commander";
import { INPUT_SCHEMAS, renderJsonSchema, type InputSchemaKind } from "./jsonSchemas.ts";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { formatIssue } from "../domain/agreement/validationIssue.ts";
import { checkAgreementPath, listAgreements, renderAgreementList } from "./commands/agreementsCommand.ts";
import { renderInvoiceDraft, runBill } from "./commands/billCommand.ts";
import { registerBillRunCommand } from "./commands/billRunCommand.ts";
import { registerInvoiceCommand } from "./commands/invoiceCommand.ts";
import { registerAuditCommand } from "./commands/auditCommand.ts";
import { renderDeadlines, runDeadlines } from "./commands/deadlinesCommand.ts";
import { renderVolume, runVolume } from "./commands/volumeCommand.ts";
import { renderAdmission, runAdmit } from "./commands/admitCommand.ts";
import { renderStaffing, runStaffing } from "./commands/staffingCommand.ts";
import { loadCase, loadCatalogueOrFail } from "./loadCase.ts";
import { resolveDateOption, resolvePeriodOption } from "./periodOption.ts";
import { UsageError } from "./inputFileError.ts";
import { todayIso } from "./main.ts";


function printResult(write: (text: string) => void, json: boolean | undefined, value: unknown, render: () => string): void {
  write(json ? `${JSON.stringify(value, null, 2)}\n` : `${render()}\n`);
}

export function registerCommands(program: Command, write: (text: string) => void): void {
  const agreements = program
    .command("agreements")
    .description("Vereinbarungen mit Zustand auflisten (vollständig, Eingaben fehlen, abgelaufen)")
    .option("--as-of <date>", "Stichtag für „abgelaufen“ (JJJJ-MM-TT)")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((options: { asOf?: string; json?: boolean }) => {
      const catalogue = loadCatalogue();
      const states = listAgreements(catalogue, options.asOf ?? todayIso());
      printResult(write, options.json, { agreements: states, issues: catalogue.issues }, () =>
        [renderAgreementList(states), ...catalogue.issues.map((issue) => `Fehler: ${formatIssue(issue)}`)].join("\n"),
      );
      if (catalogue.issues.length > 0) process.exitCode = 1;
    });
  agreements
    .command("check [path]")
    .description("Vereinbarungsdateien prüfen; Exit-Code 1 mit jedem Fehler und seinem Pfad")
    .option("--json", "exaktes JSON")
    .action((path: string | undefined, options: { json?: boolean }) => {
      const result = checkAgreementPath(path);
      printResult(write, options.json, result, () =>
        result.issues.length === 0 ? `Geprüft, keine Fehler: ${result.checked.join(", ")}` : `${result.issues.length} Fehler:\n${result.issues.join("\n")}`,
      );
      if (result.issues.length > 0) process.exitCode = 1;
    });

  program
    .command("bill <caseFile>")
    .description("Rechnungsentwurf für einen Fall: Positionen, angehaltene Beträge, Summen")
    .option("--month <month>", "Abrechnungsmonat JJJJ-MM")
    .option("--from <date>", "Beginn JJJJ-MM-TT")
    .option("--to <date>", "Ende JJJJ-MM-TT")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((file: string, options: { month?: string; from?: string; to?: string; json?: boolean }) => {
      const period = resolvePeriodOption(options);
      const view = runBill(loadCase(file), period);
      printResult(write, options.json, view, () => renderInvoiceDraft(view));
    });

  registerBillRunCommand(program, write);
  registerInvoiceCommand(program, write);
  registerAuditCommand(program, write);

  program
    .command("deadlines <caseFile>")
    .description("Fristen und Aufgaben eines Falls mit Regel und Fundstelle; Aufbewahrungsfrist")
    .option("--as-of <date>", "Stichtag JJJJ-MM-TT (Standard: heute)")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((file: string, options: { asOf?: string; json?: boolean }) => {
      const asOf = resolveDateOption("--as-of", options.asOf) ?? todayIso();
      const view = runDeadlines(loadCase(file), asOf);
      printResult(write, options.json, view, () => renderDeadlines(view));
    });

  program
    .command("volume <caseFile>")
    .description("Monatsdurchschnitt der Wochenstunden (A3) bzw. Korridorprüfung der Hilfebedarfsgruppe (A2)")
    .requiredOption("--month <month>", "Monat JJJJ-MM")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((file: string, options: { month: string; json?: boolean }) => {
      const { from } = resolvePeriodOption({ month: options.month });
      const view = runVolume(loadCase(file), from.slice(0, 7));
      printResult(write, options.json, view, () => renderVolume(view));
    });

  program
    .command("staffing <teamFile>")
    .description("Personalbedarf nach Schlüsseln, Fachkraftquoten und Führungszeugnisse (strengste Regel)")
    .option("--as-of <date>", "Stichtag JJJJ-MM-TT (Standard: Stichtag der Teamdatei)")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((file: string, options: { asOf?: string; json?: boolean }) => {
      const report = runStaffing(loadCatalogueOrFail(), file, resolveDateOption("--as-of", options.asOf));
      printResult(write, options.json, report, () => renderStaffing(report));
    });

  program
    .command("admit <caseFile>")
    .description("Aufnahmeprüfung: aufnahmefähig, Prüfung erforderlich oder abgelehnt, mit Begründung")
    .option("--as-of <date>", "Stichtag JJJJ-MM-TT (Standard: Beginn des Falls)")
    .option("--active-cases <count>", "bereits belegte Plätze am Aufnahmetag (für die Kapazitätsprüfung)")
    .option("--json", "exaktes JSON statt Tabelle")
    .action((file: string, options: { asOf?: string; activeCases?: string; json?: boolean }) => {
      const loaded = loadCase(file);
      const asOf = resolveDateOption("--as-of", options.asOf) ?? loaded.caseFile.case.start;
      if (options.activeCases !== undefined && !/^\d+$/.test(options.activeCases)) throw new UsageError(`--active-cases: „${options.activeCases}“ ist keine ganze Zahl`);
      const result = runAdmit(loaded, asOf, options.activeCases === undefined ? undefined : Number(options.activeCases));
      printResult(write, options.json, result, () => renderAdmission(result));
    });

  program
    .command("schema <kind>")
    .description("JSON Schema einer Eingabedatei ausgeben: case, team oder agreement")
    .action((kind: string) => {
      if (!(kind in INPUT_SCHEMAS)) throw new UsageError(`unbekanntes Schema „${kind}“ (erlaubt: ${Object.keys(INPUT_SCHEMAS).join(", ")})`);
      write(renderJsonSchema(kind as InputSchemaKind));
    });
}
