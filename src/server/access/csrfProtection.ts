/**
 * CSRF protection (issue 4), synchroniser token: every session has its own random token, given out by
 * log-in and by GET /api/v1/auth/session; every state-changing request that carries the session cookie must
 * repeat it in the header `X-CSRF-Token`. A page of another site can make the browser send the cookie, but it
 * cannot read the token. (The SameSite=Strict cookie already stops most such requests; this is the second lock.)
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ProblemError } from "../problem.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Throws 403 unless the request repeats the session's token (safe methods need none). */
export function checkCsrfToken(request: FastifyRequest, expected: string): void {
  if (!isStateChanging(request.method)) return;
  const header = request.headers[CSRF_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  if (!given) throw new ProblemError(403, "CSRF-Schutz: die Kopfzeile X-CSRF-Token fehlt; den Wert liefern die Anmeldung und GET /api/v1/auth/session", [{ path: "headers.x-csrf-token", message: "fehlt" }]);
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new ProblemError(403, "CSRF-Schutz: X-CSRF-Token passt nicht zu dieser Sitzung", [{ path: "headers.x-csrf-token", message: "passt nicht zur Sitzung" }]);
}
