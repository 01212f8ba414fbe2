import { describe, it, expect } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import { evaluateMonthlyVolume } from "./monthlyVolume.ts";
import { checkNeedGroupCorridor } from "./needGroupCorridor.ts";
import { buildCase, entry, spread } from "./volumeTestSupport.ts";

/** The shipped agreement folders (agreement.yaml + volume.yaml + instances) drive the same results. */
describe("volume sections in the shipped catalogue", () => {
  const catalogue = loadCatalogue();

  it("A3 and its example instance: February 2026, 18.0 h → 4.50 shortfall (E06)", () => {
    for (const id of ["A3", "A3-beispiel"]) {
      const agreement = catalogue.agreements.get(id)!;
      const result = evaluateMonthlyVolume(agreement, buildCase({ start: "2024-03-01", entries: spread("18.0", ["2026-02-03", "2026-02-17"]) }), "2026-02");
      expect([id, result.status, result.averageWeeklyHoursRounded]).toEqual([id, "shortfall", "4.50"]);
    }
  });

  it("A2 and its example instance (P-A2-11 empty → D09 quarter): person X Q1 2026 → 4.67 WARN (E05)", () => {
    for (const id of ["A2", "A2-beispiel-bremen"]) {
      const agreement = catalogue.agreements.get(id)!;
      const caseFile = buildCase({ start: "2025-01-01", needGroups: [{ from: "2025-01-01", group: 3 }], entries: [entry("2026-02-10", "60.0")] });
      const result = checkNeedGroupCorridor(agreement, caseFile, "2026-Q1");
      expect([id, result.segments[0]?.averageWeeklyHoursRounded, result.findings[0]?.severity]).toEqual([id, "4.67", "warn"]);
      expect(result.explanation.policies?.find((policy) => policy.decision === "D09")).toEqual({ decision: "D09", option: "quarter", origin: "default" });
    }
  });
});
