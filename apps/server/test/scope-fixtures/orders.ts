import { insertProduct, insertWarehouse, stockIn } from '../q2c-seed.ts';
import type { ScopeFixtureFile } from './types.ts';

let productId = 0;
let warehouseId = 0;
const line = () => [{ productId, qty: '1', unitPrice: '100.00', discountPercent: '0' }];

/**
 * Out-of-scope fixture of the orders module: rep1's draft order for the fixture customer (named
 * NAME, so order lists, counts and exports can be checked). Bodies are valid, so only scope refuses.
 */
export const orderFixtures: ScopeFixtureFile = {
  async setup({ env, owner, fixture }) {
    warehouseId = await insertWarehouse(env, 'WH-SCOPE-O', '扫描订单仓');
    productId = await insertProduct(env, { code: 'SCOPE-O-1' });
    await stockIn(env, warehouseId, productId, '5');
    const res = await owner.post('/api/orders', {
      customerId: fixture.customer,
      channel: 'rep',
      requestedDate: '2099-01-01',
      warehouseId,
      lines: line(),
    });
    if (res.statusCode !== 201) throw new Error(`order fixture: ${res.body}`);
    fixture.order = res.json().id;
  },
  bodies: {
    'PUT /api/orders/:id': (version) => ({
      customerId: 1,
      channel: 'rep',
      requestedDate: '2099-01-01',
      lines: line(),
      version,
    }),
    'POST /api/orders/:id/confirm': (version) => ({ version, note: '越权' }),
    'POST /api/orders/:id/confirm-special': (version) => ({ version }),
    'POST /api/orders/:id/submit': (version) => ({ version }),
    'POST /api/orders/:id/return': (version) => ({ version, reason: '越权' }),
    'POST /api/orders/:id/review': (version) => ({ version }),
    'POST /api/orders/:id/cancel': (version) => ({ version, reason: '越权' }),
    'POST /api/orders/:id/prepare': (version) => ({ version }),
    'POST /api/orders/:id/complete': (version) => ({ version }),
    'POST /api/orders/:id/label-check': (version) => ({ version, lineId: 1, checked: true }),
    'POST /api/orders/:id/production-tasks': () => ({
      lines: [{ orderLineId: 1, kind: 'stock', qty: '1', dueDate: '2099-01-01' }],
    }),
  },
};
