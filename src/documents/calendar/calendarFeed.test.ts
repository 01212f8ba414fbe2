import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { DocumentInputError } from "../documentInputError.ts";
import { createCalendarFeed, type CalendarItem } from "./calendarFeed.ts";

const ITEMS: CalendarItem[] = [
  {
    id: "A1-hilfeplan-F17-2026-01-05",
    kind: "deadline",
    title: "Hilfeplan erstellen",
    dueDate: "2026-03-30",
    status: "open",
    ruleId: "A1-R15",
    clause: "§ 3.2.2",
    agreementId: "A1",
    caseReference: "K-0017",
  },
  {
    id: "A4-quality-report-2026",
    kind: "deadline",
    title: "Qualitätsbericht",
    dueDate: "2026-04-07",
    nominalDue: "2026-04-03",
    status: "dueSoon",
    ruleId: "A4-R23",
    clause: "§ 4.2",
    agreementId: "A4",
  },
  {
    id: "task-42",
    kind: "task",
    title: "Kostenzusage anfordern",
    dueDate: "2026-02-27",
    status: "overdue",
    ruleId: "X-R05",
    clause: "§ 5.7",
    caseReference: "K-0043",
    note: "Kostenzusage läuft am 28.02.2026 aus.",
  },
  { id: "task-41", kind: "task", title: "Verlaufsbericht", dueDate: "2026-01-15", status: "done", ruleId: "A1-R20", clause: "§ 3.2.4" },
];

const SETTINGS = { name: "Teilhabe – Fristen", generatedAt: "2026-03-01T08:00:00Z", uidDomain: "teilhabe.test", reminderDaysBefore: 7 };

function eventsOf(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === "VEVENT");
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

describe("calendar feed", () => {
  const text = createCalendarFeed(ITEMS, SETTINGS);
  const events = eventsOf(text);

  it("parses with node-ical: one all-day event per open item on its due date", () => {
    expect(events.map((event) => [event.uid, localDay(event.start), event.datetype, localDay(event.end!)])).toEqual([
      ["A1-hilfeplan-F17-2026-01-05@teilhabe.test", "2026-03-30", "date", "2026-03-31"],
      ["A4-quality-report-2026@teilhabe.test", "2026-04-07", "date", "2026-04-08"],
      ["task-42@teilhabe.test", "2026-02-27", "date", "2026-02-28"],
    ]);
    expect(text).toContain("DTSTART;VALUE=DATE:20260330");
    expect(text).toContain("X-WR-CALNAME:Teilhabe – Fristen");
  });

  it("puts the rule and clause, the case and a § 193 shift into the description", () => {
    expect(events[0]!.summary).toBe("Hilfeplan erstellen (K-0017)");
    expect(events[0]!.description).toBe("Frist: Hilfeplan erstellen\nRegel A1-R15 · Vereinbarung A1 § 3.2.2\nFall: K-0017");
    expect(events[1]!.description).toContain("Nominell fällig am 03.04.2026; nach § 193 BGB am nächsten Werktag, 07.04.2026.");
    expect(events[2]!.description).toBe("Aufgabe: Kostenzusage anfordern\nRegel X-R05 · § 5.7\nFall: K-0043\nStatus: überfällig\nKostenzusage läuft am 28.02.2026 aus.");
    expect(text).toContain("TRIGGER:-P7D");
  });

  it("leaves done items out unless asked, then marks them", () => {
    const withDone = eventsOf(createCalendarFeed(ITEMS, { ...SETTINGS, includeDone: true }));
    expect(withDone.map((event) => event.summary)).toContain("Erledigt: Verlaufsbericht");
  });

  it("refuses an item without a valid date or without its rule", () => {
    expect(() => createCalendarFeed([{ ...ITEMS[0]!, dueDate: "30.03.2026" }, { ...ITEMS[1]!, ruleId: "" }], SETTINGS)).toThrow(DocumentInputError);
  });
});
