/**
 * npm run bench: HTTP load on loopback. Starts the server (`src/server/main.ts`, compiled as `npm start` runs it;
 * BENCH_HTTP_SOURCES=1: through tsx) as a child process over a fresh
 * store with the demo (50 clients, documentation of January–March 2026), then autocannon with 50 connections,
 * 10 s per scenario: creating a service entry, reading a client's month, and both alternating, logged in as the
 * demo Leitung (session cookie, CSRF token, a reason for opening client files: roles and audit trail included). Prints p50, p99,
 * throughput and the server's peak memory (VmHWM of a second start, after the first has initialised the data). Embedded PGlite always; PostgreSQL when DATABASE_URL is set
 * (in a fresh database `teilhabe_bench_http_<pid>`, created and dropped here). Targets (issue 3): p99 < 50 ms,
 * together ≥ 1,000 req/s on PostgreSQL, peak memory < 300 MB. Figures are printed, never asserted.
 * Only 127.0.0.1 is targeted; every run is bounded by time (10 s) and count (200,000 requests).
 * BENCH_HTTP_ACTORS=leitung (or system) measures one actor only; BENCH_HTTP_SECONDS shortens the scenarios;
 * BENCH_HTTP_SCENARIOS=read runs one scenario only; BENCH_HTTP_SERVER_FLAGS passes Node flags to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/profile").
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const ROOT = join(import.meta.dirname, "..");
const DURATION_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 50;
const MAX_REQUESTS = 200_000;
const MONTH = "2026-03";
/**
 * The month the created entries are dated in: by default the demo's current month (April 2026, days 1–14, before
 * the demo's today 2026-04-15), as a Fachkraft documents today's visit, so that the month read keeps its documented
 * size (about 40 entries per client, as issue 3 sets). BENCH_HTTP_ENTRY_MONTH=2026-03 writes into the month read
 * instead: 10 s of load then add about 150 entries to each hourly case's March, and every read grows with them.
 */
const ENTRY_MONTH = process.env.BENCH_HTTP_ENTRY_MONTH ?? "2026-04";
/** One database per bench process, so that two benches at once do not drop each other's. */
const HTTP_DATABASE = `teilhabe_bench_http_${process.pid}`;
const CLIENT_IDS = Array.from({ length: 50 }, (_, index) => `demo-K-${String(index + 1).padStart(3, "0")}`);
/** Cases of the hourly agreements (demo-F-001 A0, -002 A1, -003 A2, -004 A3; every fifth is A4). */
const HOURLY_CASE_IDS = Array.from({ length: 50 }, (_, index) => index + 1)
  .filter((number) => number % 5 !== 0)
  .map((number) => `demo-F-${String(number).padStart(3, "0")}`);

/**
 * What runs: by default the compiled build, as `npm start` runs it once a build of the current sources exists
 * (src/server/launch.mjs; compiled here into its own folder with the same tsc options); BENCH_HTTP_SOURCES=1
 * runs src/server/main.ts through tsx instead (the first `npm start` after a change; about 75 MB more memory).
 */
const FROM_SOURCES = process.env.BENCH_HTTP_SOURCES === "1";
/** BENCH_HTTP_SCENARIOS=read (or create, both; comma-separated) runs only those scenarios, e.g. for a profile of one route. */
const SCENARIOS = new Set((process.env.BENCH_HTTP_SCENARIOS ?? "create,read,both").split(","));
const SERVER_FLAGS = (process.env.BENCH_HTTP_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
const BUILD = join(ROOT, "dist", `bench-http-${process.pid}`);

function compileServer(): void {
  console.log(`\nServer wird kompiliert (tsc, wie npm start) nach ${BUILD} …`);
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", BUILD, "--sourceMap", "false"], { cwd: ROOT, stdio: "inherit" });
  // tsc still emits JavaScript when it reports type errors (exit code 2), as launch.mjs accepts.
  if ((result.status !== 0 && result.status !== 2) || !existsSync(join(BUILD, "src", "server", "main.js"))) throw new Error(`Kompilieren fehlgeschlagen (tsc ${result.status})`);
  cpSync(join(ROOT, "src", "store", "migrations"), join(BUILD, "src", "store", "migrations"), { recursive: true });
}

interface Server {
  child: ChildProcess;
  address: string;
}

function startServer(environment: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_FLAGS, ...(FROM_SOURCES ? ["--import", "tsx", "src/server/main.ts"] : [join(BUILD, "src", "server", "main.js")])], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", TEILHABE_DEMO_TODAY: "2026-04-15", TEILHABE_TRUST_ACTOR_HEADERS: "1", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server nicht bereit nach 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && output.includes("Strg+C")) {
        clearTimeout(timer);
        resolve({ child, address: match[1]! });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server endete mit ${code}:\n${output}`));
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners("exit");
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

/** Peak and current resident memory of a process in MB (Linux /proc). */
function memoryOf(pid: number): { peak: number; current: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024;
    return { peak: field("VmHWM"), current: field("VmRSS") };
  } catch {
    return undefined;
  }
}

let sequence = 0;
function entryBody(): string {
  sequence += 1;
  const caseId = HOURLY_CASE_IDS[sequence % HOURLY_CASE_IDS.length]!;
  const day = 1 + (sequence % (ENTRY_MONTH === "2026-04" ? 14 : 26));
  const hour = 8 + (sequence % 9);
  return JSON.stringify({ caseId, date: `${ENTRY_MONTH}-${String(day).padStart(2, "0")}`, start: `${String(hour).padStart(2, "0")}:00`, end: `${String(hour).padStart(2, "0")}:45`, category: "Lasttest (Beispiel)", staffId: "demo-M-05" });
}

function monthPath(): string {
  sequence += 1;
  return `/api/v1/clients/${CLIENT_IDS[sequence % CLIENT_IDS.length]}/month/${MONTH}`;
}

type Request = autocannon.Request;

/** The headers of a logged-in demo Leitung: session cookie, CSRF token, and the reason for opening client files. */
let sessionHeaders: Record<string, string> = {};

/** Logs in as the demo account of the Leitung, so that the load takes the real path: session, roles, audit. */
async function logIn(address: string): Promise<void> {
  const response = await fetch(`${address}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "leitung@demo-traeger.example", password: "Demo-Leitung-2026" }),
  });
  if (response.status !== 200) throw new Error(`Anmeldung als Demo-Leitung fehlgeschlagen: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  sessionHeaders = { cookie, "x-csrf-token": csrfToken, "x-teilhabe-reason": encodeURIComponent("Lasttest mit Beispieldaten") };
}

async function probe(address: string, method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${address}${path}`, { method, headers: { ...sessionHeaders, ...(body ? { "content-type": "application/json" } : {}) }, body });
  return { status: response.status, text: (await response.text()).slice(0, 300) };
}

async function load(address: string, requests: Request[], pid: number): Promise<{ result: autocannon.Result; peakDuring: number }> {
  let peakDuring = 0;
  const sampler = setInterval(() => {
    const memory = memoryOf(pid);
    if (memory && memory.current > peakDuring) peakDuring = memory.current;
  }, 100);
  try {
    const result = await autocannon({ url: address, connections: CONNECTIONS, duration: DURATION_SECONDS, maxOverallRequests: MAX_REQUESTS, requests });
    return { result, peakDuring };
  } finally {
    clearInterval(sampler);
  }
}

function report(label: string, result: autocannon.Result): void {
  const failed = result.non2xx + result.errors + result.timeouts;
  const codes = Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, stats]) => `${stats.count} × ${code}`);
  const detail = [...codes, ...(result.timeouts > 0 ? [`${result.timeouts} Zeitüberschreitungen`] : []), ...(result.errors - result.timeouts > 0 ? [`${result.errors - result.timeouts} Verbindungsfehler`] : [])].join(", ");
  console.log(
    `  ${label}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average).toLocaleString("de-DE")} Anfragen/s ` +
      `(${result.requests.total.toLocaleString("de-DE")} in ${result.duration.toFixed(1).replace(".", ",")} s${failed > 0 ? `, davon nicht erfolgreich: ${detail}` : ""})`,
  );
}

/**
 * Who sends the load: the demo Leitung through a real session (roles, row checks and one audit entry per
 * request, chained per organisation), or the trusted "system" actor of tests and benchmarks (no session, no
 * audit): the difference is what access control and the audit trail cost.
 */
type LoadActor = "leitung" | "system";

/** BENCH_HTTP_ACTORS=leitung (or system) measures only that actor; default both. */
const ACTORS: readonly LoadActor[] = (process.env.BENCH_HTTP_ACTORS ?? "leitung,system").split(",").filter((actor): actor is LoadActor => actor === "leitung" || actor === "system");

async function benchServer(label: string, baseEnvironment: Record<string, string>, actor: LoadActor): Promise<void> {
  const environment = actor === "system" ? { ...baseEnvironment, TEILHABE_TRUST_ACTOR_HEADERS: "1" } : baseEnvironment;
  console.log(
    `\nHTTP ${label}, ${actor === "leitung" ? "angemeldet als Demo-Leitung (Sitzung, Rollen, Protokoll)" : "als System ohne Sitzung und Protokoll (X-Teilhabe-Kopfzeilen)"}: ` +
      `${CONNECTIONS} Verbindungen, je Szenario ${DURATION_SECONDS} s, Demo-Daten (50 Klient:innen, gelesen: Monat ${MONTH}, neue Einträge im Monat ${ENTRY_MONTH})`,
  );
  // The first start initialises the database and loads the demo; the load runs against a second start, so that
  // the peak memory is the serving process's, not the one-off database initialisation's.
  await stopServer(await startServer(environment));
  const server = await startServer(environment);
  const pid = server.child.pid!;
  const baseline = memoryOf(pid);
  try {
    if (actor === "leitung") await logIn(server.address);
    else sessionHeaders = { "x-teilhabe-organisation": "demo-traeger" };
    const createProbe = await probe(server.address, "POST", "/api/v1/service-entries", entryBody());
    const createAvailable = createProbe.status === 201 || createProbe.status === 200;
    const monthProbe = await probe(server.address, "GET", monthPath());
    let readRequest: Request;
    let readLabel: string;
    if (monthProbe.status === 200) {
      readRequest = { method: "GET", headers: sessionHeaders, setupRequest: (request) => ({ ...request, path: monthPath() }) };
      readLabel = `GET /api/v1/clients/:id/month/${MONTH}`;
    } else {
      console.log(`  GET /api/v1/clients/:id/month/${MONTH} antwortet ${monthProbe.status}; gemessen wird stattdessen die Eintragsliste eines Falls`);
      readRequest = { method: "GET", headers: sessionHeaders, setupRequest: (request) => ({ ...request, path: `/api/v1/service-entries?caseId=${HOURLY_CASE_IDS[++sequence % HOURLY_CASE_IDS.length]}&from=2026-03-01&to=2026-03-31` }) };
      readLabel = "GET /api/v1/service-entries?caseId=…&from=…&to=…";
    }
    const createRequest: Request = { method: "POST", headers: { ...sessionHeaders, "content-type": "application/json" }, setupRequest: (request) => ({ ...request, path: "/api/v1/service-entries", body: entryBody() }) };

    const results: Array<{ label: string; result: autocannon.Result; peakDuring: number }> = [];
    if (createAvailable && SCENARIOS.has("create")) {
      const created = await load(server.address, [createRequest], pid);
      results.push({ label: "POST /api/v1/service-entries", ...created });
      report("POST /api/v1/service-entries", created.result);
    } else console.log(`  POST /api/v1/service-entries: nicht gemessen, die Route antwortet ${createProbe.status} (${createProbe.text.replace(/\s+/g, " ")})`);
    if (SCENARIOS.has("read")) {
      const read = await load(server.address, [readRequest], pid);
      report(readLabel, read.result);
    }
    if (createAvailable && SCENARIOS.has("both")) {
      const mixed = await load(server.address, [createRequest, readRequest], pid);
      report("beide abwechselnd", mixed.result);
    }
    const memory = memoryOf(pid);
    const peak = memory?.peak ?? NaN;
    console.log(
      `  Speicher des Servers (zweiter Start, Daten schon geladen): ${baseline?.current.toFixed(0)} MB nach dem Start, Spitze ${peak.toFixed(0)} MB (VmHWM), zuletzt ${memory?.current.toFixed(0)} MB; Ziel < 300 MB (${peak < 300 ? "erreicht" : "verfehlt"})`,
    );
  } finally {
    await stopServer(server);
  }
}

async function benchEmbedded(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "teilhabe-http-bench-"));
  try {
    for (const actor of ACTORS) await benchServer("eingebettet (PGlite)", { TEILHABE_DATA_DIR: join(directory, "data"), DATABASE_URL: "" }, actor);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${HTTP_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${HTTP_DATABASE}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${HTTP_DATABASE}`;
  try {
    for (const actor of ACTORS) await benchServer(`PostgreSQL (${benchUrl.host}, Datenbank ${HTTP_DATABASE})`, { DATABASE_URL: benchUrl.toString() }, actor);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${HTTP_DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

console.log(FROM_SOURCES ? "\nServer aus den Quellen (tsx, BENCH_HTTP_SOURCES=1)" : "\nServer aus dem kompilierten Build (wie npm start)");
if (!FROM_SOURCES) compileServer();
try {
  if (process.env.BENCH_SKIP_EMBEDDED === "1") console.log("\nEingebettet: übersprungen (BENCH_SKIP_EMBEDDED=1)");
  else await benchEmbedded();
  if (process.env.DATABASE_URL) await benchPostgres(process.env.DATABASE_URL);
  else console.log("\nHTTP PostgreSQL: übersprungen (DATABASE_URL nicht gesetzt)");
} finally {
  if (!FROM_SOURCES) rmSync(BUILD, { recursive: true, force: true });
}
