/**
 * Documents and exports (issue 6): an issued invoice as XRechnung (UBL 2.1) and as PDF; the issued invoices of
 * a period as DATEV Buchungsstapel (EXTF) and as plain CSV; the agreement text of an agreement instance (PDF,
 * DOCX); report drafts pre-filled from the documentation and their rendering (PDF, DOCX); the per-user
 * calendar feed of deadlines and tasks behind a secret token, and the route that creates or rotates the token.
 * Every refusal is a problem document: a draft invoice or missing master data is 409 naming each field.
 */
import { findInvoiceProvider, isAddressedView } from "../access/invoiceProvider.ts";
import { checkCaseVisible } from "../access/clientScope.ts";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createAgreementText } from "../../documents/agreement/agreementText.ts";
import type { AgreementParties, PartyData } from "../../documents/agreement/agreementWordingText.ts";
import { createCalendarFeed } from "../../documents/calendar/calendarFeed.ts";
import { createDatevBookingBatch, datevBookingBatchFileName, type DatevExportSettings } from "../../documents/datev/datevBookingBatch.ts";
import { createInvoiceCsv } from "../../documents/datev/invoiceCsv.ts";
import { encodeWindows1252 } from "../../documents/datev/windows1252.ts";
import { DocumentInputError } from "../../documents/documentInputError.ts";
import { createReportDraft, findOpenReportSections, REPORT_KINDS, reportDraftSchema, reportDraftToTextDocument } from "../../documents/report/reportDraft.ts";
import type { TextDocument } from "../../documents/text/textDocument.ts";
import { resolveInstanceAgreement } from "../../store/instanceAgreement.ts";
import { agreementInstances, organisations, users } from "../../store/schema/index.ts";
import type { Actor } from "../actor.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { loadCalendarItemsOfUser } from "../documents/calendarItemsOfUser.ts";
import { renderInvoicePdf, renderTextDocument, renderXrechnung } from "../documents/documentRenderers.ts";
import { documentSettingsFromEnvironment, parseAccountList, type DocumentSettings } from "../documents/documentSettings.ts";
import { loadInvoiceDocument, loadIssuedInvoiceDocuments, missingDocumentData } from "../documents/loadInvoiceDocument.ts";
import { loadReportDraftInput } from "../documents/loadReportDraftInput.ts";
import { isoDateField } from "../fieldSchemas.ts";
import { invalidInput, notFound, ProblemError, type InvalidField } from "../problem.ts";
import { idParamsSchema } from "../resourceRoutes.ts";

const TAG = "Dokumente";

export const CONTENT_TYPES = {
  xml: "application/xml; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  datev: "text/csv; charset=windows-1252",
  ics: "text/calendar; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** Name and address of an organisation row as the agreement text prints them: "Träger A gGmbH", "Musterweg 1, 28195 Bremen". */
function partyOf(row: typeof organisations.$inferSelect): PartyData {
  const { street, postalCode, city } = row.address ?? {};
  const place = [postalCode, city].filter(Boolean).join(" ");
  const address = [street, place].filter(Boolean).join(", ");
  return address ? { name: row.name, address } : { name: row.name };
}

/** The parties of an agreement instance from the store: the tenant as provider, the instance's payer when it names one. */
async function agreementPartiesOf(scope: RequestScope, payerId: string | null): Promise<AgreementParties> {
  const ids = [scope.actor.organisationId, ...(payerId ? [payerId] : [])];
  const rows = await scope.tx.select().from(organisations).where(inArray(organisations.id, ids));
  const provider = rows.find((row) => row.id === scope.actor.organisationId);
  const payer = payerId ? rows.find((row) => row.id === payerId) : undefined;
  return { ...(provider ? { provider: partyOf(provider) } : {}), ...(payer ? { payer: partyOf(payer) } : {}) };
}

function sendFile(reply: FastifyReply, contentType: string, fileName: string, body: string | Buffer) {
  return reply.header("content-type", contentType).header("content-disposition", contentDisposition(fileName)).header("cache-control", "no-store").send(body);
}

/** A generator's refusal (every issue with path, value and rule) as 409. */
async function generate<T>(produce: () => T | Promise<T>): Promise<T> {
  try {
    return await produce();
  } catch (error) {
    if (error instanceof DocumentInputError) {
      const errors: InvalidField[] = error.issues.map((issue) => ({ path: issue.path, value: issue.value, message: `${issue.message} (${issue.rule})` }));
      throw new ProblemError(409, error.message.split("\n")[0]!.replace(/:$/, "") + `: ${errors.map((field) => `${field.path}: ${field.message}`).join("; ")}`, errors);
    }
    throw error;
  }
}

const periodQuerySchema = z.object({ from: isoDateField.describe("erstes Rechnungsdatum (JJJJ-MM-TT)"), to: isoDateField.describe("letztes Rechnungsdatum (JJJJ-MM-TT)") });

const datevQuerySchema = periodQuerySchema.extend({
  consultantNumber: z.coerce.number().int().optional().describe("Beraternummer (sonst TEILHABE_DATEV_CONSULTANT_NUMBER)"),
  accountingClientNumber: z.coerce.number().int().optional().describe("Mandantennummer (sonst TEILHABE_DATEV_CLIENT_NUMBER)"),
  fiscalYearStart: isoDateField.optional().describe("Beginn des Wirtschaftsjahres (Standard: 1. Januar des Jahres von `from`)"),
  accountLength: z.coerce.number().int().optional().describe("Sachkontenlänge (sonst TEILHABE_DATEV_ACCOUNT_LENGTH, Standard 4)"),
  chartOfAccounts: z.enum(["03", "04"]).optional().describe("SKR 03 oder 04 (sonst TEILHABE_DATEV_CHART_OF_ACCOUNTS, Standard 03)"),
  revenueAccount: z.string().max(20).optional().describe("Erlöskonto (sonst TEILHABE_DATEV_REVENUE_ACCOUNT; kein Standard)"),
  debitorAccounts: z.string().max(2000).optional().describe("Debitorenkonten je Leistungsträger „HB-EGH:10001,KSV-SN:10002“ (ergänzt TEILHABE_DATEV_DEBITOR_ACCOUNTS)"),
  revenueAccountsByAgreement: z.string().max(2000).optional().describe("Erlöskonten je Vereinbarung „A4:8110,A2-beispiel-bremen:8120“"),
  label: z.string().max(30).optional().describe("Bezeichnung des Stapels"),
});

function datevSettingsOf(query: z.infer<typeof datevQuerySchema>, defaults: DocumentSettings["datev"], createdAt: string): DatevExportSettings {
  const missing: InvalidField[] = [];
  const consultantNumber = query.consultantNumber ?? defaults.consultantNumber;
  const accountingClientNumber = query.accountingClientNumber ?? defaults.accountingClientNumber;
  const revenueAccount = query.revenueAccount ?? defaults.revenueAccount;
  if (consultantNumber === undefined) missing.push({ path: "query.consultantNumber", value: null, message: "Beraternummer fehlt (Abfrage oder TEILHABE_DATEV_CONSULTANT_NUMBER)" });
  if (accountingClientNumber === undefined) missing.push({ path: "query.accountingClientNumber", value: null, message: "Mandantennummer fehlt (Abfrage oder TEILHABE_DATEV_CLIENT_NUMBER)" });
  if (revenueAccount === undefined) missing.push({ path: "query.revenueAccount", value: null, message: "Erlöskonto fehlt (Abfrage oder TEILHABE_DATEV_REVENUE_ACCOUNT); es wird kein Konto angenommen" });
  const debitorAccounts = parseAccountList(query.debitorAccounts);
  const revenueAccountsByAgreement = parseAccountList(query.revenueAccountsByAgreement);
  const malformed: InvalidField[] = [];
  if (debitorAccounts === undefined) malformed.push({ path: "query.debitorAccounts", value: query.debitorAccounts, message: "erwartet „Träger:Konto,Träger:Konto“" });
  if (revenueAccountsByAgreement === undefined) malformed.push({ path: "query.revenueAccountsByAgreement", value: query.revenueAccountsByAgreement, message: "erwartet „Vereinbarung:Konto,…“" });
  if (malformed.length > 0) throw invalidInput(malformed);
  if (missing.length > 0) throw missingDocumentData("DATEV-Buchungsstapel", missing);
  return {
    consultantNumber: consultantNumber!,
    accountingClientNumber: accountingClientNumber!,
    fiscalYearStart: query.fiscalYearStart ?? `${query.from.slice(0, 4)}-01-01`,
    accountLength: query.accountLength ?? defaults.accountLength,
    chartOfAccounts: query.chartOfAccounts ?? defaults.chartOfAccounts,
    periodFrom: query.from,
    periodTo: query.to,
    createdAt,
    debitorAccounts: { ...defaults.debitorAccounts, ...debitorAccounts },
    revenueAccount: revenueAccount!,
    ...(revenueAccountsByAgreement && Object.keys(revenueAccountsByAgreement).length > 0 ? { revenueAccountsByAgreement } : {}),
    ...(query.label ? { label: query.label } : {}),
  };
}

function checkPeriod(from: string, to: string): void {
  if (from > to) throw invalidInput([{ path: "query.to", value: to, message: `liegt vor dem Beginn ${from}` }]);
}

const renderQuerySchema = z.object({
  format: z.enum(["pdf", "docx"]).describe("PDF oder DOCX (bearbeitbar)"),
  final: z.enum(["true", "false"]).optional().describe("true: endgültige Fassung; offene Pflichtabschnitte werden mit 409 abgelehnt"),
});

async function sendTextDocument(reply: FastifyReply, document: TextDocument, format: "pdf" | "docx", baseName: string) {
  const body = await renderTextDocument(document, format);
  return sendFile(reply, CONTENT_TYPES[format], `${baseName}.${format}`, body);
}


/** The exports are the provider's bookkeeping: not for a payer's caseworker (403). */
function refuseAddressedExport(scope: RequestScope): void {
  if (isAddressedView(scope)) throw new ProblemError(403, "Exporte (DATEV, CSV) sind die Buchhaltung des Leistungserbringers; der Leistungsträger erhält die einzelnen Rechnungen (XRechnung, PDF)");
}

const CALENDAR_FILE = /^([A-Za-z0-9_-]{20,200})\.ics$/;

export function registerDocumentRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const settings = documentSettingsFromEnvironment();
  const sourceOf = (organisationId: string) => ({ catalogue: context.catalogue, organisationId, settings });
  const loadDocumentOf = (scope: RequestScope, invoiceId: string) => findInvoiceProvider(scope, invoiceId).then((providerId) => loadInvoiceDocument(scope.tx, sourceOf(providerId), invoiceId));

  routes.get(
    "/api/v1/invoices/:id/xrechnung.xml",
    {
      schema: {
        tags: [TAG],
        summary: "Rechnung als XRechnung 3.0 (UBL 2.1)",
        description: "Nur ausgestellte Rechnungen und Stornorechnungen (Storno als CreditNote 381 mit Verweis auf das Original). Entwurf oder fehlende Stammdaten (Anschrift, Kontakt, IBAN, Steuernummer, Leitweg-ID): 409 mit jedem fehlenden Feld.",
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const document = await runInTransaction(context, request.actor, (scope) => loadDocumentOf(scope, request.params.id));
      const xml = await generate(() => renderXrechnung(document));
      return sendFile(reply, CONTENT_TYPES.xml, `XRechnung_${safeFilePart(document.number)}.xml`, xml);
    },
  );

  routes.get(
    "/api/v1/invoices/:id/invoice.pdf",
    { schema: { tags: [TAG], summary: "Rechnung als PDF", description: "Briefkopf, Empfänger, Leitweg-ID, Aktenzeichen, Positionen mit Fundstelle; nur ausgestellte Rechnungen (Entwurf: 409).", params: idParamsSchema } },
    async (request, reply) => {
      const document = await runInTransaction(context, request.actor, (scope) => loadDocumentOf(scope, request.params.id));
      const pdf = await generate(() => renderInvoicePdf(document));
      return sendFile(reply, CONTENT_TYPES.pdf, `${document.kind === "cancellation" ? "Stornorechnung" : "Rechnung"}_${safeFilePart(document.number)}.pdf`, pdf);
    },
  );

  routes.get(
    "/api/v1/invoice-exports/datev",
    {
      schema: {
        tags: [TAG],
        summary: "Ausgestellte Rechnungen eines Zeitraums als DATEV-Buchungsstapel (EXTF, Windows-1252)",
        description:
          "Rechnungsdatum von `from` bis `to`. Berater- und Mandantennummer, Erlöskonto und Debitorenkonten aus der Abfrage oder den Einstellungen (docs/documents.md); fehlt eines: 409 mit dem Feld.",
        querystring: datevQuerySchema,
      },
    },
    async (request, reply) => {
      const query = request.query;
      checkPeriod(query.from, query.to);
      const datevSettings = datevSettingsOf(query, settings.datev, context.now());
      const documents = await runInTransaction(context, request.actor, (scope) => {
        refuseAddressedExport(scope);
        return loadIssuedInvoiceDocuments(scope.tx, sourceOf(scope.actor.organisationId), query.from, query.to);
      });
      const bytes = await generate(() => encodeWindows1252(createDatevBookingBatch(documents, datevSettings)));
      return sendFile(reply, CONTENT_TYPES.datev, datevBookingBatchFileName(datevSettings), bytes);
    },
  );

  routes.get(
    "/api/v1/invoice-exports/csv",
    { schema: { tags: [TAG], summary: "Ausgestellte Rechnungen eines Zeitraums als CSV (eine Zeile je Position)", querystring: periodQuerySchema } },
    async (request, reply) => {
      const { from, to } = request.query;
      checkPeriod(from, to);
      const documents = await runInTransaction(context, request.actor, (scope) => {
        refuseAddressedExport(scope);
        return loadIssuedInvoiceDocuments(scope.tx, sourceOf(scope.actor.organisationId), from, to);
      });
      const csv = await generate(() => createInvoiceCsv(documents));
      return sendFile(reply, CONTENT_TYPES.csv, `Rechnungen_${from.replaceAll("-", "")}_${to.replaceAll("-", "")}.csv`, csv);
    },
  );

  for (const format of ["pdf", "docx"] as const) {
    routes.get(
      `/api/v1/agreement-instances/:id/agreement.${format}`,
      {
        schema: {
          tags: [TAG],
          summary: `Vereinbarungstext als ${format.toUpperCase()}`,
          description:
            "Der Wortlaut der Vereinbarung (text.yaml) Ziffer für Ziffer in der Reihenfolge des Vertragsdokuments, mit Leistungserbringer und Leistungsträger aus den Stammdaten, gefüllten Eingaben an der Stelle ihrer Lücke, offenen als „[offen: … – noch nicht eingetragen]“ und den Unterschriftsfeldern; ohne text.yaml die Zitate der Vereinbarungsdaten nach Ziffern geordnet (docs/documents.md).",
          params: idParamsSchema,
        },
      },
      async (request, reply) => {
        const document = await runInTransaction(context, request.actor, async (scope) => {
          const [instance] = await scope.tx
            .select()
            .from(agreementInstances)
            .where(and(eq(agreementInstances.organisationId, scope.actor.organisationId), eq(agreementInstances.id, request.params.id)))
            .limit(1);
          if (!instance) throw notFound("Vereinbarung", request.params.id);
          const agreement = resolveInstanceAgreement(context.catalogue, instance);
          if (!agreement) throw new ProblemError(409, `Vereinbarung ${instance.agreementId} ist nicht geladen; kein Vereinbarungstext`, [{ path: "agreementId", value: instance.agreementId, message: "unbekannt" }]);
          return createAgreementText(agreement, { date: context.today(), instanceTitle: instance.title, parties: await agreementPartiesOf(scope, instance.payerId) });
        });
        return sendTextDocument(reply, document, format, `Vereinbarung_${safeFilePart(request.params.id)}`);
      },
    );
  }

  routes.post(
    "/api/v1/cases/:id/report-drafts",
    {
      schema: {
        tags: [TAG],
        summary: "Berichtsentwurf aus der Dokumentation",
        description:
          "Hilfeplan, Fortschreibung, Verlaufsbericht, Abschlussbericht, Sozial- und Entwicklungsbericht (A0) oder Qualitätsbericht (A4, Kalenderjahr, fällig 31.03. des Folgejahres): Abschnitte des Mindestinhalts mit Regel und Fundstelle, vorbefüllt aus Zielen, Maßnahmen, Fortschreibungen und Leistungseinträgen; was die Dokumentation nicht sagen kann, steht als „[offen: …]“. Nichts wird gespeichert.",
        params: idParamsSchema,
        body: z
          .object({
            kind: z.enum(REPORT_KINDS),
            from: isoDateField.optional().describe("Beginn des Berichtszeitraums (Standard: Datum des Hilfeplans, sonst Beginn des Falls)"),
            to: isoDateField.optional().describe("Ende (Standard: Ende des Falls, sonst heute)"),
            hilfeplanId: z.string().max(200).optional().describe("Hilfeplan (Standard: der neueste des Falls)"),
            year: z.number().int().min(2000).max(2100).optional().describe("Berichtsjahr des Qualitätsberichts (Standard: Vorjahr)"),
          })
          .strict(),
        response: { 200: reportDraftSchema },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) =>
        createReportDraft(await loadReportDraftInput(scope.tx, scope.actor.organisationId, request.params.id, request.body, context.today())),
      ),
  );

  routes.post(
    "/api/v1/report-drafts/render",
    {
      schema: {
        tags: [TAG],
        summary: "Bearbeiteten Berichtsentwurf als PDF oder DOCX ausgeben",
        description: "Der Körper ist der (bearbeitete) Entwurf. Mit final=true werden Pflichtabschnitte, die leer sind oder noch „[offen: …]“ enthalten, mit 409 abgelehnt.",
        querystring: renderQuerySchema,
        body: reportDraftSchema,
      },
    },
    async (request, reply) => {
      // The draft names its case: only someone who may see that case renders it.
      if (request.body.caseId) await runInTransaction(context, request.actor, (scope) => checkCaseVisible(scope.tx, scope.actor, request.body.caseId));
      const final = request.query.final === "true";
      if (final) {
        const open = findOpenReportSections(request.body);
        if (open.length > 0) throw new ProblemError(409, `Der Bericht ist noch nicht fertig: ${open.map((item) => item.message).join("; ")}`, open);
      }
      return sendTextDocument(reply, reportDraftToTextDocument(request.body, { final }), request.query.format, `${request.body.kind}_${safeFilePart(request.body.caseId)}`);
    },
  );

  routes.post(
    "/api/v1/calendar-tokens",
    {
      schema: {
        tags: [TAG],
        summary: "Geheimes Kalender-Token eines Benutzers anlegen oder erneuern",
        description:
          "Erzeugt ein neues zufälliges Token (das alte wird ungültig) und nennt die Feed-Adresse. Für das eigene Konto; Administration und Leitung auch für andere Konten der eigenen Organisation.",
        body: z.object({ userId: z.string().min(1).max(200) }).strict(),
        response: { 201: z.object({ userId: z.string(), token: z.string(), feedPath: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await runInTransaction(context, request.actor, async (scope) => {
        // One's own feed; Administrator and Leitung may set up another user's.
        if (request.body.userId !== scope.actor.userId && !["administrator", "leitung", "system"].includes(scope.actor.role)) throw notFound("Benutzer", request.body.userId);
        const token = randomBytes(32).toString("base64url");
        const updated = await scope.tx
          .update(users)
          .set({ calendarToken: token })
          .where(and(eq(users.organisationId, scope.actor.organisationId), eq(users.id, request.body.userId)))
          .returning({ id: users.id });
        if (updated.length === 0) throw notFound("Benutzer", request.body.userId);
        return { userId: request.body.userId, token, feedPath: `/api/v1/calendar/${token}.ics` };
      });
      return reply.code(201).send(result);
    },
  );

  routes.get(
    "/api/v1/calendar/:file",
    {
      schema: {
        tags: [TAG],
        summary: "Kalender-Feed (iCalendar) der Fristen und Aufgaben eines Benutzers",
        description: "Adresse /api/v1/calendar/{token}.ics; das geheime Token ist die Berechtigung (ohne Sitzung). Unbekanntes Token: 404.",
        params: z.object({ file: z.string().max(300).describe("{token}.ics") }),
      },
    },
    async (request, reply) => {
      const match = CALENDAR_FILE.exec(request.params.file);
      if (!match) throw new ProblemError(404, "Kalender-Feed nicht gefunden");
      const token = match[1]!;
      const [user] = await context.store.db.select().from(users).where(eq(users.calendarToken, token)).limit(1);
      if (!user || user.disabled) throw new ProblemError(404, "Kalender-Feed nicht gefunden");
      const actor: Actor = { organisationId: user.organisationId, userId: user.id, role: user.role, address: request.ip };
      const items = await runInTransaction(context, actor, (scope) => loadCalendarItemsOfUser(scope, user, context.today()));
      const ics = await generate(() =>
        createCalendarFeed(items, { name: `Teilhabe – Fristen und Aufgaben (${user.displayName})`, generatedAt: context.now(), uidDomain: settings.calendarUidDomain, reminderDaysBefore: 7 }),
      );
      return reply.header("content-type", CONTENT_TYPES.ics).header("content-disposition", contentDisposition("teilhabe-fristen.ics", "inline")).header("cache-control", "private, max-age=300").send(ics);
    },
  );
}
