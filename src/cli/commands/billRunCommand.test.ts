/**
 * `teilhabe bill-run` against a store of its own (embedded data folder, or a database with DATABASE_URL): the
 * German table of a draft run, issuing with --issue, the JSON view, a bad month (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointEnvironmentAt, prepareIsolatedTestStore, type IsolatedTestStore } from "../../server/billing/isolatedTestStore.ts";
import { seedBillingExamples } from "../../server/billing/seedBillingExamples.ts";
import { organisations } from "../../store/schema/index.ts";
import { openStore } from "../../store/store.ts";
import { runTeilhabe } from "../cliTestSupport.ts";

const ORGANISATION = "traeger-kommandozeile";
let isolated: IsolatedTestStore;
let restoreEnvironment: (() => void) | undefined;

beforeAll(async () => {
  isolated = await prepareIsolatedTestStore("cli");
  const store = await openStore(isolated.options);
  await store.db.insert(organisations).values({ id: ORGANISATION, kind: "provider", name: "Träger Kommandozeile e. V." });
  await seedBillingExamples(store.db, ORGANISATION);
  await store.close();
  restoreEnvironment = pointEnvironmentAt(isolated, { TEILHABE_ORGANISATION: ORGANISATION });
}, 60_000);

afterAll(async () => {
  restoreEnvironment?.();
  await isolated?.remove();
});

describe("teilhabe bill-run", () => {
  it("prints the draft run as a German table: invoices per payer, holds with reason and rule, totals", async () => {
    const { code, stdout, stderr } = await runTeilhabe(["bill-run", "--month", "2026-03"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Abrechnungslauf 03/2026 für ${ORGANISATION}: Entwurf, 5 Fälle`);
    expect(stdout).toMatch(/Entwurf\s+│ Rechnung\s+│ HB-EGH\s+│ 01\.03\.2026 – 31\.03\.2026 │\s+8 │ 44\.707,33 €/);
    expect(stdout).toMatch(/KSV-SN .* 2\.000,00 €/);
    expect(stdout).toContain("bewilligtes Volumen von 20 Std. (je Monat) überschritten");
    expect(stdout).toContain("A0-R04 (§ 1.3)");
    expect(stdout).toContain("Summe Rechnungen: 46.707,33 € in 2 Rechnungen    angehalten: 250,00 € in 6 Rückhalten");
  });

  it("issues with --issue (numbers 2026-000001, 2026-000002) and gives exact JSON with --json", async () => {
    const { code, stdout } = await runTeilhabe(["bill-run", "--month", "2026-03", "--issue", "--json"]);
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view).toMatchObject({ organisationId: ORGANISATION, month: "2026-03", state: "issued", totals: { totalCents: 4670733, total: "46707.33" } });
    expect(view.invoices.map((invoice: { number: string; total: string }) => [invoice.number, invoice.total])).toEqual([
      ["2026-000001", "44707.33"],
      ["2026-000002", "2000.00"],
    ]);
    const again = await runTeilhabe(["bill-run", "--month", "2026-03"]);
    expect(again.stdout).toContain("Keine neuen Rechnungen.");
  });

  it("refuses a month that is none, exit 2", async () => {
    const { code, stderr } = await runTeilhabe(["bill-run", "--month", "2026-13"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--month: „2026-13“ ist kein Monat");
  });
});
