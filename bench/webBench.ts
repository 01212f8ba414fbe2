/**
 * npm run bench: the web application's speed (issue 5) in the machine's Chromium (playwright-core,
 * /usr/bin/chromium; skipped with a message where it is absent). Builds the app with Vite into a temporary
 * folder, starts the server with it as a child process (bench/webBenchServer.ts: embedded PGlite in a temporary
 * folder, or PostgreSQL in a fresh database `teilhabe_bench_web_<pid>` when DATABASE_URL is set, created and
 * dropped here) with the demo and a synthetic provider of 5,000 clients, then measures:
 * - the first page: from navigation start (cold cache, a fresh browser context each time) until the log-in
 *   form's „Anmeldename (E-Mail)“ field is shown and enabled, median of 5; and from submitting the demo
 *   Leitung's log-in until the Übersicht's h1 is shown, median of 5 (the password check, scrypt at its
 *   production cost, included and shown apart);
 * - the JavaScript of the first page: every script the browser loads for the log-in page and for the first page
 *   after log-in, each gzipped at level 9 (as a compressing server would send it); all chunks of the build for
 *   comparison;
 * - the list of 5,000 clients, as the Leitung of the synthetic provider: its Übersicht after log-in (time until
 *   its data is shown, rows rendered, longest task), first rows after clicking „Klient:innen“ (then three more
 *   times from „Vereinbarungen“) and after opening /klienten directly, and from typing a search term into
 *   „Suche“ until the role="status" region shows that term's number of matches (median of 10 terms; the status
 *   texts in between are printed), with the longest main-thread task (PerformanceObserver "longtask") meanwhile;
 * - the server's peak memory (VmHWM, the child process alone).
 * Targets: interactive < 1 s, < 250 KB gzipped JavaScript, input to update < 100 ms and no task > 200 ms.
 * Figures are printed with their targets, never asserted; the run exits 0 when a target is missed.
 * WEB_BENCH_CLIENTS changes the 5,000.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Browser, Page, Response } from "playwright-core";
import { formatTable } from "../src/cli/table.ts";
import { DEMO_ACCOUNTS } from "../src/demo/demoAccounts.ts";
import { buildWebApp } from "../src/web/buildWebApp.ts";
import {
  CHROMIUM_PATH,
  gzippedSize,
  kilobytes,
  launchChromium,
  median,
  memoryOf,
  milliseconds,
  openFreshPage,
  resetPeakMemory,
  seconds,
  startWebBenchServer,
  stopWebBenchServer,
  verdict,
  WEB_BENCH_LEITUNG,
  type WebBenchServer,
} from "./webBenchSupport.ts";
import {
  clientRowsReady,
  leftClientList,
  INIT_SCRIPT,
  INSTALL_SEARCH_PROBE,
  loginFormReady,
  overviewLoadedReady,
  overviewReady,
  pageLoaded,
  READ_CLIENT_ROWS,
  READ_LONG_TASKS,
  READ_MAIN_ROWS,
  READ_MAIN_TEXT,
  READ_MARKS,
  READ_SEARCH,
  READ_STATUS,
  RESET_NAVIGATION_MARKS,
  searchSettled,
  type LongTask,
  type PageMarks,
  type SearchProbe,
} from "./webPageProbes.ts";

const FIRST_PAGE_RUNS = 5;
const LIST_NAVIGATIONS = 3;
const CLIENT_COUNT = Number(process.env.WEB_BENCH_CLIENTS ?? 5_000);
/** Ten search terms over the synthetic names „Beispiel-Person 00001“ … (each finds a different number). */
const SEARCH_TERMS = ["00042", "0123", "01", "049", "3", "04999", "0250", "02", "0007", "4"];
const TARGET = { interactiveMs: 1_000, javaScriptKb: 250, inputToUpdateMs: 100, longTaskMs: 200 } as const;
const WEB_DATABASE = `teilhabe_bench_web_${process.pid}`;

interface Row {
  label: string;
  value: string;
  target: string;
  result: string;
}
const rows: Row[] = [];
function record(label: string, value: string, target = "", result = ""): void {
  rows.push({ label, value, target, result });
}

const leitung = DEMO_ACCOUNTS.find((account) => account.role === "leitung")!;

interface ScriptLoad {
  url: string;
  phase: "login" | "afterLogin";
  body: Promise<Buffer | undefined>;
}

interface FirstPageRun {
  interactiveMs: number;
  wallMs: number;
  navigation: { responseEnd: number; domContentLoaded: number; load: number };
  loginToOverviewMs: number;
  loginRequestMs: number;
  longestTaskMs: number;
  scripts: ScriptLoad[];
}

async function logInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel("Anmeldename (E-Mail)").fill(login);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

async function firstPageRun(browser: Browser, address: string, collectScripts: boolean): Promise<FirstPageRun> {
  const { context, page } = await openFreshPage(browser);
  try {
    await context.addInitScript(INIT_SCRIPT);
    const scripts: ScriptLoad[] = [];
    let phase: ScriptLoad["phase"] = "login";
    if (collectScripts)
      page.on("response", (response: Response) => {
        const type = response.request().resourceType();
        const contentType = response.headers()["content-type"] ?? "";
        if (type === "script" || contentType.includes("javascript")) scripts.push({ url: response.url(), phase, body: response.body().catch(() => undefined) });
      });
    const started = performance.now();
    await page.goto(`${address}/`, { waitUntil: "commit" });
    await page.waitForFunction(loginFormReady, undefined, { polling: 10 });
    const wallMs = performance.now() - started;
    const field = page.getByLabel("Anmeldename (E-Mail)");
    if (!(await field.isVisible()) || !(await field.isEnabled())) throw new Error("Anmeldefeld nicht sichtbar oder nicht bedienbar");
    await page.waitForLoadState("load");
    const marks = (await page.evaluate(READ_MARKS)) as PageMarks;
    const navigation = (await page.evaluate(
      "(() => { const entry = performance.getEntriesByType('navigation')[0]; return { responseEnd: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd }; })()",
    )) as FirstPageRun["navigation"];

    phase = "afterLogin";
    await logInThroughForm(page, leitung.login, leitung.password);
    await page.waitForFunction(overviewReady, undefined, { polling: 10, timeout: 30_000 });
    await page.waitForTimeout(300); // chunks or data the page fetches right after showing its heading
    const after = (await page.evaluate(READ_MARKS)) as PageMarks;
    const loginRequestMs = (await page.evaluate(
      "(() => { const entry = performance.getEntriesByType('resource').find((candidate) => candidate.name.endsWith('/api/v1/auth/login')); return entry ? entry.responseEnd - entry.requestStart : NaN; })()",
    )) as number;
    const longTasks = (await page.evaluate(READ_LONG_TASKS)) as LongTask[];
    await Promise.all(scripts.map((script) => script.body));
    return {
      interactiveMs: marks.loginForm!,
      wallMs,
      navigation,
      loginToOverviewMs: after.overview! - after.submit!,
      loginRequestMs,
      longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
      scripts,
    };
  } finally {
    await context.close();
  }
}

async function javaScriptOf(scripts: ScriptLoad[], phase: ScriptLoad["phase"]): Promise<{ files: number; raw: number; gzipped: number }> {
  const seen = new Set<string>();
  let raw = 0;
  let gzipped = 0;
  for (const script of scripts) {
    if (script.phase !== phase || seen.has(script.url)) continue;
    seen.add(script.url);
    const body = await script.body;
    if (!body) continue;
    raw += body.length;
    gzipped += gzippedSize(body);
  }
  return { files: seen.size, raw, gzipped };
}

async function benchFirstPage(browser: Browser, address: string): Promise<void> {
  console.log(`\nErste Seite (${FIRST_PAGE_RUNS} Läufe, je ein frischer Browser-Kontext ohne Cache, Anmeldung als Demo-Leitung)`);
  const runs: FirstPageRun[] = [];
  for (let index = 0; index < FIRST_PAGE_RUNS; index++) runs.push(await firstPageRun(browser, address, index === 0));
  const list = (values: number[]) => values.map((value) => Math.round(value)).join(", ");
  const interactive = median(runs.map((run) => run.interactiveMs));
  const toOverview = median(runs.map((run) => run.loginToOverviewMs));
  const loginRequest = median(runs.map((run) => run.loginRequestMs));
  console.log(
    `  Anmeldeseite bedienbar („Anmeldename (E-Mail)“ sichtbar und aktiv), ab Navigationsstart: ${milliseconds(interactive)} Median (Läufe: ${list(runs.map((run) => run.interactiveMs))} ms; ` +
      `von außen gemessen ${milliseconds(median(runs.map((run) => run.wallMs)))}); Dokument geladen ${milliseconds(median(runs.map((run) => run.navigation.responseEnd)))}, ` +
      `DOMContentLoaded ${milliseconds(median(runs.map((run) => run.navigation.domContentLoaded)))}, load ${milliseconds(median(runs.map((run) => run.navigation.load)))}`,
  );
  console.log(
    `  Anmelden bis Überschrift „Übersicht“ sichtbar: ${milliseconds(toOverview)} Median (Läufe: ${list(runs.map((run) => run.loginToOverviewMs))} ms); ` +
      `davon Anmeldeanfrage (Passwortprüfung scrypt, Sitzung) ${milliseconds(loginRequest)}, also ${milliseconds(toOverview - loginRequest)} für Seite und Daten`,
  );
  console.log(`  Längste Hauptthread-Aufgabe (longtask) beim Laden und Anmelden: ${milliseconds(median(runs.map((run) => run.longestTaskMs)))} Median`);
  record("Anmeldeseite bedienbar (Median von 5, kalt)", milliseconds(interactive), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(interactive, TARGET.interactiveMs));
  record("Anmelden bis „Übersicht“ sichtbar (Median von 5)", milliseconds(toOverview), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(toOverview, TARGET.interactiveMs));
  record("  davon Anmeldeanfrage (scrypt)", milliseconds(loginRequest));
  record("  ohne Anmeldeanfrage", milliseconds(toOverview - loginRequest), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(toOverview - loginRequest, TARGET.interactiveMs));

  const scripts = runs[0]!.scripts;
  const login = await javaScriptOf(scripts, "login");
  const afterLogin = await javaScriptOf(scripts, "afterLogin");
  const firstAfterLogin = login.gzipped + afterLogin.gzipped;
  console.log(
    `  JavaScript der Anmeldeseite: ${login.files} ${login.files === 1 ? "Datei" : "Dateien"}, ${kilobytes(login.raw)} roh, ${kilobytes(login.gzipped)} gzip -9; ` +
      `nach der Anmeldung nachgeladen (Übersicht): ${afterLogin.files} ${afterLogin.files === 1 ? "Datei" : "Dateien"}, ${kilobytes(afterLogin.raw)} roh, ${kilobytes(afterLogin.gzipped)} gzip -9; zusammen ${kilobytes(firstAfterLogin)}`,
  );
  record("JavaScript Anmeldeseite (gzip -9)", kilobytes(login.gzipped), `< ${TARGET.javaScriptKb} KB`, verdict(login.gzipped / 1024, TARGET.javaScriptKb));
  record("JavaScript bis „Übersicht“ (gzip -9, zusammen)", kilobytes(firstAfterLogin), `< ${TARGET.javaScriptKb} KB`, verdict(firstAfterLogin / 1024, TARGET.javaScriptKb));
}

function benchBuildSize(outDir: string): void {
  const assets = join(outDir, "assets");
  const files = readdirSync(assets).filter((name) => name.endsWith(".js"));
  const sizes = files.map((name) => {
    const body = readFileSync(join(assets, name));
    return { name, raw: body.length, gzipped: gzippedSize(body) };
  });
  const raw = sizes.reduce((sum, file) => sum + file.raw, 0);
  const gzipped = sizes.reduce((sum, file) => sum + file.gzipped, 0);
  const largest = [...sizes].sort((a, b) => b.gzipped - a.gzipped).slice(0, 3);
  console.log(
    `  Alle JavaScript-Teile des Builds (dist/assets/*.js): ${files.length} Dateien, ${kilobytes(raw)} roh, ${kilobytes(gzipped)} gzip -9; ` +
      `größte: ${largest.map((file) => `${file.name} ${kilobytes(file.gzipped)}`).join(", ")}`,
  );
  record(`JavaScript aller ${files.length} Teile des Builds (gzip -9)`, kilobytes(gzipped), "zum Vergleich");
}

interface SearchResult {
  term: string;
  /** From the input event to the first status text showing the new count. */
  milliseconds: number;
  /** From the input event to the status's first change (e.g. „Suche läuft …“). */
  firstChangeMs: number;
  status: string;
  /** Every status text after the input, in order. */
  sequence: string[];
}

/** How many synthetic names („Beispiel-Person 00001“ …) contain the term, as the status shows the number. */
function expectedMatches(term: string, total = CLIENT_COUNT): number {
  let count = 0;
  for (let index = 1; index <= total; index++) if (`Beispiel-Person ${String(index).padStart(5, "0")}`.toLowerCase().includes(term.toLowerCase())) count++;
  return count;
}

/** Types the term (one input event) and waits until the status shows its number of matches; undefined after 8 s. */
async function searchOnce(page: Page, term: string): Promise<SearchResult | { term: string; missed: string }> {
  const expected = expectedMatches(term).toLocaleString("de-DE");
  await page.getByLabel("Suche").first().fill(term);
  try {
    await page.waitForFunction(searchSettled, { quietMs: 300, expected }, { polling: 20, timeout: 8_000 });
  } catch {
    const search = (await page.evaluate(READ_SEARCH)) as SearchProbe;
    return { term, missed: `erwartet ${expected}, zuletzt „${search.updates.at(-1)?.text ?? search.text}“` };
  }
  const search = (await page.evaluate(READ_SEARCH)) as SearchProbe;
  const final = search.updates[search.updates.length - 1]!;
  const firstShown = search.updates.find((update) => update.text === final.text)!;
  return { term, milliseconds: firstShown.at - search.inputAt!, firstChangeMs: search.updates[0]!.at - search.inputAt!, status: final.text, sequence: search.updates.map((update) => `${Math.round(update.at - search.inputAt!)} ms „${update.text}“`) };
}

/** Clears the search field and waits until the list shows everyone again (not measured). */
async function clearSearch(page: Page): Promise<void> {
  await page.getByLabel("Suche").first().fill("");
  await page.waitForFunction(searchSettled, { quietMs: 200, expected: CLIENT_COUNT.toLocaleString("de-DE") }, { polling: 20, timeout: 8_000 }).catch(() => undefined);
}

async function benchClientList(browser: Browser, address: string): Promise<void> {
  console.log(`\nKlientenliste mit ${CLIENT_COUNT.toLocaleString("de-DE")} Klient:innen (synthetischer Träger ${WEB_BENCH_LEITUNG.organisationId}, angemeldet als dessen Leitung)`);
  const { context, page } = await openFreshPage(browser);
  try {
    await context.addInitScript(INIT_SCRIPT);
    await page.goto(`${address}/`);
    await page.waitForFunction(loginFormReady);
    await logInThroughForm(page, WEB_BENCH_LEITUNG.login, WEB_BENCH_LEITUNG.password);
    await page.waitForFunction(overviewReady, undefined, { timeout: 30_000 });
    const overviewLoaded = await page.waitForFunction(overviewLoadedReady, undefined, { polling: 50, timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    const loginMarks = (await page.evaluate(READ_MARKS)) as PageMarks;
    const overviewRows = (await page.evaluate(READ_MAIN_ROWS)) as number;
    const overviewMs = overviewLoaded ? loginMarks.overviewLoaded! - loginMarks.submit! : NaN;
    console.log(
      `  Übersicht dieses Trägers nach der Anmeldung mit Daten (ohne Ladehinweis): ${overviewLoaded ? milliseconds(overviewMs) : "nach 30 s noch nicht"} ab Absenden, ` +
        `${overviewRows.toLocaleString("de-DE")} Tabellenzeilen auf einmal gezeigt`,
    );
    record(
      `Übersicht bei ${CLIENT_COUNT.toLocaleString("de-DE")} Klient:innen mit Daten (ab Anmelden, ${overviewRows.toLocaleString("de-DE")} Zeilen)`,
      milliseconds(overviewMs),
      `< ${milliseconds(TARGET.interactiveMs)}`,
      verdict(overviewMs, TARGET.interactiveMs),
    );
    const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });

    /** Where the page was changing: long tasks are told apart by the change they fall in. */
    const listWindows: Array<[number, number]> = [];
    const openList = async (): Promise<number | undefined> => {
      // The Übersicht first gets its data, so that the measured change starts from a page at rest.
      await page.waitForFunction(pageLoaded, undefined, { polling: 50, timeout: 30_000 }).catch(() => undefined);
      await page.evaluate(RESET_NAVIGATION_MARKS);
      await navigation.getByRole("link", { name: "Klient:innen" }).click();
      try {
        await page.waitForFunction(clientRowsReady, undefined, { polling: 10, timeout: 15_000 });
      } catch {
        return undefined;
      }
      const marks = (await page.evaluate(READ_MARKS)) as PageMarks;
      listWindows.push([marks.linkClick!, marks.clientRows!]);
      return marks.clientRows! - marks.linkClick!;
    };
    /** Between two openings: the Vereinbarungen (a page whose size does not grow with the clients). */
    const leaveList = async () => {
      await page.evaluate(RESET_NAVIGATION_MARKS);
      await navigation.getByRole("link", { name: "Vereinbarungen" }).click();
      await page.waitForFunction(leftClientList, undefined, { polling: 20 });
    };

    const first = await openList();
    const hasSearch = (await page.getByLabel("Suche").count()) > 0;
    if (first === undefined || !hasSearch) {
      const reason = first === undefined ? "keine Tabellenzeilen nach 15 s" : "kein Suchfeld „Suche“";
      console.log(`  Klientenliste noch nicht vorhanden (${reason} unter /klienten; die Seite zeigt „${(await page.evaluate(READ_MAIN_TEXT)) as string}“); nicht gemessen`);
      record("Klientenliste", "Klientenliste noch nicht vorhanden", "", "nicht gemessen");
      return;
    }
    const shownRows = (await page.evaluate(READ_CLIENT_ROWS)) as number;
    const initialStatus = (await page.evaluate(READ_STATUS)) as string;
    const again: number[] = [];
    for (let index = 0; index < LIST_NAVIGATIONS; index++) {
      await leaveList();
      const time = await openList();
      if (time !== undefined) again.push(time);
    }
    console.log(
      `  Erste Zeilen nach Klick auf „Klient:innen“: ${milliseconds(first)} beim ersten Mal (von der Übersicht, Seite noch nicht geladen), ${milliseconds(median(again))} Median von ${again.length} weiteren (von „Vereinbarungen“); ` +
        `${shownRows.toLocaleString("de-DE")} Zeilen gezeigt, Status „${initialStatus}“`,
    );
    record("Klientenliste: erste Zeilen nach Klick (erstes Mal)", milliseconds(first), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(first, TARGET.interactiveMs));
    record(`Klientenliste: erste Zeilen nach Klick (Median von ${again.length} weiteren)`, milliseconds(median(again)), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(median(again), TARGET.interactiveMs));

    const navigationTasks = ((await page.evaluate(READ_LONG_TASKS)) as LongTask[]).filter((task) => task.start >= (loginMarks.submit ?? 0));
    const inList = (task: LongTask) => listWindows.some(([from, to]) => task.start >= from - 5 && task.start <= to);
    const longestNavigationTask = Math.max(0, ...navigationTasks.filter(inList).map((task) => task.duration));
    const longestOverviewTask = Math.max(0, ...navigationTasks.filter((task) => task.start < listWindows[0]![0]).map((task) => task.duration));
    await page.goto(`${address}/klienten`);
    await page.waitForFunction(clientRowsReady, undefined, { polling: 10, timeout: 15_000 }).catch(() => undefined);
    const direct = ((await page.evaluate(READ_MARKS)) as PageMarks).clientRows;
    console.log(`  /klienten direkt aufgerufen (Seite neu geladen, Cache warm): erste Zeilen ${milliseconds(direct ?? NaN)} ab Navigationsstart`);
    record("Klientenliste direkt aufgerufen: erste Zeilen", milliseconds(direct ?? NaN), `< ${milliseconds(TARGET.interactiveMs)}`, verdict(direct ?? NaN, TARGET.interactiveMs));

    const searchStart = (await page.evaluate("performance.now()")) as number;
    if (!(await page.evaluate(INSTALL_SEARCH_PROBE))) {
      console.log("  Suchfeld „Suche“ nicht gefunden; Suche nicht gemessen");
      return;
    }
    const results: SearchResult[] = [];
    const missed: string[] = [];
    for (const term of SEARCH_TERMS) {
      const result = await searchOnce(page, term);
      if ("missed" in result) missed.push(`„${term}“ (${result.missed})`);
      else results.push(result);
      await clearSearch(page);
    }
    const longTasks = (await page.evaluate(READ_LONG_TASKS)) as LongTask[];
    const longestSearchTask = Math.max(0, ...longTasks.filter((task) => task.start >= searchStart).map((task) => task.duration));
    const longestLoadTask = Math.max(0, ...longTasks.filter((task) => task.start < searchStart).map((task) => task.duration));
    const inputToUpdate = median(results.map((result) => result.milliseconds));
    console.log(
      `  Suche bis Änderung der Trefferzahl (role="status"): ${milliseconds(inputToUpdate)} Median von ${results.length} Begriffen, längste ${milliseconds(Math.max(...results.map((result) => result.milliseconds)))}` +
        (missed.length > 0 ? `; ohne richtige Trefferzahl nach 8 s: ${missed.join(", ")}` : ""),
    );
    for (const result of results) console.log(`    „${result.term}“: ${milliseconds(result.milliseconds)} → „${result.status}“ (Status: ${result.sequence.join(" → ")})`);
    const firstChange = median(results.map((result) => result.firstChangeMs));
    console.log(`  Erste Änderung des Status nach der Eingabe (Rückmeldung, noch ohne Trefferzahl): ${milliseconds(firstChange)} Median`);
    console.log(
      `  Längste Hauptthread-Aufgabe: ${milliseconds(longestSearchTask)} während der Suche, ${milliseconds(longestLoadTask)} beim Direktaufruf, ${milliseconds(longestNavigationTask)} beim Öffnen über die Navigation; ` +
        `auf der Übersicht dieses Trägers nach der Anmeldung ${milliseconds(longestOverviewTask)}`,
    );
    const responsive = inputToUpdate < TARGET.inputToUpdateMs && longestSearchTask <= TARGET.longTaskMs && missed.length === 0;
    record(`Suche bis Trefferzahl (Median von ${results.length})`, milliseconds(inputToUpdate), `< ${TARGET.inputToUpdateMs} ms`, verdict(inputToUpdate, TARGET.inputToUpdateMs));
    record("  erste Änderung des Status (Rückmeldung)", milliseconds(firstChange));
    record("Längste Aufgabe beim Öffnen der Liste", milliseconds(longestNavigationTask), `≤ ${TARGET.longTaskMs} ms`, longestNavigationTask <= TARGET.longTaskMs ? "erreicht" : "verfehlt");
    record(`Längste Aufgabe auf der Übersicht bei ${CLIENT_COUNT.toLocaleString("de-DE")} Klient:innen`, milliseconds(longestOverviewTask), `≤ ${TARGET.longTaskMs} ms`, longestOverviewTask <= TARGET.longTaskMs ? "erreicht" : "verfehlt");
    record("Längste Aufgabe während der Suche", milliseconds(longestSearchTask), `≤ ${TARGET.longTaskMs} ms`, longestSearchTask <= TARGET.longTaskMs ? "erreicht" : "verfehlt");
    record(`Liste mit ${CLIENT_COUNT.toLocaleString("de-DE")} Klient:innen reaktionsfähig`, responsive ? "ja" : "nein", "ja", responsive ? "erreicht" : "verfehlt");
  } finally {
    await context.close();
  }
}

async function benchWith(label: string, environment: Record<string, string>, outDir: string): Promise<void> {
  console.log(`\nServer ${label}: Demo-Träger (50 Klient:innen) und synthetischer Träger mit ${CLIENT_COUNT.toLocaleString("de-DE")} Klient:innen`);
  let server: WebBenchServer | undefined;
  let browser: Browser | undefined;
  try {
    const starting = performance.now();
    server = await startWebBenchServer({ ...environment, WEB_BENCH_ROOT: outDir, WEB_BENCH_CLIENTS: String(CLIENT_COUNT) });
    const { ready } = server;
    const pid = server.child.pid!;
    const startup = memoryOf(pid);
    const reset = resetPeakMemory(pid);
    console.log(
      `  bereit nach ${seconds((performance.now() - starting) / 1000)} (startServer ${seconds(ready.startSeconds)}${ready.demoLoaded ? ", Demo geladen" : ""}; ` +
        `synthetischer Träger: ${ready.provider.clients.toLocaleString("de-DE")} Klient:innen, ${ready.provider.entries.toLocaleString("de-DE")} Leistungseinträge in ${seconds(ready.provider.seconds)}); ` +
        `Speicher nach dem Laden ${startup ? `${startup.current.toFixed(0)} MB, Spitze beim Laden ${startup.peak.toFixed(0)} MB` : "unbekannt"}`,
    );
    browser = await launchChromium();
    await benchFirstPage(browser, ready.address);
    await benchClientList(browser, ready.address);
    const memory = memoryOf(pid);
    if (memory) {
      console.log(`\n  Speicher des Servers: Spitze ${memory.peak.toFixed(0)} MB ${reset ? "während der Messungen (VmHWM nach dem Laden zurückgesetzt)" : "(VmHWM seit Prozessstart)"}, zuletzt ${memory.current.toFixed(0)} MB`);
      record(`Speicher des Servers (Spitze ${reset ? "beim Bedienen" : "seit Start"})`, `${memory.peak.toFixed(0)} MB`);
      if (startup) record("Speicher des Servers (Spitze beim Laden der Daten)", `${startup.peak.toFixed(0)} MB`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await stopWebBenchServer(server);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`\nWeb: übersprungen – kein Chromium unter ${CHROMIUM_PATH} (Debian: apt-get install chromium; .ci/run installiert es)`);
    return;
  }
  const directory = mkdtempSync(join(tmpdir(), "teilhabe-web-bench-"));
  const load = loadavg().map((value) => value.toFixed(2).replace(".", ",")).join(" / ");
  console.log(`\nWebanwendung (Chromium ${CHROMIUM_PATH}; Rechnerlast vorher ${load} über 1/5/15 min)`);
  try {
    const outDir = join(directory, "web");
    const building = performance.now();
    await buildWebApp({ outDir, force: true });
    const buildSeconds = (performance.now() - building) / 1000;
    console.log(`  Build (Vite) in ${seconds(buildSeconds)}`);
    record("Build der Webanwendung (Vite)", seconds(buildSeconds));
    benchBuildSize(outDir);

    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      await benchWith("eingebettet (PGlite, Datenordner im Temp-Ordner)", { TEILHABE_DATA_DIR: join(directory, "data"), DATABASE_URL: "" }, outDir);
      return;
    }
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${WEB_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${WEB_DATABASE}`);
      const benchUrl = new URL(databaseUrl);
      benchUrl.pathname = `/${WEB_DATABASE}`;
      await benchWith(`PostgreSQL (${benchUrl.host}, Datenbank ${WEB_DATABASE})`, { DATABASE_URL: benchUrl.toString() }, outDir);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${WEB_DATABASE} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const started = performance.now();
try {
  await main();
} catch (error) {
  // A missed target never fails the run; a broken measurement does (after printing what was measured).
  console.log(`\nWeb-Messung abgebrochen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
if (rows.length > 0) {
  console.log(`\nWebanwendung – Übersicht der Messwerte (${seconds((performance.now() - started) / 1000)} insgesamt)`);
  console.log(formatTable(["Messgröße", "Wert", "Ziel", "Ergebnis"], rows.map((row) => [row.label, row.value, row.target, row.result]), [1]));
}
