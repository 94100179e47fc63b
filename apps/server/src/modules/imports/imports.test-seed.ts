import { PassThrough } from 'node:stream';
import { creditCodeCheckChar } from '@sales/core';
import ExcelJS from 'exceljs';

/** The template's zh-CN headers the sample sheets use. */
export const SAMPLE_HEADERS = [
  '客户名称',
  '统一社会信用代码',
  '手机',
  '地区',
  '客户分类',
  '负责人',
  '联系人',
  '联系人手机',
];

/** A valid credit code unique to `i` (GB 32100 check character computed). */
export function sampleCreditCode(i: number, prefix = '91350100MA'): string {
  const first = `${prefix}${String(i).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first);
}

/** A valid, unique customer row `i` of the sample sheet (company with a contact). */
export function sampleCustomerRow(i: number, owner = ''): string[] {
  return [
    `导入样例客户${i}号有限公司`,
    sampleCreditCode(i),
    `139${String(i).padStart(8, '0')}`,
    '福建省',
    'B 类',
    owner,
    `联系人${i}`,
    `137${String(i).padStart(8, '0')}`,
  ];
}

/** An xlsx (Buffer) of a header row and rows, written with the streaming writer. */
export async function sheetBuffer(headers: string[], rows: Iterable<(string | number)[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(headers).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** `n` sample rows starting at `from`, with `patch(i, row)` to spoil some of them. */
export function* sampleRows(n: number, from = 1, patch?: (i: number, row: string[]) => string[]) {
  for (let i = from; i < from + n; i++) {
    const row = sampleCustomerRow(i);
    yield patch ? patch(i, row) : row;
  }
}
