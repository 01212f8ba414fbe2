/**
 * A document of headed sections of text for people (the agreement text, report drafts): one model that the
 * PDF (pdfkit) and the DOCX (docx) renderer both write. A run of a paragraph may be marked as a gap: an
 * unfilled input or a field still to be written, shown as a visible "[offen: …]" in both outputs.
 */
import { z } from "zod";

export const textRunSchema = z
  .object({
    text: z.string().max(20_000),
    /** A visible gap: printed highlighted, never replaced by an invented value. */
    gap: z.boolean().optional(),
    bold: z.boolean().optional(),
  })
  .strict();

export const textParagraphSchema = z.object({ runs: z.array(textRunSchema).max(200) }).strict();

export const textSectionSchema = z
  .object({
    heading: z.string().max(500),
    /** 1: section, 2: subsection. */
    level: z.union([z.literal(1), z.literal(2)]).default(1),
    paragraphs: z.array(textParagraphSchema).max(2_000),
  })
  .strict();

export const textDocumentSchema = z
  .object({
    title: z.string().min(1).max(500),
    subtitle: z.string().max(2_000).optional(),
    /** Lines printed under the title, e.g. parties or the case. */
    facts: z.array(z.string().max(1_000)).max(50).default([]),
    sections: z.array(textSectionSchema).max(500),
    /** Small print at the end, e.g. what the text is made of. */
    footnote: z.string().max(5_000).optional(),
    /** ISO date used as the document's creation date (reproducible output). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();

export type TextRun = z.infer<typeof textRunSchema>;
export type TextParagraph = z.infer<typeof textParagraphSchema>;
export type TextSection = z.infer<typeof textSectionSchema>;
export type TextDocument = z.infer<typeof textDocumentSchema>;

export function plainParagraph(text: string): TextParagraph {
  return { runs: [{ text }] };
}

export function gapRun(text: string): TextRun {
  return { text: `[offen: ${text}]`, gap: true };
}

/** The document as plain text (for tests and previews), gaps included as printed. */
export function textOfTextDocument(document: TextDocument): string {
  const lines = [document.title, document.subtitle ?? "", ...document.facts];
  for (const section of document.sections) {
    lines.push("");
    if (section.heading) lines.push(section.heading);
    for (const paragraph of section.paragraphs) lines.push(paragraph.runs.map((run) => run.text).join(""));
  }
  if (document.footnote) lines.push("", document.footnote);
  return lines.join("\n");
}
