/** Accounts, log-in and sessions: routes to be built (placeholder registered so that the router list is complete). */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../appContext.ts";

export function registerAuthRoutes(_app: FastifyInstance, _context: AppContext): void {}
