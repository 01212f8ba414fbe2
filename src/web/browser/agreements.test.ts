/**
 * Vereinbarungen in a real browser: an administrator fills an open input and a held line becomes billable.
 *
 * The demo's A4 agreement (demo-A4, Bremen) leaves P-A4-09 open: the hourly rate for hospital accompaniment by a
 * skilled worker (§ 5.8, Anlage 9). A hospital accompaniment of 150 minutes on 10.03.2026 for case demo-F-005
 * (recorded through the API by the Leitung, with the cost coverage extended to § 5.8 by the Verwaltung) is
 * therefore held, naming P-A4-09. The administrator fills the input on the agreement's page; the same case's
 * billing preview and the month's billing run then bill the hours instead of holding them.
 * The page shows the rates as printed (A4's Tagessatz 1.446,38 € for 01.01.–30.06.2026, § 5.1, A4-R07), the values
 * the catalogue's agreement fills (demo-A2), and a choice input as a select that saves.
 * Also: a refused value shows the server's German message at its field; a Leitung reads the inputs only.
 */
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiSessionOf, type BrowserTestServer, describeInBrowser, expectNoAccessibilityViolations, logIn, openPage, saveScreenshot, useBrowserTestFrame } from "./browserTestSupport.ts";

/** Waits for the page's one h1 to read `text` (after a client-side route change). */
async function expectPageHeading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).allTextContents()).toEqual([text]);
}

interface PreviewLine {
  label: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  ruleId: string;
  source: { clause: string };
  policies: { decision: string; option: string; origin: string }[];
}
interface PreviewHold {
  code: string;
  inputId?: string;
  quantity: string;
  unit: string;
  message: string;
}
interface Preview {
  lines: PreviewLine[];
  holds: PreviewHold[];
  totals: { billed: string };
}

const CASE_ID = "demo-F-005";
const INPUT_ID = "P-A4-09";
const ACCOMPANIMENT_LABEL = "Begleitung im Krankenhaus (Fachkraft)";

describeInBrowser("Vereinbarungen", () => {
  let server: BrowserTestServer;
  let browser: Browser;

  useBrowserTestFrame((frame) => {
    ({ server, browser } = frame);
  });

  it("an administrator fills an open input and the held accompaniment becomes billable", async () => {
    const leitung = await apiSessionOf(server.baseUrl, "leitung");
    const verwaltung = await apiSessionOf(server.baseUrl, "verwaltung");
    const administrator = await apiSessionOf(server.baseUrl, "administrator");

    // The facts that make the hold: an accompaniment in the case file, a cost coverage that includes § 5.8.
    const created = await leitung("POST", "/accompaniments", { caseId: CASE_ID, date: "2026-03-10", minutes: 150, qualification: "skilled" });
    expect(created.status).toBe(201);
    const coverageId = encodeURIComponent(`${CASE_ID}/KUE-005`);
    const coverage = await verwaltung<{ components: string[] }>("GET", `/cost-coverages/${coverageId}`);
    expect(coverage.status).toBe(200);
    expect((await verwaltung("PATCH", `/cost-coverages/${coverageId}`, { components: [...coverage.body.components, "5.8"] })).status).toBe(200);

    // Before: the billing preview and the month's run hold the 2.5 hours, naming the missing input.
    const before = await verwaltung<Preview>("GET", `/cases/${CASE_ID}/billing-preview?month=2026-03`);
    expect(before.status).toBe(200);
    expect(before.body.holds.map((hold) => [hold.code, hold.inputId, hold.quantity, hold.unit])).toEqual([["inputMissing", INPUT_ID, "2.5", "hour"]]);
    expect(before.body.holds[0]!.message).toContain("Eingabe P-A4-09 fehlt: Stundensatz Begleitung im Krankenhaus, Kompensation durch Fachkraft (Anlage 9) (§ 5.8");
    expect(before.body.lines.map((line) => line.label)).not.toContain(ACCOMPANIMENT_LABEL);
    const runBefore = await verwaltung<{ id: string }>("POST", "/billing-runs", { month: "2026-03" });
    expect(runBefore.status).toBe(201);
    const holdsBefore = await verwaltung<{ items: PreviewHold[] }>("GET", `/billing-holds?runId=${runBefore.body.id}&caseId=${CASE_ID}&limit=50`);
    expect(holdsBefore.body.items.map((hold) => hold.inputId)).toEqual([INPUT_ID]);

    // The administrator opens the agreements and the A4 agreement.
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "administrator");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Vereinbarungen" }).click();
    await expectPageHeading(page, "Vereinbarungen");
    const instances = page.getByRole("table", { name: /^Vereinbarungen des Trägers/ });
    const a4Row = instances.getByRole("row", { name: /Intensivpädagogisches Angebot/ });
    await expect.poll(() => a4Row.getByRole("cell").allTextContents()).toEqual(["Bremen", "Amt für Soziale Dienste Bremen, Eingliederungshilfe (Beispiel)", "Eingaben fehlen", "01.01.2026 – 30.06.2026", "18"]);
    await page.getByRole("table", { name: /^Katalog der Vereinbarungen/ }).waitFor();
    await expectNoAccessibilityViolations(page, "Vereinbarungen");
    await saveScreenshot(page, "vereinbarungen");

    await a4Row.getByRole("link", { name: /Intensivpädagogisches Angebot/ }).click();
    await expectPageHeading(page, "Intensivpädagogisches Angebot in einer Besonderen Wohnform (Friedehorst, Bremen)");
    const card = page.locator(`#eingabe-${INPUT_ID}`);
    await expect.poll(() => card.getByRole("heading", { level: 3 }).textContent()).toContain("P-A4-09 · Stundensatz Begleitung im Krankenhaus, Kompensation durch Fachkraft (Anlage 9)");
    await expect.poll(() => card.textContent()).toContain("„Kompensation durch eine Fachkraft, pro Stunde entsprechend der Anlage 9“");
    const field = card.getByLabel("Wert für P-A4-09 (§ 5.8) in Euro");

    // The rates as printed: the Tagessatz with its period, amount, components, clause and rule; the absence rate; the rent supplement.
    const dailyRate = page.getByRole("table", { name: "Gesamtentgelt pro Leistungsberechtigtem und Leistungstag (je Leistungstag)" });
    const dailyRow = dailyRate.getByRole("row", { name: /^01\.01\.2026 – 30\.06\.2026/ });
    await dailyRow.waitFor();
    const dailyCells = await dailyRow.getByRole("cell").allTextContents();
    expect(dailyCells[0]).toBe("1.446,38 €");
    expect(dailyCells[1]).toBe("Grundpauschale 72,22 €Maßnahmepauschale 849,24 €Ergänzungspauschale 137,93 €Investitionsbetrag 46,88 €Interventionsdienst 340,11 €");
    expect(dailyCells[2]).toContain("§ 5.1, 004_46ec7c044b308469.txt");
    expect(dailyCells[3]).toBe("A4-R07");
    const absenceCells = await page.getByRole("table", { name: "Vergütung bei Unterbrechung pro Abwesenheitstag (je Abwesenheitstag)" }).getByRole("row", { name: /^01\.01\.2026 – 30\.06\.2026/ }).getByRole("cell").allTextContents();
    expect([absenceCells[0], absenceCells[3]]).toEqual(["1.216,01 €", "A4-R09"]);
    const rentCells = await page.getByRole("table", { name: "Zusatzbetrag bei Mietaufwendungen pro Belegungstag (je Belegungstag)" }).getByRole("row", { name: /^01\.01\.2026/ }).getByRole("cell").allTextContents();
    expect([rentCells[0], rentCells[1], rentCells[3]]).toEqual(["21,73 €", "–", "A4-R11"]);
    expect(rentCells[2]).toContain("„21,73 € pro Belegungstag“");
    const skilledRate = page.getByRole("table", { name: "Begleitung im Krankenhaus, Kompensation durch Fachkraft, pro Stunde (je Stunde, Fachkraft)" });
    await expect.poll(() => skilledRate.getByRole("cell").first().textContent()).toBe("offen: Eingabe P-A4-09");
    // No decisions of other agreements: A0's Fachleistungsstunde (D21) is not listed for A4.
    await expect.poll(() => page.getByText(/^D21:/).count()).toBe(0);
    await expectNoAccessibilityViolations(page, "Vereinbarung");
    await saveScreenshot(page, "vereinbarung");

    // A value the server refuses: its German message at the field, the field marked invalid, nothing saved.
    await field.fill("48,505");
    await card.getByRole("button", { name: "P-A4-09 speichern" }).click();
    const fieldError = "P-A4-09 (Stundensatz Begleitung im Krankenhaus, Kompensation durch Fachkraft (Anlage 9), § 5.8): Geldbetrag als Text mit höchstens 2 Nachkommastellen, z. B. „1446.38“";
    await expect.poll(() => card.getByRole("alert").textContent()).toBe(fieldError);
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    await expect.poll(() => page.locator(`[id="${describedBy.split(" ").find((id) => id.endsWith("-error"))}"]`).textContent()).toBe(fieldError);
    await expectNoAccessibilityViolations(page, "Vereinbarung mit abgelehntem Wert");
    const unchanged = await administrator<{ inputs: Record<string, unknown> }>("GET", "/agreement-instances/demo-A4");
    expect(unchanged.body.inputs).toEqual({});

    // The value as the administrator types it in German, marked as an example value; saved with a status message.
    await field.fill("48,50");
    await card.getByLabel("Beispielwert (nur für Demo und Tests, kein echter Satz)").check();
    await card.getByRole("button", { name: "P-A4-09 speichern" }).click();
    await card.getByRole("status").filter({ hasText: /\S/ }).waitFor();
    await expect.poll(() => card.getByRole("status").textContent()).toBe("Eingabe P-A4-09 gespeichert. Die Änderung ist im Protokoll vermerkt.");
    await card.getByRole("heading", { level: 3 }).filter({ hasText: "gefüllt" }).waitFor();
    await expect.poll(() => card.getByRole("heading", { level: 3 }).textContent()).toContain("gefüllt");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => field.inputValue()).toBe("48,50");
    const saved = await administrator<{ inputs: Record<string, unknown> }>("GET", "/agreement-instances/demo-A4");
    expect(saved.body.inputs).toEqual({ [INPUT_ID]: { value: "48.50", example: true } });
    await skilledRate.getByRole("cell").first().filter({ hasText: "48,50 €" }).waitFor();
    await expect.poll(() => skilledRate.getByRole("cell").first().textContent()).toBe("48,50 € (Beispielwert) aus Eingabe P-A4-09");
    await context.close();

    // The change is audited under the administrator.
    const audit = await administrator<{ items: { role: string; action: string; objectType: string; objectId: string }[] }>("GET", "/audit?limit=500");
    expect(audit.body.items.filter((entry) => entry.objectType === "agreement-instances" && entry.action === "update" && entry.objectId === "demo-A4").map((entry) => entry.role)).toEqual(["administrator"]);

    // After: the same 2.5 hours are a line at the engine's amount, 2.5 × 48,50 € = 121,25 €; no hold is left.
    const after = await verwaltung<Preview>("GET", `/cases/${CASE_ID}/billing-preview?month=2026-03`);
    expect(after.body.holds).toEqual([]);
    const line = after.body.lines.find((candidate) => candidate.label === ACCOMPANIMENT_LABEL);
    expect(line && [line.quantity, line.unit, line.unitPrice, line.amount, line.ruleId, line.source.clause]).toEqual(["2.5", "hour", "48.50", "121.25", "A4-R13", "§ 5.8"]);
    const billedBefore = Math.round(Number(before.body.totals.billed) * 100);
    expect(Math.round(Number(after.body.totals.billed) * 100) - billedBefore).toBe(12125);
    const runAfter = await verwaltung<{ id: string; replaced: boolean }>("POST", "/billing-runs", { month: "2026-03" });
    expect(runAfter.status).toBe(201);
    const holdsAfter = await verwaltung<{ items: PreviewHold[] }>("GET", `/billing-holds?runId=${runAfter.body.id}&caseId=${CASE_ID}&limit=50`);
    expect(holdsAfter.body.items).toEqual([]);
  }, 120_000);

  it("lets the administrator choose a decision's option (D32 whole hours), which the engine then applies; the agreement text downloads", async () => {
    // Continues from the journey above: P-A4-09 is filled, the accompaniment of 150 minutes is billed.
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "administrator");
    await page.goto(`${server.baseUrl}/vereinbarungen/demo-A4`);
    await expectPageHeading(page, "Intensivpädagogisches Angebot in einer Besonderen Wohnform (Friedehorst, Bremen)");
    const decisions = page.getByRole("table", { name: /^Entscheidungen für A4/ });
    const d32 = decisions.getByRole("row", { name: /^D32: A4 Begleitung im Krankenhaus: Teilstunden/ });
    await expect.poll(() => d32.getByRole("cell").first().textContent()).toContain("exactMinutes: exakte Minuten ÷ 60 (Standard)");
    await d32.getByLabel("Option für D32", { exact: true }).selectOption("wholeHours");
    await d32.getByRole("button", { name: "D32 speichern" }).click();
    await d32.getByRole("status").filter({ hasText: /\S/ }).waitFor();
    await expect.poll(() => d32.getByRole("status").textContent()).toBe("D32: Option wholeHours gespeichert. Die Änderung ist im Protokoll vermerkt.");
    await d32.getByRole("cell").first().filter({ hasText: "wholeHours: nur volle Stunden (in der Vereinbarung gewählt)" }).waitFor();

    // The agreement text as PDF and DOCX, with the session of the page.
    const links = page.getByRole("link", { name: /^Vereinbarungstext als/ });
    await expect.poll(() => links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")))).toEqual(["/api/v1/agreement-instances/demo-A4/agreement.pdf", "/api/v1/agreement-instances/demo-A4/agreement.docx"]);
    const downloads = await page.evaluate(async () =>
      Promise.all(["pdf", "docx"].map(async (kind) => {
        const response = await fetch(`/api/v1/agreement-instances/demo-A4/agreement.${kind}`);
        return [response.status, response.headers.get("content-type")];
      })),
    );
    expect(downloads).toEqual([
      [200, "application/pdf"],
      [200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
    await context.close();

    // D32 „nur volle Stunden“: of the 150 minutes, 2 whole hours are billed at 48,50 € = 97,00 €.
    const verwaltung = await apiSessionOf(server.baseUrl, "verwaltung");
    const preview = await verwaltung<Preview>("GET", `/cases/${CASE_ID}/billing-preview?month=2026-03`);
    const line = preview.body.lines.find((candidate) => candidate.label === ACCOMPANIMENT_LABEL);
    expect(line && [line.quantity, line.unitPrice, line.amount, line.policies]).toEqual(["2", "48.50", "97.00", [{ decision: "D32", option: "wholeHours", origin: "agreement" }]]);
  }, 90_000);

  it("shows the values the catalogue fills, and lets the administrator fill a choice input from a select (A2 § 6.5)", async () => {
    const administrator = await apiSessionOf(server.baseUrl, "administrator");
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "administrator");
    await page.goto(`${server.baseUrl}/vereinbarungen/demo-A2`);
    await expectPageHeading(page, "Assistenz für Menschen mit kognitiver und/oder mehrfacher Beeinträchtigung – Beispiel-Assistenzdienst gGmbH, Bremen (Beispiel)");

    // Filled in the catalogue's agreement (A2-beispiel-bremen), not by this provider: the value itself, marked as example.
    const unitCard = page.locator("#eingabe-P-A2-01");
    await expect.poll(() => unitCard.textContent()).toContain("In der Vereinbarung des Katalogs gefüllt: Monat (Beispielwert).");
    const values = page.getByRole("table", { name: "Beträge und gefüllte Werte mit Fundstelle" });
    await expect.poll(() => values.getByRole("row", { name: /^P-A2-01-1 / }).getByRole("cell").first().textContent()).toBe("100,00 € (Beispielwert)");
    const group1 = page.getByRole("table", { name: "Maßnahmepauschale Hilfebedarfsgruppe 1 (je vereinbarter Abrechnungseinheit, Hilfebedarfsgruppe 1)" });
    await expect.poll(() => group1.getByRole("row", { name: /^ab 01\.01\.2025/ }).getByRole("cell").allTextContents()).toEqual([
      "100,00 € (Beispielwert) aus Eingabe P-A2-01-1",
      "–",
      "§ 9 a), 002_8a61b7951e60bf5f.txt„Die nach Hilfebedarfsgruppen gewichteten Maßnahmepauschalen“",
      "A2-R21",
    ]);

    // P-A2-11 (observation window, a choice) is open: a select with the agreement's possibilities, no text field.
    const card = page.locator("#eingabe-P-A2-11");
    const select = card.getByRole("combobox", { name: "Wert für P-A2-11 (§ 6.5)" });
    await expect.poll(() => select.locator("option").allTextContents()).toEqual(["– nicht gefüllt –", "Kalendervierteljahr (quarter)", "Kalendermonat (month)"]);
    await expect.poll(() => card.getByRole("textbox", { name: /^Wert für/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(page, "Vereinbarung A2");
    await saveScreenshot(page, "vereinbarung-a2");
    await select.selectOption("month");
    await card.getByRole("button", { name: "P-A2-11 speichern" }).click();
    await card.getByRole("status").filter({ hasText: /\S/ }).waitFor();
    await expect.poll(() => card.getByRole("status").textContent()).toBe("Eingabe P-A2-11 gespeichert. Die Änderung ist im Protokoll vermerkt.");
    await card.getByRole("heading", { level: 3 }).filter({ hasText: "gefüllt" }).waitFor();
    await expect.poll(() => select.inputValue()).toBe("month");
    await expect.poll(() => values.getByRole("row", { name: /^P-A2-11 / }).getByRole("cell").first().textContent()).toBe("Kalendermonat");
    const saved = await administrator<{ inputs: Record<string, unknown> }>("GET", "/agreement-instances/demo-A2");
    expect(saved.body.inputs).toEqual({ "P-A2-11": { value: "month" } });
    await context.close();
  }, 60_000);

  it("shows a Leitung the inputs to read only; the server refuses her change", async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, server.baseUrl, "leitung");
    await page.goto(`${server.baseUrl}/vereinbarungen/demo-A4`);
    await expectPageHeading(page, "Intensivpädagogisches Angebot in einer Besonderen Wohnform (Friedehorst, Bremen)");
    const inputs = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Offene Eingaben" }) });
    await expect.poll(() => inputs.getByText("Die Eingaben füllt die Administration. Sie sehen sie hier zum Lesen.").count()).toBe(1);
    const card = page.locator("#eingabe-P-A4-11");
    await expect.poll(() => card.getByRole("heading", { level: 3 }).textContent()).toContain("P-A4-11 · Pauschale gewaltschutzbeauftragte Person, Vergütungsstufe 4 (Anlage 9)");
    await expect.poll(() => card.textContent()).toContain("§ 5.9");
    await expect.poll(() => card.textContent()).toContain("noch nicht gefüllt");
    await expect.poll(() => inputs.getByRole("textbox").count()).toBe(0);
    await expect.poll(() => inputs.getByRole("button").count()).toBe(0);
    await expect.poll(() => page.getByRole("combobox").count()).toBe(0);
    await expect.poll(() => page.getByRole("table", { name: /^Entscheidungen für A4/ }).getByRole("row", { name: /^D32:/ }).getByRole("cell").first().textContent()).toBe(
      "wholeHours: nur volle Stunden (in der Vereinbarung gewählt)",
    );
    await expectNoAccessibilityViolations(page, "Vereinbarung (Leitung)");

    // A link naming an input (a hold's „Eingabe … erfassen“) jumps to its card: the focus lands on the card's heading.
    // On a fresh load of the address, and within the app (the router follows the link).
    await page.goto(`${server.baseUrl}/vereinbarungen`);
    await expectPageHeading(page, "Vereinbarungen");
    await page.goto(`${server.baseUrl}/vereinbarungen/demo-A4#eingabe-P-A4-11`);
    await page.waitForFunction(() => document.activeElement?.id === "eingabe-P-A4-11-title");
    await page.goto(`${server.baseUrl}/vereinbarungen`);
    await expectPageHeading(page, "Vereinbarungen");
    await page.evaluate(() => {
      const link = document.createElement("a");
      link.href = "/vereinbarungen/demo-A4#eingabe-P-A4-10";
      link.textContent = "Eingabe P-A4-10 in der Vereinbarung erfassen";
      document.getElementById("main")!.append(link);
      link.click();
    });
    await page.waitForFunction(() => document.activeElement?.id === "eingabe-P-A4-10-title");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("P-A4-10 · ");
    await context.close();
    const leitung = await apiSessionOf(server.baseUrl, "leitung");
    expect((await leitung("PATCH", "/agreement-instances/demo-A4", { inputs: { "P-A4-11": { value: "100.00" } } })).status).toBe(404);
  }, 60_000);
});
