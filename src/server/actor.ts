/**
 * Who is asking, and for which organisation. Every route reads the actor and scopes every query by its
 * organisation (the tenant). Until accounts and sessions exist (issue 4), the actor comes from the
 * `X-Teilhabe-Organisation` header or the server's default organisation (the demo provider).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ProblemError } from "./problem.ts";

export type Role = "administrator" | "leitung" | "fachkraft" | "verwaltung" | "payerCaseworker" | "client" | "system";

export interface Actor {
  organisationId: string;
  userId: string;
  role: Role;
  /** The address the request came from (audit trail). */
  address: string;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface ActorOptions {
  defaultOrganisationId?: string;
}

const ORGANISATION_HEADER = "x-teilhabe-organisation";

export function registerActor(app: FastifyInstance, options: ActorOptions): void {
  app.decorateRequest("actor", null as unknown as Actor);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/v1/") || request.url.startsWith("/api/v1/openapi.json")) return;
    const header = request.headers[ORGANISATION_HEADER];
    const organisationId = (Array.isArray(header) ? header[0] : header) ?? options.defaultOrganisationId;
    if (!organisationId) throw new ProblemError(401, `Keine Organisation angegeben (Kopfzeile ${ORGANISATION_HEADER})`);
    request.actor = { organisationId, userId: "system", role: "system", address: request.ip };
  });
}
