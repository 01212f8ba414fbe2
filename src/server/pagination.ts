/**
 * Cursor pagination: lists are ordered by id and continue after the last id of the previous page. The cursor
 * is opaque to clients (base64url of the last id); `limit` is 1–500, default 50.
 */
import { z } from "zod";
import { ProblemError } from "./problem.ts";

export const paginationQuerySchema = z.object({
  cursor: z.string().max(400).optional().describe("Fortsetzungsmarke aus `nextCursor` der vorigen Seite"),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("Einträge je Seite (1–500)"),
});

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (decoded.length === 0 || encodeCursor(decoded) !== cursor) throw new ProblemError(400, "Ungültige Fortsetzungsmarke", [{ path: "query.cursor", message: "ungültige Fortsetzungsmarke", value: cursor }]);
  return decoded;
}

/** Builds a page from `limit + 1` fetched rows. */
export function createPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
