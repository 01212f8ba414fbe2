import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { AGREEMENT_FOLDERS, buildCaseFile, loadAgreement, loadAgreementWithInputs, type AgreementKey } from "../admission/agreementFixture.testing.ts";
import { fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import { serviceEntrySchema } from "../case/caseFileSchema.ts";
import { checkServiceEntry } from "./checkServiceEntry.ts";
import { classifyEntryShifts } from "./checkEntryTiming.ts";

const KEYS = Object.keys(AGREEMENT_FOLDERS) as AgreementKey[];
const time = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 })).map(([hours, minutes]) => `${String(hours).padStart(2, "0")}:${String(hours === 24 ? 0 : minutes).padStart(2, "0")}`);
const words = fc.constantFrom("Rufbereitschaft", "Vermögenssorge", "Praktikumsbegleitung", "Arbeit und Beschäftigung", "Kochgruppe", "Anleitung", "", "  ", "Hilfe zur Pflege");

/** Raw entries; only those the case-file schema accepts are checked ("valid entries"). */
const rawEntry = fc.record(
  {
    date: fc.integer({ min: toEpochDay(parseDate("2025-01-01")), max: toEpochDay(parseDate("2028-12-31")) }).map((day) => fromEpochDay(day).toString()),
    timeKind: fc.constantFrom("direct", "indirect", "other"),
    assistanceType: fc.constantFrom("simple", "qualified"),
    mode: fc.constantFrom("inPerson", "remote"),
    remoteChannel: fc.constantFrom("phone", "video", "mail", "messenger"),
    remoteReason: fc.string({ maxLength: 5 }),
    setting: fc.constantFrom("individual", "group"),
    consent: fc.boolean(),
    withoutPersonPresent: fc.boolean(),
    staffId: fc.constantFrom("hwh", "hep", "unknown"),
    attribution: fc.constantFrom("SGB IX", "SGB VIII"),
    category: words,
    place: fc.constantFrom("premises", "Betriebsstätte", "eigene Wohnung", ""),
  },
  { requiredKeys: ["date"] },
);
const duration = fc.oneof(
  fc.tuple(time, time).map(([start, end]) => ({ start, end })),
  fc.nat({ max: 600 }).map((minutes) => ({ minutes })),
  fc.constantFrom("1.5", "0.25", "3").map((hours) => ({ hours })),
);

describe("service-entry properties (fast-check)", () => {
  const file = buildCaseFile({
    agreement: "A1",
    client: { id: "P1" },
    case: { id: "C1", start: "2025-01-01" },
    staff: [
      { id: "hwh", qualifications: ["Hauswirtschaftshelferin"] },
      { id: "hep", qualifications: ["Heilerziehungspfleger"] },
    ],
    events: [{ kind: "internshipStart", date: "2026-09-01" }],
  });
  const agreements = [
    ...KEYS.map((key) => loadAgreement(key)),
    loadAgreementWithInputs("A2", { "P-A2-07": "Kochgruppe", "P-A2-09": false }),
    loadAgreementWithInputs("A3", { "P-A3-11": "8:00", "P-A3-12": "not a time" }),
  ];

  it("never throws on valid entries; every finding is dated on the entry and names a rule and clause", () => {
    fc.assert(
      fc.property(rawEntry, duration, (raw, length) => {
        const parsed = serviceEntrySchema.safeParse({ ...raw, ...length });
        fc.pre(parsed.success);
        const entry = parsed.data!;
        for (const agreement of agreements) {
          const findings = checkServiceEntry(agreement, file, entry);
          for (const finding of findings) {
            expect(finding.date).toBe(entry.date);
            expect(finding.explanation.ruleId).toMatch(/^A\d-R\d{2}$/);
            expect(finding.explanation.source.clause.length).toBeGreaterThan(0);
          }
          expect(Array.isArray(classifyEntryShifts(agreement, entry))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the A2 day window warns exactly when the entry starts before 06:00 or ends after 22:00", () => {
    const a2 = loadAgreement("A2");
    fc.assert(
      fc.property(time, time, (start, end) => {
        fc.pre(start < end);
        const entry = serviceEntrySchema.parse({ date: "2026-03-04", start, end, place: "eigene Wohnung" });
        const warned = checkServiceEntry(a2, file, entry).some((finding) => finding.code === "entryOutsideDayWindow");
        expect(warned).toBe(start < "06:00" || end > "22:00");
      }),
    );
  });

  it("A4: every timed entry belongs to the Tagdienst or the Nachtwache", () => {
    const a4 = loadAgreement("A4");
    fc.assert(
      fc.property(time, time, (start, end) => {
        fc.pre(start < end);
        const shifts = classifyEntryShifts(a4, serviceEntrySchema.parse({ date: "2026-03-04", start, end }));
        expect(shifts.length).toBeGreaterThan(0);
      }),
    );
  });
});
