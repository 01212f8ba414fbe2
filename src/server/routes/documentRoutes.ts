/** Invoice documents, exports and report drafts: routes to be built (placeholder registered so that the router list is complete). */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../appContext.ts";

export function registerDocumentRoutes(_app: FastifyInstance, _context: AppContext): void {}
