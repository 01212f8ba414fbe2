/**
 * A synthetic provider for the benchmarks: N invented clients spread over the five agreements (A4 and the
 * example instances of A0–A3), each with one case, a cost coverage for the whole year, a Gesamtplan and a
 * Hilfeplan, absences (A4) and a year of documentation of about 40 service entries per month. Deterministic
 * (seeded). Written in one transaction: multi-row inserts for the case rows, and the entries in batches of
 * 20,000 rows through one `json_to_recordset` statement each (the same SQL on PGlite and PostgreSQL).
 */
import { sql } from "drizzle-orm";
import { countDaysInMonth, epochDayOfIso, isoOfEpochDay, weekdayOfEpochDay } from "../src/domain/calendar/calendarDate.ts";
import { DEMO_PAYERS } from "../src/demo/demoOrganisations.ts";
import { DEMO_STAFF, DEMO_STAFF_BY_AGREEMENT } from "../src/demo/demoStaff.ts";
import { DEMO_AGREEMENT_INSTANCES, type DemoAgreementFamily } from "../src/demo/generateDemoCases.ts";
import { createSeededRandom, type SeededRandom } from "../src/demo/seededRandom.ts";
import { absences, agreementInstances, cases, clients, costCoverages, gesamtplans, hilfeplans, organisations, staffMembers } from "../src/store/schema/index.ts";
import type { Executor, Store } from "../src/store/store.ts";

export interface SyntheticProviderOptions {
  organisationId: string;
  clients: number;
  /** The documented calendar year (A4's rates are agreed for the first half of 2026). */
  year?: number;
  entriesPerMonth?: number;
  seed?: number;
}

export interface SyntheticProvider {
  organisationId: string;
  clients: number;
  entries: number;
  absences: number;
  seconds: number;
}

const ENTRY_BATCH = 20_000;
const ROW_BATCH = 1_000;

interface EntryRow {
  id: string;
  case_id: string;
  date: string;
  minutes: number;
  time_kind: string;
  assistance_type: string | null;
  attribution: string | null;
  staff_id: string;
  category: string;
}

async function insertRows(executor: Executor, table: Parameters<Executor["insert"]>[0], rows: unknown[]): Promise<void> {
  for (let index = 0; index < rows.length; index += ROW_BATCH) await executor.insert(table).values(rows.slice(index, index + ROW_BATCH) as never);
}

async function insertEntries(executor: Executor, organisationId: string, rows: EntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await executor.execute(sql`
    INSERT INTO service_entries (organisation_id, id, case_id, date, minutes, time_kind, assistance_type, attribution, staff_id, category)
    SELECT ${organisationId}, r.id, r.case_id, r.date, r.minutes, r.time_kind, r.assistance_type, r.attribution, r.staff_id, r.category
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS r(id text, case_id text, date date, minutes integer, time_kind text, assistance_type text, attribution text, staff_id text, category text)`);
}

function familyEntry(random: SeededRandom, family: DemoAgreementFamily): Pick<EntryRow, "time_kind" | "assistance_type" | "attribution" | "staff_id" | "category"> {
  const indirect = random.chance(0.1);
  switch (family) {
    case "A0": {
      const youthWelfare = random.chance(0.1);
      return { time_kind: indirect ? "indirect" : "direct", assistance_type: null, attribution: youthWelfare ? "SGB VIII" : "SGB IX", staff_id: youthWelfare ? DEMO_STAFF_BY_AGREEMENT.A0.youthWelfare : DEMO_STAFF_BY_AGREEMENT.A0.specialist, category: "Elternassistenz im Alltag" };
    }
    case "A1": {
      const qualified = random.chance(0.5);
      return { time_kind: indirect ? "indirect" : "direct", assistance_type: qualified ? "qualified" : "simple", attribution: null, staff_id: qualified ? DEMO_STAFF_BY_AGREEMENT.A1.qualified : DEMO_STAFF_BY_AGREEMENT.A1.simple, category: qualified ? "Befähigung" : "Übernahme" };
    }
    case "A2":
      return { time_kind: indirect ? "indirect" : "direct", assistance_type: null, attribution: null, staff_id: DEMO_STAFF_BY_AGREEMENT.A2.specialist, category: "Haushaltsführung anleiten" };
    case "A3":
      return { time_kind: indirect ? "indirect" : "direct", assistance_type: null, attribution: null, staff_id: DEMO_STAFF_BY_AGREEMENT.A3.workshop, category: "Teilnahme Holzwerkstatt" };
    case "A4":
      return { time_kind: "direct", assistance_type: null, attribution: null, staff_id: DEMO_STAFF_BY_AGREEMENT.A4.keyWorker, category: "Bezugsbetreuung" };
  }
}

/** Writes the synthetic provider in one transaction and returns what it wrote. */
export async function generateSyntheticProvider(store: Store, options: SyntheticProviderOptions): Promise<SyntheticProvider> {
  const started = performance.now();
  const { organisationId } = options;
  const year = options.year ?? 2026;
  const perMonth = options.entriesPerMonth ?? 40;
  const random = createSeededRandom(options.seed ?? 20_261_201);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  let entryCount = 0;
  let absenceCount = 0;
  await store.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: organisationId, kind: "provider", name: `Synthetischer Beispiel-Träger ${organisationId}`, land: "HB" }).onConflictDoNothing();
    await tx.insert(organisations).values(DEMO_PAYERS).onConflictDoNothing();
    await tx.insert(agreementInstances).values(DEMO_AGREEMENT_INSTANCES.map((instance) => ({ organisationId, id: instance.id, agreementId: instance.agreementId, title: instance.agreementId, payerId: instance.payerId })));
    await tx.insert(staffMembers).values(DEMO_STAFF.map((member) => ({ organisationId, ...member })));

    const clientRows = [];
    const caseRows = [];
    const coverageRows = [];
    const gesamtplanRows = [];
    const hilfeplanRows = [];
    const absenceRows = [];
    let entries: EntryRow[] = [];
    for (let index = 0; index < options.clients; index++) {
      const instance = DEMO_AGREEMENT_INSTANCES[index % DEMO_AGREEMENT_INSTANCES.length]!;
      const family = instance.family;
      const number = String(index + 1).padStart(5, "0");
      const clientId = `S-K-${number}`;
      const caseId = `S-F-${number}`;
      const start = family === "A4" ? yearStart : isoOfEpochDay(epochDayOfIso(yearStart) - random.integer(30, 700));
      clientRows.push({ organisationId, id: clientId, name: `Beispiel-Person ${number}`, birthDate: isoOfEpochDay(epochDayOfIso("1965-01-01") + random.integer(0, 35 * 365)), details: { substantialDisability: true } });
      const details: Record<string, unknown> =
        family === "A4" ? { careContractDate: isoOfEpochDay(epochDayOfIso(start) - 10), payerApproval: isoOfEpochDay(epochDayOfIso(start) - 20), rentExcess: random.chance(0.3) } : family === "A1" ? { approvedAssistanceTypes: ["simple", "qualified"] } : {};
      caseRows.push({
        organisationId,
        id: caseId,
        clientId,
        agreementInstanceId: instance.id,
        payerId: instance.payerId,
        start,
        accessStatus: "regular" as const,
        needGroups: family === "A2" ? [{ from: start, group: random.integer(1, 5), source: "gesamtplan" as const }] : [],
        details,
      });
      coverageRows.push({
        organisationId,
        id: `${caseId}/KUE-1`,
        caseId,
        payerId: instance.payerId,
        from: start < yearStart ? start : yearStart,
        to: yearEnd,
        fileReference: `S-${number} (Beispiel)`,
        kind: family === "A4" ? ("costCoverageDeclaration" as const) : ("gesamtplanWithVolume" as const),
        ...(family === "A4" ? { components: ["5.1", "5.3", "5.5"] } : {}),
        ...(family === "A0" ? { approvedVolume: { hours: "60", per: "month" as const } } : family === "A1" || family === "A3" ? { approvedVolume: { hours: "15", per: "week" as const } } : {}),
      });
      gesamtplanRows.push({ organisationId, id: `${caseId}/GP-1`, caseId, date: isoOfEpochDay(epochDayOfIso(start) - 14), plannedUpdate: isoOfEpochDay(epochDayOfIso(start) + 351) });
      hilfeplanRows.push({ organisationId, id: `${caseId}/HP-1`, caseId, date: isoOfEpochDay(epochDayOfIso(start) + 28), kind: "initial" as const });
      if (family === "A4") {
        for (let cursor = epochDayOfIso(yearStart) + random.integer(5, 60); cursor < epochDayOfIso(yearEnd) - 10; cursor += random.integer(40, 120)) {
          const reason = random.pick(["holiday", "illness", "hospital"] as const);
          absenceRows.push({ organisationId, id: `${caseId}/AB-${cursor}`, caseId, from: isoOfEpochDay(cursor), to: isoOfEpochDay(cursor + random.integer(2, 12)), reason });
        }
      }
      for (let month = 1; month <= 12; month++) {
        const first = epochDayOfIso(`${year}-${String(month).padStart(2, "0")}-01`);
        const days = countDaysInMonth(year, month);
        for (let n = 0; n < perMonth; n++) {
          let day = first + random.integer(0, days - 1);
          while (weekdayOfEpochDay(day) > 5) day = day - 2 >= first ? day - 2 : day + 2;
          entries.push({ id: `${caseId}/E-${month}-${n}`, case_id: caseId, date: isoOfEpochDay(day), minutes: 15 * random.integer(2, 8), ...familyEntry(random, family) });
        }
      }
      if (entries.length >= ENTRY_BATCH) {
        await insertEntries(tx, organisationId, entries);
        entryCount += entries.length;
        entries = [];
      }
    }
    await insertEntries(tx, organisationId, entries);
    entryCount += entries.length;
    absenceCount = absenceRows.length;
    await insertRows(tx, clients, clientRows);
    await insertRows(tx, cases, caseRows);
    await insertRows(tx, costCoverages, coverageRows);
    await insertRows(tx, gesamtplans, gesamtplanRows);
    await insertRows(tx, hilfeplans, hilfeplanRows);
    await insertRows(tx, absences, absenceRows);
  });
  return { organisationId, clients: options.clients, entries: entryCount, absences: absenceCount, seconds: (performance.now() - started) / 1000 };
}
