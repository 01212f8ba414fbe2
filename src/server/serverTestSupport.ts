/**
 * Starts the real HTTP server on a loopback port over a fresh store for one test file, with two provider
 * tenants and a payer, and gives a small JSON client. Tests talk to it through real HTTP.
 */
import type { FastifyInstance } from "fastify";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { agreementInstances, organisations } from "../store/schema/index.ts";
import { syncAgreements } from "../store/syncAgreements.ts";
import type { Store } from "../store/store.ts";
import { openTestStore } from "../store/storeTestSupport.ts";
import { buildApp } from "./app.ts";
import type { AppContext } from "./appContext.ts";

export const TENANT_A = "traeger-a";
export const TENANT_B = "traeger-b";
export const PAYER = "kostentraeger-bremen";

/** The agreement instance of tenant A for a concrete catalogue agreement: `instanceIdOf("A4")` = "inst-A4". */
export function instanceIdOf(agreementId: string): string {
  return `inst-${agreementId}`;
}

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface TestServer {
  baseUrl: string;
  store: Store;
  app: FastifyInstance;
  context: AppContext;
  /** Calls the API as tenant A unless `organisation` names another. */
  api(method: string, path: string, body?: unknown, options?: { organisation?: string; headers?: Record<string, string>; raw?: string }): Promise<ApiAnswer>;
  close(): Promise<void>;
}

const catalogue = loadCatalogue();

export async function startTestServer(options: { today?: string } = {}): Promise<TestServer> {
  const store = await openTestStore();
  await store.db.insert(organisations).values([
    { id: TENANT_A, kind: "provider", name: "Träger A gGmbH", land: "HB", address: { street: "Musterweg 1", postalCode: "28195", city: "Bremen", countryCode: "DE" } },
    { id: TENANT_B, kind: "provider", name: "Träger B e. V.", land: "NI", address: { street: "Beispielstr. 2", postalCode: "30159", city: "Hannover", countryCode: "DE" } },
    { id: PAYER, kind: "payer", name: "Senatorin für Soziales Bremen", leitwegId: "04011000-1234512345-06", address: { city: "Bremen", postalCode: "28195", countryCode: "DE" } },
  ]);
  await syncAgreements(store.db, catalogue);
  const concrete = [...catalogue.agreements.values()].filter((agreement) => agreement.kind === "concrete");
  await store.db.insert(agreementInstances).values(concrete.map((agreement) => ({ organisationId: TENANT_A, id: instanceIdOf(agreement.id), agreementId: agreement.id, title: agreement.title })));
  const today = options.today ?? "2026-04-15";
  const context: AppContext = { store, catalogue, today: () => today, now: () => `${today}T10:00:00.000Z` };
  const app = await buildApp({ context, defaultOrganisationId: TENANT_A });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl: address,
    store,
    app,
    context,
    async api(method, path, body, callOptions = {}) {
      const headers: Record<string, string> = { "x-teilhabe-organisation": callOptions.organisation ?? TENANT_A, ...callOptions.headers };
      if (body !== undefined || callOptions.raw !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(`${address}${path}`, { method, headers, body: callOptions.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
