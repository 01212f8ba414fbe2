/**
 * Column helpers shared by every table. Every table that holds client data is keyed by the provider
 * organisation (the tenant) first, so that a deployment can be distributed by tenant (docs/tenant-distribution.md).
 */
import { date, text, timestamp } from "drizzle-orm/pg-core";

/** The tenant column: the provider organisation that owns the row. */
export const tenantColumn = () => text().notNull();
/** A calendar date as ISO text (JJJJ-MM-TT), never a timestamp. */
export const calendarDate = () => date({ mode: "string" });
export const createdAtColumn = () => timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow();
