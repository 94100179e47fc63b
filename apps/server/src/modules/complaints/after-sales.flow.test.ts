import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { insertCustomer, insertOrder, insertRoleUser } from '../deliveries/deliveries.test-seed.ts';

/**
 * The after-sales chain through the HTTP API on a real PostgreSQL (issue 12 "done means"): a
 * delivery signed → a return visit due N days later → score 2 → a complaint opens → investigation →
 * decision replacement → replacement delivery → verification recorded. Plus quality incidents,
 * compensation approval, surveys and results, the quality card, scope.
 */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let biz: Client;
let qa: Client;
let wh: Client;
let gm: Client;
let fin: Client;
let qaId: number;
let warehouseId: number;
let customerId: number;
let otherCustomer: number;
const pool = () => env.database.pool;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'biz1', '商务甲', 'commerce');
  qaId = await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  await insertRoleUser(env, 'fin1', '财务甲', 'finance');
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  biz = await Client.login(env.app, 'biz1');
  qa = await Client.login(env.app, 'qa1');
  wh = await Client.login(env.app, 'wh1');
  gm = await Client.login(env.app, 'gm');
  fin = await Client.login(env.app, 'fin1');
  warehouseId = await insertWarehouse(env, 'WH-AS', '售后流程仓');
  customerId = await insertCustomer(env, '杭州回访测试医院', org.user.rep1);
  otherCustomer = await insertCustomer(env, '宁波同批次医院', org.user.rep1b);
});
afterAll(() => env.close());

type Note = { id: number; version: number; lines: { id: number }[] };

async function passAndSign(d: Note, signedDate: string, by: Client = rep1) {
  let cur = d;
  for (const l of d.lines)
    cur = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: l.id, status: 'passed', version: cur.version })
    ).json();
  const s = await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version });
  expect(s.statusCode, s.body).toBe(200);
  const signed = await by.post(`/api/deliveries/${d.id}/sign`, {
    version: s.json().version,
    signerName: '李收货',
    signedDate,
    file: { fileName: '签收单.png', mimeType: 'image/png', contentBase64: PNG },
    lines: d.lines.map((l) => ({
      lineId: l.id,
      receivedQty: s.json().lines.find((x: { id: number }) => x.id === l.id).qty,
    })),
  });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json();
}

async function delivered(
  cust: number,
  owner: number,
  productId: number,
  batchId: number | null,
  qty: string,
  signedDate: string,
) {
  const o = await insertOrder(env, {
    customerId: cust,
    ownerId: owner,
    warehouseId,
    lines: [{ productId, qty, unitPrice: '500.00' }],
  });
  const client = owner === org.user.rep1 ? rep1 : await Client.login(env.app, 'rep1b');
  const r = await client.post('/api/deliveries', {
    orderId: o.id,
    lines: [{ orderLineId: o.lineIds[0], qty, batchId }],
    boxCount: 1,
  });
  expect(r.statusCode, r.body).toBe(201);
  return passAndSign(r.json(), signedDate, client);
}

const visitOf = async (deliveryId: number) =>
  (
    await pool().query(
      `select *, due_date::text as due_date from return_visits where source_type = 'delivery' and source_id = $1`,
      [deliveryId],
    )
  ).rows[0];

describe('delivery signed → return visit → low score → complaint → replacement → verification', () => {
  it('runs the whole chain', async () => {
    const p = await insertProduct(env, { code: 'AS-MON', name: '监护仪', tracking: 'batch' });
    const b1 = (await stockIn(env, warehouseId, p, '10', 'MON-01', '2029-01-31')) as number;
    await stockIn(env, warehouseId, p, '10', 'MON-02', '2029-06-30');
    // Signed Thursday 2026-12-03: 7 calendar days (policy default) → Thursday 2026-12-10, a working day.
    const d = await delivered(customerId, org.user.rep1, p, b1, '2', '2026-12-03');
    const visit = await visitOf(d.id);
    expect(visit).toMatchObject({ status: 'planned', due_date: '2026-12-10', owner_id: org.user.rep1 });
    const task = await pool().query(`select user_id, due_date::text, status from tasks where dedupe_key = $1`, [
      `visit:${visit.id}`,
    ]);
    expect(task.rows[0]).toMatchObject({ user_id: org.user.rep1, due_date: '2026-12-10', status: 'open' });

    // The rep's visit list ("mine") shows it; rep2 (another department) gets 404.
    const mine = (await rep1.get('/api/return-visits?mine=true')).json();
    expect(mine.items.map((v: { id: number }) => Number(v.id))).toContain(Number(visit.id));
    expect((await rep2.get(`/api/return-visits/${visit.id}`)).statusCode).toBe(404);

    // Reached without a score: field error, nothing changes.
    const bad = await rep1.post(`/api/return-visits/${visit.id}/record`, { version: 1, outcome: 'reached' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('satisfaction');
    const rec = await rep1.post(`/api/return-visits/${visit.id}/record`, {
      version: 1,
      outcome: 'reached',
      satisfaction: 2,
      comments: '屏幕偶尔花屏',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({ status: 'done', satisfaction: 2 });
    const complaintId = rec.json().complaintId;
    expect(complaintId).toBeTruthy();
    expect(
      (await pool().query(`select status from tasks where dedupe_key = $1`, [`visit:${visit.id}`])).rows[0].status,
    ).toBe('done');

    let c = (await biz.get(`/api/complaints/${complaintId}`)).json();
    expect(c).toMatchObject({
      status: 'open',
      severity: 'general',
      deliveryId: d.id,
      sourceType: 'return_visit',
      ownerName: expect.any(String),
      description: '屏幕偶尔花屏',
    });
    // The rep may not handle; 商务 organises the investigation with QA.
    expect(
      (
        await rep1.post(`/api/complaints/${complaintId}/investigate`, {
          version: c.version,
          investigators: [{ userId: qaId, role: 'qa' }],
        })
      ).statusCode,
    ).toBe(403);
    const inv = await biz.post(`/api/complaints/${complaintId}/investigate`, {
      version: c.version,
      investigators: [{ userId: qaId, role: 'qa' }],
    });
    expect(inv.statusCode, inv.body).toBe(200);
    expect(inv.json().status).toBe('investigating');
    const qaTask = await pool().query(`select due_date, status from tasks where dedupe_key = $1`, [
      `complaint-investigate:${complaintId}:${qaId}`,
    ]);
    expect(qaTask.rows[0].status).toBe('open');
    // The QA investigator sees the complaint (only as investigator) and records the finding.
    c = (await qa.get(`/api/complaints/${complaintId}`)).json();
    expect(c.actions).toEqual(['finding']);
    const found = await qa.post(`/api/complaints/${complaintId}/findings`, {
      version: c.version,
      finding: '批次 MON-01 屏线虚焊',
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(
      (
        await pool().query(`select status from tasks where dedupe_key = $1`, [
          `complaint-investigate:${complaintId}:${qaId}`,
        ])
      ).rows[0].status,
    ).toBe('done');
    // Decision: replacement → a replacement delivery of the signed note.
    const dec = await biz.post(`/api/complaints/${complaintId}/decide`, {
      version: found.json().version,
      cause: '屏线虚焊',
      decision: 'replacement',
      replacementLines: [{ deliveryLineId: d.lines[0].id, qty: '1' }],
    });
    expect(dec.statusCode, dec.body).toBe(200);
    c = dec.json();
    expect(c).toMatchObject({ status: 'decided', decision: 'replacement', replacementDeliveryStatus: 'draft' });
    const rd = (await rep1.get(`/api/deliveries/${c.replacementDeliveryId}`)).json();
    expect(rd).toMatchObject({ replacementOf: d.id, sourceType: 'complaint', sourceId: complaintId });
    expect(rd.lines[0].batchNo).toBe('MON-02');
    await passAndSign(rd, '2026-12-08');
    // Verified with the customer: closed.
    c = (await biz.get(`/api/complaints/${complaintId}`)).json();
    expect(c.actions).toContain('verify');
    const ver = await biz.post(`/api/complaints/${complaintId}/verify`, {
      version: c.version,
      result: 'verified',
      note: '客户确认更换后正常',
    });
    expect(ver.statusCode, ver.body).toBe(200);
    expect(ver.json()).toMatchObject({ status: 'closed', verificationResult: 'verified' });
    const actions = await pool().query(
      `select action from audit_log where entity_type = 'complaint' and entity_id = $1 order by id`,
      [complaintId],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['create', 'investigate', 'finding', 'decide', 'verify']);
    // The stats count it as verified in its month; the quality card of MON-01 lists the chain.
    const month = (
      await pool().query(
        `select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') m from complaints where id = $1`,
        [complaintId],
      )
    ).rows[0].m;
    const stats = (await biz.get(`/api/complaints/stats?from=2020-01-01&to=2099-12-31`)).json();
    expect(
      stats.items.find((s: { month: string; severity: string }) => s.month === month && s.severity === 'general'),
    ).toMatchObject({
      verified: 1,
    });
    const card = (await biz.get(`/api/trace/batches/${b1}/card`)).json();
    expect(card.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(['complaint', 'delivery', 'return_visit']);
  });
});

describe('quality incident, compensation, surveys', () => {
  it('a quality incident lists every delivery of the batch and opens a follow-up for each owner', async () => {
    const p = await insertProduct(env, { code: 'AS-INC', name: '输液泵', tracking: 'batch' });
    const b = (await stockIn(env, warehouseId, p, '10', 'INC-01')) as number;
    const d1 = await delivered(customerId, org.user.rep1, p, b, '2', '2026-12-01');
    const d2 = await delivered(otherCustomer, org.user.rep1b, p, b, '3', '2026-12-02');
    const r = await rep1.post('/api/complaints', {
      customerId,
      deliveryId: d1.id,
      category: 'quality',
      severity: 'serious',
      subject: '输液泵报警失灵',
      description: '两台均出现报警失灵',
      qualityIncident: true,
      files: [{ fileName: '现场照片.png', mimeType: 'image/png', contentBase64: PNG }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c.qualityIncident).toBe(true);
    expect(c.files).toHaveLength(1);
    expect(c.orderId).toBe(d1.orderId);
    expect(c.affected.map((a: { deliveryId: number }) => a.deliveryId).sort()).toEqual([d1.id, d2.id].sort());
    const t = await pool().query(
      `select user_id from tasks where ref_type = 'complaint' and ref_id = $1 order by user_id`,
      [c.id],
    );
    expect(t.rows.map((x) => x.user_id).sort()).toEqual([org.user.rep1, org.user.rep1b].sort());
    // Severity, who and when are kept for appraisal.
    const row = (await pool().query(`select severity, reported_by, owner_id from complaints where id = $1`, [c.id]))
      .rows[0];
    expect(row).toMatchObject({ severity: 'serious', reported_by: org.user.rep1, owner_id: org.user.rep1 });
    // Out of scope: rep2 gets 404 and never sees it listed.
    expect((await rep2.get(`/api/complaints/${c.id}`)).statusCode).toBe(404);
  });

  it('a compensation needs approval before it can be verified; a rejected one may be decided again', async () => {
    const r = await rep1.post('/api/complaints', {
      customerId,
      category: 'delivery',
      severity: 'general',
      subject: '到货延误',
      description: '晚到三天',
    });
    const c = r.json();
    let cur = (
      await biz.post(`/api/complaints/${c.id}/investigate`, {
        version: c.version,
        investigators: [{ userId: qaId, role: 'qa' }],
      })
    ).json();
    const noAmount = await biz.post(`/api/complaints/${c.id}/decide`, {
      version: cur.version,
      cause: '物流',
      decision: 'compensation',
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().fields[0].field).toBe('compensationAmount');
    cur = (
      await biz.post(`/api/complaints/${c.id}/decide`, {
        version: cur.version,
        cause: '物流延误',
        decision: 'compensation',
        compensationAmount: '300.00',
      })
    ).json();
    expect(cur).toMatchObject({ status: 'decided', compensationState: 'pending', compensationAmount: '300.00' });
    expect(cur.actions).not.toContain('verify');
    const early = await biz.post(`/api/complaints/${c.id}/verify`, {
      version: cur.version,
      result: 'verified',
      note: '提前',
    });
    expect(early.statusCode).toBe(409);
    const inst = cur.approvalInstanceId;
    // The complaint's approval for everyone who sees the complaint.
    const viaComplaint = await biz.get(`/api/complaints/${c.id}/approvals`);
    expect(viaComplaint.statusCode, viaComplaint.body).toBe(200);
    expect(viaComplaint.json().items).toEqual([
      expect.objectContaining({ id: inst, docType: 'complaint_compensation', status: 'pending' }),
    ]);
    expect((await fin.post(`/api/approvals/${inst}/reject`, { comment: '金额过高' })).statusCode).toBe(200);
    cur = (await biz.get(`/api/complaints/${c.id}`)).json();
    expect(cur.compensationState).toBe('rejected');
    expect(cur.actions).toContain('decide');
    cur = (
      await biz.post(`/api/complaints/${c.id}/decide`, {
        version: cur.version,
        cause: '物流延误',
        decision: 'compensation',
        compensationAmount: '100.00',
      })
    ).json();
    expect((await fin.post(`/api/approvals/${cur.approvalInstanceId}/approve`, { comment: '同意' })).statusCode).toBe(
      200,
    );
    expect((await gm.post(`/api/approvals/${cur.approvalInstanceId}/approve`, { comment: '同意' })).statusCode).toBe(
      200,
    );
    cur = (await biz.get(`/api/complaints/${c.id}`)).json();
    expect(cur.compensationState).toBe('approved');
    const ver = await biz.post(`/api/complaints/${c.id}/verify`, {
      version: cur.version,
      result: 'unverified',
      note: '客户未回复',
    });
    expect(ver.json()).toMatchObject({ status: 'closed', verificationResult: 'unverified' });
  });

  it('a survey plans one visit per customer; results by rep and product come from SQL', async () => {
    const s = await biz.post('/api/satisfaction-surveys', {
      title: '2026年度满意度调查',
      script: '请您为我们的服务打分（1–5分）',
      dueDate: '2026-12-20',
      customerIds: [customerId, otherCustomer],
    });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().visits).toBe(2);
    const visits = (
      await pool().query(`select id, owner_id from return_visits where survey_id = $1 order by id`, [s.json().id])
    ).rows;
    expect(visits.map((v) => v.owner_id).sort()).toEqual([org.user.rep1, org.user.rep1b].sort());
    const v = visits.find((x) => x.owner_id === org.user.rep1);
    const ok = await rep1.post(`/api/return-visits/${v.id}/record`, {
      version: 1,
      outcome: 'reached',
      satisfaction: 5,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().complaintId).toBeNull();
    const byRep = (await biz.get('/api/satisfaction-results?groupBy=rep&from=2020-01-01&to=2099-12-31')).json();
    // rep1's customer: the score-2 visit of the first test and this 5 → 2 visits, average 3.50.
    const rep1Name = (await pool().query(`select name from users where id = $1`, [org.user.rep1])).rows[0].name;
    expect(byRep.items).toEqual([{ label: rep1Name, visits: 2, average: '3.50', low: 1, satisfied: 1 }]);
    const byProduct = (await biz.get('/api/satisfaction-results?groupBy=product&from=2020-01-01&to=2099-12-31')).json();
    expect(byProduct.items).toEqual([
      { label: '', visits: 1, average: '5.00', low: 0, satisfied: 1 },
      { label: '监护仪', visits: 1, average: '2.00', low: 1, satisfied: 0 },
    ]);
    expect((await rep1.get('/api/satisfaction-results?groupBy=rep&from=2020-01-01&to=2099-12-31')).statusCode).toBe(
      403,
    );
  });
});
