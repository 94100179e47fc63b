import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { approveClaim, claimBody, claimTask, fileClaim, setBudget, submitClaimAs } from './expenses.testkit.ts';

/**
 * Two claims approved at the same moment (issue 15: "budget checks elsewhere break when two claims
 * are approved at once"). Both final approvals run as real concurrent requests, each in its own
 * PostgreSQL transaction; a third connection holds the budget rows until both are inside their
 * approval, waiting for the lock, so they truly overlap. Exactly one may pass when together they
 * exceed the budget; claims spending two budgets in opposite order never deadlock.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const DAY = '2026-12-08';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T10:00:00+08:00'));
  for (const u of ['rep1', 'rep1b', 'supervisor1', 'finance']) who[u] = await Client.login(env.app, u);
  const month = { deptId: org.dept.sales1, periodStart: '2026-12-01', periodEnd: '2026-12-31' };
  ids.travel = (await setBudget(who.finance, { ...month, category: 'travel', amount: '1000' })).id;
  ids.treat = (await setBudget(who.finance, { ...month, category: 'entertainment', amount: '1000' })).id;
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

/** Files and submits a claim as `rep`, approved by the supervisor: it waits for finance. */
async function atFinance(rep: Client, title: string, lines: [string, string][]) {
  const c = await fileClaim(rep, claimBody(title, lines, DAY));
  const sub = await submitClaimAs(rep, c.id, c.version);
  if (sub.statusCode !== 200) throw new Error(sub.body);
  await approveClaim(who.supervisor1, c.id);
  return c.id;
}

/**
 * Runs both final approvals while another transaction holds the budget rows, releases them once
 * both requests wait for that lock (pg_stat_activity), and returns the two responses.
 */
async function approveAtOnce(a: number, b: number, budgetIds: number[]) {
  const tasks = [await claimTask(who.finance, a), await claimTask(who.finance, b)];
  const holder = await env.database.pool.connect();
  try {
    await holder.query('begin');
    await holder.query('select id from expense_budgets where id = any($1::bigint[]) for update', [budgetIds]);
    const both = Promise.all(tasks.map((t) => who.finance.post(`/api/approvals/${t}/approve`, {})));
    for (let i = 0; ; i++) {
      const [{ n }] = await q(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
        [(await holder.query('select pg_backend_pid() as pid')).rows[0].pid],
      );
      if (n === 2) break;
      if (i > 200) throw new Error('the two approvals never waited for the budget lock together');
      await new Promise((r) => setTimeout(r, 25));
    }
    await holder.query('commit');
    return await both;
  } finally {
    holder.release();
  }
}

describe('two claims approved at the same moment', () => {
  it('together beyond the budget: exactly one passes, the budget holds exactly its amount', async () => {
    const a = await atFinance(who.rep1, '并发差旅甲', [['travel', '600']]);
    const b = await atFinance(who.rep1b, '并发差旅乙', [['travel', '600']]);
    const [ra, rb] = await approveAtOnce(a, b, [ids.travel]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const refused = ra.statusCode === 409 ? ra : rb;
    expect(refused.json().code).toBe('expenses.budget_exceeded');
    expect(await q('select reserved, used from expense_budgets where id = $1', [ids.travel])).toEqual([
      { reserved: '600.00', used: '0.00' },
    ]);
    const states = await q('select status from expense_claims where id = any($1::bigint[]) order by status', [[a, b]]);
    expect(states.map((s) => s.status)).toEqual(['approved', 'submitted']);
    // The refused one is still with finance (its approval rolled back as a whole).
    const loser = ra.statusCode === 409 ? a : b;
    expect(await claimTask(who.finance, loser)).toBeDefined();
    const actions = await q(
      `select a.action from approval_actions a join approval_instances i on i.id = a.instance_id
       where i.doc_type = 'expense_claim' and i.doc_id = $1 order by a.id`,
      [loser],
    );
    expect(actions.map((x) => x.action)).toEqual(['submit', 'approve']);
  });

  it('together within the budgets, spending two budgets in opposite order: both pass, no deadlock', async () => {
    const a = await atFinance(who.rep1, '并发甲', [
      ['entertainment', '100'],
      ['travel', '100'],
    ]);
    const b = await atFinance(who.rep1b, '并发乙', [
      ['travel', '150'],
      ['entertainment', '150'],
    ]);
    const [ra, rb] = await approveAtOnce(a, b, [ids.travel, ids.treat]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect(await q('select id, reserved from expense_budgets order by id')).toEqual([
      { id: ids.travel, reserved: '850.00' },
      { id: ids.treat, reserved: '250.00' },
    ]);
  });
});
