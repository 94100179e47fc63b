import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { countMyTasks, myTasks } from '../../platform/tasks/index.ts';
import { runFollowUpSweep } from './follow-ups.sweep.ts';

/** SPEC 1.6: open follow-up next actions become tasks for the owner, once; overdue ones are notified once. */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager1: Client;

// A controlled clock: 10:00 on 2030-03-10 in Shanghai (02:00 UTC).
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const NOW = at('2030-03-10');
const c: Record<string, number> = {};
let mobile = 13800000100;

async function customerWithFollowUp(
  who: Client,
  name: string,
  nextActionDate: string | null,
  nextAction: string | null = '电话回访报价',
) {
  const res = await who.post('/api/customers', { kind: 'individual', name, mobile: String(mobile++) });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const fu = await who.post(`/api/customers/${id}/follow-ups`, {
    type: 'call',
    content: '首次沟通',
    outcome: 'positive',
    nextAction,
    nextActionDate,
  });
  expect(fu.statusCode, fu.body).toBe(201);
  return { id, followUpId: fu.json().id as number };
}

const taskRows = async () =>
  (
    await env.database.pool.query(
      'select id, user_id, kind, title_key, params, link, ref_type, ref_id, due_date::text, status, dedupe_key, done_at from tasks order by id',
    )
  ).rows;
const notes = async (userId: number) =>
  (
    await env.database.pool.query(
      `select kind, title_key, params, link from notifications where user_id = $1 and kind = 'followup.overdue' order by id`,
      [userId],
    )
  ).rows;
const ctxAt = async (who: Client, now: Date) => ({ ...(await ctxFor(env, who)), now: () => now });

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  manager1 = await Client.login(env.app, 'manager1');
  const overdue = await customerWithFollowUp(rep1, '逾期客户', '2030-03-09');
  const today = await customerWithFollowUp(rep1, '今日客户', '2030-03-10', null);
  const soon = await customerWithFollowUp(rep1, '近期客户甲', '2030-03-12');
  const soon2 = await customerWithFollowUp(rep1, '近期客户乙', '2030-03-12');
  const later = await customerWithFollowUp(rep1, '远期客户', '2030-03-25');
  const none = await customerWithFollowUp(rep1, '无计划客户', null, null);
  const other = await customerWithFollowUp(rep2, '二部客户', '2030-03-10');
  Object.assign(c, {
    overdue: overdue.id,
    overdueFu: overdue.followUpId,
    today: today.id,
    todayFu: today.followUpId,
    soon: soon.id,
    soon2: soon2.id,
    later: later.id,
    laterFu: later.followUpId,
    none: none.id,
    other: other.id,
    otherFu: other.followUpId,
  });
});
afterAll(() => env.close());

describe('follow-up sweep', () => {
  it('creates one task per open next action within the due-soon window, exactly once', async () => {
    const first = await runFollowUpSweep(env.database.db, NOW);
    expect(first.changed).toBeGreaterThan(0);
    const rows = await taskRows();
    // overdue, today, two upcoming for rep1 and one for rep2; 2030-03-25 is beyond the 3-day window.
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.ref_id === c.overdueFu)).toMatchObject({
      user_id: org.user.rep1,
      kind: 'followup.due',
      title_key: 'task.followup.due',
      params: { customer: '逾期客户', action: '电话回访报价' },
      link: `/customers/${c.overdue}?tab=followups`,
      ref_type: 'follow_up',
      due_date: '2030-03-09',
      status: 'open',
      dedupe_key: `followup:${c.overdueFu}`,
    });
    expect(rows.find((r) => r.ref_id === c.todayFu)).toMatchObject({
      title_key: 'task.followup.due_plain',
      due_date: '2030-03-10',
    });
    expect(rows.find((r) => r.ref_id === c.otherFu)).toMatchObject({ user_id: org.user.rep2 });
    expect(rows.some((r) => r.ref_id === c.laterFu)).toBe(false);

    const again = await runFollowUpSweep(env.database.db, NOW);
    expect(again.changed).toBe(0);
    expect(await taskRows()).toEqual(rows);
  });

  it('sorts tasks into today, overdue, upcoming by the company date', async () => {
    const ctx = await ctxAt(rep1, NOW);
    const names = async (bucket: 'today' | 'overdue' | 'upcoming' | 'done') =>
      (await myTasks(ctx, { bucket, page: 1, pageSize: 20 })).items.map((t) => t.params.customer);
    expect(await names('today')).toEqual(['今日客户']);
    expect(await names('overdue')).toEqual(['逾期客户']);
    expect(await names('upcoming')).toEqual(['近期客户甲', '近期客户乙']);
    expect(await names('done')).toEqual([]);
    expect(await countMyTasks(ctx)).toEqual({ today: 1, overdue: 1, total: 2 });
    // 23:30 UTC on 03-09 is already 03-10 in Shanghai.
    const early = await ctxAt(rep1, new Date('2030-03-09T23:30:00Z'));
    expect(
      (await myTasks(early, { bucket: 'today', page: 1, pageSize: 20 })).items.map((t) => t.params.customer),
    ).toEqual(['今日客户']);
    // Titles come localised; rep2 sees only their own task.
    const [t] = (await myTasks(ctx, { bucket: 'overdue', page: 1, pageSize: 20 })).items;
    expect(t.title).toBe('跟进客户「逾期客户」：电话回访报价');
    const ctx2 = await ctxAt(rep2, NOW);
    expect(
      (await myTasks(ctx2, { bucket: 'today', page: 1, pageSize: 20 })).items.map((x) => x.params.customer),
    ).toEqual(['二部客户']);
  });

  it('lists and counts over HTTP (real clock: 2030 tasks are upcoming)', async () => {
    const list = await rep1.get('/api/tasks?bucket=upcoming&pageSize=2');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(list.json().items).toHaveLength(2);
    const en = await rep1.request('GET', '/api/tasks?bucket=upcoming', undefined, { 'accept-language': 'en-US' });
    expect(en.json().items[0].title).toBe('Follow up with 逾期客户: 电话回访报价');
    expect((await rep1.get('/api/tasks/count')).json()).toEqual({ today: 0, overdue: 0, total: 0 });
    expect((await rep1.get('/api/tasks?bucket=later')).statusCode).toBe(400);
  });

  it('notifies the owner once when a next action becomes overdue', async () => {
    // The first sweep already saw the 03-09 action overdue.
    expect(await notes(org.user.rep1)).toEqual([
      {
        kind: 'followup.overdue',
        title_key: 'notify.followup.overdue',
        params: { customer: '逾期客户', action: '电话回访报价', dueDate: '2030-03-09' },
        link: `/customers/${c.overdue}?tab=followups`,
      },
    ]);
    await runFollowUpSweep(env.database.db, at('2030-03-10', '18:00'));
    expect(await notes(org.user.rep1)).toHaveLength(1);
    // Next day: today's action is overdue → one more notice.
    await runFollowUpSweep(env.database.db, at('2030-03-11', '08:00'));
    await runFollowUpSweep(env.database.db, at('2030-03-11', '09:00'));
    const after = await notes(org.user.rep1);
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ title_key: 'notify.followup.overdue', params: { customer: '今日客户' } });
    // Two actions overdue at once → one summary notice with the count.
    await runFollowUpSweep(env.database.db, at('2030-03-13'));
    const many = await notes(org.user.rep1);
    expect(many).toHaveLength(3);
    expect(many[2]).toMatchObject({
      title_key: 'notify.followup.overdue_many',
      params: { count: 2 },
      link: '/tasks?bucket=overdue',
    });
    expect(await notes(org.user.rep2)).toHaveLength(1);
  });

  it('closes the task on the next sweep once a later follow-up supersedes the action', async () => {
    const res = await rep1.post(`/api/customers/${c.overdue}/follow-ups`, {
      type: 'visit',
      content: '上门拜访，已送报价',
      outcome: 'positive',
      nextAction: '确认合同',
      nextActionDate: '2030-03-14',
    });
    expect(res.statusCode).toBe(201);
    const newFu = res.json().id;
    const now = at('2030-03-13', '11:00');
    const { changed } = await runFollowUpSweep(env.database.db, now);
    expect(changed).toBeGreaterThanOrEqual(2);
    const rows = await taskRows();
    const old = rows.find((r) => r.ref_id === c.overdueFu);
    expect(old).toMatchObject({ status: 'done' });
    expect(old?.done_at).not.toBeNull();
    expect(rows.find((r) => r.ref_id === newFu)).toMatchObject({
      status: 'open',
      due_date: '2030-03-14',
      dedupe_key: `followup:${newFu}`,
    });
    const done = await myTasks(await ctxAt(rep1, now), { bucket: 'done', page: 1, pageSize: 20 });
    expect(done.items.map((t) => t.params.customer)).toEqual(['逾期客户']);
    expect((await runFollowUpSweep(env.database.db, now)).changed).toBe(0);
  });

  it('hands the task to the new owner on transfer and cancels it when the customer is deleted', async () => {
    const v = (await manager1.get(`/api/customers/${c.soon}`)).json().version;
    const tr = await manager1.post(`/api/customers/${c.soon}/transfer`, {
      toUserId: org.user.rep1b,
      reason: '调整分工',
      version: v,
    });
    expect(tr.statusCode, tr.body).toBe(200);
    const v2 = (await manager1.get(`/api/customers/${c.soon2}`)).json().version;
    expect((await manager1.delete(`/api/customers/${c.soon2}?version=${v2}`)).statusCode).toBeLessThan(300);
    await runFollowUpSweep(env.database.db, at('2030-03-13', '12:00'));
    const rows = await env.database.pool.query(
      `select t.user_id, t.status, f.customer_id from tasks t join follow_ups f on f.id = t.ref_id where f.customer_id = any($1)`,
      [[c.soon, c.soon2]],
    );
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { user_id: org.user.rep1b, status: 'open', customer_id: c.soon },
        { user_id: org.user.rep1, status: 'cancelled', customer_id: c.soon2 },
      ]),
    );
  });
});

describe('completing a task', () => {
  it('lets the owner complete their own task (audited) and answers 404 to anyone else', async () => {
    const [t] = (await env.database.pool.query(`select id from tasks where ref_id = $1`, [c.otherFu])).rows;
    const stranger = await rep1.post(`/api/tasks/${t.id}/complete`);
    const unknown = await rep1.post('/api/tasks/987654321/complete');
    expect(stranger.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: string) => {
      const { requestId: _r, ...rest } = JSON.parse(b);
      return rest;
    };
    expect(strip(stranger.body)).toEqual(strip(unknown.body));

    const ok = await rep2.post(`/api/tasks/${t.id}/complete`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: t.id, status: 'done' });
    const audit = await env.database.pool.query(
      `select actor_id, action from audit_log where entity_type = 'task' and entity_id = $1`,
      [t.id],
    );
    expect(audit.rows).toEqual([{ actor_id: org.user.rep2, action: 'complete' }]);
    // A sweep does not reopen a task its owner completed, and completing twice is harmless.
    await runFollowUpSweep(env.database.db, at('2030-03-13', '13:00'));
    expect((await env.database.pool.query(`select status from tasks where id = $1`, [t.id])).rows[0].status).toBe(
      'done',
    );
    expect((await rep2.post(`/api/tasks/${t.id}/complete`)).statusCode).toBe(200);
  });
});
