/** The billing period of a command: --month YYYY-MM, or --from and --to. */
import { formatIsoDate, isValidDateText, parseDate, parseMonth } from "../domain/calendar/calendarDate.ts";
import { UsageError } from "./inputFileError.ts";

export interface PeriodOption {
  from: string;
  to: string;
}

export function resolvePeriodOption(options: { month?: string; from?: string; to?: string }): PeriodOption {
  if (options.month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) throw new UsageError(`--month: „${options.month}“ ist kein Monat (erwartet JJJJ-MM, z. B. 2026-01)`);
    const { first, last } = parseMonth(options.month);
    return { from: formatIsoDate(first), to: formatIsoDate(last) };
  }
  if (options.from === undefined || options.to === undefined) throw new UsageError("Zeitraum fehlt: --month JJJJ-MM oder --from JJJJ-MM-TT --to JJJJ-MM-TT angeben");
  for (const [name, value] of [["--from", options.from], ["--to", options.to]] as const) {
    if (!isValidDateText(value)) throw new UsageError(`${name}: „${value}“ ist kein Datum (erwartet JJJJ-MM-TT)`);
  }
  const from = formatIsoDate(parseDate(options.from));
  const to = formatIsoDate(parseDate(options.to));
  if (to < from) throw new UsageError(`--to ${to} liegt vor --from ${from}`);
  return { from, to };
}

/** A single date option (--as-of); undefined when not given. */
export function resolveDateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidDateText(value)) throw new UsageError(`${name}: „${value}“ ist kein Datum (erwartet JJJJ-MM-TT)`);
  return formatIsoDate(parseDate(value));
}
