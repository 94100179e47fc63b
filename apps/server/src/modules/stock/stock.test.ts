import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { issueStock, lotOnHand, receiveStock, releaseReservations, reserveStock } from './index.ts';

let env: TestEnv;
let org: Org;
let admin: Client;
let rep: Client;
let wh: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep = await Client.login(env.app, 'rep1');
  const w = await admin.post('/api/warehouses', { code: 'WH-A', name: '成品仓', address: '厂区一号库' });
  expect(w.statusCode, w.body).toBe(201);
  wh = w.json().id;
});
afterAll(() => env.close());

const onHand = async (productId: number) =>
  (
    await env.database.pool.query(
      'select on_hand, reserved from stock_items where product_id = $1 and warehouse_id = $2',
      [productId, wh],
    )
  ).rows[0];

describe('warehouses', () => {
  it('lists, edits with version (412 stale), refuses a duplicate code; reps may view but not manage', async () => {
    const list = (await rep.get('/api/warehouses')).json().items;
    expect(list).toContainEqual({
      id: wh,
      code: 'WH-A',
      name: '成品仓',
      address: '厂区一号库',
      active: true,
      version: 1,
    });
    const put = await admin.put(`/api/warehouses/${wh}`, {
      code: 'WH-A',
      name: '成品一库',
      address: null,
      active: true,
      version: 1,
    });
    expect(put.json()).toMatchObject({ name: '成品一库', version: 2 });
    expect(
      (await admin.put(`/api/warehouses/${wh}`, { code: 'WH-A', name: 'x', active: true, version: 1 })).statusCode,
    ).toBe(412);
    const dup = await admin.post('/api/warehouses', { code: 'WH-A', name: '重复' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'code', message: '仓库编码 WH-A 已存在' });
    expect((await rep.post('/api/warehouses', { code: 'WH-R', name: '越权' })).statusCode).toBe(403);
  });
});

describe('inbound and adjustments', () => {
  it('books plain, batch (expiry from shelf life) and serial stock; tracked products need a batch', async () => {
    const plain = await insertProduct(env, { code: 'S-PLAIN' });
    const r = await admin.post('/api/stock/inbound', { warehouseId: wh, productId: plain, qty: '12.5' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().movementIds).toHaveLength(1);
    expect(await onHand(plain)).toEqual({ on_hand: '12.5000', reserved: '0.0000' });

    const batch = await insertProduct(env, { code: 'S-BATCH', tracking: 'batch' });
    await env.database.pool.query('update products set shelf_life_days = 30 where id = $1', [batch]);
    const noBatch = await admin.post('/api/stock/inbound', { warehouseId: wh, productId: batch, qty: '5' });
    expect(noBatch.statusCode).toBe(400);
    expect(noBatch.json().fields[0]).toMatchObject({
      field: 'batchNo',
      message: 'S-BATCH 按批次/序列号管理，必须指定批次',
    });
    expect(
      (
        await admin.post('/api/stock/inbound', {
          warehouseId: wh,
          productId: batch,
          qty: '5',
          batchNo: 'B2026',
          mfgDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const b = (await rep.get(`/api/stock/batches?productId=${batch}`)).json().items;
    expect(b).toEqual([
      {
        id: expect.any(Number),
        productId: batch,
        batchNo: 'B2026',
        serialNo: null,
        expiryDate: '2026-01-31',
        onHand: [{ warehouseId: wh, onHand: '5.0000' }],
      },
    ]);

    const serial = await insertProduct(env, { code: 'S-SER', tracking: 'serial' });
    const wrong = await admin.post('/api/stock/inbound', {
      warehouseId: wh,
      productId: serial,
      qty: '3',
      batchNo: 'SB1',
      serialNos: ['A1', 'A2'],
    });
    expect(wrong.json().fields[0]).toMatchObject({ field: 'serialNos', message: '序列号数量（2）必须与入库数量一致' });
    const ok = await admin.post('/api/stock/inbound', {
      warehouseId: wh,
      productId: serial,
      qty: '2',
      batchNo: 'SB1',
      serialNos: ['A1', 'A2'],
      note: '首批到货',
    });
    expect(ok.json().movementIds).toHaveLength(2);
    const again = await admin.post('/api/stock/inbound', {
      warehouseId: wh,
      productId: serial,
      qty: '1',
      batchNo: 'SB1',
      serialNos: ['A1'],
    });
    expect(again.json().fields[0]).toMatchObject({ field: 'serialNos', message: '序列号 A1 重复或已存在' });
    expect(await onHand(serial)).toEqual({ on_hand: '2.0000', reserved: '0.0000' });

    const list = (await rep.get(`/api/stock?keyword=s-ser`)).json();
    expect(list).toMatchObject({
      total: 1,
      items: [{ productCode: 'S-SER', warehouseName: '成品一库', onHand: '2.0000', available: '2.0000' }],
    });
    // The keyword also matches the product name (products' search text), and a miss is an empty page.
    expect((await rep.get(`/api/stock?keyword=${encodeURIComponent('产品S-SER')}`)).json()).toMatchObject({
      total: 1,
      totalCapped: false,
      items: [{ productId: serial, productName: '产品S-SER', unit: '台', reserved: '0.0000' }],
    });
    expect((await rep.get('/api/stock?keyword=no-such-product')).json()).toMatchObject({ total: 0, items: [] });
    expect((await rep.get(`/api/stock?productId=${serial}&warehouseId=${wh + 1000}`)).json().total).toBe(0);
    // Ordered by product code: S-BATCH < S-PLAIN < S-SER.
    const codes = (await rep.get('/api/stock?keyword=s-&pageSize=200'))
      .json()
      .items.map((i: { productCode: string }) => i.productCode);
    expect(codes.filter((c: string) => ['S-PLAIN', 'S-BATCH', 'S-SER'].includes(c))).toEqual([
      'S-BATCH',
      'S-PLAIN',
      'S-SER',
    ]);
    const mv = (await rep.get(`/api/stock/movements?productId=${serial}`)).json();
    expect(mv.total).toBe(2);
    expect(mv.items[0]).toMatchObject({
      kind: 'inbound',
      productCode: 'S-SER',
      productName: '产品S-SER',
      qty: '1.0000',
      batchNo: 'SB1',
      // A manual booking: no source document, the note as entered.
      refType: null,
      refId: null,
      note: '首批到货',
      createdByName: expect.any(String),
    });
    expect(mv.items[0].id).toBeGreaterThan(mv.items[1].id);
    const audit = await env.database.pool.query(
      `select count(*)::int n from audit_log where entity_type = 'stock_movement' and action = 'inbound'`,
    );
    expect(audit.rows[0].n).toBe(4);
  });

  it('adjusts with a reason and refuses going negative or below what is reserved', async () => {
    const p = await insertProduct(env, { code: 'S-ADJ' });
    await admin.post('/api/stock/inbound', { warehouseId: wh, productId: p, qty: '10' });
    const ctx = await ctxFor(env, admin);
    await env.database.db.transaction((tx) =>
      reserveStock(tx, ctx, 1, wh, [{ orderLineId: 999001, productId: p, qty: '4' }]),
    );
    const neg = await admin.post('/api/stock/adjust', { warehouseId: wh, productId: p, qty: '-7', reason: '盘亏' });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().fields[0]).toMatchObject({
      field: 'qty',
      message: '调整后库存将为负数（现有 10.0000，已预留 4.0000）',
    });
    const ok = await admin.post('/api/stock/adjust', { warehouseId: wh, productId: p, qty: '-6', reason: '盘亏' });
    expect(ok.json()).toMatchObject({ onHand: '4.0000' });
    const adjAudit = await env.database.pool.query(
      `select changes, comment from audit_log where entity_type = 'stock_movement' and entity_id = $1 and action = 'adjust'`,
      [ok.json().movementId],
    );
    expect(adjAudit.rows).toEqual([{ changes: [{ field: 'onHand', old: '10.0000', new: '4.0000' }], comment: '盘亏' }]);
    expect(
      (await rep.post('/api/stock/adjust', { warehouseId: wh, productId: p, qty: '1', reason: 'x' })).statusCode,
    ).toBe(403);
    await env.database.db.transaction((tx) => releaseReservations(tx, ctx, 1));
    expect(await onHand(p)).toEqual({ on_hand: '4.0000', reserved: '0.0000' });
  });
});

describe('ledger used by other modules', () => {
  it('reserveStock never over-reserves: short → 409 stock.insufficient and nothing changes', async () => {
    const p = await insertProduct(env, { code: 'S-RES' });
    await admin.post('/api/stock/inbound', { warehouseId: wh, productId: p, qty: '3' });
    const ctx = await ctxFor(env, admin);
    await expect(
      env.database.db.transaction((tx) =>
        reserveStock(tx, ctx, 2, wh, [{ orderLineId: 999101, productId: p, qty: '4' }]),
      ),
    ).rejects.toMatchObject({
      status: 409,
      code: 'stock.insufficient',
      params: { product: 'S-RES 产品S-RES', available: '3.0000' },
    });
    expect(await onHand(p)).toEqual({ on_hand: '3.0000', reserved: '0.0000' });
  });

  it('issueStock consumes the reservation and can never go negative under concurrency', async () => {
    const p = await insertProduct(env, { code: 'S-ISS' });
    await admin.post('/api/stock/inbound', { warehouseId: wh, productId: p, qty: '10' });
    const ctx = await ctxFor(env, admin);
    await env.database.db.transaction((tx) =>
      reserveStock(tx, ctx, 3, wh, [{ orderLineId: 999201, productId: p, qty: '4' }]),
    );
    await env.database.db.transaction((tx) =>
      issueStock(tx, ctx, { type: 'delivery', id: 1 }, wh, [
        { orderLineId: 999201, productId: p, batchId: null, qty: '4' },
      ]),
    );
    expect(await onHand(p)).toEqual({ on_hand: '6.0000', reserved: '0.0000' });
    const res = (
      await env.database.pool.query('select status, consumed_qty from stock_reservations where order_line_id = 999201')
    ).rows[0];
    expect(res).toEqual({ status: 'consumed', consumed_qty: '4.0000' });
    // 10 concurrent issues of 1 against 6 on hand (no reservation): exactly 6 succeed.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        env.database.db.transaction((tx) =>
          issueStock(tx, ctx, { type: 'delivery', id: 100 + i }, wh, [
            { orderLineId: 999300 + i, productId: p, batchId: null, qty: '1' },
          ]),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    expect(await onHand(p)).toEqual({ on_hand: '0.0000', reserved: '0.0000' });
    const out = await env.database.pool.query(
      `select sum(qty)::text s from stock_movements where product_id = $1 and kind = 'outbound'`,
      [p],
    );
    expect(out.rows[0].s).toBe('-10.0000');
  });

  it('issue of a tracked product takes from the batch lot; receive (return) puts it back', async () => {
    const p = await insertProduct(env, { code: 'S-LOT', tracking: 'batch' });
    await admin.post('/api/stock/inbound', { warehouseId: wh, productId: p, qty: '5', batchNo: 'L1' });
    const [b] = (await rep.get(`/api/stock/batches?productId=${p}`)).json().items;
    const ctx = await ctxFor(env, admin);
    await expect(
      env.database.db.transaction((tx) =>
        issueStock(tx, ctx, { type: 'delivery', id: 7 }, wh, [
          { orderLineId: 999400, productId: p, batchId: null, qty: '1' },
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      fields: [{ field: 'lines.0.batchId', code: 'stock.batch_required', params: { product: 'S-LOT' } }],
    });
    await expect(
      env.database.db.transaction((tx) =>
        issueStock(tx, ctx, { type: 'delivery', id: 7 }, wh, [
          { orderLineId: 999400, productId: p, batchId: b.id, qty: '6' },
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'stock.insufficient',
    });
    // A batch of another product is refused, and nothing was taken.
    const other = await insertProduct(env, { code: 'S-LOT2', tracking: 'batch' });
    await admin.post('/api/stock/inbound', { warehouseId: wh, productId: other, qty: '1', batchNo: 'L2' });
    const [b2] = (await rep.get(`/api/stock/batches?productId=${other}`)).json().items;
    await expect(
      env.database.db.transaction((tx) =>
        issueStock(tx, ctx, { type: 'delivery', id: 7 }, wh, [
          { orderLineId: 999400, productId: p, batchId: b2.id, qty: '1' },
        ]),
      ),
    ).rejects.toMatchObject({ fields: [{ field: 'batchId', code: 'stock.batch_mismatch' }] });
    expect(await onHand(p)).toEqual({ on_hand: '5.0000', reserved: '0.0000' });
    await env.database.db.transaction((tx) =>
      issueStock(tx, ctx, { type: 'delivery', id: 7 }, wh, [
        { orderLineId: 999400, productId: p, batchId: b.id, qty: '2' },
      ]),
    );
    await env.database.db.transaction((tx) =>
      receiveStock(tx, ctx, { type: 'return', id: 1 }, wh, 'return', [{ productId: p, batchId: b.id, qty: '1' }]),
    );
    const lot = (await env.database.pool.query('select on_hand from stock_lots where batch_id = $1', [b.id])).rows[0];
    expect(lot.on_hand).toBe('4.0000');
    // lotOnHand (for other modules): per batch in one warehouse; a batch with no lot there is absent.
    expect(await lotOnHand(env.database.db, wh, [b.id, b2.id, 987654])).toEqual(
      new Map([
        [b.id, '4.0000'],
        [b2.id, '1.0000'],
      ]),
    );
    expect(await lotOnHand(env.database.db, wh + 1000, [b.id])).toEqual(new Map());
    expect(await lotOnHand(env.database.db, wh, [])).toEqual(new Map());
    expect(await onHand(p)).toEqual({ on_hand: '4.0000', reserved: '0.0000' });
    void org;
  });
});
