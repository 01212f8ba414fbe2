/**
 * Broken agreement files are refused with a message naming the file, the field path, the value and the rule:
 * a sum that does not add up (E10), overlapping rate periods, wrong dates, a missing source, unknown inputs.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_AGREEMENTS_DIRECTORY } from "../../catalogue/agreementCatalogue.ts";
import { validateAgreementParts, type AgreementPart } from "./resolveAgreement.ts";
import { formatIssue } from "./validationIssue.ts";

const A4_FOLDER = join(DEFAULT_AGREEMENTS_DIRECTORY, "A4-bremen-intensivpaedagogisch");

function loadA4Parts(): AgreementPart[] {
  return readdirSync(A4_FOLDER)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ file: name, data: parse(readFileSync(join(A4_FOLDER, name), "utf8")) }));
}

function withPart(parts: AgreementPart[], file: string, change: (data: Record<string, unknown>) => void): AgreementPart[] {
  return parts.map((part) => {
    if (part.file !== file) return part;
    const data = structuredClone(part.data) as Record<string, unknown>;
    change(data);
    return { file, data };
  });
}

type RateData = { rates: { id: string; periods: Record<string, unknown>[] }[] };

function issuesOf(parts: AgreementPart[]): string[] {
  const result = validateAgreementParts(parts);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe("agreement files", () => {
  it("accept A4 as printed", () => {
    expect(issuesOf(loadA4Parts())).toEqual([]);
  });

  it("refuse a rate set whose components add up to 1,446.39 instead of the printed 1,446.38 (E10)", () => {
    const parts = withPart(loadA4Parts(), "rates.yaml", (data) => {
      const daily = (data as unknown as RateData).rates[0]!;
      (daily.periods[0]!.components as { name: string; amount: string }[])[0]!.amount = "72.23";
    });
    expect(issuesOf(parts)).toEqual(['rates.yaml: rates[0].periods[0].total (Wert: "1446.38"): Summe der Bestandteile 1446.39 ≠ gedrucktes Gesamtentgelt 1446.38 (rules.md E10: Satz wird nicht aktiviert)']);
  });

  it("refuse overlapping rate periods", () => {
    const parts = withPart(loadA4Parts(), "rates.yaml", (data) => {
      const rent = (data as unknown as RateData).rates.find((rate) => rate.id === "rentSupplementDay")!;
      rent.periods.push({ ...rent.periods[0]!, validFrom: "2026-06-01", validTo: "2026-12-31" });
    });
    expect(issuesOf(parts)).toEqual([
      'rates.yaml: rates[2].periods[1].validFrom (Wert: "2026-06-01"): Zeitraum ab 2026-06-01 überschneidet sich mit dem Zeitraum ab 2026-01-01 bis 2026-06-30',
    ]);
  });

  it("refuse an impossible date and an end before the start", () => {
    const parts = withPart(loadA4Parts(), "rates.yaml", (data) => {
      const rates = (data as unknown as RateData).rates;
      rates[2]!.periods[0]!.validTo = "2026-02-30";
      rates[3]!.periods[0]!.validTo = "2025-12-31";
    });
    expect(issuesOf(parts)).toEqual([
      'rates.yaml: rates[2].periods[0].validTo (Wert: "2026-02-30"): kein gültiges Datum (erwartet JJJJ-MM-TT)',
      'rates.yaml: rates[3].periods[0].validTo (Wert: "2025-12-31"): Gültig bis 2025-12-31 liegt vor gültig ab 2026-01-01',
    ]);
  });

  it("refuse a value without its source quote", () => {
    const parts = withPart(loadA4Parts(), "rates.yaml", (data) => {
      delete ((data as unknown as RateData).rates[0]!.periods[0]!.source as Record<string, unknown>).quote;
    });
    expect(issuesOf(parts)).toEqual(["rates.yaml: rates[0].periods[0].source.quote: Invalid input: expected string, received undefined"]);
  });

  it("refuse a reference to an input the agreement does not define, and a rate the billing names but nobody defines", () => {
    const parts = withPart(withPart(loadA4Parts(), "rates.yaml", (data) => {
      (data as unknown as RateData).rates[4]!.periods[0]!.amount = { input: "P-A4-99" };
    }), "billing.yaml", (data) => {
      ((data.billing as Record<string, Record<string, unknown>>).daily!).rate = "dailyRat";
    });
    expect(issuesOf(parts)).toEqual([
      "rates.yaml: rates[4].periods[0].amount: Verweis auf unbekannte Eingabe P-A4-99",
      'billing.yaml: billing.daily.rate (Wert: "dailyRat"): Verweis auf unbekannten Satz dailyRat',
    ]);
  });

  it("refuse a German word for a choice code the input does not offer", () => {
    const parts = withPart(loadA4Parts(), "agreement.yaml", (data) => {
      const inputs = data.inputs as Record<string, unknown>[];
      inputs[0] = { ...inputs[0], type: "choice", choices: ["day", "month"], choiceLabels: { day: "Tag", mnth: "Monat" } };
    });
    const id = (loadA4Parts().find((part) => part.file === "agreement.yaml")!.data as { inputs: { id: string }[] }).inputs[0]!.id;
    expect(issuesOf(parts)).toEqual([`agreement.yaml: inputs[0].choiceLabels.mnth (Wert: "Monat"): „mnth“ ist keine Möglichkeit der Eingabe ${id} (choices: day, month)`]);
  });

  it("refuse a key defined in two files and an unknown policy option", () => {
    const parts = [...withPart(loadA4Parts(), "agreement.yaml", (data) => {
      data.policies = { D01: "Z" };
    }), { file: "extra.yaml", data: { rates: [] } }];
    const issues = issuesOf(parts);
    expect(issues).toContain("extra.yaml: rates: Schlüssel „rates“ ist schon in rates.yaml definiert");
    expect(issues).toContain("agreement.yaml: policies: D01: Option „Z“ unbekannt (erlaubt: A, B, C)");
  });
});
