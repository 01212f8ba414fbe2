/**
 * The HTTP server: JSON under /api/v1, one router per domain area, the OpenAPI 3.1 document generated from the
 * same zod schemas that validate the requests (/api/v1/openapi.json) and an interactive page (/api/docs).
 */
import Fastify, { type FastifyInstance } from "fastify";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { registerActor } from "./actor.ts";
import { registerAuthorisation } from "./access/authoriseRequest.ts";
import { registerSecurityHeaders, SWAGGER_UI_CSP } from "./access/securityHeaders.ts";
import { resolveSecuritySettings, type SecuritySettings } from "./access/sessionSettings.ts";
import type { AppContext } from "./appContext.ts";
import { registerErrorHandler } from "./errorHandler.ts";
import { ROUTERS } from "./routes/index.ts";
import { registerWebApp } from "../web/serveWebApp.ts";

z.config(z.locales.de());

export interface AppOptions {
  context: AppContext;
  /** The organisation a request without one works for (the demo provider). */
  defaultOrganisationId?: string;
  logger?: boolean;
  /** Session key, cookie, expiry, throttling, OIDC (issue 4); defaults: DEFAULT_SECURITY (development key). */
  security?: Partial<SecuritySettings>;
  /**
   * Tests and benchmarks only: requests without a session cookie act from the X-Teilhabe-Organisation/-Role/
   * -User headers (role default "system"). Never in production (serverSecrets.ts refuses it).
   */
  trustActorHeaders?: boolean;
  /**
   * Behind a reverse proxy: which proxies' X-Forwarded-For/-Proto to believe (addresses or CIDRs, comma-separated,
   * or a hop count), so that throttling and the audit trail see the client's address and TLS is recognised.
   */
  trustProxy?: string | number;
  /** The built web application (src/web/buildWebApp.ts) to serve at / beside the API; none: API only. */
  webRoot?: string;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
    routerOptions: { ignoreTrailingSlash: true },
    // (fastify's overloads take one kind of value at a time; addresses, CIDRs and hop counts all pass through)
    trustProxy: (options.trustProxy ?? false) as boolean,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are documented by their zod schemas (OpenAPI) but written with plain JSON.stringify: they are
  // built by the server itself, and encoding each one through zod cost more than the rest of a list request.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandler(app);
  await registerSecurityHeaders(app);
  await registerActor(app, {
    context: options.context,
    settings: resolveSecuritySettings(options.security),
    ...(options.defaultOrganisationId ? { defaultOrganisationId: options.defaultOrganisationId } : {}),
    trustActorHeaders: options.trustActorHeaders === true,
  });
  // Roles × areas (access/accessMatrix.ts) for every route, registered before any route.
  registerAuthorisation(app, options.context);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Teilhabe API",
        version: "1",
        description:
          "Vereinbarungen nach § 125 SGB IX: Klient:innen, Fälle, Kostenübernahmen, Planung, Dokumentation, Personal, Fristen und Abrechnung. Jedes Ergebnis der Regelmaschine nennt Regel, Klausel und Produktentscheidung.",
      },
      servers: [{ url: "/" }],
      // docs/authentication.md: the session cookie of POST /api/v1/auth/login, and its CSRF token on changing requests.
      components: {
        securitySchemes: {
          sessionCookie: { type: "apiKey", in: "cookie", name: "teilhabe_session", description: "Sitzung aus POST /api/v1/auth/login (HttpOnly-Cookie)" },
          csrfToken: { type: "apiKey", in: "header", name: "X-CSRF-Token", description: "csrfToken aus der Anmeldung oder GET /api/v1/auth/session; Pflicht bei jeder ändernden Anfrage" },
        },
      },
      security: [{ sessionCookie: [], csrfToken: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: SWAGGER_UI_CSP });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  for (const router of ROUTERS) router(app, options.context);
  if (options.webRoot) await registerWebApp(app, options.webRoot);
  await app.ready();
  return app;
}
