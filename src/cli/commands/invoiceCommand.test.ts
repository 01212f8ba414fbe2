/**
 * `teilhabe invoice export` against a store of its own: the March 2026 run of the example cases issued, then
 * the HB-EGH invoice as XRechnung (business rules), PDF (total, Leitweg-ID), DATEV (amounts, accounts) and CSV;
 * a draft and an unknown id are refused with exit codes 3 and 1.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeWindows1252 } from "../../documents/datev/windows1252.ts";
import { checkXrechnungRules } from "../../documents/xrechnung/checkXrechnungRules.ts";
import { hasXmllint, validateAgainstUbl, XMLLINT_MISSING_MESSAGE } from "../../documents/xrechnung/xmlSchemaTestSupport.ts";
import { pointEnvironmentAt, prepareIsolatedTestStore, type IsolatedTestStore } from "../../server/billing/isolatedTestStore.ts";
import { seedBillingExamples } from "../../server/billing/seedBillingExamples.ts";
import { invoices, organisations } from "../../store/schema/index.ts";
import { openStore } from "../../store/store.ts";
import { runTeilhabe } from "../cliTestSupport.ts";

const ORGANISATION = "traeger-dokumente";
let isolated: IsolatedTestStore;
let restoreEnvironment: (() => void) | undefined;
const folder = mkdtempSync(join(tmpdir(), "teilhabe-invoice-"));
let draftId = "";

beforeAll(async () => {
  isolated = await prepareIsolatedTestStore("invoicecli");
  const store = await openStore(isolated.options);
  await store.db.insert(organisations).values([
    {
      id: ORGANISATION,
      kind: "provider",
      name: "Träger Dokumente gGmbH",
      address: { street: "Am Wall 1", postalCode: "28195", city: "Bremen", countryCode: "DE" },
      contact: { name: "Erika Mustermann", phone: "+49 421 1234567", email: "rechnung@traeger-dokumente.example" },
      taxNumber: "60/123/45678",
      iban: "DE75512108001245126199",
    },
    { id: "HB-EGH", kind: "payer", name: "Amt für Soziale Dienste Bremen", leitwegId: "04011000-1234512345-06", address: { street: "Contrescarpe 73", postalCode: "28195", city: "Bremen", countryCode: "DE" } },
  ]);
  await seedBillingExamples(store.db, ORGANISATION);
  await store.close();
  restoreEnvironment = pointEnvironmentAt(isolated, { TEILHABE_ORGANISATION: ORGANISATION });
  expect((await runTeilhabe(["bill-run", "--month", "2026-03", "--issue"])).code).toBe(0);
  expect((await runTeilhabe(["bill-run", "--month", "2026-04"])).code).toBe(0);
  const check = await openStore(isolated.options);
  const [draft] = await check.db.select().from(invoices).where(eq(invoices.state, "draft")).limit(1);
  draftId = draft!.id;
  await check.close();
}, 90_000);

afterAll(async () => {
  restoreEnvironment?.();
  await isolated?.remove();
});

describe("teilhabe invoice export", () => {
  it("writes the XRechnung of invoice 2026-000001 to standard output; it passes the business rules and the UBL XSD", async () => {
    const { code, stdout, stderr } = await runTeilhabe(["invoice", "export", "2026-000001", "--format", "xrechnung"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(checkXrechnungRules(stdout)).toEqual([]);
    expect(stdout).toContain("<cbc:BuyerReference>04011000-1234512345-06</cbc:BuyerReference>");
    expect(stdout).toContain('<cbc:PayableAmount currencyID="EUR">44707.33</cbc:PayableAmount>');
    if (hasXmllint()) expect(validateAgainstUbl([{ xml: stdout, kind: "Invoice" }])).toEqual([""]);
    else console.warn(XMLLINT_MISSING_MESSAGE);
  });

  it("writes the PDF with --out: total and Leitweg-ID", async () => {
    const out = join(folder, "rechnung.pdf");
    const { code, stdout } = await runTeilhabe(["invoice", "export", "2026-000001", "--format", "pdf", "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rechnung_2026-000001\.pdf geschrieben nach .*rechnung\.pdf \(\d+ Bytes\)/);
    const { text } = await extractText(new Uint8Array(readFileSync(out)), { mergePages: true });
    expect(text).toContain("44.707,33 €");
    expect(text).toContain("04011000-1234512345-06");
  });

  it("DATEV with accounts by option: the invoice as one booking from the payer's debitor account to the revenue account", async () => {
    const out = join(folder, "datev.csv");
    const { code } = await runTeilhabe(["invoice", "export", "2026-000001", "--format", "datev", "--out", out, "--consultant-number", "29098", "--client-number", "55003", "--revenue-account", "8100", "--debitor-accounts", "HB-EGH:10001"]);
    expect(code).toBe(0);
    const rows = parse(decodeWindows1252(readFileSync(out)), { delimiter: ";", relax_column_count: true, record_delimiter: "\r\n" }) as string[][];
    const columns = rows[1]!;
    const amounts = rows.slice(2).map((row) => [row[columns.indexOf("Umsatz (ohne Soll/Haben-Kz)")], row[columns.indexOf("Konto")], row[columns.indexOf("Gegenkonto (ohne BU-Schlüssel)")]]);
    expect(amounts).toEqual([["44707,33", "10001", "8100"]]);
  });

  it("CSV: eight lines of the invoice", async () => {
    const { code, stdout } = await runTeilhabe(["invoice", "export", "2026-000001", "--format", "csv"]);
    expect(code).toBe(0);
    expect((parse(stdout, { delimiter: ";", bom: true, columns: true }) as unknown[]).length).toBe(8);
  });

  it("refuses a draft (exit 3), an unknown invoice (exit 1), a missing DATEV account (exit 3) and a bad format (exit 2)", async () => {
    const draft = await runTeilhabe(["invoice", "export", draftId, "--format", "xrechnung"]);
    expect(draft.code).toBe(3);
    expect(draft.stderr).toContain("Entwurf");
    const unknown = await runTeilhabe(["invoice", "export", "2099-000001", "--format", "pdf"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("„2099-000001“ nicht gefunden");
    const noAccount = await runTeilhabe(["invoice", "export", "2026-000001", "--format", "datev", "--consultant-number", "29098", "--client-number", "55003"]);
    expect(noAccount.code).toBe(3);
    expect(noAccount.stderr).toContain("--revenue-account (Erlöskonto fehlt");
    expect((await runTeilhabe(["invoice", "export", "2026-000001", "--format", "odt"])).code).toBe(2);
  });
});
