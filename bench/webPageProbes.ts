/**
 * What the web benchmark runs inside the page, as plain JavaScript text (functions compiled by tsx would carry
 * its helpers, which do not exist in the page). The init script runs before the application's own scripts in
 * every document: it records long main-thread tasks (PerformanceObserver "longtask") and, through a
 * MutationObserver, the moment (performance.now(), milliseconds since the navigation started) the log-in form
 * is interactive, the Übersicht's h1 is shown and the client list shows its first rows; and the moment of the
 * last form submit and the last link click. Everything lands in `window.__webBench`.
 */

export interface PageMarks {
  loginForm?: number;
  overview?: number;
  /** The Übersicht shown without a loading note (its data is there). */
  overviewLoaded?: number;
  clientRows?: number;
  submit?: number;
  linkClick?: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface SearchUpdate {
  at: number;
  text: string;
}

export interface SearchProbe {
  inputAt?: number;
  value?: string;
  text: string;
  updates: SearchUpdate[];
}

const HELPERS = String.raw`
  const labelledInput = (text) => Array.from(document.querySelectorAll("input")).find((input) => Array.from(input.labels || []).some((label) => (label.textContent || "").trim().startsWith(text)));
  const shown = (element) => Boolean(element) && !element.disabled && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  // While the router changes pages the old page and the new one are both in the document: one h1 only counts.
  const headingText = () => { const headings = Array.from(document.querySelectorAll("h1")).filter(shown); return headings.length === 1 ? (headings[0].textContent || "").trim() : ""; };
  const clientTables = () => Array.from(document.querySelectorAll("main table")).filter((table) => table.caption && (table.caption.textContent || "").trim().startsWith("Klient"));
  const clientRowCount = () => clientTables().reduce((sum, table) => sum + table.querySelectorAll("tbody tr").length, 0);
  const loading = () => Array.from(document.querySelectorAll("main [role=status]")).some((element) => /geladen|läuft/i.test(element.textContent || ""));
  const statusText = () => Array.from(document.querySelectorAll("main [role=status]")).map((element) => (element.textContent || "").trim()).join(" | ");
`;

export const INIT_SCRIPT = String.raw`(() => {
  ${HELPERS}
  const bench = (window.__webBench = { marks: {}, longTasks: [], search: null });
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration }); }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }
  const check = () => {
    const now = performance.now();
    const marks = bench.marks;
    if (marks.loginForm === undefined && shown(labelledInput("Anmeldename (E-Mail)"))) marks.loginForm = now;
    const heading = headingText();
    if (marks.overview === undefined && heading.startsWith("Übersicht")) marks.overview = now;
    if (marks.overview !== undefined && marks.overviewLoaded === undefined && heading.startsWith("Übersicht") && !loading()) marks.overviewLoaded = now;
    if (marks.clientRows === undefined && heading.startsWith("Klient") && clientRowCount() > 0) marks.clientRows = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("submit", () => { bench.marks.submit = performance.now(); }, true);
  document.addEventListener("click", (event) => { if (event.target && event.target.closest && event.target.closest("a")) bench.marks.linkClick = performance.now(); }, true);
})();`;

/** Forgets the marks of the page changes measured next (the client list, the Übersicht). */
export const RESET_NAVIGATION_MARKS = "(() => { const marks = window.__webBench.marks; delete marks.overview; delete marks.overviewLoaded; delete marks.clientRows; delete marks.linkClick; return true; })()";

export const READ_MARKS = "window.__webBench.marks";
export const READ_LONG_TASKS = "window.__webBench.longTasks";
export const READ_CLIENT_ROWS = String.raw`(() => { ${HELPERS} return clientRowCount(); })()`;
/** What the page's main region says (for the message when the list does not appear). */
export const READ_MAIN_TEXT = "((document.querySelector('main') || document.body).innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 300)";
/** Rows of all tables in the main region (what a page renders at once). */
export const READ_MAIN_ROWS = "document.querySelectorAll('main tbody tr').length";
export const READ_STATUS = String.raw`(() => { ${HELPERS} return statusText(); })()`;

/** The page's globals the predicates below read (they run in the page, where the CSP forbids evaluating text). */
interface BenchGlobal {
  __webBench?: { marks: PageMarks; search: SearchProbe | null };
  performance: { now(): number };
}

// Each predicate is sent to the page as its own source text: no references outside its body.
/** The log-in form's first field is shown and enabled in this document. */
export const loginFormReady = () => (globalThis as unknown as BenchGlobal).__webBench?.marks.loginForm !== undefined;
export const overviewReady = () => (globalThis as unknown as BenchGlobal).__webBench?.marks.overview !== undefined;
/** No status region of the page says it is still loading (the page before a measured change has its data). */
export const pageLoaded = () => {
  const page = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } };
  return !Array.from(page.document.querySelectorAll("main [role=status]")).some((element) => /geladen|läuft/i.test(element.textContent ?? ""));
};
/** One h1 is shown and it is not the client list's: the page navigated away from the list. */
export const leftClientList = () => {
  const page = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getClientRects(): ArrayLike<unknown> }> } };
  const headings = Array.from(page.document.querySelectorAll("h1")).filter((heading) => heading.getClientRects().length > 0);
  return headings.length === 1 && !(headings[0]!.textContent ?? "").trim().startsWith("Klient");
};
export const overviewLoadedReady = () => (globalThis as unknown as BenchGlobal).__webBench?.marks.overviewLoaded !== undefined;
export const clientRowsReady = () => (globalThis as unknown as BenchGlobal).__webBench?.marks.clientRows !== undefined;

/**
 * Watches the field labelled „Suche…“ and the page's role="status" regions: each input event starts a
 * measurement, each change of the status text after it is recorded. Returns false when there is no such field.
 */
export const INSTALL_SEARCH_PROBE = String.raw`(() => {
  ${HELPERS}
  const input = labelledInput("Suche");
  if (!input) return false;
  const search = (window.__webBench.search = { inputAt: undefined, value: undefined, text: statusText(), updates: [] });
  input.addEventListener("input", () => { search.inputAt = performance.now(); search.value = input.value; search.updates = []; search.text = statusText(); }, true);
  new MutationObserver(() => {
    const text = statusText();
    if (text !== search.text) { search.text = text; search.updates.push({ at: performance.now(), text }); }
  }).observe(document.querySelector("main") || document.body, { subtree: true, childList: true, characterData: true });
  return true;
})()`;

/**
 * The status shows `expected` (the number of matches, as de-DE text; "0" also accepts „Keine …“) as a number of
 * its own, after the last input, and has stayed the same for `quietMs`. A loading note or the previous count still
 * shown while the new page loads is not the answer.
 */
export const searchSettled = ({ quietMs, expected }: { quietMs: number; expected: string }) => {
  const search = (globalThis as unknown as BenchGlobal).__webBench?.search;
  if (!search || search.inputAt === undefined || search.updates.length === 0) return false;
  const last = search.updates[search.updates.length - 1]!;
  const numbers = last.text.split(/[^\d.]+/).filter((part) => part !== "");
  const shows = numbers.includes(expected) || (expected === "0" && /keine?\b/i.test(last.text));
  return shows && (globalThis as unknown as BenchGlobal).performance.now() - last.at >= quietMs;
};

export const READ_SEARCH = "window.__webBench.search";
