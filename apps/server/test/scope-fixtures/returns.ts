import { insertCustomer, insertRoleUser } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertSignedSale } from '../../src/modules/returns/returns.test-seed.ts';
import type { ScopeFixtureFile } from './types.ts';

const CUSTOMER = '扫描退货客户';

/**
 * A sales return by rep1 (销售一部) of a signed delivery of rep1's order — manager2 (销售二部) must get
 * 404 on every return route and never see it listed. The five roles of the pharma chain get one
 * user each so the return can be submitted. Its customer is its own (the orders' NAME counts stay).
 */
export const returnFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture }) {
    for (const role of ['invoicing', 'purchasing', 'qa', 'operations', 'receiving_clerk'])
      await insertRoleUser(env, `scope_${role}`, `扫描${role}`, role);
    const customerId = await insertCustomer(env, CUSTOMER, org.user.rep1);
    const sale = await insertSignedSale(env, {
      customerId,
      ownerId: org.user.rep1,
      qty: '2',
      unitPrice: '10.00',
      signedDate: '2026-01-05',
    });
    const res = await owner.post('/api/sales-returns', {
      deliveryId: sale.deliveryId,
      reason: 'quality',
      description: '扫描专用退货',
      lines: [{ deliveryLineId: sale.lineId, qty: '1' }],
    });
    if (res.statusCode !== 201) throw new Error(`sales return fixture: ${res.statusCode} ${res.body}`);
    fixture.sales_return = res.json().id;
  },
  bodies: {
    'POST /api/sales-returns/:id/arrival': (version) => ({
      arrivedAt: '2026-01-06T09:00:00+08:00',
      warehouseId: 1,
      version,
    }),
    'POST /api/sales-returns/:id/resubmit': (version) => ({ version }),
    'POST /api/sales-returns/:id/red-invoice': (version) => ({ invoiceId: 1, externalNo: '越权-1', version }),
  },
  markers: { sales_return: CUSTOMER },
};
