/**
 * Security headers on every response (issue 4), through @fastify/helmet: a content security policy that
 * allows only the server's own resources (and data: images: the KERN icons) and no framing (default-src 'self';
 * img-src 'self' data:; frame-ancestors 'none'),
 * Referrer-Policy no-referrer, X-Content-Type-Options nosniff, X-Frame-Options DENY, HSTS, and the
 * cross-origin policies. The Swagger UI page (/api/docs) needs inline styles and data: images (its logo):
 * SWAGGER_UI_CSP is its own, wider policy, set by @fastify/swagger-ui on its routes only. API answers hold
 * social and health data and session tokens: `Cache-Control: no-store` keeps them out of browser and proxy
 * caches (a route may set its own).
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const API_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  // The KERN UX icons are CSS masks given as data: SVG images; images cannot run script.
  imgSrc: ["'self'", "data:"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

/** The policy of /api/docs: as the API's, plus inline styles and data: images that Swagger UI draws with. */
export const SWAGGER_UI_CSP =
  "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
  });
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.startsWith("/api/v1/")) reply.header("cache-control", "no-store");
  });
}
