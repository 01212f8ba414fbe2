/** A text document (textDocument.ts) as DOCX (docx package), editable in Word or LibreOffice; gaps highlighted. */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";
import type { TextDocument, TextParagraph } from "./textDocument.ts";

function paragraphOf(paragraph: TextParagraph): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: paragraph.runs.map((run) => new TextRun({ text: run.text, bold: run.bold, italics: run.gap, color: run.gap ? "B00020" : undefined, highlight: run.gap ? "yellow" : undefined })),
  });
}

export function createTextDocumentDocx(document: TextDocument): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] })];
  if (document.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: document.subtitle, size: 24 })] }));
  for (const fact of document.facts) children.push(new Paragraph({ children: [new TextRun({ text: fact, size: 20 })] }));
  for (const section of document.sections) {
    if (section.heading) children.push(new Paragraph({ heading: section.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const paragraph of section.paragraphs) children.push(paragraphOf(paragraph));
  }
  if (document.footnote) children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: document.footnote, size: 16, color: "555555" })] }));
  const docx = new Document({
    creator: "Teilhabe",
    title: document.title,
    description: document.subtitle,
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${document.title} · Seite `, PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES], size: 16 })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(docx);
}
