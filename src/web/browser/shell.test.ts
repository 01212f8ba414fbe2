/**
 * The frame of the web application in a real browser: log-in with a demo account, the navigation of each
 * role, a refused log-in with its German message, log-out, and the log-in page free of accessibility violations.
 */
import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

describeInBrowser("web application frame", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame((frame) => {
    ({ server, browser } = frame);
  });

  it("shows the log-in page in German without accessibility violations, and refuses a wrong password", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/klienten`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Teilhabe – Anmelden");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("de");
    await expectNoAccessibilityViolations(page, "Anmelden");
    await saveScreenshot(page, "anmelden");
    await page.getByLabel("Anmeldename (E-Mail)").fill("leitung@demo-traeger.example");
    await page.getByLabel("Passwort", { exact: true }).fill("falsch");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Anmeldename, Passwort oder Einmalcode");
    await context.close();
  });

  it("gives each role its own navigation, keeps the session over a reload and logs out", async () => {
    const expected: Record<string, string[]> = {
      leitung: ["Übersicht", "Klient:innen", "Dokumentation", "Abrechnung", "Personal", "Vereinbarungen"],
      fachkraft: ["Übersicht", "Klient:innen", "Dokumentation", "Vereinbarungen"],
      payerCaseworker: ["Rechnungen"],
      client: ["Mein Plan"],
    };
    for (const [role, labels] of Object.entries(expected)) {
      const { context, page } = await openPage(browser);
      await logIn(page, server.baseUrl, role as "leitung");
      const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });
      await expect.poll(() => navigation.getByRole("link").allTextContents(), { message: role }).toEqual(labels);
      await page.reload();
      await navigation.waitFor();
      await expect.poll(() => navigation.locator("[aria-current=page]").textContent(), { message: role }).toBe(labels[0]);
      await page.getByRole("button", { name: "Abmelden" }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Sie sind abgemeldet");
      await context.close();
    }
  });

  it("moves the focus to the new page's heading after a click in the navigation, so Tab goes on from the page's top", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Personal" }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Personal");
    await page.keyboard.press("Shift+Tab");
    // Backwards from the heading: the navigation (the page's content comes after the heading).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("nav")?.getAttribute("aria-label"))).toBe("Hauptnavigation");
    await context.close();
  });

  it("answers an unknown address with a page that says so, and an API address never with the application's HTML", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/gibt-es-nicht`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Seite nicht gefunden");
    const response = await fetch(`${server.baseUrl}/api/v1/gibt-es-nicht`, { headers: { accept: "text/html" } });
    // Without a session the API refuses first (401); either way a problem document, not the application's page.
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    await context.close();
  });
});
