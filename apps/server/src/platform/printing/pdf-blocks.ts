import type { PrintAlign, PrintField, PrintTable } from './pdf-types.ts';

/** Registered font names inside each PDF document. */
export const FONT_REGULAR = 'cjk-regular';
export const FONT_BOLD = 'cjk-bold';

const BODY_SIZE = 9;
const PAD = 3;
const LINE = 0.5;
const HEADER_FILL = '#eeeeee';

/** Where the next block goes on the current page, and how to start a new page. */
export interface PageCursor {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  /** Lowest y that content may reach on a page. */
  bottom: number;
  y: number;
  /** Adds a page, draws its page header and moves `y` below it. */
  newPage(): void;
}

/** Starts a new page when a block of height `h` does not fit under the cursor. */
function ensureSpace(c: PageCursor, h: number): void {
  if (c.y + h > c.bottom) c.newPage();
}

/** Measures the height `text` needs at `width` in the given font and size. */
function measure(c: PageCursor, text: string, width: number, font: string, size: number): number {
  if (text === '') return c.doc.font(font).fontSize(size).currentLineHeight();
  return c.doc.font(font).fontSize(size).heightOfString(text, { width });
}

/** Draws `text` at a position in the given font; `height` clips it. */
function write(
  c: PageCursor,
  text: string,
  x: number,
  y: number,
  opts: { width: number; font: string; size: number; align?: PrintAlign; height?: number },
): void {
  if (text === '') return;
  c.doc
    .font(opts.font)
    .fontSize(opts.size)
    .fillColor('black')
    .text(text, x, y, { width: opts.width, align: opts.align ?? 'left', height: opts.height });
}

/** Draws the header fields in two columns; a `wide` field takes a whole row. */
export function drawHeaderFields(c: PageCursor, fields: PrintField[]): void {
  const half = c.width / 2;
  const rows: PrintField[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (!f.wide && last && last.length === 1 && !last[0].wide) last.push(f);
    else rows.push([f]);
  }
  for (const row of rows) {
    const colWidth = row.length === 1 && row[0].wide ? c.width : half;
    const texts = row.map((f) => `${f.label}：${f.value}`);
    const h = Math.max(...texts.map((t) => measure(c, t, colWidth - PAD, FONT_REGULAR, BODY_SIZE))) + 2;
    ensureSpace(c, h);
    texts.forEach((t, i) => {
      write(c, t, c.left + i * half, c.y, { width: colWidth - PAD, font: FONT_REGULAR, size: BODY_SIZE });
    });
    c.y += h;
  }
  c.y += 4;
}

/** Draws one bordered table row and returns its height. */
function drawRow(c: PageCursor, cells: string[], widths: number[], aligns: PrintAlign[], header: boolean): number {
  const font = header ? FONT_BOLD : FONT_REGULAR;
  const maxH = c.bottom - c.y;
  const contentH = Math.max(...cells.map((t, i) => measure(c, t, widths[i] - 2 * PAD, font, BODY_SIZE)));
  const h = Math.min(contentH + 2 * PAD, maxH);
  const { doc } = c;
  let x = c.left;
  if (header) doc.rect(c.left, c.y, c.width, h).fill(HEADER_FILL);
  cells.forEach((t, i) => {
    doc.lineWidth(LINE).strokeColor('black').rect(x, c.y, widths[i], h).stroke();
    write(c, t, x + PAD, c.y + PAD, {
      width: widths[i] - 2 * PAD,
      font,
      size: BODY_SIZE,
      align: header ? 'center' : aligns[i],
      height: h - PAD,
    });
    x += widths[i];
  });
  return h;
}

/** Draws the table; a row that does not fit moves to a new page under a repeated header row. */
export function drawTable(c: PageCursor, table: PrintTable): void {
  const total = table.columns.reduce((s, col) => s + col.width, 0);
  const widths = table.columns.map((col) => (col.width / total) * c.width);
  const aligns = table.columns.map((col) => col.align ?? 'left');
  const headers = table.columns.map((col) => col.header);
  const rowHeight = (cells: string[], font: string) =>
    Math.max(...cells.map((t, i) => measure(c, t, widths[i] - 2 * PAD, font, BODY_SIZE))) + 2 * PAD;
  const headerH = rowHeight(headers, FONT_BOLD);
  const first = table.rows[0] ? rowHeight(normalize(table.rows[0], widths.length), FONT_REGULAR) : 0;
  // Keep the header together with at least one row.
  ensureSpace(c, headerH + first);
  c.y += drawRow(c, headers, widths, aligns, true);
  for (const raw of table.rows) {
    const cells = normalize(raw, widths.length);
    if (c.y + rowHeight(cells, FONT_REGULAR) > c.bottom) {
      c.newPage();
      c.y += drawRow(c, headers, widths, aligns, true);
    }
    c.y += drawRow(c, cells, widths, aligns, false);
  }
  c.y += 4;
}

/** Pads or cuts a row to the number of columns. */
function normalize(row: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => row[i] ?? '');
}

/** Draws the totals rows right-aligned as 'label：value'. */
export function drawTotals(c: PageCursor, totals: PrintField[]): void {
  for (const t of totals) {
    const text = `${t.label}：${t.value}`;
    const h = measure(c, text, c.width, FONT_BOLD, BODY_SIZE) + 2;
    ensureSpace(c, h);
    write(c, text, c.left, c.y, { width: c.width, font: FONT_BOLD, size: BODY_SIZE, align: 'right' });
    c.y += h;
  }
  c.y += 2;
}

/** Draws the amount-in-capitals line in a full-width box, as one text run so it stays searchable. */
export function drawAmountInWords(c: PageCursor, label: string, words: string): void {
  const text = `${label}：${words}`;
  const h = measure(c, text, c.width - 2 * PAD, FONT_BOLD, BODY_SIZE + 1) + 2 * PAD;
  ensureSpace(c, h);
  c.doc.lineWidth(LINE).strokeColor('black').rect(c.left, c.y, c.width, h).stroke();
  write(c, text, c.left + PAD, c.y + PAD, { width: c.width - 2 * PAD, font: FONT_BOLD, size: BODY_SIZE + 1 });
  c.y += h + 6;
}

/** Draws the notes under '备注：', one paragraph per entry. */
export function drawNotes(c: PageCursor, notes: string[]): void {
  notes.forEach((note, i) => {
    const text = i === 0 ? `备注：${note}` : note;
    const h = measure(c, text, c.width, FONT_REGULAR, BODY_SIZE) + 2;
    ensureSpace(c, h);
    write(c, text, c.left, c.y, { width: c.width, font: FONT_REGULAR, size: BODY_SIZE, height: c.bottom - c.y });
    c.y += h;
  });
  c.y += 4;
}

const SIGN_BOX_HEIGHT = 40;

/** Draws the signature boxes side by side at the bottom of the current page, or of a new one. */
export function drawSignatures(c: PageCursor, fields: PrintField[]): void {
  if (c.y + SIGN_BOX_HEIGHT + 6 > c.bottom) c.newPage();
  const y = c.bottom - SIGN_BOX_HEIGHT;
  const w = c.width / fields.length;
  fields.forEach((f, i) => {
    const x = c.left + i * w;
    c.doc.lineWidth(LINE).strokeColor('black').rect(x, y, w, SIGN_BOX_HEIGHT).stroke();
    write(c, `${f.label}：`, x + PAD, y + PAD, { width: w - 2 * PAD, font: FONT_REGULAR, size: BODY_SIZE });
    write(c, f.value, x + PAD, y + SIGN_BOX_HEIGHT / 2, {
      width: w - 2 * PAD,
      font: FONT_REGULAR,
      size: BODY_SIZE,
      height: SIGN_BOX_HEIGHT / 2 - PAD,
    });
  });
  c.y = c.bottom;
}
