import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, parseDate } from "./calendarDate.ts";
import { easterSunday, isWorkingDay, LAENDER, listPublicHolidays, nextWorkingDayFrom } from "./publicHolidays.ts";

const names = (land: (typeof LAENDER)[number], year: number) => listPublicHolidays(land, year).map((holiday) => `${formatIsoDate(holiday.date)} ${holiday.name}`);

describe("Easter Sunday (computed, not listed)", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("%i → %s", (year, date) => {
    expect(formatIsoDate(easterSunday(year))).toBe(date);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(easter.dayOfWeek).toBe(7);
        const monthDay = easter.month * 100 + easter.day;
        expect(monthDay >= 322 && monthDay <= 425).toBe(true);
      }),
    );
  });
});

describe("public holidays per Land", () => {
  it("Sachsen 2026: Reformationstag and Buß- und Bettag (18.11.2026), no Fronleichnam Land-wide", () => {
    expect(names("SN", 2026)).toEqual([
      "2026-01-01 Neujahr",
      "2026-04-03 Karfreitag",
      "2026-04-06 Ostermontag",
      "2026-05-01 Tag der Arbeit",
      "2026-05-14 Christi Himmelfahrt",
      "2026-05-25 Pfingstmontag",
      "2026-10-03 Tag der Deutschen Einheit",
      "2026-10-31 Reformationstag",
      "2026-11-18 Buß- und Bettag",
      "2026-12-25 1. Weihnachtstag",
      "2026-12-26 2. Weihnachtstag",
    ]);
  });

  it("Niedersachsen and Bremen: Reformationstag from 2018 on, not before; no Buß- und Bettag", () => {
    for (const land of ["NI", "HB"] as const) {
      expect(names(land, 2026)).toContain("2026-10-31 Reformationstag");
      expect(names(land, 2017)).not.toContain("2017-10-31 Reformationstag");
      expect(names(land, 2026).some((name) => name.includes("Buß"))).toBe(false);
    }
  });

  it("Buß- und Bettag is the Wednesday before 23 November", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1995, max: 2200 }), (year) => {
        const day = listPublicHolidays("SN", year).find((holiday) => holiday.name === "Buß- und Bettag")!.date;
        expect(day.dayOfWeek).toBe(3);
        expect(day.month).toBe(11);
        expect(day.day >= 16 && day.day <= 22).toBe(true);
      }),
    );
  });
});

describe("§ 193 BGB: next working day", () => {
  it("Whit Monday 25.05.2026 in Niedersachsen → Tue 26.05.2026; Sun 31.01.2027 → Mon 01.02.2027", () => {
    expect(formatIsoDate(nextWorkingDayFrom("NI", parseDate("2026-05-25")))).toBe("2026-05-26");
    expect(formatIsoDate(nextWorkingDayFrom("HB", parseDate("2027-01-31")))).toBe("2027-02-01");
  });

  it("Easter: Good Friday 03.04.2026 → Tue 07.04.2026 (Saturday, Sunday and Easter Monday skipped)", () => {
    expect(formatIsoDate(nextWorkingDayFrom("NI", parseDate("2026-04-03")))).toBe("2026-04-07");
  });

  it("is never before the nominal date, is a working day, and leaves working days unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAENDER), fc.integer({ min: 0, max: 3650 }), (land, offset) => {
        const day = parseDate("2025-01-01").add({ days: offset });
        const shifted = nextWorkingDayFrom(land, day);
        expect(shifted.since(day).days).toBeGreaterThanOrEqual(0);
        expect(isWorkingDay(land, shifted)).toBe(true);
        if (isWorkingDay(land, day)) expect(shifted.equals(day)).toBe(true);
      }),
    );
  });
});
