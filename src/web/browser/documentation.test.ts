/**
 * Dokumentation in a real browser: a Fachkraft records a service by keyboard alone and finds it stored with
 * exactly the values typed; the engine's warning (A2-R10 § 6.11, outside 06–22 h) appears before saving and
 * does not stop the save; a refused save shows the server's German message at its field; edit and delete
 * from the day's list; the same form on a 390 px phone without sideways scrolling; staff by name for a
 * Fachkraft (staff directory); the person found by typing part of the name; an edited entry checked in place
 * of the stored one (no volume counted twice). Axe and screenshots.
 */
import { and, eq, like } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "../../demo/demoOrganisations.ts";
import { agreementInstances, cases, clients, costCoverages, hilfeplans, planGoals, serviceEntries, staffMembers } from "../../store/schema/index.ts";
import { type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

/** Two of the Fachkraft's three assigned clients (demo A2, Bremen) and their cases; the demo makes up their names. */
const CLARA = { clientId: "demo-K-003", caseId: "demo-F-003", name: "" };
const HANNES = { clientId: "demo-K-008", caseId: "demo-F-008", name: "" };

/**
 * How the browser's native date and time controls take typed digits: day or month first, 24 or 12 hours. The
 * test browser runs in German (TT.MM.JJJJ, 24 h) where Debian's chromium-l10n is installed, in en-US without
 * it. Found on the page itself, in two controls added for a moment and removed again, so the journey types
 * what a person at this browser would type.
 */
interface ControlFormat {
  dayFirst: boolean;
  twelveHours: boolean;
}

async function probeControlFormat(page: Page): Promise<ControlFormat> {
  await page.evaluate(`(() => {
    for (const [id, type] of [["probe-date", "date"], ["probe-time", "time"]]) {
      const input = document.createElement("input");
      input.type = type;
      input.id = id;
      document.body.append(input);
    }
  })()`);
  await page.focus("#probe-date");
  await page.keyboard.type("01022026");
  await page.focus("#probe-time");
  await page.keyboard.type("1000"); // a 12-hour clock has no value until AM or PM is given
  const [date, time] = [await page.inputValue("#probe-date"), await page.inputValue("#probe-time")];
  await page.evaluate(`document.getElementById("probe-date").remove(); document.getElementById("probe-time").remove();`);
  if (date !== "2026-02-01" && date !== "2026-01-02") throw new Error(`unbekannte Datumsreihenfolge: ${date}`);
  return { dayFirst: date === "2026-02-01", twelveHours: time !== "10:00" };
}

/** The keys for a date („31.03.2026“: 31032026, or 03312026 where the month comes first). */
function dateKeys(format: ControlFormat, iso: string): string {
  const [year, month, day] = iso.split("-");
  return format.dayFirst ? `${day}${month}${year}` : `${month}${day}${year}`;
}

/** The keys for a time (23:00: 2300, or 1100P with a 12-hour clock). */
function timeKeys(format: ControlFormat, time: string): string {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const twoDigits = (value: number) => String(value).padStart(2, "0");
  if (!format.twelveHours) return `${twoDigits(hours)}${twoDigits(minutes)}`;
  return `${twoDigits(hours % 12 === 0 ? 12 : hours % 12)}${twoDigits(minutes)}${hours < 12 ? "A" : "P"}`;
}

describeInBrowser("Dokumentation", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame(async (frame) => {
    ({ server, browser } = frame);
    for (const person of [CLARA, HANNES]) {
      const [row] = await server.store.db.select({ name: clients.name }).from(clients).where(and(eq(clients.organisationId, DEMO_PROVIDER_ID), eq(clients.id, person.clientId)));
      person.name = row!.name;
    }
  });

  const entriesOn = (caseId: string, date: string) =>
    server.store.db
      .select()
      .from(serviceEntries)
      .where(and(eq(serviceEntries.organisationId, DEMO_PROVIDER_ID), eq(serviceEntries.caseId, caseId), eq(serviceEntries.date, date)));

  /** Presses Tab (or Shift+Tab) until the focused element matches, as a person tabbing to a field would. */
  async function tabTo(page: Page, matches: (element: { id: string; text: string }) => boolean, backwards = false, limit = 25): Promise<void> {
    for (let step = 0; step < limit; step++) {
      const focused = (await page.evaluate("({ id: document.activeElement?.id ?? '', text: (document.activeElement?.textContent ?? '').trim() })")) as { id: string; text: string };
      if (matches(focused)) return;
      await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error("Feld nicht per Tab erreicht");
  }

  const staffNameOf = async (staffId: string) => {
    const [member] = await server.store.db.select().from(staffMembers).where(and(eq(staffMembers.organisationId, DEMO_PROVIDER_ID), eq(staffMembers.id, staffId)));
    return member!.name;
  };

  const focusedId = async (page: Page) => (await page.evaluate("document.activeElement?.id ?? ''")) as string;

  it("lets a Fachkraft document a service by keyboard alone: stored with exactly the values typed, confirmed, focus back on the first field", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const format = await probeControlFormat(page);
    // From the first page to Dokumentation through the main navigation, by keyboard (the probe left the focus on the page).
    await tabTo(page, (element) => element.text === "Dokumentation");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Dokumentation" }).waitFor();
    await page.locator("#doku-klient").waitFor();
    await tabTo(page, (element) => element.id === "doku-klient");

    const started = Date.now();
    await page.keyboard.press("ArrowDown"); // the first of the three assigned persons (by name): Clara N.
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(CLARA.clientId);
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedId(page)).toBe("doku-datum");
    await page.keyboard.type(dateKeys(format, "2026-03-31"));
    await expect.poll(() => page.locator("#doku-datum").inputValue()).toBe("2026-03-31");
    // Tab walks through the control's own parts (and its calendar button) before it leaves the field.
    await tabTo(page, (element) => element.id === "doku-beginn");
    await page.keyboard.type(timeKeys(format, "10:00"));
    await tabTo(page, (element) => element.id === "doku-ende");
    await page.keyboard.type(timeKeys(format, "10:45"));
    await expect.poll(() => page.locator("#doku-ende").inputValue()).toBe("10:45");
    await tabTo(page, (element) => element.id === "doku-minuten"); // Minuten: left empty
    await page.keyboard.press("Tab"); // Zeitart: direkt (default)
    await page.keyboard.press("Tab"); // Assistenzart: „Keine Angabe“ → ArrowUp → qualifizierte Assistenz
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Tab"); // Einzelleistung (default)
    await page.keyboard.press("Tab"); // vor Ort (default)
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedId(page)).toBe("doku-ziel");
    await page.keyboard.press("ArrowDown"); // the first Förderziel of the Hilfeplan
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedId(page)).toBe("doku-mitarbeiter");
    await expect.poll(() => page.locator("#doku-mitarbeiter").inputValue()).toBe("demo-M-05"); // who usually documents on the case
    // By name, from the staff directory (a Fachkraft has no access to the staff records themselves).
    const staffName = await staffNameOf("demo-M-05");
    await expect.poll(() => page.locator("#doku-mitarbeiter option:checked").textContent()).toBe(`${staffName} (demo-M-05)`);
    await page.keyboard.press("Tab"); // „Weitere Angaben“
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedId(page)).toBe("doku-leistungsart");
    await page.keyboard.type("Einkauf planen und üben");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Wohnung");
    await page.keyboard.press("Enter");

    const confirmation = `Gespeichert: 45 Minuten für ${CLARA.name} am 31.03.2026`;
    await page.getByRole("status").filter({ hasText: confirmation }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`Dokumentation per Tastatur: ${seconds.toFixed(1)} s vom ersten Tastendruck bis zur Bestätigung (Datumsfeld ${format.dayFirst ? "TT.MM.JJJJ" : "MM/TT/JJJJ"}, ${format.twelveHours ? "12" : "24"} Stunden)\n`);
    await expect.poll(() => focusedId(page)).toBe("doku-klient");

    // The Hilfeplan in force on 31.03.2026 and its first Förderziel: what ArrowDown chose.
    const plans = await server.store.db.select().from(hilfeplans).where(and(eq(hilfeplans.organisationId, DEMO_PROVIDER_ID), eq(hilfeplans.caseId, CLARA.caseId)));
    const plan = plans.filter((candidate) => candidate.date <= "2026-03-31").sort((a, b) => (a.date < b.date ? -1 : 1)).pop();
    const goals = await server.store.db.select().from(planGoals).where(and(eq(planGoals.organisationId, DEMO_PROVIDER_ID), eq(planGoals.hilfeplanId, plan!.id)));
    const firstGoal = goals.find((goal) => !goal.parentGoalId)!;
    const stored = (await entriesOn(CLARA.caseId, "2026-03-31")).filter((entry) => entry.start === "10:00");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      date: "2026-03-31",
      start: "10:00",
      end: "10:45",
      minutes: null,
      hours: null,
      timeKind: "direct",
      assistanceType: "qualified",
      setting: "individual",
      mode: "inPerson",
      remoteReason: null,
      staffId: "demo-M-05",
      goalId: firstGoal.id,
      category: "Einkauf planen und üben",
      place: "Wohnung",
      note: null,
    });
    // The day's list shows it; the session remembers the person and the kind of service.
    await expect.poll(() => page.locator(".teilhabe-doc-entry").first().textContent()).toContain(`10:00–10:45 Uhr (45 Minuten) für ${CLARA.name}`);
    await expect.poll(() => page.locator(".teilhabe-doc-entry").first().textContent()).toContain(` · ${staffName}`);
    await page.reload();
    await page.locator("#doku-klient").waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(CLARA.clientId);
    await expect.poll(() => page.getByRole("radio", { name: "Qualifizierte Assistenz" }).isChecked()).toBe(true);
    await context.close();
  });
  it("shows the engine's warnings with rule and clause before saving (outside 06–22 h, no cost coverage), and saves anyway", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${CLARA.clientId}`); // as the client page links here
    await page.locator("#doku-klient").waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(CLARA.clientId);
    await page.locator("#doku-datum").fill("2026-03-31");
    await page.locator("#doku-beginn").fill("23:00");
    await page.locator("#doku-ende").fill("23:45");
    const check = page.locator("#doku-pruefung-ergebnis");
    await expect.poll(() => check.getAttribute("role")).toBe("status");
    const outside = check.locator("li").filter({ hasText: "außerhalb des Zeitkorridors 06:00–22:00 Uhr" });
    await outside.waitFor();
    await expect.poll(() => outside.innerText()).toContain("Leistung 23:00–23:45 Uhr liegt außerhalb des Zeitkorridors 06:00–22:00 Uhr");
    await expect.poll(() => outside.innerText()).toContain("Regel A2-R10, § 6.11");
    await expect.poll(() => outside.locator(".kern-badge").innerText()).toBe("Warnung");
    expect((await entriesOn(CLARA.caseId, "2026-03-31")).filter((entry) => entry.start === "23:00")).toEqual([]); // the check stores nothing
    await expectNoAccessibilityViolations(page, "Dokumentation mit Warnung");
    await saveScreenshot(page, "dokumentation");

    // A finding that names a missing field leads to it („Weitere Angaben“ opens); filled in, the finding goes.
    const missingPlace = check.locator("li").filter({ hasText: "Dokumentation unvollständig, es fehlt: Ort der Leistung." });
    await expect.poll(() => missingPlace.innerText()).toContain("Regel A2-R10, § 6.10");
    await missingPlace.getByRole("button", { name: "Ort der Leistung ergänzen" }).click();
    await expect.poll(() => focusedId(page)).toBe("doku-ort");
    await page.keyboard.type("Wohnung");
    await missingPlace.waitFor({ state: "detached" });
    await outside.waitFor();

    // A month after the cost coverage has ended (A2 bills by the month): billing would hold the entry.
    const [coverage] = await server.store.db.select().from(costCoverages).where(and(eq(costCoverages.organisationId, DEMO_PROVIDER_ID), eq(costCoverages.caseId, CLARA.caseId)));
    const [year, month] = coverage!.to!.split("-").map(Number) as [number, number];
    const monthAfter = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    await page.locator("#doku-datum").fill(monthAfter);
    await page.locator("#doku-beginn").fill("10:00");
    await page.locator("#doku-ende").fill("11:00");
    const uncovered = check.locator("li").filter({ hasText: "Keine Kostenübernahme am Leistungsdatum" });
    await uncovered.waitFor();
    await expect.poll(() => uncovered.innerText()).toContain("Regel A2-R21, § 9 a)");
    await expect.poll(() => check.innerText()).not.toContain("Zeitkorridors");

    // Warnings do not stop the save.
    await page.locator("#doku-datum").fill("2026-03-31");
    await page.locator("#doku-beginn").fill("23:00");
    await page.locator("#doku-ende").fill("23:45");
    await outside.waitFor();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("status").filter({ hasText: `Gespeichert: 45 Minuten für ${CLARA.name} am 31.03.2026` }).waitFor();
    expect((await entriesOn(CLARA.caseId, "2026-03-31")).filter((entry) => entry.start === "23:00")).toMatchObject([{ end: "23:45", staffId: "demo-M-05" }]);
    await context.close();
  });

  it("shows a refused save's German message at its field and stores nothing", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    // A link naming a person not assigned to the Fachkraft preselects nobody and says so.
    await page.goto(`${server.baseUrl}/dokumentation?klient=demo-K-001`);
    await page.getByRole("status").filter({ hasText: "Die Person „demo-K-001“ aus dem Link ist Ihnen nicht zugeordnet oder nicht vorhanden: bitte wählen." }).waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe("");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${CLARA.clientId}`);
    await page.locator("#doku-datum").fill("2026-03-27");
    await page.locator("#doku-beginn").fill("10:00");
    await page.locator("#doku-ende").fill("09:00");
    await page.getByRole("button", { name: "Speichern" }).click();
    const message = "Ende 09:00 liegt nicht nach Beginn 10:00";
    const end = page.getByLabel("Ende", { exact: true });
    await page.locator("#doku-ende-error").filter({ hasText: message }).waitFor();
    await expect.poll(() => end.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => end.getAttribute("aria-describedby")).toContain("doku-ende-error");
    await expect.poll(() => focusedId(page)).toBe("doku-ende");
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "Nicht gespeichert" }).innerText()).toContain(message);
    expect((await entriesOn(CLARA.caseId, "2026-03-27")).filter((entry) => entry.start === "10:00")).toEqual([]);
    await context.close();
  });

  it("edits and deletes an entry from the day's list", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${HANNES.clientId}`);
    await page.locator("#doku-datum").fill("2026-03-26");
    await page.locator("#doku-minuten").fill("30");
    await page.locator("#doku-minuten").press("Enter");
    await page.getByRole("status").filter({ hasText: `Gespeichert: 30 Minuten für ${HANNES.name} am 26.03.2026` }).waitFor();
    const [saved] = (await entriesOn(HANNES.caseId, "2026-03-26")).filter((entry) => entry.minutes === 30);
    expect(saved).toMatchObject({ minutes: 30, start: null, end: null });

    await page.getByRole("button", { name: `Bearbeiten: 30 Minuten für ${HANNES.name}` }).click();
    await page.getByRole("heading", { name: "Eintrag ändern" }).waitFor();
    await expect.poll(() => page.locator("#doku-minuten").inputValue()).toBe("30");
    await page.locator("#doku-minuten").fill("");
    await page.locator("#doku-beginn").fill("08:15");
    await page.locator("#doku-ende").fill("09:05");
    await page.getByRole("button", { name: "Änderung speichern" }).click();
    await page.getByRole("status").filter({ hasText: `Gespeichert: 50 Minuten für ${HANNES.name} am 26.03.2026` }).waitFor();
    const changed = (await entriesOn(HANNES.caseId, "2026-03-26")).find((entry) => entry.id === saved!.id);
    expect(changed).toMatchObject({ minutes: null, start: "08:15", end: "09:05" });

    await page.getByRole("button", { name: `Löschen: 08:15–09:05 Uhr (50 Minuten) für ${HANNES.name}` }).click();
    await page.getByRole("button", { name: "Ja, löschen" }).click();
    await page.getByRole("status").filter({ hasText: `Gelöscht: 08:15–09:05 Uhr (50 Minuten) für ${HANNES.name} am 26.03.2026` }).waitFor();
    expect((await entriesOn(HANNES.caseId, "2026-03-26")).find((entry) => entry.id === saved!.id)).toBeUndefined();
    await context.close();
  });

  it("works on a 390 px phone: one column, big touch targets, no sideways scrolling, saves", async () => {
    const { context, page } = await openPage(browser, { phone: true });
    await logIn(page, server.baseUrl, "fachkraft");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${HANNES.clientId}`);
    await page.locator("#doku-klient").waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(HANNES.clientId);
    const scrollWidth = async () => (await page.evaluate("document.documentElement.scrollWidth")) as number;
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    const [start, end] = [await page.locator("#doku-beginn").boundingBox(), await page.locator("#doku-ende").boundingBox()];
    expect(end!.x).toBe(start!.x); // one column: Ende below Beginn
    expect(end!.y).toBeGreaterThan(start!.y);
    for (const target of ["#doku-datum", "#doku-minuten", "#doku-klient", ".teilhabe-doc-save"]) expect((await page.locator(target).boundingBox())!.height, target).toBeGreaterThanOrEqual(44);
    await expect.poll(() => page.locator("#doku-minuten").getAttribute("inputmode")).toBe("numeric");

    await page.locator("#doku-datum").fill("2026-03-25");
    await page.locator("#doku-minuten").fill("45");
    await page.locator(".teilhabe-doc-save").tap();
    await page.getByRole("status").filter({ hasText: `Gespeichert: 45 Minuten für ${HANNES.name} am 25.03.2026` }).waitFor();
    expect((await entriesOn(HANNES.caseId, "2026-03-25")).filter((entry) => entry.minutes === 45)).toHaveLength(1);
    await page.locator(".teilhabe-doc-entry").first().waitFor();
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    await expectNoAccessibilityViolations(page, "Dokumentation auf dem Telefon");
    await saveScreenshot(page, "dokumentation-telefon");
    await context.close();
  });
  it("lets a Leitung document for a person not assigned to her, choosing staff by name (she reads the staff list)", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${CLARA.clientId}`);
    await page.locator("#doku-klient").waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(CLARA.clientId);
    const [member] = await server.store.db.select().from(staffMembers).where(and(eq(staffMembers.organisationId, DEMO_PROVIDER_ID), eq(staffMembers.id, "demo-M-05")));
    await page.locator("#doku-mitarbeiter option", { hasText: `${member!.name} (demo-M-05)` }).waitFor({ state: "attached" });
    await expect.poll(() => page.locator("#doku-mitarbeiter").inputValue()).toBe("demo-M-05"); // the case's usual staff member
    await page.locator("#doku-datum").fill("2026-03-24");
    await page.locator("#doku-minuten").fill("20");
    await page.getByRole("radio", { name: "Indirekt" }).check();
    await page.locator("#doku-minuten").press("Enter");
    await page.getByRole("status").filter({ hasText: `Gespeichert: 20 Minuten für ${CLARA.name} am 24.03.2026` }).waitFor();
    expect((await entriesOn(CLARA.caseId, "2026-03-24")).filter((entry) => entry.minutes === 20)).toMatchObject([{ timeKind: "indirect", staffId: "demo-M-05" }]);
    await context.close();
  });

  it("finds the person by typing part of the name (the directory is searched on the server) and names the case's agreement", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "fachkraft");
    await page.goto(`${server.baseUrl}/dokumentation`);
    await page.locator("#doku-klient-suche").waitFor();
    const [caseRow] = await server.store.db.select().from(cases).where(and(eq(cases.organisationId, DEMO_PROVIDER_ID), eq(cases.id, HANNES.caseId)));
    const [instance] = await server.store.db.select().from(agreementInstances).where(and(eq(agreementInstances.organisationId, DEMO_PROVIDER_ID), eq(agreementInstances.id, caseRow!.agreementInstanceId)));
    // A part from inside the surname, in small letters: „…“ of „Hannes M.“
    const surname = HANNES.name.split(" ").pop()!;
    const part = surname.slice(1, 4).toLowerCase();
    await page.locator("#doku-klient-suche").focus();
    await page.keyboard.type(part);
    await page.locator("#doku-klient-treffer").filter({ hasText: "Treffer in der Auswahl „Klient:in“" }).waitFor();
    const offered = await page.locator("#doku-klient option").allTextContents();
    expect(offered).toContain(HANNES.name);
    expect(offered.filter((name) => name !== "Bitte wählen").every((name) => name.toLowerCase().includes(part))).toBe(true);
    await page.keyboard.press("Enter"); // the first match is chosen, the focus moves to the choice
    if (offered[1] !== HANNES.name) await page.locator("#doku-klient").selectOption(HANNES.clientId);
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(HANNES.clientId);
    await expect.poll(() => focusedId(page)).toBe("doku-klient");
    // The case hint names the agreement by its title, not by the id of its instance.
    const hint = page.locator("#doku-klient-hint");
    await expect.poll(() => hint.textContent()).toContain(`Fall ${HANNES.caseId} („${instance!.title}“`);
    await expectNoAccessibilityViolations(page, "Dokumentation: Person gesucht");
    await page.locator("#doku-klient-suche").fill("zzzz-niemand");
    await page.locator("#doku-klient-treffer").filter({ hasText: "Keine Person gefunden zu „zzzz-niemand“." }).waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(HANNES.clientId); // the chosen person stays
    await context.close();
  });

  it("checks an edited entry in place of the stored one: no volume exceeded by counting it twice", async () => {
    // A Leitung documents for a family of the demo's A0 agreement (Fachleistungsstunden); its latest cost coverage
    // is made to approve 4 hours a month through April 2026 (a month without documentation yet).
    const [family] = await server.store.db
      .select({ caseId: cases.id, clientId: cases.clientId })
      .from(cases)
      .innerJoin(agreementInstances, and(eq(agreementInstances.organisationId, cases.organisationId), eq(agreementInstances.id, cases.agreementInstanceId)))
      .where(and(eq(cases.organisationId, DEMO_PROVIDER_ID), like(agreementInstances.agreementId, "A0%")))
      .orderBy(cases.id)
      .limit(1);
    const [client] = await server.store.db.select({ name: clients.name }).from(clients).where(and(eq(clients.organisationId, DEMO_PROVIDER_ID), eq(clients.id, family!.clientId)));
    const coverages = await server.store.db.select().from(costCoverages).where(and(eq(costCoverages.organisationId, DEMO_PROVIDER_ID), eq(costCoverages.caseId, family!.caseId)));
    const latest = coverages.sort((a, b) => (a.from < b.from ? 1 : -1))[0]!;
    await server.store.db
      .update(costCoverages)
      .set({ to: "2026-04-30", approvedVolume: { hours: "4", per: "month" } })
      .where(and(eq(costCoverages.organisationId, DEMO_PROVIDER_ID), eq(costCoverages.id, latest.id)));
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/dokumentation?klient=${family!.clientId}`);
    await page.locator("#doku-klient").waitFor();
    await expect.poll(() => page.locator("#doku-klient").inputValue()).toBe(family!.clientId);
    await page.locator("#doku-datum").fill("2026-04-07");
    await page.locator("#doku-minuten").fill("240"); // the whole month's approval in one entry
    await page.getByText("Weitere Angaben").click();
    await page.locator("#doku-zuordnung").selectOption("SGB IX");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("status").filter({ hasText: `für ${client!.name} am 07.04.2026` }).waitFor();
    const [saved] = (await entriesOn(family!.caseId, "2026-04-07")).filter((entry) => entry.minutes === 240);
    expect(saved).toMatchObject({ attribution: "SGB IX" });

    const checks: Array<Record<string, unknown>> = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/service-entries/check")) checks.push(request.postDataJSON() as Record<string, unknown>);
    });
    await page.getByRole("button", { name: `Bearbeiten: 240 Minuten für ${client!.name}` }).click();
    await page.getByRole("heading", { name: "Eintrag ändern" }).waitFor();
    await page.locator("#doku-ort").fill("Wohnung der Familie"); // a change, checked again
    const check = page.locator("#doku-pruefung-ergebnis");
    await expect.poll(() => checks.length, { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(async () => `${await check.getAttribute("aria-busy")} ${await check.textContent()}`, { timeout: 5000 }).toMatch(/^null (Keine Hinweise|\d+ Hinweise?)/);
    expect(checks.at(-1)).toMatchObject({ caseId: family!.caseId, entryId: saved!.id });
    await expect.poll(() => check.textContent()).not.toContain("Bewilligtes Volumen überschritten");
    await expect.poll(() => page.locator(".teilhabe-doc-check").textContent()).not.toContain("doppelt");
    await context.close();
  });
});
