import { describe, expect, it } from "vitest";
import { documentUnitOfRateUnit, GERMAN_UNIT_LABELS, UNECE_UNIT_CODES } from "./documentUnits.ts";
import { formatEuroCents, formatGermanQuantity } from "./germanDocumentFormat.ts";

describe("document units and German figures", () => {
  it("maps engine rate units to document units and UN/ECE codes", () => {
    expect(["hour", "serviceDay", "absenceDay", "occupancyDay", "month", "lumpSum"].map((unit) => UNECE_UNIT_CODES[documentUnitOfRateUnit(unit as never)])).toEqual(["HUR", "DAY", "DAY", "DAY", "MON", "LS"]);
    expect(documentUnitOfRateUnit("agreedUnit", "month")).toBe("month");
    expect(() => documentUnitOfRateUnit("agreedUnit")).toThrow("P-A2-01");
    expect(GERMAN_UNIT_LABELS.hour).toBe("Std.");
  });

  it("formats cents and quantities the German way", () => {
    expect(formatEuroCents(144638)).toBe("1.446,38 €");
    expect(formatEuroCents(-5)).toBe("-0,05 €");
    expect(formatEuroCents(123456789)).toBe("1.234.567,89 €");
    expect(formatGermanQuantity("1234.5")).toBe("1.234,5");
    expect(formatGermanQuantity("23.25")).toBe("23,25");
  });
});
