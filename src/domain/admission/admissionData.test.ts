import { describe, it, expect } from "vitest";
import { parse as parseYaml } from "yaml";
import { documentationParametersSchema } from "../documentation/documentationParameters.ts";
import { admissionParametersSchema } from "./admissionParameters.ts";
import { AGREEMENT_FOLDERS, loadAgreement, readAgreementFile, readSeed, type AgreementKey } from "./agreementFixture.testing.ts";

const KEYS = Object.keys(AGREEMENT_FOLDERS) as AgreementKey[];
const SECTIONS = [
  { file: "admission.yaml", key: "admission", schema: admissionParametersSchema },
  { file: "documentation.yaml", key: "documentation", schema: documentationParametersSchema },
] as const;

interface QuotedSource {
  file: string;
  clause: string;
  quote: string;
}

function collectSources(value: unknown, found: QuotedSource[] = []): QuotedSource[] {
  if (Array.isArray(value)) value.forEach((item) => collectSources(item, found));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.file === "string" && typeof record.quote === "string" && typeof record.clause === "string") found.push(record as unknown as QuotedSource);
    Object.values(record).forEach((item) => collectSources(item, found));
  }
  return found;
}

/** Seeds carry some Markdown emphasis (**10 Plätzen**); quotes reproduce the words, not the markup. */
const normalize = (text: string) => text.replace(/\*+/g, "").replace(/\s+/g, " ").trim();

describe("admission.yaml and documentation.yaml of the five agreements", () => {
  for (const key of KEYS) {
    for (const section of SECTIONS) {
      it(`${key} ${section.file} is a valid ${section.key} section with one top-level key`, () => {
        const text = readAgreementFile(key, section.file);
        expect(text).toBeDefined();
        const data = parseYaml(text!) as Record<string, unknown>;
        expect(Object.keys(data)).toEqual([section.key]);
        const parsed = section.schema.safeParse(data[section.key]);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      });

      it(`${key} ${section.file}: every quote is literal text of its seed document`, () => {
        const sources = collectSources(parseYaml(readAgreementFile(key, section.file)!));
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) {
          const seed = readSeed(source.file);
          if (seed === undefined) continue; // seeds live outside the repository (shared/seeds); checked where present
          const text = normalize(seed);
          for (const part of source.quote.split("…").map(normalize).filter((piece) => piece.length > 0)) {
            expect(text.includes(part), `${key} ${section.file} ${source.clause}: „${part}“`).toBe(true);
          }
        }
      });
    }

    it(`${key}: header and both sections validate together (input references are defined)`, () => {
      const agreement = loadAgreement(key);
      expect(agreement.admission).toBeDefined();
      expect(agreement.documentation).toBeDefined();
    });
  }

  it("refuses unknown keys and contradictory living situations", () => {
    expect(admissionParametersSchema.safeParse({ minimumAge: { ruleId: "A1-R01", years: 18, source: { file: "f", clause: "c", quote: "q" }, extra: 1 } }).success).toBe(false);
    const contradictory = admissionParametersSchema.safeParse({
      livingSituation: { ruleId: "A1-R07", allowed: ["ownFlat"], excluded: ["ownFlat"], onExcluded: "refuse", onUnknown: "review", source: { file: "f", clause: "c", quote: "q" } },
    });
    expect(contradictory.success).toBe(false);
    expect(documentationParametersSchema.safeParse({ dayWindow: { ruleId: "A2-R10", from: "22:00", to: "06:00", source: { file: "f", clause: "c", quote: "q" } } }).success).toBe(false);
  });
});
