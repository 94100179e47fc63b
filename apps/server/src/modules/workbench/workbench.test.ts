import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertCustomer, insertRoleUser } from '../deliveries/deliveries.test-seed.ts';
import { processHealth } from '../monitoring/monitoring.queries.ts';
import { insertSignedSale } from '../returns/returns.test-seed.ts';
import { runMonthlyReportSweep } from '../worklogs/worklogs.sweep.ts';
import { insertDelivery, insertFollowUp, insertPayment } from './workbench.test-seed.ts';

/**
 * The workbench (工作台, issue 13 item 6), work logs and monthly reports (SPEC 5.1) and process
 * health (流程监控) through the HTTP API, each role seeing exactly its own work and nothing out of scope.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const shift = (days: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
type Source = { key: string; total: number; items: { title: string; no: string | null; link: string }[] };
const source = (body: { sources: Source[] }, key: string) => body.sources.find((s) => s.key === key);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '钱库管', 'warehouse');
  for (const u of ['rep1', 'rep2', 'manager1', 'manager2', 'finance', 'wh1']) who[u] = await Client.login(env.app, u);
  ids.c1 = await insertCustomer(env, '工作台一部客户', org.user.rep1);
  ids.c2 = await insertCustomer(env, '工作台二部客户', org.user.rep2);
  await insertFollowUp(env, ids.c1, org.user.rep1, today());
  const other = await insertCustomer(env, '工作台逾期客户', org.user.rep1);
  await insertFollowUp(env, other, org.user.rep1, shift(-2));
  await insertFollowUp(env, ids.c2, org.user.rep2, shift(-1));
  const s1 = await insertSignedSale(env, {
    customerId: ids.c1,
    ownerId: org.user.rep1,
    qty: '1',
    unitPrice: '100.00',
    signedDate: '2026-01-05',
  });
  const s2 = await insertSignedSale(env, {
    customerId: ids.c2,
    ownerId: org.user.rep2,
    qty: '1',
    unitPrice: '100.00',
    signedDate: '2026-01-05',
  });
  ids.order1 = s1.orderId;
  ids.order2 = s2.orderId;
  ids.reported = await insertPayment(env, s1.orderId, '113.00', 'reported');
  ids.cheque = await insertPayment(env, s2.orderId, '50.00', 'pending_clearance');
  ids.confirmed = await insertPayment(env, s1.orderId, '20.00', 'confirmed');
  ids.draft = await insertDelivery(env, s1.orderId, s1.warehouseId, 'draft');
  ids.draftOld = await insertDelivery(env, s2.orderId, s2.warehouseId, 'draft', new Date(Date.now() - 5 * 86_400_000));
  ids.signed = s1.deliveryId;
});
afterAll(() => env.close());

describe('workbench sources per role', () => {
  it('shows a rep their follow-ups due today and overdue, and no back-office queue', async () => {
    const res = await who.rep1.get('/api/workbench');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(source(body, 'followUps.dueToday')?.items.map((i) => i.title)).toEqual(['工作台一部客户']);
    expect(source(body, 'followUps.overdue')?.items.map((i) => i.title)).toEqual(['工作台逾期客户']);
    expect(source(body, 'followUps.teamOverdue')).toBeUndefined();
    expect(source(body, 'payments.toConfirm')).toBeUndefined();
    expect(source(body, 'deliveries.toShip')).toBeUndefined();
  });

  it("shows a manager the team's overdue follow-ups within scope only", async () => {
    const m1 = source((await who.manager1.get('/api/workbench')).json(), 'followUps.teamOverdue');
    expect(m1?.items.map((i) => i.title)).toEqual(['工作台逾期客户']);
    const m2 = source((await who.manager2.get('/api/workbench')).json(), 'followUps.teamOverdue');
    expect(m2?.items.map((i) => i.title)).toEqual(['工作台二部客户']);
  });

  it('lists the payments to confirm for finance: reported and uncleared cheques, not confirmed ones', async () => {
    const body = (await who.finance.get('/api/workbench')).json();
    // Finance sees customers but neither leads reps nor makes quotes: not asked about those.
    expect(source(body, 'followUps.teamOverdue')).toBeUndefined();
    expect(source(body, 'quotes.awaitingCustomer')).toBeUndefined();
    const s = source(body, 'payments.toConfirm');
    expect(s?.total).toBe(2);
    expect(s?.items.map((i) => i.link).sort()).toEqual(
      [`/finance/payments/${ids.reported}`, `/finance/payments/${ids.cheque}`].sort(),
    );
  });

  it('lists the delivered orders not yet invoiced in full for finance', async () => {
    await env.database.pool.query(`update orders set status = 'delivered' where id = any($1)`, [
      [ids.order1, ids.order2],
    ]);
    await env.database.pool.query('update orders set invoiced_amount = total_gross where id = $1', [ids.order2]);
    const s = source((await who.finance.get('/api/workbench')).json(), 'invoices.toIssue');
    expect(s?.items.map((i) => i.link)).toEqual([`/orders/${ids.order1}`]);
    expect(source((await who.rep1.get('/api/workbench')).json(), 'invoices.toIssue')).toBeUndefined();
  });

  it('lists the deliveries to ship for the warehouse: drafts only', async () => {
    const s = source((await who.wh1.get('/api/workbench')).json(), 'deliveries.toShip');
    expect(s?.items.map((i) => i.link)).toEqual([`/deliveries/${ids.draftOld}`, `/deliveries/${ids.draft}`]);
    expect(s?.items.map((i) => i.link)).not.toContain(`/deliveries/${ids.signed}`);
  });
});

describe('work logs', () => {
  it('prefills the morning plan, refuses an evening log without the work done, then hands it in', async () => {
    const draft = (await who.rep1.get('/api/work-logs/mine')).json();
    expect(draft).toMatchObject({ id: null, version: 0, logDate: today() });
    expect(draft.planCustomers).toEqual([{ customerId: ids.c1, name: '工作台一部客户' }]);
    const bad = await who.rep1.put('/api/work-logs/mine', {
      date: today(),
      planCustomers: [ids.c1],
      submit: true,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('done');
    const outOfScope = await who.rep1.put('/api/work-logs/mine', {
      date: today(),
      planCustomers: [ids.c2],
      version: 0,
    });
    expect(outOfScope.statusCode).toBe(400);
    const { rows: none } = await env.database.pool.query('select id from work_logs');
    expect(none).toHaveLength(0);
    const ok = await who.rep1.put('/api/work-logs/mine', {
      date: today(),
      planCustomers: [ids.c1],
      done: '拜访工作台一部客户，确认报价',
      problems: '客户预算不足',
      tomorrow: '跟进合同',
      submit: true,
      version: 0,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, problems: '客户预算不足' });
    expect(ok.json().submittedAt).not.toBeNull();
    ids.log = ok.json().id;
  });

  it('keeps a planned customer that has left the rep’s scope since the morning; a new one must be in scope', async () => {
    const day = new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const morning = await who.rep1.put('/api/work-logs/mine', { date: day, planCustomers: [ids.c1], version: 0 });
    expect(morning.statusCode, morning.body).toBe(200);
    const pool = env.database.pool;
    const [{ owner_id: owner }] = (await pool.query('select owner_id from customers where id = $1', [ids.c1])).rows;
    // Transferred to rep2 during the day: rep1 no longer sees the customer.
    await pool.query('update customers set owner_id = $2 where id = $1', [ids.c1, org.user.rep2]);
    try {
      const evening = await who.rep1.put('/api/work-logs/mine', {
        date: day,
        planCustomers: [ids.c1],
        done: '上午已电话联系',
        submit: true,
        version: 1,
      });
      expect(evening.statusCode, evening.body).toBe(200);
      expect(evening.json().planCustomers).toEqual([{ customerId: ids.c1, name: '工作台一部客户' }]);
      expect(evening.json().submittedAt).not.toBeNull();
      const added = await who.rep1.put('/api/work-logs/mine', {
        date: day,
        planCustomers: [ids.c1, ids.c2],
        done: '上午已电话联系',
        version: 2,
      });
      expect(added.statusCode).toBe(400);
      expect(added.json().fields[0]).toMatchObject({ field: 'planCustomers', code: 'worklog.customer_invalid' });
    } finally {
      await pool.query('update customers set owner_id = $2 where id = $1', [ids.c1, owner]);
    }
  });

  it("shows the manager's team who has and has not written today's log", async () => {
    const team = (await who.manager1.get('/api/work-logs/team')).json();
    const status = Object.fromEntries(
      team.items.map((i: { userName: string; status: string }) => [i.userName, i.status]),
    );
    expect(status).toMatchObject({ 张三: 'submitted', 李四: 'missing' });
    expect(team.more).toBe(false);
    expect(status).not.toHaveProperty('王五');
  });

  it('lets the manager comment (the rep is notified) and answers 404 to another department', async () => {
    const res = await who.manager1.post(`/api/work-logs/${ids.log}/comments`, { body: '预算问题请找我协调' });
    expect(res.statusCode).toBe(201);
    expect(res.json().comments.map((c: { body: string }) => c.body)).toEqual(['预算问题请找我协调']);
    const { rows } = await env.database.pool.query(
      `select params from notifications where user_id = $1 and kind = 'worklog.comment'`,
      [org.user.rep1],
    );
    expect(rows).toHaveLength(1);
    expect((await who.manager2.post(`/api/work-logs/${ids.log}/comments`, { body: '越权' })).statusCode).toBe(404);
    expect((await who.manager2.get(`/api/work-logs/${ids.log}`)).statusCode).toBe(404);
  });
});

describe('assigning the day’s work', () => {
  it('writes the log of the rep with old and new in the audit trail, and refuses a rep outside the scope', async () => {
    const date = shift(1);
    const assign = (c: Client, userId: number, work: string) => c.post('/api/work-logs/assign', { userId, date, work });
    const first = await assign(who.manager1, org.user.rep1b, '拜访三家老客户');
    expect(first.statusCode, first.body).toBe(201);
    const again = await assign(who.manager1, org.user.rep1b, '整理报价单');
    expect(again.json().id).toBe(first.json().id);
    const { rows: log } = await env.database.pool.query(
      'select user_id, assigned_work, assigned_by from work_logs where id = $1',
      [first.json().id],
    );
    expect(log).toEqual([{ user_id: org.user.rep1b, assigned_work: '整理报价单', assigned_by: org.user.manager1 }]);
    const { rows: audit } = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'work_log' and entity_id = $1 and action = 'assign' order by id`,
      [first.json().id],
    );
    expect(audit.map((a) => a.changes)).toEqual([
      [{ field: 'assignedWork', old: null, new: '拜访三家老客户' }],
      [{ field: 'assignedWork', old: '拜访三家老客户', new: '整理报价单' }],
    ]);
    // rep2 (销售二部) is outside manager1's scope: 404 like an unknown user, nothing written.
    expect((await assign(who.manager1, org.user.rep2, '越权安排')).statusCode).toBe(404);
    const { rows: none } = await env.database.pool.query('select id from work_logs where user_id = $1', [
      org.user.rep2,
    ]);
    expect(none).toEqual([]);
  });
});

describe('monthly report deadline', () => {
  it('reminds each writer once before the due day, lists the missing, and tells the manager after it', async () => {
    const db = env.database.db;
    await runMonthlyReportSweep(db, new Date('2026-12-20T02:00:00Z'));
    const count = async (kind: string, userId: number) =>
      (await env.database.pool.query('select status from tasks where kind = $1 and user_id = $2', [kind, userId])).rows;
    expect(await count('report.monthly', org.user.rep1)).toHaveLength(0);
    await runMonthlyReportSweep(db, new Date('2026-12-22T02:00:00Z'));
    await runMonthlyReportSweep(db, new Date('2026-12-23T02:00:00Z'));
    expect(await count('report.monthly', org.user.rep1)).toEqual([{ status: 'open' }]);
    const bad = await who.rep1.put('/api/monthly-reports/mine', {
      month: '2026-13',
      summary: '总结',
      nextMonthPlan: '计划',
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'month', message: '月份格式应为 YYYY-MM' });
    const saved = await who.rep1.put('/api/monthly-reports/mine', {
      month: '2026-12',
      summary: '本月完成回款三笔',
      nextMonthPlan: '下月主攻华东客户',
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ month: '2026-12', report: { summary: '本月完成回款三笔', version: 1 } });
    expect(await count('report.monthly', org.user.rep1)).toEqual([{ status: 'done' }]);
    // Only rep1's own reminder is met: 李四 still owes his report.
    expect(await count('report.monthly', org.user.rep1b)).toEqual([{ status: 'open' }]);
    const missing = (await who.manager1.get('/api/monthly-reports/missing?month=2026-12')).json();
    const names = missing.items.map((i: { userName: string }) => i.userName);
    expect(names).toContain('李四');
    expect(missing.more).toBe(false);
    expect(names).not.toContain('张三');
    expect(names).not.toContain('王五');
    await runMonthlyReportSweep(db, new Date('2026-12-25T02:00:00Z'));
    await runMonthlyReportSweep(db, new Date('2026-12-26T02:00:00Z'));
    const mgr = await count('report.monthly.missing', org.user.supervisor1);
    expect(mgr).toHaveLength(1);
  });
});

describe('process health', () => {
  it('lists a draft delivery only once it waited beyond the policy days, within scope', async () => {
    const kinds = async (c: Client) =>
      ((await c.get('/api/process-health?kind=delivery_unshipped')).json().items as { id: number }[]).map((i) => i.id);
    // The older draft (5 days) is beyond the 3-day default; the new one is not.
    expect(await kinds(who.manager2)).toEqual([ids.draftOld]);
    expect(await kinds(who.manager1)).toEqual([]);
    // Four days later on a controlled clock, the new draft has waited beyond the threshold too.
    const later = { ...(await ctxFor(env, who.manager1)), now: () => new Date(Date.now() + 4 * 86_400_000) };
    const h = await processHealth(later, { kind: 'delivery_unshipped', page: 1, pageSize: 20 });
    expect(h.items.map((i) => [i.id, i.days])).toEqual([[ids.draft, 4]]);
    const all = (await who.manager1.get('/api/process-health')).json();
    expect(all.byKind.followup_overdue).toBe(1);
    expect(all.items.find((i: { kind: string }) => i.kind === 'followup_overdue').customerName).toBe('工作台逾期客户');
    expect((await who.rep1.get('/api/process-health')).statusCode).toBe(403);
  });

  it('counts every kind up to the cap on its own, however many items the kinds before it hold', async () => {
    // More overdue follow-ups in manager1's scope than the count cap (10,000)…
    await env.database.pool.query(
      `insert into follow_ups (customer_id, type, content, outcome, next_action, next_action_date, created_by)
       select $1, 'call', '批量跟进', 'continue', '回访', $2, $3 from generate_series(1, 10001)`,
      [ids.c1, shift(-3), org.user.rep1],
    );
    // …and one order of rep1 past the delivery date promised to the customer.
    await env.database.pool.query(`update orders set status = 'approved', promised_date = $2 where id = $1`, [
      ids.order1,
      shift(-2),
    ]);
    const all = (await who.manager1.get('/api/process-health')).json();
    expect(all.byKind.order_slipped).toBe(1);
    expect(all.byKind.followup_overdue).toBe(10_001);
    expect(all).toMatchObject({ total: 10_000, totalCapped: true });
    const slipped = (await who.manager1.get('/api/process-health?kind=order_slipped')).json();
    expect(slipped).toMatchObject({ total: 1, totalCapped: false });
    expect(slipped.items.map((i: { id: number; kind: string }) => [i.kind, i.id])).toEqual([
      ['order_slipped', ids.order1],
    ]);
    // manager2 (销售二部) sees neither.
    const other = (await who.manager2.get('/api/process-health?kind=order_slipped')).json();
    expect(other).toMatchObject({ total: 0, items: [] });
  });
});
