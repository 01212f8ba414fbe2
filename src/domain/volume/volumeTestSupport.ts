/// <reference types="vite/client" />
/**
 * Test support for the volume mechanism (used by *.test.ts only): agreements built from the real data files
 * agreements/A2…/volume.yaml and agreements/A3…/volume.yaml with a minimal header, and case-file builders.
 * The header values are test fixtures; the volume sections are the shipped data.
 */
import { parse as parseYaml } from "yaml";
import { Exact } from "../money/amount.ts";
import { agreementSchema, type Agreement } from "../agreement/agreementSchema.ts";
import { caseFileSchema, type CaseFile, type CaseFileInput } from "../case/caseFileSchema.ts";
import a3VolumeText from "../../../agreements/A3-niedersachsen-zuverdienst/volume.yaml?raw";
import a2VolumeText from "../../../agreements/A2-bremen-rahmen-kognitive-beeintraechtigung/volume.yaml?raw";

export const A3_FILE = "003_ff97f79a5ff20350.txt";
export const A2_FILE = "002_8a61b7951e60bf5f.txt";

export const a3VolumeYaml = parseYaml(a3VolumeText) as { volume: unknown };
export const a2VolumeYaml = parseYaml(a2VolumeText) as { volume: unknown };
export { a3VolumeText, a2VolumeText };

const fixtureSource = (file: string) => ({ file, clause: "Testvorlage", quote: "Testkopf" });

export function buildA3Agreement(overrides: Record<string, unknown> = {}): Agreement {
  return agreementSchema.parse({
    id: "A3-test",
    kind: "template",
    title: "Zuverdienst (Testkopf)",
    serviceType: "3.1.1.6",
    land: "NI",
    document: { file: A3_FILE, title: "Regel-Leistungsvereinbarung Zuverdienstmöglichkeiten" },
    validity: { from: { value: "2020-01-01", source: fixtureSource(A3_FILE) }, ruleId: "A3-R34", source: fixtureSource(A3_FILE) },
    volume: a3VolumeYaml.volume,
    ...overrides,
  });
}

const A2_INPUTS = [
  {
    id: "P-A2-05",
    label: "HBG je Person und Zeitraum (Gesamtplan; HMB-W bei Dissens)",
    type: "integer",
    source: { file: A2_FILE, clause: "§ 6.4", quote: "Es erfolgt eine Zuordnung des zeitlichen Umfangs zu einer von fünf Hilfebedarfsgruppen (HBG)" },
    perCase: true,
  },
  {
    id: "P-A2-11",
    label: "Beobachtungszeitraum für die Korridor-Durchschnitte",
    type: "choice",
    choices: ["quarter", "month"],
    source: { file: A2_FILE, clause: "§ 6.5", quote: "handelt es sich um Durchschnittswerte, die flexibel zu handhaben sind" },
  },
];

export function buildA2Agreement(overrides: Record<string, unknown> = {}): Agreement {
  return agreementSchema.parse({
    id: "A2-test",
    kind: "template",
    title: "Assistenz kognitive Beeinträchtigung (Testkopf)",
    serviceType: "Assistenz",
    land: "HB",
    landConfirmed: false,
    document: { file: A2_FILE, title: "Anlage 17 zum LRV SGB IX" },
    validity: { from: { value: "2020-01-01", source: fixtureSource(A2_FILE) }, ruleId: "A2-R25", source: fixtureSource(A2_FILE) },
    inputs: A2_INPUTS,
    volume: a2VolumeYaml.volume,
    ...overrides,
  });
}

type EntryInput = NonNullable<CaseFileInput["entries"]>[number];

/** A direct, in-person entry of the given hours (decimal text). */
export function entry(date: string, hours: string, extra: Partial<EntryInput> = {}): EntryInput {
  return { date, hours, ...extra } as EntryInput;
}

export function buildCase(input: { start: string; end?: string } & Partial<Omit<CaseFileInput, "case" | "client" | "agreement">> & { needGroups?: { from: string; to?: string; group: number }[] }): CaseFile {
  const { start, end, needGroups, ...rest } = input;
  return caseFileSchema.parse({
    agreement: "test",
    client: { id: "person" },
    case: { id: "case", start, ...(end ? { end } : {}), needGroups: needGroups ?? [] },
    ...rest,
  });
}

/** Splits a total of hours over the given dates in equal shares of 2 decimals; the last date takes the rest. */
export function spread(total: string, dates: string[], extra: Partial<EntryInput> = {}): EntryInput[] {
  const whole = new Exact(total);
  const share = whole.dividedBy(dates.length).toDecimalPlaces(2, Exact.ROUND_DOWN);
  const last = whole.minus(share.times(dates.length - 1));
  return dates.map((date, index) => entry(date, (index === dates.length - 1 ? last : share).toFixed(2), extra));
}
