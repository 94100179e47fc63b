import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { companyDate } from '../../platform/time.ts';

let env: TestEnv;
let admin: Client;
let rep: Client;
let productId: number;

const today = companyDate(new Date());
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep = await Client.login(env.app, 'rep1');
  productId = await insertProduct(env, { code: 'PL-1', standardPrice: '100.00', floorPrice: '80.00' });
});
afterAll(() => env.close());

const priceOf = async (customerClass?: string, date?: string) => {
  const q = new URLSearchParams({ ...(customerClass ? { customerClass } : {}), ...(date ? { date } : {}) });
  const res = await rep.get(`/api/products/${productId}/price?${q}`);
  expect(res.statusCode).toBe(200);
  return res.json().price as string;
};

describe('price lists and promotions', () => {
  it('validates validity, prices and products field by field', async () => {
    const res = await admin.post('/api/price-lists', {
      name: '坏表',
      kind: 'list',
      validFrom: today,
      validTo: shift(-1),
      items: [
        { productId, price: '-1' },
        { productId: 987654, price: '1.00' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(
      res.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(fields.validTo).toBe('失效日期不能早于生效日期');
    expect(fields['items.0.price']).toBe('金额格式不正确（非负数，最多两位小数）');
    const unknown = await admin.post('/api/price-lists', {
      name: '坏表',
      kind: 'list',
      validFrom: today,
      items: [{ productId: 987654, price: '1.00' }],
    });
    expect(unknown.json().fields[0]).toMatchObject({ field: 'items.0.productId', message: '产品不存在' });
    expect((await admin.get('/api/price-lists')).json().total).toBe(0);
    expect((await rep.post('/api/price-lists', { name: 'x', kind: 'list', validFrom: today })).statusCode).toBe(403);
  });

  it('resolves promotion valid today > class list > general list > standard; an expired promotion is ignored', async () => {
    expect(await priceOf('A')).toBe('100.00');
    const general = (
      await admin.post('/api/price-lists', {
        name: '通用价',
        kind: 'list',
        validFrom: shift(-30),
        items: [{ productId, price: '95.00' }],
      })
    ).json();
    expect(general.items).toEqual([expect.objectContaining({ productId, price: '95.00', code: 'PL-1' })]);
    expect(await priceOf('A')).toBe('95.00');
    expect(await priceOf()).toBe('95.00');
    await admin.post('/api/price-lists', {
      name: 'A类客户价',
      kind: 'list',
      customerClass: 'A',
      validFrom: shift(-30),
      validTo: shift(30),
      items: [{ productId, price: '92.00' }],
    });
    expect(await priceOf('A')).toBe('92.00');
    expect(await priceOf('B')).toBe('95.00');
    const expired = await admin.post('/api/price-lists', {
      name: '过期促销',
      kind: 'promotion',
      validFrom: shift(-20),
      validTo: shift(-1),
      items: [{ productId, price: '50.00' }],
    });
    expect(expired.statusCode).toBe(201);
    expect(await priceOf('A')).toBe('92.00');
    // On a date inside its validity the old promotion did apply.
    expect(await priceOf('A', shift(-5))).toBe('50.00');
    const promo = (
      await admin.post('/api/price-lists', {
        name: '双十一促销',
        kind: 'promotion',
        validFrom: today,
        validTo: shift(3),
        items: [{ productId, price: '93.50' }],
      })
    ).json();
    expect(await priceOf('A')).toBe('93.50');
    expect(await priceOf('B')).toBe('93.50');
    // Not yet valid tomorrow + 4: back to the class list.
    expect(await priceOf('A', shift(4))).toBe('92.00');
    const inactive = await admin.put(`/api/price-lists/${promo.id}`, {
      name: '双十一促销',
      kind: 'promotion',
      validFrom: today,
      validTo: shift(3),
      active: false,
      items: promo.items,
      version: 1,
    });
    expect(inactive.statusCode).toBe(200);
    expect(await priceOf('A')).toBe('92.00');
    expect(
      (await admin.get('/api/price-lists?kind=promotion')).json().items.map((l: { name: string }) => l.name),
    ).toEqual(['双十一促销', '过期促销']);
    expect((await admin.get(`/api/price-lists?validOn=${today}`)).json().total).toBe(3);
    expect((await admin.get('/api/price-lists?kind=promotion&pageSize=1&page=2')).json()).toMatchObject({
      items: [{ name: '过期促销' }],
      total: 2,
      totalCapped: false,
      page: 2,
      pageSize: 1,
    });
    expect((await rep.get(`/api/products/987654/price`)).statusCode).toBe(404);
  });

  it('edits a list with its version (412 when stale), audits item changes, and deletes it', async () => {
    const l = (
      await admin.post('/api/price-lists', {
        name: '渠道价',
        kind: 'list',
        customerClass: 'C',
        validFrom: today,
        items: [{ productId, price: '90.00' }],
      })
    ).json();
    const upd = await admin.put(`/api/price-lists/${l.id}`, {
      name: '渠道价2026',
      kind: 'list',
      customerClass: 'C',
      validFrom: today,
      items: [{ productId, price: '88.80' }],
      version: 1,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ name: '渠道价2026', version: 2, items: [{ price: '88.80' }] });
    expect(await priceOf('C')).toBe('88.80');
    const stale = await admin.put(`/api/price-lists/${l.id}`, {
      name: 'x',
      kind: 'list',
      validFrom: today,
      version: 1,
    });
    expect(stale.statusCode).toBe(412);
    expect((await admin.delete(`/api/price-lists/${l.id}?version=1`)).statusCode).toBe(412);
    expect((await admin.delete(`/api/price-lists/${l.id}?version=2`)).statusCode).toBe(200);
    expect((await admin.get(`/api/price-lists/${l.id}`)).statusCode).toBe(404);
    const audit = await env.database.pool.query(
      `select action, changes from audit_log where entity_type = 'price_list' and entity_id = $1 order by id`,
      [l.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.rows[1].changes).toEqual(
      expect.arrayContaining([{ field: 'items', old: { [productId]: '90.00' }, new: { [productId]: '88.80' } }]),
    );
  });
});
