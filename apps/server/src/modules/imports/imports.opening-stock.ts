import {
  headerKey,
  money,
  OPENING_STOCK_IMPORT_COLUMNS,
  type OpeningStockImportField,
  QTY_MAX,
  QtyString,
} from '@sales/core';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { companyDate } from '../../platform/time.ts';
import { type ProductLabel, productLabelsByCode } from '../products/index.ts';
import { ensureBatch, receiveStock, shelfLifeExpiry } from '../stock/index.ts';
import type { ImportKind } from './imports.kinds.ts';
import type { ImportProblem } from './imports.schema.ts';
import { cellDate, importComment, sheetAccess, zodProblems } from './imports.sheet.ts';

interface V {
  row: number;
  product: ProductLabel;
  warehouseId: number;
  batchNo: string | null;
  serialNo: string | null;
  mfgDate: string | null;
  expiryDate: string | null;
  qty: string;
}

/**
 * Opening stock (期初库存, SPEC 3.5): one row per product, warehouse and batch (serial-tracked: per
 * serial number, quantity 1). Products by code (active), warehouses by code or name (active),
 * batches where the product is tracked; a product that already has stock movements in the
 * warehouse has no opening balance to import (duplicate against the database), nor does a serial
 * number on hand anywhere. Written as one 'opening' movement per row through the stock ledger's
 * receiveStock, with the batch created when new.
 */
export const openingStockKind: ImportKind = {
  template: 'openingStock',
  path: '/imports/opening-stock',
  permission: 'stock.manage',
  columns: OPENING_STOCK_IMPORT_COLUMNS,
  example: () => ({
    productCode: 'P-1001',
    warehouse: 'WH01',
    batchNo: 'B20270101',
    mfgDate: '2027-01-01',
    qty: '100',
  }),
  resultHeaders: ['import.result.productCode', 'import.result.warehouse', 'import.result.batch', 'import.result.qty'],
  async start(ctx, headers, mapping) {
    const s = sheetAccess<OpeningStockImportField>(ctx, OPENING_STOCK_IMPORT_COLUMNS, headers, mapping);
    const whs = await ctx.db.execute<{ id: number; code: string; name: string; active: boolean }>(
      sql`select id, code, name, active from warehouses`,
    );
    const warehouses = new Map<string, { id: number; name: string; active: boolean }>();
    for (const w of whs.rows) {
      const ref = { id: Number(w.id), name: w.name, active: w.active };
      warehouses.set(headerKey(w.name), ref);
      warehouses.set(headerKey(w.code), ref);
    }
    const names = new Map([...warehouses.values()].map((w) => [w.id, w.name]));
    const today = companyDate(ctx.now());
    const seen = new Map<string, number>();
    return {
      async check(db, rows) {
        const problems: ImportProblem[] = [];
        const products = await productLabelsByCode(db, rows.map((r) => s.get(r, 'productCode')).filter(Boolean));
        const ok: V[] = [];
        for (const r of rows) {
          const bad = (f: OpeningStockImportField, key: string, params?: Record<string, unknown>) =>
            s.problem(problems, r.row, f, key, params);
          const get = (f: OpeningStockImportField) => s.get(r, f);
          const before = problems.length;
          const product = products.get(get('productCode'));
          if (!get('productCode')) bad('productCode', 'validation.required');
          else if (!product) bad('productCode', 'import.unknown_product', { value: get('productCode') });
          else if (!product.active) bad('productCode', 'stock.product_inactive');
          const wh = get('warehouse') ? warehouses.get(headerKey(get('warehouse'))) : undefined;
          if (!get('warehouse')) bad('warehouse', 'validation.required');
          else if (!wh) bad('warehouse', 'import.unknown_warehouse', { value: get('warehouse') });
          else if (!wh.active) bad('warehouse', 'stock.warehouse_inactive');
          const qty = QtyString.safeParse(get('qty'));
          if (!qty.success) zodProblems(qty.error.issues, () => 'qty', bad);
          else if (money(qty.data).gt(QTY_MAX)) bad('qty', 'validation.qty');
          const mfgDate = cellDate(get('mfgDate'));
          const expiry = cellDate(get('expiryDate'));
          if (mfgDate === undefined) bad('mfgDate', 'validation.date');
          if (expiry === undefined) bad('expiryDate', 'validation.date');
          const batchNo = get('batchNo') || null;
          const serialNo = get('serialNo') || null;
          if (batchNo && batchNo.length > 60) bad('batchNo', 'validation.too_big.string', { maximum: 60 });
          if (serialNo && serialNo.length > 60) bad('serialNo', 'validation.too_big.string', { maximum: 60 });
          if (product?.active) {
            if (product.tracking !== 'none' && !batchNo)
              bad('batchNo', 'stock.batch_required', { product: product.code });
            if (product.tracking === 'none' && (batchNo || serialNo)) bad('batchNo', 'import.stock.not_tracked');
            if (product.tracking === 'serial' && !serialNo) bad('serialNo', 'import.stock.serial_required');
            if (product.tracking !== 'serial' && serialNo) bad('serialNo', 'import.stock.not_serial');
            if (product.tracking === 'serial' && qty.success && !money(qty.data).eq(1))
              bad('qty', 'import.stock.serial_one');
          }
          if (problems.length > before || !product || !wh || !qty.success) continue;
          // One opening balance per product, warehouse, batch and serial in the file.
          const key = [product.id, wh.id, batchNo ?? '', serialNo ?? ''].join('\u0000');
          const first = seen.get(key);
          if (first !== undefined) {
            bad('productCode', 'import.duplicate_in_file', { row: first });
            continue;
          }
          seen.set(key, r.row);
          ok.push({
            row: r.row,
            product,
            warehouseId: wh.id,
            batchNo,
            serialNo,
            mfgDate: mfgDate ?? null,
            expiryDate: expiry ?? shelfLifeExpiry(mfgDate ?? null, today, product.shelfLifeDays),
            qty: qty.data,
          });
        }
        // Against the database, for the whole batch: stock already moved, serial numbers on hand.
        const moved = new Set<string>();
        const onHand = new Set<string>();
        if (ok.length) {
          const pairs = await db.execute<{ p: number; w: number }>(sql`
            select distinct m.product_id p, m.warehouse_id w from stock_movements m
            where m.product_id = any(${`{${ok.map((v) => v.product.id).join(',')}}`}::bigint[])`);
          for (const x of pairs.rows) moved.add(`${x.p}:${x.w}`);
          const serials = ok.filter((v) => v.serialNo);
          if (serials.length) {
            const res = await db.execute<{ p: number; s: string }>(sql`
              select b.product_id p, b.serial_no s from stock_batches b join stock_lots l on l.batch_id = b.id
              where l.on_hand > 0 and b.serial_no = any(${`{${serials.map((v) => JSON.stringify(v.serialNo)).join(',')}}`}::text[])`);
            for (const x of res.rows) onHand.add(`${x.p}:${x.s}`);
          }
        }
        const valid: V[] = [];
        for (const v of ok) {
          if (moved.has(`${v.product.id}:${v.warehouseId}`))
            s.problem(problems, v.row, 'productCode', 'import.stock.has_movements', {
              product: v.product.code,
              warehouse: names.get(v.warehouseId),
            });
          else if (v.serialNo && onHand.has(`${v.product.id}:${v.serialNo}`))
            s.problem(problems, v.row, 'serialNo', 'stock.serial_duplicate', { serial: v.serialNo });
          else valid.push(v);
        }
        problems.sort((a, b) => a.row - b.row);
        return { valid, problems };
      },
      async write(tx, valid, job) {
        const out: (string | null)[][] = [];
        for (const v of valid as V[]) {
          const batchId = v.batchNo
            ? await ensureBatch(tx, {
                productId: v.product.id,
                batchNo: v.batchNo,
                serialNo: v.serialNo,
                mfgDate: v.mfgDate,
                expiryDate: v.expiryDate,
              })
            : null;
          const line = { productId: v.product.id, batchId, qty: v.qty };
          const note = importComment(job.fileName);
          const [movementId] = await receiveStock(
            tx,
            ctx,
            { type: 'import_job', id: job.id },
            v.warehouseId,
            'opening',
            [line],
            note,
          );
          await recordAudit(tx, ctx, {
            entityType: 'stock_movement',
            entityId: movementId,
            action: 'opening',
            changes: [
              { field: 'productId', old: null, new: v.product.id },
              { field: 'warehouseId', old: null, new: v.warehouseId },
              { field: 'qty', old: null, new: v.qty },
              ...(batchId ? [{ field: 'batchId', old: null, new: batchId }] : []),
            ],
            comment: note,
          });
          out.push([
            v.product.code,
            names.get(v.warehouseId) ?? '',
            [v.batchNo, v.serialNo].filter(Boolean).join(' / '),
            v.qty,
          ]);
        }
        return out;
      },
    };
  },
};
