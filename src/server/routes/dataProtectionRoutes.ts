/** Data-protection duties: access report, retention and deletion, audit trail: routes to be built (placeholder registered so that the router list is complete). */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../appContext.ts";

export function registerDataProtectionRoutes(_app: FastifyInstance, _context: AppContext): void {}
