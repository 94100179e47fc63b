import { bookFact } from '../../src/modules/analytics/index.ts';
import { insertCustomer, insertOrder } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertProduct, insertWarehouse } from '../q2c-seed.ts';
import type { ScopeFixtureFile } from './types.ts';

const CUSTOMER = '扫描指标客户';

/**
 * A sale of a customer of rep1 booked today for rep1 (销售一部): rep1's figures, rankings and
 * drill-down show it (rep1's name, the customer's name); manager2 (销售二部) never counts it.
 * Analytics has no :id route, so no fixture id is needed — only the list markers.
 */
export const analyticsFixtures: ScopeFixtureFile = {
  async setup({ env, org }) {
    const productId = await insertProduct(env, { code: 'P-SCAN-AN' });
    const warehouseId = await insertWarehouse(env, 'WH-SCAN-AN', '扫描指标仓');
    const o = await insertOrder(env, {
      customerId: await insertCustomer(env, CUSTOMER, org.user.rep1),
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId, qty: '1', unitPrice: '10.00' }],
    });
    await env.database.db.transaction((tx) => bookFact.orderApproved(tx, o.id));
  },
  bodies: {},
  // The figures carry the credited rep's name; the drill-down the customer's.
  markers: { analytics: '张三', analytics_record: CUSTOMER },
};
