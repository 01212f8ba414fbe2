/**
 * `npm start`: the server process. Opens the store (embedded PGlite in ./data or TEILHABE_DATA_DIR, or the
 * PostgreSQL server of DATABASE_URL), applies the migrations, loads the demo on the first start and serves the
 * API on http://localhost:3000 (PORT, HOST). Ctrl-C (SIGINT) or SIGTERM: stop accepting requests, finish the
 * running ones, close the store, exit 0 — every committed write is on disk.
 *
 * Environment: PORT (3000), HOST (localhost), TEILHABE_DATA_DIR (./data), DATABASE_URL, TEILHABE_DEMO_TODAY
 * (the demo's documentation ends with the month before this date; default today), TEILHABE_DEMO=0 (no demo),
 * TEILHABE_WEB=0 (the API only, no web application).
 * Accounts and sessions (docs/authentication.md): TEILHABE_SESSION_SECRET(_FILE), TEILHABE_DATABASE_PASSWORD(_FILE),
 * TEILHABE_OIDC_*, TEILHABE_COOKIE_SECURE=1, TEILHABE_SESSION_IDLE_MINUTES (30), TEILHABE_SESSION_ABSOLUTE_HOURS
 * (12), TEILHABE_SESSION_CACHE_MS (1000; 0: off), TEILHABE_TRUST_PROXY (behind a reverse proxy); TEILHABE_TRUST_ACTOR_HEADERS=1 only for benchmarks. NODE_ENV=production refuses default secrets.
 */
import { pathToFileURL } from "node:url";
import { formatDateGerman } from "../cli/germanFormat.ts";
import { findPresentDemoAccounts, formatDemoAccounts } from "../demo/demoAccounts.ts";
import { storeOptionsFromEnvironment } from "../store/store.ts";
import { loadServerConfiguration, ServerSecretsError, type ServerConfiguration } from "./access/serverSecrets.ts";
import { startServer, type RunningServer } from "./start.ts";
import { buildWebApp } from "../web/buildWebApp.ts";

/** A start refused because of the environment: shown without a stack trace. */
class EnvironmentError extends Error {}

function portFromEnvironment(text: string | undefined): number {
  if (text === undefined || text === "") return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new EnvironmentError(`PORT „${text}“ ist keine Portnummer (0–65535)`);
  return port;
}

function describeStore(environment: NodeJS.ProcessEnv): string {
  if (environment.DATABASE_URL) {
    const url = new URL(environment.DATABASE_URL);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  }
  return `eingebettete Datenbank in ${environment.TEILHABE_DATA_DIR ?? "./data"}`;
}

function describeDemo(running: RunningServer): string {
  const { summary, demo } = running;
  if (summary.clients === 0) return "Noch keine Daten beim Demo-Träger (TEILHABE_DEMO=0).";
  const period = summary.firstEntryDate && summary.lastEntryDate ? ` vom ${formatDateGerman(summary.firstEntryDate)} bis ${formatDateGerman(summary.lastEntryDate)}` : "";
  return (
    `${demo.loaded ? "Demo beim ersten Start geladen" : "Demo-Daten vorhanden"}: Beispiel-Träger mit ${summary.clients.toLocaleString("de-DE")} Klient:innen in fünf Vereinbarungen (A0–A4), ` +
    `${summary.entries.toLocaleString("de-DE")} Leistungseinträge${period} und ${summary.absences.toLocaleString("de-DE")} Abwesenheiten. ` +
    "Alle Personen sind erfunden; Beispielwerte sind als solche markiert."
  );
}

/** Starts the server and installs the signal handlers; resolves once the address is printed. */
export async function runMain(): Promise<void> {
  const environment = process.env;
  const demoToday = environment.TEILHABE_DEMO_TODAY;
  if (demoToday && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(demoToday)) throw new EnvironmentError(`TEILHABE_DEMO_TODAY „${demoToday}“ ist kein Datum JJJJ-MM-TT`);
  let configuration: ServerConfiguration;
  try {
    configuration = loadServerConfiguration(environment);
  } catch (error) {
    throw error instanceof ServerSecretsError ? new EnvironmentError(error.message) : error;
  }
  // The web application: built with Vite when its sources changed (a few seconds), else served as built.
  const webRoot = environment.TEILHABE_WEB === "0" ? undefined : await buildWebApp();
  const running = await startServer({
    ...(webRoot ? { webRoot } : {}),
    store: storeOptionsFromEnvironment(configuration.databaseUrl ? { ...environment, DATABASE_URL: configuration.databaseUrl } : environment),
    host: environment.HOST ?? "localhost",
    port: portFromEnvironment(environment.PORT),
    demo: environment.TEILHABE_DEMO !== "0",
    ...(demoToday ? { demoToday } : {}),
    access: { security: configuration.security, trustActorHeaders: configuration.trustActorHeaders, ...(configuration.trustProxy !== undefined ? { trustProxy: configuration.trustProxy } : {}) },
  });
  const seconds = process.uptime().toFixed(1).replace(".", ",");
  const origin = environment.TEILHABE_LAUNCHED_FROM === "build" ? ", aus dem kompilierten Build" : environment.TEILHABE_LAUNCHED_FROM === "sources" ? ", aus den Quellen (tsx)" : "";
  process.stdout.write(`Teilhabe läuft auf ${running.address} (${describeStore(environment)}; bereit ${seconds} s nach Prozessstart${origin})\n`);
  process.stdout.write(`${describeDemo(running)}\n`);
  const demoAccounts = environment.TEILHABE_DEMO === "0" ? [] : await findPresentDemoAccounts(running.store.db);
  if (demoAccounts.length > 0) process.stdout.write(`${formatDemoAccounts(demoAccounts)}\n`);
  if (configuration.trustActorHeaders) process.stdout.write("Achtung: TEILHABE_TRUST_ACTOR_HEADERS=1 – Anfragen ohne Sitzung handeln über X-Teilhabe-Kopfzeilen (nur für Benchmarks und Tests)\n");
  if (webRoot) process.stdout.write(`Webanwendung: ${running.address}/ (Anmeldung mit einem der Demo-Zugänge)\n`);
  process.stdout.write(`API: ${running.address}/api/v1 · Dokumentation: ${running.address}/api/docs · Beenden mit Strg+C\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: Teilhabe wird beendet …\n`);
    running.close().then(
      () => {
        process.stdout.write("Beendet. Alle gespeicherten Daten sind gesichert.\n");
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Fehler beim Beenden: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/** Prints why the start failed and exits 1. */
export function reportStartFailure(error: unknown): never {
  const code = (error as { code?: string }).code;
  const message =
    code === "EADDRINUSE"
      ? `Der Port ist schon belegt (${(error as Error).message}); einen anderen mit PORT=… wählen`
      : error instanceof EnvironmentError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
  process.stderr.write(`Teilhabe konnte nicht starten: ${message}\n`);
  process.exit(1);
}

// Run directly (`node --import tsx src/server/main.ts`); the launcher (launch.mjs) imports and calls runMain itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain().catch(reportStartFailure);
