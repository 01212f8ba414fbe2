/**
 * Übersicht with many items (demo provider, today 2026-04-15, plus 80 overdue tasks and 60 later ones of one
 * client): the page shows the number of all of them but draws only the first 50 of each state; „Weitere
 * überfällige Aufgaben anzeigen (noch …)“ adds the next ones, a status message says how many, and the button
 * goes when all are shown. The later ones are drawn only when their section is opened.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { cases, tasks } from "../../store/schema/index.ts";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

interface Counts {
  overdue: number;
  dueSoon: number;
  open: number;
}

/** Day `offset` relative to 2026-04-15 as JJJJ-MM-TT. */
const dayFrom = (offset: number) => new Date(Date.UTC(2026, 3, 15 + offset)).toISOString().slice(0, 10);
const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const urgentRows = (page: Page) => page.getByRole("table", { name: /^Überfällig und bald fällig/ }).locator("tbody tr");
const laterRows = (page: Page) => page.getByRole("table", { name: /^Später fällig oder ohne Datum/ }).locator("tbody tr");

describeInBrowser("Übersicht mit vielen Einträgen", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame(async (frame) => {
    ({ server, browser } = frame);
    const [first] = await server.store.db.select({ id: cases.id }).from(cases).where(eq(cases.organisationId, DEMO_PROVIDER_ID)).orderBy(cases.id).limit(1);
    const task = (id: string, dueDate: string) => ({ organisationId: DEMO_PROVIDER_ID, id, caseId: first!.id, taskType: "other", title: `Sammelaufgabe ${id}`, dueDate });
    await server.store.db.insert(tasks).values([
      ...Array.from({ length: 80 }, (_, index) => task(`viel-${String(index).padStart(2, "0")}`, dayFrom(-200 + index))),
      ...Array.from({ length: 60 }, (_, index) => task(`spaet-${String(index).padStart(2, "0")}`, dayFrom(100 + index))),
    ]);
  });

  it("shows the counts of all items, draws 50 of each state and adds more on „Weitere … anzeigen“", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.getByRole("heading", { name: "Fristen und Aufgaben" }).waitFor();
    const answer = (await (await page.request.get(`${server.baseUrl}/api/v1/overview`)).json()) as { deadlines: { counts: Counts; items: unknown[] }; tasks: { counts: Counts; items: Array<{ status: string }> } };
    const deadlines = answer.deadlines.counts;
    const counts = answer.tasks.counts;
    expect(counts.overdue).toBeGreaterThanOrEqual(80);
    expect(answer.tasks.items.filter((item) => item.status === "overdue")).toHaveLength(50);
    const overdue = deadlines.overdue + counts.overdue;
    const dueSoon = deadlines.dueSoon + counts.dueSoon;
    // The figures count every item, also those not drawn.
    await expect.poll(() => page.locator(".teilhabe-overview-cards li").first().innerText()).toBe(`${overdue}\n\nFristen und Aufgaben überfällig`);
    await expect.poll(() => page.getByText(/überfällig, .* bald fällig/).first().innerText()).toBe(`${overdue} überfällig, ${dueSoon} bald fällig (innerhalb von 14 Tagen), ${deadlines.open + counts.open} weitere offen. Stichtag 15.04.2026.`);
    const drawnTasks = Math.min(50, counts.overdue) + Math.min(50, counts.dueSoon);
    const drawnDeadlines = Math.min(50, deadlines.overdue) + Math.min(50, deadlines.dueSoon);
    await expect.poll(() => urgentRows(page).count()).toBe(drawnTasks + drawnDeadlines);
    await expect.poll(() => page.getByRole("table", { name: /^Überfällig und bald fällig/ }).locator("caption").innerText()).toBe(
      `Überfällig und bald fällig (${(drawnTasks + drawnDeadlines).toLocaleString("de-DE")} von ${(overdue + dueSoon).toLocaleString("de-DE")} angezeigt)`,
    );
    // The earliest overdue task is drawn, the 51st is not.
    await expect.poll(() => urgentRows(page).filter({ hasText: "Sammelaufgabe viel-00" }).locator("td").first().innerText()).toBe(germanDate(dayFrom(-200)));
    await expect.poll(() => urgentRows(page).filter({ hasText: "Sammelaufgabe viel-79" }).count()).toBe(0);
    await expect.poll(() => page.locator("tr", { hasText: "Sammelaufgabe spaet-00" }).count()).toBe(0);

    const more = page.getByRole("button", { name: /^Weitere überfällige Aufgaben anzeigen/ });
    await expect.poll(() => more.innerText()).toBe(`Weitere überfällige Aufgaben anzeigen (noch ${counts.overdue - 50})`);
    await expectNoAccessibilityViolations(page, "Übersicht mit vielen Einträgen");
    await saveScreenshot(page, "uebersicht-viele");
    await more.click();
    const added = Math.min(50, counts.overdue - 50);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "weitere" }).innerText()).toBe(`${added} weitere überfällige Aufgaben angezeigt.`);
    await expect.poll(() => urgentRows(page).count()).toBe(drawnTasks + drawnDeadlines + added);
    await expect.poll(() => urgentRows(page).filter({ hasText: "Sammelaufgabe viel-79" }).locator("td").first().innerText()).toBe(germanDate(dayFrom(-121)));
    if (counts.overdue <= 100) await expect.poll(() => more.count()).toBe(0);

    // The later ones: counted in the summary, drawn (50 of them) when opened, the rest on request.
    await page.locator("summary", { hasText: "Weitere offene Fristen und Aufgaben" }).click();
    await expect.poll(() => laterRows(page).count()).toBe(Math.min(50, counts.open) + Math.min(50, deadlines.open));
    const moreLater = page.getByRole("button", { name: /^Weitere offene Aufgaben anzeigen/ });
    await expect.poll(() => moreLater.innerText()).toBe(`Weitere offene Aufgaben anzeigen (noch ${counts.open - 50})`);
    await moreLater.click();
    await expect.poll(() => laterRows(page).count()).toBe(counts.open + Math.min(50, deadlines.open));
    await expect.poll(() => laterRows(page).filter({ hasText: "Sammelaufgabe spaet-59" }).locator("td").first().innerText()).toBe(germanDate(dayFrom(159)));
    await expect.poll(() => moreLater.count()).toBe(0);
    await expectNoAccessibilityViolations(page, "Übersicht mit vielen Einträgen, alle offenen Aufgaben");
    await context.close();
  }, 90_000);
});
