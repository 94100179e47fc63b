import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { insertOrder } from '../src/modules/finance/finance.fixtures.ts';
import { PERMISSIONS } from '../src/platform/permissions/registry.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';
import { insertProduct, insertWarehouse } from './q2c-seed.ts';

/**
 * Issue 9 "no 500 on bad input": the requests that answered 500 (or Fastify's own English body)
 * now get a localised 400/404 that names the field, and change nothing. fuzz.test.ts generates
 * thousands more; these are the reported ones, asserted exactly.
 */
let env: TestEnv;
let org: Org;
let rep: Client;
let admin: Client;
let finance: Client;
let customerId: number;
let orderId: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  // The administrator also gets every permission (price lists, pools, planning, stock).
  await env.database.pool.query(
    `insert into role_grants (role_id, permission, scope) select r.id, p, 'ALL' from roles r, unnest($1::text[]) p
     where r.code = 'admin' on conflict do nothing`,
    [PERMISSIONS.map((p) => p.permission)],
  );
  [rep, admin, finance] = await Promise.all(['rep1', 'admin', 'finance'].map((u) => Client.login(env.app, u)));
  customerId = (await rep.post('/api/customers', { kind: 'company', name: '坏输入测试有限公司' })).json().id;
  orderId = (await insertOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 })).id;
});
afterAll(() => env.close());

const count = async (table: string) =>
  Number((await env.database.pool.query(`select count(*) from ${table}`)).rows[0].count);

describe('NUL and lone surrogates', () => {
  it('refuses them in a body with a field error, in the caller’s language, and stores nothing', async () => {
    const before = await count('customers');
    const nul = await rep.post('/api/customers', { kind: 'company', name: 'NUL测试\u0000有限公司' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      code: 'validation.failed',
      fields: [{ field: 'name', code: 'validation.invalid_chars', message: expect.stringContaining('无法保存的字符') }],
      requestId: expect.any(String),
    });
    const surrogate = await rep.request(
      'POST',
      '/api/customers',
      { kind: 'company', name: '测试\ud800有限公司', tags: ['ok', 'x\udc00'] },
      { 'accept-language': 'en-US' },
    );
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().fields).toEqual([
      { field: 'name', code: 'validation.invalid_chars', message: expect.stringContaining('cannot be stored') },
      { field: 'tags.1', code: 'validation.invalid_chars', message: expect.stringContaining('cannot be stored') },
    ]);
    expect(await count('customers')).toBe(before);
  });

  it('refuses them in a query string', async () => {
    const list = await rep.get('/api/customers?keyword=a%00b');
    expect(list.statusCode).toBe(400);
    expect(list.json().fields).toEqual([
      expect.objectContaining({ field: 'keyword', code: 'validation.invalid_chars' }),
    ]);
    const search = await rep.get('/api/customers/search?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().fields).toEqual([expect.objectContaining({ field: 'q', code: 'validation.invalid_chars' })]);
    // A lone surrogate arrives percent-encoded as its (invalid) UTF-8 bytes.
    expect((await rep.get('/api/customers?keyword=%ED%A0%80')).statusCode).toBeLessThan(500);
  });
});

describe('money', () => {
  it.each(['abc', '１２３', '', '1.234', '-5'])(
    'refuses %j as a payment or write-off amount with validation.money',
    async (amount) => {
      const pay = await finance.post('/api/payments', {
        orderId,
        kind: 'instalment',
        method: 'transfer',
        amount,
        receivedDate: '2026-05-01',
        payerName: '付款人',
      });
      expect(pay.statusCode).toBe(400);
      expect(pay.json().fields).toEqual([
        { field: 'amount', code: 'validation.money', message: '金额格式不正确（非负数，最多两位小数）' },
      ]);
      const writeOff = await rep.post('/api/write-offs', { orderId, amount, reason: '坏账' });
      expect(writeOff.statusCode).toBe(400);
      expect(writeOff.json().fields).toEqual([expect.objectContaining({ field: 'amount', code: 'validation.money' })]);
    },
  );

  it('checks the other fields of a body with a malformed amount, without computing on it', async () => {
    const res = await admin.post('/api/products', {
      code: 'BAD-1',
      name: '坏价格',
      unit: '台',
      taxRate: '13.00',
      standardPrice: '1abc',
      floorPrice: '12,345.00',
      warrantyMonths: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`)
        .sort(),
    ).toEqual([
      'floorPrice validation.money',
      'standardPrice validation.money',
      'warrantyMonths validation.too_small.number',
    ]);
  });

  it('refuses priced lines whose amount would not fit a money column, naming the line', async () => {
    const productId = await insertProduct(env, { code: 'BIG-1', floorPrice: '0.01' });
    const res = await rep.post('/api/quotes', {
      customerId,
      title: '超大金额',
      lines: [{ productId, qty: '99999999999999', unitPrice: '9999999999999999.99' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'lines.0.qty', code: 'validation.line_amount_too_large' }),
    ]);
    // Each line fits, the total does not.
    const half = { productId, qty: '1', unitPrice: '6000000000000000.00', taxRate: '0.00' };
    const total = await rep.post('/api/orders', { customerId, requestedDate: '2030-01-01', lines: [half, half] });
    expect(total.statusCode).toBe(400);
    expect(total.json().fields).toEqual([
      expect.objectContaining({ field: 'lines', code: 'validation.total_amount_too_large' }),
    ]);
  });

  it('refuses stock that would overflow its quantity column', async () => {
    const warehouseId = await insertWarehouse(env, 'WH-BIG', '大仓');
    const productId = await insertProduct(env, { code: 'BIG-2' });
    const inbound = (qty: string) => admin.post('/api/stock/inbound', { warehouseId, productId, qty });
    expect((await inbound('99999999999999.9999')).statusCode).toBe(201);
    const over = await inbound('1');
    expect(over.statusCode).toBe(400);
    expect(over.json().fields).toEqual([expect.objectContaining({ field: 'qty', code: 'stock.too_large' })]);
  });
});

describe('ids beyond the column range', () => {
  it('answers an out-of-range path id like any unknown id (404)', async () => {
    const unknown = await admin.get('/api/price-lists/99999');
    const huge = await admin.get('/api/price-lists/2147483648');
    expect(huge.statusCode).toBe(404);
    expect({ ...huge.json(), requestId: 0 }).toEqual({ ...unknown.json(), requestId: 0 });
    expect((await admin.put('/api/pools/2147483648', { name: 'x', memberDeptIds: [1], version: 1 })).statusCode).toBe(
      404,
    );
    // bigint ids: beyond int4 is an ordinary unknown id; beyond 2^53 cannot name a row either.
    expect((await rep.get('/api/customers/2147483648')).statusCode).toBe(404);
    expect((await rep.get('/api/customers/9007199254740993')).json().code).toBe('not_found');
    expect((await rep.get('/api/customers/0')).statusCode).toBe(404);
  });

  it('refuses an out-of-range id in a query or body with a field error', async () => {
    const print = await admin.get('/api/production-tasks/print?ids=99999999999999999999');
    expect(print.statusCode).toBe(400);
    expect(print.json().fields).toEqual([expect.objectContaining({ field: 'ids.0', code: 'validation.id' })]);
    const owner = await rep.get('/api/customers?ownerId=2147483648');
    expect(owner.statusCode).toBe(400);
    expect(owner.json().fields).toEqual([{ field: 'ownerId', code: 'validation.id', message: '所选记录不存在' }]);
    const body = await rep.post('/api/customers', { kind: 'company', name: '越界负责人有限公司', ownerId: 2147483648 });
    expect(body.statusCode).toBe(400);
    expect(body.json().fields).toEqual([expect.objectContaining({ field: 'ownerId', code: 'validation.id' })]);
  });
});

describe('framework errors in the localised error body', () => {
  const shape = { statusCode: expect.any(Number), requestId: expect.any(String) };

  it('a malformed URL', async () => {
    const res = await rep.request('GET', '/api/customers/%ED%A0%80', undefined, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ...shape, code: 'bad_url', message: 'Invalid URL' });
  });

  it('malformed JSON, a wrong content type, a body too large', async () => {
    const json = await rep.request('POST', '/api/customers', '{"name":', { 'content-type': 'application/json' });
    expect(json.json()).toEqual({
      ...shape,
      statusCode: 400,
      code: 'malformed_json',
      message: '提交的内容不是有效的 JSON',
    });
    const xml = await rep.request('POST', '/api/customers', '<a/>', { 'content-type': 'text/xml' });
    expect(xml.json()).toEqual({
      ...shape,
      statusCode: 415,
      code: 'unsupported_media_type',
      message: expect.any(String),
    });
    const big = JSON.stringify({ kind: 'company', name: 'x'.repeat(3 * 1024 * 1024) });
    const large = await rep.request('POST', '/api/customers', big, {
      'content-type': 'application/json',
      'accept-language': 'en-US',
    });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toEqual({
      ...shape,
      statusCode: 413,
      code: 'payload_too_large',
      message: expect.stringMatching(/too large/),
    });
  });

  it('an unknown route: its own code, distinct from a record not found', async () => {
    const route = await rep.get('/api/no-such-thing');
    expect(route.statusCode).toBe(404);
    expect(route.json()).toEqual({ ...shape, statusCode: 404, code: 'route.not_found', message: '没有这个接口' });
    const record = await rep.get('/api/customers/99999');
    expect(record.json()).toMatchObject({ code: 'not_found', message: '记录不存在或您无权查看' });
    // Signed out, every /api URL asks for a session first: no route list for anonymous callers.
    expect((await env.app.inject({ method: 'DELETE', url: '/api/no-such-thing' })).json().code).toBe('auth.required');
  });

  it('keeps the single-page-app fallback for other GETs', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>销售服务管理系统</title>');
    const app = await buildApp({ db: env.database.db, webDist });
    try {
      const page = await app.inject({ method: 'GET', url: '/customers/42' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('销售服务管理系统');
      const cookie = `sid=${rep.sessionToken}`;
      const api = await app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { cookie } });
      expect(api.json().code).toBe('route.not_found');
      expect((await app.inject({ method: 'POST', url: '/customers/42' })).json().code).toBe('route.not_found');
    } finally {
      await app.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  });
});
