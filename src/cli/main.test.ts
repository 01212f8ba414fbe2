import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_AGREEMENTS_DIRECTORY } from "../catalogue/agreementCatalogue.ts";
import { runTeilhabe, writeTemporaryFile } from "./cliTestSupport.ts";

const A4_CASE = {
  agreement: "A4",
  client: { id: "Q" },
  case: { id: "Q-A4", start: "2026-01-01", careContractDate: "2025-12-20" },
  costCoverages: [{ id: "KÜ-1", from: "2026-01-08", to: "2026-06-30" }],
};

describe("teilhabe bill", () => {
  it("prints the E13 draft as exact JSON: 34,713.12 billed, 10,124.66 held for 01.–07.01.2026", async () => {
    const file = writeTemporaryFile("e13.json", A4_CASE);
    const { code, stdout } = await runTeilhabe(["bill", file, "--month", "2026-01", "--json"]);
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view.totals).toMatchObject({ billed: "34713.12", held: "10124.66" });
    expect(view.lines[0]).toMatchObject({ quantity: "24", unitPrice: "1446.38", amount: "34713.12", ruleId: "A4-R07", source: { clause: "§ 5.1" } });
    expect(view.holds[0]).toMatchObject({ code: "noCostCoverage", periodFrom: "2026-01-01", periodTo: "2026-01-07", amount: "10124.66", ruleId: "A4-R06" });
  });

  it("prints a German table with dates, euros, rule and clause", async () => {
    const file = writeTemporaryFile("e13.json", A4_CASE);
    const { code, stdout } = await runTeilhabe(["bill", file, "--month", "2026-01"]);
    expect(code).toBe(0);
    expect(stdout).toContain("08.01.2026 – 31.01.2026");
    expect(stdout).toContain("34.713,12 €");
    expect(stdout).toContain("keine Kostenübernahmeerklärung");
    expect(stdout).toContain("Summe abrechenbar: 34.713,12 €");
  });

  it("answers a what-if with a template and inputs, naming the policy applied (A0, E01 with reading of D21)", async () => {
    const file = writeTemporaryFile("a0.json", {
      agreement: { template: "A0", inputs: { "P-A0-05": "100.00", "P-A0-06": "110.00", "P-A0-10": ["direct"] } },
      policies: { D21: "unit15" },
      client: { id: "P" },
      case: { id: "P-A0", start: "2026-01-01" },
      costCoverages: [{ id: "KSV", from: "2026-01-01", kind: "gesamtplanWithVolume" }],
      entries: [{ date: "2027-01-04", minutes: 50, attribution: "SGB IX" }],
    });
    const { code, stdout } = await runTeilhabe(["bill", file, "--month", "2027-01", "--json"]);
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view.lines[0]).toMatchObject({ quantity: "1", unitPrice: "110.00", amount: "110.00", exampleValue: true });
    expect(view.policies).toContainEqual({ decision: "D21", option: "unit15", origin: "case" });
  });

  it("refuses a bad case file with file, field path, value and expectation, exit code 2 and no stack trace", async () => {
    const file = writeTemporaryFile("bad.json", { ...A4_CASE, case: { ...A4_CASE.case, start: "2026-02-30" }, absences: [{ from: "2026-01-10", to: "2026-01-05", reason: "holiday" }] });
    const { code, stderr } = await runTeilhabe(["bill", file, "--month", "2026-01"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: case.start (Wert: "2026-02-30"): kein gültiges Datum (erwartet JJJJ-MM-TT)`);
    expect(stderr).toContain(`${file}: absences[0].to (Wert: "2026-01-05"): Ende der Abwesenheit liegt vor ihrem Beginn`);
    expect(stderr).not.toContain("    at ");
  });

  it("refuses an unknown agreement and a malformed month with exit code 2", async () => {
    const file = writeTemporaryFile("unknown.json", { ...A4_CASE, agreement: "A9" });
    const unknown = await runTeilhabe(["bill", file, "--month", "2026-01"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`${file}: agreement (Wert: "A9"): unbekannte Vereinbarung`);
    const month = await runTeilhabe(["bill", writeTemporaryFile("ok.json", A4_CASE), "--month", "2026-13"]);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain("--month: „2026-13“ ist kein Monat");
  });
});

describe("teilhabe agreements", () => {
  it("lists every agreement with its state", async () => {
    const { code, stdout } = await runTeilhabe(["agreements", "--as-of", "2026-11-22", "--json"]);
    expect(code).toBe(0);
    const { agreements } = JSON.parse(stdout);
    const byId = Object.fromEntries(agreements.map((state: { id: string }) => [state.id, state]));
    expect(Object.keys(byId).sort()).toEqual(["A0", "A0-beispiel-leipzig", "A1", "A1-beispiel", "A2", "A2-beispiel-bremen", "A3", "A3-beispiel", "A4"]);
    expect(byId.A4.state).toBe("expired");
    expect(byId.A0.state).toBe("template");
    expect(byId["A0-beispiel-leipzig"].exampleInputs).toContain("P-A0-05");
  });

  it("check exits 1 and names file, path, value and rule for a broken folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), "teilhabe-agreement-"));
    cpSync(join(DEFAULT_AGREEMENTS_DIRECTORY, "A4-bremen-intensivpaedagogisch"), folder, { recursive: true });
    const ratesPath = join(folder, "rates.yaml");
    writeFileSync(ratesPath, readFileSync(ratesPath, "utf8").replace('total: "1446.38"', 'total: "1446.39"'));
    const { code, stdout } = await runTeilhabe(["agreements", "check", folder]);
    expect(code).toBe(1);
    expect(stdout).toContain('rates[0].periods[0].total (Wert: "1446.39"): Summe der Bestandteile 1446.38 ≠ gedrucktes Gesamtentgelt 1446.39');
    const clean = await runTeilhabe(["agreements", "check"]);
    expect(clean.code).toBe(0);
  });
});

describe("teilhabe schema", () => {
  it("prints the JSON Schema of the case file", async () => {
    const { code, stdout } = await runTeilhabe(["schema", "case"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.required).toEqual(expect.arrayContaining(["agreement", "client", "case"]));
  });
});

describe("the installed command", () => {
  it("runs as `teilhabe` from the checkout (bin/teilhabe.js) and exits 2 on a missing file", () => {
    const bin = resolve("bin/teilhabe.js");
    const help = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help).toContain("bill");
    const missing = spawnSync(process.execPath, [bin, "bill", "does-not-exist.json", "--month", "2026-01"], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("does-not-exist.json: (Datei): Datei nicht lesbar oder nicht vorhanden");
  });
});
