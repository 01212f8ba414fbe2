/**
 * Billing: monthly billing runs (draft per payer with lines and holds), issuing with gapless numbers, invoices
 * and their lines with rule, clause and policy options, holds, and corrections (cancellation plus new invoice).
 * A second run for the same provider and month while one is running gets 409.
 */
import { findInvoiceProvider, isAddressedView } from "../access/invoiceProvider.ts";
import { and, asc, desc, eq, exists, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { billingHolds, billingRuns, cases, invoiceLines, invoices, organisations, serviceEntries } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { guardBillingMonth } from "../billing/billingMonthLock.ts";
import type { BillingScope } from "../billing/billingScope.ts";
import { correctInvoice } from "../billing/correctInvoice.ts";
import { issueBillingRun, issueInvoice } from "../billing/issueInvoices.ts";
import { loadInvoiceView, loadRunView, presentHold, presentInvoiceSummaries, presentRunRow, presentRunTotals, type InvoiceView } from "../billing/presentBilling.ts";
import { runBillingMonth } from "../billing/runBillingMonth.ts";
import { parseHoursToMilliminutes } from "../../domain/case/entryDuration.ts";
import { monthField } from "../fieldSchemas.ts";
import { createPage, decodeCursor, encodeCursor, pageSchema, paginationQuerySchema } from "../pagination.ts";
import { notFound, ProblemError } from "../problem.ts";
import { idParamsSchema } from "../resourceRoutes.ts";

const TAG = "Abrechnung";

const sourceSchema = z.object({ file: z.string(), clause: z.string(), quote: z.string().optional() }).describe("Fundstelle: Datei, Klausel, Zitat");
const policySchema = z.object({ decision: z.string(), option: z.string(), origin: z.string() }).describe("angewandte Produktentscheidung (decisions.md)");
const centsSchema = z.number().int().describe("Betrag in ganzen Cent");
const amountSchema = z.string().describe("Betrag in Euro als Dezimaltext, z. B. 1446.38");
const timestampSchema = z.iso.datetime().describe("Zeitpunkt nach ISO 8601 in UTC, z. B. 2026-04-15T09:05:00.000Z");

const providerSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable().describe("Name des Leistungserbringers; null, wenn die Organisation nicht erfasst ist"),
    address: z.object({ street: z.string().optional(), postalCode: z.string().optional(), city: z.string().optional(), countryCode: z.string().optional() }),
  })
  .describe("Leistungserbringer (Rechnungssteller) mit Name und Anschrift, wie sie auf der Rechnung (PDF, XRechnung) stehen");

const invoiceSummarySchema = z
  .object({
    id: z.string(),
    providerId: z.string().describe("Leistungserbringer (Rechnungssteller); für die Sachbearbeitung des Leistungsträgers, die Rechnungen mehrerer Träger sieht"),
    runId: z.string().nullable(),
    payerId: z.string().nullable().describe("Leistungsträger (Rechnungsempfänger)"),
    month: z.string(),
    kind: z.enum(["invoice", "cancellation"]).describe("Rechnung oder Stornorechnung"),
    state: z.enum(["draft", "issued"]).describe("Entwurf oder ausgestellt"),
    number: z.string().nullable().describe("Rechnungsnummer, lückenlos je Träger und Jahr (2026-000001)"),
    issueDate: z.string().nullable().describe("Rechnungsdatum"),
    periodFrom: z.string(),
    periodTo: z.string(),
    totalCents: centsSchema,
    total: amountSchema,
    lineCount: z.number().int(),
    supplementary: z.boolean().describe("Nachberechnung: nur der Unterschied zu bereits ausgestellten Rechnungen des Monats"),
    cancelsInvoiceId: z.string().nullable().describe("storniert diese Rechnung"),
    correctsInvoiceId: z.string().nullable().describe("ersetzt diese (stornierte) Rechnung"),
    createdAt: timestampSchema,
  })
  .describe("Rechnung (Übersicht)");

const lineSchema = z
  .object({
    position: z.number().int(),
    lineKey: z.string(),
    caseId: z.string(),
    clientId: z.string(),
    agreementId: z.string(),
    label: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    quantity: z.string(),
    unit: z.string(),
    unitPrice: amountSchema,
    amountCents: centsSchema,
    amount: amountSchema,
    rateId: z.string(),
    exampleValue: z.boolean().describe("mit einem Beispielwert berechnet, nie ein vereinbarter Satz"),
    ruleId: z.string(),
    source: sourceSchema,
    policies: z.array(policySchema),
    evidence: z
      .record(z.string(), z.unknown())
      .describe(
        "Leistungstage, Einträge und Kostenübernahmen hinter der Position; zu den Einträgen (entryIds) je Eintrag Datum und dokumentierte Minuten (entries: [{ id, date, minutes }], null wenn der Eintrag nicht mehr erfasst ist), auch in den Teilen (parts)",
      ),
    costCoverageFileReference: z.string().nullable().describe("Aktenzeichen der Kostenübernahme"),
  })
  .describe("Rechnungsposition");

const holdSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    payerId: z.string().nullable(),
    caseId: z.string(),
    clientId: z.string(),
    agreementId: z.string(),
    agreementInstanceId: z.string().nullable().describe("die Vereinbarung des Trägers (aus dem Fall), in der eine fehlende Eingabe erfasst wird; null, wenn der Fall nicht mehr erfasst ist"),
    kind: z.enum(["hold", "rejected"]).describe("angehalten oder abgelehnt"),
    code: z.string(),
    message: z.string().describe("Grund"),
    release: z.string().describe("was den Rückhalt freigibt"),
    inputId: z.string().nullable().describe("die fehlende Eingabe (M17)"),
    periodFrom: z.string(),
    periodTo: z.string(),
    quantity: z.string(),
    unit: z.string(),
    amountCents: centsSchema.nullable(),
    amount: amountSchema.nullable(),
    ruleId: z.string(),
    source: sourceSchema,
    policies: z.array(policySchema),
    evidence: z.record(z.string(), z.unknown()),
  })
  .describe("Rückhalt");

const runRowShape = {
  id: z.string(),
  month: z.string(),
  state: z.enum(["draft", "issued"]),
  computedAt: timestampSchema,
  issuedAt: timestampSchema.nullable(),
  caseCount: z.number().int().describe("abgerechnete Fälle"),
  createdAt: timestampSchema,
};

const totalsSchema = z
  .object({ invoiceCount: z.number().int(), totalCents: centsSchema, total: amountSchema, holdCount: z.number().int(), heldCents: centsSchema, held: amountSchema })
  .describe("Rechnungen (ohne Stornorechnungen) mit Summe, Rückhalte mit berechnetem Betrag");

const runListItemSchema = z.object({ ...runRowShape, totals: totalsSchema }).describe("Abrechnungslauf mit Summen");

const runSchema = z
  .object({
    ...runRowShape,
    totals: totalsSchema,
    invoices: z.array(invoiceSummarySchema),
    holds: z.array(holdSchema),
  })
  .describe("Abrechnungslauf mit Rechnungen und Rückhalten");

const runSummarySchema = runSchema
  .omit({ holds: true })
  .describe("Abrechnungslauf mit Rechnungen und Summen; die Rückhalte unter GET /api/v1/billing-runs/{id} oder /api/v1/billing-holds?runId=");

const invoiceListItemSchema = invoiceSummarySchema.extend({ provider: providerSchema }).describe("Rechnung (Übersicht) mit Leistungserbringer");

const invoiceSchema = invoiceSummarySchema.extend({ provider: providerSchema, lines: z.array(lineSchema) }).describe("Rechnung mit Leistungserbringer und Positionen");

function billingScopeOf(scope: RequestScope): BillingScope {
  return { tx: scope.tx, organisationId: scope.actor.organisationId, catalogue: scope.context.catalogue, today: scope.context.today, now: scope.context.now };
}

/** The month a run or invoice belongs to (for the month guard), or 404. */
async function monthOf(context: AppContext, organisationId: string, table: typeof billingRuns | typeof invoices, id: string, label: string): Promise<string> {
  const [row] = await context.store.db
    .select({ month: table.month })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), eq(table.id, id)))
    .limit(1);
  if (!row) throw notFound(label, id);
  return row.month;
}

type ProviderView = z.infer<typeof providerSchema>;

function postalAddressOf(address: unknown): ProviderView["address"] {
  const result: ProviderView["address"] = {};
  if (typeof address !== "object" || address === null) return result;
  for (const key of ["street", "postalCode", "city", "countryCode"] as const) {
    const value = (address as Record<string, unknown>)[key];
    if (typeof value === "string") result[key] = value;
  }
  return result;
}

/** Name and address of the providers (the seller data every invoice prints), by id, in one query. */
async function loadProviders(tx: Executor, providerIds: string[]): Promise<Map<string, ProviderView>> {
  const ids = [...new Set(providerIds)];
  const rows = ids.length === 0 ? [] : await tx.select({ id: organisations.id, name: organisations.name, address: organisations.address }).from(organisations).where(inArray(organisations.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map(ids.map((id) => [id, { id, name: byId.get(id)?.name ?? null, address: postalAddressOf(byId.get(id)?.address) }]));
}

interface EntryDetail {
  id: string;
  date: string | null;
  minutes: number | null;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The entry ids an evidence names, its own and those of its parts (a merged line). */
function entryIdsOf(evidence: Record<string, unknown>): string[] {
  const own = isStringList(evidence.entryIds) ? evidence.entryIds : [];
  const parts = Array.isArray(evidence.parts) ? evidence.parts.flatMap((part) => (isRecord(part) ? entryIdsOf(part) : [])) : [];
  return [...own, ...parts];
}

/** The evidence with date and minutes beside its entry ids (entries, in the ids' order), in its parts too. */
function withEntryDetails(evidence: Record<string, unknown>, details: Map<string, EntryDetail>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...evidence };
  if (isStringList(evidence.entryIds)) result.entries = evidence.entryIds.map((id) => details.get(id) ?? { id, date: null, minutes: null });
  if (Array.isArray(evidence.parts)) result.parts = evidence.parts.map((part) => (isRecord(part) ? withEntryDetails(part, details) : part));
  return result;
}

function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The documented duration of an entry in minutes, as the engine measures it (M14: minutes, hours, or start and end). */
function recordedMinutes(entry: { minutes: number | null; hours: string | null; start: string | null; end: string | null }): number | null {
  if (entry.minutes !== null) return entry.minutes;
  if (entry.hours !== null) return parseHoursToMilliminutes(entry.hours) / 1000;
  if (entry.start !== null && entry.end !== null) return minutesOfDay(entry.end) - minutesOfDay(entry.start);
  return null;
}

/**
 * An invoice as the API answers it: the invoice with its lines, its provider's name and address, and beside the
 * entry ids of each line's evidence the entries' dates and minutes (one query for the whole invoice).
 */
async function presentInvoice(tx: Executor, providerId: string, invoiceId: string) {
  const view: InvoiceView = await loadInvoiceView(tx, providerId, invoiceId);
  const entryIds = [...new Set(view.lines.flatMap((line) => entryIdsOf(line.evidence)))];
  const entryRows =
    entryIds.length === 0
      ? []
      : await tx
          .select({ id: serviceEntries.id, date: serviceEntries.date, minutes: serviceEntries.minutes, hours: serviceEntries.hours, start: serviceEntries.start, end: serviceEntries.end })
          .from(serviceEntries)
          .where(and(eq(serviceEntries.organisationId, providerId), inArray(serviceEntries.id, entryIds)));
  const details = new Map(entryRows.map((row) => [row.id, { id: row.id, date: row.date, minutes: recordedMinutes(row) }]));
  const provider = (await loadProviders(tx, [providerId])).get(providerId)!;
  const { lines, ...summary } = view;
  return { ...summary, provider, lines: lines.map((line) => ({ ...line, evidence: withEntryDetails(line.evidence, details) })) };
}

/** The list's order: newest month first, then the newest run of a month, then id; the cursor names the last row's three. */
function runCursorOf(run: { month: string; createdAt: string; id: string }): string {
  return encodeCursor(JSON.stringify([run.month, run.createdAt, run.id]));
}

function decodeRunCursor(cursor: string | undefined): [month: string, createdAt: string, id: string] | undefined {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isStringList(parsed) && parsed.length === 3 && /^\d{4}-\d{2}$/.test(parsed[0]!) && !Number.isNaN(Date.parse(parsed[1]!))) return [parsed[0]!, parsed[1]!, parsed[2]!];
  throw new ProblemError(400, "Ungültige Fortsetzungsmarke", [{ path: "query.cursor", message: "ungültige Fortsetzungsmarke", value: cursor }]);
}

/** Summaries of invoices of several providers (a payer's list), in the list's order. */
async function presentSummariesOfProviders(scope: RequestScope, rows: (typeof invoices.$inferSelect)[]) {
  const byProvider = new Map<string, (typeof invoices.$inferSelect)[]>();
  for (const row of rows) byProvider.set(row.organisationId, [...(byProvider.get(row.organisationId) ?? []), row]);
  const summaries = new Map<string, Awaited<ReturnType<typeof presentInvoiceSummaries>>[number]>();
  for (const [providerId, providerRows] of byProvider)
    for (const [index, summary] of (await presentInvoiceSummaries(scope.tx, providerId, providerRows)).entries()) summaries.set(`${providerId}/${providerRows[index]!.id}`, summary);
  return rows.map((row) => summaries.get(`${row.organisationId}/${row.id}`)!);
}

/** Holds a payer's caseworker sees: those for the payer in runs with an issued invoice addressed to it. */
function heldForPayer(scope: RequestScope): SQL {
  const payerId = scope.actor.organisationId;
  return and(
    eq(billingHolds.payerId, payerId),
    exists(
      scope.tx
        .select({ one: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.organisationId, billingHolds.organisationId), eq(invoices.runId, billingHolds.runId), eq(invoices.payerId, payerId), eq(invoices.state, "issued"))),
    ),
  )!;
}

export function registerBillingRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/billing-runs",
    {
      schema: {
        tags: [TAG],
        summary: "Abrechnungslauf für einen Monat",
        description:
          "Rechnet jeden im Monat aktiven Fall ab und legt je Leistungsträger einen Rechnungsentwurf mit Positionen und die Rückhalte an, in einer Transaktion. Ein erneuter Lauf ersetzt den Entwurf des Monats; ist der Monat schon ausgestellt, wird nur der Unterschied zur Nachberechnung. Läuft für den Monat schon ein Lauf: 409.",
        body: z.object({ month: monthField.describe("Abrechnungsmonat JJJJ-MM") }).strict(),
        response: { 201: runSummarySchema.extend({ replaced: z.boolean().describe("ein Entwurf des Monats wurde ersetzt") }) },
      },
    },
    async (request, reply) => {
      const { month } = request.body;
      const organisationId = request.actor.organisationId;
      const view = await guardBillingMonth(organisationId, month, () =>
        runInTransaction(context, request.actor, async (scope) => {
          const outcome = await runBillingMonth(billingScopeOf(scope), month);
          const { holds: _holds, ...summary } = await loadRunView(scope.tx, organisationId, outcome.runId);
          return { ...summary, replaced: outcome.replaced };
        }),
      );
      return reply.code(201).send(view);
    },
  );

  routes.get(
    "/api/v1/billing-runs",
    {
      schema: {
        tags: [TAG],
        summary: "Abrechnungsläufe: Liste",
        querystring: paginationQuerySchema.extend({ month: monthField.optional(), state: z.enum(["draft", "issued"]).optional() }),
        description: "Neuester Monat zuerst, im Monat der jüngste Lauf zuerst; je Lauf die Summen wie unter GET /api/v1/billing-runs/{id}.",
        response: { 200: pageSchema(runListItemSchema) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        const conditions: SQL[] = [eq(billingRuns.organisationId, scope.actor.organisationId)];
        if (query.month) conditions.push(eq(billingRuns.month, query.month));
        if (query.state) conditions.push(eq(billingRuns.state, query.state));
        const after = decodeRunCursor(query.cursor);
        if (after !== undefined) conditions.push(sql`(${billingRuns.month}, ${billingRuns.createdAt}, ${billingRuns.id}) < (${after[0]}::text, ${after[1]}::timestamptz, ${after[2]}::text)`);
        // The totals in the same statement: one aggregate per run over the run's invoices and holds (indexed by run).
        const invoiceTotals = scope.tx
          .select({
            invoiceCount: sql<number>`count(*)`.mapWith(Number).as("invoice_count"),
            totalCents: sql<number>`coalesce(sum(${invoices.totalCents}), 0)`.mapWith(Number).as("total_cents"),
          })
          .from(invoices)
          .where(and(eq(invoices.organisationId, billingRuns.organisationId), eq(invoices.runId, billingRuns.id), eq(invoices.kind, "invoice")))
          .as("invoice_totals");
        const holdTotals = scope.tx
          .select({
            holdCount: sql<number>`count(*)`.mapWith(Number).as("hold_count"),
            heldCents: sql<number>`coalesce(sum(${billingHolds.amountCents}), 0)`.mapWith(Number).as("held_cents"),
          })
          .from(billingHolds)
          .where(and(eq(billingHolds.organisationId, billingRuns.organisationId), eq(billingHolds.runId, billingRuns.id)))
          .as("hold_totals");
        const rows = await scope.tx
          .select({ run: billingRuns, invoiceCount: invoiceTotals.invoiceCount, totalCents: invoiceTotals.totalCents, holdCount: holdTotals.holdCount, heldCents: holdTotals.heldCents })
          .from(billingRuns)
          .leftJoinLateral(invoiceTotals, sql`true`)
          .leftJoinLateral(holdTotals, sql`true`)
          .where(and(...conditions))
          .orderBy(desc(billingRuns.month), desc(billingRuns.createdAt), desc(billingRuns.id))
          .limit(query.limit + 1);
        const items = rows.slice(0, query.limit).map((row) => ({
          ...presentRunRow(row.run),
          totals: presentRunTotals(Number(row.invoiceCount ?? 0), Number(row.totalCents ?? 0), Number(row.holdCount ?? 0), Number(row.heldCents ?? 0)),
        }));
        return { items, nextCursor: rows.length > query.limit ? runCursorOf(rows[query.limit - 1]!.run) : null };
      }),
  );

  routes.get(
    "/api/v1/billing-runs/:id",
    { schema: { tags: [TAG], summary: "Abrechnungslauf: Rechnungen mit Summen, Rückhalte", params: idParamsSchema, response: { 200: runSchema } } },
    async (request) => runInTransaction(context, request.actor, async (scope) => loadRunView(scope.tx, scope.actor.organisationId, request.params.id)),
  );

  routes.post(
    "/api/v1/billing-runs/:id/issue",
    {
      schema: {
        tags: [TAG],
        summary: "Abrechnungslauf ausstellen",
        description: "Stellt alle Rechnungsentwürfe des Laufs aus: lückenlose Nummer je Träger und Jahr, Rechnungsdatum heute. Ausgestellte Rechnungen sind unveränderlich (GoBD). Bereits ausgestellt: 409.",
        params: idParamsSchema,
        response: { 200: runSummarySchema },
      },
    },
    async (request) => {
      const organisationId = request.actor.organisationId;
      const month = await monthOf(context, organisationId, billingRuns, request.params.id, "Abrechnungslauf");
      return guardBillingMonth(organisationId, month, () =>
        runInTransaction(context, request.actor, async (scope) => {
          await issueBillingRun(billingScopeOf(scope), request.params.id);
          const { holds: _holds, ...summary } = await loadRunView(scope.tx, organisationId, request.params.id);
          return summary;
        }),
      );
    },
  );

  routes.get(
    "/api/v1/invoices",
    {
      schema: {
        tags: [TAG],
        summary: "Rechnungen: Liste",
        querystring: paginationQuerySchema.extend({
          month: monthField.optional(),
          payerId: z.string().max(200).optional(),
          state: z.enum(["draft", "issued"]).optional(),
          kind: z.enum(["invoice", "cancellation"]).optional(),
          runId: z.string().max(200).optional(),
          clientId: z.string().max(200).optional().describe("Rechnungen mit mindestens einer Position dieser Person"),
        }),
        response: { 200: pageSchema(invoiceListItemSchema) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        const organisationId = scope.actor.organisationId;
        const addressed = isAddressedView(scope);
        // A payer's caseworker: the issued invoices addressed to the payer, of every provider.
        const conditions: SQL[] = addressed ? [eq(invoices.payerId, organisationId), eq(invoices.state, "issued")] : [eq(invoices.organisationId, organisationId)];
        if (query.month) conditions.push(eq(invoices.month, query.month));
        if (query.payerId) conditions.push(eq(invoices.payerId, query.payerId));
        if (query.state) conditions.push(eq(invoices.state, query.state));
        if (query.kind) conditions.push(eq(invoices.kind, query.kind));
        if (query.runId) conditions.push(eq(invoices.runId, query.runId));
        if (query.clientId)
          conditions.push(
            exists(
              scope.tx
                .select({ one: invoiceLines.position })
                .from(invoiceLines)
                .where(and(eq(invoiceLines.organisationId, invoices.organisationId), eq(invoiceLines.invoiceId, invoices.id), eq(invoiceLines.clientId, query.clientId))),
            ),
          );
        const after = decodeCursor(query.cursor);
        if (after !== undefined) conditions.push(gt(invoices.id, after));
        const rows = await scope.tx.select().from(invoices).where(and(...conditions)).orderBy(asc(invoices.id)).limit(query.limit + 1);
        const page = createPage(rows, query.limit);
        const summaries = addressed ? await presentSummariesOfProviders(scope, page.items) : await presentInvoiceSummaries(scope.tx, organisationId, page.items);
        const providers = await loadProviders(scope.tx, summaries.map((summary) => summary.providerId));
        return { items: summaries.map((summary) => ({ ...summary, provider: providers.get(summary.providerId)! })), nextCursor: page.nextCursor };
      }),
  );

  routes.get(
    "/api/v1/invoices/:id",
    { schema: { tags: [TAG], summary: "Rechnung mit Positionen (Regel, Fundstelle, Entscheidungen, Nachweise)", params: idParamsSchema, response: { 200: invoiceSchema } } },
    async (request) => runInTransaction(context, request.actor, async (scope) => presentInvoice(scope.tx, await findInvoiceProvider(scope, request.params.id), request.params.id)),
  );

  routes.post(
    "/api/v1/invoices/:id/issue",
    { schema: { tags: [TAG], summary: "Rechnung ausstellen", description: "Lückenlose Nummer, Rechnungsdatum heute; bereits ausgestellt: 409.", params: idParamsSchema, response: { 200: invoiceSchema } } },
    async (request) => {
      const organisationId = request.actor.organisationId;
      const month = await monthOf(context, organisationId, invoices, request.params.id, "Rechnung");
      return guardBillingMonth(organisationId, month, () =>
        runInTransaction(context, request.actor, async (scope) => {
          await issueInvoice(billingScopeOf(scope), request.params.id);
          return presentInvoice(scope.tx, organisationId, request.params.id);
        }),
      );
    },
  );

  routes.post(
    "/api/v1/invoices/:id/correction",
    {
      schema: {
        tags: [TAG],
        summary: "Rechnung korrigieren: Stornorechnung und neue Rechnung",
        description:
          "Stellt zur ausgestellten Rechnung eine Stornorechnung mit negierten Positionen aus (eigene Nummer, verweist auf das Original) und berechnet den Monat für den Leistungsträger neu: der neue Entwurf verweist auf das Original. Entwurf, Stornorechnung oder bereits storniert: 409.",
        params: idParamsSchema,
        response: { 201: z.object({ cancellation: invoiceSchema, replacement: invoiceSchema.nullable(), runId: z.string() }) },
      },
    },
    async (request, reply) => {
      const organisationId = request.actor.organisationId;
      const month = await monthOf(context, organisationId, invoices, request.params.id, "Rechnung");
      const result = await guardBillingMonth(organisationId, month, () =>
        runInTransaction(context, request.actor, async (scope) => {
          const outcome = await correctInvoice(billingScopeOf(scope), request.params.id);
          return {
            cancellation: await presentInvoice(scope.tx, organisationId, outcome.cancellation.id),
            replacement: outcome.replacement ? await presentInvoice(scope.tx, organisationId, outcome.replacement.id) : null,
            runId: outcome.runId,
          };
        }),
      );
      return reply.code(201).send(result);
    },
  );

  routes.get(
    "/api/v1/billing-holds",
    {
      schema: {
        tags: [TAG],
        summary: "Rückhalte: Liste",
        querystring: paginationQuerySchema.extend({ runId: z.string().max(200).optional(), caseId: z.string().max(200).optional(), code: z.string().max(200).optional() }),
        response: { 200: pageSchema(holdSchema) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        const conditions: SQL[] = isAddressedView(scope) ? [heldForPayer(scope)] : [eq(billingHolds.organisationId, scope.actor.organisationId)];
        if (query.runId) conditions.push(eq(billingHolds.runId, query.runId));
        if (query.caseId) conditions.push(eq(billingHolds.caseId, query.caseId));
        if (query.code) conditions.push(eq(billingHolds.code, query.code));
        const after = decodeCursor(query.cursor);
        if (after !== undefined) conditions.push(gt(billingHolds.id, after));
        const rows = await scope.tx
          .select({ hold: billingHolds, agreementInstanceId: cases.agreementInstanceId })
          .from(billingHolds)
          .leftJoin(cases, and(eq(cases.organisationId, billingHolds.organisationId), eq(cases.id, billingHolds.caseId)))
          .where(and(...conditions))
          .orderBy(asc(billingHolds.id))
          .limit(query.limit + 1);
        return createPage(rows.map((row) => presentHold(row.hold, row.agreementInstanceId)), query.limit);
      }),
  );
}
