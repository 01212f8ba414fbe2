import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../catalogue/agreementCatalogue.ts";
import { billCase } from "../domain/billing/billCase.ts";
import { presentInvoiceDraft } from "../domain/billing/presentInvoiceDraft.ts";
import { epochDayOfIso, weekdayOfEpochDay } from "../domain/calendar/calendarDate.ts";
import { DEMO_PAYERS } from "./demoOrganisations.ts";
import { agreementValidityOf } from "./loadDemo.ts";
import { demoMonths, generateDemoCases } from "./generateDemoCases.ts";

const catalogue = loadCatalogue();
const validity = agreementValidityOf(catalogue);
const MARCH = { from: "2026-03-01", to: "2026-03-31" };

function overlaps(from: string, to: string, period: { from: string; to: string }): boolean {
  return from <= period.to && to >= period.from;
}

function minutesOf(entry: { minutes?: number; hours?: string; start?: string; end?: string }): number {
  if (entry.minutes !== undefined) return entry.minutes;
  if (entry.hours !== undefined) return Math.round(Number(entry.hours) * 60);
  const [startHour, startMinute] = entry.start!.split(":").map(Number);
  const [endHour, endMinute] = entry.end!.split(":").map(Number);
  return endHour! * 60 + endMinute! - (startHour! * 60 + startMinute!);
}

describe("generateDemoCases", () => {
  const cases = generateDemoCases({ today: "2026-04-15", agreementValidity: validity });

  it("is deterministic: the same seed gives the same case files, another seed others", () => {
    expect(generateDemoCases({ today: "2026-04-15", agreementValidity: validity })).toEqual(cases);
    expect(generateDemoCases({ today: "2026-04-15", agreementValidity: validity, seed: 7 })).not.toEqual(cases);
  });

  it("invents 50 clients („Beispiel-Person …“), ten per agreement, with unique ids", () => {
    expect(cases).toHaveLength(50);
    expect(new Set(cases.map((demoCase) => demoCase.caseFile.client.id)).size).toBe(50);
    for (const demoCase of cases) expect(demoCase.caseFile.client.name).toMatch(/^Beispiel-Person [A-ZÄÖÜ][a-zäöü]+ [A-Z]\.$/);
    const perAgreement = new Map<string, number>();
    for (const demoCase of cases) perAgreement.set(demoCase.caseFile.agreement as string, (perAgreement.get(demoCase.caseFile.agreement as string) ?? 0) + 1);
    expect(Object.fromEntries(perAgreement)).toEqual({ "A0-beispiel-leipzig": 10, "A1-beispiel": 10, "A2-beispiel-bremen": 10, "A3-beispiel": 10, A4: 10 });
  });

  it("documents the three months before today's month, on working days only (no 01.01.2026)", () => {
    expect(demoMonths("2026-04-15")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(demoMonths("2026-01-10")).toEqual(["2025-10", "2025-11", "2025-12"]);
    const dates = cases.flatMap((demoCase) => demoCase.caseFile.entries.map((entry) => entry.date));
    expect(dates.every((date) => date >= "2026-01-02" && date <= "2026-03-31")).toBe(true);
    expect(dates.every((date) => weekdayOfEpochDay(epochDayOfIso(date)) <= 5)).toBe(true);
    expect(dates).not.toContain("2026-01-01");
    for (const demoCase of cases) {
      expect(demoCase.caseFile.gesamtplans.length).toBeGreaterThan(0);
      expect(demoCase.caseFile.hilfeplans[0]?.kind).toBe("initial");
      expect(demoCase.caseFile.costCoverages[0]?.from).toBe(demoCase.caseFile.case.start);
    }
  });

  it("documents A4 in its last three months when it ended before (30.06.2026), and ends its cases with it", () => {
    const december = generateDemoCases({ today: "2026-12-01", agreementValidity: validity });
    const a4 = december.filter((demoCase) => demoCase.caseFile.agreement === "A4");
    expect(a4.every((demoCase) => demoCase.caseFile.case.end === "2026-06-30" && demoCase.caseFile.case.start >= "2026-01-01")).toBe(true);
    const a4Dates = a4.flatMap((demoCase) => [...demoCase.caseFile.entries.map((entry) => entry.date), ...demoCase.caseFile.absences.map((absence) => absence.to)]);
    expect(a4Dates.every((date) => date >= "2026-04-01" && date <= "2026-06-30")).toBe(true);
    const others = december.filter((demoCase) => demoCase.caseFile.agreement !== "A4").flatMap((demoCase) => demoCase.caseFile.entries.map((entry) => entry.date));
    expect(others.every((date) => date >= "2026-09-01" && date <= "2026-11-30")).toBe(true);
  });

  it("bills an A4 case present all of March at 31 × 1.446,38 € (+ 661,40 € rent supplement when the rent is above the limit)", () => {
    const a4 = catalogue.agreements.get("A4")!;
    const present = cases.filter(
      (demoCase) =>
        demoCase.caseFile.agreement === "A4" &&
        demoCase.caseFile.case.start <= "2026-03-01" &&
        (demoCase.caseFile.costCoverages[0]?.to ?? "9999") >= "2026-03-31" &&
        !demoCase.caseFile.absences.some((absence) => overlaps(absence.from, absence.to, MARCH)),
    );
    expect(present.length).toBeGreaterThan(0);
    for (const demoCase of present) {
      const view = presentInvoiceDraft(billCase(a4, demoCase.caseFile, MARCH));
      expect(view.totals.billed).toBe(demoCase.caseFile.case.rentExcess ? "45499.18" : "44837.78");
      expect(view.holds).toEqual([]);
    }
  });

  it("bills an A0 case covered all of March for its direct SGB IX hours up to the approved volume, at 100,00 € (Beispielwert)", () => {
    const a0 = catalogue.agreements.get("A0-beispiel-leipzig")!;
    const covered = cases.filter((demoCase) => demoCase.caseFile.agreement === "A0-beispiel-leipzig" && (demoCase.caseFile.costCoverages[0]?.to ?? "9999") >= "2026-03-31");
    expect(covered.length).toBeGreaterThan(5);
    for (const demoCase of covered) {
      const direct = demoCase.caseFile.entries.filter((entry) => entry.date >= MARCH.from && entry.date <= MARCH.to && entry.attribution === "SGB IX" && entry.timeKind === "direct");
      const hours = direct.reduce((sum, entry) => sum + minutesOf(entry), 0) / 60;
      const approved = Number(demoCase.caseFile.costCoverages[0]!.approvedVolume!.hours);
      const view = presentInvoiceDraft(billCase(a0, demoCase.caseFile, MARCH));
      expect(view.totals.billed).toBe((Math.min(hours, approved) * 100).toFixed(2));
      expect(view.lines.every((line) => line.exampleValue && line.unitPrice === "100.00" && line.ruleId === "A0-R06")).toBe(true);
    }
  });

  it("holds what lies after a cost coverage that ends in the middle of the last month (X-R05)", () => {
    const a0 = catalogue.agreements.get("A0-beispiel-leipzig")!;
    const ending = cases.find((demoCase) => demoCase.caseFile.agreement === "A0-beispiel-leipzig" && demoCase.caseFile.costCoverages[0]!.to === "2026-03-16")!;
    expect(ending).toBeDefined();
    const view = presentInvoiceDraft(billCase(a0, ending.caseFile, MARCH));
    expect(view.holds.some((hold) => hold.code === "noCostCoverage" && hold.periodFrom >= "2026-03-17")).toBe(true);
  });

  it("gives the payers Leitweg-IDs with valid check digits (ISO 7064 MOD 97-10)", () => {
    for (const payer of DEMO_PAYERS) {
      const digits = payer.leitwegId!.replace(/-/g, "").replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
      let remainder = 0;
      for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
      expect(remainder).toBe(1);
      expect(payer.name).toContain("(Beispiel)");
    }
  });
});
