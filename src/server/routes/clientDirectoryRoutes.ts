/**
 * The client directory of the web application (issue 5): one query gives per client what the list shows —
 * name, state (active, waiting, ended, no case as of today), the cases with their agreement, payer and the cost
 * coverage valid today, and the next open task — searched by a part of the name (parameterised ILIKE, % and _
 * escaped), filtered by agreement, payer and state, narrowed to the clients the request may see (clientScope.ts)
 * and paged by (name, id). Also the engine's volume and deadlines of all cases of one client, under the client's
 * address, so that a Leitung gives the reason for an unassigned file once (the 428 check keys on /clients/:id).
 */
import { Decimal } from "decimal.js";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { visibleClientCondition } from "../access/clientScope.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { computeBillingPreview } from "../engine/caseBillingPreview.ts";
import { computeCaseDeadlineView } from "../engine/caseDeadlineView.ts";
import { computeCaseVolume } from "../engine/caseVolume.ts";
import { loadStoredCase } from "../engine/loadStoredCase.ts";
import { resolveMonthPeriod } from "../engine/periodQuery.ts";
import { presentExactValues } from "../engine/presentExactValues.ts";
import { isoDateField, monthField } from "../fieldSchemas.ts";
import { decodeNameCursor, encodeNameCursor } from "../nameCursor.ts";
import { paginationQuerySchema } from "../pagination.ts";
import { notFound } from "../problem.ts";
import { idParamsSchema } from "../resourceRoutes.ts";
import { cases, clients } from "../../store/schema/index.ts";

const STATES = ["active", "waiting", "ended", "none"] as const;
type ClientState = (typeof STATES)[number];

/** `name` (not `search`): the audit entry of a list names a personal filter without its value (auditRequest.ts). */
export const directoryQuerySchema = paginationQuerySchema
  .extend({
    name: z.string().max(200).optional().describe("Teil des Namens, ohne Beachtung der Groß-/Kleinschreibung"),
    agreement: z.string().max(200).optional().describe("nur Personen mit einem Fall unter dieser Vereinbarung des Trägers (agreementInstanceId)"),
    payer: z.string().max(200).optional().describe("nur Personen mit einem Fall bei diesem Leistungsträger (payerId)"),
    state: z.enum(STATES).optional().describe("active: ein Fall läuft heute; waiting: nur künftige Fälle; ended: alle Fälle beendet; none: kein Fall"),
    options: z
      .enum(["true", "false"])
      .optional()
      .describe("false: die erste Seite ohne die Auswahllisten der Filter (wer sie schon hat, spart bei jeder Suche ihre Abfrage); Standard true"),
  })
  .strict();

const directoryCaseSchema = z.object({
  id: z.string(),
  agreementInstanceId: z.string(),
  agreementId: z.string().nullable(),
  agreementTitle: z.string().nullable(),
  payerId: z.string().nullable(),
  payerName: z.string().nullable(),
  start: z.string(),
  end: z.string().nullable(),
  accessStatus: z.string(),
  coverage: z.object({ id: z.string(), to: z.string().nullable() }).nullable().describe("die heute gültige Kostenübernahme (die am längsten laufende)"),
});

const directoryItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  state: z.enum(STATES),
  cases: z.array(directoryCaseSchema),
  nextTask: z.object({ id: z.string(), title: z.string(), dueDate: z.string() }).nullable().describe("die nächste offene Aufgabe mit Fälligkeit"),
});

const filterOptionsSchema = z
  .object({
    agreements: z.array(z.object({ id: z.string(), agreementId: z.string(), title: z.string().nullable() })),
    payers: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .describe("nur auf der ersten Seite: die Vereinbarungen des Trägers und die Leistungsträger seiner Fälle, für die Filter");

const directoryPageSchema = z.object({
  items: z.array(directoryItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().describe("Anzahl aller Treffer (über alle Seiten)"),
  options: filterOptionsSchema.optional(),
});

export type DirectoryItem = z.infer<typeof directoryItemSchema>;

/** "50%_Rabatt" → "%50\%\_Rabatt%": the text is matched literally inside the name. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}



type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

interface DirectoryRow {
  id: string;
  name: string;
  birth_date: string | null;
  state: ClientState;
  cases: DirectoryItem["cases"];
  next_task: DirectoryItem["nextTask"];
  total: number;
}

/** Conditions on a client row `c` for its state as of today (a running case wins over a future one, …). */
function stateConditions(today: string): Record<ClientState, SQL> {
  const running = sql`exists (select 1 from cases f where f.organisation_id = c.organisation_id and f.client_id = c.id and f.start <= ${today}::date and (f."end" is null or f."end" >= ${today}::date))`;
  const future = sql`exists (select 1 from cases f where f.organisation_id = c.organisation_id and f.client_id = c.id and f.start > ${today}::date)`;
  const any = sql`exists (select 1 from cases f where f.organisation_id = c.organisation_id and f.client_id = c.id)`;
  return {
    active: running,
    waiting: sql`not ${running} and ${future}`,
    ended: sql`not ${running} and not ${future} and ${any}`,
    none: sql`not ${any}`,
  };
}

/**
 * The list in one statement: the page of matching clients in name order (by the (organisation, name) index),
 * the number of all matches, and per client of the page its state, cases and next task. The state of a
 * client is computed only for the page, or as a filter by EXISTS on the cases' (organisation, client) index,
 * so that a directory of thousands of clients is not aggregated whole for one page.
 */
async function listDirectory(scope: RequestScope, query: DirectoryQuery): Promise<z.infer<typeof directoryPageSchema>> {
  const organisationId = scope.actor.organisationId;
  const today = scope.context.today();
  const states = stateConditions(today);
  const conditions: SQL[] = [sql`c.organisation_id = ${organisationId}`];
  const visible = visibleClientCondition(scope.grant?.view, sql.raw("c.id"));
  if (visible) conditions.push(visible);
  const name = query.name?.trim();
  if (name) conditions.push(sql`c.name ilike ${containsPattern(name)} escape '\\'`);
  if (query.agreement) conditions.push(sql`exists (select 1 from cases f where f.organisation_id = c.organisation_id and f.client_id = c.id and f.agreement_instance_id = ${query.agreement})`);
  if (query.payer) conditions.push(sql`exists (select 1 from cases f where f.organisation_id = c.organisation_id and f.client_id = c.id and f.payer_id = ${query.payer})`);
  if (query.state) conditions.push(states[query.state]);
  const matching = sql.join(conditions, sql` and `);
  const after = decodeNameCursor(query.cursor);
  // The first page counts the matches in the same scan that finds the page (a window count over the
  // matching rows before the LIMIT), so that a search reads the clients once; a page after the cursor
  // counts them apart (its scan starts after the cursor).
  const result = (await scope.tx.execute(sql`
    with paged as (
      select c.organisation_id, c.id, c.name, c.birth_date, ${after ? sql`(select count(*)::int from clients c where ${matching})` : sql`(count(*) over ())::int`} as total from clients c
      where ${matching} ${after ? sql`and (c.name, c.id) > (${after[0]}, ${after[1]})` : sql``}
      order by c.name, c.id
      limit ${query.limit + 1}
    )
    select c.id, c.name, c.birth_date::text as birth_date,
      case when ${states.active} then 'active' when ${states.waiting} then 'waiting' when ${states.ended} then 'ended' else 'none' end as state,
      c.total,
      coalesce((
        select json_agg(json_build_object(
            'id', k.id, 'agreementInstanceId', k.agreement_instance_id, 'agreementId', ai.agreement_id, 'agreementTitle', ai.title,
            'payerId', k.payer_id, 'payerName', o.name, 'start', k.start, 'end', k."end", 'accessStatus', k.access_status,
            'coverage', (
              select json_build_object('id', cc.id, 'to', cc."to") from cost_coverages cc
              where cc.organisation_id = k.organisation_id and cc.case_id = k.id and cc."from" <= ${today}::date and (cc."to" is null or cc."to" >= ${today}::date)
              order by cc."to" desc nulls first, cc.id limit 1
            )
          ) order by k.start, k.id)
        from cases k
        left join agreement_instances ai on ai.organisation_id = k.organisation_id and ai.id = k.agreement_instance_id
        left join organisations o on o.id = k.payer_id
        where k.organisation_id = c.organisation_id and k.client_id = c.id
      ), '[]'::json) as cases,
      (
        select json_build_object('id', t.id, 'title', t.title, 'dueDate', t.due_date) from tasks t
        join cases k on k.organisation_id = t.organisation_id and k.id = t.case_id
        where t.organisation_id = c.organisation_id and k.client_id = c.id and t.status = 'open' and t.due_date is not null
        order by t.due_date, t.id limit 1
      ) as next_task
    from paged c
    order by c.name, c.id
  `)) as unknown as { rows: DirectoryRow[] };
  const rows = result.rows;
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    name: row.name,
    birthDate: row.birth_date,
    state: row.state,
    cases: row.cases,
    nextTask: row.next_task,
  }));
  const last = items.at(-1);
  const total = rows[0]?.total ?? (after ? await countMatches(scope, matching) : 0);
  const page = { items, nextCursor: rows.length > query.limit && last ? encodeNameCursor(last.name, last.id) : null, total };
  return after || query.options === "false" ? page : { ...page, options: await listFilterOptions(scope) };
}

/** The total when the page after the cursor is empty (no row carries it). */
async function countMatches(scope: RequestScope, matching: SQL): Promise<number> {
  const result = (await scope.tx.execute(sql`select count(*)::int as total from clients c where ${matching}`)) as unknown as { rows: Array<{ total: number }> };
  return result.rows[0]?.total ?? 0;
}

/** The provider's agreement instances and the payers named by its cases (ids and names only, no client data). */
async function listFilterOptions(scope: RequestScope): Promise<z.infer<typeof filterOptionsSchema>> {
  const organisationId = scope.actor.organisationId;
  const agreements = (await scope.tx.execute(
    sql`select ai.id, ai.agreement_id as "agreementId", ai.title from agreement_instances ai where ai.organisation_id = ${organisationId} order by ai.title, ai.id`,
  )) as unknown as { rows: Array<{ id: string; agreementId: string; title: string | null }> };
  const payers = (await scope.tx.execute(
    sql`select o.id, o.name from organisations o where o.id in (select k.payer_id from cases k where k.organisation_id = ${organisationId}) order by o.name, o.id`,
  )) as unknown as { rows: Array<{ id: string; name: string }> };
  return { agreements: agreements.rows, payers: payers.rows };
}

/** The client's cases (oldest first); 404 when the client is not in the actor's organisation. */
async function listCasesOfClient(scope: RequestScope, clientId: string): Promise<Array<{ id: string; start: string; end: string | null }>> {
  const organisationId = scope.actor.organisationId;
  const [client] = await scope.tx.select({ id: clients.id }).from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId))).limit(1);
  if (!client) throw notFound("Klient:in", clientId);
  scope.audit.clientId = clientId;
  return scope.tx
    .select({ id: cases.id, start: cases.start, end: cases.end })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.clientId, clientId)))
    .orderBy(asc(cases.start), asc(cases.id));
}

const PER_LABELS: Record<string, string> = { month: "je Monat", week: "je Woche", quarter: "je Quartal", year: "je Jahr", total: "insgesamt" };

/**
 * Each cost coverage valid in the month with its approved volume and what the month's billing preview used of
 * it: the billed hours of the lines that name this coverage. The remaining
 * volume is given for monthly approvals (approved − billed, never below zero); for other periods the
 * preview of one month does not show the whole period, and the answer says so instead of a figure.
 */
function describeCoverageUse(stored: Awaited<ReturnType<typeof loadStoredCase>>, month: string) {
  const period = resolveMonthPeriod(month);
  const preview = computeBillingPreview(stored, period) as unknown as {
    lines: Array<{ quantity: unknown; unit: string; evidence?: { costCoverageIds?: string[] } }>;
  };
  const coverages = stored.caseFile.costCoverages.filter((coverage) => coverage.from <= period.to && (coverage.to === undefined || coverage.to >= period.from));
  return coverages.map((coverage) => {
    const approved = coverage.approvedVolume;
    let billed = new Decimal(0);
    let shared = false;
    for (const line of preview.lines) {
      const ids = line.evidence?.costCoverageIds ?? [];
      if (line.unit !== "hour" || !ids.includes(coverage.id)) continue;
      if (ids.length > 1) shared = true;
      billed = billed.plus(new Decimal(String(line.quantity)));
    }
    const whole = coverage.from <= period.from && (coverage.to === undefined || coverage.to >= period.to);
    let remainingHours: string | null = null;
    let note: string | null = null;
    if (!approved) note = "Kein bewilligtes Stundenvolumen in der Kostenübernahme.";
    else if (approved.per !== "month") note = `Bewilligt ${PER_LABELS[approved.per] ?? approved.per}: der Rest wird nur für Bewilligungen je Monat aus dem Rechnungsentwurf des Monats berechnet.`;
    else if (shared) note = "Positionen des Monats beziehen sich auf mehrere Kostenübernahmen: kein Rest je Kostenübernahme.";
    else {
      const rest = new Decimal(approved.hours).minus(billed);
      remainingHours = (rest.isNegative() ? new Decimal(0) : rest).toFixed();
      if (!whole) note = "Die Kostenübernahme gilt nicht im ganzen Monat.";
    }
    return {
      id: coverage.id,
      from: coverage.from,
      to: coverage.to ?? null,
      approvedHours: approved?.hours ?? null,
      per: approved?.per ?? null,
      billedHours: billed.toFixed(),
      remainingHours,
      note,
    };
  });
}

const monthQuerySchema = z.object({ month: monthField.optional().describe("Monat JJJJ-MM (Standard: der laufende)") }).strict();
const asOfQuerySchema = z.object({ asOf: isoDateField.optional().describe("Stichtag JJJJ-MM-TT (Standard: heute)") }).strict();
const looseResult = (description: string) => z.looseObject({}).describe(description);

export function registerClientDirectoryRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/client-directory",
    {
      schema: {
        tags: ["Klient:innen"],
        summary: "Klientenverzeichnis: Suche und Filter",
        description:
          "Je Person Name, Zustand, Fälle mit Vereinbarung, Leistungsträger und heute gültiger Kostenübernahme und die nächste offene Aufgabe; nach Name sortiert, seitenweise (`limit`, `cursor`), mit der Gesamtzahl der Treffer. Eine Fachkraft sieht nur die ihr zugeordneten Personen.",
        querystring: directoryQuerySchema,
        response: { 200: directoryPageSchema },
      },
    },
    async (request) => runInTransaction(context, request.actor, (scope) => listDirectory(scope, request.query as DirectoryQuery)),
  );

  routes.get(
    "/api/v1/clients/:id/volume",
    {
      schema: {
        tags: ["Regelmaschine"],
        summary: "Klient:in: Inanspruchnahme aller Fälle im Monat",
        description:
          "Je im Monat laufendem Fall das Ergebnis von GET /cases/:id/volume (Regel, Fundstelle) und je Kostenübernahme das bewilligte Volumen, die im Rechnungsentwurf des Monats abgerechneten Stunden und der Rest (nur bei Bewilligung je Monat).",
        params: idParamsSchema,
        querystring: monthQuerySchema,
        response: { 200: z.looseObject({ clientId: z.string(), month: z.string(), cases: z.array(looseResult("Inanspruchnahme eines Falls mit seinen Kostenübernahmen")) }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const month = request.query.month ?? context.today().slice(0, 7);
        const period = resolveMonthPeriod(month);
        const running = (await listCasesOfClient(scope, request.params.id)).filter((row) => row.start <= period.to && (row.end === null || row.end >= period.from));
        const results = [];
        for (const row of running) {
          const stored = await loadStoredCase(scope, row.id, { ...period, entriesFrom: `${month.slice(0, 4)}-01-01` });
          results.push({ ...presentExactValues(computeCaseVolume(stored, month)), coverages: describeCoverageUse(stored, month) });
        }
        return { clientId: request.params.id, month, cases: results };
      }),
  );

  routes.get(
    "/api/v1/clients/:id/deadlines",
    {
      schema: {
        tags: ["Regelmaschine"],
        summary: "Klient:in: Fristen und Berichte aller Fälle",
        description: "Je Fall das Ergebnis von GET /cases/:id/deadlines: Fristen mit Status, Nenndatum und nächstem Werktag, Regel und Fundstelle; bei beendeten Fällen die Aufbewahrung.",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: z.looseObject({ clientId: z.string(), asOf: z.string(), cases: z.array(looseResult("Fristen eines Falls")) }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const asOf = request.query.asOf ?? context.today();
        const results = [];
        for (const row of await listCasesOfClient(scope, request.params.id)) {
          const stored = await loadStoredCase(scope, row.id, { from: row.start, to: asOf > row.start ? asOf : row.start, entriesFrom: row.start });
          results.push({ ...presentExactValues(computeCaseDeadlineView(stored, asOf)), agreementTitle: stored.agreement.title, start: row.start, end: row.end });
        }
        return { clientId: request.params.id, asOf, cases: results };
      }),
  );
}
