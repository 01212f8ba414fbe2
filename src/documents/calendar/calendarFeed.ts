/**
 * Deadlines and tasks as an iCalendar feed (RFC 5545, ical-generator) for Outlook or Thunderbird: one all-day
 * event per item on its due date (the date that drives escalation, D20), with the rule id and clause, the case
 * and, where § 193 BGB moved it, the nominal date in the description. UIDs are stable, so a refreshed feed
 * updates events instead of duplicating them. Nothing reads the clock: the generation time is passed in.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { Temporal } from "../../domain/calendar/calendarDate.ts";
import { DocumentInputError, type DocumentInputIssue } from "../documentInputError.ts";
import { formatGermanIsoDate } from "../germanDocumentFormat.ts";

export interface CalendarItem {
  /** Stable id of the deadline or task (becomes the event UID). */
  id: string;
  kind: "deadline" | "task";
  /** German title, e.g. "Fortschreibung des Hilfeplans". */
  title: string;
  /** ISO date the event is placed on: the driving due date (§ 193 BGB working day by default, D20). */
  dueDate: string;
  /** Nominal due date when it differs from dueDate (shown in the description). */
  nominalDue?: string;
  status: "open" | "dueSoon" | "overdue" | "done";
  ruleId: string;
  /** Clause of the agreement, e.g. "§ 3.2.2". */
  clause: string;
  agreementId?: string;
  /** Case or client reference the team knows the item by. */
  caseReference?: string;
  /** German note, e.g. the missing input. */
  note?: string;
  /** Link to the item in the web app. */
  url?: string;
}

export interface CalendarFeedSettings {
  /** Calendar name, e.g. "Teilhabe – Fristen Erika Mustermann". */
  name: string;
  /** ISO timestamp of generation (DTSTAMP of every event). */
  generatedAt: string;
  /** Domain part of the UIDs, e.g. "teilhabe.example.org". */
  uidDomain: string;
  /** Include done items (marked "Erledigt"); default false. */
  includeDone?: boolean;
  /** Adds a display reminder this many days before the start of the all-day event. */
  reminderDaysBefore?: number;
}

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(text: string | undefined): boolean {
  if (!text || !ISO_DATE_PATTERN.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

function checkItems(items: CalendarItem[]): DocumentInputIssue[] {
  const issues: DocumentInputIssue[] = [];
  const ids = new Set<string>();
  items.forEach((item, index) => {
    const path = `items[${index}]`;
    if (!item.id) issues.push({ path: `${path}.id`, value: item.id, rule: "CAL-01", message: "ID des Eintrags fehlt." });
    else if (ids.has(item.id)) issues.push({ path: `${path}.id`, value: item.id, rule: "CAL-01", message: "ID des Eintrags kommt mehrfach vor." });
    ids.add(item.id);
    if (!isIsoDate(item.dueDate)) issues.push({ path: `${path}.dueDate`, value: item.dueDate, rule: "CAL-02", message: "Fälligkeitsdatum ist kein gültiges Datum (JJJJ-MM-TT)." });
    if (item.nominalDue !== undefined && !isIsoDate(item.nominalDue))
      issues.push({ path: `${path}.nominalDue`, value: item.nominalDue, rule: "CAL-02", message: "Nominelles Fälligkeitsdatum ist kein gültiges Datum (JJJJ-MM-TT)." });
    if (!item.title?.trim()) issues.push({ path: `${path}.title`, value: item.title, rule: "CAL-03", message: "Titel des Eintrags fehlt." });
    if (!item.ruleId?.trim() || !item.clause?.trim())
      issues.push({ path: `${path}.ruleId`, value: [item.ruleId, item.clause], rule: "CAL-04", message: "Regel-ID und Fundstelle müssen angegeben sein." });
  });
  return issues;
}

/** "Regel A1-R15 · Vereinbarung A1 § 3.2.2 …" — the description of one event. */
export function describeCalendarItem(item: CalendarItem): string {
  const lines = [`${item.kind === "deadline" ? "Frist" : "Aufgabe"}: ${item.title}`, `Regel ${item.ruleId} · ${item.agreementId ? `Vereinbarung ${item.agreementId} ` : ""}${item.clause}`];
  if (item.caseReference) lines.push(`Fall: ${item.caseReference}`);
  if (item.nominalDue && item.nominalDue !== item.dueDate)
    lines.push(`Nominell fällig am ${formatGermanIsoDate(item.nominalDue)}; nach § 193 BGB am nächsten Werktag, ${formatGermanIsoDate(item.dueDate)}.`);
  if (item.status === "overdue") lines.push("Status: überfällig");
  if (item.status === "done") lines.push("Status: erledigt");
  if (item.note) lines.push(item.note);
  return lines.join("\n");
}

/** The feed as iCalendar text (text/calendar; charset=utf-8). */
export function createCalendarFeed(items: CalendarItem[], settings: CalendarFeedSettings): string {
  const issues = checkItems(items);
  if (issues.length > 0) throw new DocumentInputError("Kalender-Feed", issues);
  const calendar = ical({ name: settings.name, prodId: { company: "Teilhabe", product: "Fristen", language: "DE" }, method: ICalCalendarMethod.PUBLISH });
  const stamp = new Date(settings.generatedAt);
  for (const item of items) {
    if (item.status === "done" && !settings.includeDone) continue;
    const day = Temporal.PlainDate.from(item.dueDate);
    const event = calendar.createEvent({
      id: `${item.id}@${settings.uidDomain}`,
      start: day,
      end: day.add({ days: 1 }),
      allDay: true,
      stamp,
      summary: `${item.status === "done" ? "Erledigt: " : ""}${item.title}${item.caseReference ? ` (${item.caseReference})` : ""}`,
      description: describeCalendarItem(item),
      categories: [{ name: item.kind === "deadline" ? "Frist" : "Aufgabe" }],
      transparency: ICalEventTransparency.TRANSPARENT,
      url: item.url ?? null,
    });
    if (settings.reminderDaysBefore !== undefined && item.status !== "done")
      event.createAlarm({ type: ICalAlarmType.display, trigger: settings.reminderDaysBefore * 86_400, description: item.title });
  }
  return calendar.toString();
}
