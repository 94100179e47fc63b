import { insertProduct } from '../q2c-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the stock module's mutating routes (admin holds stock.manage). */
export function stockCases(ctx: AuditContext): AuditCases {
  const { admin, ids, env } = ctx;
  return {
    'POST /api/warehouses': {
      entity: 'warehouse',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/warehouses', { code: 'WH-AUD', name: '审计仓' });
        ids.stockWarehouse = res.json().id;
        return res;
      },
    },
    'PUT /api/warehouses/:id': {
      entity: 'warehouse',
      action: 'update',
      run: () =>
        admin.put(`/api/warehouses/${ids.stockWarehouse}`, {
          code: 'WH-AUD',
          name: '审计仓一',
          active: true,
          version: 1,
        }),
    },
    'POST /api/stock/inbound': {
      entity: 'stock_movement',
      action: 'inbound',
      run: async () => {
        ids.stockProduct = await insertProduct(env, { code: 'AUD-STK-1' });
        return admin.post('/api/stock/inbound', {
          warehouseId: ids.stockWarehouse,
          productId: ids.stockProduct,
          qty: '10',
        });
      },
    },
    'POST /api/stock/adjust': {
      entity: 'stock_movement',
      action: 'adjust',
      run: () =>
        admin.post('/api/stock/adjust', {
          warehouseId: ids.stockWarehouse,
          productId: ids.stockProduct,
          qty: '-1',
          reason: '盘亏',
        }),
    },
  };
}
