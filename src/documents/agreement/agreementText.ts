/**
 * A concrete agreement as its agreement text (for signature): the agreement data carries no full text, only
 * each value's source (clause and a short literal quote of the seed document) and the inputs with the quote
 * that reproduces their blank. The text is therefore made of those quotes, grouped by clause in the document's
 * own order (Titel, Kopf, Vorbemerkungen, § 1 … § n, annexes, Unterschriften), with every filled input in
 * place of its blank and every unfilled input as a visible gap "[offen: P-A0-05 …]". Nothing is invented:
 * a clause the data does not quote does not appear (docs/documents.md says so on the document itself).
 */
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import type { InputDefinition } from "../../domain/agreement/inputRegister.ts";
import { parseAmount, toIntegerCents } from "../../domain/money/amount.ts";
import { formatEuroCents, formatGermanIsoDate } from "../germanDocumentFormat.ts";
import { gapRun, plainParagraph, type TextDocument, type TextParagraph, type TextRun, type TextSection } from "../text/textDocument.ts";
import { inputRun } from "./agreementInputRuns.ts";
import { createAgreementWordingText, type AgreementParties } from "./agreementWordingText.ts";

export { formatInputValue } from "./agreementInputRuns.ts";

interface QuotedPiece {
  clause: string;
  quote: string;
  /** What the data says the quote is about (label, rate, rule). */
  context?: string;
  inputs: InputDefinition[];
  /** Printed values the data holds for this quote (a sourced value, a rate's components and total). */
  values: string[];
}

/** Blanks as the seed documents print them: "xxx", "xx €", ".....", "……….." , "___". */
const BLANK = /(?<![A-Za-zÄÖÜäöüß])[xX]{2,}(?![A-Za-zÄÖÜäöüß])|[.…]{3,}|_{3,}|\[REDACTED\]/;

const DECIMAL = /^-?\d+(\.\d{1,2})?$/;

function euro(text: string): string {
  return formatEuroCents(toIntegerCents(parseAmount(text))!);
}

function printedValue(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatGermanIsoDate(value) : value;
}

/** The values printed with a source: "72,22 €" of a rate period, its components and total; a sourced value. */
function valuesOf(record: Record<string, unknown>, quote: string): string[] {
  const values: string[] = [];
  if ("value" in record) {
    const printed = printedValue(record.value);
    if (printed !== undefined && !quote.includes(printed)) values.push(printed);
  }
  const components = Array.isArray(record.components) ? (record.components as Array<{ name?: unknown; amount?: unknown }>) : [];
  const parts = components.filter((part) => typeof part.name === "string" && typeof part.amount === "string" && DECIMAL.test(part.amount)).map((part) => `${String(part.name)} ${euro(String(part.amount))}`);
  for (const key of ["amount", "total"] as const) {
    const amount = record[key];
    if (typeof amount === "string" && DECIMAL.test(amount) && !quote.includes(euro(amount).replace(/\s*€$/, ""))) parts.push(`${key === "total" ? "insgesamt " : ""}${euro(amount)}`);
  }
  if (parts.length > 0) {
    const from = typeof record.validFrom === "string" ? formatGermanIsoDate(record.validFrom) : undefined;
    const to = typeof record.validTo === "string" ? formatGermanIsoDate(record.validTo) : undefined;
    values.push(`${parts.join(" · ")}${from || to ? ` (${from ? `ab ${from}` : ""}${to ? ` bis ${to}` : ""})` : ""}`);
  }
  return values;
}

function isSource(value: unknown): value is { file: string; clause: string; quote: string } {
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return typeof record.file === "string" && typeof record.clause === "string" && typeof record.quote === "string";
}

function contextOf(record: Record<string, unknown>): string | undefined {
  const label = [record.label, record.title, record.part, record.name].find((value) => typeof value === "string");
  const rule = typeof record.ruleId === "string" ? `Regel ${record.ruleId}` : undefined;
  return [label, rule].filter(Boolean).join(" · ") || undefined;
}

/** Every quoted source of the agreement with what it belongs to; inputs attach to their own quote. */
export function collectQuotedPieces(agreement: Agreement): QuotedPiece[] {
  const pieces = new Map<string, QuotedPiece>();
  const add = (source: { clause: string; quote: string }, context: string | undefined, input?: InputDefinition, values: string[] = []) => {
    const key = `${source.clause}\u0000${source.quote}`;
    const piece = pieces.get(key) ?? { clause: source.clause, quote: source.quote, context, inputs: [], values: [] };
    if (!piece.context && context) piece.context = context;
    if (input && !piece.inputs.some((known) => known.id === input.id)) piece.inputs.push(input);
    for (const value of values) if (!piece.values.includes(value)) piece.values.push(value);
    pieces.set(key, piece);
  };
  const visit = (value: unknown, inherited: string | undefined): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, inherited));
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const context = contextOf(record) ?? inherited;
    if (isSource(record.source)) add(record.source, context, undefined, valuesOf(record, record.source.quote));
    for (const [key, child] of Object.entries(record)) if (key !== "source") visit(child, context);
  };
  // The header's own title is not the context of its parts (every quote would carry it).
  const { inputs: _inputs, inputValues: _values, title: _title, ...rest } = agreement;
  for (const child of Object.values(rest)) visit(child, undefined);
  for (const input of agreement.inputs) add(input.source, undefined, input);
  return [...pieces.values()];
}

/** Sort key of a clause in the document's own order. */
function clauseRank(clause: string): [number, number[], string] {
  const numbers = (text: string) => (text.match(/\d+/g) ?? []).map(Number);
  if (/^Titel/i.test(clause)) return [0, [], clause];
  if (/^Kopf/i.test(clause)) return [1, [], clause];
  if (/^(Vorbemerkung|Präambel)/i.test(clause)) return [2, [], clause];
  if (/^§/.test(clause)) return [3, numbers(clause), clause];
  if (/^(Anl|Anlage)/i.test(clause)) return [4, numbers(clause), clause];
  if (/^Unterschrift/i.test(clause)) return [6, [], clause];
  return [5, numbers(clause), clause];
}

export function compareClauses(a: string, b: string): number {
  const [groupA, numbersA, textA] = clauseRank(a);
  const [groupB, numbersB, textB] = clauseRank(b);
  if (groupA !== groupB) return groupA - groupB;
  for (let index = 0; index < Math.max(numbersA.length, numbersB.length); index++) {
    const difference = (numbersA[index] ?? -1) - (numbersB[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return textA.localeCompare(textB, "de");
}

/** One quote as a paragraph: „…“ with each input in place of its blank, or named after the quote. */
function quoteParagraph(piece: QuotedPiece, values: Agreement["inputValues"]): TextParagraph {
  const runs: TextRun[] = [];
  let rest = piece.quote;
  const trailing: InputDefinition[] = [];
  for (const input of piece.inputs) {
    const match = BLANK.exec(rest);
    if (!match) {
      trailing.push(input);
      continue;
    }
    const run = inputRun(input, values);
    runs.push({ text: rest.slice(0, match.index) }, run);
    rest = rest.slice(match.index + match[0].length);
    // "xx €" filled with "100,00 €": the printed currency sign is already in the value.
    if (!run.gap && input.type === "money") rest = rest.replace(/^\s*€/, "");
  }
  runs.push({ text: rest });
  runs.unshift({ text: "„" });
  runs.push({ text: "“" });
  for (const input of trailing) runs.push({ text: ` — ${input.id} ${input.label}: ` }, inputRun(input, values));
  if (piece.values.length > 0) runs.push({ text: " — " }, { text: piece.values.join("; "), bold: true });
  if (piece.context && piece.inputs.length === 0) runs.push({ text: ` (${piece.context})` });
  return { runs: runs.filter((run) => run.text.length > 0) };
}

function partyLines(agreement: Agreement): string[] {
  const valueOf = (field: unknown): string => {
    if (!field || typeof field !== "object") return "";
    const record = field as { value?: unknown; input?: string };
    if (record.value !== undefined) return String(record.value);
    if (record.input) {
      const filled = agreement.inputValues[record.input];
      return filled?.value !== undefined ? String(filled.value) : `[offen: ${record.input}]`;
    }
    return "";
  };
  const roles = { provider: "Leistungserbringer", payer: "Träger der Eingliederungshilfe", framework: "Rahmenvertrag" } as const;
  return agreement.parties.map((party) => `${roles[party.role]}: ${valueOf(party.name)}${party.address ? `, ${valueOf(party.address)}` : ""}`);
}

export interface AgreementTextOptions {
  /** ISO date printed as the document date. */
  date: string;
  /** Title of the provider's instance, when it has its own. */
  instanceTitle?: string | null;
  /** Names and addresses of the parties from the store (organisation rows); they take precedence over the agreement data. */
  parties?: AgreementParties;
}

/**
 * The agreement text document (render with createTextDocumentPdf / createTextDocumentDocx): the full wording
 * of text.yaml when the agreement has it, otherwise the quotes of the agreement data in clause order.
 */
export function createAgreementText(agreement: Agreement, options: AgreementTextOptions): TextDocument {
  if (agreement.text) return createAgreementWordingText(agreement, agreement.text, options);
  return createAgreementQuoteText(agreement, options);
}

/** Fallback for an agreement without text.yaml: its quotes, grouped by clause in the document's order. */
export function createAgreementQuoteText(agreement: Agreement, options: AgreementTextOptions): TextDocument {
  const byClause = new Map<string, QuotedPiece[]>();
  for (const piece of collectQuotedPieces(agreement)) byClause.set(piece.clause, [...(byClause.get(piece.clause) ?? []), piece]);
  const sections: TextSection[] = [...byClause.keys()].sort(compareClauses).map((clause) => ({
    heading: clause,
    level: 1,
    paragraphs: byClause.get(clause)!.map((piece) => quoteParagraph(piece, agreement.inputValues)),
  }));
  const open = agreement.inputs.filter((input) => !input.perCase && agreement.inputValues[input.id]?.value === undefined);
  sections.push({
    heading: "Offene Eingaben",
    level: 1,
    paragraphs:
      open.length === 0
        ? [plainParagraph("Alle Eingaben der Vereinbarung sind gefüllt.")]
        : open.map((input) => ({ runs: [gapRun(`${input.id} ${input.label}`), { text: ` (${input.source.clause})` }] })),
  });
  sections.push({
    heading: "Unterschriftsfelder",
    level: 1,
    paragraphs: [plainParagraph("Ort, Datum: ______________________"), plainParagraph("Leistungserbringer: ______________________"), plainParagraph("Träger der Eingliederungshilfe: ______________________")],
  });
  return {
    title: options.instanceTitle ?? agreement.title,
    subtitle: `${agreement.document.title} (Vereinbarung ${agreement.id}${agreement.template ? `, Vorlage ${agreement.template}` : ""})`,
    facts: [...partyLines(agreement), `Land: ${agreement.land}${agreement.legalBasis.length > 0 ? ` · Rechtsgrundlage: ${agreement.legalBasis.join(", ")}` : ""}`],
    sections,
    footnote:
      "Dieser Text besteht aus den wörtlichen Zitaten, die die Vereinbarungsdaten zu jeder Regel und jeder Eingabe festhalten, geordnet nach den Ziffern des Vertragsdokuments; gefüllte Eingaben stehen fett an der Stelle ihrer Lücke, offene Eingaben als „[offen: …]“. Ziffern, die die Daten nicht zitieren, fehlen; maßgeblich ist das unterzeichnete Vertragsdokument.",
    date: options.date,
  };
}
