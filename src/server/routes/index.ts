/** Every router of the API, one per domain area. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../appContext.ts";
import { registerClientRoutes } from "./clientRoutes.ts";

export type Router = (app: FastifyInstance, context: AppContext) => void;

export const ROUTERS: Router[] = [registerClientRoutes];
