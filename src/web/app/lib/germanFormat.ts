/**
 * German formatting for the screen (de-DE): amounts as „1.446,38 €“, dates as „31.01.2026“, months as
 * „Januar 2026“, durations as „1:30 h“. Amounts are formatted from integer cents or from the API's decimal
 * text without binary floating point: the digits are grouped as text, so no amount is ever rounded here.
 */

const MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const WEEKDAY_NAMES = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 144638 → „1.446,38 €“; -500 → „−5,00 €“. */
export function formatCents(cents: number | bigint): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const euros = absolute / 100n;
  const rest = absolute % 100n;
  return `${negative ? "−" : ""}${groupThousands(euros.toString())},${rest.toString().padStart(2, "0")} €`;
}

/** "1446.38" → „1.446,38 €“; "12.5" → „12,50 €“; more decimals (unit prices) are kept: "1.234" → „1,234 €“. */
export function formatAmount(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined || decimal === "") return "–";
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign, whole, fraction = ""] = match;
  const decimals = fraction.length <= 2 ? fraction.padEnd(2, "0") : fraction;
  return `${sign ? "−" : ""}${groupThousands(whole!.replace(/^0+(?=\d)/, ""))},${decimals} €`;
}

/** A plain number with German separators: "12.5" → „12,5“, 1234 → „1.234“. */
export function formatNumber(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  return `${sign ? "−" : ""}${groupThousands(whole!)}${fraction ? `,${fraction}` : ""}`;
}

/** "2026-01-31" → „31.01.2026“ (also the date part of an ISO timestamp). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** "2026-01-31T09:05:00.000Z" → „31.01.2026, 10:05“ (German time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "2026-01" → „Januar 2026“. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return "–";
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTH_NAMES[Number(match[2]) - 1];
  return name ? `${name} ${match[1]}` : month;
}

/** "2026-01-31" → „Samstag“ (the calendar day, independent of the browser's time zone). */
export function formatWeekday(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return "";
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return WEEKDAY_NAMES[(day + 6) % 7] ?? "";
}

/** 90 → „1:30 h“; 45 → „0:45 h“. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "–";
  const sign = minutes < 0 ? "−" : "";
  const absolute = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, "0")} h`;
}
