import { describe, it, expect } from "vitest";
import { teamFileSchema, type TeamFileInput } from "./teamFileSchema.ts";

const base: TeamFileInput = { asOf: "2026-03-01", organisation: { name: "Testträger" }, agreements: ["A2"] };
const messages = (input: unknown) => {
  const result = teamFileSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("team file schema", () => {
  it("accepts a minimal team file and fills defaults", () => {
    const team = teamFileSchema.parse({ ...base, staff: [{ id: "S1", fullTimeEquivalents: "0.8", qualifications: ["Erzieherin"] }] });
    expect(team.staff[0]).toMatchObject({ role: "support", volunteer: false, clientContact: "regular", financedByStaffingPlan: true, agreements: [] });
  });

  it("rejects unknown fields (strict)", () => {
    expect(messages({ ...base, unknownField: 1 }).length).toBeGreaterThan(0);
    expect(messages({ ...base, staff: [{ id: "S1", isSkilled: true }] }).length).toBeGreaterThan(0);
  });

  it("explains mistakes in German", () => {
    expect(
      messages({
        ...base,
        staff: [
          { id: "S1", fullTimeEquivalents: "1", weeklyHours: "39" },
          { id: "S1", agreements: ["A9"], backgroundChecks: [{ presentedOn: "2025-01-01", issuedOn: "2025-02-01" }] },
        ],
        census: [{ agreement: "A2", persons: [{ id: "P", needGroup: 1 }], needGroups: [{ needGroup: 1, persons: "1" }] }],
        exceptions: [{ agreement: "A2", quota: "A2-R16", approvedOn: "2026-01-01" }],
      }),
    ).toEqual(
      expect.arrayContaining([
        "staff.0.weeklyHours: Stellenumfang entweder als „fullTimeEquivalents“ oder als „weeklyHours“ angeben, nicht beides",
        "staff.1.id: Personal-ID S1 doppelt",
        "staff.1.agreements.0: Vereinbarung A9 steht nicht in „agreements“ des Teams",
        "staff.1.backgroundChecks.0.issuedOn: Ausstellungsdatum liegt nach dem Tag der Vorlage",
        "census.0.needGroups: entweder „persons“ oder „needGroups“ angeben, nicht beides",
        "exceptions.0: genau eine Grenze angeben: „maximum“ oder „minimum“",
      ]),
    );
  });

  it("rejects invalid dates and negative hours", () => {
    expect(messages({ ...base, asOf: "2026-02-30" })[0]).toContain("kein gültiges Datum");
    expect(messages({ ...base, staff: [{ id: "S1", weeklyHours: "-3" }] })[0]).toContain("darf nicht negativ sein");
  });
});
