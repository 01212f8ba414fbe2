import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../catalogue/agreementCatalogue.ts";
import type { Agreement } from "../agreement/agreementSchema.ts";
import { fillAgreementInputs } from "../agreement/resolveAgreement.ts";
import { caseFileSchema, type CaseFileInput } from "../case/caseFileSchema.ts";
import { formatFixed } from "../money/amount.ts";
import { billCase } from "./billCase.ts";
import type { InvoiceDraft } from "./invoiceDraft.ts";
import { computeOccupancyDeviation } from "./occupancyDeviation.ts";

let a0: Agreement;
let a4: Agreement;

beforeAll(() => {
  const catalogue = loadCatalogue();
  a0 = catalogue.agreements.get("A0")!;
  a4 = catalogue.agreements.get("A4")!;
});

const fixture = (value: unknown) => ({ value, example: true });

/** A0 with the rules.md TEST FIXTURE rates (never real rates). */
function a0WithFixtures(extra: Record<string, unknown> = {}): Agreement {
  return fillAgreementInputs(a0, {
    "P-A0-05": fixture("100.00"),
    "P-A0-06": fixture("110.00"),
    "P-A0-10": fixture(["direct"]),
    ...Object.fromEntries(Object.entries(extra).map(([key, value]) => [key, fixture(value)])),
  });
}

function a0Case(entries: CaseFileInput["entries"], coverages: CaseFileInput["costCoverages"] = [{ id: "KSV-1", from: "2026-01-01", kind: "gesamtplanWithVolume" }]) {
  return caseFileSchema.parse({
    agreement: "A0",
    client: { id: "P" },
    case: { id: "P-A0", start: "2026-01-01", payer: { id: "KSV" } },
    costCoverages: coverages,
    entries,
  });
}

const amount = (draft: InvoiceDraft) => formatFixed(draft.totals.billed);
const lineAmounts = (draft: InvoiceDraft) => draft.lines.map((line) => formatFixed(line.amount));

describe("E01: A0 hourly billing across the rate change on 01.01.2027 (A0-R06)", () => {
  const entries = [
    { date: "2026-12-28", hours: "3.50", attribution: "SGB IX" as const },
    { date: "2026-12-30", hours: "2.00", attribution: "SGB IX" as const },
    { date: "2027-01-04", hours: "4.25", attribution: "SGB IX" as const },
    { date: "2027-01-07", hours: "1.50", attribution: "SGB IX" as const },
  ];

  it("splits at the rate period: 5.50 h × 100.00 = 550.00 and 5.75 h × 110.00 = 632.50, total 1,182.50", () => {
    const draft = billCase(a0WithFixtures(), a0Case(entries), { from: "2026-12-15", to: "2027-01-14" });
    expect(draft.lines.map((line) => [line.periodFrom, line.periodTo, line.quantity.toFixed(2), line.unitPrice.toFixed(2)])).toEqual([
      ["2026-12-28", "2026-12-30", "5.50", "100.00"],
      ["2027-01-04", "2027-01-07", "5.75", "110.00"],
    ]);
    expect(lineAmounts(draft)).toEqual(["550.00", "632.50"]);
    expect(amount(draft)).toBe("1182.50");
    expect(draft.holds).toEqual([]);
    expect(draft.lines[0]!.explanation).toMatchObject({ ruleId: "A0-R06", source: { file: "000_7db5b5ac2e12ef0c.txt", clause: "§ 2" } });
    expect(draft.lines[0]!.explanation.policies).toEqual([{ decision: "D21", option: "exactMinutes", origin: "default" }]);
    expect(draft.lines.every((line) => line.exampleValue)).toBe(true);
  });

  it("holds line 1 naming P-A0-05 when the 2026 rate is empty, and still computes line 2", () => {
    const agreement = fillAgreementInputs(a0, { "P-A0-06": fixture("110.00"), "P-A0-10": fixture(["direct"]) });
    const draft = billCase(agreement, a0Case(entries), { from: "2026-12-15", to: "2027-01-14" });
    expect(lineAmounts(draft)).toEqual(["632.50"]);
    expect(draft.holds).toHaveLength(1);
    expect(draft.holds[0]).toMatchObject({ code: "inputMissing", inputId: "P-A0-05", periodFrom: "2026-12-28", periodTo: "2026-12-30" });
    expect(draft.holds[0]!.quantity.toFixed(2)).toBe("5.50");
    expect(draft.holds[0]!.message).toContain("P-A0-05");
    expect(draft.holds[0]!.message).toContain("§ 2");
  });
});

describe("E02: A0 out-of-period, volume and payer attribution (A0-R04, R07, R09, R16)", () => {
  it("(a) rejects an entry on 01.12.2027: the agreement ended on 30.11.2027", () => {
    const draft = billCase(a0WithFixtures(), a0Case([{ date: "2027-12-01", hours: "1.00", attribution: "SGB IX" }]), { from: "2027-12-01", to: "2027-12-31" });
    expect(draft.lines).toEqual([]);
    expect(draft.holds).toHaveLength(1);
    expect(draft.holds[0]).toMatchObject({ kind: "rejected", code: "afterAgreementEnd" });
    expect(draft.holds[0]!.explanation.ruleId).toBe("A0-R07");
  });

  it("(b) holds an entry on 20.12.2025 with header start 01.12.2025: no rate period before 01.01.2026", () => {
    const agreement = a0WithFixtures({ "P-A0-02": "2025-12-01" });
    const caseFile = a0Case([{ date: "2025-12-20", hours: "2.00", attribution: "SGB IX" }], [{ id: "KSV-1", from: "2025-12-01", kind: "gesamtplanWithVolume" }]);
    const draft = billCase(agreement, { ...caseFile, case: { ...caseFile.case, start: "2025-12-01" } }, { from: "2025-12-01", to: "2025-12-31" });
    expect(draft.lines).toEqual([]);
    expect(draft.holds[0]).toMatchObject({ kind: "hold", code: "noRatePeriod", message: "kein Vergütungszeitraum vor dem 2026-01-01" });
    expect(draft.holds[0]!.quantity.toFixed(2)).toBe("2.00");
  });

  it("(c) bills 5.00 of 5.75 h in January 2027 (550.00) and holds 0.75 h (82.50)", () => {
    const caseFile = a0Case(
      [
        { date: "2027-01-04", hours: "4.25", attribution: "SGB IX" },
        { date: "2027-01-07", hours: "1.50", attribution: "SGB IX" },
      ],
      [{ id: "KSV-1", from: "2026-01-01", kind: "gesamtplanWithVolume", approvedVolume: { hours: "5.00", per: "month" } }],
    );
    const draft = billCase(a0WithFixtures(), caseFile, { from: "2027-01-01", to: "2027-01-31" });
    expect(draft.lines.map((line) => line.quantity.toFixed(2))).toEqual(["5.00"]);
    expect(amount(draft)).toBe("550.00");
    expect(draft.holds).toHaveLength(1);
    expect(draft.holds[0]).toMatchObject({ code: "volumeExceeded" });
    expect(draft.holds[0]!.quantity.toFixed(2)).toBe("0.75");
    expect(formatFixed(draft.holds[0]!.amount!)).toBe("82.50");
    expect(formatFixed(draft.totals.held)).toBe("82.50");
    expect(draft.holds[0]!.explanation.ruleId).toBe("A0-R04");
  });

  it("(d) leaves an SGB VIII entry off the A0 invoice; a missing attribution is held", () => {
    const caseFile = a0Case([
      { id: "viii", date: "2027-01-05", hours: "2.00", attribution: "SGB VIII" },
      { id: "none", date: "2027-01-06", hours: "1.00" },
    ]);
    const draft = billCase(a0WithFixtures(), caseFile, { from: "2027-01-01", to: "2027-01-31" });
    expect(draft.lines).toEqual([]);
    expect(draft.excludedEntryIds).toEqual(["viii"]);
    expect(draft.holds).toHaveLength(1);
    expect(draft.holds[0]).toMatchObject({ code: "attributionMissing", evidence: { entryIds: ["none"] } });
    expect(draft.holds[0]!.explanation).toMatchObject({ ruleId: "A0-R09", policies: [{ decision: "D23", option: "perEntry" }] });
  });
});

function a4Case(input: Omit<Partial<CaseFileInput>, "case"> & { case?: Partial<CaseFileInput["case"]> } = {}) {
  return caseFileSchema.parse({
    agreement: "A4",
    client: { id: "Q" },
    ...input,
    case: { id: "Q-A4", start: "2026-01-01", careContractDate: "2025-12-20", ...input.case },
    costCoverages: input.costCoverages ?? [{ id: "KÜ-1", from: "2026-01-01", to: "2026-06-30" }],
  });
}

const e11Absences = [
  { from: "2026-01-06", to: "2026-01-15", reason: "holiday" as const },
  { from: "2026-01-20", to: "2026-02-23", reason: "hospital" as const },
];

describe("E10: A4 rate sum checks (A4-R07, R09, R10)", () => {
  it("stores the literal components: 1,446.38 and 1,216.01; difference 230.37", () => {
    const daily = a4.rates.find((rate) => rate.id === "dailyRate")!.periods[0]!;
    const absence = a4.rates.find((rate) => rate.id === "absenceRate")!.periods[0]!;
    expect(daily.total).toBe("1446.38");
    expect(absence.total).toBe("1216.01");
    expect(absence.components!.find((component) => component.name === "Grundpauschale")!.amount).toBe("54.16");
  });
});

describe("E11: A4 January–February 2026 with a 10-day holiday and a 35-day hospital stay (D01)", () => {
  const readings: [string, string, string, string][] = [
    ["A", "44837.78", "39346.79", "84184.57"],
    ["C", "44837.78", "38886.05", "83723.83"],
    ["B", "42073.34", "35200.13", "77273.47"],
  ];
  for (const [reading, january, february, total] of readings) {
    it(`reading ${reading}: January ${january}, February ${february}, together ${total}`, () => {
      const caseFile = a4Case({ absences: e11Absences, policies: { D01: reading } });
      const jan = billCase(a4, caseFile, { from: "2026-01-01", to: "2026-01-31" });
      const feb = billCase(a4, caseFile, { from: "2026-02-01", to: "2026-02-28" });
      const both = billCase(a4, caseFile, { from: "2026-01-01", to: "2026-02-28" });
      expect(amount(jan)).toBe(january);
      expect(amount(feb)).toBe(february);
      expect(amount(both)).toBe(total);
      expect(both.holds).toEqual([]);
      expect(both.policies).toContainEqual({ decision: "D01", option: reading, origin: "case" });
    });
  }

  it("reading A itemises February: 16 + 2 days at 1,446.38, 5 days at 1,216.01, 5 present days", () => {
    const feb = billCase(a4, a4Case({ absences: e11Absences }), { from: "2026-02-01", to: "2026-02-28" });
    expect(feb.lines.map((line) => [line.label, line.periodFrom, line.periodTo, line.quantity.toNumber(), formatFixed(line.amount)])).toEqual([
      ["Tagessatz (Gesamtentgelt) bei Abwesenheit (Krankenhaus, Tag 1–30)", "2026-02-01", "2026-02-18", 18, "26034.84"],
      ["Vergütung bei Unterbrechung (Krankenhaus, mehr als 4 Wochen)", "2026-02-19", "2026-02-23", 5, "6080.05"],
      ["Tagessatz (Gesamtentgelt)", "2026-02-24", "2026-02-28", 5, "7231.90"],
    ]);
    const reduced = feb.lines[1]!;
    expect(reduced.explanation).toMatchObject({ ruleId: "A4-R09", source: { clause: "§ 5.3" } });
    expect(reduced.explanation.policies).toContainEqual({ decision: "D01", option: "A", origin: "default" });
    expect(reduced.components!.find((component) => component.name === "Interventionsdienst")).toEqual({ name: "Interventionsdienst", unitAmount: "340.11", amount: "1700.55" });
  });
});

describe("E12: A4 rent supplement under D02", () => {
  const cases: [string, string, string][] = [
    ["M1", "661.40", "661.40"],
    ["M2", "673.63", "608.44"],
    ["M3", "195.57", "108.65"],
  ];
  for (const [option, january, february] of cases) {
    it(`${option}: January ${january}, February ${february}`, () => {
      const caseFile = a4Case({ absences: e11Absences, case: { rentExcess: true }, policies: { D02: option } });
      const rentOf = (draft: InvoiceDraft) => formatFixed(draft.lines.filter((line) => line.rateId.startsWith("rentSupplement")).reduce((sum, line) => sum.plus(line.amount), draft.totals.billed.minus(draft.totals.billed)));
      expect(rentOf(billCase(a4, caseFile, { from: "2026-01-01", to: "2026-01-31" }))).toBe(january);
      expect(rentOf(billCase(a4, caseFile, { from: "2026-02-01", to: "2026-02-28" }))).toBe(february);
    });
  }

  it("part month: admission 20.03.2026 gives 12 × 21.73 = 260.76 under every option", () => {
    for (const option of ["M1", "M2", "M3"]) {
      const caseFile = a4Case({ case: { start: "2026-03-20", rentExcess: true }, policies: { D02: option } });
      const draft = billCase(a4, caseFile, { from: "2026-03-01", to: "2026-03-31" });
      const rent = draft.lines.filter((line) => line.rateId.startsWith("rentSupplement"));
      expect(rent.map((line) => formatFixed(line.amount))).toEqual(["260.76"]);
    }
  });

  it("without the rent-excess flag there is no rent supplement", () => {
    const draft = billCase(a4, a4Case(), { from: "2026-01-01", to: "2026-01-31" });
    expect(draft.lines.some((line) => line.rateId.startsWith("rentSupplement"))).toBe(false);
  });
});

describe("E13: A4 cost-coverage gate and retroactive cover (A4-R05, R06)", () => {
  it("bills 08.–31.01 (34,713.12) and holds 01.–07.01 (10,124.66) with cover from 08.01.2026", () => {
    const draft = billCase(a4, a4Case({ costCoverages: [{ id: "KÜ-1", from: "2026-01-08", to: "2026-06-30" }] }), { from: "2026-01-01", to: "2026-01-31" });
    expect(amount(draft)).toBe("34713.12");
    expect(draft.holds).toHaveLength(1);
    expect(draft.holds[0]).toMatchObject({ code: "noCostCoverage", periodFrom: "2026-01-01", periodTo: "2026-01-07" });
    expect(formatFixed(draft.holds[0]!.amount!)).toBe("10124.66");
    expect(draft.holds[0]!.explanation.ruleId).toBe("A4-R06");
  });

  it("a retroactive cover from 01.01 releases the hold: January 44,837.78", () => {
    const draft = billCase(a4, a4Case({ costCoverages: [{ id: "KÜ-2", from: "2026-01-01", to: "2026-06-30" }] }), { from: "2026-01-01", to: "2026-01-31" });
    expect(amount(draft)).toBe("44837.78");
  });

  it("a care contract dated 05.01.2026 blocks 01.–04.01 whatever the cost coverage", () => {
    const draft = billCase(a4, a4Case({ case: { careContractDate: "2026-01-05" } }), { from: "2026-01-01", to: "2026-01-31" });
    expect(draft.holds[0]).toMatchObject({ kind: "rejected", code: "careContractMissing", periodFrom: "2026-01-01", periodTo: "2026-01-04" });
    expect(amount(draft)).toBe(formatFixed(draft.lines[0]!.unitPrice.times(27)));
  });
});

describe("E17: a service date after the agreement's end", () => {
  it("holds 01.07.2026: no agreement / rate", () => {
    const draft = billCase(a4, a4Case({ costCoverages: [{ id: "KÜ-1", from: "2026-01-01" }] }), { from: "2026-07-01", to: "2026-07-01" });
    expect(draft.lines).toEqual([]);
    expect(draft.holds[0]).toMatchObject({ kind: "hold", code: "afterAgreementEnd", periodFrom: "2026-07-01" });
  });
});

describe("E19: A4 intervention-service occupancy deviation (report only, D30)", () => {
  it("(1,810 − 1,700) × 340.11 = 37,412.10 and a renegotiation-check task", () => {
    const agreement = fillAgreementInputs(a4, { "P-A4-18": fixture(1810) });
    const report = computeOccupancyDeviation(agreement, 1700)!;
    expect(formatFixed(report.settlementBasis!)).toBe("37412.10");
    expect(report.findings.map((finding) => finding.code)).toEqual(["renegotiationCheck"]);
    expect(report.explanation.policies).toEqual([{ decision: "D30", option: "reportOnly", origin: "default" }]);
  });

  it("holds the report naming P-A4-18 while the agreed occupancy is redacted", () => {
    const report = computeOccupancyDeviation(a4, 1700)!;
    expect(report.missingInput).toBe("P-A4-18");
    expect(report.findings[0]!.message).toContain("P-A4-18");
  });
});

describe("E20: A4 holiday longer than 30 days (A4-R08, D05)", () => {
  const absences = [{ from: "2026-03-01", to: "2026-04-04", reason: "holiday" as const }];

  it("(a) agreement recorded 25.03.2026: all 35 days at 1,446.38 (March 44,837.78, April 5,785.52 for 4 days)", () => {
    const caseFile = a4Case({ absences, payerConsents: [{ kind: "absenceContinuation", date: "2026-03-25" }] });
    expect(amount(billCase(a4, caseFile, { from: "2026-03-01", to: "2026-03-31" }))).toBe("44837.78");
    const april = billCase(a4, caseFile, { from: "2026-04-01", to: "2026-04-04" });
    expect(amount(april)).toBe("5785.52");
    expect(april.lines[0]!.label).toContain("nach Einigung mit dem Träger");
  });

  for (const consent of [[], [{ kind: "absenceContinuation" as const, date: "2026-04-02" }]]) {
    it(`(b) ${consent.length === 0 ? "no agreement" : "agreement dated 02.04.2026 (too late)"}: March 43,391.40 billable, 31.03 and 01.–04.04 held`, () => {
      const caseFile = a4Case({ absences, payerConsents: consent });
      const march = billCase(a4, caseFile, { from: "2026-03-01", to: "2026-03-31" });
      expect(amount(march)).toBe("43391.40");
      expect(march.holds).toHaveLength(1);
      expect(march.holds[0]).toMatchObject({ code: "continuationNotAgreed", periodFrom: "2026-03-31", periodTo: "2026-03-31" });
      expect(formatFixed(march.holds[0]!.amount!)).toBe("1446.38");
      const april = billCase(a4, caseFile, { from: "2026-04-01", to: "2026-04-30" });
      const held = april.holds.find((hold) => hold.code === "continuationNotAgreed")!;
      expect([held.periodFrom, held.periodTo, formatFixed(held.amount!)]).toEqual(["2026-04-01", "2026-04-04", "5785.52"]);
    });
  }

  it("creates a reminder task on absence day 20 (20.03.2026) to agree before day 30 (30.03.2026)", () => {
    const march = billCase(a4, a4Case({ absences }), { from: "2026-03-01", to: "2026-03-31" });
    const task = march.findings.find((finding) => finding.code === "seekContinuationAgreement")!;
    expect(task.date).toBe("2026-03-20");
    expect(task.message).toContain("2026-03-30");
  });
});
