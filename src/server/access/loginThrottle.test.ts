/** The sliding window of the log-in throttle, with an explicit clock. */
import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./loginThrottle.ts";

const MINUTE = 60_000;

describe("LoginThrottle", () => {
  it("refuses the 4th attempt after 3 failures until the oldest failure is 15 minutes old, then one more", () => {
    const throttle = new LoginThrottle({ accountLimit: 3, addressLimit: 100, windowMinutes: 15 });
    expect([0, 1, 2].map((minute) => throttle.beginAttempt("anna", "10.0.0.1", minute * MINUTE).allowed)).toEqual([true, true, true]);
    expect(throttle.beginAttempt("anna", "10.0.0.2", 3 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 12 * 60, limitedBy: "account" });
    expect(throttle.beginAttempt("berta", "10.0.0.1", 3 * MINUTE).allowed).toBe(true);
    expect(throttle.checkLoginAllowed("anna", "10.0.0.1", 15 * MINUTE - 1).allowed).toBe(false);
    // At 15:00 the failure of 0:00 ages out: one attempt, then the one of 1:00 holds until 16:00.
    expect(throttle.beginAttempt("anna", "10.0.0.1", 15 * MINUTE).allowed).toBe(true);
    expect(throttle.beginAttempt("anna", "10.0.0.1", 15 * MINUTE + 1000)).toEqual({ allowed: false, retryAfterSeconds: 59, limitedBy: "account" });
  });

  it("a success clears the account's failures and takes back its own attempt from the address's, not the earlier ones", () => {
    const throttle = new LoginThrottle({ accountLimit: 3, addressLimit: 3, windowMinutes: 15 });
    throttle.beginAttempt("anna", "10.0.0.1", 0);
    throttle.beginAttempt("anna", "10.0.0.1", 1000);
    throttle.beginAttempt("anna", "10.0.0.1", 2000);
    throttle.recordSuccess("anna", "10.0.0.1", 2000);
    expect(throttle.checkLoginAllowed("anna", "10.0.0.9", 3000).allowed).toBe(true);
    expect(throttle.beginAttempt("carla", "10.0.0.1", 3000).allowed).toBe(true);
    expect(throttle.beginAttempt("dora", "10.0.0.1", 4000)).toMatchObject({ allowed: false, limitedBy: "address" });
  });
});
