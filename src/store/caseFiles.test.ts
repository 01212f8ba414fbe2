/**
 * The store and the file give the same bill: every example case file imported into rows (importCaseFile) and
 * read back (loadCaseFiles) bills to the same lines, holds and totals as the file itself through the CLI's path,
 * up to entry and cost-coverage ids (prefixed by the case id in the store).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { resolveCaseAgreement } from "../cli/resolveCaseAgreement.ts";
import type { Agreement } from "../domain/agreement/agreementSchema.ts";
import { billCase } from "../domain/billing/billCase.ts";
import { presentInvoiceDraft, type InvoiceDraftView } from "../domain/billing/presentInvoiceDraft.ts";
import { inputValueSchema } from "../domain/agreement/inputRegister.ts";
import { caseFileSchema, type CaseFile } from "../domain/case/caseFileSchema.ts";
import { loadCaseFiles } from "./caseFiles.ts";
import { importCaseFile } from "./importCaseFile.ts";
import { agreementInstances, organisations } from "./schema/index.ts";
import type { Store } from "./store.ts";
import { openTestStore } from "./storeTestSupport.ts";

const catalogue = loadCatalogue();
const ORGANISATION = "traeger-gleichheit";

/** The worked example E11/E12 (A4, January–February 2026), formerly examples/a4-januar-februar-2026.json. */
const E11_E12 = {
  agreement: "A4",
  client: { id: "K-A4-001", name: "Beispiel-Person A4", birthDate: "1990-05-14", disabilities: ["intellectual", "multiple"], substantialDisability: true },
  case: { id: "F-A4-001", start: "2026-01-01", payer: { id: "HB-EGH", name: "Amt für Soziale Dienste Bremen" }, careContractDate: "2025-12-20", rentExcess: true },
  costCoverages: [{ id: "KÜ-2026-0815", from: "2026-01-01", to: "2026-06-30", fileReference: "AfSD 421-0815/2026" }],
  absences: [
    { from: "2026-01-06", to: "2026-01-15", reason: "holiday" },
    { from: "2026-01-20", to: "2026-02-23", reason: "hospital" },
  ],
};

interface Example {
  name: string;
  caseFile: CaseFile;
  months: string[];
}

const examples: Example[] = [
  ...readdirSync("examples")
    .filter((name) => name.endsWith(".json") && name !== "team.json")
    .sort()
    .map((name) => ({ name, caseFile: caseFileSchema.parse(JSON.parse(readFileSync(join("examples", name), "utf8"))), months: ["2026-03"] })),
  { name: "E11/E12 (A4 Januar–Februar 2026)", caseFile: caseFileSchema.parse(E11_E12), months: ["2026-01", "2026-02"] },
  // docs/case-file-format.md § 3: the A4 example as a template with inputs and D01 C gives 44.316,59 €.
  {
    name: "A4 mit Eingaben P-A4-09/P-A4-10 und D01 C",
    caseFile: caseFileSchema.parse({
      ...JSON.parse(readFileSync("examples/a4-intensivwohnen.json", "utf8")),
      agreement: { template: "A4", inputs: { "P-A4-09": "60.00", "P-A4-10": "40.00" } },
      policies: { D01: "C" },
    }),
    months: ["2026-03"],
  },
];

/** Inputs of a `{ template, inputs }` file as an instance stores them: the long form, plain values as Beispielwerte (as the CLI reads them). */
function instanceInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs).map(([id, raw]) => {
      const structured = inputValueSchema.safeParse(raw);
      return [id, structured.success && typeof raw === "object" && raw !== null && !Array.isArray(raw) ? structured.data : { value: raw, example: true }];
    }),
  );
}

function monthPeriod(month: string): { from: string; to: string } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The bill without the ids the store prefixes: entry and cost-coverage ids lose their "case id/" prefix. */
function withoutIdPrefix(view: InvoiceDraftView, caseId: string): unknown {
  const prefix = `${caseId}/`;
  const strip = (value: unknown): unknown => {
    if (typeof value === "string") return value.startsWith(prefix) ? value.slice(prefix.length) : value;
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, strip(inner)]));
    return value;
  };
  return strip(view);
}

let store: Store;
const stored = new Map<string, { agreement: Agreement | undefined; caseFile: CaseFile }>();

beforeAll(async () => {
  store = await openTestStore();
  await store.db.insert(organisations).values({ id: ORGANISATION, kind: "provider", name: "Träger Gleichheit gGmbH" });
  for (const [index, example] of examples.entries()) {
    const choice = example.caseFile.agreement;
    const instanceId = `inst-${index}`;
    await store.db.insert(agreementInstances).values({
      organisationId: ORGANISATION,
      id: instanceId,
      agreementId: typeof choice === "string" ? choice : choice.template,
      inputs: typeof choice === "string" ? {} : instanceInputs(choice.inputs),
    });
    // Each example becomes its own client and case, so that two files with the same ids do not collide.
    const caseFile: CaseFile = { ...example.caseFile, client: { ...example.caseFile.client, id: `${example.caseFile.client.id}-${index}` }, case: { ...example.caseFile.case, id: `${example.caseFile.case.id}-${index}` } };
    await store.transaction((tx) => importCaseFile(tx, caseFile, { organisationId: ORGANISATION, agreementInstanceId: instanceId }));
  }
  const all = await loadCaseFiles(store.db, catalogue, { organisationId: ORGANISATION, from: "2026-01-01", to: "2026-03-31" });
  for (const item of all) stored.set(item.caseId, { agreement: item.agreement, caseFile: item.caseFile });
}, 60_000);
afterAll(async () => store?.close());

describe("case files through the store bill as the files do", () => {
  for (const [index, example] of examples.entries()) {
    for (const month of example.months) {
      it(`${example.name}, ${month}: same lines, holds and totals`, async () => {
        const caseId = `${example.caseFile.case.id}-${index}`;
        const period = monthPeriod(month);
        const fileAgreement = resolveCaseAgreement(catalogue, example.caseFile, example.name);
        const fromFile = presentInvoiceDraft(billCase(fileAgreement, example.caseFile, period));
        const rows = await loadCaseFiles(store.db, catalogue, { organisationId: ORGANISATION, ...period, caseIds: [caseId] });
        expect(rows).toHaveLength(1);
        const fromStore = presentInvoiceDraft(billCase(rows[0]!.agreement!, rows[0]!.caseFile, period));
        const expected = { ...fromFile, caseId, clientId: `${fromFile.clientId}-${index}` };
        expect(withoutIdPrefix(fromStore, caseId)).toEqual(withoutIdPrefix(expected as InvoiceDraftView, caseId));
      });
    }
  }

  it("reads every case's file the same whether a billing run reads the whole provider's month or a view reads that one case", async () => {
    for (const month of ["2026-01", "2026-02", "2026-03"]) {
      const period = monthPeriod(month);
      const provider = await loadCaseFiles(store.db, catalogue, { organisationId: ORGANISATION, ...period });
      expect(provider.length).toBeGreaterThan(0);
      for (const item of provider) {
        const [single] = await loadCaseFiles(store.db, catalogue, { organisationId: ORGANISATION, ...period, caseIds: [item.caseId] });
        // Entries in the same order (date, start, id) with the same fields: the engine consumes volume in that order.
        expect(item.caseFile.entries, `${item.caseId} ${month}`).toEqual(single!.caseFile.entries);
        expect(item.caseFile).toEqual(single!.caseFile);
      }
    }
  });

  it("the README's figures: A4 March 44.347,33 €; E11/E12 January 45.499,18 €, February 40.008,19 €", async () => {
    const billedIn = async (caseIdStart: string, month: string) => {
      const period = monthPeriod(month);
      const rows = await loadCaseFiles(store.db, catalogue, { organisationId: ORGANISATION, ...period });
      const row = rows.find((item) => item.caseId.startsWith(caseIdStart))!;
      return presentInvoiceDraft(billCase(row.agreement!, row.caseFile, period)).totals.billed;
    };
    expect(await billedIn("F-A4-002-", "2026-03")).toBe("44347.33");
    expect(await billedIn("F-A4-001-", "2026-01")).toBe("45499.18");
    expect(await billedIn("F-A4-001-", "2026-02")).toBe("40008.19");
    expect(await billedIn(`F-A4-002-${examples.length - 1}`, "2026-03")).toBe("44316.59");
  });

  it("every example is read back from the store", () => {
    expect(stored.size).toBe(examples.length);
  });
});
