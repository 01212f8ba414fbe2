/**
 * XRechnung 3.0 in UBL 2.1 from an invoice document: an invoice becomes a UBL Invoice (type 380), a cancellation
 * a UBL CreditNote (type 381) with positive amounts and a billing reference to the cancelled invoice (BT-25/26).
 * Built with xmlbuilder2 element by element; an element is only written with a value, never empty.
 * The structure mirrors the KoSIT-accepted tax-free social-service example in shared/xrechnung/examples.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { formatCents } from "../../domain/money/amount.ts";
import { absoluteQuantity, assertInvoiceDocument } from "../checkInvoiceDocument.ts";
import { UNECE_UNIT_CODES } from "../documentUnits.ts";
import { formatGermanIsoDate } from "../germanDocumentFormat.ts";
import type { DocumentPayer, DocumentPostalAddress, DocumentProvider, InvoiceDocument, InvoiceDocumentLine } from "../invoiceDocument.ts";
import {
  CREDIT_NOTE_TYPE_CODE,
  CURRENCY,
  EMAIL_ENDPOINT_SCHEME,
  INVOICE_TYPE_CODE,
  LEITWEG_ID_ENDPOINT_SCHEME,
  PEPPOL_BILLING_PROFILE_ID,
  SEPA_CREDIT_TRANSFER_CODE,
  TAX_NUMBER_SCHEME,
  UBL_CAC_NAMESPACE,
  UBL_CBC_NAMESPACE,
  UBL_CREDIT_NOTE_NAMESPACE,
  UBL_INVOICE_NAMESPACE,
  VAT_EXEMPTION,
  XRECHNUNG_CUSTOMIZATION_ID,
} from "./xrechnungConstants.ts";

/** Writes <cbc:name> with its text, or nothing when the value is absent; an empty text is a programming error. */
function basic(parent: XMLBuilder, name: string, value: string | undefined, attributes?: Record<string, string>): void {
  if (value === undefined) return;
  if (value.trim() === "") throw new Error(`XRechnung: leeres Element cbc:${name}`);
  const element = parent.ele(UBL_CBC_NAMESPACE, `cbc:${name}`, attributes);
  element.txt(value);
}

function aggregate(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(UBL_CAC_NAMESPACE, `cac:${name}`);
}

function amount(parent: XMLBuilder, name: string, cents: number): void {
  basic(parent, name, formatCents(cents), { currencyID: CURRENCY });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function addPostalAddress(party: XMLBuilder, address: DocumentPostalAddress): void {
  const postal = aggregate(party, "PostalAddress");
  basic(postal, "StreetName", address.street);
  basic(postal, "CityName", address.city);
  basic(postal, "PostalZone", address.postalCode);
  basic(aggregate(postal, "Country"), "IdentificationCode", address.countryCode);
}

function addTaxScheme(parent: XMLBuilder, schemeId: string): void {
  basic(aggregate(parent, "TaxScheme"), "ID", schemeId);
}

function addSupplier(root: XMLBuilder, provider: DocumentProvider): void {
  const party = aggregate(aggregate(root, "AccountingSupplierParty"), "Party");
  basic(party, "EndpointID", provider.electronicAddress, { schemeID: EMAIL_ENDPOINT_SCHEME });
  basic(aggregate(party, "PartyName"), "Name", provider.name);
  addPostalAddress(party, provider.address);
  const vatId = nonEmpty(provider.vatId);
  if (vatId) {
    const scheme = aggregate(party, "PartyTaxScheme");
    basic(scheme, "CompanyID", vatId);
    addTaxScheme(scheme, "VAT");
  }
  const taxNumber = nonEmpty(provider.taxNumber);
  if (taxNumber) {
    const scheme = aggregate(party, "PartyTaxScheme");
    basic(scheme, "CompanyID", taxNumber);
    addTaxScheme(scheme, TAX_NUMBER_SCHEME);
  }
  const legal = aggregate(party, "PartyLegalEntity");
  basic(legal, "RegistrationName", provider.name);
  basic(legal, "CompanyID", nonEmpty(provider.registration));
  const contact = aggregate(party, "Contact");
  basic(contact, "Name", provider.contact.name);
  basic(contact, "Telephone", provider.contact.phone);
  basic(contact, "ElectronicMail", provider.contact.email);
}

function addCustomer(root: XMLBuilder, payer: DocumentPayer): void {
  const party = aggregate(aggregate(root, "AccountingCustomerParty"), "Party");
  basic(party, "EndpointID", payer.leitwegId, { schemeID: LEITWEG_ID_ENDPOINT_SCHEME });
  addPostalAddress(party, payer.address);
  basic(aggregate(party, "PartyLegalEntity"), "RegistrationName", payer.name);
}

function addExemptCategory(parent: XMLBuilder, name: "TaxCategory" | "ClassifiedTaxCategory", withReason: boolean): void {
  const category = aggregate(parent, name);
  basic(category, "ID", VAT_EXEMPTION.categoryId);
  basic(category, "Percent", VAT_EXEMPTION.percent);
  if (withReason) {
    basic(category, "TaxExemptionReasonCode", VAT_EXEMPTION.reasonCode);
    basic(category, "TaxExemptionReason", VAT_EXEMPTION.reason);
  }
  addTaxScheme(category, "VAT");
}

function addPeriod(parent: XMLBuilder, from: string, to: string): void {
  const period = aggregate(parent, "InvoicePeriod");
  basic(period, "StartDate", from);
  basic(period, "EndDate", to);
}

function documentNote(document: InvoiceDocument): string {
  const parts = ["Leistungen der Eingliederungshilfe nach SGB IX."];
  if (document.kind === "cancellation" && document.precedingInvoice)
    parts.push(`Stornorechnung zur Rechnung ${document.precedingInvoice.number} vom ${formatGermanIsoDate(document.precedingInvoice.issueDate)}.`);
  else if (document.precedingInvoice)
    parts.push(`Ersetzt die Rechnung ${document.precedingInvoice.number} vom ${formatGermanIsoDate(document.precedingInvoice.issueDate)}.`);
  const reference = nonEmpty(document.costCoverageFileReference);
  if (reference) parts.push(`Kostenzusage AZ ${reference}.`);
  const note = nonEmpty(document.note);
  if (note) parts.push(note);
  return parts.join(" ");
}

function lineNote(line: InvoiceDocumentLine): string {
  const parts = [`Leistungsberechtigte Person: ${line.clientReference}`];
  const reference = nonEmpty(line.costCoverageFileReference);
  if (reference) parts.push(`Kostenzusage AZ ${reference}`);
  return parts.join("; ");
}

function lineDescription(line: InvoiceDocumentLine): string {
  const policies = (line.policies ?? []).map((policy) => `${policy.decision}-${policy.option}`);
  return `Vereinbarung ${line.agreementId} ${line.clause}, Regel ${line.ruleId}${policies.length > 0 ? `, Option ${policies.join(", ")}` : ""}`;
}

function addLine(root: XMLBuilder, line: InvoiceDocumentLine, creditNote: boolean): void {
  const element = aggregate(root, creditNote ? "CreditNoteLine" : "InvoiceLine");
  basic(element, "ID", line.id);
  basic(element, "Note", lineNote(line));
  basic(element, creditNote ? "CreditedQuantity" : "InvoicedQuantity", absoluteQuantity(line.quantity), { unitCode: UNECE_UNIT_CODES[line.unit] });
  amount(element, "LineExtensionAmount", Math.abs(line.amountCents));
  addPeriod(element, line.periodFrom, line.periodTo);
  const item = aggregate(element, "Item");
  basic(item, "Description", lineDescription(line));
  basic(item, "Name", line.label);
  addExemptCategory(item, "ClassifiedTaxCategory", false);
  amount(aggregate(element, "Price"), "PriceAmount", line.unitPriceCents);
}

/** The XRechnung XML (UTF-8 text) of an issued invoice or cancellation; refuses an inconsistent document. */
export function createXrechnung(document: InvoiceDocument): string {
  assertInvoiceDocument(document, "XRechnung");
  const creditNote = document.kind === "cancellation";
  const total = Math.abs(document.totalCents);
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(creditNote ? UBL_CREDIT_NOTE_NAMESPACE : UBL_INVOICE_NAMESPACE, creditNote ? "CreditNote" : "Invoice", {
    "xmlns:cac": UBL_CAC_NAMESPACE,
    "xmlns:cbc": UBL_CBC_NAMESPACE,
  });

  basic(root, "CustomizationID", XRECHNUNG_CUSTOMIZATION_ID);
  basic(root, "ProfileID", PEPPOL_BILLING_PROFILE_ID);
  basic(root, "ID", document.number);
  basic(root, "IssueDate", document.issueDate);
  if (!creditNote) basic(root, "DueDate", document.dueDate);
  basic(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", creditNote ? CREDIT_NOTE_TYPE_CODE : INVOICE_TYPE_CODE);
  basic(root, "Note", documentNote(document));
  basic(root, "DocumentCurrencyCode", CURRENCY);
  basic(root, "BuyerReference", document.payer.leitwegId);
  addPeriod(root, document.periodFrom, document.periodTo);
  if (document.precedingInvoice) {
    const reference = aggregate(aggregate(root, "BillingReference"), "InvoiceDocumentReference");
    basic(reference, "ID", document.precedingInvoice.number);
    basic(reference, "IssueDate", document.precedingInvoice.issueDate);
  }
  addSupplier(root, document.provider);
  addCustomer(root, document.payer);

  const means = aggregate(root, "PaymentMeans");
  basic(means, "PaymentMeansCode", SEPA_CREDIT_TRANSFER_CODE);
  if (creditNote) basic(means, "PaymentDueDate", document.dueDate);
  basic(means, "PaymentID", document.number);
  const account = aggregate(means, "PayeeFinancialAccount");
  basic(account, "ID", document.provider.iban.replace(/\s+/g, "").toUpperCase());
  basic(account, "Name", nonEmpty(document.provider.accountHolder) ?? document.provider.name);
  const bic = nonEmpty(document.provider.bic);
  if (bic) basic(aggregate(account, "FinancialInstitutionBranch"), "ID", bic);
  const terms = nonEmpty(document.paymentTerms) ?? (document.dueDate ? `Zahlbar bis ${formatGermanIsoDate(document.dueDate)} ohne Abzug.` : undefined);
  if (terms) basic(aggregate(root, "PaymentTerms"), "Note", terms);

  const taxTotal = aggregate(root, "TaxTotal");
  amount(taxTotal, "TaxAmount", 0);
  const subtotal = aggregate(taxTotal, "TaxSubtotal");
  amount(subtotal, "TaxableAmount", total);
  amount(subtotal, "TaxAmount", 0);
  addExemptCategory(subtotal, "TaxCategory", true);

  const totals = aggregate(root, "LegalMonetaryTotal");
  amount(totals, "LineExtensionAmount", total);
  amount(totals, "TaxExclusiveAmount", total);
  amount(totals, "TaxInclusiveAmount", total);
  amount(totals, "PayableAmount", total);

  for (const line of document.lines) addLine(root, line, creditNote);
  return root.end({ prettyPrint: true });
}
