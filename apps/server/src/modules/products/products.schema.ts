import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';

/** A delivery-inspection checklist item of a product category (SPEC 3.5, e.g. 交车检验表). */
export interface InspectionItemDef {
  key: string;
  label: string;
}

export const productCategories = pgTable('product_categories', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  inspectionChecklist: jsonb('inspection_checklist').$type<InspectionItemDef[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Products (SPEC 2.8). Prices exclude VAT (不含税单价); `cost` is a restricted business secret
 * (seed 001 保密范围) returned only to roles granted product.cost.
 */
export const products = pgTable(
  'products',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    // 规格型号
    spec: text('spec'),
    unit: text('unit').notNull(),
    barcode: text('barcode'),
    categoryId: integer('category_id').references(() => productCategories.id),
    // Percent, e.g. 13.00 / 9.00 / 6.00 / 0.00.
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
    standardPrice: numeric('standard_price', { precision: 18, scale: 2 }).notNull(),
    floorPrice: numeric('floor_price', { precision: 18, scale: 2 }).notNull(),
    cost: numeric('cost', { precision: 18, scale: 2 }),
    warrantyMonths: integer('warranty_months').notNull().default(0),
    // none | batch | serial (traceability, SPEC 3.5)
    tracking: text('tracking').notNull().default('none'),
    shelfLifeDays: integer('shelf_life_days'),
    // Variant attributes where the trade needs them (款式, 颜色, 尺码, 品牌).
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    // Regulated labelling (e.g. medical devices need Chinese labelling before sale).
    requiresChineseLabel: boolean('requires_chinese_label').notNull().default(false),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_tracking_ck', sql`${t.tracking} in ('none','batch','serial')`),
    check('products_tax_ck', sql`${t.taxRate} >= 0 and ${t.taxRate} < 100`),
    check('products_price_ck', sql`${t.floorPrice} >= 0 and ${t.floorPrice} <= ${t.standardPrice}`),
    index('products_category_idx').on(t.categoryId, t.code),
    index('products_barcode_idx').on(t.barcode),
    index('products_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Price lists and promotions with validity (SPEC 2.8); customerClass set = a class price list. */
export const priceLists = pgTable(
  'price_lists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    // list | promotion
    kind: text('kind').notNull().default('list'),
    customerClass: text('customer_class'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('price_lists_kind_ck', sql`${t.kind} in ('list','promotion')`),
    check('price_lists_class_ck', sql`${t.customerClass} is null or ${t.customerClass} in ('A','B','C','KEY')`),
    check('price_lists_validity_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const priceListItems = pgTable(
  'price_list_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    price: numeric('price', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('price_list_items_uq').on(t.priceListId, t.productId),
    index('price_list_items_product_idx').on(t.productId),
    check('price_list_items_price_ck', sql`${t.price} >= 0`),
  ],
);

/**
 * A requested change of a product's standard / floor price. A cut goes through approval (branch
 * GM + GM; beyond prices.majorCutPercent also the board) and applies only when approved.
 */
export const priceAdjustments = pgTable(
  'price_adjustments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    oldStandardPrice: numeric('old_standard_price', { precision: 18, scale: 2 }).notNull(),
    newStandardPrice: numeric('new_standard_price', { precision: 18, scale: 2 }).notNull(),
    oldFloorPrice: numeric('old_floor_price', { precision: 18, scale: 2 }).notNull(),
    newFloorPrice: numeric('new_floor_price', { precision: 18, scale: 2 }).notNull(),
    // Largest cut of the two prices, percent (positive = cheaper).
    cutPercent: numeric('cut_percent', { precision: 7, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }),
    // pending | approved | rejected | returned | withdrawn
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedDeptId: integer('requested_dept_id').references(() => departments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('price_adjustments_product_idx').on(t.productId, t.id.desc()),
    index('price_adjustments_status_idx').on(t.status, t.id.desc()),
  ],
);
