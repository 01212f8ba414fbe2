/**
 * Checks an agreement text (text.yaml) against its seed document: every heading and every paragraph, split at
 * its placeholders, is literal text of the seed, and the pieces follow one another in the seed's own order;
 * the title and the lines of the signature block are literal text of the seed (their place is the layout's).
 * Markup of the seed (HTML tags, Markdown emphasis and headings, Word bookmarks and footnote marks) and white
 * space are not wording and are folded away on both sides; a list bullet, "Fußnote n: " and the table-cell
 * separator " | " of the text file are layout, not wording.
 */
import { splitPlaceholders, type AgreementText } from "../domain/agreement/agreementTextSchema.ts";

export interface WordingProblem {
  path: string;
  piece: string;
  problem: "not in the document" | "out of order";
}

/** The seed as plain running text. */
export function seedPlainText(seed: string): string {
  return seed
    .replace(/<sup>1<\/sup>/g, "¹")
    .replace(/<sup>2<\/sup>/g, "²")
    .replace(/\[bookmark: [^\]]*\]/g, " ")
    .replace(/\[footnoteRef:\d+\]/g, "")
    .replace(/\[\d+:\s+/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\*\*/g, "")
    .replace(/\\\*/g, "*")
    .replace(/^#+\s*/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

function pieceText(text: string): string {
  return text
    .replace(/^\s*(?:[•·]\s*|Fußnote \d+: )/, "")
    .replace(/ \| /g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The literal pieces of one wording (the text between its placeholders). */
function literalPieces(wording: string): string[] {
  return splitPlaceholders(wording)
    .flatMap((piece) => (piece.kind === "text" ? [pieceText(piece.text)] : []))
    .filter((piece) => piece.length > 0);
}

export interface WordingCheck {
  problems: WordingProblem[];
  /** Share of the seed's plain text (without white space) that the text's wording reproduces in order, 0–1. */
  coverage: number;
}

/** Every problem of the text's wording against the seed (none when all is literal and in order), and its coverage. */
export function checkAgreementTextWording(text: AgreementText, seed: string): WordingCheck {
  const plain = seedPlainText(seed);
  const problems: WordingProblem[] = [];
  let cursor = 0;
  let covered = 0;
  const inOrder = (wording: string, path: string) => {
    for (const piece of literalPieces(wording)) {
      const at = plain.indexOf(piece, cursor);
      if (at >= 0) {
        cursor = at + piece.length;
        covered += piece.replace(/\s/g, "").length;
      }
      else problems.push({ path, piece, problem: plain.includes(piece) ? "out of order" : "not in the document" });
    }
  };
  const anywhere = (wording: string, path: string) => {
    for (const piece of literalPieces(wording)) if (!plain.includes(piece)) problems.push({ path, piece, problem: "not in the document" });
  };
  anywhere(text.title, "text.title");
  text.clauses.forEach((clause, index) => {
    const path = `text.clauses[${index}]`;
    if (clause.heading) inOrder(clause.heading, `${path}.heading`);
    clause.paragraphs.forEach((paragraph, paragraphIndex) => inOrder(paragraph, `${path}.paragraphs[${paragraphIndex}]`));
    clause.signatures?.parties.forEach((party, partyIndex) => {
      const partyPath = `${path}.signatures.parties[${partyIndex}]`;
      if (party.placeAndDate) anywhere(party.placeAndDate, `${partyPath}.placeAndDate`);
      party.lines.forEach((line, lineIndex) => anywhere(line, `${partyPath}.lines[${lineIndex}]`));
    });
  });
  return { problems, coverage: covered / plain.replace(/\s/g, "").length };
}
