/**
 * An issued invoice or cancellation from the store as the documents' input model (`InvoiceDocument`): the
 * invoice row with its lines, the provider (the tenant's organisation row), the payer (organisation row of the
 * invoice's payer, with its Leitweg-ID), the preceding invoice a cancellation or replacement refers to, and the
 * cost coverage's file reference of the lines. Values the store lacks are taken as docs/documents.md says
 * (seller electronic address BT-34 = the provider's contact e-mail; payment terms from the settings); a value
 * that is missing is refused with 409 naming every missing field, never invented.
 */
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Catalogue } from "../../catalogue/agreementCatalogue.ts";
import type { RateUnit } from "../../domain/billing/rateParameters.ts";
import { parseDate, formatIsoDate } from "../../domain/calendar/calendarDate.ts";
import { parseAmount, toIntegerCents } from "../../domain/money/amount.ts";
import { documentUnitOfRateUnit } from "../../documents/documentUnits.ts";
import type { DocumentPolicy, DocumentPostalAddress, InvoiceDocument, InvoiceDocumentLine } from "../../documents/invoiceDocument.ts";
import { resolveInstanceAgreement } from "../../store/instanceAgreement.ts";
import { agreementInstances, cases, invoiceLines, invoices, organisations } from "../../store/schema/index.ts";
import type { Executor } from "../../store/store.ts";
import { notFound, ProblemError, type InvalidField } from "../problem.ts";
import type { DocumentSettings } from "./documentSettings.ts";

type InvoiceRow = typeof invoices.$inferSelect;
type LineRow = typeof invoiceLines.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;

/** 409 listing every field a document needs that the store does not hold. */
export function missingDocumentData(documentLabel: string, fields: InvalidField[]): ProblemError {
  return new ProblemError(
    409,
    `${documentLabel} kann nicht erzeugt werden: ${fields.map((field) => `${field.path} (${field.message})`).join("; ")}`,
    fields,
  );
}

function requireText(value: string | null | undefined, path: string, message: string, missing: InvalidField[]): string {
  if (value === undefined || value === null || value.trim() === "") {
    missing.push({ path, message, value: value ?? null });
    return "";
  }
  return value.trim();
}

function documentAddress(organisation: OrganisationRow, path: string, missing: InvalidField[]): DocumentPostalAddress {
  const address = organisation.address ?? {};
  return {
    street: requireText(address.street, `${path}.address.street`, "Straße fehlt (BT-35/BT-50)", missing),
    postalCode: requireText(address.postalCode, `${path}.address.postalCode`, "Postleitzahl fehlt (BR-DE-4/BR-DE-9)", missing),
    city: requireText(address.city, `${path}.address.city`, "Ort fehlt (BR-DE-3/BR-DE-8)", missing),
    countryCode: address.countryCode?.trim() || "DE",
  };
}

function addDays(iso: string, days: number): string {
  return formatIsoDate(parseDate(iso).add({ days }));
}

/** The payment terms of the settings: due date and the same in words (BT-9, BT-20). */
export function paymentTermsOf(issueDate: string, settings: DocumentSettings): { dueDate: string; paymentTerms: string } {
  const dueDate = addDays(issueDate, settings.paymentTermDays);
  const [year, month, day] = dueDate.split("-");
  return { dueDate, paymentTerms: `Zahlbar innerhalb von ${settings.paymentTermDays} Tagen ab Rechnungsdatum ohne Abzug, spätestens am ${day}.${month}.${year}.` };
}

const AGREED_UNITS: Record<string, "day" | "month" | "hour"> = { serviceDay: "day", day: "day", month: "month", hour: "hour" };

interface LineContext {
  /** The agreed billing unit of P-A2-01 per case id, where the agreement leaves the unit open ("agreedUnit"). */
  agreedUnitByCase: Map<string, "day" | "month" | "hour" | undefined>;
}

function documentLine(row: LineRow, index: number, context: LineContext, missing: InvalidField[]): InvoiceDocumentLine {
  const path = `lines[${index}]`;
  let unit: InvoiceDocumentLine["unit"] = "piece";
  try {
    unit = documentUnitOfRateUnit(row.unit as RateUnit, context.agreedUnitByCase.get(row.caseId));
  } catch (error) {
    missing.push({ path: `${path}.unit`, value: row.unit, message: error instanceof Error ? error.message : String(error) });
  }
  const unitPriceCents = toIntegerCents(parseAmount(row.unitPrice));
  if (unitPriceCents === undefined) missing.push({ path: `${path}.unitPrice`, value: row.unitPrice, message: "Einzelpreis hat mehr als zwei Nachkommastellen; ein Rechnungsdokument braucht ganze Cent (BR-DEC-17)" });
  const source = (row.source ?? {}) as { clause?: string };
  const policies = ((row.policies ?? []) as Array<{ decision: string; option: string }>).map((policy): DocumentPolicy => ({ decision: policy.decision, option: policy.option }));
  return {
    id: row.lineKey,
    label: row.label,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    quantity: row.quantity,
    unit,
    unitPriceCents: unitPriceCents ?? 0,
    amountCents: row.amountCents,
    agreementId: row.agreementId,
    ruleId: row.ruleId,
    clause: requireText(source.clause, `${path}.source.clause`, "Fundstelle (Klausel) der Position fehlt", missing),
    ...(policies.length > 0 ? { policies } : {}),
    clientReference: row.clientId,
    ...(row.costCoverageFileReference ? { costCoverageFileReference: row.costCoverageFileReference } : {}),
  };
}

async function agreedUnitsOfCases(executor: Executor, catalogue: Catalogue, organisationId: string, rows: LineRow[]): Promise<Map<string, "day" | "month" | "hour" | undefined>> {
  const caseIds = [...new Set(rows.filter((row) => row.unit === "agreedUnit").map((row) => row.caseId))];
  const units = new Map<string, "day" | "month" | "hour" | undefined>();
  if (caseIds.length === 0) return units;
  const found = await executor
    .select({ caseId: cases.id, details: cases.details, instance: agreementInstances })
    .from(cases)
    .innerJoin(agreementInstances, and(eq(agreementInstances.organisationId, cases.organisationId), eq(agreementInstances.id, cases.agreementInstanceId)))
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, caseIds)));
  for (const row of found) {
    const caseInputs = ((row.details ?? {}) as { caseInputs?: Record<string, { value?: unknown } | undefined> }).caseInputs ?? {};
    const agreement = resolveInstanceAgreement(catalogue, row.instance);
    const value = caseInputs["P-A2-01"]?.value ?? agreement?.inputValues["P-A2-01"]?.value;
    units.set(row.caseId, typeof value === "string" ? AGREED_UNITS[value] : undefined);
  }
  return units;
}

/** The common file reference of all lines, when there is exactly one (shown in the invoice head). */
function commonFileReference(lines: InvoiceDocumentLine[]): string | undefined {
  const references = new Set(lines.map((line) => line.costCoverageFileReference));
  if (references.size !== 1) return undefined;
  return [...references][0];
}

export interface InvoiceDocumentSource {
  catalogue: Catalogue;
  organisationId: string;
  settings: DocumentSettings;
}

async function organisationRows(executor: Executor, ids: string[]): Promise<Map<string, OrganisationRow>> {
  const rows = ids.length === 0 ? [] : await executor.select().from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

async function mapInvoices(executor: Executor, source: InvoiceDocumentSource, rows: InvoiceRow[], documentLabel: (row: InvoiceRow) => string): Promise<InvoiceDocument[]> {
  const { organisationId } = source;
  if (rows.length === 0) return [];
  const lineRows = await executor
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organisationId, organisationId), inArray(invoiceLines.invoiceId, rows.map((row) => row.id))))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const precedingIds = rows.flatMap((row) => [row.cancelsInvoiceId, row.correctsInvoiceId].filter((id): id is string => !!id));
  const preceding = new Map(
    (precedingIds.length === 0 ? [] : await executor.select().from(invoices).where(and(eq(invoices.organisationId, organisationId), inArray(invoices.id, precedingIds)))).map((row) => [row.id, row]),
  );
  const organisationsById = await organisationRows(executor, [organisationId, ...rows.map((row) => row.payerId).filter((id): id is string => !!id)]);
  const agreedUnitByCase = await agreedUnitsOfCases(executor, source.catalogue, organisationId, lineRows);
  const linesByInvoice = new Map<string, LineRow[]>();
  for (const line of lineRows) linesByInvoice.set(line.invoiceId, [...(linesByInvoice.get(line.invoiceId) ?? []), line]);

  return rows.map((row) => {
    const missing: InvalidField[] = [];
    if (row.state !== "issued" || !row.number || !row.issueDate)
      throw new ProblemError(409, `Rechnung „${row.id}“ ist ein Entwurf: Dokumente gibt es nur für ausgestellte Rechnungen (Nummer und Rechnungsdatum fehlen)`, [{ path: "state", value: row.state, message: "nicht ausgestellt" }]);
    const provider = organisationsById.get(organisationId);
    const payer = row.payerId ? organisationsById.get(row.payerId) : undefined;
    if (!provider) missing.push({ path: "provider", value: organisationId, message: `Organisation „${organisationId}“ des Leistungserbringers ist nicht erfasst` });
    if (!payer) missing.push({ path: "payer", value: row.payerId, message: `Leistungsträger „${row.payerId ?? "—"}“ ist nicht als Organisation erfasst (Name, Anschrift, Leitweg-ID)` });
    const documentProvider = provider && {
      id: provider.id,
      name: provider.name,
      address: documentAddress(provider, "provider", missing),
      contact: {
        name: requireText(provider.contact?.name, "provider.contact.name", "Ansprechpartner/in fehlt (BT-41, BR-DE-5)", missing),
        phone: requireText(provider.contact?.phone, "provider.contact.phone", "Telefon fehlt (BT-42, BR-DE-6)", missing),
        email: requireText(provider.contact?.email, "provider.contact.email", "E-Mail fehlt (BT-43, BR-DE-7; zugleich elektronische Adresse BT-34)", missing),
      },
      ...(provider.taxNumber ? { taxNumber: provider.taxNumber } : {}),
      ...(provider.vatId ? { vatId: provider.vatId } : {}),
      iban: requireText(provider.iban, "provider.iban", "IBAN fehlt (BT-84, BR-DE-23)", missing),
      ...(provider.bic ? { bic: provider.bic } : {}),
      electronicAddress: provider.contact?.email?.trim() ?? "",
    };
    if (provider && !provider.taxNumber && !provider.vatId) missing.push({ path: "provider.taxNumber", value: null, message: "Steuernummer oder USt-IdNr. fehlt (BT-31/BT-32, BR-E-02)" });
    const documentPayer = payer && {
      id: payer.id,
      name: payer.name,
      address: documentAddress(payer, "payer", missing),
      leitwegId: requireText(payer.leitwegId, "payer.leitwegId", "Leitweg-ID fehlt (BT-10, BT-49)", missing),
    };
    const precedingId = row.cancelsInvoiceId ?? row.correctsInvoiceId;
    const precedingRow = precedingId ? preceding.get(precedingId) : undefined;
    if (row.kind === "cancellation" && (!precedingRow?.number || !precedingRow.issueDate))
      missing.push({ path: "cancelsInvoiceId", value: row.cancelsInvoiceId, message: "die stornierte Rechnung ist nicht ausgestellt oder nicht gefunden (BT-25)" });
    const lines = (linesByInvoice.get(row.id) ?? []).map((line, index) => documentLine(line, index, { agreedUnitByCase }, missing));
    if (missing.length > 0 || !documentProvider || !documentPayer) throw missingDocumentData(documentLabel(row), missing);
    const fileReference = commonFileReference(lines);
    return {
      number: row.number,
      kind: row.kind,
      ...(precedingRow?.number && precedingRow.issueDate ? { precedingInvoice: { number: precedingRow.number, issueDate: precedingRow.issueDate } } : {}),
      issueDate: row.issueDate,
      ...paymentTermsOf(row.issueDate, source.settings),
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      provider: documentProvider,
      payer: documentPayer,
      ...(fileReference ? { costCoverageFileReference: fileReference } : {}),
      ...(row.supplementary ? { note: "Nachberechnung: berechnet nur den Unterschied zu den bereits ausgestellten Rechnungen des Monats." } : {}),
      lines,
      totalCents: row.totalCents,
    };
  });
}

/** One invoice of the provider as a document; 404 when it is not the provider's, 409 for a draft or missing data. */
export async function loadInvoiceDocument(executor: Executor, source: InvoiceDocumentSource, invoiceId: string): Promise<InvoiceDocument> {
  const [row] = await executor
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, source.organisationId), eq(invoices.id, invoiceId)))
    .limit(1);
  if (!row) throw notFound("Rechnung", invoiceId);
  const [document] = await mapInvoices(executor, source, [row], (invoice) => `Rechnungsdokument ${invoice.number ?? invoice.id}`);
  return document!;
}

/** Every issued invoice and cancellation of the provider whose issue date lies in [from, to], in number order. */
export async function loadIssuedInvoiceDocuments(executor: Executor, source: InvoiceDocumentSource, from: string, to: string): Promise<InvoiceDocument[]> {
  const rows = await executor
    .select()
    .from(invoices)
    .where(and(eq(invoices.organisationId, source.organisationId), eq(invoices.state, "issued"), gte(invoices.issueDate, from), lte(invoices.issueDate, to)))
    .orderBy(asc(invoices.number));
  return mapInvoices(executor, source, rows, (invoice) => `Export (Rechnung ${invoice.number ?? invoice.id})`);
}
