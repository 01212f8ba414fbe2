/** Every router of the API, one per domain area. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../appContext.ts";
import { registerAgreementRoutes } from "./agreementRoutes.ts";
import { registerAuthRoutes } from "./authRoutes.ts";
import { registerDataProtectionRoutes } from "./dataProtectionRoutes.ts";
import { registerDocumentRoutes } from "./documentRoutes.ts";
import { registerBillingRoutes } from "./billingRoutes.ts";
import { registerCaseRecordRoutes } from "./caseRecordRoutes.ts";
import { registerClientRoutes } from "./clientRoutes.ts";
import { registerDocumentationRoutes } from "./documentationRoutes.ts";
import { registerEngineRoutes } from "./engineRoutes.ts";
import { registerOrganisationRoutes } from "./organisationRoutes.ts";
import { registerPlanRoutes } from "./planRoutes.ts";
import { registerStaffRoutes } from "./staffRoutes.ts";
import { registerTaskRoutes } from "./taskRoutes.ts";
import { registerOverviewRoutes } from "./overviewRoutes.ts";
import { registerClientDirectoryRoutes } from "./clientDirectoryRoutes.ts";
import { registerStaffDirectoryRoutes } from "./staffDirectoryRoutes.ts";

export type Router = (app: FastifyInstance, context: AppContext) => void;

export const ROUTERS: Router[] = [
  registerOrganisationRoutes,
  registerAgreementRoutes,
  registerClientRoutes,
  registerPlanRoutes,
  registerDocumentationRoutes,
  registerCaseRecordRoutes,
  registerStaffRoutes,
  registerTaskRoutes,
  registerEngineRoutes,
  registerBillingRoutes,
  registerAuthRoutes,
  registerDataProtectionRoutes,
  registerDocumentRoutes,
  registerOverviewRoutes,
  registerClientDirectoryRoutes,
  registerStaffDirectoryRoutes,
];
