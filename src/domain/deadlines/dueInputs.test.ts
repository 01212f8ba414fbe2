/**
 * Reading the inputs that set due dates (P-A0-13, P-A1-11, P-A2-10): accepted forms, and nothing assumed.
 */
import { describe, it, expect } from "vitest";
import { parseDate } from "../calendar/calendarDate.ts";
import { InputRegister } from "../agreement/inputRegister.ts";
import { dayInYear, describePeriod, interpretDueValue, interpretYearlyDay, parsePeriodText, readInput } from "./dueInputs.ts";

const source = { file: "001_9bba19a68ce1b9d2.txt", clause: "§ 3.2.2", quote: "fortzuschreiben" };
const register = (values: Record<string, unknown> = {}) =>
  new InputRegister(
    [{ id: "P-A1-11", label: "Fristen des Trägers", type: "text", source, blocks: [], owner: "payer", perCase: false }],
    Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, example: false }])),
  );

describe("period texts", () => {
  it("German words and ISO 8601 durations", () => {
    expect(parsePeriodText("4 Wochen")).toEqual({ weeks: 4 });
    expect(parsePeriodText("2 Monate")).toEqual({ months: 2 });
    expect(parsePeriodText("14 Tage")).toEqual({ days: 14 });
    expect(parsePeriodText("1 Jahr")).toEqual({ years: 1 });
    expect(parsePeriodText("P4W")).toEqual({ weeks: 4 });
    expect(parsePeriodText("P1Y2M")).toEqual({ years: 1, months: 2 });
  });

  it("rejects what is not a period", () => {
    for (const text of ["", "bald", "0 Wochen", "4 Stunden", "P", "P0D", "Wochen"]) expect(parsePeriodText(text), text).toBeUndefined();
  });

  it("describes a period in German", () => {
    expect(describePeriod({ weeks: 6 })).toBe("6 Wochen");
    expect(describePeriod({ years: 5 })).toBe("5 Jahre");
    expect(describePeriod({ months: 1, days: 1 })).toBe("1 Monat und 1 Tag");
  });
});

describe("due values", () => {
  it("a date, a period, or one part of a multi-part input", () => {
    expect(interpretDueValue("30.09.2026")).toEqual({ kind: "date", date: parseDate("2026-09-30") });
    expect(interpretDueValue("2026-09-30")).toEqual({ kind: "date", date: parseDate("2026-09-30") });
    expect(interpretDueValue({ weeks: 4 })).toEqual({ kind: "period", period: { weeks: 4 } });
    expect(interpretDueValue({ fortschreibung: "4 Wochen", abschlussbericht: "30.09.2026" }, "fortschreibung")).toEqual({ kind: "period", period: { weeks: 4 } });
    expect(interpretDueValue({ fortschreibung: "4 Wochen", abschlussbericht: "30.09.2026" }, "abschlussbericht")).toEqual({ kind: "date", date: parseDate("2026-09-30") });
    expect(interpretDueValue("6 Wochen", "abschlussbericht")).toEqual({ kind: "period", period: { weeks: 6 } });
  });

  it("anything else is unreadable, never guessed", () => {
    expect(interpretDueValue("sofort").kind).toBe("unreadable");
    expect(interpretDueValue(42).kind).toBe("unreadable");
    expect(interpretDueValue({ fortschreibung: "4 Wochen" }, "abschlussbericht").kind).toBe("unreadable");
  });

  it("the case's input wins over the agreement's; an empty value is missing", () => {
    expect(readInput("P-A1-11", { "P-A1-11": "2 Wochen" }, register({ "P-A1-11": "4 Wochen" }))).toEqual({ found: true, value: "2 Wochen", origin: "case", example: false });
    expect(readInput("P-A1-11", {}, register({ "P-A1-11": "4 Wochen" }))).toMatchObject({ found: true, value: "4 Wochen", origin: "agreement" });
    expect(readInput("P-A1-11", { "P-A1-11": { value: "3 Wochen", example: true } }, register())).toMatchObject({ found: true, value: "3 Wochen", example: true });
    expect(readInput("P-A1-11", { "P-A1-11": "" }, register())).toEqual({ found: false });
    expect(readInput("P-A1-11", undefined, register())).toEqual({ found: false });
  });
});

describe("yearly report days", () => {
  it("MM-TT, --MM-TT and TT.MM. forms; a full date is a one-off date", () => {
    expect(interpretYearlyDay("03-31")).toEqual({ kind: "monthDay", month: 3, day: 31 });
    expect(interpretYearlyDay("--01-31")).toEqual({ kind: "monthDay", month: 1, day: 31 });
    expect(interpretYearlyDay("31.03.")).toEqual({ kind: "monthDay", month: 3, day: 31 });
    expect(interpretYearlyDay("31.03.2027")).toEqual({ kind: "date", date: parseDate("2027-03-31") });
    expect(interpretYearlyDay("31.02.").kind).toBe("unreadable");
    expect(interpretYearlyDay("jährlich").kind).toBe("unreadable");
  });

  it("29.02. falls on 28.02. in a common year", () => {
    expect(dayInYear(2027, 2, 29)).toEqual(parseDate("2027-02-28"));
    expect(dayInYear(2028, 2, 29)).toEqual(parseDate("2028-02-29"));
  });
});
