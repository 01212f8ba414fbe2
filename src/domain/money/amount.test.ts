import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact, formatCents, formatEuroGerman, formatFixed, parseAmount, roundHalfUp, toIntegerCents } from "./amount.ts";

describe("exact money (rules.md 0.3, D07)", () => {
  it("rounds half-up once: 72.22 × 0.75 = 54.165 → 54.17 (which is why A4's printed 54.16 is stored literally)", () => {
    expect(formatFixed(parseAmount("72.22").times("0.75"))).toBe("54.17");
    expect(formatFixed(parseAmount("-0.005"))).toBe("-0.01");
  });

  it("never rounds intermediate terms (E04: 11.48, not 11.49)", () => {
    const terms = [["3", "10.14"], ["6", "4.76"], ["12", "2.64"], ["5", "1.47"], ["2", "1.01"]].map(([n, k]) => parseAmount(n!).div(k!));
    expect(formatFixed(terms.reduce((sum, term) => sum.plus(term), new Exact(0)))).toBe("11.48");
    expect(formatFixed(terms.reduce((sum, term) => sum.plus(roundHalfUp(term)), new Exact(0)))).toBe("11.49");
  });

  it("parses German and ISO notation and formats German euros", () => {
    expect(parseAmount("1.446,38").equals(parseAmount("1446.38"))).toBe(true);
    expect(formatEuroGerman(parseAmount("84184.57"))).toBe("84.184,57 €");
    expect(formatEuroGerman(parseAmount("-2764.44"))).toBe("-2.764,44 €");
  });

  it("integer cents and their text agree with the exact decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        const amount = new Exact(cents).div(100);
        expect(toIntegerCents(amount)).toBe(cents);
        expect(formatCents(cents)).toBe(amount.toFixed(2));
      }),
    );
  });
});
