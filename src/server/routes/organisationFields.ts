/**
 * Field checks for organisations: the Leitweg-ID of a public payer (XRechnung BT-10: Grobadressierung,
 * optional Feinadressierung, Prüfziffer after ISO 7064 MOD 97-10) and the IBAN (ISO 13616, MOD 97 = 1).
 */
import { z } from "zod";

/** Remainder of a digit string modulo 97, digit by digit (no big numbers). */
function remainderMod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** Letters become two digits (A = 10 … Z = 35), as in IBAN and Leitweg-ID check digits. */
function lettersToDigits(text: string): string {
  return text.toUpperCase().replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
}

const LEITWEG_PATTERN = /^(\d{2,12})(?:-([0-9A-Z]{1,30}))?-(\d{2})$/;

/** The German problem with a Leitweg-ID, or undefined when it is well-formed and its check digits match. */
export function checkLeitwegId(value: string): string | undefined {
  const match = LEITWEG_PATTERN.exec(value);
  if (!match) return "Leitweg-ID wie „04011000-1234512345-06“: Grobadressierung (2–12 Ziffern), optional Feinadressierung (bis 30 Ziffern oder Großbuchstaben), Prüfziffer (2 Ziffern)";
  const [, coarse, fine = "", check] = match;
  const expected = 98 - remainderMod97(`${lettersToDigits(coarse! + fine)}00`);
  if (Number(check) !== expected) return `Prüfziffer der Leitweg-ID falsch: ${check}, erwartet ${String(expected).padStart(2, "0")} (ISO 7064 MOD 97-10)`;
  return undefined;
}

/** The German problem with an IBAN (spaces allowed), or undefined when its checksum holds. */
export function checkIban(value: string): string | undefined {
  const compact = value.replace(/ /g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]{11,30}$/.test(compact)) return "IBAN wie „DE02 1203 0000 0000 2020 51“: Ländercode, 2 Prüfziffern, Kontokennung";
  if (compact.startsWith("DE") && compact.length !== 22) return `Eine deutsche IBAN hat 22 Zeichen, nicht ${compact.length}`;
  if (remainderMod97(lettersToDigits(compact.slice(4) + compact.slice(0, 4))) !== 1) return "Prüfsumme der IBAN stimmt nicht (ISO 13616, MOD 97)";
  return undefined;
}

export const leitwegIdField = z
  .string()
  .max(46)
  .superRefine((value, context) => {
    const problem = checkLeitwegId(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .describe("Leitweg-ID (XRechnung BT-10), z. B. 04011000-1234512345-06");

export const ibanField = z
  .string()
  .max(42)
  .superRefine((value, context) => {
    const problem = checkIban(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .describe("IBAN; Leerzeichen erlaubt, gespeichert ohne Leerzeichen");

export const vatIdField = z
  .string()
  .regex(/^[A-Z]{2}[0-9A-Z+*.]{2,12}$/, "Umsatzsteuer-Identifikationsnummer wie „DE123456789“")
  .refine((value) => !value.startsWith("DE") || /^DE\d{9}$/.test(value), "Eine deutsche USt-IdNr. ist „DE“ und 9 Ziffern")
  .describe("USt-IdNr.");

export const taxNumberField = z
  .string()
  .max(20)
  .refine((value) => /^[0-9 /]+$/.test(value) && /^\d{10,13}$/.test(value.replace(/[ /]/g, "")), "Steuernummer aus 10 bis 13 Ziffern, mit Leerzeichen oder „/“ gegliedert, z. B. „60/123/45678“")
  .describe("Steuernummer");

export const postalAddressField = z
  .object({
    street: z.string().min(1).max(200).optional(),
    postalCode: z.string().regex(/^[0-9A-Z -]{3,10}$/, "Postleitzahl, z. B. 28195").optional(),
    city: z.string().min(1).max(200).optional(),
    countryCode: z.string().regex(/^[A-Z]{2}$/, "Ländercode nach ISO 3166-1, z. B. DE").optional(),
  })
  .strict()
  .describe("Anschrift");

export const contactPointField = z
  .object({
    name: z.string().min(1).max(200).optional(),
    phone: z.string().regex(/^[0-9+ ()/-]{3,40}$/, "Telefonnummer aus Ziffern, +, Leerzeichen, Klammern, / und -").optional(),
    email: z.email().max(320).optional(),
  })
  .strict()
  .describe("Ansprechperson");
