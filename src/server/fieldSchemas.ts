/** Field schemas the routers share: calendar dates, times of day, months, decimal hours. */
import { z } from "zod";

/** A calendar date JJJJ-MM-TT that exists (2026-02-30 is refused). */
export const isoDateField = z.iso.date().describe("Datum JJJJ-MM-TT");
export const timeOfDayField = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "Uhrzeit als HH:MM").describe("Uhrzeit HH:MM");
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Monat als JJJJ-MM").describe("Monat JJJJ-MM");
export const hoursField = z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, "Stunden als Dezimalzahl mit höchstens 4 Nachkommastellen, z. B. 3.50");
