/**
 * The agreement text from its full wording (text.yaml): the document's title, the parties (names and addresses
 * from the store when given, else from the agreement data or its inputs), every clause in the document's order
 * with its number, heading and wording, each placeholder replaced by the filled input formatted in German
 * (bold) or by the visible gap "[offen: P-A4-11 … – noch nicht eingetragen]", and the signature block (place,
 * date, a line to sign per party) where the document has it. Nothing is invented: a blank without a value stays
 * a gap, and an input without a blank in the wording is listed after its clause or at the end.
 */
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import { splitPlaceholders, type AgreementText, type TextClause } from "../../domain/agreement/agreementTextSchema.ts";
import type { InputDefinition } from "../../domain/agreement/inputRegister.ts";
import { gapRun, plainParagraph, type TextDocument, type TextParagraph, type TextRun, type TextSection } from "../text/textDocument.ts";
import { inputRun, isFilled } from "./agreementInputRuns.ts";

export interface PartyData {
  name: string;
  address?: string;
}

/** Names and addresses of the parties from the store (the provider's and the payer's organisation rows). */
export type AgreementParties = Partial<Record<"provider" | "payer", PartyData>>;

type PartyRole = Agreement["parties"][number]["role"];

const ROLE_NAMES: Record<PartyRole, string> = { provider: "Leistungserbringer", payer: "Träger der Eingliederungshilfe", framework: "Rahmenvertrag" };
const GAP_SUFFIX = " – noch nicht eingetragen";
const SIGNATURE_LINE = "______________________________________";

interface Context {
  agreement: Agreement;
  definitions: Map<string, InputDefinition>;
  /** Inputs the wording or a clause's list shows (the rest is listed at the end). */
  shown: Set<string>;
}

function placeholderRun(id: string, context: Context): TextRun {
  const definition = context.definitions.get(id);
  // The schema refuses unknown inputs; a stale instance still prints a gap rather than nothing.
  if (!definition) return gapRun(`${id}${GAP_SUFFIX}`);
  context.shown.add(id);
  return inputRun(definition, context.agreement.inputValues, GAP_SUFFIX);
}

/** Wording with its placeholders as runs: literal text, filled inputs bold, gaps marked. */
export function wordingRuns(wording: string, context: Context): TextRun[] {
  return splitPlaceholders(wording)
    .map((piece): TextRun => (piece.kind === "text" ? { text: piece.text } : piece.kind === "open" ? gapRun(piece.label) : placeholderRun(piece.id, context)))
    .filter((run) => run.text.length > 0);
}

function fieldText(field: unknown, context: Context): TextRun[] {
  if (!field || typeof field !== "object") return [];
  const record = field as { value?: unknown; input?: string };
  if (record.value !== undefined) return [{ text: String(record.value) }];
  if (record.input) return [placeholderRun(record.input, context)];
  return [];
}

/** The party's name and address: the store's organisation row first, else the agreement's value or input. */
function partyRuns(role: PartyRole, context: Context, parties: AgreementParties): TextRun[] {
  const stored = role === "provider" || role === "payer" ? parties[role] : undefined;
  if (stored) return [{ text: stored.address ? `${stored.name}, ${stored.address}` : stored.name }];
  const party = context.agreement.parties.find((candidate) => candidate.role === role);
  if (!party) return [gapRun(`${ROLE_NAMES[role]}${GAP_SUFFIX}`)];
  const name = fieldText(party.name, context);
  const address = party.address ? fieldText(party.address, context) : [];
  return address.length > 0 ? [...name, { text: ", " }, ...address] : name;
}

function partyNameRuns(role: PartyRole, context: Context, parties: AgreementParties): TextRun[] {
  const stored = role === "provider" || role === "payer" ? parties[role] : undefined;
  if (stored) return [{ text: stored.name }];
  const party = context.agreement.parties.find((candidate) => candidate.role === role);
  return party ? fieldText(party.name, context) : [gapRun(`${ROLE_NAMES[role]}${GAP_SUFFIX}`)];
}

function inputLine(id: string, context: Context): TextParagraph | undefined {
  const definition = context.definitions.get(id);
  if (!definition || definition.perCase) return undefined;
  context.shown.add(id);
  return inputListing(definition, context.agreement);
}

/** "Bezeichnung (P-A4-09, § 5.8): 45,00 €" for a filled input, "§ 5.8: [offen: P-A4-09 Bezeichnung – noch nicht eingetragen]" for an open one. */
function inputListing(definition: InputDefinition, agreement: Agreement): TextParagraph {
  const run = inputRun(definition, agreement.inputValues, GAP_SUFFIX);
  return { runs: [{ text: run.gap ? `${definition.source.clause}: ` : `${definition.label} (${definition.id}, ${definition.source.clause}): ` }, run] };
}

type SignatureParty = NonNullable<TextClause["signatures"]>["parties"][number];

function signatureParagraphs(signatureParties: SignatureParty[], context: Context, parties: AgreementParties): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  for (const party of signatureParties) {
    paragraphs.push({ runs: [] });
    paragraphs.push({ runs: [{ text: "Ort, Datum: " }, ...(party.placeAndDate ? wordingRuns(party.placeAndDate, context) : [{ text: "______________________" }])] });
    paragraphs.push({ runs: [] }, plainParagraph(SIGNATURE_LINE));
    paragraphs.push({ runs: [{ text: `${ROLE_NAMES[party.role]}: ` }, ...partyNameRuns(party.role, context, parties)] });
    for (const line of party.lines) paragraphs.push({ runs: wordingRuns(line, context) });
  }
  return paragraphs;
}

function clauseHeading(clause: TextClause): string {
  return [clause.number, clause.heading].filter(Boolean).join(" ");
}

function clauseLevel(clause: TextClause): 1 | 2 {
  if (clause.level) return clause.level;
  return clause.number && clause.number.replace(/\.$/, "").includes(".") ? 2 : 1;
}

function clauseSection(clause: TextClause, context: Context, parties: AgreementParties): TextSection {
  const paragraphs: TextParagraph[] = clause.paragraphs.map((paragraph) => ({ runs: wordingRuns(paragraph, context) }));
  for (const id of clause.inputs) {
    const line = inputLine(id, context);
    if (line) paragraphs.push(line);
  }
  if (clause.signatures) paragraphs.push(...signatureParagraphs(clause.signatures.parties, context, parties));
  return { heading: clauseHeading(clause), level: clauseLevel(clause), paragraphs };
}

export interface WordingTextOptions {
  date: string;
  instanceTitle?: string | null;
  parties?: AgreementParties;
}

/** The agreement text document from the full wording (render with createTextDocumentPdf / createTextDocumentDocx). */
export function createAgreementWordingText(agreement: Agreement, text: AgreementText, options: WordingTextOptions): TextDocument {
  const parties = options.parties ?? {};
  const context: Context = { agreement, definitions: new Map(agreement.inputs.map((input) => [input.id, input])), shown: new Set() };
  const roles: PartyRole[] = ["provider", "payer"];
  const facts = roles.map((role) => `${ROLE_NAMES[role]}: ${partyRuns(role, context, parties).map((run) => run.text).join("")}`);
  const sections = text.clauses.map((clause) => clauseSection(clause, context, parties));
  if (!text.clauses.some((clause) => clause.signatures)) {
    sections.push({ heading: "Unterschriften", level: 1, paragraphs: signatureParagraphs([{ role: "provider", lines: [] }, { role: "payer", lines: [] }], context, parties) });
  }
  const further = agreement.inputs.filter((input) => !input.perCase && !context.shown.has(input.id));
  if (further.length > 0) {
    sections.push({
      heading: "Weitere Eingaben der Vereinbarung (ohne Lücke im Wortlaut)",
      level: 1,
      paragraphs: further.map((input) => inputListing(input, agreement)),
    });
  }
  const open = agreement.inputs.filter((input) => !input.perCase && !isFilled(agreement.inputValues[input.id]));
  sections.push({
    heading: "Offene Eingaben (vor der Unterschrift zu füllen)",
    level: 1,
    paragraphs:
      open.length === 0
        ? [plainParagraph("Alle Eingaben der Vereinbarung sind gefüllt.")]
        : open.map((input) => ({ runs: [gapRun(`${input.id} ${input.label}${GAP_SUFFIX}`), { text: ` (${input.source.clause})` }] })),
  });
  return {
    title: text.title,
    subtitle: `${options.instanceTitle ?? agreement.title} (Vereinbarung ${agreement.id}${agreement.template ? `, Vorlage ${agreement.template}` : ""})`,
    facts: [...facts, `Land: ${agreement.land}${agreement.legalBasis.length > 0 ? ` · Rechtsgrundlage: ${agreement.legalBasis.join(", ")}` : ""}`],
    sections,
    footnote: `Wortlaut nach dem Vertragsdokument ${agreement.document.file} („${agreement.document.title}“), Ziffer für Ziffer in dessen Reihenfolge; gefüllte Eingaben stehen fett an der Stelle ihrer Lücke, offene als „[offen: …]“; Tabellenzellen sind durch „ | “ getrennt; „[Beispielwert]“ kennzeichnet Werte nur für Demo und Test.`,
    date: options.date,
  };
}
