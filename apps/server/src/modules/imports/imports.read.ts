import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Open } from 'unzipper';

/*
 * A streaming reader of the first worksheet of an xlsx (SPEC 1.9: never the whole sheet in memory).
 * Not exceljs' WorkbookReader: it decodes each inflated chunk to text on its own, so a Chinese
 * character split across two chunks comes out as garbage (measured: 5 of 100,000 rows of "B 类"
 * read back as "B ���") — here the entry streams are decoded with setEncoding('utf8'), which keeps
 * multi-byte characters whole across chunks. Shared strings are held (as every xlsx reader must);
 * rows are parsed as the sheet inflates and handed out in batches.
 */

/** A number cell as text, without float noise (0.1 + 0.2 → 0.3; 13800138000 stays whole). */
function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v.trim();
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** 'AB12' → 27 (0-based column 27). */
function columnIndex(ref: string | undefined, fallback: number): number {
  const m = ref ? /^([A-Z]+)/.exec(ref) : null;
  if (!m) return fallback;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parser(onOpen: (t: SaxesTagPlain) => void, onText: (s: string) => void, onClose: (t: SaxesTagPlain) => void) {
  const p = new SaxesParser();
  p.on('opentag', onOpen);
  p.on('text', onText);
  p.on('closetag', onClose);
  return p;
}

async function sharedStrings(entry: { stream(): NodeJS.ReadableStream } | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  const p = parser(
    (t) => {
      if (t.name === 'si') cur = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && !phonetic) inT = true;
    },
    (s) => {
      if (inT && cur !== null) cur += s;
    },
    (t) => {
      if (t.name === 't') inT = false;
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si') {
        out.push(cur ?? '');
        cur = null;
      }
    },
  );
  const stream = entry.stream();
  stream.setEncoding('utf8');
  for await (const chunk of stream) p.write(chunk as string);
  p.close();
  return out;
}

/** The path of the workbook's first sheet (workbook.xml order, through its relationships). */
async function firstSheetPath(files: Map<string, { buffer(): Promise<Buffer> }>): Promise<string | null> {
  const wb = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return files.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : null;
  const sheet = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec((await wb.buffer()).toString('utf8'));
  if (!sheet) return null;
  const relsXml = (await rels.buffer()).toString('utf8');
  const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]}"[^>]*>`).exec(relsXml);
  const target = rel && /\bTarget="([^"]+)"/.exec(rel[0]);
  if (!target) return null;
  const t = target[1];
  return t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
}

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number;
  cells: string[];
}

/**
 * Reads the first worksheet row by row, yielding batches of non-empty data rows after the header
 * row (handed to `onHeader` first). Throws on a file that is not an xlsx.
 */
export async function* readSheetBatches(
  file: Buffer,
  batchSize: number,
  onHeader: (headers: string[]) => void,
): AsyncGenerator<SheetRow[]> {
  const dir = await Open.buffer(file);
  const files = new Map(dir.files.map((f) => [f.path, f]));
  const path = await firstSheetPath(files);
  const sheet = path ? files.get(path) : undefined;
  if (!sheet) throw new Error('no worksheet');
  const strings = await sharedStrings(files.get('xl/sharedStrings.xml'));

  const ready: SheetRow[] = [];
  let headerSeen = false;
  let rowNo = 0;
  let cells: string[] = [];
  let col = 0;
  let type = '';
  let value = '';
  let inValue = false;
  const p = parser(
    (t) => {
      if (t.name === 'row') {
        rowNo = Number(t.attributes.r) || rowNo + 1;
        cells = [];
        col = 0;
      } else if (t.name === 'c') {
        col = columnIndex(t.attributes.r as string | undefined, col);
        type = (t.attributes.t as string) ?? '';
        value = '';
      } else if (t.name === 'v' || (t.name === 't' && type === 'inlineStr')) inValue = true;
    },
    (s) => {
      if (inValue) value += s;
    },
    (t) => {
      if (t.name === 'v' || t.name === 't') inValue = false;
      else if (t.name === 'c') {
        let text: string;
        if (type === 's') text = strings[Number(value)] ?? '';
        else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
        else if (type === 'inlineStr' || type === 'str' || type === 'e') text = value;
        else text = value === '' ? '' : numberText(value);
        while (cells.length < col) cells.push('');
        cells[col] = text.trim();
        col++;
      } else if (t.name === 'row') {
        if (!headerSeen) {
          headerSeen = true;
          onHeader(cells);
        } else if (cells.some((c) => c !== '')) ready.push({ row: rowNo, cells });
      }
    },
  );
  const stream = sheet.stream();
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    p.write(chunk as string);
    while (ready.length >= batchSize) yield ready.splice(0, batchSize);
  }
  p.close();
  if (!headerSeen) onHeader([]);
  if (ready.length > 0) yield ready.splice(0);
}
