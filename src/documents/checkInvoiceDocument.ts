/**
 * Checks an invoice document before any generator writes it: the fields XRechnung requires (BR-DE-*), the sums
 * that EN 16931 requires to add up to the cent (BR-CO-10/13/15/16: with VAT category E they all equal the sum of
 * the lines), each line's amount as quantity × unit price rounded half-up once, and the sign convention of a
 * cancellation. Returns every problem at once; an empty list means the document can be produced.
 */
import { Exact } from "../domain/money/amount.ts";
import { isValidDateText } from "../domain/calendar/calendarDate.ts";
import { DocumentInputError, type DocumentInputIssue } from "./documentInputError.ts";
import { DOCUMENT_UNITS, type DocumentPostalAddress, type InvoiceDocument } from "./invoiceDocument.ts";

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const QUANTITY_PATTERN = /^\d+(\.\d+)?$/;
/** A cancellation may carry the original's quantities negated (as correctInvoice stores them) or as they were. */
const CANCELLATION_QUANTITY_PATTERN = /^-?\d+(\.\d+)?$/;
/** KoSIT Leitweg-ID format: Grobadressierung (2–12 digits), optional Feinadressierung, 2 check digits. */
const LEITWEG_ID_PATTERN = /^\d{2,12}(-[0-9A-Z]{1,30})?-\d{2}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** ISO 13616 check: mod 97 of the rearranged IBAN is 1. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** "28" from "-28": the magnitude of a decimal quantity string. */
export function absoluteQuantity(quantity: string): string {
  return quantity.startsWith("-") ? quantity.slice(1) : quantity;
}

/** Quantity × unit price in cents, rounded half-up once (rules.md 0.3). */
export function lineAmountCents(quantity: string, unitPriceCents: number): number {
  return new Exact(quantity).times(unitPriceCents).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber();
}

export function checkInvoiceDocument(document: InvoiceDocument): DocumentInputIssue[] {
  const issues: DocumentInputIssue[] = [];
  const add = (path: string, value: unknown, rule: string, message: string) => issues.push({ path, value, rule, message });
  const requireText = (path: string, value: unknown, rule: string, what: string) => {
    if (typeof value !== "string" || value.trim() === "") add(path, value, rule, `${what} fehlt.`);
  };
  const requireDate = (path: string, value: unknown, rule: string, what: string) => {
    if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value) || !isValidDateText(value)) add(path, value, rule, `${what} ist kein gültiges Datum (JJJJ-MM-TT).`);
  };
  const checkAddress = (path: string, address: DocumentPostalAddress | undefined, rules: [string, string], whose: string) => {
    requireText(`${path}.street`, address?.street, "DOC-01", `Straße ${whose}`);
    requireText(`${path}.city`, address?.city, rules[0], `Ort ${whose}`);
    requireText(`${path}.postalCode`, address?.postalCode, rules[1], `Postleitzahl ${whose}`);
    if (!/^[A-Z]{2}$/.test(address?.countryCode ?? "")) add(`${path}.countryCode`, address?.countryCode, "BR-9", `Ländercode ${whose} muss zweistellig nach ISO 3166 sein, z. B. „DE“.`);
  };

  requireText("number", document.number, "BR-2", "Rechnungsnummer");
  if (document.kind !== "invoice" && document.kind !== "cancellation") add("kind", document.kind, "DOC-02", "Art muss „invoice“ oder „cancellation“ sein.");
  requireDate("issueDate", document.issueDate, "BR-3", "Rechnungsdatum");
  requireDate("periodFrom", document.periodFrom, "BR-CO-19", "Beginn des Abrechnungszeitraums");
  requireDate("periodTo", document.periodTo, "BR-CO-19", "Ende des Abrechnungszeitraums");
  if (document.periodFrom > document.periodTo) add("periodTo", document.periodTo, "BR-29", "Ende des Abrechnungszeitraums liegt vor seinem Beginn.");
  if (document.dueDate === undefined && (document.paymentTerms ?? "").trim() === "")
    add("dueDate", document.dueDate, "BR-CO-25", "Fälligkeitsdatum oder Zahlungsbedingungen müssen angegeben sein.");
  if (document.dueDate !== undefined) requireDate("dueDate", document.dueDate, "BR-CO-25", "Fälligkeitsdatum");
  if (document.kind === "cancellation" && !document.precedingInvoice)
    add("precedingInvoice", document.precedingInvoice, "BR-55", "Eine Stornorechnung muss die stornierte Rechnung (Nummer und Datum) nennen.");
  if (document.precedingInvoice) {
    requireText("precedingInvoice.number", document.precedingInvoice.number, "BR-55", "Nummer der vorausgegangenen Rechnung");
    requireDate("precedingInvoice.issueDate", document.precedingInvoice.issueDate, "BR-55", "Datum der vorausgegangenen Rechnung");
  }

  const provider = document.provider;
  requireText("provider.name", provider?.name, "BR-6", "Name des Leistungserbringers");
  checkAddress("provider.address", provider?.address, ["BR-DE-3", "BR-DE-4"], "des Leistungserbringers");
  requireText("provider.contact.name", provider?.contact?.name, "BR-DE-5", "Ansprechpartner des Leistungserbringers");
  if (!/\d{3}/.test(provider?.contact?.phone ?? "")) add("provider.contact.phone", provider?.contact?.phone, "BR-DE-27", "Telefonnummer des Ansprechpartners fehlt oder hat keine drei Ziffern.");
  if (!EMAIL_PATTERN.test(provider?.contact?.email ?? "")) add("provider.contact.email", provider?.contact?.email, "BR-DE-28", "E-Mail-Adresse des Ansprechpartners fehlt oder ist ungültig.");
  if (!EMAIL_PATTERN.test(provider?.electronicAddress ?? "")) add("provider.electronicAddress", provider?.electronicAddress, "BR-62", "Elektronische Adresse des Leistungserbringers (E-Mail) fehlt oder ist ungültig.");
  if ((provider?.taxNumber ?? "").trim() === "" && (provider?.vatId ?? "").trim() === "")
    add("provider.taxNumber", provider?.taxNumber, "BR-E-02", "Steuernummer oder USt-IdNr. des Leistungserbringers muss angegeben sein (steuerfreie Leistung).");
  if (!isValidIban(provider?.iban ?? "")) add("provider.iban", provider?.iban, "BR-DE-19", "IBAN des Leistungserbringers fehlt oder ist ungültig (Prüfziffer).");

  const payer = document.payer;
  requireText("payer.name", payer?.name, "BR-7", "Name des Leistungsträgers");
  checkAddress("payer.address", payer?.address, ["BR-DE-8", "BR-DE-9"], "des Leistungsträgers");
  if (!LEITWEG_ID_PATTERN.test(payer?.leitwegId ?? ""))
    add("payer.leitwegId", payer?.leitwegId, "BR-DE-15", "Leitweg-ID des Leistungsträgers fehlt oder hat nicht die Form „Grobadressierung-Feinadressierung-Prüfziffer“.");

  const sign = document.kind === "cancellation" ? -1 : 1;
  const lines = Array.isArray(document.lines) ? document.lines : [];
  if (lines.length === 0) add("lines", document.lines, "BR-16", "Die Rechnung hat keine Zeile.");
  const ids = new Set<string>();
  let sum = 0;
  lines.forEach((line, index) => {
    const path = `lines[${index}]`;
    requireText(`${path}.id`, line.id, "BR-21", "Zeilen-ID");
    if (ids.has(line.id)) add(`${path}.id`, line.id, "DOC-03", "Zeilen-ID kommt in der Rechnung mehrfach vor.");
    ids.add(line.id);
    requireText(`${path}.label`, line.label, "BR-25", "Bezeichnung der Leistung");
    requireDate(`${path}.periodFrom`, line.periodFrom, "BR-CO-20", "Beginn des Leistungszeitraums der Zeile");
    requireDate(`${path}.periodTo`, line.periodTo, "BR-CO-20", "Ende des Leistungszeitraums der Zeile");
    if (line.periodFrom > line.periodTo) add(`${path}.periodTo`, line.periodTo, "BR-30", "Ende des Leistungszeitraums der Zeile liegt vor seinem Beginn.");
    if (line.periodFrom < document.periodFrom || line.periodTo > document.periodTo)
      add(`${path}.periodFrom`, [line.periodFrom, line.periodTo], "DOC-08", "Leistungszeitraum der Zeile liegt nicht im Abrechnungszeitraum der Rechnung.");
    requireText(`${path}.agreementId`, line.agreementId, "DOC-04", "Vereinbarung der Zeile");
    requireText(`${path}.ruleId`, line.ruleId, "DOC-04", "Regel-ID der Zeile");
    requireText(`${path}.clause`, line.clause, "DOC-04", "Fundstelle (Klausel) der Zeile");
    requireText(`${path}.clientReference`, line.clientReference, "DOC-05", "Bezug auf die leistungsberechtigte Person");
    if (!DOCUMENT_UNITS.includes(line.unit)) add(`${path}.unit`, line.unit, "BR-23", `Einheit muss eine von ${DOCUMENT_UNITS.join(", ")} sein.`);
    const quantityPattern = document.kind === "cancellation" ? CANCELLATION_QUANTITY_PATTERN : QUANTITY_PATTERN;
    if (typeof line.quantity !== "string" || !quantityPattern.test(line.quantity)) {
      add(
        `${path}.quantity`,
        line.quantity,
        "BR-22",
        document.kind === "cancellation" ? "Menge muss eine Dezimalzahl mit Punkt sein, z. B. „-12.5“." : "Menge muss eine nicht negative Dezimalzahl mit Punkt sein, z. B. „12.5“.",
      );
      return;
    }
    if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
      add(`${path}.unitPriceCents`, line.unitPriceCents, "BR-27", "Einzelpreis muss ein nicht negativer ganzzahliger Centbetrag sein.");
      return;
    }
    if (!Number.isSafeInteger(line.amountCents)) {
      add(`${path}.amountCents`, line.amountCents, "DOC-06", "Betrag muss ein ganzzahliger Centbetrag sein.");
      return;
    }
    const expected = sign * lineAmountCents(absoluteQuantity(line.quantity), line.unitPriceCents);
    if (line.amountCents !== expected)
      add(
        `${path}.amountCents`,
        line.amountCents,
        "DOC-07",
        `Betrag der Zeile muss ${document.kind === "cancellation" ? "auf der Stornorechnung negativ und " : ""}gleich Menge × Einzelpreis sein (${expected} Cent).`,
      );
    sum += line.amountCents;
  });
  if (!Number.isSafeInteger(document.totalCents)) add("totalCents", document.totalCents, "DOC-06", "Gesamtbetrag muss ein ganzzahliger Centbetrag sein.");
  else if (issues.every((issue) => !issue.path.startsWith("lines[")) && document.totalCents !== sum)
    add("totalCents", document.totalCents, "BR-CO-10", `Gesamtbetrag muss die Summe der Zeilenbeträge sein (${sum} Cent).`);
  return issues;
}

/** Throws a DocumentInputError listing every problem when the document cannot be produced. */
export function assertInvoiceDocument(document: InvoiceDocument, documentLabel: string): void {
  const issues = checkInvoiceDocument(document);
  if (issues.length > 0) throw new DocumentInputError(`${documentLabel} zu Rechnung ${document.number ?? "?"}`, issues);
}
