import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwordHash.ts";

const FAST = { cost: 2 ** 10, blockSize: 8, parallelization: 1 };

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Richtiges Passwort 1", FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("Richtiges Passwort 1", stored)).toBe(true);
    expect(await verifyPassword("Richtiges Passwort 2", stored)).toBe(false);
  });

  it("salts every hash and uses a memory-hard default of 128 MiB", async () => {
    expect(await hashPassword("gleich", FAST)).not.toBe(await hashPassword("gleich", FAST));
    const stored = await hashPassword("Standard");
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("Standard", stored)).toBe(true);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "argon2id$v=19$...")).toBe(false);
    expect(await verifyPassword("x", "scrypt$0$8$1$AA$AA")).toBe(false);
  });
});
