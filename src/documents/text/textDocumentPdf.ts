/** A text document (textDocument.ts) as PDF: A4, Helvetica, headed sections, gaps highlighted, "Seite n von m". */
import PDFDocument from "pdfkit";
import type { TextDocument, TextParagraph } from "./textDocument.ts";

type Pdf = InstanceType<typeof PDFDocument>;

const LEFT = 64;
const WIDTH = 595.28 - 2 * LEFT;
const GAP_COLOUR = "#b00020";

function drawParagraph(pdf: Pdf, paragraph: TextParagraph): void {
  const runs = paragraph.runs.filter((run) => run.text.length > 0);
  if (runs.length === 0) {
    pdf.moveDown(0.5);
    return;
  }
  runs.forEach((run, index) => {
    const last = index === runs.length - 1;
    pdf
      .font(run.bold ? "Helvetica-Bold" : run.gap ? "Helvetica-Oblique" : "Helvetica")
      .fillColor(run.gap ? GAP_COLOUR : "black")
      .text(run.text, index === 0 ? LEFT : undefined, undefined, { width: WIDTH, continued: !last, align: "left" });
  });
  pdf.fillColor("black").moveDown(0.35);
}

export function createTextDocumentPdf(document: TextDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: LEFT, right: LEFT },
    bufferPages: true,
    info: { Title: document.title, Subject: document.subtitle ?? "", CreationDate: new Date(`${document.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font("Helvetica-Bold").fontSize(15).text(document.title, LEFT, undefined, { width: WIDTH });
  if (document.subtitle) pdf.font("Helvetica").fontSize(11).text(document.subtitle, { width: WIDTH });
  pdf.moveDown(0.5).fontSize(9.5).font("Helvetica");
  for (const fact of document.facts) pdf.text(fact, { width: WIDTH });
  for (const section of document.sections) {
    pdf.moveDown(0.6);
    if (pdf.y > 740) pdf.addPage();
    // A section without a heading (the head of an agreement) continues the text.
    if (section.heading) pdf.font("Helvetica-Bold").fontSize(section.level === 1 ? 11.5 : 10.5).fillColor("black").text(section.heading, LEFT, undefined, { width: WIDTH });
    pdf.moveDown(0.2).fontSize(9.5);
    for (const paragraph of section.paragraphs) drawParagraph(pdf, paragraph);
  }
  if (document.footnote) {
    pdf.moveDown(1).font("Helvetica").fontSize(7.5).fillColor("#555555").text(document.footnote, LEFT, undefined, { width: WIDTH });
  }
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    pdf.switchToPage(page);
    pdf
      .font("Helvetica")
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`${document.title} · Seite ${page + 1} von ${range.count}`, LEFT, 800, { width: WIDTH, align: "center", lineBreak: false });
  }
  pdf.end();
  return finished;
}
