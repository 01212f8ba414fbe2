/**
 * The session cookie (issue 4): HttpOnly (no script reads it), SameSite=Strict (not sent with requests that
 * other sites start), Path=/, Secure when the request came over TLS or TEILHABE_COOKIE_SECURE=1 (behind a
 * proxy that terminates TLS), Max-Age = the absolute expiry.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SecuritySettings } from "./sessionSettings.ts";

export const SESSION_COOKIE = "teilhabe_session";

/** Whether cookies of this request get the Secure attribute. */
export function isSecure(request: FastifyRequest, settings: SecuritySettings): boolean {
  return settings.cookieSecure || request.protocol === "https";
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, settings: SecuritySettings): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", path: "/", secure: isSecure(request, settings), maxAge: Math.round(settings.absoluteHours * 3600) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, settings: SecuritySettings): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", path: "/", secure: isSecure(request, settings) });
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value ? value : undefined;
}
