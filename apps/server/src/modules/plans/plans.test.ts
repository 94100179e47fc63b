import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/**
 * Annual sales plan (SPEC 2.1) through the HTTP API: the split must sum (error naming the row and
 * month), managers split their own department only, approval through the engine, versions (the
 * version in force stays in force while the next one is pending).
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};

const months = (total: number, n = 12) => {
  // Equal months in whole yuan, the remainder in December.
  const each = Math.floor(total / n);
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? total - each * 11 : each).toFixed(2));
};
const counts = (total: number) => {
  const each = Math.floor(total / 12);
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? total - each * 11 : each));
};
const row = (deptId: number, amount: number, customers: number, userId: number | null = null) => ({
  deptId,
  userId,
  amounts: months(amount),
  customers: counts(customers),
});

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  for (const u of ['director', 'gm', 'manager1', 'manager2', 'rep1', 'rep2']) who[u] = await Client.login(env.app, u);
});
afterAll(() => env?.close());

describe('the split must sum', () => {
  it('names the row and month that does not add up, and writes nothing', async () => {
    const rows = [row(org.dept.root, 1200000, 120), row(org.dept.sales1, 720000, 72), row(org.dept.sales2, 480000, 48)];
    // 销售二部 March is one cent short of what the company row expects.
    rows[2].amounts[2] = (Number(rows[2].amounts[2]) - 0.01).toFixed(2);
    rows[2].amounts[3] = (Number(rows[2].amounts[3]) + 0.01).toFixed(2);
    const res = await who.director.post('/api/sales-plans', {
      year: 2027,
      title: '2027 年度销售计划',
      targetAmount: '1200000.00',
      targetCustomers: 120,
      rows,
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(['rows.0.amounts.2', 'rows.0.amounts.3']);
    expect(fields[0].message).toBe('「总公司」3 月：下级分解合计 ¥99,999.99，与本行 ¥100,000.00 不一致');
    const n = await env.database.pool.query('select count(*)::int as n from sales_plans');
    expect(n.rows[0].n).toBe(0);
  });

  it('checks the months against the annual task, exactly to the cent', async () => {
    const rows = [row(org.dept.root, 1200000, 120)];
    const res = await who.director.post('/api/sales-plans', {
      year: 2027,
      title: '2027 年度销售计划',
      targetAmount: '1200000.01',
      targetCustomers: 120,
      rows,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'rows.0.amounts',
      message: '「总公司」各月合计 ¥1,200,000.00，与年度任务 ¥1,200,000.01 不一致',
    });
  });

  it('the director creates the plan split to departments; a rep may not create one', async () => {
    const body = {
      year: 2027,
      title: '2027 年度销售计划',
      targetAmount: '1200000.00',
      targetCustomers: 120,
      rows: [row(org.dept.root, 1200000, 120), row(org.dept.sales1, 720000, 72), row(org.dept.sales2, 480000, 48)],
    };
    expect((await who.rep1.post('/api/sales-plans', body)).statusCode).toBe(403);
    const res = await who.director.post('/api/sales-plans', body);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ids.v1 = p.id;
    expect(p).toMatchObject({ year: 2027, planVersion: 1, status: 'draft', targetAmount: '1200000.00' });
    expect(
      p.rows.map((r: { name: string; kind: string; totalAmount: string }) => [r.name, r.kind, r.totalAmount]),
    ).toEqual([
      ['总公司', 'company', '1200000.00'],
      ['销售一部', 'department', '720000.00'],
      ['销售二部', 'department', '480000.00'],
    ]);
    expect((await who.director.post('/api/sales-plans', body)).json().fields[0].field).toBe('year');
  });

  it('a manager splits their department to reps, but not the task handed to them', async () => {
    const p = (await who.manager1.get(`/api/sales-plans/${ids.v1}`)).json();
    // manager1 sees 销售一部 and below only; the company's task is not theirs to see.
    expect(p.rows.map((r: { name: string }) => r.name)).toEqual(['销售一部']);
    expect(p.targetAmount).toBeNull();
    expect(p.rows[0].editable).toBe(false);
    const reps = [row(org.dept.sales1, 480000, 48, org.user.rep1), row(org.dept.sales1, 240000, 24, org.user.rep1b)];
    const base = { title: p.title, targetAmount: '1', targetCustomers: 1, version: p.version };
    // Raising the department's own row is refused.
    const up = await who.manager1.put(`/api/sales-plans/${ids.v1}`, {
      ...base,
      rows: [row(org.dept.sales1, 840000, 72), ...reps],
    });
    expect(up.statusCode).toBe(400);
    expect(up.json().fields[0]).toMatchObject({ field: 'rows.0', code: 'plans.row_not_editable' });
    // Reps that do not add up to the department are refused, naming the department and month.
    const short = [reps[0], row(org.dept.sales1, 239988, 24, org.user.rep1b)];
    const bad = await who.manager1.put(`/api/sales-plans/${ids.v1}`, { ...base, rows: [p.rows[0], ...short] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toContain('「销售一部」1 月');
    const ok = await who.manager1.put(`/api/sales-plans/${ids.v1}`, { ...base, rows: [p.rows[0], ...reps] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rows.map((r: { name: string; totalAmount: string }) => [r.name, r.totalAmount])).toEqual([
      ['销售一部', '720000.00'],
      ['张三', '480000.00'],
      ['李四', '240000.00'],
    ]);
    // The task fields in the body were ignored for a manager.
    const full = (await who.director.get(`/api/sales-plans/${ids.v1}`)).json();
    expect(full.targetAmount).toBe('1200000.00');
    expect(full.rows).toHaveLength(5);
    // manager2 changes nothing of 销售一部 either (not in their scope at all).
    const p2 = (await who.manager2.get(`/api/sales-plans/${ids.v1}`)).json();
    expect(p2.rows.map((r: { name: string }) => r.name)).toEqual(['销售二部']);
    const foreign = await who.manager2.put(`/api/sales-plans/${ids.v1}`, {
      ...base,
      version: full.version,
      rows: [row(org.dept.sales1, 720000, 72, org.user.rep1)],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0]).toMatchObject({ field: 'rows.0', code: 'plans.row_not_editable' });
    const kept = (await who.director.get(`/api/sales-plans/${ids.v1}`)).json();
    expect(kept.version).toBe(full.version);
    expect(kept.rows.map((r: { name: string; totalAmount: string }) => [r.name, r.totalAmount])).toEqual(
      full.rows.map((r: { name: string; totalAmount: string }) => [r.name, r.totalAmount]),
    );
    expect((await who.rep1.get(`/api/sales-plans/${ids.v1}`)).json().rows.map((r: { name: string }) => r.name)).toEqual(
      ['张三'],
    );
  });
});

describe('approval and versions', () => {
  it('submits through the approval engine; the general manager approves; v1 is in force', async () => {
    const p = (await who.director.get(`/api/sales-plans/${ids.v1}`)).json();
    expect((await who.manager1.post(`/api/sales-plans/${ids.v1}/submit`, { version: p.version })).statusCode).toBe(403);
    const sub = await who.director.post(`/api/sales-plans/${ids.v1}/submit`, { version: p.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('submitted');
    // Locked while pending.
    const locked = await who.director.put(`/api/sales-plans/${ids.v1}`, {
      ...p,
      version: sub.json().version,
      rows: [],
    });
    expect(locked.statusCode).toBe(409);
    const inbox = (await who.gm.get('/api/approvals/inbox')).json();
    const task = inbox.items.find(
      (i: { docType: string; docId: number }) => i.docType === 'sales_plan' && i.docId === ids.v1,
    );
    expect(task.summary).toBe('2027 年销售计划 第 1 版「2027 年度销售计划」：¥1,200,000.00');
    const ok = await who.gm.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, { comment: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await who.director.get(`/api/sales-plans/${ids.v1}`)).json();
    expect(after).toMatchObject({ status: 'approved', actions: { revise: true, edit: false } });
    const hist = (await who.rep1.get(`/api/sales-plans/${ids.v1}/approvals`)).json();
    expect(hist.items[0].status).toBe('approved');
  });

  it('a revision is a new draft version; v1 stays in force while v2 is pending; approving v2 supersedes v1', async () => {
    const v1 = (await who.director.get(`/api/sales-plans/${ids.v1}`)).json();
    const rev = await who.director.post(`/api/sales-plans/${ids.v1}/revise`, { version: v1.version });
    expect(rev.statusCode, rev.body).toBe(201);
    const v2 = rev.json();
    ids.v2 = v2.id;
    expect(v2).toMatchObject({ planVersion: 2, status: 'draft', basedOnId: ids.v1 });
    expect(v2.rows).toHaveLength(5);
    // Only one open version per year.
    expect((await who.director.post(`/api/sales-plans/${ids.v1}/revise`, { version: v1.version })).statusCode).toBe(
      409,
    );
    // Raise 销售二部 by 60,000 in December and the company task with it.
    const rows = v2.rows.map((r: { deptId: number; userId: number | null; amounts: string[]; customers: number[] }) => {
      const amounts = [...r.amounts];
      if (r.deptId === org.dept.root || (r.deptId === org.dept.sales2 && r.userId === null))
        amounts[11] = (Number(amounts[11]) + 60000).toFixed(2);
      return { deptId: r.deptId, userId: r.userId, amounts, customers: r.customers };
    });
    const put = await who.director.put(`/api/sales-plans/${ids.v2}`, {
      title: v2.title,
      targetAmount: '1260000.00',
      targetCustomers: 120,
      version: v2.version,
      rows,
    });
    expect(put.statusCode, put.body).toBe(200);
    const sub = await who.director.post(`/api/sales-plans/${ids.v2}/submit`, { version: put.json().version });
    expect(sub.statusCode, sub.body).toBe(200);
    const status = async () =>
      (
        await env.database.pool.query(
          'select plan_version, status from sales_plans where year = 2027 order by plan_version',
        )
      ).rows;
    expect(await status()).toEqual([
      { plan_version: 1, status: 'approved' },
      { plan_version: 2, status: 'submitted' },
    ]);
    const inbox = (await who.gm.get('/api/approvals/inbox')).json();
    const task = inbox.items.find(
      (i: { docType: string; docId: number }) => i.docType === 'sales_plan' && i.docId === ids.v2,
    );
    expect((await who.gm.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, {})).statusCode).toBe(200);
    expect(await status()).toEqual([
      { plan_version: 1, status: 'superseded' },
      { plan_version: 2, status: 'approved' },
    ]);
    const hist = (await who.director.get(`/api/sales-plans/${ids.v2}`)).json();
    expect(hist.versions.map((v: { planVersion: number; status: string }) => [v.planVersion, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'approved'],
    ]);
    expect(hist.targetAmount).toBe('1260000.00');
  });

  it('a returned version is a draft again', async () => {
    const v2 = (await who.director.get(`/api/sales-plans/${ids.v2}`)).json();
    const v3 = (await who.director.post(`/api/sales-plans/${ids.v2}/revise`, { version: v2.version })).json();
    await who.director.post(`/api/sales-plans/${v3.id}/submit`, { version: v3.version });
    const inbox = (await who.gm.get('/api/approvals/inbox')).json();
    const task = inbox.items.find(
      (i: { docType: string; docId: number }) => i.docType === 'sales_plan' && i.docId === v3.id,
    );
    const r = await who.gm.post(`/api/approvals/${task.instanceId ?? task.id}/reject`, { comment: '目标偏低' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await who.director.get(`/api/sales-plans/${v3.id}`)).json().status).toBe('draft');
    expect((await who.director.get(`/api/sales-plans/${ids.v2}`)).json().status).toBe('approved');
  });
});

describe('scope', () => {
  it('a plan holding nothing of the viewer answers 404 like an unknown id', async () => {
    const res = await who.director.post('/api/sales-plans', {
      year: 2030,
      title: '一部专项',
      targetAmount: '1000.00',
      targetCustomers: 0,
      rows: [
        row(org.dept.root, 1200, 0),
        row(org.dept.sales1, 1200, 0),
        { ...row(org.dept.sales1, 1200, 0, org.user.rep1) },
      ].map((r, i) => (i === 0 ? r : r)),
    });
    // The company row must equal the task: 1200 ≠ 1000.
    expect(res.statusCode).toBe(400);
    const ok = await who.director.post('/api/sales-plans', {
      year: 2030,
      title: '一部专项',
      targetAmount: '1200.00',
      targetCustomers: 0,
      rows: [row(org.dept.root, 1200, 0), row(org.dept.sales1, 1200, 0), row(org.dept.sales1, 1200, 0, org.user.rep1)],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id;
    const hidden = await who.manager2.get(`/api/sales-plans/${id}`);
    const unknown = await who.manager2.get('/api/sales-plans/987654321');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toBe(unknown.json().message);
    expect((await who.rep1.get(`/api/sales-plans/${id}`)).statusCode).toBe(200);
    const list = (await who.manager2.get('/api/sales-plans')).json();
    expect(list.items.map((p: { year: number }) => p.year)).not.toContain(2030);
  });
});
