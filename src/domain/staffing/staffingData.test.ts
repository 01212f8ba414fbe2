/// <reference types="vite/client" />
import { describe, it, expect } from "vitest";
import { parse as parseYaml } from "yaml";
import { DECISIONS } from "../policy/decisions.ts";
import { loadStaffingAgreement, STAFFING_TEXTS, type AgreementKey } from "./staffingTestSupport.ts";
import seedA0 from "../../../../shared/seeds/000_7db5b5ac2e12ef0c.txt?raw";
import seedA1 from "../../../../shared/seeds/001_9bba19a68ce1b9d2.txt?raw";
import seedA2 from "../../../../shared/seeds/002_8a61b7951e60bf5f.txt?raw";
import seedA3 from "../../../../shared/seeds/003_ff97f79a5ff20350.txt?raw";
import seedA4 from "../../../../shared/seeds/004_46ec7c044b308469.txt?raw";

const SEEDS: Record<string, string> = {
  "000_7db5b5ac2e12ef0c.txt": seedA0,
  "001_9bba19a68ce1b9d2.txt": seedA1,
  "002_8a61b7951e60bf5f.txt": seedA2,
  "003_ff97f79a5ff20350.txt": seedA3,
  "004_46ec7c044b308469.txt": seedA4,
};
const KEYS: AgreementKey[] = ["A0", "A1", "A2", "A3", "A4"];

function collect(value: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((item) => collect(item, visit));
  else if (value && typeof value === "object") {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((child) => collect(child, visit));
  }
}

describe("agreements/*/staffing.yaml", () => {
  it.each(KEYS)("%s validates together with its header (input references exist)", (key) => {
    const agreement = loadStaffingAgreement(key);
    expect(agreement.staffing).toBeDefined();
  });

  it.each(KEYS)("%s quotes its sources literally from the seed file it names", (key) => {
    const quotes: string[] = [];
    collect(parseYaml(STAFFING_TEXTS[key].staffing), (record) => {
      if (typeof record.file === "string" && typeof record.quote === "string") {
        const seed = SEEDS[record.file];
        expect(seed, `unknown seed ${record.file}`).toBeDefined();
        if (!seed!.includes(record.quote)) quotes.push(record.quote);
      }
    });
    expect(quotes).toEqual([]);
  });

  it.each(KEYS)("%s names only decisions and options that exist", (key) => {
    const staffing = loadStaffingAgreement(key).staffing!;
    collect(staffing, (record) => {
      if (typeof record.decision === "string") expect(DECISIONS[record.decision]).toBeDefined();
      if (Array.isArray(record.decisions)) for (const id of record.decisions) expect(DECISIONS[id as string]).toBeDefined();
    });
  });

  it("A2 carries the five need-group ratios, 1:45 and 38.5 h exactly as printed (A2-R17–R19)", () => {
    const requirement = loadStaffingAgreement("A2").staffing!.requirements[0]!;
    expect(requirement.needGroupRatios!.map((ratio) => ratio.personsPerFullTimeEquivalent)).toEqual(["10.14", "4.76", "2.64", "1.47", "1.01"]);
    expect(requirement.coordination!.personsPerFullTimeEquivalent).toMatchObject({ value: "45" });
    expect(requirement.weeklyHours!.minimumPerFullTimeEquivalent.value).toBe("38.5");
    expect(requirement.weeklyHours!.contractFullTimeHours).toEqual({ input: "P-A2-04" });
  });

  it("open values stay inputs: A1 interval P-A1-08 (D24), A3 places P-A3-07 and maximum age P-A3-15, A4 day-shift quota P-A4-05, A0 profile P-A0-15", () => {
    expect(loadStaffingAgreement("A1").staffing!.backgroundChecks[0]!.interval).toEqual({ input: "P-A1-08" });
    expect(loadStaffingAgreement("A3").staffing!.requirements[0]!.agreedPlaces).toEqual({ input: "P-A3-07" });
    expect(loadStaffingAgreement("A3").staffing!.backgroundChecks[0]!.maximumCertificateAge).toEqual({ input: "P-A3-15" });
    expect(loadStaffingAgreement("A4").staffing!.quotas.find((quota) => quota.ruleId === "A4-R16")!.limit).toEqual({ input: "P-A4-05" });
    expect(loadStaffingAgreement("A0").staffing!.qualificationCatalogue!.entries).toEqual({ input: "P-A0-15" });
  });
});
