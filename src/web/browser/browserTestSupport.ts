/**
 * Browser tests: the real server with the demo provider (its 50 clients, three months of documentation and the
 * demo accounts), serving the built web application, driven by playwright-core in the machine's Chromium
 * (/usr/bin/chromium, installed by .ci/run from Debian's packages). Where Chromium is absent the suites are
 * skipped with a message saying so. Every page checked here is also checked with axe-core (WCAG 2.1 A/AA)
 * and photographed into test-results/screenshots/.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { DEMO_ACCOUNTS } from "../../demo/demoAccounts.ts";
import { loadDemoIfAbsent } from "../../demo/loadDemo.ts";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { buildApp } from "../../server/app.ts";
import type { AppContext } from "../../server/appContext.ts";
import { TEST_PASSWORD_PARAMETERS } from "../../server/serverTestSupport.ts";
import type { Store } from "../../store/store.ts";
import { openTestStore } from "../../store/storeTestSupport.ts";
import { syncAgreements } from "../../store/syncAgreements.ts";
import type { FastifyInstance } from "fastify";

export const CHROMIUM_PATH = process.env.TEILHABE_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_PRESENT = existsSync(CHROMIUM_PATH);
export const SCREENSHOT_DIR = join(process.cwd(), "test-results", "screenshots");

/** The date the demo's documentation runs up to (its three months end with the month before). */
export const BROWSER_TEST_TODAY = "2026-04-15";

let warned = false;

/** `describe` for browser tests: skipped, with a message naming the missing browser, where Chromium is absent. */
export function describeInBrowser(name: string, body: () => void): void {
  if (!CHROMIUM_PRESENT && !warned) {
    warned = true;
    process.stderr.write(`Browser-Tests übersprungen: kein Chromium unter ${CHROMIUM_PATH} (Debian: apt-get install chromium; .ci/run installiert es)\n`);
  }
  describe.skipIf(!CHROMIUM_PRESENT)(name, body);
}

export type DemoRole = "administrator" | "leitung" | "fachkraft" | "verwaltung" | "payerCaseworker" | "client";

/** The demo account of a role: login and password as `npm start` prints them. */
export function demoAccountOf(role: DemoRole): { login: string; password: string } {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`kein Demo-Konto für ${role}`);
  return { login: account.login, password: account.password };
}

export interface BrowserTestServer {
  baseUrl: string;
  store: Store;
  app: FastifyInstance;
  context: AppContext;
  close(): Promise<void>;
}

/** The server with the demo loaded and the web application built by webBuildSetup.ts; sessions only (no trusted headers). */
export async function startBrowserTestServer(options: { today?: string } = {}): Promise<BrowserTestServer> {
  const today = options.today ?? BROWSER_TEST_TODAY;
  const store = await openTestStore();
  const catalogue = loadCatalogue();
  await syncAgreements(store.db, catalogue);
  await loadDemoIfAbsent(store, catalogue, { today, passwordParameters: TEST_PASSWORD_PARAMETERS });
  const context: AppContext = { store, catalogue, today: () => today, now: () => new Date().toISOString() };
  const app = await buildApp({ context, defaultOrganisationId: DEMO_PROVIDER_ID, trustActorHeaders: false, security: { passwordParameters: TEST_PASSWORD_PARAMETERS }, webRoot: inject("webBuildDir") });
  const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl,
    store,
    app,
    context,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** One browser test file's server with the demo and its Chromium. */
export interface BrowserTestFrame {
  server: BrowserTestServer;
  browser: Browser;
}

/**
 * Starts the file's server and browser before its tests (both at once, up to 120 s with the demo), hands them
 * to `onStart` (which keeps them and may add data), and closes both after the tests. Hooks a file registers
 * after this call run before the frame closes (vitest runs after-hooks in reverse order).
 */
export function useBrowserTestFrame(onStart: (frame: BrowserTestFrame) => void | Promise<void>): void {
  let frame: BrowserTestFrame | undefined;
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    frame = { server, browser };
    await onStart(frame);
  }, 120_000);
  afterAll(async () => {
    await frame?.browser.close();
    await frame?.server.close();
  });
}

/** Chromium headless, with the flags this machine's closed network needs (no background connections). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // German UI locale: native date and time inputs show 31.03.2026 and 23:00, as a German browser does.
    env: { ...process.env, LANGUAGE: "de_DE", LANG: "de_DE.UTF-8" },
    args: ["--lang=de-DE", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** A fresh browser context (own cookies) in German, desktop size unless a phone is asked for. */
export async function openPage(browser: Browser, options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiBody = any;

export type ApiCall = <T = ApiBody>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/**
 * A demo account's session for calling the API as that person in a test's set-up (log-in, session cookie and
 * CSRF token, as the web application itself does): `const api = await apiSessionOf(server.baseUrl, "verwaltung")`.
 */
export async function apiSessionOf(baseUrl: string, role: DemoRole): Promise<ApiCall> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(demoAccountOf(role)) });
  expect(response.status, `Anmeldung ${role}`).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return async (method, path, body) => {
    const answer = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Logs in through the log-in page, as a person would, and waits for the first page of the role. */
export async function logIn(page: Page, baseUrl: string, role: DemoRole): Promise<void> {
  const account = demoAccountOf(role);
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Anmeldename (E-Mail)").fill(account.login);
  await page.getByLabel("Passwort", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
}

/** axe-core over the whole page (WCAG 2.0/2.1 A and AA): the test fails with every violation listed. */
export async function expectNoAccessibilityViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} – ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(violations, `Barrierefreiheit auf „${label}“`).toEqual([]);
}

/** Saves a screenshot of the whole page into test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
