/**
 * A process killed (SIGKILL) in the middle of a billing run leaves no partial draft or invoice, and the next run
 * gives exactly what an uninterrupted run gives. The run is a real child process, the server (`src/server/main.ts`,
 * POST /api/v1/billing-runs) and the command line (`teilhabe bill-run`), on a store of its own: an embedded data
 * folder, or with DATABASE_URL a separate database. The test hook TEILHABE_TEST_BILLING_PAUSE_MS holds the run
 * inside its transaction, with its drafts written, until it is killed.
 */
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { billingHolds, billingRuns, invoiceLines, invoices, organisations } from "../../store/schema/index.ts";
import { openStore, type Executor, type Store } from "../../store/store.ts";
import { STORE_ENGINE } from "../../store/storeTestSupport.ts";
import { prepareIsolatedTestStore, type IsolatedTestStore } from "./isolatedTestStore.ts";
import { loadRunView, loadInvoiceView, type RunView } from "./presentBilling.ts";
import { runBillingMonth } from "./runBillingMonth.ts";
import { seedBillingExamples } from "./seedBillingExamples.ts";

const ORGANISATION = "traeger-absturz";
const MONTH = "2026-03";
const TODAY = "2026-04-15";
const catalogue = loadCatalogue();

let isolated: IsolatedTestStore;

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(isolated.options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs `teilhabe bill-run` as a child process; with `killWhenPaused` it is killed with SIGKILL inside its transaction. */
function runChild(options: { killWhenPaused: boolean }): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; paused: boolean }> {
  const { DATABASE_URL: _url, TEILHABE_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "bill-run", "--month", MONTH, "--organisation", ORGANISATION, "--json"], {
    env: { ...inherited, ...isolated.environment, ...(options.killWhenPaused ? { TEILHABE_TEST_BILLING_PAUSE_MS: "120000" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let paused = false;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (options.killWhenPaused && !paused && stdout.includes("billing-run: paused")) {
      paused = true;
      child.kill("SIGKILL");
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr, paused })));
}

/**
 * Starts the server (`src/server/main.ts`, no demo) on the store, posts a billing run and kills the server with
 * SIGKILL once the run is inside its transaction. Resolves with whether it was paused and how it ended.
 */
function killServerMidRun(): Promise<{ paused: boolean; signal: NodeJS.Signals | null; stderr: string; status?: number }> {
  const { DATABASE_URL: _url, TEILHABE_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...inherited, ...isolated.environment, PORT: "0", HOST: "127.0.0.1", TEILHABE_DEMO: "0", TEILHABE_TRUST_ACTOR_HEADERS: "1", TEILHABE_TEST_BILLING_PAUSE_MS: "120000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let paused = false;
  let posted = false;
  let status: number | undefined;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    const address = /läuft auf (http:\/\/\S+)/.exec(stdout)?.[1];
    if (address && !posted) {
      posted = true;
      // The answer never comes: the server dies inside the run.
      fetch(`${address}/api/v1/billing-runs`, { method: "POST", headers: { "content-type": "application/json", "x-teilhabe-organisation": ORGANISATION }, body: JSON.stringify({ month: MONTH }) }).then(
        (response) => (status = response.status),
        () => undefined,
      );
    }
    if (!paused && stdout.includes("billing-run: paused")) {
      paused = true;
      child.kill("SIGKILL");
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve({ paused, signal, stderr, ...(status === undefined ? {} : { status }) })));
}

async function countBillingRows(store: Store) {
  const count = async (table: typeof invoices | typeof invoiceLines | typeof billingHolds | typeof billingRuns) => (await store.db.select().from(table).where(eq(table.organisationId, ORGANISATION))).length;
  return { runs: await count(billingRuns), invoices: await count(invoices), lines: await count(invoiceLines), holds: await count(billingHolds) };
}

/** A run's result without its ids and timestamps: payers, totals, every line and hold. */
async function describeRun(executor: Executor, view: RunView) {
  const invoiceDetails = [];
  for (const invoice of view.invoices) {
    const full = await loadInvoiceView(executor, ORGANISATION, invoice.id);
    invoiceDetails.push({ payerId: full.payerId, total: full.total, lines: full.lines });
  }
  return {
    caseCount: view.caseCount,
    totals: view.totals,
    invoices: invoiceDetails,
    holds: view.holds.map(({ id: _id, runId: _runId, ...hold }) => hold),
  };
}

beforeAll(async () => {
  isolated = await prepareIsolatedTestStore("absturz");
  await withStore(async (store) => {
    await store.db.insert(organisations).values({ id: ORGANISATION, kind: "provider", name: "Träger Absturz gGmbH" });
    await seedBillingExamples(store.db, ORGANISATION, 4);
  });
}, 60_000);
afterAll(async () => isolated?.remove());

describe(`a billing run killed with SIGKILL (${STORE_ENGINE})`, () => {
  it("a server and a command line killed inside the run leave no partial draft; the next run gives what an uninterrupted run gives", async () => {
    // The uninterrupted result, computed and rolled back, so that the store stays as seeded.
    const expected = await withStore(async (store) => {
      let described: Awaited<ReturnType<typeof describeRun>> | undefined;
      await store
        .transaction(async (tx) => {
          const scope = { tx, organisationId: ORGANISATION, catalogue, today: () => TODAY, now: () => `${TODAY}T10:00:00.000Z` };
          const outcome = await runBillingMonth(scope, MONTH);
          described = await describeRun(tx, await loadRunView(tx, ORGANISATION, outcome.runId));
          throw new Error("rollback");
        })
        .catch((error: Error) => {
          if (error.message !== "rollback") throw error;
        });
      expect(await countBillingRows(store)).toEqual({ runs: 0, invoices: 0, lines: 0, holds: 0 });
      return described!;
    });
    expect(expected.totals.total).toBe("186829.32");
    expect(expected.invoices.map((invoice) => [invoice.payerId, invoice.total, invoice.lines.length])).toEqual([
      ["HB-EGH", "178829.32", 32],
      ["KSV-SN", "8000.00", 4],
    ]);

    // A server process killed inside the run of a POST /api/v1/billing-runs.
    const server = await killServerMidRun();
    expect(server.stderr).not.toMatch(/Error|konnte nicht starten/);
    expect(server).toMatchObject({ paused: true, signal: "SIGKILL" });
    expect(server.status).toBeUndefined();
    await withStore(async (store) => expect(await countBillingRows(store)).toEqual({ runs: 0, invoices: 0, lines: 0, holds: 0 }));

    // The command line killed inside its run.
    const killed = await runChild({ killWhenPaused: true });
    expect(killed.stderr).not.toMatch(/Error/);
    expect(killed.paused).toBe(true);
    expect(killed.signal).toBe("SIGKILL");

    await withStore(async (store) => expect(await countBillingRows(store)).toEqual({ runs: 0, invoices: 0, lines: 0, holds: 0 }));

    // The next run (again a child process): the advisory lock of the killed session is gone with it.
    let next = await runChild({ killWhenPaused: false });
    for (let attempt = 0; attempt < 10 && next.code !== 0 && next.stderr.includes("läuft bereits"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      next = await runChild({ killWhenPaused: false });
    }
    expect(next.stderr).toBe("");
    expect(next.code).toBe(0);
    const view = JSON.parse(next.stdout) as RunView;
    await withStore(async (store) => {
      const actual = await describeRun(store.db, view);
      expect(actual).toEqual(expected);
      expect(await countBillingRows(store)).toEqual({ runs: 1, invoices: 2, lines: 36, holds: expected.holds.length });
    });
  }, 90_000);
});
