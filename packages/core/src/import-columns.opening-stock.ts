import type { ImportColumn } from './import-columns.ts';

/**
 * The columns of an opening-stock import (期初库存, SPEC 3.5): one row per product, warehouse and
 * batch (serial-tracked products: one row per serial number, quantity 1).
 */
export const OPENING_STOCK_IMPORT_COLUMNS = [
  {
    key: 'productCode',
    required: true,
    headers: { 'zh-CN': '产品编码', 'zh-TW': '產品編碼', 'en-US': 'Product code' },
    aliases: ['编码', '货号', '商品编码', '物料编码'],
    width: 16,
  },
  {
    key: 'warehouse',
    required: true,
    headers: { 'zh-CN': '仓库', 'zh-TW': '倉庫', 'en-US': 'Warehouse' },
    aliases: ['仓库编码', '仓库名称', '库房'],
  },
  {
    key: 'batchNo',
    headers: { 'zh-CN': '批次号', 'zh-TW': '批次號', 'en-US': 'Batch no.' },
    aliases: ['批号', '批次'],
  },
  {
    key: 'serialNo',
    headers: { 'zh-CN': '序列号', 'zh-TW': '序號', 'en-US': 'Serial no.' },
    aliases: ['SN', '序列号码'],
  },
  {
    key: 'mfgDate',
    headers: { 'zh-CN': '生产日期', 'zh-TW': '生產日期', 'en-US': 'Mfg date' },
  },
  {
    key: 'expiryDate',
    headers: { 'zh-CN': '有效期至', 'zh-TW': '有效期至', 'en-US': 'Expiry date' },
    aliases: ['失效日期', '有效期'],
  },
  {
    key: 'qty',
    required: true,
    headers: { 'zh-CN': '期初数量', 'zh-TW': '期初數量', 'en-US': 'Opening qty' },
    aliases: ['数量', '库存数量', '期初库存'],
  },
] as const satisfies readonly ImportColumn[];

export type OpeningStockImportField = (typeof OPENING_STOCK_IMPORT_COLUMNS)[number]['key'];
