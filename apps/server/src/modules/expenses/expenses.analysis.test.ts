import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { approvedEvent } from '../../../test/scope-fixtures/events.ts';
import { approveClaim, claimBody, fileClaim, setBudget, submitClaimAs } from './expenses.testkit.ts';

/**
 * Event budgets and cost analysis (SPEC 5.3: cost analysis per event, per customer acquired; seed 001
 * 费用控制 4: 定期对销售费用进行分析和评估). Figures computed by hand below.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const DAY = '2026-12-08';
const PERIOD = '?from=2026-12-01&to=2026-12-31';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T10:00:00+08:00'));
  for (const u of ['rep1', 'supervisor1', 'manager1', 'manager2', 'director', 'finance'])
    who[u] = await Client.login(env.app, u);
  ids.event = await approvedEvent(env, who.director, '年终客户答谢会');
  await setBudget(who.finance, {
    deptId: org.dept.sales1,
    category: 'travel',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    amount: '1000',
  });
  ids.eventBudget = (await setBudget(who.finance, { eventId: ids.event, category: 'invitation', amount: '2000' })).id;
  // Two customers acquired by rep1 this month.
  for (const [name, mobile] of [
    ['答谢会客户甲', '13800005001'],
    ['答谢会客户乙', '13800005002'],
  ])
    expect((await who.rep1.post('/api/customers', { kind: 'individual', name, mobile })).statusCode).toBe(201);
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

/** A claim of rep1 through supervisor and finance. */
async function approved(title: string, lines: [string, string][], eventId?: number) {
  const c = await fileClaim(who.rep1, claimBody(title, lines, DAY, { eventId }));
  expect((await submitClaimAs(who.rep1, c.id, c.version)).statusCode).toBe(200);
  await approveClaim(who.supervisor1, c.id);
  expect((await approveClaim(who.finance, c.id)).json().status).toBe('approved');
  return c.id;
}

describe('event budgets', () => {
  it("belong to the event's department; a claim charged to the event spends the event's budget", async () => {
    const b = (await who.finance.get(`/api/expense-budgets/${ids.eventBudget}`)).json();
    expect(b).toMatchObject({ eventTheme: '年终客户答谢会', deptName: '管理层', periodStart: null });
    const dup = await who.finance.post('/api/expense-budgets', {
      eventId: ids.event,
      category: 'invitation',
      amount: '1',
    });
    expect(dup.json().fields[0]).toMatchObject({ field: 'category', message: '该活动已有此类别的预算' });
    ids.eventClaim = await approved('答谢会邀约短信与快递', [['invitation', '300']], ids.event);
    expect((await who.finance.get(`/api/expense-budgets/${ids.eventBudget}`)).json()).toMatchObject({
      reserved: '300.00',
      remaining: '1700.00',
    });
  });
});

describe('cost analysis', () => {
  it('per rep: spend by category, customers acquired and the cost of one (approved and paid only)', async () => {
    const trip = await approved('拜访差旅', [['travel', '100']]);
    const paid = await who.finance.post(`/api/expense-claims/${trip}/pay`, { version: 3 });
    expect(paid.statusCode, paid.body).toBe(200);
    // A draft and a claim under approval spend nothing yet.
    await fileClaim(who.rep1, claimBody('未提交', [['travel', '999']], DAY));
    const pending = await fileClaim(who.rep1, claimBody('审批中', [['travel', '50']], DAY));
    await submitClaimAs(who.rep1, pending.id, pending.version);
    const res = (await who.director.get(`/api/expense-analysis/reps${PERIOD}`)).json();
    expect(res.items).toEqual([
      {
        repId: org.user.rep1,
        repName: '张三',
        deptName: '销售一部',
        spent: '400.00',
        byCategory: { invitation: '300.00', event: '0.00', promotion: '0.00', travel: '100.00', entertainment: '0.00' },
        acquired: 2,
        perCustomer: '200.00',
      },
    ]);
    expect(res).toMatchObject({ total: 1, summary: { spent: '400.00', acquired: 2, perCustomer: '200.00' } });
    // Outside the period: nothing.
    expect((await who.director.get('/api/expense-analysis/reps?from=2026-11-01&to=2026-11-30')).json().items).toEqual(
      [],
    );
  });

  it('per event: spend against its budget, attendees and deals (no figure instead of dividing by zero)', async () => {
    const res = (await who.director.get(`/api/expense-analysis/events${PERIOD}`)).json();
    expect(res.items).toEqual([
      expect.objectContaining({
        eventId: ids.event,
        theme: '年终客户答谢会',
        spent: '300.00',
        budget: '2000.00',
        attended: 0,
        deals: 0,
        perAttendee: null,
        perDeal: null,
      }),
    ]);
  });

  it('within the scope of expense.analyze: another department sees nothing, a rep may not analyse', async () => {
    expect((await who.manager2.get(`/api/expense-analysis/reps${PERIOD}`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await who.manager2.get(`/api/expense-analysis/events${PERIOD}`)).json().items).toEqual([]);
    expect((await who.manager1.get(`/api/expense-analysis/reps${PERIOD}`)).json().items).toHaveLength(1);
    expect((await who.rep1.get(`/api/expense-analysis/reps${PERIOD}`)).statusCode).toBe(403);
  });
});
