import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentInputError } from "../documentInputError.ts";
import { sampleCancellation, sampleDailyInvoice, sampleHourlyInvoice } from "../documentsTestSupport.ts";
import { checkXrechnungRules } from "./checkXrechnungRules.ts";
import { createXrechnung } from "./createXrechnung.ts";
import { readUbl } from "./ublReader.ts";
import { hasXmllint, validateAgainstUbl, XMLLINT_MISSING_MESSAGE, XRECHNUNG_EXAMPLES_FOLDER } from "./xmlSchemaTestSupport.ts";

const xmllint = hasXmllint();
if (!xmllint) console.warn(XMLLINT_MISSING_MESSAGE);

describe("XRechnung 3.0 (UBL 2.1)", () => {
  const daily = createXrechnung(sampleDailyInvoice());
  const hourly = createXrechnung(sampleHourlyInvoice());
  const cancellation = createXrechnung(sampleCancellation());

  it.skipIf(!xmllint)("every generated document validates against the UBL 2.1 XSD", () => {
    const results = validateAgainstUbl([
      { xml: daily, kind: "Invoice" },
      { xml: hourly, kind: "Invoice" },
      { xml: cancellation, kind: "CreditNote" },
    ]);
    expect(results).toEqual(["", "", ""]);
  });

  it.skipIf(!xmllint)("the schema check rejects a document out of UBL order (the check itself works)", () => {
    const broken = daily.replace(/<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, "").replace("<cbc:DocumentCurrencyCode>", "<cbc:ProfileID>x</cbc:ProfileID><cbc:DocumentCurrencyCode>");
    expect(validateAgainstUbl([{ xml: broken, kind: "Invoice" }])[0]).toMatch(/ProfileID/);
  });

  it("the business-rule check accepts the official tax-free social-service example and our documents", () => {
    const example = readFileSync(join(XRECHNUNG_EXAMPLES_FOLDER, "social-service-invoice-ubl.xml"), "utf8");
    expect(checkXrechnungRules(example, { requireLinePeriods: false })).toEqual([]);
    expect(checkXrechnungRules(example).map((finding) => finding.rule)).toEqual(["BG-26", "BG-26"]);
    expect(checkXrechnungRules(daily)).toEqual([]);
    expect(checkXrechnungRules(hourly)).toEqual([]);
    expect(checkXrechnungRules(cancellation)).toEqual([]);
  });

  it("the business-rule check finds broken totals and a missing Leitweg-ID", () => {
    const broken = daily.replace('<cbc:PayableAmount currencyID="EUR">4668.18</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">4668.17</cbc:PayableAmount>').replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, "");
    expect(checkXrechnungRules(broken).map((finding) => finding.rule)).toEqual(expect.arrayContaining(["BR-DE-15", "BT-49", "BR-CO-16"]));
  });

  it("writes the BT values of an invoice: identifiers, Leitweg-ID, seller and payment", () => {
    const root = readUbl(daily);
    expect(root.name).toBe("Invoice");
    expect(root.value("CustomizationID")).toBe("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0");
    expect(root.value("ProfileID")).toBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    expect(root.value("ID")).toBe("2026-000017");
    expect(root.value("IssueDate")).toBe("2026-04-02");
    expect(root.value("DueDate")).toBe("2026-05-02");
    expect(root.value("InvoiceTypeCode")).toBe("380");
    expect(root.value("BuyerReference")).toBe("14713000-EGH01-38");
    expect(root.value("Note")).toContain("Kostenzusage AZ 50.2-1234/2026");
    expect(root.value("InvoicePeriod/StartDate")).toBe("2026-03-01");
    expect(root.value("InvoicePeriod/EndDate")).toBe("2026-03-31");
    const buyerEndpoint = root.first("AccountingCustomerParty/Party/EndpointID")!;
    expect([buyerEndpoint.text, buyerEndpoint.attribute("schemeID")]).toEqual(["14713000-EGH01-38", "0204"]);
    expect(root.value("AccountingCustomerParty/Party/PostalAddress/CityName")).toBe("Leipzig");
    expect(root.value("AccountingCustomerParty/Party/PostalAddress/PostalZone")).toBe("04103");
    const seller = root.first("AccountingSupplierParty/Party")!;
    expect([seller.value("EndpointID"), seller.first("EndpointID")!.attribute("schemeID")]).toEqual(["rechnung@sonnenhof-teilhabe.de", "EM"]);
    expect([seller.value("Contact/Name"), seller.value("Contact/Telephone"), seller.value("Contact/ElectronicMail")]).toEqual([
      "Erika Mustermann",
      "+49 341 1234567",
      "abrechnung@sonnenhof-teilhabe.de",
    ]);
    expect(seller.all("PartyTaxScheme").map((scheme) => [scheme.value("CompanyID"), scheme.value("TaxScheme/ID")])).toEqual([["231/123/45678", "FC"]]);
    expect(seller.value("PartyLegalEntity/CompanyID")).toBe("HRB 12345, Amtsgericht Leipzig");
    expect(root.value("PaymentMeans/PaymentMeansCode")).toBe("58");
    expect(root.value("PaymentMeans/PaymentID")).toBe("2026-000017");
    expect(root.value("PaymentMeans/PayeeFinancialAccount/ID")).toBe("DE75512108001245126199");
    expect(root.value("PaymentMeans/PayeeFinancialAccount/FinancialInstitutionBranch/ID")).toBe("SOBKDEBBXXX");
    expect(root.value("PaymentTerms/Note")).toBe("Zahlbar innerhalb von 30 Tagen ohne Abzug.");
  });

  it("states VAT category E at 0 % with § 4 Nr. 16 UStG and totals to the cent", () => {
    const root = readUbl(daily);
    const category = root.first("TaxTotal/TaxSubtotal/TaxCategory")!;
    expect([category.value("ID"), category.value("Percent"), category.value("TaxExemptionReasonCode"), category.value("TaxExemptionReason")]).toEqual([
      "E",
      "0",
      "VATEX-EU-132-1G",
      "Steuerfrei gemäß § 4 Nr. 16 UStG",
    ]);
    expect(root.value("TaxTotal/TaxAmount")).toBe("0.00");
    expect(root.value("TaxTotal/TaxSubtotal/TaxableAmount")).toBe("4668.18");
    for (const name of ["LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount"])
      expect(root.value(`LegalMonetaryTotal/${name}`), name).toBe("4668.18");
    const lines = root.all("InvoiceLine");
    expect(lines.map((line) => [line.value("ID"), line.value("InvoicedQuantity"), line.first("InvoicedQuantity")!.attribute("unitCode"), line.value("Price/PriceAmount"), line.value("LineExtensionAmount")])).toEqual([
      ["F17-2026-03-serviceDay", "28", "DAY", "154.32", "4320.96"],
      ["F17-2026-03-absenceDay", "3", "DAY", "115.74", "347.22"],
    ]);
    expect(lines.map((line) => [line.value("InvoicePeriod/StartDate"), line.value("InvoicePeriod/EndDate")])).toEqual([
      ["2026-03-01", "2026-03-28"],
      ["2026-03-29", "2026-03-31"],
    ]);
    expect(lines[1]!.value("Item/Description")).toBe("Vereinbarung A4 § 5.3, Regel A4-R09, Option D04-A");
    expect(lines[1]!.value("Note")).toBe("Leistungsberechtigte Person: K-0017");
  });

  it("writes hours with decimals, the VAT id instead of a tax number and payment terms without a due date", () => {
    const root = readUbl(hourly);
    expect(root.value("DueDate")).toBeUndefined();
    expect(root.value("PaymentTerms/Note")).toBe("Zahlbar innerhalb von 14 Tagen ohne Abzug.");
    const schemes = root.all("AccountingSupplierParty/Party/PartyTaxScheme");
    expect(schemes.map((scheme) => [scheme.value("CompanyID"), scheme.value("TaxScheme/ID")])).toEqual([["DE123456789", "VAT"]]);
    const line = root.first("InvoiceLine")!;
    expect([line.value("InvoicedQuantity"), line.first("InvoicedQuantity")!.attribute("unitCode"), line.value("Price/PriceAmount"), line.value("LineExtensionAmount")]).toEqual(["23.25", "HUR", "62.21", "1446.38"]);
    expect(line.value("Note")).toBe("Leistungsberechtigte Person: K-0042; Kostenzusage AZ 50.2-0042/2026");
    expect(root.value("LegalMonetaryTotal/PayableAmount")).toBe("2227.63");
  });

  it("writes a cancellation as a credit note (381) with positive amounts referring to the original (BT-25)", () => {
    const root = readUbl(cancellation);
    expect(root.name).toBe("CreditNote");
    expect(root.value("CreditNoteTypeCode")).toBe("381");
    expect(root.value("ID")).toBe("2026-000021");
    expect(root.value("BillingReference/InvoiceDocumentReference/ID")).toBe("2026-000017");
    expect(root.value("BillingReference/InvoiceDocumentReference/IssueDate")).toBe("2026-04-02");
    expect(root.value("Note")).toContain("Stornorechnung zur Rechnung 2026-000017 vom 02.04.2026");
    expect(root.value("LegalMonetaryTotal/PayableAmount")).toBe("4668.18");
    expect(root.all("CreditNoteLine").map((line) => [line.value("CreditedQuantity"), line.value("LineExtensionAmount")])).toEqual([
      ["28", "4320.96"],
      ["3", "347.22"],
    ]);
    expect(root.all("InvoiceLine")).toEqual([]);
  });

  it("refuses a document whose total does not add up, naming field, value and rule in German", () => {
    const invoice = { ...sampleDailyInvoice(), totalCents: 466819 };
    expect(() => createXrechnung(invoice)).toThrow(DocumentInputError);
    try {
      createXrechnung(invoice);
    } catch (error) {
      expect((error as DocumentInputError).issues).toEqual([
        { path: "totalCents", value: 466819, rule: "BR-CO-10", message: "Gesamtbetrag muss die Summe der Zeilenbeträge sein (466818 Cent)." },
      ]);
    }
  });

  it("refuses a line amount that is not quantity × unit price, a missing Leitweg-ID and a cancellation without its original", () => {
    const invoice = sampleCancellation();
    invoice.precedingInvoice = undefined;
    invoice.payer = { ...invoice.payer, leitwegId: "" };
    invoice.lines = [{ ...invoice.lines[0]!, amountCents: 432096 }, invoice.lines[1]!];
    let issues: DocumentInputError["issues"] = [];
    try {
      createXrechnung(invoice);
    } catch (error) {
      issues = (error as DocumentInputError).issues;
    }
    expect(issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ["precedingInvoice", "BR-55"],
      ["payer.leitwegId", "BR-DE-15"],
      ["lines[0].amountCents", "DOC-07"],
    ]);
    expect(issues[2]!.message).toBe("Betrag der Zeile muss auf der Stornorechnung negativ und gleich Menge × Einzelpreis sein (-432096 Cent).");
  });
});
