/**
 * `npm start` as a real child process: the first start loads the demo and serves it; Ctrl-C (SIGINT) exits 0
 * and keeps a committed write; the second start finds the same data and does not load the demo again.
 * Embedded store in a temporary folder, or (with DATABASE_URL) a fresh database on the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const serverUrl = process.env.DATABASE_URL;

interface Started {
  child: ChildProcess;
  address: string;
  output: () => string;
}

const children: ChildProcess[] = [];

function startMain(environment: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kein Start nach 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf (http:\/\/\S+)/.exec(output);
      if (match && output.includes("Beenden mit Strg+C")) {
        clearTimeout(timer);
        resolve({ child, address: match[1]!, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prozess endete mit ${code}:\n${output}`));
    });
  });
}

function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners("exit");
    started.child.on("exit", (code) => resolve(code));
    started.child.kill(signal);
  });
}

/** Logs in with the demo account of the Leitung that `npm start` prints: session cookie, CSRF token, reason for opening files. */
async function logInAsDemoLeitung(address: string): Promise<Record<string, string>> {
  const response = await fetch(`${address}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "leitung@demo-traeger.example", password: "Demo-Leitung-2026" }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]!, "x-csrf-token": csrfToken, "x-teilhabe-reason": encodeURIComponent("Test des Starts") };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

describe("npm start (src/server/main.ts)", () => {
  let environment: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (serverUrl) {
      const database = `teilhabe_main_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      environment = { DATABASE_URL: url.toString(), TEILHABE_DEMO_TODAY: "2026-04-15" };
      cleanup = async () => {
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await drop.end();
      };
    } else {
      const directory = mkdtempSync(join(tmpdir(), "teilhabe-main-"));
      environment = { TEILHABE_DATA_DIR: join(directory, "data"), TEILHABE_DEMO_TODAY: "2026-04-15" };
      delete process.env.DATABASE_URL;
      cleanup = async () => rmSync(directory, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    // A failed assertion must not leave a server running.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await cleanup?.();
  });

  it("loads the demo once, serves it, keeps a committed write over Ctrl-C and a restart", { timeout: 120_000 }, async () => {
    const first = await startMain(environment);
    expect(first.output()).toContain("Demo beim ersten Start geladen: Beispiel-Träger mit 50 Klient:innen in fünf Vereinbarungen (A0–A4)");
    expect(first.output()).toContain("vom 02.01.2026 bis 31.03.2026");

    expect(first.output()).toContain("leitung@demo-traeger.example  Passwort: Demo-Leitung-2026");
    expect((await getJson(`${first.address}/api/v1/clients?limit=5`)).status).toBe(401);
    // The web application is served at / and at its own addresses (index.html), its scripts under /assets/.
    expect(first.output()).toContain(`Webanwendung: ${first.address}/`);
    const page0 = await fetch(`${first.address}/klienten`, { headers: { accept: "text/html" } });
    expect(page0.status).toBe(200);
    const html = await page0.text();
    expect(html).toContain('<html lang="de">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${first.address}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const session = await logInAsDemoLeitung(first.address);
    const page = await getJson(`${first.address}/api/v1/clients?limit=5`, session);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items[0]).toMatchObject({ id: "demo-K-001", name: expect.stringMatching(/^Beispiel-Person /) });
    expect(page.body.nextCursor).not.toBeNull();

    const created = await fetch(`${first.address}/api/v1/clients`, { method: "POST", headers: { ...session, "content-type": "application/json" }, body: JSON.stringify({ name: "Beispiel-Person Neuaufnahme" }) });
    expect(created.status).toBe(201);
    const createdId = ((await created.json()) as { id: string }).id;

    expect(await stop(first, "SIGINT")).toBe(0);
    expect(first.output()).toContain("Beendet. Alle gespeicherten Daten sind gesichert.");

    const second = await startMain(environment);
    try {
      expect(second.output()).toContain("Demo-Daten vorhanden: Beispiel-Träger mit 51 Klient:innen");
      const again = await logInAsDemoLeitung(second.address);
      const all = await getJson(`${second.address}/api/v1/clients?limit=500`, again);
      expect(all.body.items).toHaveLength(51);
      expect(all.body.items.filter((client: { id: string }) => client.id === "demo-K-001")).toHaveLength(1);
      const kept = await getJson(`${second.address}/api/v1/clients/${encodeURIComponent(createdId)}`, again);
      expect(kept).toMatchObject({ status: 200, body: { name: "Beispiel-Person Neuaufnahme" } });
    } finally {
      expect(await stop(second, "SIGTERM")).toBe(0);
    }
  });
});
