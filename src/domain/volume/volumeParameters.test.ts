/// <reference types="vite/client" />
import { describe, it, expect } from "vitest";
import { volumeParametersSchema } from "./volumeParameters.ts";
import { agreementSchema } from "../agreement/agreementSchema.ts";
import { a2VolumeYaml, a3VolumeYaml, buildA2Agreement, buildA3Agreement } from "./volumeTestSupport.ts";
import seedA2 from "../../../../shared/seeds/002_8a61b7951e60bf5f.txt?raw";
import seedA3 from "../../../../shared/seeds/003_ff97f79a5ff20350.txt?raw";

const seeds: Record<string, string> = { "002_8a61b7951e60bf5f.txt": seedA2, "003_ff97f79a5ff20350.txt": seedA3 };

function collectSources(value: unknown, found: { file: string; quote: string }[] = []): { file: string; quote: string }[] {
  if (Array.isArray(value)) value.forEach((item) => collectSources(item, found));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.file === "string" && typeof record.quote === "string") found.push({ file: record.file, quote: record.quote });
    Object.values(record).forEach((child) => collectSources(child, found));
  }
  return found;
}

describe("volume.yaml data files", () => {
  it("A3 and A2 volume sections validate against the strict schema", () => {
    expect(volumeParametersSchema.safeParse(a3VolumeYaml.volume).success).toBe(true);
    expect(volumeParametersSchema.safeParse(a2VolumeYaml.volume).success).toBe(true);
  });

  it("every quote is a literal passage of its seed document", () => {
    const sources = [...collectSources(a3VolumeYaml), ...collectSources(a2VolumeYaml)];
    expect(sources.length).toBeGreaterThan(15);
    for (const source of sources) expect(seeds[source.file], `${source.file}: ${source.quote}`).toContain(source.quote);
  });

  it("A3 band: 5 to 15 h per week, calendar month, first 3 months, 1 weekly contact, more than 2 months", () => {
    const band = buildA3Agreement().volume!.weeklyBand!;
    expect([band.minimumWeeklyHours, band.maximumWeeklyHours].map((field) => ("value" in field ? field.value : field.input))).toEqual(["5", "15"]);
    expect(band.averagingPeriod.value).toBe("calendarMonth");
    expect(band.introductionWindow?.months.value).toBe(3);
    expect(band.introductionWindow?.requires.map((requirement) => requirement.kind)).toEqual(["justification", "prognosis"]);
    expect(band.crisisException?.contactsPerWeek.value).toBe(1);
    expect(band.shortfallNotification?.moreThanMonthsPerCalendarYear.value).toBe(2);
  });

  it("A2 corridors refer to the inputs P-A2-05 (need group) and P-A2-11 (window)", () => {
    const corridors = buildA2Agreement().volume!.needGroupCorridors!;
    expect(corridors.assignedNeedGroup).toEqual({ input: "P-A2-05" });
    expect(corridors.monitoringWindow).toEqual({ input: "P-A2-11" });
  });
});

describe("schema checks", () => {
  const band = (a3VolumeYaml.volume as { weeklyBand: Record<string, unknown> }).weeklyBand;
  const source = { file: "003_ff97f79a5ff20350.txt", clause: "§ 4", quote: "x" };

  it("rejects a maximum below the minimum", () => {
    const broken = { weeklyBand: { ...band, maximumWeeklyHours: { value: "4", source } } };
    expect(volumeParametersSchema.safeParse(broken).success).toBe(false);
  });

  it("rejects a value without its source, and unknown keys", () => {
    expect(volumeParametersSchema.safeParse({ weeklyBand: { ...band, minimumWeeklyHours: { value: "5" } } }).success).toBe(false);
    expect(volumeParametersSchema.safeParse({ weeklyBand: { ...band, weeklyCap: 15 } }).success).toBe(false);
  });

  it("rejects a corridor whose mean lies outside it, and a need group listed twice", () => {
    const corridors = (a2VolumeYaml.volume as { needGroupCorridors: { groups: Record<string, unknown>[] } }).needGroupCorridors;
    const outside = { needGroupCorridors: { ...corridors, groups: [{ ...corridors.groups[0], meanWeeklyHours: "4" }] } };
    expect(volumeParametersSchema.safeParse(outside).success).toBe(false);
    const twice = { needGroupCorridors: { ...corridors, groups: [corridors.groups[0], corridors.groups[0]] } };
    expect(volumeParametersSchema.safeParse(twice).success).toBe(false);
  });

  it("the agreement rejects the A2 section when the inputs it names are not defined", () => {
    const agreement = buildA2Agreement();
    expect(agreementSchema.safeParse(agreement).success).toBe(true);
    const parsed = agreementSchema.safeParse({ ...agreement, inputs: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Verweis auf unbekannte Eingabe P-A2-05", "Verweis auf unbekannte Eingabe P-A2-11"]);
  });
});
