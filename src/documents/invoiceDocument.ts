/**
 * The input model of every invoice document (XRechnung, PDF, DATEV, CSV): an issued invoice or cancellation
 * invoice exactly as the server hands it over. The generators depend on this model only, never on the store.
 *
 * Money is integer cents throughout. A cancellation invoice (Stornorechnung) carries its amounts signed as booked:
 * line amounts and the total are negative (the mirror of the original); unit prices stay as on the original, and
 * quantities may be negated (as the server's correctInvoice stores them) or stay as on the original.
 * Dates are ISO calendar strings ("2026-03-31").
 */

export interface DocumentPostalAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  countryCode: string;
}

/** Leistungserbringer: the seller of the invoice (letterhead, BG-4 in XRechnung). */
export interface DocumentProvider {
  id: string;
  name: string;
  address: DocumentPostalAddress;
  /** Seller contact BT-41 to BT-43. */
  contact: { name: string; phone: string; email: string };
  /** Steuernummer (BT-32); at least one of taxNumber and vatId. */
  taxNumber?: string;
  /** USt-IdNr. (BT-31). */
  vatId?: string;
  /** Handelsregister or Vereinsregister entry, e.g. "HRB 12345, Amtsgericht Leipzig" (BT-30). */
  registration?: string;
  iban: string;
  bic?: string;
  /** Account holder (BT-85); the provider's name when absent. */
  accountHolder?: string;
  /** Seller electronic address (BT-34), an e-mail address (scheme EM). */
  electronicAddress: string;
}

/** Träger der Eingliederungshilfe: the buyer of the invoice. */
export interface DocumentPayer {
  id: string;
  name: string;
  address: DocumentPostalAddress;
  /** Leitweg-ID: buyer reference BT-10 and buyer electronic address BT-49 (scheme 0204). */
  leitwegId: string;
}

/** Unit of a line; mapped to UN/ECE Recommendation 20 codes in XRechnung. */
export type DocumentUnit = "day" | "hour" | "week" | "month" | "piece" | "lumpSum";

export const DOCUMENT_UNITS: readonly DocumentUnit[] = ["day", "hour", "week", "month", "piece", "lumpSum"];

export interface DocumentPolicy {
  /** Decision id of decisions.md, e.g. "D04". */
  decision: string;
  option: string;
}

export interface InvoiceDocumentLine {
  /** Line id, unique within the invoice (BT-126). */
  id: string;
  label: string;
  /** Service period of the line (BG-26). */
  periodFrom: string;
  periodTo: string;
  /** Decimal string with "." as separator, e.g. "30" or "12.5"; on a cancellation it may be negated ("-30"). */
  quantity: string;
  unit: DocumentUnit;
  /** Unit price in integer cents (never negative). */
  unitPriceCents: number;
  /** Line amount in integer cents: quantity × unit price, rounded half-up once; negative on a cancellation. */
  amountCents: number;
  /** Agreement the line is billed under, e.g. "A4" or an instance name. */
  agreementId: string;
  /** Rule id of rules.md that produced the line, e.g. "A4-R07". */
  ruleId: string;
  /** The agreement's clause, e.g. "§ 5.1". */
  clause: string;
  /** Policy options applied (decisions.md). */
  policies?: DocumentPolicy[];
  /** The client's reference the payer knows the person by (Aktenzeichen or client number). */
  clientReference: string;
  /** File reference of the cost coverage behind this line, when it differs per line. */
  costCoverageFileReference?: string;
}

export interface PrecedingInvoice {
  number: string;
  issueDate: string;
}

export interface InvoiceDocument {
  /** Invoice number (BT-1), unique and gapless per provider and year. */
  number: string;
  kind: "invoice" | "cancellation";
  /** Required for a cancellation (the invoice it cancels); optional for a replacement invoice (the one it corrects). BT-25/BT-26. */
  precedingInvoice?: PrecedingInvoice;
  issueDate: string;
  /** Due date (BT-9); at least one of dueDate and paymentTerms. */
  dueDate?: string;
  /** Payment terms in German (BT-20), e.g. "Zahlbar innerhalb von 30 Tagen ohne Abzug." */
  paymentTerms?: string;
  /** Invoice period (BG-14). */
  periodFrom: string;
  periodTo: string;
  provider: DocumentProvider;
  payer: DocumentPayer;
  /** File reference of the cost coverage (Aktenzeichen der Kostenzusage), shown on the invoice. */
  costCoverageFileReference?: string;
  /** Free note in German (BT-22). */
  note?: string;
  lines: InvoiceDocumentLine[];
  /** Sum of the line amounts in integer cents; negative on a cancellation. */
  totalCents: number;
}
