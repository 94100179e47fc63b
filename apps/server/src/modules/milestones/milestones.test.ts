import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertCustomer } from '../deliveries/deliveries.test-seed.ts';
import { insertSignedSale } from '../returns/returns.test-seed.ts';
import { runMilestoneLateSweep } from './milestones.sweep.ts';

/**
 * Post-sale milestone processes through the HTTP API (SPEC 4.5, seed 000 销售后续管理流程): a
 * template with working-day offsets, an instance per order, step completion with its required
 * documents, lateness (list + sweep). Dates follow the company calendar (国庆 2026: 1–7 Oct).
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const PNG = {
  fileName: '备案回执.png',
  mimeType: 'image/png',
  contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
};

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['admin', 'rep1', 'rep2', 'manager1']) who[u] = await Client.login(env.app, u);
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const customerId = await insertCustomer(env, '深圳购房客户李先生', org.user.rep1);
  ids.order = (
    await insertSignedSale(env, {
      customerId,
      ownerId: org.user.rep1,
      qty: '1',
      unitPrice: '1200000.00',
      signedDate: '2026-09-21',
    })
  ).orderId;
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-09-28T10:00:00+08:00');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('post-sale process from a template', () => {
  it('an admin defines the template; a rep cannot', async () => {
    const body = {
      name: '房产销售后续流程',
      steps: [
        { name: '合同备案', departmentId: org.dept.sales1, offsetDays: 3, requiredDocuments: ['备案回执'] },
        { name: '按揭资料收集', offsetDays: 5, requiredDocuments: [] },
      ],
    };
    expect((await who.rep1.post('/api/milestone-templates', body)).statusCode).toBe(403);
    const res = await who.admin.post('/api/milestone-templates', body);
    expect(res.statusCode, res.body).toBe(201);
    ids.template = res.json().id;
  });

  it('starts on an order: due dates are working days on the company calendar', async () => {
    const res = await who.rep1.post('/api/milestone-processes', {
      templateId: ids.template,
      orderId: ids.order,
      startDate: '2026-09-28',
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ids.process = p.id;
    // Mon 28 Sep + 3 working days: 29, 30 Sep, (1–7 Oct 国庆), Thu 8 Oct; + 5: 9 Oct, Sat 10 Oct (调休).
    expect(p).toMatchObject({ no: expect.stringMatching(/^LC-2026-\d{5}$/), status: 'active', lateSteps: 0 });
    expect(p.steps.map((s: { dueDate: string }) => s.dueDate)).toEqual(['2026-10-08', '2026-10-10']);
    expect(p.steps[0]).toMatchObject({ departmentName: '销售一部', requiredDocuments: ['备案回执'], late: false });
  });

  it('a step without its required document is refused; with it, it completes', async () => {
    const p = (await who.rep1.get(`/api/milestone-processes/${ids.process}`)).json();
    const bad = await who.rep1.post(`/api/milestone-processes/${ids.process}/complete-step`, {
      stepId: p.steps[0].id,
      version: p.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'documents', message: expect.stringContaining('备案回执') });
    const ok = await who.rep1.post(`/api/milestone-processes/${ids.process}/complete-step`, {
      stepId: p.steps[0].id,
      note: '已报房管局备案',
      documents: [{ name: '备案回执', file: PNG }],
      version: p.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().steps[0]).toMatchObject({
      completedByName: '张三',
      documents: [expect.objectContaining({ name: '备案回执', fileName: '备案回执.png' })],
    });
  });

  it('a step past its due date is late: listed, and the sweep tells the owner once', async () => {
    await at('2026-10-12T09:00:00+08:00');
    const p = (await who.rep1.get(`/api/milestone-processes/${ids.process}`)).json();
    expect(p.lateSteps).toBe(1);
    expect(p.steps[1]).toMatchObject({ name: '按揭资料收集', late: true });
    const late = (await who.rep1.get('/api/milestone-processes/late-steps')).json();
    expect(late.items).toEqual([
      expect.objectContaining({ name: '按揭资料收集', dueDate: '2026-10-10', ownerName: '张三' }),
    ]);
    expect((await who.rep2.get('/api/milestone-processes/late-steps')).json().items).toEqual([]);
    expect((await runMilestoneLateSweep(env.database.db, new Date())).changed).toBe(1);
    expect((await runMilestoneLateSweep(env.database.db, new Date())).changed).toBe(0);
    const task = await env.database.pool.query(`select user_id, kind from tasks where ref_type = 'milestone_step'`);
    expect(task.rows).toEqual([{ user_id: org.user.rep1, kind: 'milestone.late' }]);
  });

  it('the last step completes the process; another department cannot see it', async () => {
    const p = (await who.rep1.get(`/api/milestone-processes/${ids.process}`)).json();
    const res = await who.rep1.post(`/api/milestone-processes/${ids.process}/complete-step`, {
      stepId: p.steps[1].id,
      version: p.version,
    });
    expect(res.json()).toMatchObject({ status: 'completed', lateSteps: 0 });
    expect((await who.rep2.get(`/api/milestone-processes/${ids.process}`)).statusCode).toBe(404);
    const list = (await who.rep1.get(`/api/milestone-processes?orderId=${ids.order}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([ids.process]);
  });
});
