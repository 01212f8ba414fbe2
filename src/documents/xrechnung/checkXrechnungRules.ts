/**
 * Reads a generated XRechnung back and checks the business rules this project depends on for a tax-free
 * social-service invoice (or credit note) to a public payer. It complements the UBL schema check (structure) and
 * does not replace the KoSIT validator (full schematron); each finding names the rule (BT/BR) in German.
 */
import { parseAmount, sumExact } from "../../domain/money/amount.ts";
import { allUblElements, readUbl, type UblElement } from "./ublReader.ts";
import {
  CREDIT_NOTE_TYPE_CODE,
  EMAIL_ENDPOINT_SCHEME,
  INVOICE_TYPE_CODE,
  LEITWEG_ID_ENDPOINT_SCHEME,
  PEPPOL_BILLING_PROFILE_ID,
  SEPA_CREDIT_TRANSFER_CODE,
  VAT_EXEMPTION,
  XRECHNUNG_CUSTOMIZATION_ID,
} from "./xrechnungConstants.ts";

export interface XrechnungRuleFinding {
  rule: string;
  message: string;
}

export interface XrechnungRuleOptions {
  /** This project writes the service period on every line (BG-26); EN 16931 itself leaves it optional. Default true. */
  requireLinePeriods?: boolean;
}

export function checkXrechnungRules(xml: string, options: XrechnungRuleOptions = {}): XrechnungRuleFinding[] {
  const requireLinePeriods = options.requireLinePeriods ?? true;
  const findings: XrechnungRuleFinding[] = [];
  const fail = (rule: string, message: string) => findings.push({ rule, message });
  const root = readUbl(xml);
  const creditNote = root.name === "CreditNote";
  const expect = (rule: string, actual: string | undefined, expected: string, what: string) => {
    if (actual !== expected) fail(rule, `${what}: erwartet „${expected}“, gefunden „${actual ?? "—"}“.`);
  };
  const present = (rule: string, path: string, what: string, within: UblElement = root) => {
    if ((within.value(path) ?? "").trim() === "") fail(rule, `${what} fehlt (${path}).`);
  };
  const money = (path: string, within: UblElement = root) => {
    const text = within.value(path);
    return text === undefined ? undefined : parseAmount(text);
  };

  for (const element of allUblElements(root))
    if (element.children().length === 0 && element.text.trim() === "") fail("BR-DE-CL", `Leeres Element ${element.name}.`);

  expect("BT-24", root.value("CustomizationID"), XRECHNUNG_CUSTOMIZATION_ID, "CustomizationID");
  expect("BT-23", root.value("ProfileID"), PEPPOL_BILLING_PROFILE_ID, "ProfileID");
  expect("BT-3", root.value(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"), creditNote ? CREDIT_NOTE_TYPE_CODE : INVOICE_TYPE_CODE, "Rechnungsart");
  present("BT-1", "ID", "Rechnungsnummer");
  present("BT-2", "IssueDate", "Rechnungsdatum");
  if (creditNote) {
    present("BT-25", "BillingReference/InvoiceDocumentReference/ID", "Nummer der stornierten Rechnung");
    present("BT-26", "BillingReference/InvoiceDocumentReference/IssueDate", "Datum der stornierten Rechnung");
  }

  const buyerReference = root.value("BuyerReference");
  present("BR-DE-15", "BuyerReference", "Käuferreferenz (Leitweg-ID)");
  const buyer = root.first("AccountingCustomerParty/Party");
  const buyerEndpoint = buyer?.first("EndpointID");
  expect("BT-49", buyerEndpoint?.attribute("schemeID"), LEITWEG_ID_ENDPOINT_SCHEME, "Schema der elektronischen Adresse des Käufers");
  expect("BT-49", buyerEndpoint?.text, buyerReference ?? "", "Elektronische Adresse des Käufers = Leitweg-ID");
  const seller = root.first("AccountingSupplierParty/Party");
  const sellerEndpoint = seller?.first("EndpointID");
  expect("BT-34", sellerEndpoint?.attribute("schemeID"), EMAIL_ENDPOINT_SCHEME, "Schema der elektronischen Adresse des Verkäufers");
  if (!/@/.test(sellerEndpoint?.text ?? "")) fail("BT-34", "Elektronische Adresse des Verkäufers ist keine E-Mail-Adresse.");
  if (seller) {
    present("BR-DE-5", "Contact/Name", "Ansprechpartner des Verkäufers", seller);
    present("BR-DE-6", "Contact/Telephone", "Telefon des Verkäufers", seller);
    present("BR-DE-7", "Contact/ElectronicMail", "E-Mail des Verkäufers", seller);
    present("BR-DE-3", "PostalAddress/CityName", "Ort des Verkäufers", seller);
    present("BR-DE-4", "PostalAddress/PostalZone", "Postleitzahl des Verkäufers", seller);
    present("BR-6", "PartyLegalEntity/RegistrationName", "Name des Verkäufers", seller);
    if (!seller.all("PartyTaxScheme").some((scheme) => (scheme.value("CompanyID") ?? "") !== ""))
      fail("BR-DE-16", "Steuernummer oder USt-IdNr. des Verkäufers fehlt.");
  } else fail("BG-4", "Verkäufer fehlt.");
  if (buyer) {
    present("BR-DE-8", "PostalAddress/CityName", "Ort des Käufers", buyer);
    present("BR-DE-9", "PostalAddress/PostalZone", "Postleitzahl des Käufers", buyer);
    present("BR-7", "PartyLegalEntity/RegistrationName", "Name des Käufers", buyer);
  } else fail("BG-7", "Käufer fehlt.");

  const means = root.all("PaymentMeans");
  if (means.length === 0) fail("BR-DE-1", "Zahlungsanweisungen (BG-16) fehlen.");
  for (const entry of means) {
    expect("BT-81", entry.value("PaymentMeansCode"), SEPA_CREDIT_TRANSFER_CODE, "Zahlungsart");
    present("BR-DE-23", "PayeeFinancialAccount/ID", "IBAN (BG-17)", entry);
  }
  const dueDate = creditNote ? root.value("PaymentMeans/PaymentDueDate") : root.value("DueDate");
  if (!dueDate && !root.value("PaymentTerms/Note")) fail("BR-CO-25", "Fälligkeitsdatum oder Zahlungsbedingungen fehlen.");

  present("BG-14", "InvoicePeriod/StartDate", "Beginn des Rechnungszeitraums");
  present("BG-14", "InvoicePeriod/EndDate", "Ende des Rechnungszeitraums");

  const lines = root.all(creditNote ? "CreditNoteLine" : "InvoiceLine");
  if (lines.length === 0) fail("BR-16", "Keine Rechnungszeile.");
  for (const line of lines) {
    const id = line.value("ID") ?? "?";
    if (requireLinePeriods) {
      present("BG-26", "InvoicePeriod/StartDate", `Leistungszeitraum (Beginn) der Zeile ${id}`, line);
      present("BG-26", "InvoicePeriod/EndDate", `Leistungszeitraum (Ende) der Zeile ${id}`, line);
    }
    expect("BR-E-05", line.value("Item/ClassifiedTaxCategory/ID"), VAT_EXEMPTION.categoryId, `Steuerkategorie der Zeile ${id}`);
    expect("BR-E-05", line.value("Item/ClassifiedTaxCategory/Percent"), VAT_EXEMPTION.percent, `Steuersatz der Zeile ${id}`);
  }

  const subtotals = root.all("TaxTotal/TaxSubtotal");
  if (subtotals.length !== 1) fail("BR-E-01", `Genau eine Steueraufschlüsselung erwartet, gefunden ${subtotals.length}.`);
  const subtotal = subtotals[0];
  expect("BR-E-01", subtotal?.value("TaxCategory/ID"), VAT_EXEMPTION.categoryId, "Steuerkategorie");
  expect("BR-DE-14", subtotal?.value("TaxCategory/Percent"), VAT_EXEMPTION.percent, "Steuersatz");
  expect("BR-E-10", subtotal?.value("TaxCategory/TaxExemptionReasonCode"), VAT_EXEMPTION.reasonCode, "Befreiungsgrund (Code)");
  if (!/§ 4 Nr\. 16 UStG/.test(subtotal?.value("TaxCategory/TaxExemptionReason") ?? "")) fail("BR-E-10", "Befreiungsgrund nennt nicht § 4 Nr. 16 UStG.");

  const lineSum = sumExact(lines.map((line) => parseAmount(line.value("LineExtensionAmount") ?? "NaN")));
  const lineExtension = money("LegalMonetaryTotal/LineExtensionAmount");
  const taxExclusive = money("LegalMonetaryTotal/TaxExclusiveAmount");
  const taxInclusive = money("LegalMonetaryTotal/TaxInclusiveAmount");
  const payable = money("LegalMonetaryTotal/PayableAmount");
  const taxAmount = money("TaxTotal/TaxAmount");
  const allowances = money("LegalMonetaryTotal/AllowanceTotalAmount") ?? parseAmount("0");
  const charges = money("LegalMonetaryTotal/ChargeTotalAmount") ?? parseAmount("0");
  const prepaid = money("LegalMonetaryTotal/PrepaidAmount") ?? parseAmount("0");
  const rounding = money("LegalMonetaryTotal/PayableRoundingAmount") ?? parseAmount("0");
  if (!lineExtension || !taxExclusive || !taxInclusive || !payable || !taxAmount) {
    fail("BG-22", "Summen der Rechnung unvollständig.");
    return findings;
  }
  if (!lineExtension.equals(lineSum)) fail("BR-CO-10", `Summe der Zeilen ${lineSum.toFixed(2)} ≠ ${lineExtension.toFixed(2)}.`);
  if (!taxExclusive.equals(lineExtension.minus(allowances).plus(charges))) fail("BR-CO-13", `Nettobetrag ${taxExclusive.toFixed(2)} ≠ Zeilensumme − Abschläge + Zuschläge.`);
  if (!taxInclusive.equals(taxExclusive.plus(taxAmount))) fail("BR-CO-15", `Bruttobetrag ${taxInclusive.toFixed(2)} ≠ Netto + Steuer.`);
  if (!payable.equals(taxInclusive.minus(prepaid).plus(rounding))) fail("BR-CO-16", `Zahlbetrag ${payable.toFixed(2)} ≠ Brutto − Vorauszahlung + Rundung.`);
  if (!taxAmount.isZero()) fail("BR-E-09", `Steuerbetrag ${taxAmount.toFixed(2)} ≠ 0.`);
  const taxable = money("TaxableAmount", subtotal ?? root);
  if (!taxable || !taxable.equals(lineExtension.minus(allowances).plus(charges))) fail("BR-E-08", "Steuerpflichtiger Betrag der Kategorie E ≠ Nettobetrag.");
  return findings;
}
