import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { can } from '../../platform/permissions/principal.ts';
import { exportProductRows, type ProductFilter } from './products.list.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '产品编码',
    '产品名称',
    '规格型号',
    '单位',
    '条码',
    '分类',
    '税率%',
    '标准价',
    '最低限价',
    '保修期(月)',
    '追溯',
    '保质期(天)',
    '规格属性',
    '需中文标签',
    '启用',
  ],
  'zh-TW': [
    '產品編碼',
    '產品名稱',
    '規格型號',
    '單位',
    '條碼',
    '分類',
    '稅率%',
    '標準價',
    '最低限價',
    '保修期(月)',
    '追溯',
    '保質期(天)',
    '規格屬性',
    '需中文標籤',
    '啟用',
  ],
  'en-US': [
    'Code',
    'Name',
    'Spec/model',
    'Unit',
    'Barcode',
    'Category',
    'Tax %',
    'Standard price',
    'Floor price',
    'Warranty (months)',
    'Tracking',
    'Shelf life (days)',
    'Attributes',
    'Chinese label',
    'Active',
  ],
};
const COST: Record<Locale, string> = { 'zh-CN': '成本', 'zh-TW': '成本', 'en-US': 'Cost' };
const YES: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'], 'en-US': ['Yes', 'No'] };

/**
 * Streams the filtered product list as an xlsx workbook (exceljs streaming writer). The cost
 * column exists only for users granted product.cost.
 */
export function exportProductsXlsx(ctx: Ctx, filter: ProductFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('products');
  const withCost = can(ctx.principal, 'product.cost');
  const headers = [...HEADERS[ctx.locale], ...(withCost ? [COST[ctx.locale]] : [])];
  ws.columns = headers.map((header, i) => ({ header, width: i === 1 ? 30 : 14 }));
  ws.getRow(1).font = { bold: true };
  const [yes, no] = YES[ctx.locale];
  (async () => {
    for await (const batch of exportProductRows(ctx, filter)) {
      for (const r of batch) {
        const attrs = Object.entries(r.attributes ?? {})
          .map(([k, v]) => `${k}:${v}`)
          .join('; ');
        const row = [
          r.code,
          r.name,
          r.spec,
          r.unit,
          r.barcode,
          r.categoryName,
          r.taxRate,
          r.standardPrice,
          r.floorPrice,
          r.warrantyMonths,
          r.tracking,
          r.shelfLifeDays,
          attrs,
          r.requiresChineseLabel ? yes : no,
          r.active ? yes : no,
        ];
        if (withCost) row.push('cost' in r ? (r.cost as string | null) : null);
        ws.addRow(row).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
