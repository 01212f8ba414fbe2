import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { loadAgreement, loadAgreementWithInputs } from "./agreementFixture.testing.ts";
import { checkCapacity } from "./checkCapacity.ts";

describe("M07 checkCapacity", () => {
  const a4 = loadAgreement("A4");

  it("A4-R04: 10 places, the 11th admission is blocked; the 10th is within", () => {
    const eleventh = checkCapacity(a4, { activeCases: 10, date: "2026-03-01" });
    expect(eleventh.status).toBe("exceeded");
    expect(eleventh.places).toBe(10);
    expect(eleventh.occupancy).toBe(11);
    expect(eleventh.findings[0]).toMatchObject({ severity: "block", code: "capacityExceeded", date: "2026-03-01", explanation: { ruleId: "A4-R04" } });
    expect(eleventh.findings[0]?.message).toBe("Belegung am 01.03.2026 wäre 11 bei 10 vereinbarten Plätzen. Keine weitere Aufnahme.");
    expect(checkCapacity(a4, { activeCases: 9, date: "2026-03-01" }).status).toBe("within");
    expect(checkCapacity(a4, { activeCases: 10, date: "2026-03-01", admitting: 0 }).status).toBe("within");
  });

  it("A0-R03: without P-A0-04 the check is held, naming the input; with it, exceeding needs the payer (D22 recorded)", () => {
    const held = checkCapacity(loadAgreement("A0"), { activeCases: 5, date: "2026-03-01" });
    expect(held.status).toBe("unknown");
    expect(held.findings[0]?.severity).toBe("hold");
    expect(held.findings[0]?.message).toContain("Eingabe P-A0-04 fehlt");
    const a0 = loadAgreementWithInputs("A0", { "P-A0-04": 12 });
    const over = checkCapacity(a0, { activeCases: 12, date: "2026-03-01" });
    expect(over.findings[0]).toMatchObject({ severity: "warn", code: "capacityExceeded", details: { outcomeEffect: "review", exampleValue: true } });
    expect(over.findings[0]?.explanation.policies).toEqual([{ decision: "D22", option: "warnOnly", origin: "default" }]);
    const laterConsent = checkCapacity(a0, { activeCases: 12, date: "2026-03-01", payerConsentDate: "2026-03-02" });
    expect(laterConsent.findings[0]?.code).toBe("capacityExceeded");
    const consent = checkCapacity(a0, { activeCases: 12, date: "2026-03-01", payerConsentDate: "2026-02-20" });
    expect(consent.findings[0]?.code).toBe("capacityExceededWithConsent");
  });

  it("A3-R01: occupancy above the agreed places (P-A3-07) warns without changing the outcome", () => {
    const a3 = loadAgreementWithInputs("A3", { "P-A3-07": "20" });
    const over = checkCapacity(a3, { activeCases: 20, date: "2026-03-01" });
    expect(over.findings[0]).toMatchObject({ severity: "warn", code: "capacityExceeded" });
    expect(over.findings[0]?.details?.outcomeEffect).toBeUndefined();
  });

  it("has nothing to check for a framework without capacity (A2)", () => {
    expect(checkCapacity(loadAgreement("A2"), { activeCases: 100, date: "2026-03-01" })).toEqual({ status: "unknown", occupancy: 101, findings: [] });
  });

  it("rejects negative counts", () => {
    expect(() => checkCapacity(a4, { activeCases: -1, date: "2026-03-01" })).toThrow(RangeError);
  });

  it("property: exceeded exactly when active + admitting > places", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 }), (active, admitting) => {
        const result = checkCapacity(a4, { activeCases: active, admitting, date: "2026-03-01" });
        expect(result.status).toBe(active + admitting > 10 ? "exceeded" : "within");
      }),
    );
  });
});
