import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { createReplacementDelivery, type ReplacementInput } from './deliveries.replacement.ts';
import { insertCustomer, insertOrder, insertRoleUser } from './deliveries.test-seed.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let wh: Client;
let qa: Client;
let warehouseId: number;
let customerId: number;

const pool = () => env.database.pool;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  wh = await Client.login(env.app, 'wh1');
  qa = await Client.login(env.app, 'qa1');
  warehouseId = await insertWarehouse(env, 'WH-R', '补发测试仓');
  customerId = await insertCustomer(env, '宁波补发测试有限公司', org.user.rep1);
});
afterAll(() => env.close());

type Note = { id: number; version: number; lines: { id: number; batchId: number | null }[] };

/** Inspect, ship and (optionally) sign a draft note; returns it as last read. */
async function pass(d: Note, sign: { receivedQty: string; discrepancy?: string } | null = null) {
  let cur = d;
  for (const l of d.lines) {
    const r = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: l.id,
      status: 'passed',
      version: cur.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    cur = r.json();
  }
  const s = await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version });
  expect(s.statusCode, s.body).toBe(200);
  cur = s.json();
  if (!sign) return cur;
  const ok = await rep1.post(`/api/deliveries/${d.id}/sign`, {
    version: cur.version,
    signerName: '李收货',
    signedDate: '2026-12-03',
    discrepancy: sign.discrepancy,
    file: { fileName: '签收单.png', mimeType: 'image/png', contentBase64: PNG },
    lines: d.lines.map((l) => ({ lineId: l.id, receivedQty: sign.receivedQty })),
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json();
}

async function signedNote(productId: number, qty: string, batchId: number | null, received = qty) {
  const o = await insertOrder(env, {
    customerId,
    ownerId: org.user.rep1,
    warehouseId,
    lines: [{ productId, qty, unitPrice: '100.00' }],
  });
  const r = await rep1.post('/api/deliveries', {
    orderId: o.id,
    lines: [{ orderLineId: o.lineIds[0], qty, batchId }],
    boxCount: 1,
  });
  expect(r.statusCode, r.body).toBe(201);
  const d = await pass(r.json(), {
    receivedQty: received,
    discrepancy: received === qty ? undefined : '破损',
  });
  return { order: o, d };
}

async function replace(client: Client, input: ReplacementInput) {
  const ctx = await ctxFor(env, client);
  return env.database.db.transaction((tx) => createReplacementDelivery(tx, { ...ctx, db: tx }, input));
}

const orderLine = async (id: number) =>
  (await pool().query(`select delivered_qty::text d from order_lines where id = $1`, [id])).rows[0].d;

describe('replacement delivery (补发)', () => {
  it('re-ships goods through inspect/ship/sign without growing the order delivered qty', async () => {
    const p = await insertProduct(env, { code: 'R-BATCH', tracking: 'batch' });
    const b1 = (await stockIn(env, warehouseId, p, '5', 'RB-01', '2028-01-31')) as number;
    const b2 = (await stockIn(env, warehouseId, p, '5', 'RB-02', '2028-06-30')) as number;
    const { order, d } = await signedNote(p, '3', b1);
    expect(await orderLine(order.lineIds[0])).toBe('3.0000');
    const status = (await pool().query(`select status from orders where id = $1`, [order.id])).rows[0].status;

    const r = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '2' }],
      reason: 'complaint',
      sourceType: 'complaint',
      sourceId: 42,
    });
    expect(r.no).toMatch(/\S/);
    const got = (await rep1.get(`/api/deliveries/${r.id}`)).json();
    // Prefers another batch than the complained-of one (RB-01 still holds 2).
    expect(got).toMatchObject({
      status: 'draft',
      orderId: order.id,
      replacementOf: d.id,
      replacementOfNo: d.no,
      replacementReason: 'complaint',
      sourceType: 'complaint',
      sourceId: 42,
    });
    expect(got.lines).toHaveLength(1);
    expect(got.lines[0]).toMatchObject({ qty: '2', batchId: b2, replacesLineId: d.lines[0].id });
    // The original lists it.
    const orig = (await rep1.get(`/api/deliveries/${d.id}`)).json();
    expect(orig.replacements).toEqual([{ id: r.id, no: r.no, status: 'draft', reason: 'complaint' }]);
    // Editing its lines is refused (they come from the original).
    const edit = await rep1.put(`/api/deliveries/${r.id}`, {
      lines: [{ orderLineId: order.lineIds[0], qty: '2', batchId: b2 }],
      version: got.version,
    });
    expect(edit.statusCode).toBe(409);

    await pass(got, { receivedQty: '2' });
    expect(await orderLine(order.lineIds[0])).toBe('3.0000');
    expect((await pool().query(`select status from orders where id = $1`, [order.id])).rows[0].status).toBe(status);
    const lot = await pool().query(`select on_hand::text v from stock_lots where batch_id = $1`, [b2]);
    expect(lot.rows[0].v).toBe('3.0000');
    const mv = await pool().query(
      `select count(*)::int n from stock_movements where ref_type = 'delivery' and ref_id = $1`,
      [r.id],
    );
    expect(mv.rows[0].n).toBe(1);
    const audit = await pool().query(
      `select action from audit_log where entity_type = 'delivery' and entity_id = $1 order by id`,
      [r.id],
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['create', 'inspect', 'ship', 'sign']);
  });

  it('caps the qty at what the customer received minus live replacements; a cancelled one frees it', async () => {
    const p = await insertProduct(env, { code: 'R-CAP' });
    await stockIn(env, warehouseId, p, '20');
    const { d } = await signedNote(p, '5', null, '4');
    const over = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '5' }],
      reason: 'exchange',
      sourceType: 'return',
      sourceId: 1,
    }).catch((e) => e);
    expect(over).toBeInstanceOf(ValidationError);
    expect((over as ValidationError).fields[0]).toMatchObject({
      field: 'lines.0.qty',
      code: 'delivery.replacement.over',
    });
    const first = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '3' }],
      reason: 'exchange',
      sourceType: 'return',
      sourceId: 1,
    });
    const second = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '2' }],
      reason: 'exchange',
      sourceType: 'return',
      sourceId: 1,
    }).catch((e) => e);
    expect(second).toBeInstanceOf(ValidationError);
    const f = (await rep1.get(`/api/deliveries/${first.id}`)).json();
    expect(
      (await rep1.post(`/api/deliveries/${first.id}/cancel`, { version: f.version, reason: '重开' })).statusCode,
    ).toBe(200);
    const again = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '4' }],
      reason: 'exchange',
      sourceType: 'return',
      sourceId: 1,
    });
    expect(again.id).toBeGreaterThan(first.id);
    // A replacement draft does not hold open order quantity: a normal note for the rest still fits.
    const row = await pool().query(`select replacement_reason from deliveries where id = $1`, [again.id]);
    expect(row.rows[0].replacement_reason).toBe('exchange');
  });

  it('refuses an unsigned original, another user’s note (404) and a line of another note', async () => {
    const p = await insertProduct(env, { code: 'R-REF' });
    await stockIn(env, warehouseId, p, '20');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '2', unitPrice: '100.00' }],
    });
    const draft = (
      await rep1.post('/api/deliveries', {
        orderId: o.id,
        lines: [{ orderLineId: o.lineIds[0], qty: '2', batchId: null }],
        boxCount: 1,
      })
    ).json();
    const shipped = await pass(draft);
    const notSigned = await replace(rep1, {
      originalDeliveryId: shipped.id,
      lines: [{ deliveryLineId: draft.lines[0].id, qty: '1' }],
      reason: 'complaint',
      sourceType: 'complaint',
      sourceId: 1,
    }).catch((e) => e);
    expect(notSigned).toBeInstanceOf(ConflictError);
    const { d } = await signedNote(p, '2', null);
    const hidden = await replace(rep2, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: d.lines[0].id, qty: '1' }],
      reason: 'complaint',
      sourceType: 'complaint',
      sourceId: 1,
    }).catch((e) => e);
    expect(hidden).toBeInstanceOf(NotFoundError);
    const wrong = await replace(rep1, {
      originalDeliveryId: d.id,
      lines: [{ deliveryLineId: draft.lines[0].id, qty: '1' }],
      reason: 'complaint',
      sourceType: 'complaint',
      sourceId: 1,
    }).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    const n = await pool().query(`select count(*)::int n from deliveries where replacement_of = $1`, [d.id]);
    expect(n.rows[0].n).toBe(0);
  });
});
