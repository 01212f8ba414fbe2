import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { loadCase } from "../../cli/loadCase.ts";
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import { createCalendarFeed, type CalendarItem } from "./calendarFeed.ts";
import { calendarItemOfDeadline } from "./calendarItemOfDeadline.ts";

describe("engine deadlines in the calendar feed", () => {
  it("puts every dated deadline of the A1 example case on its driving due date with its rule and clause", () => {
    const loaded = loadCase("examples/a1-assistenz-wohnen.json");
    const deadlines = computeCaseDeadlines(loaded.agreement, loaded.caseFile, { asOf: "2026-03-01" });
    const context = { agreementId: loaded.agreement.id, caseReference: loaded.caseFile.case.id };
    const items = deadlines.map((deadline) => calendarItemOfDeadline(deadline, context)).filter((item): item is CalendarItem => item !== undefined);
    const dated = deadlines.filter((deadline) => (deadline.drivingDue ?? deadline.nominalDue) !== null);
    expect(items.length).toBe(dated.length);
    expect(items.length).toBeGreaterThan(0);

    const feed = createCalendarFeed(items, { name: "Fristen", generatedAt: "2026-03-01T08:00:00Z", uidDomain: "teilhabe.test", includeDone: true });
    const events = Object.values(ical.sync.parseICS(feed)).filter((component): component is VEvent => component?.type === "VEVENT");
    expect(events).toHaveLength(items.length);
    for (const deadline of dated) {
      const event = events.find((candidate) => candidate.uid === `${deadline.id}-${context.caseReference}@teilhabe.test`)!;
      expect(event, deadline.id).toBeDefined();
      const start = event.start;
      const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}-${String(start.getDate()).padStart(2, "0")}`;
      expect([day, event.datetype]).toEqual([deadline.drivingDue ?? deadline.nominalDue, "date"]);
      expect(event.description).toContain(`Regel ${deadline.explanation.ruleId} · Vereinbarung ${loaded.agreement.id} ${deadline.explanation.source.clause}`);
    }
  });
});
