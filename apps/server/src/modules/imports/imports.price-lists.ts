import {
  headerKey,
  PRICE_LIST_IMPORT_COLUMNS,
  type PriceListImportField,
  PriceListInput,
  toMoneyString,
} from '@sales/core';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { createPriceList, productLabelsByCode } from '../products/index.ts';
import { priceLists } from '../products/products.schema.ts';
import { dictionaryCode } from './imports.columns.ts';
import type { ImportKind } from './imports.kinds.ts';
import type { ImportProblem } from './imports.schema.ts';
import { cellDate, sheetAccess, zodProblems } from './imports.sheet.ts';

/** 类型 typed as a code or a word. */
const KINDS: Record<string, 'list' | 'promotion'> = {
  list: 'list',
  promotion: 'promotion',
  价格表: 'list',
  价目表: 'list',
  價格表: 'list',
  促销: 'promotion',
  促销价: 'promotion',
  促銷: 'promotion',
  pricelist: 'list',
};

type Header = Omit<PriceListInput, 'items'>;
interface List {
  header: Header;
  /** The row that named the list first (the header columns of later rows must agree with it). */
  row: number;
  items: { productId: number; price: string }[];
  products: Map<number, number>;
}

const MAX_ITEMS = 2000;

/**
 * Price lists and promotions (SPEC 2.8): one row per item; rows with the same list name make one
 * list, checked with the price-list validator (PriceListInput: validity, class, prices), products by
 * code, one price per product and list, names not already in use; every list is created at the end
 * of the commit through the products module's createPriceList (it needs all its rows).
 */
export const priceListKind: ImportKind = {
  template: 'priceLists',
  path: '/imports/price-lists',
  permission: 'price.manage',
  columns: PRICE_LIST_IMPORT_COLUMNS,
  example: (locale) => ({
    listName: translate(locale, 'import.example.priceList'),
    kind: translate(locale, 'import.example.priceListKind'),
    customerClass: 'A',
    validFrom: '2027-01-01',
    validTo: '2027-12-31',
    productCode: 'P-1001',
    price: '118.00',
  }),
  resultHeaders: ['import.result.priceList', 'import.result.itemCount'],
  async start(ctx, headers, mapping) {
    const s = sheetAccess<PriceListImportField>(ctx, PRICE_LIST_IMPORT_COLUMNS, headers, mapping);
    const lists = new Map<string, List>();
    return {
      async check(db, rows) {
        const problems: ImportProblem[] = [];
        const products = await productLabelsByCode(db, rows.map((r) => s.get(r, 'productCode')).filter(Boolean));
        // List names already in use, for the whole batch in one query.
        const names = [...new Set(rows.map((r) => s.get(r, 'listName')).filter(Boolean))];
        const taken = new Set(
          names.length
            ? (await db.select({ name: priceLists.name }).from(priceLists).where(inArray(priceLists.name, names))).map(
                (l) => l.name,
              )
            : [],
        );
        for (const r of rows) {
          const bad = (f: PriceListImportField, key: string, params?: Record<string, unknown>) =>
            s.problem(problems, r.row, f, key, params);
          const get = (f: PriceListImportField) => s.get(r, f);
          const before = problems.length;
          const kind = get('kind') ? KINDS[headerKey(get('kind'))] : 'list';
          if (!kind) bad('kind', 'import.unknown_value', { value: get('kind') });
          const cls = get('customerClass') ? dictionaryCode('class', get('customerClass')) : null;
          if (cls === undefined) bad('customerClass', 'import.unknown_value', { value: get('customerClass') });
          const dates = { validFrom: cellDate(get('validFrom')), validTo: cellDate(get('validTo')) };
          for (const [f, v] of Object.entries(dates))
            if (v === undefined) bad(f as PriceListImportField, 'validation.date');
          const price = get('price');
          const parsed = PriceListInput.safeParse({
            name: get('listName'),
            kind: kind ?? 'list',
            customerClass: cls ?? null,
            validFrom: dates.validFrom ?? '',
            validTo: dates.validTo ?? null,
            items: [{ productId: 1, price }],
          });
          if (!parsed.success)
            zodProblems(
              parsed.error.issues,
              (p) =>
                p[0] === 'items'
                  ? 'price'
                  : p[0] === 'name'
                    ? 'listName'
                    : ((PRICE_LIST_IMPORT_COLUMNS.find((c) => c.key === p[0])?.key ??
                        'listName') as PriceListImportField),
              (f, key, params) => {
                // The date columns already said what is wrong with them.
                if (!((f === 'validFrom' || f === 'validTo') && dates[f] === undefined)) bad(f, key, params);
              },
            );
          const product = get('productCode') ? products.get(get('productCode')) : undefined;
          if (get('productCode') && !product)
            bad('productCode', 'import.unknown_product', { value: get('productCode') });
          else if (!get('productCode')) bad('productCode', 'validation.required');
          if (!parsed.success || !product || problems.length > before) continue;
          const { items: _items, ...header } = parsed.data;
          let list = lists.get(header.name);
          if (!list) {
            if (taken.has(header.name)) {
              bad('listName', 'import.price_list_exists', { value: header.name });
              continue;
            }
            list = { header, row: r.row, items: [], products: new Map() };
            lists.set(header.name, list);
          } else if (JSON.stringify(list.header) !== JSON.stringify(header)) {
            bad('listName', 'import.price_list_header_differs', { row: list.row });
            continue;
          }
          const first = list.products.get(product.id);
          if (first !== undefined) bad('productCode', 'import.duplicate_in_file', { row: first });
          else if (list.items.length >= MAX_ITEMS) bad('productCode', 'import.price_list_too_many', { max: MAX_ITEMS });
          else {
            list.products.set(product.id, r.row);
            list.items.push({ productId: product.id, price: toMoneyString(price) });
          }
        }
        problems.sort((a, b) => a.row - b.row);
        return { valid: [], problems };
      },
      // Nothing per batch: a list is complete only at the end of the file.
      write: async () => [],
      async finish(tx) {
        const inTx: Ctx = { ...ctx, db: tx as unknown as Db };
        const out: (string | null)[][] = [];
        for (const l of lists.values()) {
          const created = await createPriceList(inTx, { ...l.header, items: l.items });
          out.push([created.name, String(l.items.length)]);
        }
        return out;
      },
    };
  },
};
