import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { type CustomerExportFilter, customerExportWhere, exportCustomerRows } from './customers.list.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '客户编号',
    '客户名称',
    '类型',
    '手机',
    '等级',
    '地区',
    '行业',
    '来源',
    '标签',
    '性别',
    '出生日期',
    '职业',
    '兴趣爱好',
    '购买意向',
    '负责人',
    '部门',
    '最近跟进',
    '创建时间',
  ],
  'zh-TW': [
    '客戶編號',
    '客戶名稱',
    '類型',
    '手機',
    '等級',
    '地區',
    '行業',
    '來源',
    '標籤',
    '性別',
    '出生日期',
    '職業',
    '興趣愛好',
    '購買意向',
    '負責人',
    '部門',
    '最近跟進',
    '建立時間',
  ],
  'en-US': [
    'No.',
    'Name',
    'Kind',
    'Mobile',
    'Class',
    'Region',
    'Industry',
    'Source',
    'Tags',
    'Gender',
    'Birth date',
    'Occupation',
    'Interests',
    'Purchase intent',
    'Owner',
    'Department',
    'Last follow-up',
    'Created',
  ],
};

/**
 * Streams the filtered customer list, or the selected customers (export scope, masked as on
 * screen), as an xlsx workbook, using exceljs' streaming writer so large exports keep memory flat.
 * A selected customer out of scope fails the export (404) before anything is sent.
 */
export async function exportCustomersXlsx(ctx: Ctx, filter: CustomerExportFilter): Promise<PassThrough> {
  const where = await customerExportWhere(ctx, filter);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('customers');
  ws.columns = HEADERS[ctx.locale].map((header, i) => ({ header, width: i === 1 ? 36 : 16 }));
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of exportCustomerRows(ctx, where)) {
      for (const r of batch) {
        ws.addRow([
          r.no,
          r.name,
          r.kind,
          r.mobile,
          r.class,
          r.region,
          r.industry,
          r.source,
          r.tags.join(','),
          r.gender,
          r.birthDate,
          r.occupation,
          r.interests.join(','),
          r.purchaseIntent,
          r.ownerName,
          r.deptName,
          r.lastFollowUpAt,
          r.createdAt,
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
