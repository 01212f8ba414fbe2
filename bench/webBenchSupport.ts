/**
 * Helpers of the web benchmark (bench/webBench.ts): the server child process (bench/webBenchServer.ts), its
 * memory (/proc), Chromium, gzip sizes and the German formatting of the figures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { SyntheticProvider } from "./generateSyntheticProvider.ts";

const ROOT = join(import.meta.dirname, "..");

export const CHROMIUM_PATH = process.env.TEILHABE_CHROMIUM ?? "/usr/bin/chromium";

/** The Leitung of the synthetic provider with many clients (written by webBenchServer.ts). */
export const WEB_BENCH_LEITUNG = {
  organisationId: "bench-web-traeger",
  id: "bench-web-U-leitung",
  login: "leitung@bench-web-traeger.example",
  password: "Bench-Leitung-2026",
} as const;

export interface WebBenchServerReady {
  address: string;
  /** Seconds of startServer (migrations, agreements, demo on the first start). */
  startSeconds: number;
  demoLoaded: boolean;
  demoClients: number;
  provider: SyntheticProvider;
}

export interface WebBenchServer {
  child: ChildProcess;
  ready: WebBenchServerReady;
}

/** Starts bench/webBenchServer.ts as a child process and waits for its ready line. */
export function startWebBenchServer(environment: Record<string, string>, timeoutMs = 120_000): Promise<WebBenchServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/webBenchServer.ts"], { cwd: ROOT, env: { ...process.env, ...environment }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`Server nicht bereit nach ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^WEB_BENCH_READY (.+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, ready: JSON.parse(match[1]!) as WebBenchServerReady });
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

export function stopWebBenchServer(server: WebBenchServer): Promise<void> {
  if (server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
    server.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.kill("SIGTERM");
  });
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process in MB (Linux /proc). */
export function memoryOf(pid: number): { peak: number; current: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024;
    return { peak: field("VmHWM"), current: field("VmRSS") };
  } catch {
    return undefined;
  }
}

/** Resets a process's peak memory to its current size (Linux: "5" into /proc/<pid>/clear_refs). */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Chromium headless with the flags this machine's closed network needs (as browserTestSupport.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** A fresh context (own cookies, empty cache) in German at desktop size. */
export async function openFreshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "de-DE", timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Bytes of a body gzipped at level 9, as a server compressing its responses would send it. */
export function gzippedSize(body: Buffer | string): number {
  return gzipSync(body, { level: 9 }).length;
}

export function milliseconds(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value).toLocaleString("de-DE")} ms` : "–";
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;
}

export function seconds(value: number): string {
  return `${value.toLocaleString("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

/** "erreicht"/"verfehlt" with the ratio to the target (value / target; below 1 meets an upper bound). */
export function verdict(value: number, target: number): string {
  if (!Number.isFinite(value)) return "nicht gemessen";
  const ratio = (value / target).toLocaleString("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < target ? "erreicht" : "verfehlt"} (${ratio} × Ziel)`;
}
