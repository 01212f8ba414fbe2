/**
 * Mein Plan in a real browser: the demo client (klient@demo-traeger.example, own file demo-K-003) logs in and
 * reads their own plan, goals and services in Leichte Sprache; another client's page shows no data.
 */
import type { Browser, Locator } from "playwright-core";
import { expect, it } from "vitest";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

/** The sentences of an element, one per paragraph. */
async function sentencesOf(locator: Locator): Promise<string[]> {
  return (await locator.locator("p").allTextContents()).map((text) => text.trim());
}

describeInBrowser("Mein Plan", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame((frame) => {
    ({ server, browser } = frame);
  });

  it("shows the client their own plan, goals and services in Leichte Sprache", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "client");
    await page.getByRole("heading", { level: 1, name: "Mein Plan" }).waitFor();
    const main = page.locator("#main");
    await main.getByText("Hallo Beispiel-Person Clara H.").waitFor();
    expect((await sentencesOf(main)).slice(0, 4)).toEqual(["Hallo Beispiel-Person Clara H.", "Das ist Ihr Plan.", "Hier stehen Ihre Ziele.", "Hier steht auch: Das haben wir mit Ihnen gemacht."]);

    const gesamtplan = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Ihr Gesamtplan" }) });
    await expect.poll(() => sentencesOf(gesamtplan)).toEqual(["Ihr Gesamtplan ist vom 23. März 2025.", "Am 23. März 2026 soll der Gesamtplan neu besprochen werden."]);

    const goals = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Ihre Ziele" }) });
    await expect.poll(() => goals.getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Ihr Ziel: Selbstständigkeit im Alltag erweitern (Beispiel)"]);
    await expect.poll(() => sentencesOf(goals)).toEqual([
      "Ihr Hilfeplan ist vom 9. Mai 2025.",
      "In Ihrem Hilfeplan steht 1 Ziel.",
      "Daran arbeiten Sie gerade.",
      "Ein Schritt zu diesem Ziel: Wochenplan gemeinsam aufstellen (Beispiel)",
      "Daran arbeiten Sie gerade.",
    ]);

    // The services, month by month: the newest month open, the older ones to open.
    const services = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Das haben wir mit Ihnen gemacht" }) });
    await expect.poll(() => services.locator("summary").allTextContents()).toEqual(["März 2026", "Februar 2026", "Januar 2026"]);
    const march = services.locator("details").first();
    await expect.poll(() => march.getAttribute("open")).not.toBeNull();
    expect((await sentencesOf(march.locator(".kern-accordion__body"))).slice(0, 2)).toEqual(["Im März 2026 waren wir 16 Mal für Sie da.", "Das sind zusammen 35 Stunden und 30 Minuten."]);
    const entries = march.getByRole("listitem");
    await expect.poll(() => entries.count()).toBe(16);
    await expect.poll(() => sentencesOf(entries.nth(0))).toEqual(["Dienstag, 3. März 2026.", "Von 13:30 Uhr bis 16:00 Uhr.", "Das sind 2 Stunden und 30 Minuten.", "Das haben wir gemacht: Einkauf planen und üben.", "Der Ort: Wohnung."]);
    await expect.poll(() => sentencesOf(entries.nth(6))).toEqual([
      "Mittwoch, 11. März 2026.",
      "Von 16:00 Uhr bis 18:00 Uhr.",
      "Das sind 2 Stunden.",
      "Das haben wir gemacht: Kochgruppe mittwochs.",
      "Der Ort: Räume des Leistungserbringers.",
      "Das war in einer Gruppe.",
    ]);
    await expect.poll(() => sentencesOf(entries.nth(8))).toEqual(["Mittwoch, 18. März 2026.", "Das hat 30 Minuten gedauert.", "Das haben wir gemacht: Tagesplanung per Messenger.", "Wir haben Ihnen über den Messenger geschrieben."]);
    // Large text for reading: the plan's sentences are set at 20 px or more.
    const fontSize = await entries.nth(0).locator("p").first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    await expectNoAccessibilityViolations(page, "Mein Plan");
    await saveScreenshot(page, "mein-plan");

    // An older month opens by keyboard.
    await services.locator("summary", { hasText: "Januar 2026" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => services.locator("details").nth(2).locator(".kern-accordion__body p").first().textContent()).toBe("Im Januar 2026 waren wir 16 Mal für Sie da.");
    await context.close();
  }, 60_000);

  it("does not open another client's file: not found, never its data", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "client");
    await page.goto(`${server.baseUrl}/klienten/demo-K-001`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByText(/nicht gefunden|nicht erlaubt/).first().waitFor();
    const text = (await page.locator("#main").textContent()) ?? "";
    expect(text).not.toContain("Anna P.");
    expect(text).not.toContain("05.07.1994");
    expect(text).not.toContain("Leipzig");
    const status = await page.evaluate(async () => (await fetch("/api/v1/clients/demo-K-001")).status);
    expect(status).toBe(404);
    await context.close();
  }, 60_000);
});
