import PDFDocument from 'pdfkit';
import {
  drawAmountInWords,
  drawHeaderFields,
  drawNotes,
  drawSignatures,
  drawTable,
  drawTotals,
  FONT_BOLD,
  FONT_REGULAR,
  type PageCursor,
} from './pdf-blocks.ts';
import { printFont } from './pdf-fonts.ts';
import type { PrintDoc } from './pdf-types.ts';

const MARGIN = { top: 32, bottom: 44, left: 40, right: 40 };

/** The pages of one copy inside the buffered document. */
interface PageSet {
  start: number;
  count: number;
}

/** Renders a print document to a PDF: one page set per copy, Chinese text in an embedded Noto Sans SC subset. */
export async function renderPdf(input: PrintDoc): Promise<Buffer> {
  const doc = new PDFDocument({
    size: input.size ?? 'A4',
    layout: input.layout ?? 'portrait',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${input.title} ${input.documentNo}`, Author: input.companyName, Creator: 'sales-service' },
  });
  doc.registerFont(FONT_REGULAR, printFont('regular'));
  doc.registerFont(FONT_BOLD, printFont('bold'));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const copies: (string | undefined)[] = input.copies?.length ? input.copies : [undefined];
  const sets: PageSet[] = [];
  for (const copy of copies) {
    const start = doc.bufferedPageRange().count;
    renderCopy(doc, input, copy);
    sets.push({ start, count: doc.bufferedPageRange().count - start });
  }
  drawPageNumbers(doc, sets);
  doc.end();
  return done;
}

/** Renders all pages of one copy, starting on a new page. */
function renderCopy(doc: PDFKit.PDFDocument, input: PrintDoc, copy: string | undefined): void {
  const cursor: PageCursor = {
    doc,
    left: MARGIN.left,
    width: 0,
    bottom: 0,
    y: 0,
    newPage() {
      doc.addPage();
      cursor.width = doc.page.width - MARGIN.left - MARGIN.right;
      cursor.bottom = doc.page.height - MARGIN.bottom;
      cursor.y = drawPageHeader(doc, input, copy);
    },
  };
  cursor.newPage();
  if (input.headerFields?.length) drawHeaderFields(cursor, input.headerFields);
  if (input.table) drawTable(cursor, input.table);
  if (input.totals?.length) drawTotals(cursor, input.totals);
  if (input.amountInWords)
    drawAmountInWords(cursor, input.amountInWordsLabel ?? '合计金额（大写）', input.amountInWords);
  if (input.notes?.length) drawNotes(cursor, input.notes);
  if (input.footerFields?.length) drawSignatures(cursor, input.footerFields);
}

/** Draws company, title, copy name and number at the top of the current page and returns the y below them. */
function drawPageHeader(doc: PDFKit.PDFDocument, input: PrintDoc, copy: string | undefined): number {
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  let y = MARGIN.top;
  doc.fillColor('black');
  doc.font(FONT_BOLD).fontSize(12).text(input.companyName, left, y, { width, align: 'center', lineBreak: false });
  y += 18;
  doc.font(FONT_BOLD).fontSize(18).text(input.title, left, y, { width, align: 'center', lineBreak: false });
  if (copy) {
    doc.font(FONT_BOLD).fontSize(10);
    const w = doc.widthOfString(copy) + 12;
    doc
      .lineWidth(0.8)
      .strokeColor('black')
      .rect(left + width - w, y + 2, w, 18)
      .stroke();
    doc.text(copy, left + width - w, y + 5, { width: w, align: 'center', lineBreak: false });
  }
  y += 28;
  const no = `${input.documentNoLabel ?? '单号'}：${input.documentNo}`;
  doc.font(FONT_REGULAR).fontSize(9).text(no, left, y, { width, align: 'right', lineBreak: false });
  y += 14;
  doc
    .lineWidth(1)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  return y + 6;
}

/** Writes '第 x 页 / 共 y 页' in the bottom margin of every page, counted within each copy. */
function drawPageNumbers(doc: PDFKit.PDFDocument, sets: PageSet[]): void {
  for (const set of sets) {
    for (let i = 0; i < set.count; i++) {
      doc.switchToPage(set.start + i);
      const page = doc.page;
      const bottom = page.margins.bottom;
      // Writing inside the margin would otherwise make pdfkit add a page.
      page.margins.bottom = 0;
      doc
        .font(FONT_REGULAR)
        .fontSize(8)
        .fillColor('black')
        .text(`第 ${i + 1} 页 / 共 ${set.count} 页`, MARGIN.left, page.height - MARGIN.bottom + 14, {
          width: page.width - MARGIN.left - MARGIN.right,
          align: 'center',
          lineBreak: false,
        });
      page.margins.bottom = bottom;
    }
  }
}
