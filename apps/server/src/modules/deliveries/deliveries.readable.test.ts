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

// A tiny valid PNG (1×1) as the scanned signed copy.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Issue 11: ids never show where a name belongs. */
describe('a delivery note and the stock it moved, read by people', () => {
  it('names the note by number in stock movements (only to those who may open it), and order, products and files in its history', async () => {
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
    // The warehouse by name, in the note itself (commerce, say, may not list warehouses).
    expect((await rep1.get(`/api/deliveries/${d.id}`)).json().warehouseName).toBe('流水测试仓');
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

    // The note's history names the order, the product of each line and the signed copy — no ids.
    const signed = await rep1.post(`/api/deliveries/${d.id}/sign`, {
      version: (await rep1.get(`/api/deliveries/${d.id}`)).json().version,
      signerName: '李收货',
      signedDate: '2026-12-03',
      file: { fileName: '签收单.png', mimeType: 'image/png', contentBase64: PNG },
      lines: [{ lineId: d.lines[0].id, receivedQty: '2' }],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const timeline = (await rep1.get(`/api/deliveries/${d.id}/timeline`)).json().items;
    const change = (action: string, field: string) =>
      timeline
        .find((e: { action: string }) => e.action === action)
        ?.changes.find((c: { field: string }) => c.field === field)?.new;
    expect(change('create', 'orderId')).toBe(o.no);
    expect(change('create', 'line:1')).toBe('E-REF 产品E-REF × 2');
    expect(change('sign', 'signedCopy')).toBe('签收单.png');
  });
});
