import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from './orders.testkit.ts';

/**
 * 所经营的医疗器械必须具备中文标识 (seed 000 4.4.3 c) and variant attributes on order lines (SPEC 2.8):
 * a labelled product's line is checked by the reviewer or planner before the order is confirmed.
 */
let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let desk: Client;
let planner: Client;
let wh: number;
let masks: number;
let gloves: number;
let customer: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2] = await Promise.all(['rep1', 'rep2'].map((u) => Client.login(env.app, u)));
  desk = await roleUser(env, 'desk1', 'sales_assistant', org.dept.sales1);
  planner = await roleUser(env, 'plan1', 'planner', org.dept.mgmt);
  ({ productId: masks, warehouseId: wh } = await stockedProduct(env, 'MED-01', '100', undefined, {
    code: 'MED-01',
    name: '医用外科口罩',
  }));
  ({ productId: gloves } = await stockedProduct(env, 'GLV-01', '100', wh, { code: 'GLV-01', name: '劳保手套' }));
  await env.database.pool.query(
    `update products set requires_chinese_label = true, attributes = '{"品牌":"华东医疗","规格":"17.5×9.5cm"}' where id = $1`,
    [masks],
  );
  customer = await makeCustomer(env, rep, '标识核对客户');
});
afterAll(() => env.close());

const detail = async (id: number, who = rep) => (await who.get(`/api/orders/${id}`)).json();

async function submittedOrder() {
  const body = orderBody(customer, wh, [
    { productId: masks, qty: '10' },
    { productId: gloves, qty: '5' },
  ]);
  // The customer chose a colour and size on the first line; a blank value drops the product's 规格.
  body.lines[0] = { ...body.lines[0], attributes: { 颜色: '蓝', 尺码: 'L', 规格: '' } } as (typeof body.lines)[0];
  const o = await rep.post('/api/orders', body);
  expect(o.statusCode, o.body).toBe(201);
  const s = await rep.post(`/api/orders/${o.json().id}/submit`, { version: o.json().version });
  expect(s.statusCode, s.body).toBe(200);
  return detail(o.json().id);
}

const tick = (who: Client, o: { id: number; version: number; lines: { id: number }[] }, i: number, checked = true) =>
  who.post(`/api/orders/${o.id}/label-check`, { version: o.version, lineId: o.lines[i].id, checked });

describe('order lines carry variant attributes (品牌、颜色、尺码)', () => {
  it('takes the product attributes with the entered ones over them', async () => {
    const o = await submittedOrder();
    expect(o.lines.map((l: { attributes: Record<string, string> }) => l.attributes)).toEqual([
      { 品牌: '华东医疗', 颜色: '蓝', 尺码: 'L' },
      {},
    ]);
    const rows = await env.database.pool.query(
      'select attributes, requires_chinese_label from order_lines where order_id = $1 order by line_no',
      [o.id],
    );
    expect(rows.rows).toEqual([
      { attributes: { 品牌: '华东医疗', 颜色: '蓝', 尺码: 'L' }, requires_chinese_label: true },
      { attributes: {}, requires_chinese_label: false },
    ]);
  });
});

describe('Chinese labelling check (中文标识核对) before the order is confirmed', () => {
  it('refuses the review naming the unchecked line, changes nothing; passes once the reviewer ticks it', async () => {
    const o = await submittedOrder();
    expect(o.lines.map((l: { requiresChineseLabel: boolean }) => l.requiresChineseLabel)).toEqual([true, false]);
    const refused = await desk.post(`/api/orders/${o.id}/review`, { version: o.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'order.label_unchecked',
      message: '第1行（医用外科口罩）须具备中文标识，须由评审员或计划员核对中文标识后才能确认订单',
    });
    const en = await Client.login(env.app, 'desk1', undefined, 'en-US');
    expect((await en.post(`/api/orders/${o.id}/review`, { version: o.version })).json().message).toBe(
      'Chinese labelling is required on line 1 (医用外科口罩): the reviewer or planner must check it before the order can be confirmed',
    );
    // Nothing happened: still submitted, no review recorded, no stock reserved.
    expect(await detail(o.id)).toMatchObject({ status: 'submitted', version: o.version, reservations: [] });
    const reviews = await env.database.pool.query('select count(*)::int as n from order_reviews where order_id = $1', [
      o.id,
    ]);
    expect(reviews.rows[0].n).toBe(0);

    // Only a reviewer or planner ticks it; an outsider does not even see the order.
    expect((await tick(rep, o, 0)).statusCode).toBe(403);
    expect((await tick(rep2, o, 0)).statusCode).toBe(404);
    const plain = await tick(desk, o, 1);
    expect(plain.statusCode).toBe(409);
    expect(plain.json().message).toBe('第2行的产品无须中文标识核对');

    const ok = await tick(desk, o, 0);
    expect(ok.statusCode, ok.body).toBe(200);
    const checked = await detail(o.id);
    expect(checked.lines[0]).toMatchObject({ labelCheckedByName: 'sales_assistant-desk1' });
    expect(checked.lines[0].labelCheckedAt).not.toBeNull();
    const audit = (await rep.get(`/api/orders/${o.id}/timeline`)).json().items[0];
    expect(audit).toMatchObject({
      action: 'label_check',
      changes: [{ field: 'line:1.labelChecked', old: false, new: true }],
    });

    const passed = await desk.post(`/api/orders/${o.id}/review`, { version: checked.version });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ outcome: 'passed', status: 'approved' });
    // After the review the check is settled.
    const after = await detail(o.id);
    expect((await tick(desk, after, 0, false)).statusCode).toBe(409);
  });

  it('a planner may tick it; clearing it blocks the review again; a changed draft is checked again', async () => {
    const o = await submittedOrder();
    const ticked = await tick(planner, o, 0);
    expect(ticked.statusCode, ticked.body).toBe(200);
    const cleared = await tick(desk, { ...o, version: ticked.json().version }, 0, false);
    expect(cleared.statusCode).toBe(200);
    expect((await detail(o.id)).lines[0].labelCheckedAt).toBeNull();
    expect((await desk.post(`/api/orders/${o.id}/review`, { version: cleared.json().version })).statusCode).toBe(409);

    // Back to draft, ticked, then edited: the new lines need a new check.
    const back = await rep.post(`/api/orders/${o.id}/return`, { version: cleared.json().version, reason: '改数量' });
    expect(back.statusCode, back.body).toBe(200);
    const draft = await detail(o.id);
    const t = await tick(desk, draft, 0);
    expect(t.statusCode).toBe(200);
    const put = await rep.put(`/api/orders/${o.id}`, {
      ...orderBody(customer, wh, [{ productId: masks, qty: '12' }]),
      version: t.json().version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().lines[0]).toMatchObject({ requiresChineseLabel: true, labelCheckedAt: null });
  });
});
