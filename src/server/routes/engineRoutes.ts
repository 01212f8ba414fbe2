/**
 * The engine's results with their explanation (rule id, clause, policy option), so that the web app and a
 * payer can show them: a case's billing preview, deadlines, admission and volume; the organisation's deadline
 * overview and staffing; the pre-save check of a service entry; a client's month. Every route reads in one
 * transaction, scoped by the actor's organisation (another tenant's ids are 404), and stores nothing.
 * Exact figures are decimal strings, dates ISO.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceEntrySchema } from "../../domain/case/caseFileSchema.ts";
import { checkCaseVisible } from "../access/clientScope.ts";
import { runInTransaction, runRead, type AppContext } from "../appContext.ts";
import { computeCaseAdmission } from "../engine/caseAdmission.ts";
import { computeBillingPreview } from "../engine/caseBillingPreview.ts";
import { computeCaseDeadlineView } from "../engine/caseDeadlineView.ts";
import { computeCaseVolume } from "../engine/caseVolume.ts";
import { checkEntryBeforeSave } from "../engine/checkEntryBeforeSave.ts";
import { computeClientMonth } from "../engine/clientMonth.ts";
import { findCaseRow, loadStoredCase } from "../engine/loadStoredCase.ts";
import { periodQuerySchema, resolveMonthPeriod, resolvePeriodQuery, type PeriodQuery } from "../engine/periodQuery.ts";
import { presentExactValues } from "../engine/presentExactValues.ts";
import { computeStaffingView } from "../engine/staffingView.ts";
import { computeTenantDeadlines } from "../engine/tenantDeadlines.ts";
import { isoDateField, monthField } from "../fieldSchemas.ts";
import { idParamsSchema, idSchema } from "../resourceRoutes.ts";

const TAG = "Regelmaschine";

const asOfQuerySchema = z.object({ asOf: isoDateField.optional().describe("Stichtag JJJJ-MM-TT (Standard: heute)") }).strict();
const overviewQuerySchema = z
  .object({
    asOf: isoDateField.optional().describe("Stichtag JJJJ-MM-TT (Standard: heute)"),
    dueBefore: isoDateField.optional().describe("nur Fristen, die bis zu diesem Tag fällig sind (ohne Datum: immer gezeigt)"),
  })
  .strict();
const monthQuerySchema = z.object({ month: monthField.describe("Monat JJJJ-MM") }).strict();
const clientMonthParamsSchema = z.object({ id: idSchema, month: monthField });
const entryCheckBodySchema = z
  .object({
    caseId: idSchema.describe("Fall, für den der Eintrag erfasst werden soll"),
    entry: serviceEntrySchema.describe("der Leistungseintrag wie in der Falldatei (noch nicht gespeichert)"),
    entryId: idSchema.optional().describe("beim Ändern: der gespeicherte Eintrag, den `entry` ersetzt (wird nicht doppelt gezählt)"),
  })
  .strict();

/** Documents the shape of an engine result without restating the engine's types field by field. */
const engineResult = (description: string, shape: z.ZodRawShape = {}) => z.looseObject(shape).describe(description);
const explanationFields = { ruleId: z.string(), source: z.looseObject({ file: z.string(), clause: z.string() }), policies: z.array(z.looseObject({ decision: z.string(), option: z.string() })) };

const billingPreviewSchema = engineResult("Rechnungsentwurf eines Falls: Positionen und Rückhalte mit Regel, Fundstelle und Produktentscheidung", {
  caseId: z.string(),
  agreementId: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  lines: z.array(z.looseObject({ label: z.string(), quantity: z.string(), unit: z.string(), unitPrice: z.string(), amount: z.string(), ...explanationFields })),
  holds: z.array(z.looseObject({ code: z.string(), message: z.string(), release: z.string(), quantity: z.string(), ...explanationFields })),
  totals: z.looseObject({ billed: z.string().describe("Summe abrechenbar (Euro, zwei Nachkommastellen)"), held: z.string() }),
});

export function registerEngineRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/cases/:id/billing-preview",
    {
      schema: {
        tags: [TAG],
        summary: "Fall: Rechnungsentwurf (Vorschau)",
        description: "Der Rechnungsentwurf eines Falls für einen Monat (`month`) oder Zeitraum (`from`/`to`); speichert nichts.",
        params: idParamsSchema,
        querystring: periodQuerySchema,
        response: { 200: billingPreviewSchema },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const period = resolvePeriodQuery(request.query as PeriodQuery);
        const stored = await loadStoredCase(scope, request.params.id, period);
        return presentExactValues(computeBillingPreview(stored, period));
      }),
  );

  routes.get(
    "/api/v1/cases/:id/deadlines",
    {
      schema: {
        tags: [TAG],
        summary: "Fall: Fristen und Aufgaben",
        description: "Fristen mit Status, Nenndatum und nächstem Werktag (§ 193 BGB), fehlenden Eingaben und Begründung; bei beendeten Fällen die Aufbewahrungsfrist.",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: engineResult("Fristen eines Falls", { caseId: z.string(), asOf: z.string(), deadlines: z.array(z.looseObject({ id: z.string(), title: z.string(), status: z.string() })), retention: z.looseObject({}).nullable() }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const asOf = request.query.asOf ?? context.today();
        const row = await findCaseRow(scope, request.params.id);
        const stored = await loadStoredCase(scope, row.id, { from: row.start, to: asOf > row.start ? asOf : row.start, entriesFrom: row.start });
        return presentExactValues(computeCaseDeadlineView(stored, asOf));
      }),
  );

  routes.get(
    "/api/v1/deadlines",
    {
      schema: {
        tags: [TAG],
        summary: "Fristenübersicht der Organisation",
        description: "Offene, bald fällige und überfällige Fristen aller Fälle und aller Vereinbarungen des Trägers, nach Fälligkeit sortiert (Übersicht der Leitung).",
        querystring: overviewQuerySchema,
        response: { 200: engineResult("Fristenübersicht", { asOf: z.string(), deadlines: z.array(z.looseObject({ id: z.string(), scope: z.enum(["case", "agreement"]), title: z.string(), status: z.string() })) }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => presentExactValues(await computeTenantDeadlines(scope, request.query.asOf ?? context.today(), request.query.dueBefore))),
  );

  routes.get(
    "/api/v1/cases/:id/admission",
    {
      schema: {
        tags: [TAG],
        summary: "Fall: Aufnahmeprüfung",
        description: "Aufnahmefähig, Prüfung erforderlich oder abgelehnt, mit jeder Begründung (Regel, Fundstelle).",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: engineResult("Aufnahmeprüfung", { caseId: z.string(), asOf: z.string(), outcome: z.enum(["eligible", "review", "refused"]), findings: z.array(z.looseObject({ severity: z.string(), message: z.string() })) }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const asOf = request.query.asOf ?? context.today();
        const row = await findCaseRow(scope, request.params.id);
        const stored = await loadStoredCase(scope, row.id, { from: row.start, to: asOf > row.start ? asOf : row.start, entriesFrom: asOf });
        return presentExactValues(await computeCaseAdmission(scope, stored, asOf));
      }),
  );

  routes.get(
    "/api/v1/cases/:id/volume",
    {
      schema: {
        tags: [TAG],
        summary: "Fall: Inanspruchnahme im Monat",
        description: "Monatsdurchschnitt der Wochenstunden mit Jahreszähler (A3) und Korridor der Hilfebedarfsgruppe (A2); ohne Umfangsregel ein leeres Ergebnis, das dies sagt.",
        params: idParamsSchema,
        querystring: monthQuerySchema,
        response: { 200: engineResult("Inanspruchnahme", { caseId: z.string(), month: z.string(), applies: z.boolean(), message: z.string().nullable() }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const month = request.query.month;
        const period = resolveMonthPeriod(month);
        const yearStart = `${month.slice(0, 4)}-01-01`;
        const stored = await loadStoredCase(scope, request.params.id, { ...period, entriesFrom: yearStart });
        return presentExactValues(computeCaseVolume(stored, month));
      }),
  );

  routes.post(
    "/api/v1/service-entries/check",
    {
      schema: {
        tags: [TAG],
        summary: "Leistungseintrag vor dem Speichern prüfen",
        description: "Hinweise zur Dokumentation (M14) und was die Abrechnung wegen des Eintrags anhalten würde (keine Kostenübernahme, Volumen überschritten). Speichert nichts.",
        body: entryCheckBodySchema,
        response: { 200: engineResult("Prüfergebnis", { caseId: z.string(), date: z.string(), clean: z.boolean(), findings: z.array(z.looseObject({ severity: z.string(), code: z.string(), message: z.string(), ruleId: z.string(), clause: z.string() })) }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const { caseId, entry, entryId } = request.body;
        scope.audit.clientId = await checkCaseVisible(scope.tx, scope.actor, caseId);
        const month = resolveMonthPeriod(entry.date.slice(0, 7));
        const stored = await loadStoredCase(scope, caseId, month);
        return presentExactValues(checkEntryBeforeSave(stored, entry, month, entryId));
      }),
  );

  routes.get(
    "/api/v1/clients/:id/month/:month",
    {
      schema: {
        tags: [TAG],
        summary: "Monat einer Klient:in",
        description: "Die Person, ihre Fälle mit den Einträgen, Abwesenheiten, Krisen und Kontakten des Monats, je Fall die Summen des Rechnungsentwurfs und die bis Monatsende fälligen Fristen.",
        params: clientMonthParamsSchema,
        response: { 200: engineResult("Monat einer Klient:in", { month: z.string(), cases: z.array(z.looseObject({ caseId: z.string(), billing: z.looseObject({ billed: z.string(), held: z.string() }) })) }) },
      },
    },
    async (request) => runRead(context, request.actor, async (scope) => computeClientMonth(scope, request.params.id, request.params.month)),
  );

  routes.get(
    "/api/v1/staffing",
    {
      schema: {
        tags: [TAG],
        summary: "Personal: Bedarf, Quoten, Führungszeugnisse",
        description: "Personalbedarf (M12), Fachkraftquoten (M13) und Führungszeugnisse, strengste Regel über alle Vereinbarungen (M09); fehlende Angaben werden benannt, nie erfunden.",
        querystring: asOfQuerySchema,
        response: { 200: engineResult("Personalauswertung", { asOf: z.string(), report: z.looseObject({}), missingFacts: z.array(z.object({ fact: z.string(), message: z.string() })) }) },
      },
    },
    async (request) => runInTransaction(context, request.actor, async (scope) => presentExactValues(await computeStaffingView(scope, request.query.asOf ?? context.today()))),
  );
}
