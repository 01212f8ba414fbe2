/**
 * Turns every error of a request into a problem document: schema validation (every invalid field with its
 * path), problems raised by handlers, malformed JSON, unknown routes, database conflicts. Nothing else leaks.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { createProblem, ProblemError, type InvalidField } from "./problem.ts";

function joinPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split("/").filter(Boolean);
  let path = context === "querystring" ? "query" : (context ?? "body");
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  return path;
}

interface PostgresError {
  code?: string;
  constraint?: string;
  message?: string;
}

function findPostgresError(error: unknown): PostgresError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as PostgresError & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).type("application/problem+json").send(createProblem(404, `Keine Route für ${request.method} ${request.url.split("?")[0]}`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, detail: string, errors?: InvalidField[], extensions: Record<string, unknown> = {}) =>
      reply.code(status).type("application/problem+json").send(createProblem(status, detail, errors, { instance: request.url.split("?")[0], ...extensions }));

    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.flatMap((issue) => {
        const path = joinPath(error.validationContext, issue.instancePath);
        const keys = issue.keyword === "unrecognized_keys" ? (issue.params as { keys?: unknown }).keys : undefined;
        if (Array.isArray(keys) && keys.length > 0) return keys.map((key) => ({ path: `${path}.${String(key)}`, message: `Unbekanntes Feld „${String(key)}“` }));
        return [{ path, message: issue.message ?? "ungültig" }];
      });
      return send(400, errors.length === 1 ? `Ungültige Eingabe: ${errors[0]!.path}: ${errors[0]!.message}` : `${errors.length} ungültige Angaben`, errors);
    }
    if (error instanceof ProblemError) return send(error.status, error.message, error.errors, error.extensions);
    if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) return send(400, "Der Inhalt ist kein gültiges JSON", [{ path: "body", message: "kein gültiges JSON" }]);
    if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return send(400, "Der Inhalt fehlt", [{ path: "body", message: "leer, erwartet wird ein JSON-Objekt" }]);
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return send(413, "Der Inhalt ist zu groß");
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return send(415, "Erwartet wird application/json");
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) return send(error.statusCode, error.message);
    const database = findPostgresError(error);
    if (database?.code === "23505") return send(409, "Ein Eintrag mit diesem Schlüssel besteht bereits", undefined, { constraint: database.constraint });
    if (database?.code === "P0001") return send(409, database.message ?? "Unveränderlicher Datensatz");
    if (database?.code === "22P02" || database?.code === "22007" || database?.code === "22008" || database?.code === "22003")
      return send(400, `Ungültiger Wert: ${database.message ?? ""}`.trim());
    request.log.error({ err: error }, "unexpected error");
    return send(500, "Ein unerwarteter Fehler ist aufgetreten; die Anfrage wurde nicht ausgeführt");
  });
}
