/**
 * The HTTP server: JSON under /api/v1, one router per domain area, the OpenAPI 3.1 document generated from the
 * same zod schemas that validate the requests (/api/v1/openapi.json) and an interactive page (/api/docs).
 */
import Fastify, { type FastifyInstance } from "fastify";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { registerActor } from "./actor.ts";
import type { AppContext } from "./appContext.ts";
import { registerErrorHandler } from "./errorHandler.ts";
import { ROUTERS } from "./routes/index.ts";

z.config(z.locales.de());

export interface AppOptions {
  context: AppContext;
  /** The organisation a request without one works for (the demo provider). */
  defaultOrganisationId?: string;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerActor(app, { defaultOrganisationId: options.defaultOrganisationId });

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
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  for (const router of ROUTERS) router(app, options.context);
  await app.ready();
  return app;
}
