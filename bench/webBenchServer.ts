/**
 * The server process of the web benchmark (bench/webBench.ts starts it as a child, so that its memory is the
 * server's alone): `startServer` with the built web application and the demo (embedded PGlite in
 * TEILHABE_DATA_DIR, or PostgreSQL with DATABASE_URL), then a synthetic provider with WEB_BENCH_CLIENTS clients
 * (bench/generateSyntheticProvider.ts; no service entries unless WEB_BENCH_ENTRIES_PER_MONTH: the list needs none) and one Leitung account for it. Prints one
 * line `WEB_BENCH_READY {json}` when ready; SIGTERM closes the server and the store.
 */
import { users } from "../src/store/schema/index.ts";
import { DEFAULT_SCRYPT, hashPassword } from "../src/server/access/passwordHash.ts";
import { startServer } from "../src/server/start.ts";
import { generateSyntheticProvider } from "./generateSyntheticProvider.ts";
import { WEB_BENCH_LEITUNG, type WebBenchServerReady } from "./webBenchSupport.ts";

const webRoot = process.env.WEB_BENCH_ROOT;
if (!webRoot) throw new Error("WEB_BENCH_ROOT fehlt (der Ordner der gebauten Webanwendung)");
const clientCount = Number(process.env.WEB_BENCH_CLIENTS ?? 5_000);
const entriesPerMonth = Number(process.env.WEB_BENCH_ENTRIES_PER_MONTH ?? 0);

const startedAt = performance.now();
const running = await startServer({
  store: process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.TEILHABE_DATA_DIR ?? "./data" },
  host: "127.0.0.1",
  port: 0,
  demo: true,
  demoToday: "2026-04-15",
  webRoot,
});
const startSeconds = (performance.now() - startedAt) / 1000;

// The large provider and its Leitung: the same account shape as the demo's (a scrypt hash at the default cost).
const provider = await generateSyntheticProvider(running.store, { organisationId: WEB_BENCH_LEITUNG.organisationId, clients: clientCount, entriesPerMonth });
await running.store.db.insert(users).values({
  organisationId: WEB_BENCH_LEITUNG.organisationId,
  id: WEB_BENCH_LEITUNG.id,
  login: WEB_BENCH_LEITUNG.login,
  displayName: "Leitung des synthetischen Beispiel-Trägers",
  role: "leitung",
  passwordHash: await hashPassword(WEB_BENCH_LEITUNG.password, DEFAULT_SCRYPT),
});

let closing = false;
process.on("SIGTERM", () => {
  if (closing) return;
  closing = true;
  running
    .close()
    .catch((error: unknown) => process.stderr.write(`Server schließen fehlgeschlagen: ${String(error)}\n`))
    .finally(() => process.exit(0));
});

const ready: WebBenchServerReady = { address: running.address, startSeconds, demoLoaded: running.demo.loaded, demoClients: running.summary.clients, provider };
process.stdout.write(`WEB_BENCH_READY ${JSON.stringify(ready)}\n`);
