/**
 * Password hashing with scrypt, a memory-hard function (Node's crypto, no native add-on). The stored text
 * names its parameters, so that stronger parameters can be introduced without invalidating old hashes:
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url). Default N = 2^17, r = 8, p = 1: 128 MiB per hash.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface ScryptParameters {
  cost: number;
  blockSize: number;
  parallelization: number;
}

export const DEFAULT_SCRYPT: ScryptParameters = { cost: 2 ** 17, blockSize: 8, parallelization: 1 };
const KEY_LENGTH = 32;

function deriveKey(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: parameters.cost,
    r: parameters.blockSize,
    p: parameters.parallelization,
    maxmem: 256 * parameters.cost * parameters.blockSize + 1024 * 1024,
  };
  return new Promise((resolve, reject) => scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, parameters: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, parameters);
  return ["scrypt", parameters.cost, parameters.blockSize, parameters.parallelization, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [cost, blockSize, parallelization] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![cost, blockSize, parallelization].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(parts[5]!, "base64url");
  const key = await deriveKey(password, Buffer.from(parts[4]!, "base64url"), { cost, blockSize, parallelization });
  return expected.length === key.length && timingSafeEqual(expected, key);
}
