import { headerKey, PRODUCT_IMPORT_COLUMNS, type ProductImportField, ProductInput, TAX_RATES } from '@sales/core';
import Decimal from 'decimal.js';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { can } from '../../platform/permissions/principal.ts';
import { createProduct, listCategories } from '../products/index.ts';
import { products } from '../products/products.schema.ts';
import type { ImportKind } from './imports.kinds.ts';
import type { ImportProblem } from './imports.schema.ts';
import { cellBool, cellInt, sheetAccess, zodProblems } from './imports.sheet.ts';

/** 追溯 typed as a code or a word (the export writes the code). */
const TRACKING: Record<string, 'none' | 'batch' | 'serial'> = {
  none: 'none',
  batch: 'batch',
  serial: 'serial',
  无: 'none',
  不追溯: 'none',
  否: 'none',
  批次: 'batch',
  批号: 'batch',
  序列号: 'serial',
  序號: 'serial',
  sn: 'serial',
};

/** A tax rate as 13, 13%, 13.00 or 0.13 → '13.00' (one of TAX_RATES, else as typed for the validator). */
function taxRate(v: string): string {
  const t = v.replace(/[%％\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return v;
  let d = new Decimal(t);
  if (d.gt(0) && d.lt(1)) d = d.times(100);
  const s = d.toFixed(2);
  return (TAX_RATES as readonly string[]).includes(s) ? s : v;
}

/** 规格属性 as the export writes them: "颜色:红; 尺码:L". */
function attributes(v: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of v.split(/[;；]/)) {
    if (!part.trim()) continue;
    const m = /^([^:：]+)[:：](.*)$/.exec(part.trim());
    if (!m) return undefined;
    out[m[1].trim()] = m[2].trim();
  }
  return out;
}

type V = { row: number; input: ProductInput };

/**
 * Products (SPEC 2.8): each row checked with the product create validator (ProductInput), the
 * category by code or name, product codes unique within the file and against the database; written
 * one by one through the products module's createProduct inside the import's transaction.
 */
export const productKind: ImportKind = {
  template: 'products',
  path: '/imports/products',
  permission: 'product.manage',
  columns: PRODUCT_IMPORT_COLUMNS,
  example: (locale) => ({
    code: 'P-1001',
    name: translate(locale, 'import.example.productName'),
    spec: '500ml',
    unit: translate(locale, 'import.example.unit'),
    taxRate: '13',
    standardPrice: '128.00',
    floorPrice: '99.00',
    warrantyMonths: '12',
    tracking: 'batch',
    shelfLifeDays: '365',
  }),
  resultHeaders: ['import.result.productCode', 'import.result.productName'],
  async start(ctx, headers, mapping) {
    const s = sheetAccess<ProductImportField>(ctx, PRODUCT_IMPORT_COLUMNS, headers, mapping);
    const categories = new Map<string, number>();
    for (const c of await listCategories(ctx)) {
      categories.set(headerKey(c.code), c.id);
      categories.set(headerKey(c.name), c.id);
    }
    const mayCost = can(ctx.principal, 'product.cost');
    const seen = new Map<string, number>();
    return {
      async check(db, rows) {
        const problems: ImportProblem[] = [];
        const ok: V[] = [];
        for (const r of rows) {
          const before = problems.length;
          const bad = (f: ProductImportField, key: string, params?: Record<string, unknown>) =>
            s.problem(problems, r.row, f, key, params);
          const get = (f: ProductImportField) => s.get(r, f);
          let categoryId: number | null = null;
          if (get('category')) {
            categoryId = categories.get(headerKey(get('category'))) ?? null;
            if (categoryId === null) bad('category', 'import.unknown_category', { value: get('category') });
          }
          const tracking = get('tracking') ? TRACKING[get('tracking').toLowerCase()] : 'none';
          if (!tracking) bad('tracking', 'import.unknown_value', { value: get('tracking') });
          const ints = { warrantyMonths: cellInt(get('warrantyMonths')), shelfLifeDays: cellInt(get('shelfLifeDays')) };
          for (const [f, v] of Object.entries(ints))
            if (v === undefined) bad(f as ProductImportField, 'import.integer');
          const bools = {
            requiresChineseLabel: cellBool(get('requiresChineseLabel'), false),
            active: cellBool(get('active'), true),
          };
          for (const [f, v] of Object.entries(bools))
            if (v === undefined)
              bad(f as ProductImportField, 'import.unknown_value', { value: get(f as ProductImportField) });
          const attrs = attributes(get('attributes'));
          if (!attrs) bad('attributes', 'import.attributes_format');
          // Cost is a restricted field (seed 001 保密范围): only importers granted product.cost may fill it.
          if (get('cost') && !mayCost) bad('cost', 'import.cost_forbidden');
          const standardPrice = get('standardPrice');
          const parsed = ProductInput.safeParse({
            code: get('code'),
            name: get('name'),
            spec: get('spec'),
            unit: get('unit'),
            barcode: get('barcode'),
            categoryId,
            taxRate: taxRate(get('taxRate')),
            // No floor price: the standard price is the floor (no discount without approval).
            floorPrice: get('floorPrice') || standardPrice,
            standardPrice,
            ...(get('cost') && mayCost ? { cost: get('cost') } : {}),
            warrantyMonths: ints.warrantyMonths ?? 0,
            tracking: tracking ?? 'none',
            shelfLifeDays: ints.shelfLifeDays,
            attributes: attrs ?? {},
            requiresChineseLabel: bools.requiresChineseLabel ?? false,
            active: bools.active ?? true,
          });
          if (!parsed.success) {
            const known = new Set<string>(PRODUCT_IMPORT_COLUMNS.map((c) => c.key));
            zodProblems(
              parsed.error.issues,
              (p) => {
                const f = String(p[0] === 'categoryId' ? 'category' : (p[0] ?? 'code'));
                return (known.has(f) ? f : 'code') as ProductImportField;
              },
              bad,
            );
          }
          if (parsed.success) {
            const first = seen.get(parsed.data.code.toLowerCase());
            if (first !== undefined) bad('code', 'import.duplicate_in_file', { row: first });
            else seen.set(parsed.data.code.toLowerCase(), r.row);
          }
          if (parsed.success && problems.length === before) ok.push({ row: r.row, input: parsed.data });
        }
        // Codes already in the database, for the whole batch in one query.
        const codes = ok.map((v) => v.input.code);
        const taken = new Set(
          codes.length
            ? (await db.select({ code: products.code }).from(products).where(inArray(products.code, codes))).map(
                (p) => p.code,
              )
            : [],
        );
        const valid: V[] = [];
        for (const v of ok) {
          if (taken.has(v.input.code)) s.problem(problems, v.row, 'code', 'product.code_exists');
          else valid.push(v);
        }
        problems.sort((a, b) => a.row - b.row);
        return { valid, problems };
      },
      async write(tx, valid) {
        // createProduct opens its own transaction: on the import's it is a savepoint of it.
        const inTx: Ctx = { ...ctx, db: tx as unknown as Db };
        const out: (string | null)[][] = [];
        for (const v of valid as V[]) {
          const p = await createProduct(inTx, v.input);
          out.push([p.code, p.name]);
        }
        return out;
      },
    };
  },
};
