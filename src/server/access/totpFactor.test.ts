/** TOTP secrets at rest: sealed with AES-256-GCM; a changed key opens nothing and accepts no code. */
import { describe, expect, it } from "vitest";
import { createTotpSecret, deriveTotpKey, generateTotpCode, markTotpPending, readTotpState, sealTotpSecret, TotpReplayGuard } from "./totpFactor.ts";

describe("TOTP secrets at rest", () => {
  const key = deriveTotpKey("ein-sitzungsschluessel-mit-mindestens-32-zeichen");
  const otherKey = deriveTotpKey("ein-anderer-sitzungsschluessel-mit-32-zeichen!");

  it("seals and opens; pending keeps its state; a changed key opens nothing, so no code is accepted", () => {
    const secret = createTotpSecret();
    const sealed = sealTotpSecret(secret, key);
    expect(sealed).not.toContain(secret);
    expect(sealTotpSecret(secret, key)).not.toBe(sealed); // a fresh IV each time
    expect(readTotpState(sealed, key)).toEqual({ state: "confirmed", secret });
    expect(readTotpState(markTotpPending(secret, key), key)).toEqual({ state: "pending", secret });
    expect(readTotpState(sealed, otherKey)).toEqual({ state: "confirmed", secret: undefined });
    const now = Date.parse("2026-05-04T09:00:00Z");
    const unopened = readTotpState(sealed, otherKey);
    expect(new TotpReplayGuard().verifyTotpCode("a", unopened.state === "none" ? undefined : unopened.secret, generateTotpCode(secret, now), now)).toBe(false);
    expect(new TotpReplayGuard().verifyTotpCode("a", secret, generateTotpCode(secret, now), now)).toBe(true);
  });

  it("reads a plain base32 secret of an older row; nothing stored is no factor", () => {
    expect(readTotpState("JBSWY3DPEHPK3PXP", key)).toEqual({ state: "confirmed", secret: "JBSWY3DPEHPK3PXP" });
    expect(readTotpState(null, key)).toEqual({ state: "none" });
  });
});
