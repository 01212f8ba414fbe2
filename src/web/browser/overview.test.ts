/**
 * Übersicht in a real browser over the demo provider (today 2026-04-15): a Leitung sees the overdue A2 quality
 * report with its rule and clause, the demo's open tasks (src/demo/demoTasks.ts), the holds of the March run grouped by reason, the occupancy
 * against the agreed places and the staffing warnings; marks a task done and follows a hold to the billing run.
 * A Fachkraft sees only the tasks of the clients assigned to them (demo-K-003, -008, -013) and no holds, occupancy or staffing.
 */
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

/** A row of a table that contains the text. */
const rowWith = (page: Page, text: string) => page.locator("tr", { hasText: text });
/** A row of the table with the caption that contains the text. */
const rowIn = (page: Page, caption: string, text: string) => page.getByRole("table", { name: caption }).locator("tr", { hasText: text });
const OCCUPANCY = "Laufende Fälle am 15.04.2026 und vereinbarte Plätze";

describeInBrowser("Übersicht", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame((frame) => {
    ({ server, browser } = frame);
  });

  it("shows a Leitung what is due, the holds, the occupancy and the staffing warnings, each leading to where it is resolved", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Übersicht");
    expect(new URL(page.url()).pathname).toBe("/uebersicht");
    await page.getByRole("heading", { name: "Rückhalte, die auf eine Entscheidung warten" }).waitFor();
    await expect.poll(() => page.getByText("Kein Abrechnungslauf hält etwas zurück.").count()).toBe(1);

    // A clerk starts the March run (as on the billing page); the overview then shows its holds.
    const started = await page.evaluate(async () => {
      const session = (await (await fetch("/api/v1/auth/session")).json()) as { csrfToken: string };
      const response = await fetch("/api/v1/billing-runs", { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ month: "2026-03" }) });
      return { status: response.status, id: ((await response.json()) as { id: string }).id };
    });
    expect(started.status).toBe(201);
    await page.reload();
    await page.getByRole("heading", { name: "Abrechnung März 2026 (Entwurf)" }).waitFor();

    const report = rowWith(page, "Qualitätsbericht (mit Bestätigung der Führungszeugnisse) 2025");
    await expect.poll(() => report.locator("td").allInnerTexts()).toEqual([
      "31.03.2026",
      "Überfällig",
      "Qualitätsbericht (mit Bestätigung der Führungszeugnisse) 2025",
      expect.stringContaining("Vereinbarung Assistenz für Menschen mit kognitiver"),
      "A2-R14 · § 7.1",
      "",
    ]);
    const task = rowWith(page, "Hilfeplangespräch vorbereiten");
    await expect.poll(() => task.locator("td").first().innerText()).toBe("10.04.2026");
    await expect.poll(() => task.getByRole("link").textContent()).toBe("Beispiel-Person Clara H.");
    await expect.poll(() => rowWith(page, "Entwicklungsbericht abstimmen").locator("td").nth(1).innerText()).toBe("Bald fällig");
    await expect.poll(() => rowWith(page, "Folgeantrag auf Kostenübernahme").locator("td").allInnerTexts()).toEqual(["17.03.2026", "Überfällig", "Aufgabe: Folgeantrag auf Kostenübernahme beim Kostenträger stellen", "Beispiel-Person Samir P.", "–", "Erledigt"]);

    await expect.poll(() => page.getByText("31 Rückhalte: 24.755,70 € angehalten").count()).toBe(1);
    await expect.poll(() => rowWith(page, "keine Kostenübernahmeerklärung für 5.1 am Leistungsdatum").locator("td").allInnerTexts()).toEqual([
      "keine Kostenübernahmeerklärung für 5.1 am Leistungsdatum",
      "1",
      "21.695,70 €",
      "Kostenübernahme des Trägers für diesen Zeitraum erfassen (auch rückwirkend)",
      "A4-R06 · §§ 5.7, 5.10",
    ]);
    await expect.poll(() => rowIn(page, OCCUPANCY, "Intensivpädagogisches Angebot in einer Besonderen Wohnform").locator("td").allInnerTexts()).toEqual([
      "Intensivpädagogisches Angebot in einer Besonderen Wohnform (Friedehorst, Bremen)",
      "10",
      "10",
      "Voll belegt",
      "A4-R04 · § 2.7",
    ]);
    await expect.poll(() => rowIn(page, OCCUPANCY, "Begleitete Elternschaft").locator("td").nth(2).innerText()).toBe("12\nBeispielwert");
    await expect.poll(() => rowWith(page, "Kein anerkanntes Führungszeugnis erfasst").locator("td").allInnerTexts()).toEqual([
      "Kein anerkanntes Führungszeugnis erfasst\nBeispiel-Fachkraft Heilerziehungspfleger (Bremen) (demo-M-05): kein anerkanntes Führungszeugnis bei Beginn am 01.02.2025: kein Einsatz mit Kontakt zu Leistungsberechtigten",
      "Sperre",
      "1",
      "A2-R12 · § 7.1",
    ]);

    await expectNoAccessibilityViolations(page, "Übersicht (Leitung)");
    await saveScreenshot(page, "uebersicht");

    // Marking a task done here: the row goes, a status message says so.
    await page.getByRole("button", { name: "Erledigt: Entwicklungsbericht abstimmen" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "erledigt" }).textContent()).toBe("Aufgabe „Entwicklungsbericht abstimmen“ ist als erledigt am 15.04.2026 vermerkt.");
    await rowWith(page, "Entwicklungsbericht abstimmen").waitFor({ state: "detached" });

    // A hold leads to its billing run, where it is reviewed and released.
    await page.getByRole("link", { name: "Abrechnungslauf März 2026 prüfen und freigeben" }).click();
    await page.waitForURL(`${server.baseUrl}/abrechnung/${started.id}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await context.close();
  }, 60_000);

  it("shows a Fachkraft only the items of her assigned clients, without holds, occupancy or staffing", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Übersicht");
    const task = rowWith(page, "Hilfeplangespräch vorbereiten");
    await task.waitFor();
    await expect.poll(() => task.getByRole("link").textContent()).toBe("Beispiel-Person Clara H.");
    await expect.poll(() => rowWith(page, "Entwicklungsbericht abstimmen").count()).toBe(0);
    // Her task due in three weeks is among the later ones, drawn when opened.
    await expect.poll(() => rowWith(page, "Fallbesprechung im Team vorbereiten").count()).toBe(0);
    await page.locator("summary", { hasText: "Weitere offene Fristen und Aufgaben" }).click();
    await expect.poll(() => rowWith(page, "Fallbesprechung im Team vorbereiten").getByRole("link").textContent()).toBe("Beispiel-Person Mia A.");
    await expect.poll(() => rowWith(page, "Folgeantrag auf Kostenübernahme").count()).toBe(0);
    await expect.poll(() => page.getByText("Sozial- und Entwicklungsbericht erstellen").count()).toBe(0);
    await expect.poll(() => page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Fristen und Aufgaben"]);
    await expect.poll(() => page.getByText("Ihre zugeordneten Klient:innen", { exact: false }).count()).toBe(1);
    await expectNoAccessibilityViolations(page, "Übersicht (Fachkraft)");
    await context.close();
  }, 60_000);
});
