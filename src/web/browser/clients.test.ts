/**
 * Klient:innen in a real browser over the demo provider (today 2026-04-15): a Leitung searches the directory,
 * opens an unassigned file (giving the reason the dialog asks for) and reads the case, the remaining volume of a
 * cost coverage as the API gives it, a Hilfeplan goal and March's documentation; a cancelled reason leaves the
 * file closed with a message. A Fachkraft sees only the three clients assigned to her.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { clients } from "../../store/schema/index.ts";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

/** The names in the directory's table, in order. */
const listedNames = (page: Page) => page.locator("table.teilhabe-client-table tbody th a").allTextContents();
const resultCount = (page: Page) => page.locator("p.teilhabe-result-count[role=status]");

/** An API answer read with the page's own session (and the reason the Leitung gave). */
async function readApi<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { "x-teilhabe-reason": encodeURIComponent("Test: Werte vergleichen") } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The text of the first element the locator finds (trimmed; "" while there is none). */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? "").trim() : "";
}

/** "12.5" → "12,5 Std." as the page writes hours. */
const germanHours = (hours: string) => `${hours.replace(".", ",")} Std.`;

describeInBrowser("Klient:innen", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame(async (frame) => {
    ({ server, browser } = frame);
    // Twelve more people without a case: 62 in all, so the directory has a second page.
    await server.store.db.insert(clients).values(Array.from({ length: 12 }, (_, index) => ({ organisationId: DEMO_PROVIDER_ID, id: `zusatz-${index}`, name: `Zusatz-Person ${String(index + 1).padStart(2, "0")}` })));
  });

  it("lets a Leitung search and filter the directory, announcing the number of matches", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Klient:innen" }).click();
    await expect.poll(() => textOf(page.getByRole("heading", { level: 1 }))).toBe("Klient:innen");
    await expect.poll(() => textOf(resultCount(page))).toBe("62 Klient:innen gefunden");
    // One page of 50 at a time; "Weitere laden" appends the rest in name order.
    await expect.poll(() => listedNames(page)).toHaveLength(50);
    await page.getByRole("button", { name: "Weitere laden" }).click();
    await expect.poll(async () => (await listedNames(page)).length).toBe(62);
    expect((await listedNames(page)).slice(48)).toEqual(["Beispiel-Person Zeynep M.", "Beispiel-Person Zoe B.", ...Array.from({ length: 12 }, (_, index) => `Zusatz-Person ${String(index + 1).padStart(2, "0")}`)]);
    await expect.poll(() => page.getByRole("button", { name: "Weitere laden" }).count()).toBe(0);
    await page.getByLabel("Zustand").selectOption("none");
    await expect.poll(() => textOf(resultCount(page))).toBe("12 Klient:innen gefunden");
    await page.getByLabel("Zustand").selectOption("");
    // The search field is the first control after the heading (which the shell focuses after a page change).
    await page.evaluate(() => {
      const heading = document.querySelector<HTMLElement>("#main h1")!;
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    });
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("search");
    await page.keyboard.type("ANNA");
    await expect.poll(() => textOf(resultCount(page))).toBe("2 Klient:innen gefunden");
    await expect.poll(() => listedNames(page)).toEqual(["Beispiel-Person Anna P.", "Beispiel-Person Hanna O."]);
    await expectNoAccessibilityViolations(page, "Klient:innen");
    await page.getByLabel("Suche").fill("ann");
    await page.getByLabel("Vereinbarung").selectOption("demo-A2");
    await expect.poll(() => textOf(resultCount(page))).toBe("2 Klient:innen gefunden");
    await expect.poll(() => listedNames(page)).toEqual(["Beispiel-Person Hanna O.", "Beispiel-Person Hannes L."]);
    await page.getByLabel("Suche").fill("gibt es nicht");
    await expect.poll(() => textOf(resultCount(page))).toBe("Keine Klient:innen gefunden");
    await page.getByLabel("Suche").fill("");
    await page.getByLabel("Vereinbarung").selectOption("");
    await expect.poll(() => textOf(resultCount(page))).toBe("62 Klient:innen gefunden");
    await saveScreenshot(page, "klienten");
    await context.close();
  });

  it("asks at once on each keystroke, says „Suche läuft …“ while the answer is out, and the latest term wins", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/klienten`);
    await expect.poll(() => textOf(resultCount(page))).toBe("62 Klient:innen gefunden");
    const expected = (await readApi<{ total: number }>(page, `${server.baseUrl}/api/v1/client-directory?name=Mia&options=false`)).total;
    expect(expected).toBe(1);
    // Every text the status region shows from now on, in order.
    await page.evaluate(() => {
      const region = document.querySelector("p.teilhabe-result-count[role=status]")!;
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => seen.push((region.textContent ?? "").trim())).observe(region, { childList: true, characterData: true, subtree: true });
    });
    // The answers for „Mi“ and „Mia“ are held back until the test lets them go.
    const held = new Map<string, () => void>();
    const aborted: string[] = [];
    page.on("requestfailed", (request) => {
      if (request.url().includes("/client-directory")) aborted.push(new URL(request.url()).searchParams.get("name") ?? "");
    });
    await page.route(/\/api\/v1\/client-directory\?.*name=Mi/, async (route) => {
      const name = new URL(route.request().url()).searchParams.get("name") ?? "";
      await new Promise<void>((release) => held.set(name, release));
      await route.continue().catch(() => undefined);
    });
    const requested: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/client-directory")) requested.push(new URL(request.url()).searchParams.get("name") ?? "");
    });
    await page.getByLabel("Suche").fill("Mi");
    await expect.poll(() => held.has("Mi")).toBe(true);
    await expect.poll(() => textOf(resultCount(page))).toBe("Suche läuft …");
    await page.getByLabel("Suche").fill("Mia");
    await expect.poll(() => held.has("Mia")).toBe(true);
    // The request for „Mi“ is aborted by the newer term; the status still waits.
    await expect.poll(() => aborted).toContain("Mi");
    expect(await textOf(resultCount(page))).toBe("Suche läuft …");
    held.get("Mia")!();
    await expect.poll(() => textOf(resultCount(page))).toBe("1 Klient:in gefunden");
    held.get("Mi")!();
    await page.waitForTimeout(300);
    expect(await textOf(resultCount(page))).toBe("1 Klient:in gefunden");
    await expect.poll(() => listedNames(page)).toEqual(["Beispiel-Person Mia A."]);
    // Each term was asked for once, without waiting for the typing to pause; the old count was never announced.
    expect(requested).toEqual(["Mi", "Mia"]);
    expect(await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts)).toEqual(["Suche läuft …", "1 Klient:in gefunden"]);
    await context.close();
  });

  it("opens an unassigned file after the reason dialog: case, remaining volume, Hilfeplan goal, a month of documentation", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/klienten`);
    await page.getByLabel("Suche").fill("Anna P.");
    await expect.poll(() => textOf(resultCount(page))).toBe("1 Klient:in gefunden");
    await page.getByRole("link", { name: "Beispiel-Person Anna P." }).click();
    const dialog = page.getByRole("dialog", { name: "Grund des Zugriffs" });
    await dialog.getByLabel("Grund").fill("Vertretung für die erkrankte Fachkraft");
    await dialog.getByRole("button", { name: "Akte öffnen" }).click();
    await expect.poll(() => textOf(page.getByRole("heading", { level: 1 }))).toBe("Beispiel-Person Anna P.");
    expect(new URL(page.url()).pathname).toBe("/klienten/demo-K-001");
    // The reason is asked once for the whole file.
    await page.getByRole("heading", { name: "Fälle und Kostenübernahmen" }).waitFor();
    await expect.poll(() => (dialog).isVisible()).toBe(false);

    const volume = await readApi<{ month: string; cases: Array<{ caseId: string; coverages: Array<{ id: string; remainingHours: string | null; billedHours: string }> }> }>(
      page,
      `${server.baseUrl}/api/v1/clients/demo-K-001/volume?month=2026-03`,
    );
    const coverage = volume.cases[0]!.coverages[0]!;
    // 25 hours approved for March, 19.5 billed: 5.5 remain (the page shows the API's figures in German).
    expect(coverage).toMatchObject({ billedHours: "19.5", remainingHours: "5.5" });
    const caseCard = page.locator("section.teilhabe-case-card").first();
    await expect.poll(() => textOf(caseCard.getByRole("heading", { level: 3 }))).toContain("Begleitete Elternschaft");
    await (caseCard.getByText("01.12.2025").first()).waitFor({ state: "visible" });
    const coverageRow = caseCard.locator(`tr[data-coverage="${coverage.id}"]`);
    await expect.poll(() => textOf(coverageRow.locator("td").nth(1))).toBe("25 Std. je Monat");
    await expect.poll(() => textOf(coverageRow.locator("td").nth(2))).toBe(germanHours(coverage.billedHours));
    await expect.poll(() => textOf(coverageRow.locator("td").nth(3))).toBe(germanHours(coverage.remainingHours!));
    expect(germanHours(coverage.remainingHours!)).toBe("5,5 Std.");
    await expect.poll(() => textOf(caseCard.getByRole("table", { name: /^Fristen:/ }))).toContain("Sozial- und Entwicklungsbericht erstellen");
    await expect.poll(() => textOf(caseCard.getByRole("table", { name: /^Fristen:/ }))).toContain("Regel A0-R13");

    await (page.getByText("Selbstständigkeit im Alltag erweitern (Beispiel)").first()).waitFor({ state: "visible" });

    const month = await readApi<{ cases: Array<{ entries: Array<{ minutes?: number }> }> }>(page, `${server.baseUrl}/api/v1/clients/demo-K-001/month/2026-03`);
    const entries = month.cases[0]!.entries;
    expect(entries.length).toBeGreaterThan(0);
    await (page.getByRole("heading", { name: "Dokumentation im März 2026" })).waitFor({ state: "visible" });
    await (page.getByRole("table", { name: new RegExp(`^Leistungen im März 2026: ${entries.length} Einträge`) })).waitFor({ state: "visible" });
    const entryRow = page.getByRole("table", { name: /^Leistungen im März 2026/ }).locator("tr", { hasText: "02.03.2026" });
    await expect.poll(() => entryRow.locator("td").allTextContents()).toEqual(["14:15–15:45", "1:30 h", "direkt, persönlich, einzeln", "–"]);
    await expect.poll(() => (page.getByRole("link", { name: "Leistung dokumentieren" })).getAttribute("href")).toBe("/dokumentation?klient=demo-K-001");

    // Another month by the picker: February's documentation.
    await page.getByRole("button", { name: "Vormonat" }).click();
    await (page.getByRole("heading", { name: "Dokumentation im Februar 2026" })).waitFor({ state: "visible" });
    await page.getByRole("table", { name: /^Leistungen im Februar 2026:/ }).waitFor();
    await page.getByRole("button", { name: "Folgemonat" }).click();
    await page.getByRole("table", { name: /^Leistungen im März 2026:/ }).waitFor();
    await expectNoAccessibilityViolations(page, "Klient:in");
    await saveScreenshot(page, "klient");
    // Back to the list: the search is kept in the address.
    await page.goBack();
    await expect.poll(() => page.getByLabel("Suche").inputValue()).toBe("Anna P.");
    expect(new URL(page.url()).search).toBe("?suche=Anna+P.");
    await expect.poll(() => textOf(resultCount(page))).toBe("1 Klient:in gefunden");
    await context.close();
  });

  it("leaves the file closed with a German message when the Leitung cancels the reason", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/klienten/demo-K-002`);
    const dialog = page.getByRole("dialog", { name: "Grund des Zugriffs" });
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await expect.poll(() => textOf(page.getByRole("alert"))).toContain("Akte nicht geöffnet");
    await expect.poll(() => textOf(page.getByRole("alert"))).toContain("Ohne einen Grund für den Zugriff wird sie nicht geöffnet");
    await expect.poll(() => (page.getByRole("heading", { name: "Fälle und Kostenübernahmen" })).count()).toBe(0);
    await page.getByRole("button", { name: "Grund angeben und Akte öffnen" }).click();
    await dialog.getByLabel("Grund").fill("Rückfrage des Leistungsträgers");
    await dialog.getByRole("button", { name: "Akte öffnen" }).click();
    await expect.poll(() => textOf(page.getByRole("heading", { level: 1 }))).toBe("Beispiel-Person Ben R.");
    await context.close();
  });

  it("shows a Fachkraft only the clients assigned to her, and opens their file without a reason", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await page.goto(`${server.baseUrl}/klienten`);
    await expect.poll(() => textOf(resultCount(page))).toBe("3 Klient:innen gefunden");
    await expect.poll(() => listedNames(page)).toEqual(["Beispiel-Person Clara H.", "Beispiel-Person Hannes L.", "Beispiel-Person Mia A."]);
    await page.getByLabel("Suche").fill("anna");
    await expect.poll(() => textOf(resultCount(page))).toBe("Keine Klient:innen gefunden");
    await page.getByLabel("Suche").fill("");
    await page.getByRole("link", { name: "Beispiel-Person Clara H." }).click();
    await expect.poll(() => textOf(page.getByRole("heading", { level: 1 }))).toBe("Beispiel-Person Clara H.");
    await page.getByRole("heading", { name: "Fälle und Kostenübernahmen" }).waitFor();
    await expect.poll(() => (page.getByRole("dialog", { name: "Grund des Zugriffs" })).isVisible()).toBe(false);
    await page.goto(`${server.baseUrl}/klienten/demo-K-001`);
    await expect.poll(() => textOf(page.getByRole("alert"))).toContain("Klient:in nicht gefunden");
    await context.close();
  });
});
