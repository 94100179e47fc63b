import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runWorkPlanReminderSweep } from './workplans.sweep.ts';

/**
 * Personal monthly work plans (个人月度工作计划, 4S manual 1.1): a rep writes and submits next month's
 * plan; the manager lists who in their scope has not; a reminder goes to those missing, once, from
 * plans.monthlyPlanReminderDays (3) before the due day plans.monthlyPlanDueDay (25).
 */
let env: TestEnv;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['rep1', 'rep1b', 'rep2', 'manager1', 'director']) who[u] = await Client.login(env.app, u);
}

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-12-10T10:00:00+08:00');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const missing = async (c: Client, month = '2027-01') =>
  (await c.get(`/api/work-plans/missing?month=${month}`)).json() as {
    dueDate: string;
    items: { name: string; status: string }[];
    more: boolean;
  };

describe('monthly work plans', () => {
  it('a rep writes a draft, then submits it; it is read-only afterwards', async () => {
    const res = await who.rep1.post('/api/work-plans', {
      month: '2027-01',
      goals: '完成销售额 4 万元，新开发客户 4 家',
      customers: '华南机电、粤海五金',
      activities: '参加 1 月 12 日展厅集客活动',
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.rep1 = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', month: '2027-01', userName: '张三', editable: true });
    const dup = await who.rep1.post('/api/work-plans', { month: '2027-01', goals: '重复' });
    expect(dup.json().fields[0]).toMatchObject({ field: 'month', code: 'workplans.exists' });
    // Another rep's plan: out of scope for rep2 (404); manager1 reads it but may not write it.
    expect((await who.rep2.get(`/api/work-plans/${ids.rep1}`)).statusCode).toBe(404);
    expect((await who.manager1.get(`/api/work-plans/${ids.rep1}`)).statusCode).toBe(200);
    expect((await who.manager1.post(`/api/work-plans/${ids.rep1}/submit`, { version: 1 })).statusCode).toBe(403);
    const sub = await who.rep1.post(`/api/work-plans/${ids.rep1}/submit`, { version: 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', editable: false });
    const again = await who.rep1.put(`/api/work-plans/${ids.rep1}`, { goals: '改', version: 2 });
    expect(again.statusCode).toBe(409);
    const bad = await who.rep1.post('/api/work-plans', { month: '2027-13', goals: 'x' });
    expect(bad.json().fields[0]).toMatchObject({ field: 'month', message: '月份格式应为 YYYY-MM' });
  });

  it('the manager sees who in their scope has not submitted (a draft is not submitted)', async () => {
    await who.rep1b.post('/api/work-plans', { month: '2027-01', goals: '草稿' });
    const m1 = await missing(who.manager1);
    expect(m1.dueDate).toBe('2026-12-25');
    expect(m1.more).toBe(false);
    expect(m1.items.map((i) => [i.name, i.status])).toEqual([
      ['李四', 'draft'],
      ['孙七', 'none'],
    ]);
    expect((await missing(who.director)).items.map((i) => i.name)).toEqual(['李四', '孙七', '王五']);
    // A rep sees only themself.
    expect((await missing(who.rep2)).items.map((i) => i.name)).toEqual(['王五']);
    const list = (await who.manager1.get('/api/work-plans?month=2027-01')).json();
    expect(list.items.map((w: { userName: string }) => w.userName).sort()).toEqual(['张三', '李四']);
    expect((await who.rep2.get('/api/work-plans')).json().items).toEqual([]);
  });

  it('reminds those missing once, from 3 days before the due day', async () => {
    expect(await runWorkPlanReminderSweep(env.database.db, new Date('2026-12-21T09:00:00+08:00'))).toEqual({
      changed: 0,
    });
    expect(await runWorkPlanReminderSweep(env.database.db, new Date('2026-12-22T09:00:00+08:00'))).toEqual({
      changed: 3,
    });
    expect(await runWorkPlanReminderSweep(env.database.db, new Date('2026-12-23T09:00:00+08:00'))).toEqual({
      changed: 0,
    });
    const tasks = await env.database.pool.query(
      `select u.username, t.due_date::text as due, t.status from tasks t join users u on u.id = t.user_id
       where t.kind = 'workplan.due' order by u.username`,
    );
    expect(tasks.rows).toEqual([
      { username: 'rep1b', due: '2026-12-25', status: 'open' },
      { username: 'rep2', due: '2026-12-25', status: 'open' },
      { username: 'teamrep', due: '2026-12-25', status: 'open' },
    ]);
    const notes = await env.database.pool.query(
      `select count(*)::int as n from notifications where kind = 'workplan.due'`,
    );
    expect(notes.rows[0].n).toBe(3);
    // Submitting completes the reminder.
    await at('2026-12-23T10:00:00+08:00');
    const mine = (await who.rep1b.get('/api/work-plans?month=2027-01')).json().items[0];
    const put = await who.rep1b.put(`/api/work-plans/${mine.id}`, {
      goals: '完成销售额 2 万元',
      submit: true,
      version: mine.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ status: 'submitted', editable: false });
    // Only rep1b's own reminder is met; the others still owe their plans.
    const after = await env.database.pool.query(
      `select u.username, t.status from tasks t join users u on u.id = t.user_id
       where t.kind = 'workplan.due' order by u.username`,
    );
    expect(after.rows).toEqual([
      { username: 'rep1b', status: 'done' },
      { username: 'rep2', status: 'open' },
      { username: 'teamrep', status: 'open' },
    ]);
    expect((await missing(who.manager1)).items.map((i) => i.name)).toEqual(['孙七']);
  });
});
