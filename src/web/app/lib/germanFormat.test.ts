import { describe, expect, it } from "vitest";
import { formatAmount, formatCents, formatDate, formatMinutes, formatMonth, formatNumber, formatWeekday } from "./germanFormat.ts";

describe("German formatting on screen", () => {
  it("writes amounts as a German reader expects them, to the cent", () => {
    expect(formatCents(144638)).toBe("1.446,38 €");
    expect(formatCents(-500)).toBe("−5,00 €");
    expect(formatCents(8418457)).toBe("84.184,57 €");
    expect(formatAmount("1446.38")).toBe("1.446,38 €");
    expect(formatAmount("12.5")).toBe("12,50 €");
    expect(formatAmount("0.05")).toBe("0,05 €");
    expect(formatAmount("1234567")).toBe("1.234.567,00 €");
    expect(formatAmount("63.125")).toBe("63,125 €");
    expect(formatNumber("1234.5")).toBe("1.234,5");
  });

  it("writes dates, months, weekdays and durations in German", () => {
    expect(formatDate("2026-01-31")).toBe("31.01.2026");
    expect(formatDate("2026-01-31T22:00:00.000Z")).toBe("31.01.2026");
    expect(formatMonth("2026-03")).toBe("März 2026");
    expect(formatWeekday("2026-01-31")).toBe("Samstag");
    expect(formatMinutes(90)).toBe("1:30 h");
    expect(formatMinutes(45)).toBe("0:45 h");
  });
});
