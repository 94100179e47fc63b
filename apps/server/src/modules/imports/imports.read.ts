import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A cell as text: numbers without float noise, rich text and links as their text, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number;
  cells: string[];
}

/**
 * Reads the first worksheet row by row with exceljs' streaming reader (SPEC 1.9: never the whole
 * sheet in memory), yielding batches of non-empty data rows after the header row. The header row
 * is handed to `onHeader` first.
 */
export async function* readSheetBatches(
  file: Buffer,
  batchSize: number,
  onHeader: (headers: string[]) => void,
): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let batch: SheetRow[] = [];
  let headerSeen = false;
  for await (const ws of reader) {
    for await (const r of ws) {
      const values = (r.values as unknown[]) ?? [];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (!headerSeen) {
        headerSeen = true;
        onHeader(cells);
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      batch.push({ row: r.number, cells });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    break; // the first sheet only
  }
  if (!headerSeen) onHeader([]);
  if (batch.length > 0) yield batch;
}
