/**
 * The payer caseworker's view in a real browser: after the provider's Verwaltung has issued March 2026 (through
 * the API, with a real log-in and the CSRF token), the caseworker of the Bremen payer logs in, sees only the
 * invoices addressed to Bremen, opens one and reads a line's rule, clause, policy option and evidence (the
 * days billed and the cost coverage), exactly as the API gives them, and downloads the invoice as PDF.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { hashPassword } from "../../server/access/passwordHash.ts";
import { users } from "../../store/schema/index.ts";
import { apiSessionOf, type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BREMEN = "demo-kostentraeger-bremen";
const BREMEN_NAME = "Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel)";
const SAXONY = "demo-kostentraeger-ksv-sachsen";
const SAXONY_ACCOUNT = { login: "fallmanagement@test-sachsen.example", password: "Test-Sachsen-2026" };
const PROVIDER = { id: "demo-traeger", name: "Beispiel-Träger Teilhabe gGmbH (Demo)", address: { street: "Beispielstraße 12", postalCode: "28195", city: "Bremen", countryCode: "DE" } };

/** "4339.14" → „4.339,14 €“, written out here so the test does not reuse the page's formatter. */
function euros(decimal: string): string {
  const [whole, fraction] = decimal.split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction} €`;
}

/** 150 → „2:30 h“. */
function hoursAndMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")} h`;
}

/** "2026-03-27" → „27.03.2026“. */
function germanDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

describeInBrowser("Kostenträger: the Bremen caseworker reads an invoice line's clause and evidence", () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let issuedRun: Json;
  let bremenInvoice: Json;
  let saxonyInvoice: Json;

  useBrowserTestFrame(async (frame) => {
    ({ server, browser } = frame);
    const api = await apiSessionOf(server.baseUrl, "verwaltung");
    const run = await api("POST", "/billing-runs", { month: "2026-03" });
    expect(run.status).toBe(201);
    const issued = await api("POST", `/billing-runs/${run.body.id}/issue`);
    expect(issued.status).toBe(200);
    issuedRun = issued.body;
    const summary = issuedRun.invoices.find((invoice: Json) => invoice.payerId === BREMEN);
    bremenInvoice = (await api("GET", `/invoices/${summary.id}`)).body;
    saxonyInvoice = (await api("GET", `/invoices/${issuedRun.invoices.find((invoice: Json) => invoice.payerId === SAXONY).id}`)).body;
    // A caseworker of the Saxon payer too (the demo has only Bremen's): the hourly lines of A0 are addressed to Saxony.
    await server.store.db.insert(users).values({
      organisationId: SAXONY,
      id: "test-U-sachsen",
      login: SAXONY_ACCOUNT.login,
      displayName: "Test-Sachbearbeitung Sachsen",
      role: "payerCaseworker",
      passwordHash: await hashPassword(SAXONY_ACCOUNT.password, { cost: 2 ** 10, blockSize: 8, parallelization: 1 }),
    });
    ({ context, page } = await openPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  it("lists only the invoices addressed to Bremen", { timeout: 60_000 }, async () => {
    expect(issuedRun.invoices.map((invoice: Json) => [invoice.number, invoice.payerId])).toEqual([
      ["2026-000001", BREMEN],
      ["2026-000002", SAXONY],
    ]);
    // The provider's name and address come with the invoice; its organisation record stays closed to the payer.
    expect(bremenInvoice.provider).toEqual(PROVIDER);
    await logIn(page, server.baseUrl, "payerCaseworker");
    await page.getByRole("heading", { level: 1, name: "Rechnungen" }).waitFor();
    const table = page.getByRole("table", { name: `1 Rechnung an ${BREMEN_NAME}` });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().locator("td, th").allTextContents()).toEqual([
      "2026-000001",
      "Rechnung",
      "15.04.2026",
      "März 2026",
      PROVIDER.name,
      String(bremenInvoice.lines.length),
      euros(bremenInvoice.total),
    ]);
    await expect.poll(() => page.locator("main").textContent()).not.toContain("2026-000002");
    await expectNoAccessibilityViolations(page, "Rechnungen");
    await saveScreenshot(page, "rechnungen");
  });

  it("opens the invoice and reads a line's rule, clause, decision and evidence; the PDF answers with the session", { timeout: 60_000 }, async () => {
    await page.getByRole("link", { name: "2026-000001" }).click();
    await page.getByRole("heading", { level: 1, name: "Rechnung 2026-000001" }).waitFor();
    const facts = page.locator("main dl").first();
    await facts.getByText("04011000-BEISPIEL1-81").waitFor();
    await expect.poll(() => facts.locator("dt").allTextContents()).toEqual(expect.arrayContaining(["Rechnungsempfänger", "Leitweg-ID", "Rechnungsdatum", "Leistungszeitraum", "Aktenzeichen der Kostenübernahmen"]));
    await expect.poll(() => facts.textContent()).toContain(`Rechnungsempfänger${BREMEN_NAME}Beispielweg 1, 28195 BremenLeitweg-ID04011000-BEISPIEL1-81`);
    await expect.poll(() => facts.textContent()).toContain("Leistungszeitraum01.03.2026 – 31.03.2026 (März 2026)");
    await expect.poll(() => facts.textContent()).toContain(`Leistungserbringer${PROVIDER.name}Beispielstraße 12, 28195 Bremen`);
    expect((await page.request.get(`${server.baseUrl}/api/v1/organisations/${PROVIDER.id}`)).status()).toBe(404);

    // The continuation of the daily rate during an absence (A4 § 5.2), as the API gives it.
    const line = bremenInvoice.lines.find((candidate: Json) => candidate.ruleId === "A4-R08" && candidate.caseId === "demo-F-005");
    expect(line).toMatchObject({ quantity: "3", unitPrice: "1446.38", amount: "4339.14", source: { clause: "§ 5.2" }, costCoverageFileReference: "A4-005/2026 (Beispiel)" });
    expect(line.evidence.dates).toEqual(["2026-03-27", "2026-03-28", "2026-03-29"]);
    const summary = page.locator("summary", { hasText: `Pos. ${line.position} ·` });
    await expect.poll(() => summary.textContent()).toBe(`Pos. ${line.position} · ${line.clientId} · ${line.label} · ${euros(line.amount)}Regel A4-R08 · § 5.2 · 3 Abwesenheitstage × 1.446,38 €`);
    await summary.click();
    const explanation = page.locator("details[open]").filter({ has: summary });
    await explanation.locator("dl > div > dd").last().waitFor();
    const terms = await explanation.locator("dl > div > dt").allTextContents();
    const values = await explanation.locator("dl > div > dd").allTextContents();
    const value = (term: string) => values[terms.indexOf(term)];
    expect(terms).toEqual(["Berechnung", "Leistungszeitraum", "Fall", "Grundlage", "Angewandte Entscheidung", "Nachweise"]);
    expect(value("Berechnung")).toBe("3 Abwesenheitstage × 1.446,38 € = 4.339,14 €");
    expect(value("Leistungszeitraum")).toBe(`${germanDate(line.periodFrom)} – ${germanDate(line.periodTo)}`);
    expect(value("Grundlage")).toBe(`Regel A4-R08 · § 5.2 (Vereinbarung A4, Datei ${line.source.file})„${line.source.quote}“`);
    expect(value("Angewandte Entscheidung")).toBe("D04 Urlaub unmittelbar gefolgt von Krankheit: eine Unterbrechung (ein 30-Tage-Zähler) (Option one, Voreinstellung)");
    const days = explanation.getByRole("list", { name: "Abwesenheitstage (3)" });
    await expect.poll(() => days.getByRole("listitem").allTextContents()).toEqual(["27.03.2026", "28.03.2026", "29.03.2026"]);
    await expect.poll(() => explanation.textContent()).toContain(`Kostenübernahme: Aktenzeichen A4-005/2026 (Beispiel) (${line.evidence.costCoverageIds.join(", ")})`);
    const components = explanation.getByRole("table", { name: "Bestandteile des Satzes" });
    const grundpauschale = line.evidence.components.find((component: Json) => component.name === "Grundpauschale");
    await expect.poll(() => components.getByRole("row").filter({ hasText: "Grundpauschale" }).locator("td, th").allTextContents()).toEqual([
      "Grundpauschale",
      euros(grundpauschale.unitAmount),
      euros(grundpauschale.amount),
    ]);

    // The month's holds for Bremen, which wait for the payer (e.g. a missing cost coverage), are listed too.
    const holds = (await (await page.request.get(`${server.baseUrl}/api/v1/billing-holds?runId=${bremenInvoice.runId}`)).json()).items;
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.every((hold: Json) => hold.payerId === BREMEN)).toBe(true);
    await expect.poll(() => page.getByRole("heading", { name: `Nicht berechnete Leistungen des Monats (${holds.length})` }).isVisible()).toBe(true);

    const href = await page.getByRole("link", { name: "Rechnung als PDF" }).getAttribute("href");
    expect(href).toBe(`/api/v1/invoices/${bremenInvoice.id}/invoice.pdf`);
    const pdf = await page.request.get(`${server.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const xml = await page.request.get(`${server.baseUrl}${await page.getByRole("link", { name: "XRechnung (XML)" }).getAttribute("href")}`);
    expect(xml.status()).toBe(200);
    expect(await xml.text()).toContain("04011000-BEISPIEL1-81");

    await expectNoAccessibilityViolations(page, "Rechnung");
    await saveScreenshot(page, "rechnung");
  });

  it("the Saxon caseworker reads the entries behind an hourly line: each with its date and documented duration", { timeout: 60_000 }, async () => {
    const own = await openPage(browser);
    try {
      const saxonyPage = own.page;
      await saxonyPage.goto(`${server.baseUrl}/`);
      await saxonyPage.getByLabel("Anmeldename (E-Mail)").fill(SAXONY_ACCOUNT.login);
      await saxonyPage.getByLabel("Passwort", { exact: true }).fill(SAXONY_ACCOUNT.password);
      await saxonyPage.getByRole("button", { name: "Anmelden" }).click();
      await saxonyPage.getByRole("heading", { level: 1, name: "Rechnungen" }).waitFor();
      await saxonyPage.getByRole("link", { name: "2026-000002" }).click();
      await saxonyPage.getByRole("heading", { level: 1, name: "Rechnung 2026-000002" }).waitFor();

      // The first hourly line of A0 (Leipzig): its entries as the API gives them, e.g. 19,5 Std. from 10 entries.
      const line = saxonyInvoice.lines[0];
      expect([line.unit, line.evidence.entries.length, line.evidence.entryIds]).toEqual(["hour", line.evidence.entryIds.length, line.evidence.entries.map((entry: Json) => entry.id)]);
      const documented = line.evidence.entries.reduce((sum: number, entry: Json) => sum + entry.minutes, 0);
      expect(documented).toBe(Number(line.quantity) * 60);
      const summary = saxonyPage.locator("summary", { hasText: `Pos. ${line.position} ·` });
      await summary.click();
      const explanation = saxonyPage.locator("details[open]").filter({ has: summary });
      const table = explanation.getByRole("table", { name: `Leistungseinträge (${line.evidence.entries.length}), deren Stunden diese Position bilden` });
      const rows = await table.locator("tbody tr").evaluateAll((elements) => elements.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent ?? "")));
      expect(rows).toEqual([
        ...line.evidence.entries.map((entry: Json) => [germanDate(entry.date), hoursAndMinutes(entry.minutes), entry.id]),
        ["Zusammen dokumentiert", hoursAndMinutes(documented), ""],
      ]);
      expect(rows[0]).toEqual(["02.03.2026", "1:30 h", "demo-F-001/E-2026-03-02-20"]);
      expect(rows.at(-1)).toEqual(["Zusammen dokumentiert", "19:30 h", ""]);
      await expectNoAccessibilityViolations(saxonyPage, "Rechnung mit Stundenposition");
      await saveScreenshot(saxonyPage, "rechnung-stunden");
    } finally {
      await own.context.close();
    }
  });
});
