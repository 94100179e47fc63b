import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetBatches } from './imports.read.ts';
import { sheetBuffer } from './imports.test-seed.ts';

async function readAll(buf: Buffer, batch = 1000) {
  let headers: string[] = [];
  const rows: { row: number; cells: string[] }[] = [];
  for await (const b of readSheetBatches(buf, batch, (h) => {
    headers = h;
  }))
    rows.push(...b);
  return { headers, rows };
}

describe('the xlsx reader', () => {
  it('reads every Chinese cell back exactly, also where a character straddles two inflated chunks', async () => {
    // exceljs' own streaming reader turned 5 of 100,000 "B 类" cells into "B ���" (B7): 30,000 rows
    // of multi-byte text cross many chunk boundaries at every possible byte offset.
    const n = 30_000;
    const rows = Array.from({ length: n }, (_, i) => [`恒达商贸${i}号有限公司`, 'B 类', i, `联系人·${i}`]);
    const { headers, rows: got } = await readAll(await sheetBuffer(['客户名称', '客户分类', '序号', '联系人'], rows));
    expect(headers).toEqual(['客户名称', '客户分类', '序号', '联系人']);
    expect(got).toHaveLength(n);
    const bad = got.filter((r, i) => r.cells.join('|') !== `恒达商贸${i}号有限公司|B 类|${i}|联系人·${i}`);
    expect(bad).toEqual([]);
    expect(got[0].row).toBe(2);
  });

  it('reads shared strings, rich text, numbers, blank cells and skips empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['名称', '手机', '备注', '金额']);
    ws.addRow(['甲公司', 13800138000, { richText: [{ text: '重点' }, { text: '客户' }] }, 0.1 + 0.2]);
    ws.addRow([]);
    ws.getCell('A4').value = '乙公司';
    ws.getCell('D4').value = 12.5;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { headers, rows } = await readAll(buf);
    expect(headers).toEqual(['名称', '手机', '备注', '金额']);
    expect(rows).toEqual([
      { row: 2, cells: ['甲公司', '13800138000', '重点客户', '0.3'] },
      { row: 4, cells: ['乙公司', '', '', '12.5'] },
    ]);
  });

  it('refuses a file that is not an xlsx', async () => {
    await expect(readAll(Buffer.from('PK not really a zip'))).rejects.toThrow();
  });
});
