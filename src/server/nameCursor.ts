// A cursor for lists sorted by name and then id (the client and staff directories): the last row's name and id,
// encoded as the generic cursor of pagination.ts. An unreadable cursor is refused with 400 naming query.cursor.
import { decodeCursor, encodeCursor } from "./pagination.ts";
import { ProblemError } from "./problem.ts";

export function encodeNameCursor(name: string, id: string): string {
  return encodeCursor(JSON.stringify([name, id]));
}

export function decodeNameCursor(cursor: string | undefined): [string, string] | undefined {
  const decoded = decodeCursor(cursor);
  if (decoded === undefined) return undefined;
  try {
    const value = JSON.parse(decoded) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") return [value[0], value[1]];
  } catch {
    // falls through to the refusal
  }
  throw new ProblemError(400, "Ungültige Fortsetzungsmarke", [{ path: "query.cursor", message: "ungültige Fortsetzungsmarke", value: cursor }]);
}
