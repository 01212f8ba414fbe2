/** Sample invoice documents for the generator tests and the bench: an A4 daily-rate invoice, an A0 hourly one, a cancellation. */
import type { DocumentPayer, DocumentProvider, InvoiceDocument } from "./invoiceDocument.ts";

export const SAMPLE_PROVIDER: DocumentProvider = {
  id: "org-sonnenhof",
  name: "Sonnenhof Teilhabe gGmbH",
  address: { street: "Lindenallee 12", postalCode: "04109", city: "Leipzig", countryCode: "DE" },
  contact: { name: "Erika Mustermann", phone: "+49 341 1234567", email: "abrechnung@sonnenhof-teilhabe.de" },
  taxNumber: "231/123/45678",
  registration: "HRB 12345, Amtsgericht Leipzig",
  iban: "DE75512108001245126199",
  bic: "SOBKDEBBXXX",
  electronicAddress: "rechnung@sonnenhof-teilhabe.de",
};

export const SAMPLE_PAYER: DocumentPayer = {
  id: "payer-leipzig",
  name: "Stadt Leipzig, Sozialamt – Eingliederungshilfe",
  address: { street: "Prager Straße 21", postalCode: "04103", city: "Leipzig", countryCode: "DE" },
  leitwegId: "14713000-EGH01-38",
};

/** A4: 28 service days at 154,32 € and 3 absence days at 115,74 € in March 2026. */
export function sampleDailyInvoice(number = "2026-000017"): InvoiceDocument {
  return {
    number,
    kind: "invoice",
    issueDate: "2026-04-02",
    dueDate: "2026-05-02",
    paymentTerms: "Zahlbar innerhalb von 30 Tagen ohne Abzug.",
    periodFrom: "2026-03-01",
    periodTo: "2026-03-31",
    provider: SAMPLE_PROVIDER,
    payer: SAMPLE_PAYER,
    costCoverageFileReference: "50.2-1234/2026",
    lines: [
      {
        id: "F17-2026-03-serviceDay",
        label: "Gesamtentgelt besondere Wohnform, Leistungstage",
        periodFrom: "2026-03-01",
        periodTo: "2026-03-28",
        quantity: "28",
        unit: "day",
        unitPriceCents: 15432,
        amountCents: 432096,
        agreementId: "A4",
        ruleId: "A4-R07",
        clause: "§ 5.1",
        clientReference: "K-0017",
      },
      {
        id: "F17-2026-03-absenceDay",
        label: "Vergütung bei Unterbrechung, Abwesenheitstage",
        periodFrom: "2026-03-29",
        periodTo: "2026-03-31",
        quantity: "3",
        unit: "day",
        unitPriceCents: 11574,
        amountCents: 34722,
        agreementId: "A4",
        ruleId: "A4-R09",
        clause: "§ 5.3",
        policies: [{ decision: "D04", option: "A" }],
        clientReference: "K-0017",
      },
    ],
    totalCents: 466818,
  };
}

/** A0: 23.25 specialist hours at 62,21 € (1.446,38 € after rounding half-up once) and 12.5 at 62,50 €. */
export function sampleHourlyInvoice(number = "2026-000018"): InvoiceDocument {
  return {
    number,
    kind: "invoice",
    issueDate: "2026-04-02",
    paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
    periodFrom: "2026-03-01",
    periodTo: "2026-03-31",
    provider: { ...SAMPLE_PROVIDER, taxNumber: undefined, vatId: "DE123456789" },
    payer: SAMPLE_PAYER,
    lines: [
      {
        id: "1",
        label: "Fachleistungsstunden ambulante Assistenz",
        periodFrom: "2026-03-02",
        periodTo: "2026-03-27",
        quantity: "23.25",
        unit: "hour",
        unitPriceCents: 6221,
        amountCents: 144638,
        agreementId: "A0-beispiel-leipzig",
        ruleId: "A0-R05",
        clause: "§ 2 Abs. 1",
        clientReference: "K-0042",
        costCoverageFileReference: "50.2-0042/2026",
      },
      {
        id: "2",
        label: "Fachleistungsstunden ambulante Assistenz",
        periodFrom: "2026-03-03",
        periodTo: "2026-03-31",
        quantity: "12.5",
        unit: "hour",
        unitPriceCents: 6250,
        amountCents: 78125,
        agreementId: "A0-beispiel-leipzig",
        ruleId: "A0-R05",
        clause: "§ 2 Abs. 1",
        clientReference: "K-0043",
        costCoverageFileReference: "50.2-0043/2026",
      },
    ],
    totalCents: 222763,
  };
}

/** The cancellation of the daily invoice as correctInvoice stores it: quantities and amounts negated, referring to the original. */
export function sampleCancellation(): InvoiceDocument {
  const original = sampleDailyInvoice();
  return {
    ...original,
    number: "2026-000021",
    kind: "cancellation",
    precedingInvoice: { number: original.number, issueDate: original.issueDate },
    issueDate: "2026-04-10",
    dueDate: undefined,
    paymentTerms: "Der Betrag wird mit der stornierten Rechnung verrechnet.",
    lines: original.lines.map((line) => ({ ...line, quantity: `-${line.quantity}`, amountCents: -line.amountCents })),
    totalCents: -original.totalCents,
  };
}
