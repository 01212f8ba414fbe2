import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fromEpochDay, parseDate, toEpochDay } from "../calendar/calendarDate.ts";
import { ageInYears, dateOfReachingAge, hasReachedAge } from "./ageOnDate.ts";

describe("age on a date (§ 187 Abs. 2 Satz 2 BGB)", () => {
  it("a person born on 15.01.2008 is of age from 15.01.2026, not on 14.01.2026", () => {
    const birth = parseDate("2008-01-15");
    expect(dateOfReachingAge(birth, 18).toString()).toBe("2026-01-15");
    expect(hasReachedAge(birth, parseDate("2026-01-14"), 18)).toBe(false);
    expect(hasReachedAge(birth, parseDate("2026-01-15"), 18)).toBe(true);
    expect(ageInYears(birth, parseDate("2026-01-14"))).toBe(17);
    expect(ageInYears(birth, parseDate("2026-01-15"))).toBe(18);
  });

  it("a person born on 29.02.2008 is of age from 01.03.2026 (the period ends with 28.02.2026)", () => {
    const birth = parseDate("2008-02-29");
    expect(dateOfReachingAge(birth, 18).toString()).toBe("2026-03-01");
    expect(hasReachedAge(birth, parseDate("2026-02-28"), 18)).toBe(false);
    expect(dateOfReachingAge(birth, 16).toString()).toBe("2024-02-29");
  });

  it("gives 0 years before the first birthday and before birth", () => {
    expect(ageInYears(parseDate("2020-05-10"), parseDate("2021-05-09"))).toBe(0);
    expect(ageInYears(parseDate("2020-05-10"), parseDate("2019-01-01"))).toBe(0);
  });

  it("property: the age check flips exactly on the day of reaching the age", () => {
    const birthDays = fc.integer({ min: toEpochDay(parseDate("1940-01-01")), max: toEpochDay(parseDate("2030-12-31")) });
    fc.assert(
      fc.property(birthDays, fc.integer({ min: 1, max: 70 }), (birthDay, years) => {
        const birth = fromEpochDay(birthDay);
        const reached = dateOfReachingAge(birth, years);
        const expected = birth.month === 2 && birth.day === 29 && !birth.add({ years }).inLeapYear ? birth.add({ years }).add({ days: 1 }) : birth.add({ years });
        expect(reached.toString()).toBe(expected.toString());
        expect(hasReachedAge(birth, reached.subtract({ days: 1 }), years)).toBe(false);
        expect(hasReachedAge(birth, reached, years)).toBe(true);
        expect(ageInYears(birth, reached)).toBe(years);
        expect(ageInYears(birth, reached.subtract({ days: 1 }))).toBe(years - 1);
      }),
    );
  });
});
