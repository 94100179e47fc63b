import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { registerApprovalDocType } from './approvals.registry.ts';
import type { StepDef } from './approvals.rules.ts';
import { approvalRules } from './approvals.schema.ts';
import { submitForApproval } from './approvals.service.ts';

/**
 * The approval engine against a reference model, plus its concurrency guarantee. A test document
 * type is registered here with its own table, as any module would register one.
 */
let env: TestEnv;
let org: Org;
const clients: Record<string, Client> = {};
const USERS = ['rep1', 'rep1b', 'manager1', 'manager2', 'director', 'gm', 'rep2'] as const;
type U = (typeof USERS)[number];

registerApprovalDocType({
  type: 'test_doc',
  fields: [{ key: 'amount', type: 'money' }],
  async describe(tx, _ctx, id) {
    const r = await tx.execute<{ amount: string }>(sql`select amount from test_docs where id = ${id}`);
    return {
      facts: { amount: r.rows[0].amount },
      summaryKey: 'approval.summary.test_doc',
      summaryParams: { id },
      link: `/test/${id}`,
    };
  },
  async assertVisible() {},
  async onApproved(tx, _ctx, id) {
    await tx.execute(sql`update test_docs set status = 'approved', approvals = approvals + 1 where id = ${id}`);
  },
  async onClosed(tx, _ctx, id, outcome) {
    await tx.execute(sql`update test_docs set status = ${outcome} where id = ${id}`);
  },
});

// Step 0: the applicant's department head (或签); step 1: director AND gm (会签); step 2: gm.
const CHAIN: StepDef[] = [
  { name: '部门负责人', kind: 'dept_head', mode: 'any' },
  { name: '总监与总经理会签', kind: 'users', userIds: [], mode: 'all' },
  { name: '总经理', kind: 'role', role: 'general_manager', mode: 'any' },
];

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  for (const u of USERS) clients[u] = await Client.login(env.app, u);
  await env.database.pool.query(
    `create table test_docs (id bigint primary key, amount numeric(18,2) not null, status text not null default 'draft', approvals int not null default 0)`,
  );
  CHAIN[1].userIds = [org.user.director, org.user.gm];
  await env.database.db.insert(approvalRules).values([
    {
      docType: 'test_doc',
      name: '大额',
      priority: 1,
      conditions: [{ field: 'amount', op: 'gte', value: '10000' }],
      steps: CHAIN,
    },
    {
      docType: 'test_doc',
      name: '并发',
      priority: 5,
      conditions: [{ field: 'amount', op: 'eq', value: '7777' }],
      steps: [
        { name: '任一销售经理', kind: 'role', role: 'sales_manager', mode: 'any' },
        { name: '总经理', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
  ]);
});
afterAll(() => env.close());

let nextDoc = 1;
async function newDoc(amount: string) {
  const id = nextDoc++;
  await env.database.pool.query('insert into test_docs (id, amount) values ($1, $2)', [id, amount]);
  return id;
}
async function submit(user: U, docId: number) {
  const ctx = await ctxFor(env, clients[user]);
  return env.database.db.transaction((tx) => submitForApproval(tx, ctx, 'test_doc', docId));
}
const docRow = async (id: number) =>
  (await env.database.pool.query('select status, approvals from test_docs where id = $1', [id])).rows[0];

describe('approval engine: rules and chains', () => {
  it('approves at once when no rule matches, and says so in the history', async () => {
    const id = await newDoc('50.00');
    const r = await submit('rep1', id);
    expect(r.status).toBe('approved');
    expect(await docRow(id)).toEqual({ status: 'approved', approvals: 1 });
  });

  it('walks a three-step chain: 或签, then 会签, then a role; history and notifications follow', async () => {
    const id = await newDoc('20000.00');
    const { instanceId } = await submit('rep1', id);
    const inbox = (await clients.manager1.get('/api/approvals/inbox')).json();
    expect(inbox.items.map((i: { instanceId: number }) => i.instanceId)).toContain(instanceId);
    expect((await clients.manager1.get('/api/approvals/inbox/count')).json().total).toBeGreaterThanOrEqual(1);
    const notes = (await clients.manager1.get('/api/notifications')).json();
    expect(notes.items[0]).toMatchObject({ titleKey: 'notify.approval.task', link: `/approvals/${instanceId}` });

    expect((await clients.rep2.post(`/api/approvals/${instanceId}/approve`, {})).statusCode).toBe(404);
    expect((await clients.manager1.post(`/api/approvals/${instanceId}/approve`, { comment: '同意' })).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await clients.director.post(`/api/approvals/${instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect(await docRow(id)).toEqual({ status: 'draft', approvals: 0 });
    expect((await clients.gm.post(`/api/approvals/${instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 2,
    });
    expect((await clients.gm.post(`/api/approvals/${instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
    expect(await docRow(id)).toEqual({ status: 'approved', approvals: 1 });

    const view = (await clients.rep1.get(`/api/approvals/${instanceId}`)).json();
    expect(view.actions.map((a: { action: string; actorName: string }) => `${a.action}:${a.actorName}`)).toEqual([
      'submit:张三',
      'approve:李经理',
      'approve:赵总监',
      'approve:王总',
      'approve:王总',
    ]);
    const applicantNotes = (await clients.rep1.get('/api/notifications')).json();
    expect(applicantNotes.items[0]).toMatchObject({ titleKey: 'notify.approval.approved' });
  });

  it('requires a reason to reject or return; return to an earlier step reopens it', async () => {
    const id = await newDoc('30000.00');
    const { instanceId } = await submit('rep1b', id);
    await clients.manager1.post(`/api/approvals/${instanceId}/approve`, {});
    const noReason = await clients.director.post(`/api/approvals/${instanceId}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0]).toMatchObject({ field: 'comment', message: '请填写理由' });
    expect(
      (
        await clients.director.post(`/api/approvals/${instanceId}/return`, { comment: '请部门重新确认', toStep: 0 })
      ).json(),
    ).toEqual({ status: 'pending', step: 0 });
    expect((await clients.director.post(`/api/approvals/${instanceId}/approve`, {})).statusCode).toBe(409);
    await clients.manager1.post(`/api/approvals/${instanceId}/delegate`, { toUserId: org.user.supervisor1 });
    const sup = await Client.login(env.app, 'supervisor1');
    expect((await sup.post(`/api/approvals/${instanceId}/approve`, {})).json()).toEqual({ status: 'pending', step: 1 });
    expect((await clients.gm.post(`/api/approvals/${instanceId}/reject`, { comment: '预算不足' })).json()).toEqual({
      status: 'rejected',
    });
    expect(await docRow(id)).toEqual({ status: 'rejected', approvals: 0 });
  });

  it('never lets applicants approve their own document: a step with only the applicant is refused', async () => {
    const id = await newDoc('10000.00');
    // manager1 heads 销售一部: the dept-head step goes to the parent department's head (gm).
    const { instanceId } = await submit('manager1', id);
    const view = (await clients.gm.get(`/api/approvals/${instanceId}`)).json();
    expect(view.steps[0].tasks.map((t: { approverName: string }) => t.approverName)).toEqual(['王总']);
    expect((await clients.manager1.post(`/api/approvals/${instanceId}/approve`, {})).statusCode).toBe(409);
    await env.database.pool.query(`update users set active = false where username = 'gm'`);
    try {
      const id2 = await newDoc('10000.00');
      await expect(submit('manager1', id2)).rejects.toMatchObject({ code: 'validation.failed' });
      expect(await docRow(id2)).toEqual({ status: 'draft', approvals: 0 });
    } finally {
      await env.database.pool.query(`update users set active = true where username = 'gm'`);
      clients.gm = await Client.login(env.app, 'gm');
    }
  });
});

describe('approval engine: concurrency', () => {
  it('100 parallel approvals of the same step make exactly one transition', async () => {
    const id = await newDoc('7777.00');
    const { instanceId } = await submit('rep1', id);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? clients.manager1 : clients.manager2).post(`/api/approvals/${instanceId}/approve`, {}),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    const q = (s: string) => env.database.pool.query(s, [instanceId]).then((r) => r.rows);
    expect(await q(`select current_step, status from approval_instances where id = $1`)).toEqual([
      { current_step: 1, status: 'pending' },
    ]);
    expect(
      await q(`select count(*)::int n from approval_actions where instance_id = $1 and action = 'approve'`),
    ).toEqual([{ n: 1 }]);
    expect(await q(`select count(*)::int n from approval_tasks where instance_id = $1 and step = 1`)).toEqual([
      { n: 1 },
    ]);
  });
});

type Model = {
  status: 'none' | 'pending' | 'approved' | 'rejected' | 'withdrawn';
  step: number;
  waiting: Set<U>;
  tasked: Set<U>;
  applicant: U | null;
};

describe('approval engine: model-based', () => {
  it('random submit / approve / reject / withdraw sequences match the reference model', async () => {
    const approversOf = (m: Model): Set<U> =>
      m.step === 0 ? new Set(['manager1']) : m.step === 1 ? new Set(['director', 'gm']) : new Set(['gm']);
    const cmd = fc.record({
      kind: fc.constantFrom('submit', 'approve', 'reject', 'withdraw'),
      user: fc.constantFrom(...USERS),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 12 }), async (cmds) => {
        const id = await newDoc('15000.00');
        let m: Model = { status: 'none', step: 0, waiting: new Set(), tasked: new Set(), applicant: null };
        let instanceId = 0;
        for (const c of cmds) {
          if (c.kind === 'submit') {
            const canSubmit = m.status !== 'pending' && (c.user === 'rep1' || c.user === 'rep1b');
            if (!canSubmit) continue;
            instanceId = (await submit(c.user, id)).instanceId;
            m = { status: 'pending', step: 0, applicant: c.user, waiting: new Set(), tasked: new Set() };
            m.waiting = approversOf(m);
            for (const u of m.waiting) m.tasked.add(u);
            continue;
          }
          if (!instanceId) continue;
          const res = await clients[c.user].post(`/api/approvals/${instanceId}/${c.kind}`, { comment: '理由' });
          // Users with no part in the instance learn nothing (404); others get 409 when they cannot act.
          const involved = c.user === m.applicant || m.tasked.has(c.user);
          if (c.kind === 'withdraw') {
            if (m.status === 'pending' && c.user === m.applicant) {
              expect(res.json()).toEqual({ status: 'withdrawn' });
              m.status = 'withdrawn';
            } else expect(res.statusCode).toBe(involved ? 409 : 404);
          } else if (m.status === 'pending' && m.waiting.has(c.user)) {
            expect(res.statusCode, `${c.kind} by ${c.user}`).toBe(200);
            if (c.kind === 'reject') m.status = 'rejected';
            else {
              m.waiting.delete(c.user);
              const mode = CHAIN[m.step].mode;
              if (mode === 'any' || m.waiting.size === 0) {
                m.step += 1;
                if (m.step === CHAIN.length) m.status = 'approved';
                else {
                  m.waiting = approversOf(m);
                  for (const u of m.waiting) m.tasked.add(u);
                }
              }
            }
          } else {
            expect(res.statusCode, `${c.kind} by ${c.user} in ${m.status}`).toBe(involved ? 409 : 404);
          }
          const [row] = (
            await env.database.pool.query('select status, current_step from approval_instances where id = $1', [
              instanceId,
            ])
          ).rows;
          expect(row.status).toBe(m.status);
          if (m.status === 'pending') expect(row.current_step).toBe(m.step);
        }
        // Invariants: nobody approved their own document; the document changed only on full approval.
        const own = await env.database.pool.query(
          `select count(*)::int n from approval_tasks t join approval_instances i on i.id = t.instance_id
           where i.doc_type = 'test_doc' and i.doc_id = $1 and t.approver_id = i.applicant_id`,
          [id],
        );
        expect(own.rows[0].n).toBe(0);
        const doc = await docRow(id);
        expect(doc.status === 'approved').toBe(m.status === 'approved');
        const locked = await env.database.db.execute(
          sql`select count(*)::int n from approval_instances where doc_type = 'test_doc' and doc_id = ${id} and status = 'pending'`,
        );
        expect(Number(locked.rows[0].n) === 1).toBe(m.status === 'pending');
      }),
      { numRuns: 25 },
    );
  });
});
