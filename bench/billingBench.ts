/**
 * npm run bench: bills 100,000 synthetic case-months (A4 daily rates with absences, A0 hourly entries) on one
 * core and prints case-months per second. Target (issue 2): at least 20,000 case-months per second.
 * Figures are printed, never asserted.
 */
import { loadCatalogue } from "../src/catalogue/agreementCatalogue.ts";
import { fillAgreementInputs } from "../src/domain/agreement/resolveAgreement.ts";
import { billCase } from "../src/domain/billing/billCase.ts";
import { epochDayOfIso, isoOfEpochDay } from "../src/domain/calendar/calendarDate.ts";
import { caseFileSchema, type CaseFile } from "../src/domain/case/caseFileSchema.ts";
import { Exact } from "../src/domain/money/amount.ts";

const CASE_MONTHS = Number(process.env.BENCH_CASE_MONTHS ?? 100_000);
const CASES = 1_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run bills the same data. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20261122);
const catalogue = loadCatalogue();
const a4 = catalogue.agreements.get("A4")!;
const a0 = fillAgreementInputs(catalogue.agreements.get("A0")!, {
  "P-A0-05": { value: "100.00", example: true },
  "P-A0-06": { value: "110.00", example: true },
  "P-A0-10": { value: ["direct"], example: true },
});

function buildA4Case(index: number): CaseFile {
  const start = epochDayOfIso("2026-01-01");
  const absences = [];
  let day = Math.floor(random() * 20);
  while (day < 175) {
    const length = 1 + Math.floor(random() * 40);
    const reason = ["holiday", "illness", "hospital", "kur"][Math.floor(random() * 4)]!;
    absences.push({ from: isoOfEpochDay(start + day), to: isoOfEpochDay(start + Math.min(day + length - 1, 180)), reason });
    day += length + 10 + Math.floor(random() * 40);
  }
  return caseFileSchema.parse({
    agreement: "A4",
    client: { id: `K${index}` },
    case: { id: `F${index}`, start: "2026-01-01", careContractDate: "2025-12-01", rentExcess: index % 3 === 0 },
    costCoverages: [{ id: `KÜ${index}`, from: "2026-01-01", to: "2026-06-30" }],
    absences,
  });
}

function buildA0Case(index: number): CaseFile {
  const entries = [];
  for (let month = 1; month <= 6; month++) {
    for (let n = 0; n < 40; n++) {
      const dayOfMonth = 1 + Math.floor(random() * 28);
      entries.push({
        date: `2027-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`,
        minutes: 15 + Math.floor(random() * 150),
        attribution: random() < 0.9 ? "SGB IX" : "SGB VIII",
        timeKind: random() < 0.8 ? "direct" : "indirect",
      });
    }
  }
  return caseFileSchema.parse({
    agreement: "A0",
    client: { id: `P${index}` },
    case: { id: `G${index}`, start: "2026-01-01" },
    costCoverages: [{ id: `B${index}`, from: "2026-01-01", kind: "gesamtplanWithVolume", approvedVolume: { hours: "60", per: "month" } }],
    entries,
  });
}

const a4Cases = Array.from({ length: CASES / 2 }, (_, index) => buildA4Case(index));
const a0Cases = Array.from({ length: CASES / 2 }, (_, index) => buildA0Case(index));
const a4Months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const a0Months = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"];
const lastDay = (month: string) => isoOfEpochDay(epochDayOfIso(`${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, "0")}-01`) - 1);
const periods = (months: string[]) => months.map((month) => ({ from: `${month}-01`, to: month.endsWith("12") ? `${month}-31` : lastDay(month) }));
const a4Periods = periods(a4Months);
const a0Periods = periods(a0Months);

function run(count: number): { seconds: number; total: Exact; lines: number; holds: number } {
  let total = new Exact(0);
  let lines = 0;
  let holds = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const daily = i % 2 === 0;
    const caseFile = daily ? a4Cases[(i >> 1) % a4Cases.length]! : a0Cases[(i >> 1) % a0Cases.length]!;
    const period = (daily ? a4Periods : a0Periods)[i % 6]!;
    const draft = billCase(daily ? a4 : a0, caseFile, period);
    total = total.plus(draft.totals.billed);
    lines += draft.lines.length;
    holds += draft.holds.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, total, lines, holds };
}

run(2_000); // warm-up
const result = run(CASE_MONTHS);
const perSecond = CASE_MONTHS / result.seconds;
console.log(`Abrechnung: ${CASE_MONTHS} Fall-Monate (50 % A4 Tagessätze mit Abwesenheiten, 50 % A0 Fachleistungsstunden mit ~40 Einträgen)`);
console.log(`  Dauer: ${result.seconds.toFixed(2)} s, ${Math.round(perSecond).toLocaleString("de-DE")} Fall-Monate/s (Ziel ≥ 20.000/s: ${(perSecond / 20_000).toFixed(2)} × Ziel)`);
console.log(`  Positionen: ${result.lines}, Rückhalte: ${result.holds}, Summe: ${result.total.toFixed(2)} €`);
