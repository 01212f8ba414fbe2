/**
 * Documents through real HTTP over a real billing run: the example case files imported, March 2026 billed and
 * issued, one invoice corrected. XRechnung passes the UBL XSD (xmllint) and the business-rule check, a draft
 * and missing master data are refused (409 naming the fields); the PDF shows total, Leitweg-ID and clauses;
 * DATEV and CSV round-trip through csv-parse with the exact amounts and accounts; the calendar feed (no
 * session, secret token) parses with node-ical; agreement text and report drafts as PDF and DOCX.
 */
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import ical, { type VEvent } from "node-ical";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeWindows1252 } from "../../documents/datev/windows1252.ts";
import { checkXrechnungRules } from "../../documents/xrechnung/checkXrechnungRules.ts";
import { readUbl } from "../../documents/xrechnung/ublReader.ts";
import { hasXmllint, validateAgainstUbl, XMLLINT_MISSING_MESSAGE } from "../../documents/xrechnung/xmlSchemaTestSupport.ts";
import { agreementInstances, clientAssignments, hilfeplans, organisations, planGoals, planMeasures, planUpdates, tasks, users } from "../../store/schema/index.ts";
import { seedBillingExamples } from "../billing/seedBillingExamples.ts";
import { PAYER, startTestServer, TENANT_A, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const xmllint = hasXmllint();
if (!xmllint) console.warn(XMLLINT_MISSING_MESSAGE);
/** Every XRechnung the tests fetched, for one schema check. */
const generated: { xml: string; kind: "Invoice" | "CreditNote" }[] = [];

let hbInvoice: Json;
let ksvInvoice: Json;

async function fetchBytes(path: string, init: { method?: string; body?: unknown; organisation?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (init.organisation !== null) headers["x-teilhabe-organisation"] = init.organisation ?? TENANT_A;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server.baseUrl}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(bytes, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return strFromU8(files["word/document.xml"]!)
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.store.db;
  await seedBillingExamples(db, TENANT_A);
  const run = (await server.api("POST", "/api/v1/billing-runs", { month: "2026-03" })).body;
  expect((await server.api("POST", `/api/v1/billing-runs/${run.id}/issue`)).status).toBe(200);
  const issued = (await server.api("GET", "/api/v1/invoices?month=2026-03&state=issued")).body.items;
  hbInvoice = issued.find((invoice: Json) => invoice.payerId === "HB-EGH");
  ksvInvoice = issued.find((invoice: Json) => invoice.payerId === "KSV-SN");
}, 60_000);
afterAll(async () => server?.close());

async function fillMasterData() {
  const db = server.store.db;
  await db
    .update(organisations)
    .set({
      contact: { name: "Erika Mustermann", phone: "+49 421 1234567", email: "rechnung@traeger-a.example" },
      taxNumber: "60/123/45678",
      iban: "DE75512108001245126199",
      bic: "SOBKDEBBXXX",
    })
    .where(eq(organisations.id, TENANT_A));
  await db.insert(organisations).values([
    { id: "HB-EGH", kind: "payer", name: "Amt für Soziale Dienste Bremen", leitwegId: "04011000-1234512345-06", address: { street: "Contrescarpe 73", postalCode: "28195", city: "Bremen", countryCode: "DE" } },
    { id: "KSV-SN", kind: "payer", name: "Kommunaler Sozialverband Sachsen", leitwegId: "14-0815-47", address: { street: "Thomasiusstraße 1", postalCode: "04109", city: "Leipzig", countryCode: "DE" } },
  ]);
}

describe("invoice documents", () => {
  it("refuses an invoice whose provider and payer lack master data: 409 naming every field, nothing invented", async () => {
    const answer = await server.api("GET", `/api/v1/invoices/${hbInvoice.id}/xrechnung.xml`);
    expect(answer.status).toBe(409);
    const paths = answer.body.errors.map((error: Json) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["payer", "provider.contact.name", "provider.contact.phone", "provider.contact.email", "provider.iban", "provider.taxNumber"]));
    expect(answer.body.detail).toContain("IBAN fehlt");
    await fillMasterData();
  });

  it("XRechnung of a real billing run: UBL schema, business rules, Leitweg-ID, totals, clauses per line", async () => {
    const answer = await server.api("GET", `/api/v1/invoices/${hbInvoice.id}/xrechnung.xml`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toContain(`filename="XRechnung_${hbInvoice.number}.xml"`);
    const xml: string = answer.body;
    expect(checkXrechnungRules(xml)).toEqual([]);
    const ubl = readUbl(xml);
    expect(ubl.value("ID")).toBe(hbInvoice.number);
    expect(ubl.value("BuyerReference")).toBe("04011000-1234512345-06");
    expect(ubl.value("LegalMonetaryTotal/PayableAmount")).toBe("44707.33");
    expect(ubl.value("DueDate")).toBe("2026-05-15");
    expect(ubl.value("AccountingSupplierParty/Party/EndpointID")).toBe("rechnung@traeger-a.example");
    expect(xml).toContain("§ 5.2");
    generated.push({ xml, kind: "Invoice" });
  });

  it("a draft has no documents (409); another tenant's invoice is 404", async () => {
    const run = (await server.api("POST", "/api/v1/billing-runs", { month: "2026-04" })).body;
    const draft = run.invoices[0];
    const answer = await server.api("GET", `/api/v1/invoices/${draft.id}/xrechnung.xml`);
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toContain("Entwurf");
    expect((await server.api("GET", `/api/v1/invoices/${draft.id}/invoice.pdf`)).status).toBe(409);
    expect((await server.api("GET", `/api/v1/invoices/${hbInvoice.id}/xrechnung.xml`, undefined, { organisation: TENANT_B })).status).toBe(404);
  });

  it("a payer's caseworker gets the documents of issued invoices addressed to the payer, nothing else", async () => {
    const asPayer = (organisation: string) => ({ organisation, headers: { "x-teilhabe-role": "payerCaseworker", "x-teilhabe-user": "sachbearbeitung" } });
    const own = await server.api("GET", `/api/v1/invoices/${hbInvoice.id}/xrechnung.xml`, undefined, asPayer("HB-EGH"));
    expect(own.status).toBe(200);
    expect(checkXrechnungRules(own.body)).toEqual([]);
    generated.push({ xml: own.body, kind: "Invoice" });
    expect((await server.api("GET", `/api/v1/invoices/${ksvInvoice.id}/invoice.pdf`, undefined, asPayer("HB-EGH"))).status).toBe(404);
    expect((await server.api("GET", "/api/v1/invoice-exports/csv?from=2026-04-01&to=2026-04-30", undefined, asPayer("HB-EGH"))).status).toBe(403);
  });

  it("the PDF shows the total, the Leitweg-ID, the file reference and the clauses", async () => {
    const answer = await fetchBytes(`/api/v1/invoices/${hbInvoice.id}/invoice.pdf`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toContain(`filename="Rechnung_${hbInvoice.number}.pdf"`);
    const text = await pdfText(answer.bytes);
    expect(text).toContain("44.707,33 €");
    expect(text).toContain("04011000-1234512345-06");
    expect(text).toContain("AfSD 421-0921/2026 (Beispiel)");
    expect(text).toContain("Vereinbarung A4 § 5.2");
    expect(text).toContain("Regel A4-R08");
  });

  it("a cancellation is a CreditNote naming the original (BT-25) with the positive amount; its PDF shows the negative", async () => {
    const correction = await server.api("POST", `/api/v1/invoices/${ksvInvoice.id}/correction`);
    expect(correction.status).toBe(201);
    const cancellation = correction.body.cancellation;
    const answer = await server.api("GET", `/api/v1/invoices/${cancellation.id}/xrechnung.xml`);
    expect(answer.status).toBe(200);
    const xml: string = answer.body;
    expect(checkXrechnungRules(xml)).toEqual([]);
    const ubl = readUbl(xml);
    expect(ubl.value("CreditNoteTypeCode")).toBe("381");
    expect(ubl.value("BillingReference/InvoiceDocumentReference/ID")).toBe(ksvInvoice.number);
    expect(ubl.value("LegalMonetaryTotal/PayableAmount")).toBe("2000.00");
    const pdf = await pdfText((await fetchBytes(`/api/v1/invoices/${cancellation.id}/invoice.pdf`)).bytes);
    expect(pdf).toContain("-2.000,00 €");
    generated.push({ xml, kind: "CreditNote" });
  });

  it.skipIf(!xmllint)("every XRechnung of the run (invoice and credit note) passes the UBL 2.1 XSD (xmllint)", () => {
    expect(generated.map((document) => document.kind)).toEqual(["Invoice", "Invoice", "CreditNote"]);
    expect(validateAgainstUbl(generated)).toEqual(["", "", ""]);
  });
});

describe("exports of a period", () => {
  const period = "from=2026-04-01&to=2026-04-30";

  it("DATEV refuses a missing revenue account and consultant number (409 naming the fields)", async () => {
    const answer = await server.api("GET", `/api/v1/invoice-exports/datev?${period}`);
    expect(answer.status).toBe(409);
    expect(answer.body.errors.map((error: Json) => error.path)).toEqual(["query.consultantNumber", "query.accountingClientNumber", "query.revenueAccount"]);
    const noDebitor = await server.api("GET", `/api/v1/invoice-exports/datev?${period}&consultantNumber=29098&accountingClientNumber=55003&revenueAccount=8100`);
    expect(noDebitor.status).toBe(409);
    expect(noDebitor.body.detail).toContain("DATEV-07");
  });

  it("DATEV Buchungsstapel round-trips through csv-parse with the exact amounts and accounts", async () => {
    const answer = await fetchBytes(
      `/api/v1/invoice-exports/datev?${period}&consultantNumber=29098&accountingClientNumber=55003&revenueAccount=8100&revenueAccountsByAgreement=A2-beispiel-bremen:8120&debitorAccounts=HB-EGH:10001,KSV-SN:10002`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=windows-1252");
    expect(answer.headers.get("content-disposition")).toContain('filename="EXTF_Buchungsstapel_20260401_20260430.csv"');
    const rows = parse(decodeWindows1252(answer.bytes), { delimiter: ";", relax_column_count: true, record_delimiter: "\r\n" }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["EXTF", "700", "21", "Buchungsstapel"]);
    const columns = rows[1]!;
    const column = (name: string) => columns.indexOf(name);
    const bookings = rows.slice(2).map((row) => [row[column("Umsatz (ohne Soll/Haben-Kz)")], row[column("Soll/Haben-Kennzeichen")], row[column("Konto")], row[column("Gegenkonto (ohne BU-Schlüssel)")], row[column("Belegfeld 1")]]);
    // HB-EGH: A4 44.347,33 € on 8100, A2 360,00 € on 8120; KSV-SN 2.000,00 € and its cancellation.
    expect(bookings).toEqual(
      expect.arrayContaining([
        ["44347,33", "S", "10001", "8100", hbInvoice.number],
        ["360,00", "S", "10001", "8120", hbInvoice.number],
        ["2000,00", "S", "10002", "8100", ksvInvoice.number],
        ["2000,00", "H", "10002", "8100", expect.any(String)],
      ]),
    );
    expect(bookings).toHaveLength(4);
  });

  it("plain CSV: one row per line with amounts, totals and clauses", async () => {
    const answer = await server.api("GET", `/api/v1/invoice-exports/csv?${period}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toContain('filename="Rechnungen_20260401_20260430.csv"');
    const records = parse(answer.body, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    const hbRows = records.filter((record) => Object.values(record).includes(hbInvoice.number));
    expect(hbRows).toHaveLength(8);
    expect(new Set(hbRows.map((record) => Object.values(record).find((value) => value === "44707,33")))).toEqual(new Set(["44707,33"]));
    expect(hbRows.some((record) => Object.values(record).includes("§ 5.2"))).toBe(true);
    expect((await server.api("GET", "/api/v1/invoice-exports/csv?from=2026-05-01&to=2026-04-01")).status).toBe(400);
  });
});

describe("calendar feed per user", () => {
  it("creates a token, serves the feed without a session, parses with node-ical; an unknown token is 404", async () => {
    const db = server.store.db;
    await db.insert(users).values({ organisationId: TENANT_A, id: "u-leitung", login: "leitung@traeger-a", displayName: "Lea Leitung", role: "leitung" });
    await db.insert(tasks).values({ organisationId: TENANT_A, id: "t-1", caseId: "F-A4-002", taskType: "manual", title: "Hilfeplangespräch vorbereiten", dueDate: "2026-04-20", assigneeId: "u-leitung" });
    expect((await server.api("POST", "/api/v1/calendar-tokens", { userId: "fremd" })).status).toBe(404);
    const created = await server.api("POST", "/api/v1/calendar-tokens", { userId: "u-leitung" });
    expect(created.status).toBe(201);
    expect(created.body.feedPath).toBe(`/api/v1/calendar/${created.body.token}.ics`);
    const feed = await fetchBytes(created.body.feedPath, { organisation: null });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = Object.values(ical.sync.parseICS(Buffer.from(feed.bytes).toString("utf8"))).filter((component): component is VEvent => component?.type === "VEVENT");
    const task = events.find((event) => event.uid === "task-t-1@teilhabe.example.org");
    expect(task?.summary).toBe("Hilfeplangespräch vorbereiten (F-A4-002)");
    expect(task?.start.toISOString().slice(0, 10)).toBe("2026-04-20");
    expect(events.some((event) => String(event.description).includes("Regel A4-R23"))).toBe(true);
    const rotated = await server.api("POST", "/api/v1/calendar-tokens", { userId: "u-leitung" });
    expect((await fetchBytes(created.body.feedPath, { organisation: null })).status).toBe(404);
    expect((await fetchBytes(rotated.body.feedPath, { organisation: null })).status).toBe(200);
    expect((await fetchBytes("/api/v1/calendar/unbekannt-unbekannt-unbekannt.ics", { organisation: null })).status).toBe(404);
  });

  it("a Fachkraft's feed holds only the cases of the clients assigned to her", async () => {
    const db = server.store.db;
    await db.insert(users).values({ organisationId: TENANT_A, id: "u-fachkraft", login: "fachkraft@traeger-a", displayName: "Frida Fachkraft", role: "fachkraft" });
    await db.insert(clientAssignments).values({ organisationId: TENANT_A, userId: "u-fachkraft", clientId: "K-A1-001" });
    await db.insert(tasks).values({ organisationId: TENANT_A, id: "t-a1", caseId: "F-A1-001", taskType: "manual", title: "Verlaufsbericht abstimmen", dueDate: "2026-04-22" });
    const created = await server.api("POST", "/api/v1/calendar-tokens", { userId: "u-fachkraft" });
    const feed = await fetchBytes(created.body.feedPath, { organisation: null });
    expect(feed.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(Buffer.from(feed.bytes).toString("utf8"))).filter((component): component is VEvent => component?.type === "VEVENT");
    expect(events.map((event) => event.uid)).toContain("task-t-a1@teilhabe.example.org");
    expect(events.map((event) => event.uid)).not.toContain("task-t-1@teilhabe.example.org");
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((event) => String(event.summary).includes("F-A1-001"))).toBe(true);
  });
});

describe("agreement text", () => {
  it("A0: filled inputs stand in place of their blanks, in clause order", async () => {
    const pdf = await fetchBytes("/api/v1/agreement-instances/inst-A0-beispiel-leipzig/agreement.pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain('filename="Vereinbarung_inst-A0-beispiel-leipzig.pdf"');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("Für den Zeitraum 01.01.2026 bis 31.12.2026: 100,00 € (gültig ab 01.01.2026 bis 31.12.2026) [Beispielwert]");
    expect(text.indexOf("1 Leistungsvereinbarung")).toBeLessThan(text.indexOf("2 Vergütungsvereinbarung"));
    expect(text.indexOf("2 Vergütungsvereinbarung")).toBeLessThan(text.indexOf("Ort, Datum:"));
    // The provider is the tenant, named and addressed as its organisation row in the store.
    expect(text).toContain("Leistungserbringer: Träger A gGmbH, Musterweg 1, 28195 Bremen");
  });

  it("A4: the full wording with the payer of the instance from the store and the signature block", async () => {
    await server.store.db.update(agreementInstances).set({ payerId: PAYER }).where(and(eq(agreementInstances.organisationId, TENANT_A), eq(agreementInstances.id, "inst-A4")));
    const pdf = await fetchBytes("/api/v1/agreement-instances/inst-A4/agreement.pdf");
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("Die Vereinbarung gilt ab dem 01.01.2026 und wird mit einer Laufzeit von 6 Monaten, also bis zum 30.06.2026 geschlossen und endet ohne, dass es einer Kündigung bedarf.");
    expect(text).toContain("in Höhe von [offen: P-A4-05 Mindest-Fachkraftquote im Tagdienst (6–22 Uhr) – noch nicht eingetragen] vergütet");
    expect(text).toContain("Ort, Datum: Bremen, [offen: P-A4-13 Tag der Unterzeichnung – noch nicht eingetragen] ______________________________________ Träger der Eingliederungshilfe: Senatorin für Soziales Bremen");
    expect(text).toContain("Träger der Eingliederungshilfe: Senatorin für Soziales Bremen, 28195 Bremen");
  });

  it("A1: PDF and DOCX show a filled input and the unfilled remuneration P-A1-09 as a visible gap", async () => {
    const agreement = server.context.catalogue.agreements.get("A1-beispiel")!;
    const unfilled = agreement.inputs.find((input) => input.id === "P-A1-09")!;
    expect(agreement.inputValues["P-A1-09"]).toBeUndefined();
    // P-A1-05 fills the blank of § 3.1.3 „Die Betriebsstätte befindet sich in ………..(genaue Adresse, ggf. Etage)“.
    const filledValue = "Die Betriebsstätte befindet sich in Beispielweg 5, 1. Etage, 30159 Hannover [Beispielwert]";
    const pdf = await fetchBytes("/api/v1/agreement-instances/inst-A1-beispiel/agreement.pdf");
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(filledValue);
    expect(text).not.toContain("befindet sich in ………");
    expect(text).toContain(`[offen: ${unfilled.id} ${unfilled.label} – noch nicht eingetragen]`.replace(/\s+/g, " "));
    const docx = await fetchBytes("/api/v1/agreement-instances/inst-A1-beispiel/agreement.docx");
    expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const words = docxText(docx.bytes);
    expect(words).toContain(filledValue);
    expect(words).toContain(`[offen: ${unfilled.id} ${unfilled.label} – noch nicht eingetragen]`);
    expect((await server.api("GET", "/api/v1/agreement-instances/unbekannt/agreement.pdf")).status).toBe(404);
  });
});

describe("report drafts", () => {
  beforeAll(async () => {
    const db = server.store.db;
    await db.insert(hilfeplans).values({ organisationId: TENANT_A, id: "hp-1", caseId: "F-A1-001", date: "2026-02-01", kind: "initial" });
    await db.insert(planGoals).values([
      { organisationId: TENANT_A, id: "g-1", hilfeplanId: "hp-1", title: "Selbstständig einkaufen", status: "partlyAchieved" },
      { organisationId: TENANT_A, id: "g-2", hilfeplanId: "hp-1", parentGoalId: "g-1", title: "Einkaufsliste schreiben", status: "achieved" },
    ]);
    await db.insert(planMeasures).values({ organisationId: TENANT_A, id: "m-1", hilfeplanId: "hp-1", goalId: "g-1", title: "Wöchentliche Einkaufsbegleitung" });
    await db.insert(planUpdates).values({ organisationId: TENANT_A, id: "u-1", hilfeplanId: "hp-1", goalId: "g-1", date: "2026-03-15", attainment: "partlyAchieved", text: "Kauft mit Liste allein ein, Kasse noch mit Hilfe" });
  });

  it("a Verlaufsbericht draft carries the goals, attainment, measures and gaps; edited, it renders as PDF and DOCX", async () => {
    const answer = await server.api("POST", "/api/v1/cases/F-A1-001/report-drafts", { kind: "progressReport", hilfeplanId: "hp-1", to: "2026-03-31" });
    expect(answer.status).toBe(200);
    const draft = answer.body;
    expect(draft.sections.map((section: Json) => section.key)).toEqual(["measures", "attainment", "factors", "need", "recommendations", "basis"]);
    const attainment = draft.sections.find((section: Json) => section.key === "attainment");
    expect(attainment).toMatchObject({ ruleId: "A1-R20", clause: "§ 3.2.4", required: true });
    expect(attainment.text).toContain("Selbstständig einkaufen (Zielerreichung: teilweise erreicht)");
    expect(attainment.text).toContain("Teilziel: Einkaufsliste schreiben (Zielerreichung: erreicht)");
    expect(attainment.text).toContain("15.03.2026 (teilweise erreicht): Kauft mit Liste allein ein");
    expect(draft.sections[0].text).toContain("Wöchentliche Einkaufsbegleitung (zu: Selbstständig einkaufen)");

    const refused = await server.api("POST", "/api/v1/report-drafts/render?format=pdf&final=true", draft);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.map((error: Json) => error.path)).toEqual(["body.sections[2].text", "body.sections[3].text", "body.sections[4].text"]);

    const pdf = await fetchBytes("/api/v1/report-drafts/render?format=pdf", { method: "POST", body: draft });
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("ENTWURF");
    expect(text).toContain("Selbstständig einkaufen");
    expect(text).toContain("[offen: hinderliche Faktoren]");

    const edited = {
      ...draft,
      sections: draft.sections.map((section: Json) => (section.text.includes("[offen:") ? { ...section, text: `Geschrieben: ${section.heading}` } : section)),
    };
    const final = await fetchBytes("/api/v1/report-drafts/render?format=docx&final=true", { method: "POST", body: edited });
    expect(final.status).toBe(200);
    expect(final.headers.get("content-disposition")).toContain('filename="progressReport_F-A1-001.docx"');
    const words = docxText(final.bytes);
    expect(words).toContain("Selbstständig einkaufen");
    expect(words).toContain("Geschrieben: Förderliche und hinderliche Faktoren");
    expect(words).not.toContain("ENTWURF");
  });

  it("Hilfeplan, Fortschreibung and Abschlussbericht drafts carry their minimum contents from the same plan", async () => {
    const draftOf = async (kind: string) => (await server.api("POST", "/api/v1/cases/F-A1-001/report-drafts", { kind, hilfeplanId: "hp-1", to: "2026-03-31" })).body;
    const sectionText = (draft: Json, key: string) => draft.sections.find((section: Json) => section.key === key).text;
    const plan = await draftOf("hilfeplan");
    expect(plan.sections.map((section: Json) => section.key)).toEqual(["basis", "goals", "subgoals", "measures"]);
    expect(sectionText(plan, "goals")).toBe("• Selbstständig einkaufen");
    expect(sectionText(plan, "subgoals")).toBe("• Einkaufsliste schreiben");
    const update = await draftOf("hilfeplanUpdate");
    expect(sectionText(update, "attainment")).toContain("Selbstständig einkaufen (Zielerreichung: teilweise erreicht)");
    expect(sectionText(update, "newGoals")).toBe("[offen: neue Förderziele und Teilziele]");
    const final = await draftOf("finalReport");
    expect(final.sections.map((section: Json) => [section.key, section.ruleId, section.clause])).toEqual([
      ["course", "A1-R22", "§ 3.2.5"],
      ["need", "A1-R22", "§ 3.2.5"],
    ]);
    expect(sectionText(final, "course")).toContain("Wöchentliche Einkaufsbegleitung");
  });

  it("A4's quality report skeleton is due 31 March of the following year; the kind is refused for another agreement", async () => {
    const quality = await server.api("POST", "/api/v1/cases/F-A4-002/report-drafts", { kind: "qualityReport", year: 2026 });
    expect(quality.status).toBe(200);
    expect(quality.body).toMatchObject({ dueDate: "2027-03-31", periodFrom: "2026-01-01", periodTo: "2026-12-31" });
    expect(quality.body.sections.find((section: Json) => section.key === "occupancy").text).toBe("Im Berichtsjahr betreute Personen dieser Vereinbarung: 1.");
    const wrong = await server.api("POST", "/api/v1/cases/F-A1-001/report-drafts", { kind: "qualityReport" });
    expect(wrong.status).toBe(409);
    expect((await server.api("POST", "/api/v1/cases/F-A0-001/report-drafts", { kind: "socialDevelopmentReport" })).status).toBe(200);
    expect((await server.api("POST", "/api/v1/cases/unbekannt/report-drafts", { kind: "finalReport" })).status).toBe(404);
  });
});
