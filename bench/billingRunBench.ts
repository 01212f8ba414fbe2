/**
 * npm run bench: the monthly billing run of a synthetic provider against the store, compared with one plain
 * SQL aggregate over the same month's entries (the floor no billing run can beat). Embedded PGlite with
 * N = 1,000 clients always; PostgreSQL with N = 5,000 when DATABASE_URL is set (in a fresh database
 * `teilhabe_bench`, created and dropped here). Targets (issue 3): run under 10 s, at most 3 × the aggregate.
 * Figures are printed, never asserted. BENCH_CLIENTS_EMBEDDED / BENCH_CLIENTS_POSTGRES change N.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { loadCatalogue, type Catalogue } from "../src/catalogue/agreementCatalogue.ts";
import { guardBillingMonth } from "../src/server/billing/billingMonthLock.ts";
import { runBillingMonth } from "../src/server/billing/runBillingMonth.ts";
import { loadCaseFiles } from "../src/store/caseFiles.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { generateSyntheticProvider } from "./generateSyntheticProvider.ts";

const MONTH = "2026-03";
const FROM = "2026-03-01";
const TO = "2026-03-31";
const ORGANISATION = "bench-traeger";
/** One database per bench process, so that two benches at once do not drop each other's. */
const BENCH_DATABASE = `teilhabe_bench_${process.pid}`;

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(3).replace(".", ",")} s`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; milliseconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, milliseconds: performance.now() - started };
}

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(result) ? result : (result as { rows: Array<Record<string, unknown>> }).rows) ?? [];
}

async function aggregateMonth(store: Store): Promise<{ cases: number; minutes: number }> {
  const result = await store.db.execute(
    sql`SELECT case_id, sum(minutes) AS minutes, count(*) AS entries FROM service_entries WHERE organisation_id = ${ORGANISATION} AND date BETWEEN ${FROM} AND ${TO} GROUP BY case_id`,
  );
  const rows = rowsOf(result);
  return { cases: rows.length, minutes: rows.reduce((sum, row) => sum + Number(row.minutes), 0) };
}

async function runMonth(store: Store, catalogue: Catalogue) {
  return store.transaction((tx) =>
    guardBillingMonth(ORGANISATION, MONTH, () => runBillingMonth({ tx, organisationId: ORGANISATION, catalogue, today: () => "2026-04-10", now: () => new Date().toISOString() }, MONTH)),
  );
}

async function countDrafts(store: Store): Promise<{ invoices: number; lines: number; holds: number; totalCents: number }> {
  const [invoiceRow] = rowsOf(await store.db.execute(sql`SELECT count(*) AS n, coalesce(sum(total_cents), 0) AS total FROM invoices WHERE organisation_id = ${ORGANISATION} AND month = ${MONTH}`));
  const [lineRow] = rowsOf(await store.db.execute(sql`SELECT count(*) AS n FROM invoice_lines WHERE organisation_id = ${ORGANISATION}`));
  const [holdRow] = rowsOf(await store.db.execute(sql`SELECT count(*) AS n FROM billing_holds WHERE organisation_id = ${ORGANISATION}`));
  return { invoices: Number(invoiceRow?.n), lines: Number(lineRow?.n), holds: Number(holdRow?.n), totalCents: Number(invoiceRow?.total) };
}

async function benchEngine(label: string, store: Store, clients: number): Promise<void> {
  const catalogue = loadCatalogue();
  console.log(`\nAbrechnungslauf ${label}: ${clients.toLocaleString("de-DE")} Klient:innen, Monat ${MONTH}`);
  const provider = await generateSyntheticProvider(store, { organisationId: ORGANISATION, clients });
  console.log(`  Daten erzeugt: ${provider.entries.toLocaleString("de-DE")} Leistungseinträge (ein Jahr), ${provider.absences.toLocaleString("de-DE")} Abwesenheiten in ${seconds(provider.seconds * 1000)}`);
  await store.db.execute(sql`ANALYZE`);

  await aggregateMonth(store); // warm the cache the run also reads through
  const aggregates = [];
  for (let i = 0; i < 3; i++) aggregates.push(await timed(() => aggregateMonth(store)));
  const aggregate = aggregates.map((a) => a.milliseconds).sort((a, b) => a - b)[1]!;
  console.log(`  SQL-Aggregat (Summe je Fall, ${aggregates[0]!.value.cases.toLocaleString("de-DE")} Fälle mit Einträgen): ${seconds(aggregate)} (Median von 3)`);

  const rawRead = await timed(async () => rowsOf(await store.db.execute(sql`SELECT * FROM service_entries WHERE organisation_id = ${ORGANISATION} AND date BETWEEN ${FROM} AND ${TO}`)).length);
  console.log(`  Einträge des Monats als Zeilen lesen (SELECT *, ${rawRead.value.toLocaleString("de-DE")} Zeilen, ohne Zusammenbau): ${seconds(rawRead.milliseconds)}`);
  const read = await timed(() => store.transaction((tx) => loadCaseFiles(tx, catalogue, { organisationId: ORGANISATION, from: FROM, to: TO })));
  console.log(`  davon nur Lesen (loadCaseFiles, ${read.value.length.toLocaleString("de-DE")} Fälle): ${seconds(read.milliseconds)}`);

  const first = await timed(() => runMonth(store, catalogue));
  const drafts = await countDrafts(store);
  // Repeats replace the draft; their median is the figure of a warm process (the first run also compiles the engine).
  const repeats = [];
  for (let i = 0; i < 3; i++) repeats.push(await timed(() => runMonth(store, catalogue)));
  const again = repeats.sort((a, b) => a.milliseconds - b.milliseconds)[1]!;
  console.log(
    `  Lauf (lesen, rechnen, Entwürfe schreiben): ${seconds(first.milliseconds)} erster Lauf, ${seconds(again.milliseconds)} Wiederholung (ersetzt den Entwurf; Median von 3)` +
      ` → ${drafts.invoices} Rechnungsentwürfe, ${drafts.lines.toLocaleString("de-DE")} Positionen, ${drafts.holds.toLocaleString("de-DE")} Rückhalte, ${(drafts.totalCents / 100).toLocaleString("de-DE", { minimumFractionDigits: 2 })} €`,
  );
  const verdict = (milliseconds: number) => `${milliseconds < 10_000 ? "< 10 s erreicht" : "< 10 s verfehlt"}, Verhältnis ${(milliseconds / aggregate).toFixed(1).replace(".", ",")} ${milliseconds / aggregate <= 3 ? "≤ 3 erreicht" : "≤ 3 verfehlt"}`;
  console.log(`  Ziel (Lauf < 10 s, Lauf / Aggregat ≤ 3): erster Lauf ${verdict(first.milliseconds)}; Wiederholung ${verdict(again.milliseconds)}`);
}

async function benchEmbedded(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "teilhabe-bench-"));
  const store = await openStore({ dataDir: join(directory, "data") });
  try {
    await benchEngine("eingebettet (PGlite, Datenordner auf der Platte)", store, Number(process.env.BENCH_CLIENTS_EMBEDDED ?? 1_000));
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${BENCH_DATABASE}`;
  const store = await openStore({ databaseUrl: benchUrl.toString() });
  try {
    await benchEngine(`PostgreSQL (${benchUrl.host}, Datenbank ${BENCH_DATABASE})`, store, Number(process.env.BENCH_CLIENTS_POSTGRES ?? 5_000));
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.env.BENCH_SKIP_EMBEDDED === "1") console.log("\nEingebettet: übersprungen (BENCH_SKIP_EMBEDDED=1)");
else await benchEmbedded();
if (process.env.DATABASE_URL) await benchPostgres(process.env.DATABASE_URL);
else console.log("\nPostgreSQL: übersprungen (DATABASE_URL nicht gesetzt)");
