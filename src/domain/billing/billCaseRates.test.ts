/**
 * A2-R21: per-case rates with an agreed unit and need-group-keyed Maßnahmepauschale. Amounts are TEST FIXTURES
 * (A2 prints none); they are never real rates.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadAgreementFolder, DEFAULT_AGREEMENTS_DIRECTORY } from "../../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { fillAgreementInputs } from "../agreement/resolveAgreement.ts";
import { caseFileSchema, type CaseFileInput } from "../case/caseFileSchema.ts";
import { formatFixed } from "../money/amount.ts";
import { billCase } from "./billCase.ts";
import type { InvoiceDraft } from "./invoiceDraft.ts";

let a2: Agreement;
beforeAll(() => {
  a2 = loadAgreementFolder(`${DEFAULT_AGREEMENTS_DIRECTORY}/A2-bremen-rahmen-kognitive-beeintraechtigung`).agreements.get("A2")!;
});

const fixture = (value: unknown) => ({ value, example: true });
function a2With(unit: string | undefined, omit: string[] = []) {
  const values: Record<string, { value: unknown; example: boolean }> = {
    "P-A2-01-1": fixture("100.00"),
    "P-A2-01-2": fixture("200.00"),
    "P-A2-01-3": fixture("300.00"),
    "P-A2-01-4": fixture("400.00"),
    "P-A2-01-5": fixture("500.00"),
    "P-A2-02": fixture("50.00"),
    "P-A2-03": fixture("10.00"),
  };
  if (unit) values["P-A2-01"] = fixture(unit);
  for (const id of omit) delete values[id];
  return fillAgreementInputs(a2, values);
}

function a2Case(input: Omit<Partial<CaseFileInput>, "case"> & { case?: Partial<CaseFileInput["case"]> } = {}) {
  return caseFileSchema.parse({
    agreement: "A2",
    client: { id: "Y" },
    ...input,
    case: { id: "Y-A2", start: "2026-01-01", needGroups: [{ from: "2026-01-01", group: 3 }], ...input.case },
    costCoverages: input.costCoverages ?? [{ id: "B", from: "2026-01-01", kind: "gesamtplanWithVolume" }],
  });
}

const lines = (draft: InvoiceDraft) => draft.lines.map((line) => [line.label, line.quantity.toString(), formatFixed(line.unitPrice), formatFixed(line.amount), line.explanation.source.clause]);

describe("A2 per-case rates (A2-R21)", () => {
  it("per month: HBG 3 → Maßnahmepauschale 300.00 + Grundpauschale 50.00 + Investitionsbetrag 10.00, each with its clause", () => {
    const draft = billCase(a2With("month"), a2Case(), { from: "2026-03-01", to: "2026-03-31" });
    expect(lines(draft)).toEqual([
      ["Grundpauschale", "1", "50.00", "50.00", "§ 9 b)"],
      ["Investitionsbetrag", "1", "10.00", "10.00", "§ 9 c)"],
      ["Maßnahmepauschale HBG 3", "1", "300.00", "300.00", "§ 9 a)"],
    ]);
    expect(formatFixed(draft.totals.billed)).toBe("360.00");
    expect(draft.lines.every((line) => line.exampleValue)).toBe(true);
  });

  it("per month: a part month (admission on 10.03.) and a need-group change are held, never prorated by guess", () => {
    const partial = billCase(a2With("month"), a2Case({ case: { start: "2026-03-10", needGroups: [{ from: "2026-03-10", group: 3 }] } }), { from: "2026-03-01", to: "2026-03-31" });
    expect(partial.lines).toEqual([]);
    expect(partial.holds).toEqual([expect.objectContaining({ code: "partMonth", periodFrom: "2026-03-10", periodTo: "2026-03-31" })]);
    expect(partial.holds[0]!.quantity.toString()).toBe("22");
    const change = billCase(a2With("month"), a2Case({ case: { needGroups: [{ from: "2026-01-01", to: "2026-03-15", group: 3 }, { from: "2026-03-16", group: 4 }] } }), { from: "2026-03-01", to: "2026-03-31" });
    expect(change.holds.map((hold) => hold.code)).toEqual(["partMonth"]);
  });

  it("per month: a cost coverage ending on 15.03. holds the March lump sums (X-R05), a following coverage closes the gap", () => {
    const ending = billCase(a2With("month"), a2Case({ costCoverages: [{ id: "B", from: "2026-01-01", to: "2026-03-15", kind: "gesamtplanWithVolume" }] }), { from: "2026-02-01", to: "2026-03-31" });
    // February is covered whole and billed; March is covered only until the 15th.
    expect(lines(ending).map(([label, quantity]) => `${label} ${quantity}`)).toEqual(["Grundpauschale 1", "Investitionsbetrag 1", "Maßnahmepauschale HBG 3 1"]);
    expect(ending.lines.every((line) => line.periodFrom === "2026-02-01" && line.periodTo === "2026-02-28")).toBe(true);
    // A2 has no cost-coverage clause of its own (no costCoverageGate in billing.yaml): the hold carries the lump
    // sum's rule and clause, as a hold for a month without any coverage does.
    expect(ending.holds.map((hold) => [hold.code, hold.periodFrom, hold.periodTo, hold.explanation.ruleId, hold.explanation.source.clause])).toEqual([
      ["partMonthCoverage", "2026-03-01", "2026-03-31", "A2-R21", "§ 9 a)"],
      ["partMonthCoverage", "2026-03-01", "2026-03-31", "A2-R21", "§ 9 b)"],
      ["partMonthCoverage", "2026-03-01", "2026-03-31", "A2-R21", "§ 9 c)"],
    ]);
    expect(ending.holds[0]!.message).toContain("keine Kostenübernahme ab 16.03.2026");
    const chained = billCase(
      a2With("month"),
      a2Case({ costCoverages: [{ id: "B", from: "2026-01-01", to: "2026-03-15", kind: "gesamtplanWithVolume" }, { id: "C", from: "2026-03-16", kind: "gesamtplanWithVolume" }] }),
      { from: "2026-03-01", to: "2026-03-31" },
    );
    expect(chained.holds).toEqual([]);
    expect(formatFixed(chained.totals.billed)).toBe("360.00");
  });

  it("per day: the need group on each service date decides the Maßnahmepauschale (15 days HBG 3, 16 days HBG 4)", () => {
    const draft = billCase(a2With("serviceDay"), a2Case({ case: { needGroups: [{ from: "2026-01-01", to: "2026-03-15", group: 3 }, { from: "2026-03-16", group: 4 }] } }), { from: "2026-03-01", to: "2026-03-31" });
    expect(lines(draft)).toEqual([
      ["Grundpauschale", "31", "50.00", "1550.00", "§ 9 b)"],
      ["Investitionsbetrag", "31", "10.00", "310.00", "§ 9 c)"],
      ["Maßnahmepauschale HBG 3", "15", "300.00", "4500.00", "§ 9 a)"],
      ["Maßnahmepauschale HBG 4", "16", "400.00", "6400.00", "§ 9 a)"],
    ]);
  });

  it("per hour: direct contact counts (remote too, A2-R06), indirect time does not (A2-R09)", () => {
    const draft = billCase(
      a2With("hour"),
      a2Case({
        entries: [
          { date: "2026-03-02", minutes: 90, timeKind: "direct" },
          { date: "2026-03-03", minutes: 30, timeKind: "direct", mode: "remote", remoteChannel: "phone" },
          { date: "2026-03-04", minutes: 60, timeKind: "indirect" },
        ],
      }),
      { from: "2026-03-01", to: "2026-03-31" },
    );
    expect(lines(draft).find((line) => line[0] === "Maßnahmepauschale HBG 3")).toEqual(["Maßnahmepauschale HBG 3", "2", "300.00", "600.00", "§ 9 a)"]);
  });

  it("holds naming the input: no unit (P-A2-01), no amount for the group (P-A2-01-3), no need group (P-A2-05)", () => {
    const noUnit = billCase(a2With(undefined), a2Case(), { from: "2026-03-01", to: "2026-03-31" });
    expect(noUnit.holds).toEqual([expect.objectContaining({ code: "inputMissing", inputId: "P-A2-01" })]);
    const noAmount = billCase(a2With("month", ["P-A2-01-3"]), a2Case(), { from: "2026-03-01", to: "2026-03-31" });
    expect(noAmount.holds).toEqual([expect.objectContaining({ code: "inputMissing", inputId: "P-A2-01-3" })]);
    expect(formatFixed(noAmount.totals.billed)).toBe("60.00");
    const noGroup = billCase(a2With("month"), a2Case({ case: { needGroups: [] } }), { from: "2026-03-01", to: "2026-03-31" });
    expect(noGroup.holds).toEqual([expect.objectContaining({ code: "needGroupMissing", inputId: "P-A2-05" })]);
  });

  it("holds days without cost coverage", () => {
    const draft = billCase(a2With("serviceDay"), a2Case({ costCoverages: [{ id: "B", from: "2026-03-11", kind: "gesamtplanWithVolume" }] }), { from: "2026-03-01", to: "2026-03-31" });
    const held = draft.holds.filter((hold) => hold.code === "noCostCoverage");
    expect(held.map((hold) => [hold.periodFrom, hold.periodTo, hold.quantity.toString()])).toEqual([
      ["2026-03-01", "2026-03-10", "10"],
      ["2026-03-01", "2026-03-10", "10"],
      ["2026-03-01", "2026-03-10", "10"],
    ]);
  });
});
