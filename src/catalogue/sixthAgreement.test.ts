/**
 * A sixth agreement of a shape we already know (another Land's hourly assistance) needs only data files:
 * a fictitious Bavarian agreement is written as YAML into a fresh folder, loaded, billed and given deadlines
 * with Bavaria's public holidays and rendered as its agreement text from its text.yaml, without a line of new
 * code. All values here are test fixtures.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { billCase } from "../domain/billing/billCase.ts";
import { caseFileSchema } from "../domain/case/caseFileSchema.ts";
import { computeCaseDeadlines } from "../domain/deadlines/caseDeadlines.ts";
import { formatFixed } from "../domain/money/amount.ts";
import { createAgreementText } from "../documents/agreement/agreementText.ts";
import { textOfTextDocument } from "../documents/text/textDocument.ts";
import { loadAgreementFolder } from "./agreementCatalogue.ts";

const FILE = "testfall-bayern-assistenz.txt";
const source = (clause: string, quote: string) => `{ file: ${FILE}, clause: "${clause}", quote: "${quote}" }`;

const FILES: Record<string, string> = {
  "agreement.yaml": `
id: BY-TEST
kind: concrete
title: Testfall Assistenz nach Fachleistungsstunden (Bayern)
serviceType: Ambulante Assistenz, Fachleistungsstunde
land: BY
document: { file: ${FILE}, title: Testfall }
parties:
  - role: payer
    name: { value: Bezirk Testfranken, source: ${source("Kopf", "Bezirk Testfranken")} }
validity:
  from: { value: "2026-01-01", source: ${source("§ 9", "gilt ab 01.01.2026")} }
  to: { value: "2026-12-31", source: ${source("§ 9", "bis 31.12.2026")} }
  autoExpire: true
  ruleId: BY-R09
  source: ${source("§ 9", "gilt ab 01.01.2026 bis 31.12.2026")}
inputs:
  - id: P-BY-01
    label: Tag der Unterzeichnung
    type: date
    source: ${source("Unterschriften", "München, den ....")}
`,
  "text.yaml": `
text:
  title: Testfall Assistenz nach Fachleistungsstunden
  clauses:
    - source: { file: ${FILE}, clause: "§ 5" }
      number: "5"
      heading: Vergütung
      paragraphs:
        - "Die Vergütung beträgt 80,00 € je Fachleistungsstunde, ab 01.07.2026 82,40 €."
    - source: { file: ${FILE}, clause: "§ 9" }
      number: "9"
      heading: Laufzeit
      paragraphs:
        - "Die Vereinbarung gilt ab 01.01.2026 bis 31.12.2026."
    - source: { file: ${FILE}, clause: Unterschriften }
      signatures:
        parties:
          - { role: payer, placeAndDate: "München, den {{P-BY-01}}", lines: [Bezirk Testfranken] }
          - { role: provider, lines: [Für den Leistungserbringer] }
`,
  "rates.yaml": `
rates:
  - id: specialistHour
    label: Fachleistungsstunde
    ruleId: BY-R05
    unit: hour
    periods:
      - validFrom: "2026-01-01"
        validTo: "2026-06-30"
        source: ${source("§ 5", "80,00 € je Fachleistungsstunde")}
        amount: "80.00"
      - validFrom: "2026-07-01"
        validTo: "2026-12-31"
        source: ${source("§ 5", "ab 01.07.2026 82,40 €")}
        amount: "82.40"
`,
  "billing.yaml": `
billing:
  costCoverageGate:
    ruleId: BY-R06
    source: ${source("§ 6", "nur mit Bewilligung")}
    kind: [gesamtplanWithVolume]
  agreementPeriodRule:
    ruleId: BY-R09
    source: ${source("§ 9", "bis 31.12.2026")}
    afterValidity: hold
  hourly:
    ruleId: BY-R05
    source: ${source("§ 5", "je Fachleistungsstunde")}
    rate: specialistHour
    lineLabel: Fachleistungsstunde
    countedTimeKinds: [direct]
`,
  "deadlines.yaml": `
deadlines:
  rules:
    - id: BY-hilfeplan
      title: Hilfeplan erstellen
      taskType: hilfeplan
      ruleId: BY-R07
      source: ${source("§ 7", "innerhalb von 8 Wochen")}
      kind: afterEvent
      anchor: { fact: case.start, label: Beginn der Leistung }
      offset: { weeks: 8 }
      completedBy: [initialHilfeplan]
`,
};

function writeAgreementFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "teilhabe-by-"));
  for (const [name, content] of Object.entries(FILES)) writeFileSync(join(folder, name), content);
  return folder;
}

describe("a sixth agreement as data only", () => {
  const catalogue = loadAgreementFolder(writeAgreementFolder());
  const agreement = catalogue.agreements.get("BY-TEST")!;
  const caseFile = caseFileSchema.parse({
    agreement: "BY-TEST",
    client: { id: "T" },
    case: { id: "T-BY", start: "2026-04-09" },
    costCoverages: [{ id: "B-1", from: "2026-01-01", kind: "gesamtplanWithVolume", approvedVolume: { hours: "10", per: "month" } }],
    entries: [
      { date: "2026-06-29", minutes: 90, timeKind: "direct" },
      { date: "2026-07-02", minutes: 120, timeKind: "direct" },
      { date: "2026-07-03", minutes: 45, timeKind: "indirect" },
    ],
  });

  it("loads without a validation issue", () => {
    expect(catalogue.issues).toEqual([]);
    expect(agreement.land).toBe("BY");
  });

  it("bills with the generic hourly mechanism, split at the rate change on 01.07.2026", () => {
    const draft = billCase(agreement, caseFile, { from: "2026-06-15", to: "2026-07-15" });
    expect(draft.lines.map((line) => [line.quantity.toString(), line.unitPrice.toFixed(2), formatFixed(line.amount), line.explanation.source.clause])).toEqual([
      ["1.5", "80.00", "120.00", "§ 5"],
      ["2", "82.40", "164.80", "§ 5"],
    ]);
    expect(formatFixed(draft.totals.billed)).toBe("284.80");
    expect(draft.excludedEntryIds).toEqual(["E3"]);
  });

  it("counts its deadlines with Bavaria's holidays: 09.04.2026 + 8 weeks = Thu 04.06.2026, Fronleichnam → Fri 05.06.2026", () => {
    const [hilfeplan] = computeCaseDeadlines(agreement, caseFile, { asOf: "2026-04-10" });
    expect(hilfeplan).toMatchObject({ nominalDue: "2026-06-04", workingDayDue: "2026-06-05", drivingDue: "2026-06-05", shifted: true });
    expect(hilfeplan!.explanation).toMatchObject({ ruleId: "BY-R07", source: { file: FILE, clause: "§ 7" } });
  });

  it("renders its agreement text from its text.yaml: clauses in order, the open signing date as a gap", () => {
    const text = textOfTextDocument(createAgreementText(agreement, { date: "2026-04-15" }));
    expect(text).toContain("\n5 Vergütung\nDie Vergütung beträgt 80,00 € je Fachleistungsstunde, ab 01.07.2026 82,40 €.\n\n9 Laufzeit\n");
    expect(text).toContain("Ort, Datum: München, den [offen: P-BY-01 Tag der Unterzeichnung – noch nicht eingetragen]");
    expect(text).toContain("Träger der Eingliederungshilfe: Bezirk Testfranken");
  });
});
