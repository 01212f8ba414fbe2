/**
 * The command line `teilhabe`: runs the engine on case and team files. German tables by default, exact JSON
 * with --json. A bad input gets a message naming file, field path, value and expectation, exit code 2.
 */
import { Command, CommanderError } from "commander";
import { formatIsoDate } from "../domain/calendar/calendarDate.ts";
import { Temporal } from "temporal-polyfill";
import { InputFileError, UsageError } from "./inputFileError.ts";
import { registerCommands } from "./registerCommands.ts";

export function todayIso(): string {
  return formatIsoDate(Temporal.Now.plainDateISO("Europe/Berlin"));
}

export function createProgram(write: (text: string) => void): Command {
  const program = new Command();
  program
    .name("teilhabe")
    .description("Teilhabe: Leistungsvereinbarungen nach § 125 SGB IX als Daten – Abrechnung, Fristen, Personal, Aufnahme")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: (text) => process.stderr.write(text) });
  registerCommands(program, write);
  return program;
}

export async function runCommandLine(argv: string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const program = createProgram(write);
  try {
    await program.parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof InputFileError) {
      process.stderr.write(`Fehlerhafte Eingabe:\n${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(main\.ts|teilhabe(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  const code = await runCommandLine(process.argv.slice(2));
  process.exitCode = code;
}
