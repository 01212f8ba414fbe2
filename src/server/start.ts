/**
 * Starts the server: loads and checks the agreement catalogue, opens the store (PGlite in a folder, or
 * PostgreSQL with DATABASE_URL; migrations are applied at open), loads the agreements into it, loads the demo on
 * the first start, and listens. Used by `npm start` (main.ts) and by the HTTP benchmark.
 */
import type { FastifyInstance } from "fastify";
import { loadCatalogue, type Catalogue } from "../catalogue/agreementCatalogue.ts";
import { formatIssue } from "../domain/agreement/validationIssue.ts";
import { DEMO_PROVIDER_ID } from "../demo/demoOrganisations.ts";
import { loadDemoIfAbsent, type DemoLoad } from "../demo/loadDemo.ts";
import { summariseOrganisation, type OrganisationSummary } from "../demo/summariseOrganisation.ts";
import { openStore, type Store, type StoreOptions } from "../store/store.ts";
import { syncAgreements } from "../store/syncAgreements.ts";
import { buildApp, type AppOptions } from "./app.ts";
import { todayInGermany, type AppContext } from "./appContext.ts";

export interface StartOptions {
  store: StoreOptions;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Load the demo provider when it is absent (default true). */
  demo?: boolean;
  /** The date the demo's documented months end before (default: today in Germany). */
  demoToday?: string;
  logger?: boolean;
  /** Session key, expiry, OIDC (from serverSecrets.ts) and, for benchmarks only, trusted actor headers. */
  access?: Pick<AppOptions, "security" | "trustActorHeaders" | "trustProxy">;
  /** The built web application to serve at / (none: the API only). */
  webRoot?: string;
}

export interface RunningServer {
  /** The address to print, e.g. http://localhost:3000. */
  address: string;
  port: number;
  app: FastifyInstance;
  store: Store;
  catalogue: Catalogue;
  demo: DemoLoad;
  summary: OrganisationSummary;
  /** Stops accepting requests, waits for the running ones, then closes the store (PGlite flushes on close). */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  // The store opens (PGlite compiles its WebAssembly off the main thread) while the catalogue is read and checked.
  const opening = openStore(options.store);
  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue();
    if (catalogue.issues.length > 0) throw new Error(`Vereinbarungsdateien fehlerhaft:\n${catalogue.issues.map(formatIssue).join("\n")}`);
  } catch (error) {
    await opening.then((store) => store.close()).catch(() => undefined);
    throw error;
  }
  const store = await opening;
  let app: FastifyInstance | undefined;
  try {
    await syncAgreements(store.db, catalogue);
    const demo = options.demo === false ? { loaded: false } : await loadDemoIfAbsent(store, catalogue, { today: options.demoToday ?? todayInGermany() });
    const summary = await summariseOrganisation(store.db, DEMO_PROVIDER_ID);
    const context: AppContext = { store, catalogue, today: todayInGermany, now: () => new Date().toISOString() };
    app = await buildApp({ context, defaultOrganisationId: DEMO_PROVIDER_ID, logger: options.logger ?? false, ...options.access, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
    await app.listen({ host: options.host, port: options.port });
    const bound = app.server.address();
    const port = typeof bound === "object" && bound ? bound.port : options.port;
    const shown = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host.includes(":") ? `[${options.host}]` : options.host;
    const running: RunningServer = {
      address: `http://${shown}:${port}`,
      port,
      app,
      store,
      catalogue,
      demo,
      summary,
      async close() {
        await running.app.close();
        await store.close();
      },
    };
    return running;
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
