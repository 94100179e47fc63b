import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { insertCustomer, insertOrder, insertRoleUser } from './deliveries.test-seed.ts';

let env: TestEnv;
let org: Org;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  await insertRoleUser(env, 'qa1', '质检甲', 'qa');
});
afterAll(() => env.close());

describe('stock movements name their delivery note (issue 11: no "送货单 #9")', () => {
  it('by number to a viewer who may open it, without number or link to one who may not', async () => {
    const rep1 = await Client.login(env.app, 'rep1');
    const rep2 = await Client.login(env.app, 'rep2');
    const wh = await Client.login(env.app, 'wh1');
    const qa = await Client.login(env.app, 'qa1');
    const warehouseId = await insertWarehouse(env, 'WH-R', '流水测试仓');
    const productId = await insertProduct(env, { code: 'E-REF' });
    await stockIn(env, warehouseId, productId, '5');
    const customerId = await insertCustomer(env, '宁波流水测试有限公司', org.user.rep1);
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId, qty: '2', unitPrice: '100.00' }],
    });
    const d = (
      await rep1.post('/api/deliveries', {
        orderId: o.id,
        lines: [{ orderLineId: o.lineIds[0], qty: '2' }],
        boxCount: 1,
      })
    ).json();
    const passed = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: d.lines[0].id, status: 'passed', version: d.version })
    ).json();
    expect((await wh.post(`/api/deliveries/${d.id}/ship`, { version: passed.version })).statusCode).toBe(200);

    const issued = async (c: Client) => {
      const r = await c.get(`/api/stock/movements?productId=${productId}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.find((m: { kind: string }) => m.kind === 'outbound');
    };
    // The owner and the warehouse see the note's number; rep2 (own records only) sees that a
    // delivery note moved the stock, not which one.
    expect(await issued(rep1)).toMatchObject({ refType: 'delivery', refId: d.id, refNo: d.no });
    expect(await issued(wh)).toMatchObject({ refType: 'delivery', refNo: d.no });
    expect(await issued(rep2)).toMatchObject({ refType: 'delivery', refNo: null });
  });
});
