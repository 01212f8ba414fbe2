/**
 * Serves the built web application from the same server as the API: files under /assets/ with their hashed
 * names (cached for a year, immutable), every other GET outside /api that asks for HTML answers index.html,
 * so that the application's own addresses (/klienten/K-1) can be opened and reloaded directly.
 */
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createProblem } from "../server/problem.ts";

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, "index.html"))) throw new Error(`Webanwendung nicht gebaut: ${join(webRoot, "index.html")} fehlt`);
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: "/",
    wildcard: false,
    index: false,
    serve: false,
    decorateReply: true,
  });
  app.get("/assets/*", { schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { "*": string })["*"];
    return reply.sendFile(join("assets", path), { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true });
  });
  const sendIndex = (reply: import("fastify").FastifyReply) => {
    reply.header("cache-control", "no-cache");
    return reply.type("text/html; charset=utf-8").sendFile("index.html", { cacheControl: false });
  };
  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  // Every other GET: the application's own addresses answer index.html; /api/… keeps its 404 problem document.
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith("/api/") || !(request.headers.accept ?? "").includes("text/html"))
      return reply.code(404).type("application/problem+json").send(createProblem(404, `Keine Route für ${request.method} ${request.url.split("?")[0]}`));
    return sendIndex(reply);
  });
}
