import { insertCustomer, insertOrder } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertProduct, insertWarehouse, stockIn } from '../q2c-seed.ts';
import { NAME, type ScopeFixtureFile } from './types.ts';

const SIGN = {
  signerName: '越权',
  signedDate: '2026-01-01',
  file: {
    fileName: 'x.png',
    mimeType: 'image/png',
    contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  },
  lines: [{ lineId: 1, receivedQty: '1' }],
};

/**
 * Out-of-scope fixtures and sample bodies of the deliveries module's routes: a draft note of
 * rep1's approved order. The order is for a customer of its own (so the orders' NAME counts stay
 * at one); the note's consignee carries NAME, which the delivery keyword search matches.
 */
export const deliveryFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture }) {
    const warehouseId = await insertWarehouse(env, 'WH-SCOPE-D', '扫描发货仓');
    const p = await insertProduct(env, { code: 'SCOPE-D-1' });
    await stockIn(env, warehouseId, p, '5');
    const customerId = await insertCustomer(env, '扫描发货客户', org.user.rep1);
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '2', unitPrice: '10.00' }],
    });
    const r = await owner.post('/api/deliveries', {
      orderId: o.id,
      lines: [{ orderLineId: o.lineIds[0], qty: '1' }],
      consignee: NAME,
    });
    if (r.statusCode !== 201) throw new Error(`delivery fixture: ${r.body}`);
    fixture.delivery = r.json().id;
  },
  bodies: {
    'PUT /api/deliveries/:id': (version) => ({ lines: [{ orderLineId: 1, qty: '1' }], version }),
    'POST /api/deliveries/:id/cancel': (version) => ({ version, reason: '越权' }),
    'POST /api/deliveries/:id/inspect': (version) => ({ lineId: 1, status: 'passed', version }),
    'PUT /api/deliveries/:id/checklist': (version) => ({ key: 'x', ok: true, version }),
    'POST /api/deliveries/:id/emergency-release': (version) => ({ lineId: 1, reason: '越权', version }),
    'POST /api/deliveries/:id/ship': (version) => ({ version }),
    'POST /api/deliveries/:id/sign': (version) => ({ ...SIGN, version }),
  },
};
