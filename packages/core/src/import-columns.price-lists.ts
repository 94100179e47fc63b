import type { ImportColumn } from './import-columns.ts';

/**
 * The columns of a price-list import (SPEC 2.8): one row per list item; rows with the same list
 * name make one price list (its header columns must agree on every row).
 */
export const PRICE_LIST_IMPORT_COLUMNS = [
  {
    key: 'listName',
    required: true,
    headers: { 'zh-CN': '价格表名称', 'zh-TW': '價格表名稱', 'en-US': 'Price list' },
    aliases: ['价格表', '价目表', '价目表名称', '促销名称'],
    width: 24,
  },
  {
    key: 'kind',
    headers: { 'zh-CN': '类型', 'zh-TW': '類型', 'en-US': 'Kind' },
    aliases: ['价格表类型'],
  },
  {
    key: 'customerClass',
    headers: { 'zh-CN': '客户分类', 'zh-TW': '客戶分類', 'en-US': 'Customer class' },
    aliases: ['客户等级', '适用客户'],
  },
  {
    key: 'validFrom',
    required: true,
    headers: { 'zh-CN': '生效日期', 'zh-TW': '生效日期', 'en-US': 'Valid from' },
    aliases: ['开始日期', '起始日期'],
  },
  {
    key: 'validTo',
    headers: { 'zh-CN': '失效日期', 'zh-TW': '失效日期', 'en-US': 'Valid to' },
    aliases: ['结束日期', '截止日期'],
  },
  {
    key: 'productCode',
    required: true,
    headers: { 'zh-CN': '产品编码', 'zh-TW': '產品編碼', 'en-US': 'Product code' },
    aliases: ['编码', '货号', '商品编码'],
    width: 16,
  },
  {
    key: 'price',
    required: true,
    headers: { 'zh-CN': '价格', 'zh-TW': '價格', 'en-US': 'Price' },
    aliases: ['单价', '售价', '促销价'],
  },
] as const satisfies readonly ImportColumn[];

export type PriceListImportField = (typeof PRICE_LIST_IMPORT_COLUMNS)[number]['key'];
