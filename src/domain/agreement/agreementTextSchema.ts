/**
 * The agreement's full text as data (text.yaml of an agreement folder, top-level key `text`): the clauses in
 * the order of the document, each with its source (seed file and clause), its printed number and heading, and
 * its wording paragraph by paragraph exactly as printed. A blank of the template is a placeholder: `{{P-A4-11}}`
 * names the input that fills it; `{{offen: Beschreibung}}` is a blank the agreement has no input for (printed as
 * a visible gap). One clause may hold the signature block at its place in the document.
 */
import { z } from "zod";

/** `{{P-A4-11}}` or `{{offen: Ende des Zeitraums}}`; anything else between double braces is refused. */
export const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const INPUT_PLACEHOLDER = /^P-[A-Z0-9]+-[0-9A-Za-z-]+$/;
const OPEN_PLACEHOLDER = /^offen:\s*(\S.*)$/;

export type TextPiece = { kind: "text"; text: string } | { kind: "input"; id: string } | { kind: "open"; label: string };

/** Splits wording into literal text, input placeholders and open blanks; undefined for a malformed placeholder. */
export function splitPlaceholders(wording: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let rest = 0;
  for (const match of wording.matchAll(PLACEHOLDER)) {
    if (match.index > rest) pieces.push({ kind: "text", text: wording.slice(rest, match.index) });
    const inner = match[1]!.trim();
    const open = OPEN_PLACEHOLDER.exec(inner);
    pieces.push(open ? { kind: "open", label: open[1]!.trim() } : { kind: "input", id: inner });
    rest = match.index + match[0].length;
  }
  if (rest < wording.length) pieces.push({ kind: "text", text: wording.slice(rest) });
  return pieces;
}

const wordingSchema = z
  .string()
  .min(1)
  .max(20_000)
  .superRefine((wording, context) => {
    for (const match of wording.matchAll(PLACEHOLDER)) {
      const inner = match[1]!.trim();
      if (!INPUT_PLACEHOLDER.test(inner) && !OPEN_PLACEHOLDER.test(inner)) {
        context.addIssue({ code: "custom", message: `Platzhalter „${match[0]}“ ist weder eine Eingabe wie „{{P-A4-11}}“ noch eine Lücke wie „{{offen: Beschreibung}}“` });
      }
    }
    const unbalanced = wording.replace(PLACEHOLDER, "");
    if (unbalanced.includes("{{") || unbalanced.includes("}}")) context.addIssue({ code: "custom", message: "Platzhalter nicht geschlossen: „{{“ und „}}“ müssen paarweise stehen" });
  })
  .describe("Wortlaut eines Absatzes; Lücken als {{P-…}} oder {{offen: …}}");

export const textSourceSchema = z
  .object({
    file: z.string().min(1).describe("Dateiname des Vertragstexts in shared/seeds"),
    clause: z.string().min(1).describe("Ziffer wie in den übrigen Fundstellen, z. B. „§ 5.1“, „Kopf“, „Anl. 1 § 4.2“"),
  })
  .strict()
  .describe("Fundstelle der Ziffer");

export const signaturePartySchema = z
  .object({
    role: z.enum(["provider", "payer", "framework"]),
    /** Place and date as the document prints them, e.g. "Bremen, {{P-A4-13}}"; without it a blank line to fill by hand. */
    placeAndDate: wordingSchema.optional(),
    /** The document's own lines under the signature, e.g. "Für den Leistungserbringer", "(Name)". */
    lines: z.array(wordingSchema).max(20).default([]),
  })
  .strict();

export const textClauseSchema = z
  .object({
    source: textSourceSchema,
    /** The number as printed, e.g. "5.1"; none for the head of the document. */
    number: z.string().min(1).max(40).optional(),
    heading: z.string().min(1).max(500).optional(),
    /** 1: section, 2: subsection; default by the number's depth. */
    level: z.union([z.literal(1), z.literal(2)]).optional(),
    paragraphs: z.array(wordingSchema).max(500).default([]),
    /** Inputs of this clause that have no blank in the wording; printed after it with their value or as a gap. */
    inputs: z.array(z.string().regex(INPUT_PLACEHOLDER, "Eingabe-ID wie „P-A4-09“")).max(100).default([]),
    /** The signature block at this place of the document (place, date, a line to sign per party). */
    signatures: z.object({ parties: z.array(signaturePartySchema).min(1).max(10) }).strict().optional(),
  })
  .strict();

export const agreementTextSchema = z
  .object({
    /** The document's title as printed. */
    title: z.string().min(1).max(500),
    clauses: z.array(textClauseSchema).min(1).max(2_000),
  })
  .strict()
  .describe("Vereinbarungstext (text.yaml): Ziffern in der Reihenfolge des Dokuments, Wortlaut mit Platzhaltern");

export type AgreementText = z.infer<typeof agreementTextSchema>;
export type TextClause = z.infer<typeof textClauseSchema>;

/** Every input placeholder and listed input of the text with its path (for the check against the input register). */
export function collectTextInputReferences(text: AgreementText): { path: (string | number)[]; id: string }[] {
  const found: { path: (string | number)[]; id: string }[] = [];
  const scan = (wording: string, path: (string | number)[]) => {
    // A malformed placeholder is refused by the wording's own check, not reported twice.
    for (const piece of splitPlaceholders(wording)) if (piece.kind === "input" && INPUT_PLACEHOLDER.test(piece.id)) found.push({ path, id: piece.id });
  };
  text.clauses.forEach((clause, index) => {
    const at = ["text", "clauses", index];
    clause.paragraphs.forEach((paragraph, paragraphIndex) => scan(paragraph, [...at, "paragraphs", paragraphIndex]));
    clause.inputs.forEach((id, inputIndex) => found.push({ path: [...at, "inputs", inputIndex], id }));
    clause.signatures?.parties.forEach((party, partyIndex) => {
      const partyPath = [...at, "signatures", "parties", partyIndex];
      if (party.placeAndDate) scan(party.placeAndDate, [...partyPath, "placeAndDate"]);
      party.lines.forEach((line, lineIndex) => scan(line, [...partyPath, "lines", lineIndex]));
    });
  });
  return found;
}
