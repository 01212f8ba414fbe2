/**
 * Billing: monthly billing runs (draft per payer with lines and holds), issuing with gapless numbers, invoices
 * and their lines with rule, clause and policy options, holds, and corrections (cancellation plus new invoice).
 * A second run for the same provider and month while one is running gets 409.
 */
import { findInvoiceProvider, isAddressedView } from "../access/invoiceProvider.ts";
import { and, asc, eq, exists, gt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { billingHolds, billingRuns, invoiceLines, invoices } from "../../store/schema/index.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { guardBillingMonth } from "../billing/billingMonthLock.ts";
import type { BillingScope } from "../billing/billingScope.ts";
import { correctInvoice } from "../billing/correctInvoice.ts";
import { issueBillingRun, issueInvoice } from "../billing/issueInvoices.ts";
import { loadInvoiceView, loadRunView, presentHold, presentInvoiceSummaries, presentRunRow } from "../billing/presentBilling.ts";
import { runBillingMonth } from "../billing/runBillingMonth.ts";
import { monthField } from "../fieldSchemas.ts";
import { createPage, decodeCursor, pageSchema, paginationQuerySchema } from "../pagination.ts";
import { notFound } from "../problem.ts";
import { idParamsSchema } from "../resourceRoutes.ts";

const TAG = "Abrechnung";

const sourceSchema = z.object({ file: z.string(), clause: z.string(), quote: z.string().optional() }).describe("Fundstelle: Datei, Klausel, Zitat");
const policySchema = z.object({ decision: z.string(), option: z.string(), origin: z.string() }).describe("angewandte Produktentscheidung (decisions.md)");
const centsSchema = z.number().int().describe("Betrag in ganzen Cent");
const amountSchema = z.string().describe("Betrag in Euro als Dezimaltext, z. B. 1446.38");

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
    createdAt: z.string(),
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
    evidence: z.record(z.string(), z.unknown()).describe("Leistungstage, Einträge und Kostenübernahmen hinter der Position"),
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
  computedAt: z.string(),
  issuedAt: z.string().nullable(),
  caseCount: z.number().int().describe("abgerechnete Fälle"),
  createdAt: z.string(),
};

const runSchema = z
  .object({
    ...runRowShape,
    totals: z.object({ invoiceCount: z.number().int(), totalCents: centsSchema, total: amountSchema, holdCount: z.number().int(), heldCents: centsSchema, held: amountSchema }),
    invoices: z.array(invoiceSummarySchema),
    holds: z.array(holdSchema),
  })
  .describe("Abrechnungslauf mit Rechnungen und Rückhalten");

const runSummarySchema = runSchema
  .omit({ holds: true })
  .describe("Abrechnungslauf mit Rechnungen und Summen; die Rückhalte unter GET /api/v1/billing-runs/{id} oder /api/v1/billing-holds?runId=");

const invoiceSchema = invoiceSummarySchema.extend({ lines: z.array(lineSchema) }).describe("Rechnung mit Positionen");

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
        response: { 200: pageSchema(z.object(runRowShape)) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const query = request.query;
        const conditions: SQL[] = [eq(billingRuns.organisationId, scope.actor.organisationId)];
        if (query.month) conditions.push(eq(billingRuns.month, query.month));
        if (query.state) conditions.push(eq(billingRuns.state, query.state));
        const after = decodeCursor(query.cursor);
        if (after !== undefined) conditions.push(gt(billingRuns.id, after));
        const rows = await scope.tx.select().from(billingRuns).where(and(...conditions)).orderBy(asc(billingRuns.id)).limit(query.limit + 1);
        return createPage(rows.map(presentRunRow), query.limit);
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
        response: { 200: pageSchema(invoiceSummarySchema) },
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
        if (!addressed) return { items: await presentInvoiceSummaries(scope.tx, organisationId, page.items), nextCursor: page.nextCursor };
        return { items: await presentSummariesOfProviders(scope, page.items), nextCursor: page.nextCursor };
      }),
  );

  routes.get(
    "/api/v1/invoices/:id",
    { schema: { tags: [TAG], summary: "Rechnung mit Positionen (Regel, Fundstelle, Entscheidungen, Nachweise)", params: idParamsSchema, response: { 200: invoiceSchema } } },
    async (request) => runInTransaction(context, request.actor, async (scope) => loadInvoiceView(scope.tx, await findInvoiceProvider(scope, request.params.id), request.params.id)),
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
          return loadInvoiceView(scope.tx, organisationId, request.params.id);
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
            cancellation: await loadInvoiceView(scope.tx, organisationId, outcome.cancellation.id),
            replacement: outcome.replacement ? await loadInvoiceView(scope.tx, organisationId, outcome.replacement.id) : null,
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
        const rows = await scope.tx.select().from(billingHolds).where(and(...conditions)).orderBy(asc(billingHolds.id)).limit(query.limit + 1);
        return createPage(rows.map(presentHold), query.limit);
      }),
  );
}
