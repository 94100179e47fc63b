import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import {
  approveClaim,
  claimBody,
  claimTask,
  fileClaim,
  invoice,
  setBudget,
  submitClaimAs,
} from './expenses.testkit.ts';

/**
 * Expenses and budgets (SPEC 5.3; seed 001 费用管理): budgets per department and period, claims with
 * lines and invoices, supervisor → finance approval, finance's rejection reason read by the applicant,
 * nobody approving their own claim, and spending beyond the remaining budget only after the
 * over-budget approval. Concurrent approvals: expenses.concurrency.test.ts.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const DAY = '2026-12-08';
const budgetOf = async (id: number) =>
  (await q('select amount, reserved, used from expense_budgets where id = $1', [id]))[0];
const claimOf = async (id: number) => (await who.finance.get(`/api/expense-claims/${id}`)).json();

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T10:00:00+08:00'));
  for (const u of ['rep1', 'rep2', 'supervisor1', 'manager1', 'manager2', 'director', 'gm', 'finance', 'admin'])
    who[u] = await Client.login(env.app, u);
  const month = { periodStart: '2026-12-01', periodEnd: '2026-12-31' };
  ids.travel = (
    await setBudget(who.finance, { deptId: org.dept.sales1, category: 'travel', amount: '1000', ...month })
  ).id;
  ids.treat = (
    await setBudget(who.finance, { deptId: org.dept.sales1, category: 'entertainment', amount: '500', ...month })
  ).id;
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('budgets', () => {
  it('finance sets them per department and period; periods of one category never overlap', async () => {
    const overlap = await who.finance.post('/api/expense-budgets', {
      deptId: org.dept.sales1,
      category: 'travel',
      periodStart: '2026-12-15',
      periodEnd: '2027-01-15',
      amount: '100',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().fields).toEqual([
      expect.objectContaining({ field: 'periodStart', message: '该部门此类别在这段期间已有预算' }),
    ]);
    const noPeriod = await who.finance.post('/api/expense-budgets', {
      deptId: org.dept.sales1,
      category: 'travel',
      amount: '1',
    });
    expect(noPeriod.json().fields.map((f: { field: string }) => f.field)).toEqual(['periodStart', 'periodEnd']);
    expect(
      (await who.rep1.post('/api/expense-budgets', { deptId: org.dept.sales1, category: 'travel', amount: '1' }))
        .statusCode,
    ).toBe(403);
    expect(await q('select count(*)::int as n from expense_budgets')).toEqual([{ n: 2 }]);
  });

  it('a rep reads the budgets of their department; another department sees none of them', async () => {
    const mine = (await who.rep1.get('/api/expense-budgets')).json();
    expect(mine.items.map((b: { id: number }) => b.id).sort()).toEqual([ids.travel, ids.treat].sort());
    expect(mine.items.find((b: { id: number }) => b.id === ids.travel)).toMatchObject({
      deptName: '销售一部',
      amount: '1000.00',
      remaining: '1000.00',
      percent: 0,
      nearLimit: false,
    });
    expect((await who.rep2.get('/api/expense-budgets')).json().items).toEqual([]);
    expect((await who.manager2.get(`/api/expense-budgets/${ids.travel}`)).statusCode).toBe(404);
  });
});

describe('a claim from draft to payment (seed 001 费用报销)', () => {
  it('a rep files lines with an invoice; a future day or a claim without invoice is refused', async () => {
    const future = await who.rep1.post('/api/expense-claims', claimBody('出差', [['travel', '10']], '2026-12-11'));
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0]).toMatchObject({ field: 'lines.0.spentOn', message: '费用日期不能晚于今天' });
    const bare = await fileClaim(who.rep1, claimBody('无票', [['travel', '10']], DAY, { attachments: [] }));
    const refused = await submitClaimAs(who.rep1, bare.id, bare.version);
    expect(refused.json().fields[0]).toMatchObject({ field: 'attachments', message: '请先上传发票或报销凭证' });
    const c = await fileClaim(
      who.rep1,
      claimBody(
        '福州拜访客户差旅',
        [
          ['travel', '200.10'],
          ['travel', '99.90'],
        ],
        DAY,
      ),
    );
    ids.trip = c.id;
    expect(c).toMatchObject({ no: 'BX-20261210-0002', status: 'draft', total: '300.00' });
    expect((await claimOf(c.id)).budgetCheck).toMatchObject({
      over: '0.00',
      budgets: [{ id: ids.travel, remaining: '1000.00', claimed: '300.00' }],
    });
    expect((await who.rep1.get(`/api/expense-claims/${c.id}/attachments`)).json().items).toHaveLength(1);
  });

  it('goes to the supervisor, then finance; approval reserves the budget, payment uses it', async () => {
    const sub = await submitClaimAs(who.rep1, ids.trip, 1);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('submitted');
    // Submitted = locked: the applicant can no longer change it.
    expect(
      (
        await who.rep1.put(`/api/expense-claims/${ids.trip}`, {
          ...claimBody('改', [['travel', '1']], DAY),
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    expect(await claimTask(who.finance, ids.trip)).toBeUndefined();
    expect((await approveClaim(who.supervisor1, ids.trip, '属实')).statusCode).toBe(200);
    expect(await budgetOf(ids.travel)).toEqual({ amount: '1000.00', reserved: '0.00', used: '0.00' });
    expect((await approveClaim(who.finance, ids.trip)).json().status).toBe('approved');
    expect(await budgetOf(ids.travel)).toEqual({ amount: '1000.00', reserved: '300.00', used: '0.00' });
    expect((await who.rep1.post(`/api/expense-claims/${ids.trip}/pay`, { version: 3 })).statusCode).toBe(403);
    const paid = await who.finance.post(`/api/expense-claims/${ids.trip}/pay`, { version: 3 });
    expect(paid.json()).toMatchObject({ status: 'paid', paidByName: '吴会计' });
    expect(await budgetOf(ids.travel)).toEqual({ amount: '1000.00', reserved: '0.00', used: '300.00' });
    const audit = await q(
      `select action from audit_log where entity_type = 'expense_budget' and entity_id = $1 order by id`,
      [ids.travel],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'reserve', 'spend']);
    const budget = (await who.rep1.get(`/api/expense-budgets/${ids.travel}`)).json();
    expect(budget).toMatchObject({ remaining: '700.00', percent: 30, claims: [{ id: ids.trip, amount: '300.00' }] });
  });
});

describe('nobody approves their own claim (SPEC 1.4 不相容职务分离)', () => {
  it("a manager's own claim goes to their superior, then finance; never to themselves", async () => {
    const c = await fileClaim(who.manager1, claimBody('经理招待客户', [['entertainment', '120']], DAY));
    ids.mgr = c.id;
    expect((await submitClaimAs(who.manager1, c.id, c.version)).statusCode).toBe(200);
    const tasks = await q(
      `select t.step, t.approver_id from approval_tasks t join approval_instances i on i.id = t.instance_id
       where i.doc_type = 'expense_claim' and i.doc_id = $1 order by t.id`,
      [c.id],
    );
    expect(tasks).toEqual([{ step: 0, approver_id: org.user.director }]);
    const inst = (await who.manager1.get(`/api/expense-claims/${c.id}/approvals`)).json().items[0].id;
    expect((await who.manager1.post(`/api/approvals/${inst}/approve`, {})).json().code).toBe(
      'approval.no_pending_task',
    );
    // Delegating the decision to the applicant is refused too.
    const del = await who.director.post(`/api/approvals/${inst}/delegate`, { toUserId: org.user.manager1 });
    expect(del.statusCode).toBe(400);
    expect((await approveClaim(who.director, c.id)).statusCode).toBe(200);
    expect((await approveClaim(who.finance, c.id)).json().status).toBe('approved');
    const approvers = await q(
      `select distinct t.approver_id from approval_tasks t join approval_instances i on i.id = t.instance_id
       where i.doc_type = 'expense_claim' and i.doc_id = $1`,
      [c.id],
    );
    expect(approvers.map((r) => r.approver_id).sort()).toEqual([org.user.director, org.user.finance].sort());
  });

  it('a rule naming the applicant finds nobody else, and no rule at all never lets the applicant approve', async () => {
    const rule = await who.admin.post('/api/approval-rules', {
      docType: 'expense_claim',
      name: '经理本人审批（错误配置）',
      priority: 1,
      steps: [{ name: '经理审批', kind: 'users', userIds: [org.user.manager1], mode: 'any' }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const c = await fileClaim(who.manager1, claimBody('经理差旅', [['travel', '50']], DAY));
    const refused = await submitClaimAs(who.manager1, c.id, c.version);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('approval');
    await q(`update approval_rules set active = false where doc_type = 'expense_claim'`);
    // No rule: the engine would approve at once, as the applicant — the claim refuses that.
    const auto = await submitClaimAs(who.manager1, c.id, c.version);
    expect(auto.json().code).toBe('expenses.self_approval');
    expect((await claimOf(c.id)).status).toBe('draft');
    expect(
      await q(`select count(*)::int as n from approval_instances where doc_type = 'expense_claim' and doc_id = $1`, [
        c.id,
      ]),
    ).toEqual([{ n: 0 }]);
    await q(`update approval_rules set active = (id <> $1) where doc_type = 'expense_claim'`, [rule.json().id]);
  });
});

describe("finance's rejection (seed 001 费用报销 3: 有权拒绝报销，并说明理由)", () => {
  it('the applicant reads the reason, corrects the claim and submits it again', async () => {
    const c = await fileClaim(who.rep1, claimBody('客户晚宴', [['entertainment', '180']], DAY));
    await submitClaimAs(who.rep1, c.id, c.version);
    await approveClaim(who.supervisor1, c.id);
    const inst = await claimTask(who.finance, c.id);
    expect((await who.finance.post(`/api/approvals/${inst}/reject`, {})).statusCode).toBe(400);
    expect(
      (await who.finance.post(`/api/approvals/${inst}/reject`, { comment: '发票抬头不是本公司' })).statusCode,
    ).toBe(200);
    const mine = (await who.rep1.get(`/api/expense-claims/${c.id}`)).json();
    expect(mine).toMatchObject({
      status: 'rejected',
      rejectReason: '发票抬头不是本公司',
      can: { edit: true, submit: true },
    });
    expect((await who.rep1.get('/api/expense-claims?status=rejected')).json().items[0]).toMatchObject({
      id: c.id,
      rejectReason: '发票抬头不是本公司',
    });
    const notes = (await who.rep1.get('/api/notifications')).json().items;
    expect(notes.some((n: { link: string }) => n.link === `/approvals/${inst}`)).toBe(true);
    const attach = await who.rep1.post(`/api/expense-claims/${c.id}/attachments`, { file: invoice('新发票.png') });
    expect(attach.statusCode).toBe(201);
    const again = await submitClaimAs(who.rep1, c.id, mine.version);
    expect(again.json()).toMatchObject({ status: 'submitted', rejectReason: null });
  });
});

describe('spending beyond the remaining budget (seed 001 费用预算 3: 不得超预算开支)', () => {
  it('is refused without a reason, nothing written', async () => {
    // 500 of entertainment: 120 reserved by the manager, 180 under approval → 380 left at approval.
    const c = await fileClaim(who.rep1, claimBody('大客户答谢宴', [['entertainment', '450']], DAY));
    ids.big = c.id;
    expect((await claimOf(c.id)).budgetCheck.over).toBe('70.00');
    const res = await submitClaimAs(who.rep1, c.id, c.version);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'overBudgetReason',
      message: '超出剩余预算 ¥70.00，请填写超预算说明，提交超预算审批',
    });
    expect((await claimOf(c.id)).status).toBe('draft');
  });

  it('with the reason it passes the over-budget approval before finance, and records the overrun', async () => {
    const res = await submitClaimAs(who.rep1, ids.big, 1, '年度大客户，需当面答谢');
    expect(res.json()).toMatchObject({ status: 'submitted', overBudget: true });
    const inst = (await who.rep1.get(`/api/expense-claims/${ids.big}/approvals`)).json().items[0];
    expect(inst.steps.map((s: { name: string }) => s.name)).toEqual(['主管审核', '超预算审批', '财务终审']);
    await approveClaim(who.supervisor1, ids.big);
    // Blocked until the over-budget approval passes: finance has nothing to decide yet.
    expect(await claimTask(who.finance, ids.big)).toBeUndefined();
    expect((await approveClaim(who.gm, ids.big, '同意超支')).statusCode).toBe(200);
    expect((await approveClaim(who.finance, ids.big)).json().status).toBe('approved');
    expect(await budgetOf(ids.treat)).toEqual({ amount: '500.00', reserved: '570.00', used: '0.00' });
    expect((await claimOf(ids.big)).overrun).toBe('70.00');
    const b = (await who.finance.get(`/api/expense-budgets/${ids.treat}`)).json();
    expect(b).toMatchObject({ remaining: '-70.00', overrun: true, nearLimit: false });
  });

  it('a claim approved at submission but overtaken by others is refused at the final approval', async () => {
    // The rejected-and-resubmitted dinner (180) was within budget when submitted; now nothing is left.
    const [dinner] = await q(`select id from expense_claims where title = '客户晚宴'`);
    await approveClaim(who.supervisor1, Number(dinner.id));
    const res = await approveClaim(who.finance, Number(dinner.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      '业务招待预算仅剩 ¥0.00，本单需 ¥180.00：超出预算不能批准，请退回申请人申请超预算审批',
    );
    expect((await claimOf(Number(dinner.id))).status).toBe('submitted');
    expect(await budgetOf(ids.treat)).toEqual({ amount: '500.00', reserved: '570.00', used: '0.00' });
    // Finance returns it; the applicant reads why and resubmits it for the over-budget approval.
    const inst = await claimTask(who.finance, Number(dinner.id));
    await who.finance.post(`/api/approvals/${inst}/return`, { comment: '预算已用完，请申请超预算审批' });
    const back = (await who.rep1.get(`/api/expense-claims/${dinner.id}`)).json();
    expect(back).toMatchObject({
      status: 'draft',
      rejectReason: '预算已用完，请申请超预算审批',
      can: { submit: true },
    });
    const again = await submitClaimAs(who.rep1, Number(dinner.id), back.version, '客户临时增加陪同人员');
    expect(again.json()).toMatchObject({ status: 'submitted', overBudget: true });
    await approveClaim(who.supervisor1, Number(dinner.id));
    expect(await claimTask(who.finance, Number(dinner.id))).toBeUndefined();
    await approveClaim(who.gm, Number(dinner.id));
    expect((await approveClaim(who.finance, Number(dinner.id))).json().status).toBe('approved');
    expect(await budgetOf(ids.treat)).toEqual({ amount: '500.00', reserved: '750.00', used: '0.00' });
    expect((await claimOf(Number(dinner.id))).overrun).toBe('180.00');
  });

  it('an unbudgeted category is beyond budget as a whole; the forbid policy refuses it outright', async () => {
    const c = await fileClaim(who.rep1, claimBody('展会物料', [['promotion', '88']], DAY));
    expect((await claimOf(c.id)).budgetCheck).toMatchObject({ unbudgeted: '88.00', over: '88.00' });
    const pol = (await who.admin.get('/api/policies'))
      .json()
      .items.find((p: { key: string }) => p.key === 'expenses.overBudget');
    expect(
      (await who.admin.put('/api/policies/expenses.overBudget', { value: 'forbid', version: pol.version })).statusCode,
    ).toBe(200);
    const res = await submitClaimAs(who.rep1, c.id, c.version, '急需');
    expect(res.json().fields[0]).toMatchObject({
      field: 'lines',
      message: '超出剩余预算 ¥88.00，按公司制度不得超预算开支',
    });
  });
});
