/**
 * The clerk's month in a real browser: the Verwaltung logs in, starts the run for March 2026 (a start while a run
 * of the month is going is refused with the server's German message), reviews the draft lines of the Bremen payer (amount,
 * unit price, rule id and clause exactly as the API gives them, in German format) and a hold with its reason and
 * release, issues the run after a confirmation, and downloads an invoice PDF with the session cookie.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { guardBillingMonth } from "../../server/billing/billingMonthLock.ts";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BREMEN = "demo-kostentraeger-bremen";

/** "448143.50" → „448.143,50 €“, written out here so the test does not reuse the page's formatter. */
function euros(decimal: string): string {
  const [whole, fraction] = decimal.split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction} €`;
}

const MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

/** "2026-03" → „März 2026“. */
function germanMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** An ISO timestamp as the clerk reads it in Bremen: „15.04.2026, 11:05“ (null: „–“). */
function berlinTime(iso: string | null): string {
  if (iso === null) return "–";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year}, ${parts.hour}:${parts.minute}`;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describeInBrowser("Abrechnung: a clerk runs, reviews and issues March 2026", () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** The API with the page's session cookie (and its CSRF token for changes). */
  async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const session = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as Json;
    const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { "x-csrf-token": session.csrfToken, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { data: JSON.stringify(body) } : {}),
    });
    return { status: response.status(), body: await response.json().catch(() => undefined) };
  }

  useBrowserTestFrame(async (frame) => {
    ({ server, browser } = frame);
    ({ context, page } = await openPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  it("starts the run for March 2026; a start while a run of the month is going shows the server's 409 message", { timeout: 60_000 }, async () => {
    await logIn(page, server.baseUrl, "verwaltung");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Abrechnung" }).click();
    await page.getByRole("heading", { level: 1, name: "Abrechnung", exact: true }).waitFor();
    await page.getByText("Noch kein Abrechnungslauf.").waitFor();
    await page.getByLabel("Abrechnungsmonat").fill("2026-03");

    // A run of the month already going (this process holds the month, as a running run does; on the embedded
    // database a second HTTP run would only queue behind the first): the page shows the server's 409 refusal.
    let finishRun: () => void = () => undefined;
    const going = guardBillingMonth(DEMO_PROVIDER_ID, "2026-03", () => new Promise<void>((resolve) => (finishRun = resolve)));
    try {
      await page.getByRole("button", { name: "Abrechnungslauf starten" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: "Abrechnungslauf nicht gestartet" });
      await expect.poll(() => refusal.textContent()).toContain("Für 2026-03 läuft bereits ein Abrechnungslauf; bitte warten und erneut versuchen");
      expect((await api("GET", "/billing-runs?month=2026-03")).body.items).toEqual([]);
    } finally {
      finishRun();
      await going;
    }

    // Started again from the page: the draft of the month is replaced; the page shows the API's totals.
    await page.getByRole("button", { name: "Abrechnungslauf starten" }).click();
    const result = page.getByRole("status").filter({ hasText: "Abrechnungslauf März 2026 berechnet" });
    await result.waitFor();
    const runs = (await api("GET", "/billing-runs?month=2026-03")).body.items;
    expect(runs).toHaveLength(1);
    const { totals } = (await api("GET", `/billing-runs/${runs[0].id}`)).body;
    expect(totals.invoiceCount).toBe(2);
    // The list gives the run's totals itself, and its timestamps as ISO 8601.
    expect(runs[0].totals).toEqual(totals);
    expect([runs[0].computedAt, runs[0].createdAt]).toEqual([expect.stringMatching(ISO_TIMESTAMP), expect.stringMatching(ISO_TIMESTAMP)]);
    const total = euros(totals.total);
    const held = euros(totals.held);
    await expect.poll(() => result.textContent()).toContain(`2 Rechnungsentwürfe über ${total}, ${totals.holdCount} Rückhalte (${held} angehalten).`);
    const row = page.getByRole("row").filter({ hasText: "März 2026" });
    await row.getByText(total).waitFor();
    await expect.poll(() => row.locator("td, th").allTextContents()).toEqual(["März 2026", "Entwurf", berlinTime(runs[0].computedAt), "–", "50", "2", total, `${totals.holdCount} (${held})`]);
    await expectNoAccessibilityViolations(page, "Abrechnung");
    await saveScreenshot(page, "abrechnung");
  });

  it("reviews the Bremen draft: a line's amount, unit price, rule and clause, and a hold with reason and release", { timeout: 60_000 }, async () => {
    await page.getByRole("link", { name: "Abrechnungslauf März 2026 prüfen" }).click();
    await page.getByRole("heading", { level: 1, name: "Abrechnungslauf März 2026" }).waitFor();

    const runId = (await api("GET", "/billing-runs?month=2026-03")).body.items[0].id;
    const run = (await api("GET", `/billing-runs/${runId}`)).body;
    const bremenInvoice = run.invoices.find((invoice: Json) => invoice.payerId === BREMEN);
    const invoice = (await api("GET", `/invoices/${bremenInvoice.id}`)).body;
    // The demo's continuation of the daily rate during an absence (A4 § 5.2): 3 days × 1.446,38 €.
    const line = invoice.lines.find((candidate: Json) => candidate.ruleId === "A4-R08" && candidate.caseId === "demo-F-005");
    expect(line).toMatchObject({ quantity: "3", unit: "absenceDay", unitPrice: "1446.38", amountCents: 433914, amount: "4339.14", source: { clause: "§ 5.2" } });
    expect(line.policies).toEqual([{ decision: "D04", option: "one", origin: "default" }]);

    const bremen = page.getByRole("region", { name: "Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel)", exact: true });
    await expect.poll(() => bremen.textContent()).toContain(`Berechnet: ${euros(bremenInvoice.total)}.`);
    await bremen.locator("summary", { hasText: `Positionen (${bremenInvoice.lineCount})` }).click();
    const lineRow = bremen.getByRole("row").filter({ hasText: line.label }).filter({ hasText: line.clientId });
    await lineRow.waitFor();
    const cells = await lineRow.locator("td, th").allTextContents();
    expect(cells[0]).toBe(String(line.position));
    expect(cells[3]).toBe("3 Abwesenheitstage");
    expect(cells[4]).toBe("1.446,38 €");
    expect(cells[5]).toBe("4.339,14 €");
    expect(cells[6]).toBe(`Regel ${line.ruleId} · ${line.source.clause}D04 Urlaub unmittelbar gefolgt von Krankheit: eine Unterbrechung (ein 30-Tage-Zähler) (Option one, Voreinstellung)`);
    expect(cells[7]).toBe(line.costCoverageFileReference);
    await expect.poll(() => bremen.getByRole("row").filter({ hasText: `Summe (${invoice.lines.length} Positionen)` }).textContent()).toContain(euros(invoice.total));

    // A hold of Bremen: the missing cost coverage, with the release the engine names and the held amount.
    const hold = run.holds.find((candidate: Json) => candidate.payerId === BREMEN && candidate.code === "noCostCoverage");
    expect(hold).toMatchObject({ caseId: "demo-F-025", amount: "21695.70", ruleId: "A4-R06", source: { clause: "§§ 5.7, 5.10" } });
    const holdRow = bremen.getByRole("row").filter({ hasText: hold.message });
    await holdRow.waitFor();
    const holdCells = await holdRow.locator("td, th").allTextContents();
    expect(holdCells.slice(1)).toEqual([
      "angehalten keine Kostenübernahmeerklärung für 5.1 am Leistungsdatum",
      "Kostenübernahme des Trägers für diesen Zeitraum erfassen (auch rückwirkend)",
      "Regel A4-R06 · §§ 5.7, 5.10",
      "17.03.2026 – 31.03.2026",
      "15 Leistungstage",
      "21.695,70 €",
    ]);
    // A missing agreement input is named and leads to the provider's agreement where it is filled in.
    const inputHold = run.holds.find((candidate: Json) => candidate.inputId === "P-A1-09");
    expect([inputHold.ruleId, inputHold.agreementId, inputHold.agreementInstanceId]).toEqual(["A1-R14", "A1-beispiel", "demo-A1"]);
    const hannover = page.getByRole("region", { name: "Region Hannover, Fachbereich Soziales (Beispiel)", exact: true });
    const inputLink = hannover.getByRole("row").filter({ hasText: inputHold.caseId }).getByRole("link", { name: "Eingabe P-A1-09 in der Vereinbarung erfassen" });
    // The link goes straight to the input's card on the agreement page.
    await expect.poll(() => inputLink.getAttribute("href")).toBe("/vereinbarungen/demo-A1#eingabe-P-A1-09");

    await expectNoAccessibilityViolations(page, "Abrechnungslauf");
    await saveScreenshot(page, "abrechnungslauf");
  });

  it("issues the run after confirming, then downloads the Bremen invoice as PDF with the session cookie", { timeout: 60_000 }, async () => {
    const runId = (await api("GET", "/billing-runs?month=2026-03")).body.items[0].id;
    const { totals } = (await api("GET", `/billing-runs/${runId}`)).body;
    await page.getByRole("button", { name: "Abrechnungslauf ausstellen …" }).click();
    const dialog = page.getByRole("dialog", { name: "Abrechnungslauf März 2026 ausstellen?" });
    await expect.poll(() => dialog.textContent()).toContain(`2 Rechnungen über zusammen ${euros(totals.total)} erhalten eine Rechnungsnummer`);
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await api("GET", "/billing-runs?month=2026-03&state=draft")).body.items).toHaveLength(1);

    await page.getByRole("button", { name: "Abrechnungslauf ausstellen …" }).click();
    await dialog.getByRole("button", { name: "Jetzt ausstellen" }).click();
    const issued = page.getByRole("status").filter({ hasText: "Abrechnungslauf ausgestellt" });
    await expect.poll(() => issued.textContent()).toContain(
      "Rechnung 2026-000001 an Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel); Rechnung 2026-000002 an Kommunaler Sozialverband Sachsen, Standort Leipzig (Beispiel).",
    );
    const bremen = page.getByRole("region", { name: "Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel)", exact: true });
    await expect.poll(() => bremen.getByRole("heading", { name: "Rechnung 2026-000001" }).isVisible()).toBe(true);
    await expect.poll(() => bremen.textContent()).toContain("ausgestellt am 15.04.2026");

    const pdfLink = bremen.getByRole("link", { name: "PDF 2026-000001" });
    const href = await pdfLink.getAttribute("href");
    const answer = await page.request.get(`${server.baseUrl}${href}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/pdf");
    expect((await answer.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe("Rechnung_2026-000001.pdf");

    // The exports of the issue day: CSV answers; DATEV without its numbers is refused, naming each missing one.
    const csvHref = await page.getByRole("link", { name: "CSV (eine Zeile je Position)" }).getAttribute("href");
    expect(csvHref).toBe("/api/v1/invoice-exports/csv?from=2026-04-15&to=2026-04-15");
    const csv = await page.request.get(`${server.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    await page.locator("summary", { hasText: "DATEV-Buchungsstapel" }).click();
    await page.getByRole("link", { name: "DATEV-Buchungsstapel herunterladen" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Herunterladen nicht möglich" });
    await expect.poll(() => refusal.textContent()).toContain("Beraternummer fehlt");
  });

  it("corrects an issued invoice: a cancellation with the next number and a new draft linked to the original", { timeout: 60_000 }, async () => {
    const saxony = page.getByRole("region", { name: "Kommunaler Sozialverband Sachsen, Standort Leipzig (Beispiel)", exact: true });
    const original = (await api("GET", "/invoices?month=2026-03&payerId=demo-kostentraeger-ksv-sachsen&state=issued")).body.items[0];
    expect(original.number).toBe("2026-000002");
    await saxony.getByRole("button", { name: "Rechnung 2026-000002 korrigieren …" }).click();
    const dialog = page.getByRole("dialog", { name: "Rechnung 2026-000002 korrigieren?" });
    await expect.poll(() => dialog.textContent()).toContain(`über ${euros(original.total)} wird sofort eine Stornorechnung mit eigener Nummer ausgestellt`);
    await dialog.getByRole("button", { name: "Stornieren und neu berechnen" }).click();
    const status = saxony.getByRole("status").filter({ hasText: "Stornorechnung" });
    await expect.poll(() => status.textContent()).toContain(`Stornorechnung 2026-000003 über −${euros(original.total)} ausgestellt.`);
    const replacement = (await api("GET", "/invoices?month=2026-03&payerId=demo-kostentraeger-ksv-sachsen&state=draft")).body.items[0];
    expect(replacement).toMatchObject({ correctsInvoiceId: original.id, total: original.total });
    await status.getByRole("link", { name: `Neuer Entwurf über ${euros(replacement.total)} im Abrechnungslauf prüfen` }).click();
    await page.getByRole("heading", { level: 1, name: "Abrechnungslauf März 2026" }).waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Rechnung (ersetzt eine stornierte Rechnung) (Entwurf)" }).isVisible()).toBe(true);
  });

  it("lists the runs newest first with the totals of each; older runs come page by page", { timeout: 90_000 }, async () => {
    // Eleven runs of months long past (nothing to bill then): with the two of March 2026, one page (12) and one more.
    for (let month = 1; month <= 11; month++) expect((await api("POST", "/billing-runs", { month: `2024-${String(month).padStart(2, "0")}` })).status).toBe(201);
    const all = (await api("GET", "/billing-runs?limit=500")).body.items;
    expect(all.map((item: Json) => [item.month, item.state, item.totals.invoiceCount])).toEqual([
      ["2026-03", "draft", 1],
      ["2026-03", "issued", 2],
      ...[11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((month) => [`2024-${String(month).padStart(2, "0")}`, "draft", 0]),
    ]);
    const cellsOf = (item: Json) => [
      germanMonth(item.month),
      item.state === "issued" ? "ausgestellt" : "Entwurf",
      berlinTime(item.computedAt),
      berlinTime(item.issuedAt),
      String(item.caseCount),
      String(item.totals.invoiceCount),
      euros(item.totals.total),
      `${item.totals.holdCount} (${euros(item.totals.held)})`,
    ];

    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Abrechnung" }).click();
    await page.getByRole("heading", { level: 1, name: "Abrechnung", exact: true }).waitFor();
    const table = page.getByRole("table", { name: "Abrechnungsläufe, neueste zuerst" });
    await table.locator("tbody tr").first().waitFor();
    const rows = () => table.locator("tbody tr").evaluateAll((elements) => elements.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent ?? "")));
    await expect.poll(() => rows()).toEqual(all.slice(0, 12).map(cellsOf));
    await page.getByRole("button", { name: "Ältere Läufe anzeigen" }).click();
    await page.getByRole("status").filter({ hasText: "13 Abrechnungsläufe angezeigt" }).waitFor();
    await expect.poll(() => rows()).toEqual(all.map(cellsOf));
    expect((await rows()).at(-1)!.slice(0, 2)).toEqual(["Januar 2024", "Entwurf"]);
    await expect.poll(() => page.getByRole("button", { name: "Ältere Läufe anzeigen" }).count()).toBe(0);
    await expectNoAccessibilityViolations(page, "Abrechnung mit allen Läufen");
  });
});
