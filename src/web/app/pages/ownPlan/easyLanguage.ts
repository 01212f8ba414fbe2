/**
 * Leichte Sprache for the client's own page: dates written out („3. März 2026“), durations in words
 * („2 Stunden und 30 Minuten“), one statement per sentence, no abbreviations.
 */
import { formatWeekday } from "../../lib/germanFormat.ts";

/** Ends the text with a full stop unless it ends with a mark already: „Clara H.“ stays „Clara H.“. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

/** "2026-03-03" → „3. März 2026“. */
export function easyDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])}. ${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** "2026-03-03" → „Dienstag, 3. März 2026“. */
export function easyDateWithWeekday(iso: string): string {
  return `${formatWeekday(iso)}, ${easyDate(iso)}`;
}

/** "2026-03" → „März 2026“. */
export function easyMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}` : month;
}

/** 150 → „2 Stunden und 30 Minuten“; 60 → „1 Stunde“; 30 → „30 Minuten“. */
export function easyDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 1 ? "1 Stunde" : `${hours} Stunden`;
  const minuteText = rest === 1 ? "1 Minute" : `${rest} Minuten`;
  if (hours === 0) return minuteText;
  if (rest === 0) return hourText;
  return `${hourText} und ${minuteText}`;
}

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes of "1.5" hours, computed on the digits (no binary fractions): 90. */
function minutesOfHoursText(hours: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(hours.trim());
  if (!match) return undefined;
  const fraction = (match[2] ?? "").padEnd(4, "0").slice(0, 4);
  return Number(match[1]) * 60 + Math.round((Number(fraction) * 60) / 10_000);
}

export interface ServiceEntry {
  id: string;
  caseId: string;
  date: string;
  start?: string;
  end?: string;
  minutes?: number;
  hours?: string;
  timeKind?: string;
  mode?: string;
  remoteChannel?: string;
  setting?: string;
  withoutPersonPresent?: boolean;
  category?: string;
  place?: string;
}

/** How long a service took, in minutes, from start and end, minutes or hours. */
export function entryMinutes(entry: ServiceEntry): number | undefined {
  if (entry.start && entry.end) return minutesOfDay(entry.end) - minutesOfDay(entry.start);
  if (entry.minutes !== undefined) return entry.minutes;
  if (entry.hours !== undefined) return minutesOfHoursText(entry.hours);
  return undefined;
}

const CHANNEL_SENTENCES: Record<string, string> = {
  phone: "Wir haben mit Ihnen telefoniert.",
  video: "Wir haben mit Ihnen ein Video-Gespräch gemacht.",
  mail: "Wir haben Ihnen eine E-Mail geschrieben.",
  messenger: "Wir haben Ihnen über den Messenger geschrieben.",
};

/** The sentences that tell one service: when, how long, what, where and how. */
export function entrySentences(entry: ServiceEntry): string[] {
  const sentences = [`${easyDateWithWeekday(entry.date)}.`];
  if (entry.start && entry.end) sentences.push(`Von ${entry.start} Uhr bis ${entry.end} Uhr.`);
  const minutes = entryMinutes(entry);
  if (minutes !== undefined) sentences.push(entry.start ? `Das sind ${easyDuration(minutes)}.` : `Das hat ${easyDuration(minutes)} gedauert.`);
  if (entry.category) sentences.push(asSentence(`Das haben wir gemacht: ${entry.category}`));
  if (entry.place) sentences.push(asSentence(`Der Ort: ${entry.place}`));
  if (entry.mode === "remote") sentences.push(CHANNEL_SENTENCES[entry.remoteChannel ?? ""] ?? "Wir waren nicht bei Ihnen vor Ort.");
  if (entry.setting === "group") sentences.push("Das war in einer Gruppe.");
  if (entry.timeKind === "indirect" || entry.withoutPersonPresent) sentences.push("Das haben wir für Sie gemacht.", "Sie waren dabei nicht da.");
  return sentences;
}

const GOAL_STATUS_SENTENCES: Record<string, string> = {
  open: "Daran arbeiten Sie gerade.",
  achieved: "Sie haben das Ziel erreicht.",
  partlyAchieved: "Sie haben einen Teil von dem Ziel erreicht.",
  notAchieved: "Sie haben das Ziel noch nicht erreicht.",
  dropped: "Dieses Ziel gibt es nicht mehr.",
};

export function goalStatusSentence(status: string | undefined): string {
  return GOAL_STATUS_SENTENCES[status ?? "open"] ?? GOAL_STATUS_SENTENCES.open!;
}

export const ATTAINMENT_SENTENCES: Record<string, string> = {
  achieved: "Das Ziel ist erreicht.",
  partlyAchieved: "Ein Teil von dem Ziel ist erreicht.",
  notAchieved: "Das Ziel ist noch nicht erreicht.",
  open: "Das Ziel ist noch offen.",
};
