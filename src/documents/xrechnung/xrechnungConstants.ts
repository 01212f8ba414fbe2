/** Fixed values of XRechnung 3.0 in UBL 2.1 as the KoSIT validator expects them. */
export const XRECHNUNG_CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
export const PEPPOL_BILLING_PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

export const UBL_INVOICE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
export const UBL_CREDIT_NOTE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
export const UBL_CAC_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
export const UBL_CBC_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/** UNTDID 1001: commercial invoice and credit note. */
export const INVOICE_TYPE_CODE = "380";
export const CREDIT_NOTE_TYPE_CODE = "381";
/** UNTDID 4461: SEPA credit transfer. */
export const SEPA_CREDIT_TRANSFER_CODE = "58";
export const CURRENCY = "EUR";

/** Eingliederungshilfe is tax-free: VAT category E at 0 %, § 4 Nr. 16 UStG (Art. 132 (1) (g) of the VAT directive). */
export const VAT_EXEMPTION = {
  categoryId: "E",
  percent: "0",
  reasonCode: "VATEX-EU-132-1G",
  reason: "Steuerfrei gemäß § 4 Nr. 16 UStG",
} as const;

/** Electronic address schemes (CEF EAS): e-mail for the seller, Leitweg-ID for the buyer. */
export const EMAIL_ENDPOINT_SCHEME = "EM";
export const LEITWEG_ID_ENDPOINT_SCHEME = "0204";
/** Tax scheme of the seller's tax number (Steuernummer, BT-32) as opposed to the VAT id (BT-31). */
export const TAX_NUMBER_SCHEME = "FC";
