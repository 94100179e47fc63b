import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse } from '../../../test/q2c-seed.ts';
import { bookFact } from '../analytics/index.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';
import { makeCustomer } from '../orders/orders.testkit.ts';

/**
 * Appraisal (绩效考核, SPEC 5.2; seed 002 公司营销工作考核细则, seed 003 连续[X]个月绩效不达标): the
 * scores computed from plans, the indicator engine, complaints and discipline with their evidence,
 * the supervisor's manual scores, the person's acknowledgement or objection, ranking and the
 * champion, closing, the refused re-run, corrections, the N-failed-periods flag and the data scope.
 * Every expected figure is worked out by hand from the seed's rules.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function complaint(ownerId: number, customerId: number, severity: string, date: string, status = 'open') {
  const no = `TS-${severity}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await q(
    `insert into complaints (no, customer_id, owner_id, owner_dept_id, reported_by, category, severity, subject, description, status, cancel_reason, created_at, updated_at)
     select $1, $2, u.id, u.dept_id, u.id, 'service', $3, '客户投诉', '服务态度', $4, $6, $5, $5 from users u where u.id = $7 returning id`,
    [no, customerId, severity, status, at(date), status === 'cancelled' ? '重复登记' : null, ownerId],
  );
  return Number(r[0].id);
}

async function sale(
  ownerId: number,
  customerId: number,
  warehouseId: number,
  productId: number,
  price: string,
  date: string,
) {
  const o = await insertOrder(env, {
    customerId,
    ownerId,
    warehouseId,
    lines: [{ productId, qty: '1', unitPrice: price, taxRate: '0.00' }],
  });
  await q('update orders set approved_at = $2 where id = $1', [o.id, at(date)]);
  await env.database.db.transaction((tx) => bookFact.orderApproved(tx, o.id));
  return o;
}

let orderNo = '';
let complaintIds: number[] = [];
let disciplineId = 0;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  for (const u of ['admin', 'director', 'manager1', 'manager2', 'supervisor1', 'rep1', 'rep1b', 'teamrep', 'rep2'])
    who[u] = await Client.login(env.app, u);
  // The plan in force for 2026: rep1 1,000 a month, rep1b 0 (无目标), teamRep 2,000 (no sales at all).
  const plan = await q(
    `insert into sales_plans (year, plan_version, title, status, target_amount, target_customers, created_by, approved_at)
     values (2026, 1, '2026年度销售计划', 'approved', 36000, 0, $1, now()) returning id`,
    [org.user.manager1],
  );
  const planId = plan[0].id;
  for (const month of [4, 5])
    for (const [userId, amount] of [
      [org.user.rep1, '1000.00'],
      [org.user.rep1b, '0.00'],
      [org.user.teamRep, '2000.00'],
    ] as const)
      await q(
        `insert into sales_plan_cells (plan_id, dept_id, user_id, month, amount, customers)
         select $1, u.dept_id, u.id, $2, $3, 0 from users u where u.id = $4`,
        [planId, month, amount, userId],
      );
  // rep1 in May: one order of 950.00 (95 % of the target), one serious and two general complaints,
  // one more general complaint cancelled (not counted), one in June (another period).
  const cust = await makeCustomer(env, who.rep1, '考核客户甲');
  const wh = await insertWarehouse(env, 'WH-AP', '考核仓');
  const product = await insertProduct(env, { code: 'P-AP-1', name: '考核产品' });
  orderNo = (await sale(org.user.rep1, cust, wh, product, '950.00', '2026-05-12')).no;
  // April: rep1 sold 1,200 (above target).
  await sale(org.user.rep1, cust, wh, product, '1200.00', '2026-04-08');
  complaintIds = [
    await complaint(org.user.rep1, cust, 'serious', '2026-05-03'),
    await complaint(org.user.rep1, cust, 'general', '2026-05-10'),
    await complaint(org.user.rep1, cust, 'general', '2026-05-31'),
  ];
  await complaint(org.user.rep1, cust, 'general', '2026-05-20', 'cancelled');
  await complaint(org.user.rep1, cust, 'serious', '2026-06-01');
  // supervisor1: a decided 一级 warning in May (−1 by policy).
  const d = await who.manager1.post('/api/discipline-records', {
    kind: 'incident',
    personId: org.user.supervisor1,
    occurredOn: '2026-05-06',
    rule: '未按流程登记来访客户',
    description: '来访客户未登记',
    lossAmount: '0',
  });
  disciplineId = d.json().id;
  expect((await who.manager1.post(`/api/discipline-records/${disciplineId}/decide`, { version: 1 })).statusCode).toBe(
    200,
  );
  // Pass mark 70 and the flag after 2 failed months, so teamRep's 60 fails twice in a row.
  expect((await who.admin.put('/api/policies/appraisal.passMark', { value: '70.00', version: 0 })).statusCode).toBe(
    200,
  );
  expect((await who.admin.put('/api/policies/appraisal.failStreakPeriods', { value: 2, version: 0 })).statusCode).toBe(
    200,
  );
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

let mayRun: { id: number; version: number };

const resultOf = (run: { results: { personId: number; id: number }[] }, personId: number) =>
  run.results.find((r) => r.personId === personId)?.id as number;

describe('a run computed from the data', () => {
  it('April first: teamRep fails once (60 < 70), not yet flagged', async () => {
    const r = await who.manager1.post('/api/appraisal-runs', { period: '2026-04' });
    expect(r.statusCode).toBe(201);
    const team = r.json().results.find((x: { personId: number }) => x.personId === org.user.teamRep);
    expect(team).toMatchObject({ score: '60.00', passed: false, failStreak: 1, flagged: false });
  });

  it('May: 95 % of target, one serious and two general complaints → −9.5 = 90.5, with the evidence', async () => {
    const r = await who.manager1.post('/api/appraisal-runs', { period: '2026-05' });
    expect(r.statusCode).toBe(201);
    const run = r.json();
    mayRun = run;
    expect(run).toMatchObject({ period: '2026-05', status: 'open', periodEnd: '2026-05-31' });
    // manager1's scope: supervisor1, rep1, rep1b, teamRep — never the runner.
    const people = run.results.map((x: { personId: number }) => x.personId).sort();
    expect(people).toEqual([org.user.supervisor1, org.user.rep1, org.user.rep1b, org.user.teamRep].sort());
    const score = (id: number) => run.results.find((x: { personId: number }) => x.personId === id);
    expect(score(org.user.rep1)).toMatchObject({ score: '90.50', rank: 3, passed: true });
    expect(score(org.user.rep1b)).toMatchObject({ score: '100.00', rank: 1 }); // zero target: 无目标
    expect(score(org.user.supervisor1)).toMatchObject({ score: '99.00', rank: 2 }); // one 一级 warning
    // No sales against 2,000: 100 % below = 50 points, capped at the weight 40 → 60; second failed month → flagged.
    expect(score(org.user.teamRep)).toMatchObject({ score: '60.00', rank: 4, failStreak: 2, flagged: true });
    expect(run.championId).toBe(org.user.rep1b);
    expect(run.championName).toBe('李四');

    const res = (await who.manager1.get(`/api/appraisal-results/${resultOf(run, org.user.rep1)}`)).json();
    const item = (ind: string) => res.items.find((i: { indicator: string }) => i.indicator === ind);
    expect(item('revenue')).toMatchObject({ kind: 'auto', points: '-2.50' });
    expect(item('revenue').evidence).toMatchObject({
      target: '1000.00',
      actual: '950.00',
      completionPercent: '95.00',
      percentsBelow: 5,
      pointsPerPercent: '0.50',
      state: 'below',
    });
    // The records behind the revenue: the plan and the order, as the engine's drill-down gives them.
    const recs = item('revenue').evidence.records;
    expect(recs.map((x: { type: string }) => x.type)).toEqual(['plan', 'order']);
    expect(recs[1]).toMatchObject({ no: orderNo, amount: '950.00', date: '2026-05-12' });
    expect(item('profit')).toMatchObject({ points: '0.00' });
    expect(item('profit').evidence).toMatchObject({ state: 'no_target', target: null });
    expect(item('export').evidence).toMatchObject({ state: 'no_target' });
    expect(item('complaints')).toMatchObject({ points: '-7.00' });
    expect(item('complaints').evidence.counts).toEqual({ general: 2, serious: 1 });
    expect(item('complaints').evidence.records.map((x: { id: number }) => x.id)).toEqual(complaintIds);
    expect(item('discipline')).toMatchObject({ points: '0.00' });
    expect(res).toMatchObject({ baseScore: '100.00', score: '90.50', status: 'pending', revision: 1, canScore: true });
    // The supervisor's warning as discipline evidence.
    const sup = (await who.manager1.get(`/api/appraisal-results/${resultOf(run, org.user.supervisor1)}`)).json();
    const disc = sup.items.find((i: { indicator: string }) => i.indicator === 'discipline');
    expect(disc).toMatchObject({ points: '-1.00' });
    expect(disc.evidence.records).toEqual([
      expect.objectContaining({ id: disciplineId, label: 'level1', points: '1.00' }),
    ]);
    // rep1b's zero target: 无目标, nothing deducted.
    const b = (await who.manager1.get(`/api/appraisal-results/${resultOf(run, org.user.rep1b)}`)).json();
    expect(b.items.find((i: { indicator: string }) => i.indicator === 'revenue').evidence).toMatchObject({
      state: 'no_target',
      target: '0.00',
    });
    // Each person has a to-do to acknowledge.
    const tasks = await q(`select user_id from tasks where kind = 'appraisal.acknowledge' and ref_id = $1`, [
      resultOf(run, org.user.rep1),
    ]);
    expect(tasks).toEqual([{ user_id: org.user.rep1 }]);
  });

  it('May: the awards and each bonus are on the run and the result (defaults: base 2,000.00, cap 3,000.00)', async () => {
    const run = (await who.manager1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    // 李四 alone has 100: the champion. Nobody gained a customer in May (the test customer is June's),
    // and rep1b and supervisor1 both passed without complaints or visits: a tie, so no service award.
    expect(run.awards).toEqual([
      { award: 'sales_champion', personId: org.user.rep1b, personName: '李四', basis: { score: '100.00' } },
    ]);
    const bonus = (id: number) => run.results.find((x: { personId: number }) => x.personId === id).bonus;
    expect(bonus(org.user.rep1b)).toEqual({ coefficient: '1.20', amount: '2400.00', capped: false }); // 100 ≥ 95
    expect(bonus(org.user.supervisor1)).toEqual({ coefficient: '1.20', amount: '2400.00', capped: false }); // 99
    expect(bonus(org.user.rep1)).toEqual({ coefficient: '1.00', amount: '2000.00', capped: false }); // 90.5 ≥ 85
    // 60 reaches the lowest tier but not this scheme's pass mark (70 here): a failed month earns nothing.
    expect(bonus(org.user.teamRep)).toEqual({ coefficient: '0.00', amount: '0.00', capped: false });
    const res = (await who.rep1.get(`/api/appraisal-results/${resultOf(run, org.user.rep1)}`)).json();
    expect(res.bonus).toEqual({ coefficient: '1.00', amount: '2000.00', capped: false });
    // A rep sees only their own result but the same awards as the manager.
    const seen = (await who.rep1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    expect(seen.results).toHaveLength(1);
    expect(seen.awards).toEqual(run.awards);
  });

  it('refuses a period not ended, a bad period, and a second run of an open month', async () => {
    const cur = await who.manager1.post('/api/appraisal-runs', { period: '2026-06' });
    expect(cur.statusCode).toBe(400);
    expect(cur.json().fields[0]).toMatchObject({ field: 'period' });
    const bad = await who.manager1.post('/api/appraisal-runs', { period: '2026-13' });
    expect(bad.json().fields[0]).toMatchObject({ field: 'period', message: '考核期间格式应为 年-月（如 2026-05）' });
    const again = await who.manager1.post('/api/appraisal-runs', { period: '2026-05' });
    expect(again.statusCode).toBe(409);
    // A rep runs nothing.
    expect((await who.rep1.post('/api/appraisal-runs', { period: '2026-03' })).statusCode).toBe(403);
  });
});

describe('review: manual scores, acknowledgement, objection', () => {
  it('the supervisor adds a manual score with evidence; nobody scores themselves', async () => {
    const id = resultOf(mayRun as never, org.user.rep1b);
    const cur = (await who.manager1.get(`/api/appraisal-results/${id}`)).json();
    const noEvidence = await who.manager1.post(`/api/appraisal-results/${id}/manual-scores`, {
      version: cur.version,
      label: '团队协作',
      points: '-3',
      evidence: '',
    });
    expect(noEvidence.statusCode).toBe(400);
    const badPoints = await who.manager1.post(`/api/appraisal-results/${id}/manual-scores`, {
      version: cur.version,
      label: '团队协作',
      points: '0',
      evidence: '例会缺席两次',
    });
    expect(badPoints.json().fields[0]).toMatchObject({ field: 'points' });
    const ok = await who.manager1.post(`/api/appraisal-results/${id}/manual-scores`, {
      version: cur.version,
      label: '团队协作',
      points: '-3',
      evidence: '5月例会缺席两次（见会议签到表）',
    });
    expect(ok.json()).toMatchObject({ score: '97.00', revision: 1 });
    // 97 < 99: the supervisor is now first and the champion.
    const run = (await who.manager1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    expect(run.championId).toBe(org.user.supervisor1);
    expect(run.results[0]).toMatchObject({ personId: org.user.supervisor1, rank: 1 });
    // The person cannot score themselves or others (no manage permission).
    expect(
      (
        await who.rep1b.post(`/api/appraisal-results/${id}/manual-scores`, {
          version: ok.json().version,
          label: '自评',
          points: '5',
          evidence: '自评',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the person objects with the points; refused points write nothing; the approval goes to the department head, then the director; approved → exactly the points, a new audited version', async () => {
    const id = resultOf(mayRun as never, org.user.rep1);
    const mine = (await who.rep1.get(`/api/appraisal-results/${id}`)).json();
    expect(mine).toMatchObject({ canAcknowledge: true, canObject: true, canScore: false });
    // Only the person objects.
    expect(
      (
        await who.manager1.post(`/api/appraisal-results/${id}/object`, {
          version: mine.version,
          reason: 'x',
          points: '1',
        })
      ).statusCode,
    ).toBe(403);
    // Points: required, non-zero, −100 … 100 with at most 2 decimals; refused → field error, nothing written.
    for (const points of [undefined, '0', '100.01', '-101', '1.005', 'abc']) {
      const bad = await who.rep1.post(`/api/appraisal-results/${id}/object`, {
        version: mine.version,
        reason: '扣分有误',
        points,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[0]).toMatchObject({ field: 'points' });
    }
    const untouched = (await who.rep1.get(`/api/appraisal-results/${id}`)).json();
    expect(untouched).toMatchObject({ status: 'pending', version: mine.version, objectionPoints: null });
    expect(await q(`select id from approval_instances where doc_type = 'appraisal_objection'`)).toEqual([]);

    const obj = await who.rep1.post(`/api/appraisal-results/${id}/object`, {
      version: mine.version,
      reason: '5月31日的投诉已核实为其他同事的客户',
      points: '1',
    });
    expect(obj.json()).toMatchObject({ status: 'objected', objectionPoints: '1.00', canObject: false });
    // The approval instance, pending at 李经理 (head of 销售一部), with a readable summary and the facts.
    const [inst] = await q(
      `select id, status, current_step, facts, summary from approval_instances where doc_type = 'appraisal_objection' and doc_id = $1`,
      [id],
    );
    expect(inst).toMatchObject({
      status: 'pending',
      current_step: 0,
      facts: { requestedPoints: '1.00', currentScore: '90.50', period: 202605 },
      summary: '张三 对 2026年5月考核结果（90.50 分）的申诉，请求调整 +1.00 分',
    });
    const tasks = async () =>
      q(`select step, approver_id, status from approval_tasks where instance_id = $1 order by id`, [inst.id]);
    expect(await tasks()).toEqual([{ step: 0, approver_id: org.user.manager1, status: 'pending' }]);
    // It is in 李经理's inbox.
    const inbox = (await who.manager1.get('/api/approvals/inbox?status=pending')).json();
    expect(inbox.items.find((i: { instanceId: number }) => i.instanceId === inst.id)).toMatchObject({
      docType: 'appraisal_objection',
      summary: '张三 对 2026年5月考核结果（90.50 分）的申诉，请求调整 +1.00 分',
      stepName: '部门负责人审批',
    });
    const en = (
      await who.manager1.request('GET', '/api/approvals/inbox?status=pending', undefined, {
        'accept-language': 'en-US',
      })
    ).json();
    expect(en.items.find((i: { instanceId: number }) => i.instanceId === inst.id).summary).toBe(
      'Objection of 张三 to the result of 5/2026 (90.50 points): adjust by +1.00 points',
    );
    // The person cannot approve their own objection (SPEC 1.4); they only withdraw it.
    const self = await who.rep1.post(`/api/approvals/${inst.id}/approve`, { comment: '同意' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('approval.no_pending_task');
    // The run cannot close while the objection is under approval.
    const run = (await who.manager1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    expect(run.objections).toBe(1);
    const close = await who.manager1.post(`/api/appraisal-runs/${mayRun.id}/close`, { version: run.version });
    expect(close.statusCode).toBe(409);
    expect(close.json().message).toBe('还有 1 条异议未处理，处理后才能关闭考核');
    // Step 1: the department head; the score does not move yet.
    expect((await who.manager1.post(`/api/approvals/${inst.id}/approve`, { comment: '属实' })).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect(await tasks()).toEqual([
      { step: 0, approver_id: org.user.manager1, status: 'approved' },
      { step: 1, approver_id: org.user.director, status: 'pending' },
    ]);
    expect((await who.rep1.get(`/api/appraisal-results/${id}`)).json()).toMatchObject({
      status: 'objected',
      score: '90.50',
    });
    // Step 2: the sales director approves → +1.00 exactly: 90.50 → 91.50, revision 2.
    const ok = await who.director.post(`/api/approvals/${inst.id}/approve`, { comment: '核实属实，退回一般投诉扣分' });
    expect(ok.json()).toEqual({ status: 'approved' });
    const dec = (await who.rep1.get(`/api/appraisal-results/${id}`)).json();
    expect(dec).toMatchObject({
      status: 'adjusted',
      score: '91.50',
      revision: 2,
      objectionDecision: 'accept',
      objectionNote: '核实属实，退回一般投诉扣分',
      decidedBy: org.user.director,
    });
    const adj = dec.items.filter((i: { kind: string }) => i.kind === 'adjustment');
    expect(adj).toEqual([
      expect.objectContaining({
        points: '1.00',
        revision: 2,
        note: '5月31日的投诉已核实为其他同事的客户',
        createdBy: org.user.director,
      }),
    ]);
    const audit = await q(
      `select action, actor_id, changes from audit_log where entity_type = 'appraisal_result' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'object', 'approve']);
    expect(audit[2].actor_id).toBe(org.user.director);
    expect(audit[2].changes).toEqual(
      expect.arrayContaining([
        { field: 'score', old: '90.50', new: '91.50' },
        { field: 'revision', old: 1, new: 2 },
        { field: 'status', old: 'objected', new: 'adjusted' },
      ]),
    );
    // The result page's approval history, for the person.
    const hist = (await who.rep1.get(`/api/appraisal-results/${id}/approvals`)).json();
    expect(hist.items).toEqual([expect.objectContaining({ id: inst.id, status: 'approved' })]);
    // The person acknowledges the outcome.
    const ack = await who.rep1.post(`/api/appraisal-results/${id}/acknowledge`, {
      version: dec.version,
      comment: '接受',
    });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgeComment: '接受' });
    expect(
      (await q(`select status from tasks where kind = 'appraisal.acknowledge' and ref_id = $1`, [id]))[0].status,
    ).toBe('done');
  });

  it('a rejected objection keeps the score, the approver’s reason kept as its note', async () => {
    const id = resultOf(mayRun as never, org.user.teamRep);
    const cur = (await who.teamrep.get(`/api/appraisal-results/${id}`)).json();
    const obj = await who.teamrep.post(`/api/appraisal-results/${id}/object`, {
      version: cur.version,
      reason: '目标过高',
      points: '20',
    });
    expect(obj.json()).toMatchObject({ status: 'objected', objectionPoints: '20.00' });
    const [inst] = await q(
      `select id from approval_instances where doc_type = 'appraisal_objection' and doc_id = $1 and status = 'pending'`,
      [id],
    );
    // 孙七's team has no head: the head of 销售一部 above it decides.
    const noReason = await who.manager1.post(`/api/approvals/${inst.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rej = await who.manager1.post(`/api/approvals/${inst.id}/reject`, { comment: '目标为年度计划分解，已审批' });
    expect(rej.json()).toEqual({ status: 'rejected' });
    const dec = (await who.teamrep.get(`/api/appraisal-results/${id}`)).json();
    expect(dec).toMatchObject({
      status: 'rejected',
      score: '60.00',
      revision: 1,
      flagged: true,
      objectionDecision: 'reject',
      objectionNote: '目标为年度计划分解，已审批',
    });
    expect(dec.items.filter((i: { kind: string }) => i.kind === 'adjustment')).toEqual([]);
    const last = await q(
      `select action, comment from audit_log where entity_type = 'appraisal_result' and entity_id = $1 order by id desc limit 1`,
      [id],
    );
    expect(last[0]).toEqual({ action: 'reject', comment: '目标为年度计划分解，已审批' });
  });

  it('a withdrawn objection is pending again; with no rule at all the person’s own objection is still not approved', async () => {
    const id = resultOf(mayRun as never, org.user.supervisor1);
    const cur = (await who.supervisor1.get(`/api/appraisal-results/${id}`)).json();
    const obj = await who.supervisor1.post(`/api/appraisal-results/${id}/object`, {
      version: cur.version,
      reason: '警告已整改',
      points: '1',
    });
    const [inst] = await q(
      `select id from approval_instances where doc_type = 'appraisal_objection' and doc_id = $1 and status = 'pending'`,
      [id],
    );
    expect((await who.supervisor1.post(`/api/approvals/${inst.id}/withdraw`, {})).json()).toEqual({
      status: 'withdrawn',
    });
    const back = (await who.supervisor1.get(`/api/appraisal-results/${id}`)).json();
    expect(back).toMatchObject({ status: 'pending', score: '99.00', revision: 1, version: obj.json().version + 1 });
    // A company that switched off every rule: the engine would approve at once, but the objection's own
    // guard refuses the person's approval of it (409) and nothing is written.
    await q(`update approval_rules set active = false where doc_type = 'appraisal_objection'`);
    try {
      const self = await who.supervisor1.post(`/api/appraisal-results/${id}/object`, {
        version: back.version,
        reason: '警告已整改',
        points: '1',
      });
      expect(self.statusCode).toBe(409);
      expect(self.json().code).toBe('appraisal.self');
      expect((await who.supervisor1.get(`/api/appraisal-results/${id}`)).json()).toMatchObject({
        status: 'pending',
        score: '99.00',
        version: back.version,
      });
      expect(
        await q(
          `select count(*)::int n from approval_instances where doc_id = $1 and doc_type = 'appraisal_objection'`,
          [id],
        ),
      ).toEqual([{ n: 1 }]);
    } finally {
      await q(`update approval_rules set active = true where doc_type = 'appraisal_objection'`);
    }
  });
});

describe('closing, re-running, correcting', () => {
  it('closes; a re-run of the closed month is refused (409, zh-CN); a correction needs its reason and is a new version', async () => {
    const run = (await who.manager1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    const closed = await who.manager1.post(`/api/appraisal-runs/${mayRun.id}/close`, { version: run.version });
    expect(closed.json()).toMatchObject({ status: 'closed', canClose: false });
    const again = await who.manager1.post('/api/appraisal-runs', { period: '2026-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('2026-05 的考核已关闭，不能重新考核；如需更正，请在考核结果中更正');
    // No objection after closing.
    const id = resultOf(mayRun as never, org.user.rep1b);
    const cur = (await who.rep1b.get(`/api/appraisal-results/${id}`)).json();
    expect(cur.canObject).toBe(false);
    expect(
      (
        await who.rep1b.post(`/api/appraisal-results/${id}/object`, {
          version: cur.version,
          reason: '不同意',
          points: '2',
        })
      ).statusCode,
    ).toBe(409);
    const body = { version: cur.version, label: '客户满意度', points: '2', evidence: '客户来信表扬' };
    const noReason = await who.manager1.post(`/api/appraisal-results/${id}/manual-scores`, body);
    expect(noReason.json().fields[0]).toMatchObject({ field: 'reason', message: '考核已关闭，更正须填写原因' });
    const fix = await who.manager1.post(`/api/appraisal-results/${id}/manual-scores`, {
      ...body,
      reason: '表扬信迟到，补记',
    });
    expect(fix.json()).toMatchObject({ score: '99.00', revision: 2, status: 'pending' });
    const last = await q(
      `select action, comment from audit_log where entity_type = 'appraisal_result' and entity_id = $1 order by id desc limit 1`,
      [id],
    );
    expect(last[0]).toEqual({ action: 'correct', comment: '表扬信迟到，补记' });
  });
});

describe('scope', () => {
  it('a rep sees only their own result; another’s is 404; another department’s manager sees nothing', async () => {
    const mine = resultOf(mayRun as never, org.user.rep1);
    const other = resultOf(mayRun as never, org.user.rep1b);
    expect((await who.rep1.get(`/api/appraisal-results/${other}`)).statusCode).toBe(404);
    const run = (await who.rep1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    expect(run.results.map((r: { id: number }) => r.id)).toEqual([mine]);
    expect(run.canManage).toBe(false);
    const list = (await who.rep1.get('/api/appraisal-runs')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(mayRun.id);
    const m2 = who.manager2;
    const hidden = await m2.get(`/api/appraisal-results/${mine}`);
    const unknown = await m2.get('/api/appraisal-results/987654321');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe(unknown.json().code);
    expect((await m2.get(`/api/appraisal-runs/${mayRun.id}`)).statusCode).toBe(404);
    expect((await m2.get('/api/appraisal-runs')).json().items).toEqual([]);
    // rep2 (销售二部) has no result in it either.
    expect((await who.rep2.get(`/api/appraisal-runs/${mayRun.id}`)).statusCode).toBe(404);
    // The supervisor (DEPT scope of 销售一部) sees the department's results.
    const sup = (await who.supervisor1.get(`/api/appraisal-runs/${mayRun.id}`)).json();
    expect(sup.results.length).toBeGreaterThanOrEqual(3);
  });
});
