import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { insertCategory, insertCustomer, insertOrder, insertRoleUser } from './deliveries.test-seed.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let wh: Client;
let qa: Client;
let gm: Client;
let warehouseId: number;
let customerId: number;
let qaId: number;

const pool = () => env.database.pool;
// A tiny valid PNG (1×1) as the scanned signed copy.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  qaId = await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  wh = await Client.login(env.app, 'wh1');
  qa = await Client.login(env.app, 'qa1');
  gm = await Client.login(env.app, 'gm');
  warehouseId = await insertWarehouse(env, 'WH-F', '追溯测试仓');
  customerId = await insertCustomer(env, '宁波追溯测试有限公司', org.user.rep1);
});
afterAll(() => env.close());

async function note(productId: number, qty: string, batchId: number | null = null, orderQty = qty, price = '100.00') {
  const o = await insertOrder(env, {
    customerId,
    ownerId: org.user.rep1,
    warehouseId,
    lines: [{ productId, qty: orderQty, unitPrice: price }],
  });
  const r = await rep1.post('/api/deliveries', {
    orderId: o.id,
    lines: [{ orderLineId: o.lineIds[0], qty, batchId }],
    carrier: '顺丰速运',
    boxCount: 1,
  });
  expect(r.statusCode, r.body).toBe(201);
  return { order: o, d: r.json() };
}

async function releaseApproved(d: { id: number; version: number; lines: { id: number }[] }) {
  const req = await rep1.post(`/api/deliveries/${d.id}/emergency-release`, {
    lineId: d.lines[0].id,
    reason: '客户停产待料，急需发货',
    version: d.version,
  });
  expect(req.statusCode, req.body).toBe(200);
  expect(req.json().lines[0].emergencyRelease).toBe('pending');
  const inst = req.json().approval.instanceId;
  expect(req.json().lines[0].releaseInstanceId).toBe(inst);
  // A document under approval is locked.
  expect(
    (
      await rep1.put(`/api/deliveries/${d.id}`, {
        lines: [{ orderLineId: req.json().lines[0].orderLineId, qty: '1', batchId: req.json().lines[0].batchId }],
        version: req.json().version,
      })
    ).statusCode,
  ).toBe(409);
  expect((await qa.post(`/api/approvals/${inst}/approve`, { comment: '同意' })).statusCode).toBe(200);
  const mid = (await rep1.get(`/api/deliveries/${d.id}`)).json();
  expect(mid.lines[0].emergencyRelease).toBe('pending');
  expect((await gm.post(`/api/approvals/${inst}/approve`, { comment: '同意' })).statusCode).toBe(200);
  return (await rep1.get(`/api/deliveries/${d.id}`)).json();
}

describe('emergency release (紧急放行)', () => {
  it('approved by 质管部 then 总经理: ships flagged, listed as open, flag cleared when inspected 合格', async () => {
    const p = await insertProduct(env, { code: 'E-REL', tracking: 'batch' });
    const b = (await stockIn(env, warehouseId, p, '10', 'ER-01', '2028-01-31')) as number;
    const { order, d } = await note(p, '4', b);
    const released = await releaseApproved(d);
    expect(released.lines[0]).toMatchObject({ emergencyRelease: 'approved', inspectionStatus: 'pending' });
    expect(released.emergencyOpen).toBe(true);
    // Editing the shipping fields keeps the line, its approved release and the link to its approval.
    const edit = await rep1.put(`/api/deliveries/${d.id}`, {
      lines: [{ orderLineId: order.lineIds[0], qty: '4', batchId: b }],
      carrier: '德邦物流',
      boxCount: 1,
      version: released.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const approved = edit.json();
    expect(approved.lines[0]).toMatchObject({
      id: released.lines[0].id,
      emergencyRelease: 'approved',
      releaseInstanceId: released.lines[0].releaseInstanceId,
    });
    expect(approved.emergencyOpen).toBe(true);
    const inst = (await rep1.get(`/api/approvals/${released.lines[0].releaseInstanceId}`)).json();
    expect(inst.link).toBe(`/deliveries/${d.id}`);
    // The note's release approvals for every viewer of the note (the warehouse is not in the chain).
    const viaNote = await wh.get(`/api/deliveries/${d.id}/approvals`);
    expect(viaNote.statusCode, viaNote.body).toBe(200);
    expect(viaNote.json().items).toEqual([
      expect.objectContaining({ id: released.lines[0].releaseInstanceId, docType: 'emergency_release' }),
    ]);
    expect((await rep2.get(`/api/deliveries/${d.id}/approvals`)).statusCode).toBe(404);
    const open = (await rep1.get('/api/deliveries?emergencyOpen=true')).json();
    expect(open.items.map((x: { id: number }) => x.id)).toContain(d.id);
    const ship = await wh.post(`/api/deliveries/${d.id}/ship`, { version: approved.version });
    expect(ship.statusCode, ship.body).toBe(200);
    expect(ship.json()).toMatchObject({ status: 'shipped', emergencyOpen: true });
    const lot = await pool().query(`select on_hand::text v from stock_lots where batch_id = $1`, [b]);
    expect(lot.rows[0].v).toBe('6.0000');
    expect((await pool().query(`select status from orders where id = $1`, [order.id])).rows[0].status).toBe(
      'delivered',
    );
    const passed = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[0].id,
      status: 'passed',
      note: '补检合格',
      version: ship.json().version,
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().emergencyOpen).toBe(false);
    expect(
      (await rep1.get('/api/deliveries?emergencyOpen=true')).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(d.id);
    // Once passed after shipping, there is nothing left to inspect.
    const more = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[0].id,
      status: 'failed',
      version: passed.json().version,
    });
    expect(more.statusCode).toBe(409);
  });

  it('a released line later inspected 不合格 opens a recall task for the owner and QA', async () => {
    const p = await insertProduct(env, { code: 'E-RECALL', name: '压力表' });
    await stockIn(env, warehouseId, p, '5');
    const { d } = await note(p, '2');
    const approved = await releaseApproved(d);
    const ship = (await wh.post(`/api/deliveries/${d.id}/ship`, { version: approved.version })).json();
    const failed = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[0].id,
      status: 'failed',
      note: '精度超差',
      version: ship.version,
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().emergencyOpen).toBe(true);
    const tasks = await pool().query(
      `select user_id, title_key from tasks where ref_type = 'delivery' and ref_id = $1 order by user_id`,
      [d.id],
    );
    expect(tasks.rows.map((t) => Number(t.user_id)).sort((x, y) => x - y)).toEqual(
      [org.user.rep1, qaId].sort((x, y) => x - y),
    );
    expect(tasks.rows.every((t) => t.title_key === 'task.delivery.recall')).toBe(true);
    const recall = await pool().query(
      `select comment from audit_log where entity_type = 'delivery' and entity_id = $1 and action = 'recall'`,
      [d.id],
    );
    expect(recall.rows[0].comment).toContain('请召回');
  });

  it('refuses a release for a failed line and ships nothing without one', async () => {
    const p = await insertProduct(env, { code: 'E-NO' });
    await stockIn(env, warehouseId, p, '5');
    const { d } = await note(p, '1');
    const f = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: d.lines[0].id, status: 'failed', version: d.version })
    ).json();
    const r = await rep1.post(`/api/deliveries/${d.id}/emergency-release`, {
      lineId: d.lines[0].id,
      reason: '急',
      version: f.version,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toContain('只有待检或待处理的货物可以申请紧急放行');
  });
});

describe('checklist, sign-off, PDF and traceability', () => {
  it('needs every checklist item of the product category ticked before shipping', async () => {
    const cat = await insertCategory(env, 'CAR', [
      { key: 'paint', label: '漆面检查' },
      { key: 'tools', label: '随车工具齐全' },
    ]);
    const p = await insertProduct(env, { code: 'E-CAR', categoryId: cat });
    await stockIn(env, warehouseId, p, '1');
    const { d } = await note(p, '1');
    expect(d.checklist.map((i: { label: string }) => i.label)).toEqual(['漆面检查', '随车工具齐全']);
    let cur = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: d.lines[0].id, status: 'passed', version: d.version })
    ).json();
    cur = (
      await qa.put(`/api/deliveries/${d.id}/checklist`, { key: d.checklist[0].key, ok: true, version: cur.version })
    ).json();
    const blocked = await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toBe('出厂检验表尚未全部确认合格：随车工具齐全');
    cur = (
      await qa.put(`/api/deliveries/${d.id}/checklist`, {
        key: d.checklist[1].key,
        ok: true,
        note: '已核对',
        version: cur.version,
      })
    ).json();
    expect((await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version })).statusCode).toBe(200);
  });

  it('records the sign-off with the signed copy, requiring a discrepancy note when quantities differ', async () => {
    const p = await insertProduct(env, { code: 'E-SIGN' });
    await stockIn(env, warehouseId, p, '10');
    const { d } = await note(p, '5');
    const passed = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: d.lines[0].id, status: 'passed', version: d.version })
    ).json();
    const shipped = (await wh.post(`/api/deliveries/${d.id}/ship`, { version: passed.version })).json();
    const body = {
      version: shipped.version,
      signerName: '李收货',
      signedDate: '2026-12-03',
      file: { fileName: '签收单.png', mimeType: 'image/png', contentBase64: PNG },
      lines: [{ lineId: d.lines[0].id, receivedQty: '4' }],
    };
    const missing = await rep1.post(`/api/deliveries/${d.id}/sign`, body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0]).toMatchObject({
      field: 'discrepancy',
      message: '实收数量与发货数量不一致，请填写差异说明',
    });
    expect(
      (
        await pool().query(
          `select count(*)::int n from attachments where entity_type = 'delivery' and entity_id = $1`,
          [d.id],
        )
      ).rows[0].n,
    ).toBe(0);
    const ok = await rep1.post(`/api/deliveries/${d.id}/sign`, { ...body, discrepancy: '破损1台，客户拒收' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'signed',
      signerName: '李收货',
      signedDate: '2026-12-03',
      discrepancy: '破损1台，客户拒收',
    });
    expect(ok.json().lines[0].receivedQty).toBe('4');
    const file = ok.json().files[0];
    expect(file).toMatchObject({ purpose: 'signed_delivery_note', fileName: '签收单.png' });
    expect((await rep1.get(`/api/attachments/${file.id}`)).statusCode).toBe(200);
    expect((await rep2.get(`/api/attachments/${file.id}`)).statusCode).toBe(404);
  });

  it('prints the three-copy 送货单 with the amount in capitals', async () => {
    const p = await insertProduct(env, { code: 'E-PDF', name: '轴承' });
    await stockIn(env, warehouseId, p, '10');
    // 2 × 546.46 = 1092.92 net, 13 % tax 142.08 → gross 1235.00 for 2; delivering 1 → 617.50.
    const { d } = await note(p, '1', null, '2', '546.46');
    const res = await rep1.get(`/api/deliveries/${d.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    for (const copy of ['存根联', '客户联', '库房联']) expect(text).toContain(copy);
    expect(text).toContain('陆佰壹拾柒元伍角整');
    expect(text).toContain('617.50');
    expect(text).toContain(d.no);
    expect(text).toContain('宁波追溯测试有限公司');
  });

  it('traces a batch to every delivery and customer, and a delivery back to its batches', async () => {
    const p = await insertProduct(env, { code: 'E-TRACE', tracking: 'batch' });
    const b = (await stockIn(env, warehouseId, p, '10', 'TR-2026-01', '2028-06-30')) as number;
    const other = await insertCustomer(env, '温州第二客户有限公司', org.user.rep1);
    const ids: number[] = [];
    for (const [cust, qty] of [
      [customerId, '3'],
      [other, '2'],
    ] as const) {
      const o = await insertOrder(env, {
        customerId: cust,
        ownerId: org.user.rep1,
        warehouseId,
        lines: [{ productId: p, qty, unitPrice: '10.00' }],
      });
      const d = (
        await rep1.post('/api/deliveries', {
          orderId: o.id,
          lines: [{ orderLineId: o.lineIds[0], qty, batchId: b }],
          boxCount: 1,
        })
      ).json();
      const passed = (
        await qa.post(`/api/deliveries/${d.id}/inspect`, {
          lineId: d.lines[0].id,
          status: 'passed',
          version: d.version,
        })
      ).json();
      expect((await wh.post(`/api/deliveries/${d.id}/ship`, { version: passed.version })).statusCode).toBe(200);
      ids.push(d.id);
    }
    // A draft note of the batch has not shipped: it is not traced.
    const pendingOrder = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '1', unitPrice: '10.00' }],
    });
    const draft = await rep1.post('/api/deliveries', {
      orderId: pendingOrder.id,
      lines: [{ orderLineId: pendingOrder.lineIds[0], qty: '1', batchId: b }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const search = (await qa.get('/api/trace/search?batchNo=TR-2026-01')).json();
    expect(search.items).toEqual([
      expect.objectContaining({ id: b, productCode: 'E-TRACE', expiryDate: '2028-06-30' }),
    ]);
    const fwd = await qa.get(`/api/trace/batches/${b}`);
    expect(fwd.statusCode).toBe(200);
    expect(fwd.json()).toMatchObject({ customerCount: 2, totalQty: '5' });
    expect(
      fwd
        .json()
        .deliveries.map((x: { deliveryId: number; customerName: string; qty: string }) => [
          x.deliveryId,
          x.customerName,
          x.qty,
        ]),
    ).toEqual([
      [ids[0], '宁波追溯测试有限公司', '3'],
      [ids[1], '温州第二客户有限公司', '2'],
    ]);
    const back = (await rep1.get(`/api/trace/deliveries/${ids[1]}`)).json();
    expect(back.lines).toEqual([
      expect.objectContaining({ batchId: b, batchNo: 'TR-2026-01', qty: '2', productCode: 'E-TRACE' }),
    ]);
    expect((await qa.get('/api/trace/batches/987654321')).statusCode).toBe(404);
    // Traceability is a QA / warehouse view: a sales rep lacks trace.view.
    expect((await rep1.get(`/api/trace/batches/${b}`)).statusCode).toBe(403);
    expect((await rep1.get('/api/trace/search?batchNo=TR-2026-01')).statusCode).toBe(403);
    // Backward trace follows the note's own scope: another department's rep gets 404.
    expect((await rep2.get(`/api/trace/deliveries/${ids[1]}`)).statusCode).toBe(404);
  });
});
