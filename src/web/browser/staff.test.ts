/**
 * Personal in a real browser over the demo provider (today 2026-04-15; contracts and background checks from
 * src/demo/demoStaffRecords.ts): a Leitung sees the contracts, the one staff member without a background check
 * (blocked, A2-R12) and the one due for renewal soon (A3-R22), the A2 staff need by need group with rule and
 * clause, records an inspected background check and sees the block go; Administration reads the page without the form.
 */
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

const MEMBERS = "Mitarbeitende mit Qualifikation, Vertrag und Führungszeugnis";
const RENEWALS = "Fehlend, überfällig oder bis 14.07.2026 zu erneuern";
const BREMEN = "Beispiel-Fachkraft Heilerziehungspfleger (Bremen)";
const CELLE = "Beispiel-Fachkraft Sozialpädagogin (Celle)";
const rowIn = (page: Page, caption: string, text: string) => page.getByRole("table", { name: caption }).locator("tr", { hasText: text });

describeInBrowser("Personal", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame((frame) => {
    ({ server, browser } = frame);
  });

  it("shows a Leitung the staff, the background checks missing and the staff need; a recorded check lifts the block", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Personal" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Personal");
    const member = rowIn(page, MEMBERS, BREMEN);
    await member.waitFor();
    await expect.poll(() => member.locator("td").allInnerTexts()).toEqual([
      "Heilerziehungspfleger",
      "Fachkraft (A2-beispiel-bremen)",
      "39,00 Std./Woche ab 01.02.2025 (Fachkraft Betreuung)",
      "Fehlt (Sperre)\nkeins erfasst",
      "–",
    ]);
    await expect.poll(() => rowIn(page, MEMBERS, "Beispiel-Mitarbeiter Interventionsdienst (Bremen)").locator("td").nth(2).innerText()).toBe(
      "10,00 Std./Woche ab 01.09.2023 (Interventionsdienst Betreuung)\n20,00 Std./Woche ab 01.09.2023 (Interventionsdienst Betreuung)",
    );
    await expect.poll(() => page.getByRole("table", { name: RENEWALS }).locator("tbody tr").count()).toBe(2);
    await expect.poll(() => rowIn(page, RENEWALS, BREMEN).locator("td").allInnerTexts()).toEqual([
      "Fehlt (Sperre)",
      "Sperre: Beispiel-Fachkraft Heilerziehungspfleger (Bremen) (demo-M-05): kein anerkanntes Führungszeugnis bei Beginn am 01.02.2025: kein Einsatz mit Kontakt zu Leistungsberechtigten",
      "A2-R12 · § 7.1",
    ]);
    await expect.poll(() => rowIn(page, RENEWALS, CELLE).locator("td").allInnerTexts()).toEqual([
      "Gültig",
      "Aufgabe: Beispiel-Fachkraft Sozialpädagogin (Celle) (demo-M-06): nächstes Führungszeugnis spätestens am 26.05.2026 vorlegen lassen",
      "A3-R22 · § 5.1.2 Nr. 2",
    ]);
    await expect.poll(() => page.getByText("4,25 VZÄ (Koordination in der Summe enthalten) · A2-R18 · § 9 a)").count()).toBe(1);
    await expect.poll(() => rowIn(page, "Bedarf nach Hilfebedarfsgruppe – A2-beispiel-bremen", "HBG 5").locator("td").allInnerTexts()).toEqual(["HBG 5", "2", "1 : 1,01", "1,98", "§ 9 a)"]);
    await expect.poll(() => rowIn(page, "Quoten – A2-beispiel-bremen", "Anteil angelernter").locator("td").nth(3).innerText()).toBe("Erfüllt");
    await expectNoAccessibilityViolations(page, "Personal (Leitung)");
    await saveScreenshot(page, "personal");

    await page.getByLabel("Mitarbeitende:r").selectOption({ label: BREMEN });
    await page.getByLabel("Einsichtnahme am").fill("2026-04-10");
    await page.getByLabel("Ausstellungsdatum des Zeugnisses").fill("2026-04-01");
    await page.getByRole("button", { name: "Führungszeugnis erfassen" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "erfasst" }).textContent()).toBe(
      `Führungszeugnis für ${BREMEN} erfasst: eingesehen am 10.04.2026, ausgestellt am 01.04.2026.`,
    );
    await rowIn(page, RENEWALS, BREMEN).waitFor({ state: "detached" });
    await expect.poll(() => page.getByRole("table", { name: RENEWALS }).locator("tbody tr").count()).toBe(1);
    await expect.poll(() => rowIn(page, MEMBERS, BREMEN).locator("td").nth(3).innerText()).toBe("Gültig\neingesehen am 10.04.2026, ausgestellt am 01.04.2026, keine Einträge");
    await expect.poll(() => rowIn(page, MEMBERS, BREMEN).locator("td").nth(4).innerText()).toContain("10.04.2031");
    await expectNoAccessibilityViolations(page, "Personal nach dem Erfassen");
    await context.close();
  }, 60_000);

  it("lets Administration read the staff without the form", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "administrator");
    await page.goto(`${server.baseUrl}/personal`);
    await rowIn(page, MEMBERS, "Beispiel-Anleiter Tischler (Celle)").waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Führungszeugnis erfassen" }).count()).toBe(0);
    await expect.poll(() => page.getByRole("button", { name: "Führungszeugnis erfassen" }).count()).toBe(0);
    await expectNoAccessibilityViolations(page, "Personal (Administration)");
    await context.close();
  }, 60_000);
});
