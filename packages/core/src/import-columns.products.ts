import type { ImportColumn } from './import-columns.ts';

/**
 * The columns of a product import (SPEC 2.8 fields), in template order. The headers are the product
 * export's (products.export.ts), so an exported list imports back as it is.
 */
export const PRODUCT_IMPORT_COLUMNS = [
  {
    key: 'code',
    required: true,
    headers: { 'zh-CN': '产品编码', 'zh-TW': '產品編碼', 'en-US': 'Code' },
    aliases: ['编码', '产品代码', '物料编码', '货号', '商品编码'],
    width: 16,
  },
  {
    key: 'name',
    required: true,
    headers: { 'zh-CN': '产品名称', 'zh-TW': '產品名稱', 'en-US': 'Name' },
    aliases: ['名称', '品名', '商品名称', '物料名称'],
    width: 30,
  },
  {
    key: 'spec',
    headers: { 'zh-CN': '规格型号', 'zh-TW': '規格型號', 'en-US': 'Spec/model' },
    aliases: ['规格', '型号'],
  },
  {
    key: 'unit',
    required: true,
    headers: { 'zh-CN': '单位', 'zh-TW': '單位', 'en-US': 'Unit' },
    aliases: ['计量单位'],
  },
  {
    key: 'barcode',
    headers: { 'zh-CN': '条码', 'zh-TW': '條碼', 'en-US': 'Barcode' },
    aliases: ['条形码'],
  },
  {
    key: 'category',
    headers: { 'zh-CN': '分类', 'zh-TW': '分類', 'en-US': 'Category' },
    aliases: ['产品分类', '类别', '分类编码'],
  },
  {
    key: 'taxRate',
    required: true,
    headers: { 'zh-CN': '税率%', 'zh-TW': '稅率%', 'en-US': 'Tax %' },
    aliases: ['税率', '增值税率'],
  },
  {
    key: 'standardPrice',
    required: true,
    headers: { 'zh-CN': '标准价', 'zh-TW': '標準價', 'en-US': 'Standard price' },
    aliases: ['单价', '标准单价', '销售价'],
  },
  {
    key: 'floorPrice',
    headers: { 'zh-CN': '最低限价', 'zh-TW': '最低限價', 'en-US': 'Floor price' },
    aliases: ['最低价', '限价'],
  },
  {
    key: 'cost',
    headers: { 'zh-CN': '成本', 'zh-TW': '成本', 'en-US': 'Cost' },
    aliases: ['成本价'],
  },
  {
    key: 'warrantyMonths',
    headers: { 'zh-CN': '保修期(月)', 'zh-TW': '保修期(月)', 'en-US': 'Warranty (months)' },
    aliases: ['保修期', '保修月数'],
  },
  {
    key: 'tracking',
    headers: { 'zh-CN': '追溯', 'zh-TW': '追溯', 'en-US': 'Tracking' },
    aliases: ['追溯方式', '批次管理'],
  },
  {
    key: 'shelfLifeDays',
    headers: { 'zh-CN': '保质期(天)', 'zh-TW': '保質期(天)', 'en-US': 'Shelf life (days)' },
    aliases: ['保质期'],
  },
  {
    key: 'attributes',
    headers: { 'zh-CN': '规格属性', 'zh-TW': '規格屬性', 'en-US': 'Attributes' },
    aliases: ['属性'],
    width: 24,
  },
  {
    key: 'requiresChineseLabel',
    headers: { 'zh-CN': '需中文标签', 'zh-TW': '需中文標籤', 'en-US': 'Chinese label' },
  },
  {
    key: 'active',
    headers: { 'zh-CN': '启用', 'zh-TW': '啟用', 'en-US': 'Active' },
    aliases: ['是否启用', '状态'],
  },
] as const satisfies readonly ImportColumn[];

export type ProductImportField = (typeof PRODUCT_IMPORT_COLUMNS)[number]['key'];
