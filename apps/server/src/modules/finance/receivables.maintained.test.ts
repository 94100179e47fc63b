import { addDays, money, toMoneyString } from '@sales/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runUserDeptChange } from '../../platform/org/org-hooks.ts';
import { insertContract, insertOrder } from './finance.fixtures.ts';
import { checkReceivables, runReceivablesCheck } from './receivables.check.ts';
import { rebuildReceivables } from './receivables.sync.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let fin: Client;
let manager1: Client;
let gm: Client;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
let n = 0;
const ext = () => `M${Date.now().toString().slice(-8)}${String(++n).padStart(4, '0')}`;
const amountOf = (cents: number) => toMoneyString(money(cents).div(100));

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  fin = await Client.login(env.app, 'finance');
  manager1 = await Client.login(env.app, 'manager1');
  gm = await Client.login(env.app, 'gm');
});
afterAll(() => env.close());

const Doc = fc.nat(2); // two orders and a contract
const Cents = fc.integer({ min: 1, max: 600_000 });
const Op = fc.oneof(
  fc.record({ t: fc.constant('invoice' as const), doc: Doc, cents: Cents, age: fc.nat(150) }),
  fc.record({
    t: fc.constant('pay' as const),
    doc: Doc,
    cents: Cents,
    // Received up to 60 days ago, or (rarely) dated in the future: then "as of today" is computed from scratch.
    days: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -60, max: 0 }) }, fc.integer({ min: 1, max: 5 })),
    how: fc.constantFrom('finance' as const, 'rep' as const, 'cheque' as const),
  }),
  fc.record({
    t: fc.constant('decide' as const),
    pick: fc.nat(20),
    action: fc.constantFrom('confirm', 'clear', 'bounce'),
  }),
  fc.record({ t: fc.constant('void' as const), pick: fc.nat(20) }),
  fc.record({ t: fc.constant('reissue' as const), pick: fc.nat(20), cents: Cents }),
  fc.record({ t: fc.constant('writeOff' as const), doc: fc.nat(1), cents: Cents }),
);
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never;

const line = (cents: number) => [
  { description: '货物', unit: '件', qty: '1', unitPrice: amountOf(cents), taxRate: '0.00' },
];

describe('maintained receivables (ADR 0003)', () => {
  it('equal the from-scratch ledger to the cent after random issue, void, reissue, payment, clearance and write-off sequences', async () => {
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 6, maxLength: 12 }), async (ops: Op[]) => {
        const customerId = (
          await rep1.post('/api/customers', { kind: 'company', name: `维护应收测试${++n}号有限公司` })
        ).json().id as number;
        const owner = { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 };
        const docs = [
          {
            orderId: (
              await insertOrder(env, { ...owner, lines: [{ qty: '1', unitPrice: '10000.00', taxRate: '0.00' }] })
            ).id,
          },
          {
            orderId: (
              await insertOrder(env, { ...owner, lines: [{ qty: '1', unitPrice: '8000.00', taxRate: '0.00' }] })
            ).id,
          },
          {
            contractId: (
              await insertContract(env, {
                ...owner,
                amount: '12000.00',
                plan: [{ kind: 'final', dueDate: today(), amount: '12000.00' }],
              })
            ).id,
          },
        ];
        const issued: number[] = [];
        const voided: number[] = [];
        const open: { id: number; status: string }[] = [];
        for (const op of ops) {
          if (op.t === 'invoice') {
            const res = await fin.post('/api/invoices', {
              ...docs[op.doc],
              kind: 'vat_normal',
              externalNo: ext(),
              issueDate: addDays(today(), -op.age),
              lines: line(op.cents),
            });
            expect([201, 409], res.body).toContain(res.statusCode);
            if (res.statusCode === 201) issued.push(res.json().id);
          } else if (op.t === 'pay') {
            const who = op.how === 'rep' ? rep1 : fin;
            const res = await who.post('/api/payments', {
              ...docs[op.doc],
              amount: amountOf(op.cents),
              kind: 'instalment',
              method: op.how === 'cheque' ? 'cheque' : 'transfer',
              chequeNo: op.how === 'cheque' ? `ZP${++n}` : undefined,
              receivedDate: addDays(today(), op.days),
              payerName: '客户',
            });
            expect([201, 409], res.body).toContain(res.statusCode);
            if (res.statusCode === 201 && res.json().status !== 'confirmed')
              open.push({ id: res.json().id, status: res.json().status });
          } else if (op.t === 'decide' && open.length) {
            const p = open[op.pick % open.length];
            const action = p.status === 'reported' ? (op.action === 'bounce' ? 'reject' : 'confirm') : op.action;
            const body = action === 'reject' ? { version: 1, reason: '未到账' } : { version: 1 };
            const verb = action === 'confirm' && p.status === 'pending_clearance' ? 'clear' : action;
            const res = await fin.post(`/api/payments/${p.id}/${verb}`, body);
            expect([200, 409], res.body).toContain(res.statusCode);
            open.splice(open.indexOf(p), 1);
          } else if (op.t === 'void' && issued.length) {
            const [id] = issued.splice(op.pick % issued.length, 1);
            const res = await fin.post(`/api/invoices/${id}/void`, { version: 1, reason: '作废' });
            expect(res.statusCode, res.body).toBe(200);
            voided.push(id);
          } else if (op.t === 'reissue' && voided.length) {
            const [id] = voided.splice(op.pick % voided.length, 1);
            const res = await fin.post(`/api/invoices/${id}/reissue`, {
              kind: 'vat_normal',
              externalNo: ext(),
              lines: line(op.cents),
            });
            expect([201, 409], res.body).toContain(res.statusCode);
            if (res.statusCode === 201) issued.push(res.json().id);
          } else if (op.t === 'writeOff') {
            const res = await rep1.post('/api/write-offs', {
              orderId: docs[op.doc].orderId,
              amount: amountOf(op.cents),
              reason: '客户破产',
            });
            expect([201, 400], res.body).toContain(res.statusCode);
            if (res.statusCode !== 201) continue;
            for (const who of [manager1, fin, gm]) {
              const a = await who.post(`/api/approvals/${res.json().instanceId}/approve`, { comment: '同意' });
              expect(a.statusCode, a.body).toBe(200);
            }
          } else continue;
          succeeded += 1;
        }
        const { differences, samples } = await checkReceivables(env.database.db);
        expect(samples).toEqual([]);
        expect(differences).toBe(0);
      }),
      { numRuns: 12 },
    );
    // The property is not vacuous: most operations went through (6–12 per run: a short sequence
    // of skipped steps cannot leave the count near the bar by chance).
    expect(succeeded).toBeGreaterThan(30);
  }, 300_000);

  it('the check reports a corrupted row to the cent, the sweep fails on it, and a rebuild repairs it; a rename moves the sort key', async () => {
    const customerId = (await rep1.post('/api/customers', { kind: 'company', name: '校验应收测试有限公司' })).json()
      .id as number;
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      lines: [{ qty: '1', unitPrice: '500.00', taxRate: '0.00' }],
    });
    const inv = (
      await fin.post('/api/invoices', { orderId: o.id, kind: 'vat_normal', externalNo: ext(), lines: line(30000) })
    ).json();
    const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    await q(
      `update receivable_invoices set applied = applied + 0.01, outstanding = outstanding - 0.01 where invoice_id = $1`,
      [inv.id],
    );
    const bad = await checkReceivables(env.database.db);
    expect(bad.differences).toBe(1);
    expect(bad.samples[0]).toMatchObject({
      table: 'receivable_invoices',
      key: String(inv.id),
      maintained: { outstanding: 299.99 },
      fromScratch: { outstanding: 300 },
    });
    await expect(runReceivablesCheck(env.database.db)).rejects.toThrow(/1 maintained rows differ/);
    await env.database.db.transaction((tx) => rebuildReceivables(tx));
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    expect(await runReceivablesCheck(env.database.db)).toEqual({ changed: 0 });
    // Renamed through the API: the arrears sort key follows in the same transaction (trigger).
    const c = (await rep1.get(`/api/customers/${customerId}`)).json();
    const ren = await rep1.put(`/api/customers/${customerId}`, {
      kind: 'company',
      name: '改名应收测试有限公司',
      version: c.version,
    });
    expect(ren.statusCode, ren.body).toBe(200);
    const r = await q(`select customer_name from receivable_invoices where invoice_id = $1`, [inv.id]);
    expect(r.rows[0].customer_name).toBe('改名应收测试有限公司');
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    // The owner moves department: the maintained rows' scope column moves with the invoices' (org hook).
    const move = (dept: number) => env.database.db.transaction((tx) => runUserDeptChange(tx, org.user.rep1, dept));
    await move(org.dept.sales2);
    const d = await q(`select owner_dept_id from receivable_customer_owners where customer_id = $1`, [customerId]);
    expect(d.rows).toEqual([{ owner_dept_id: org.dept.sales2 }]);
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    await move(org.dept.sales1);
  });

  it('a manager reads their department subtree; a department moving in the tree carries its figures', async () => {
    const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
    // The same page computed from the customer-owner rows of 销售一部 and its sub-departments.
    const expected = async () =>
      (
        await q(
          `select customer_id::int as id, sum(outstanding)::text as outstanding from receivable_customer_owners
           where owner_dept_id in (select id from departments where path like (select path from departments where id = $1) || '%')
             or owner_id = $2
           group by customer_id order by sum(outstanding) desc, customer_id limit 50`,
          [org.dept.sales1, org.user.manager1],
        )
      ).rows.map((r) => [r.id, toMoneyString(r.outstanding)]);
    const page = async () =>
      (
        (await manager1.get('/api/receivables?pageSize=50')).json().items as {
          customerId: number;
          outstanding: string;
        }[]
      ).map((i) => [i.customerId, i.outstanding]);
    const want = await expected();
    expect(want.length).toBeGreaterThan(0);
    expect(await page()).toEqual(want);
    // 销售一部 moves under 销售二部 and back: the subtree rows of both ancestors follow, to the cent.
    const admin = await Client.login(env.app, 'admin');
    const moveDept = async (parentId: number) => {
      const d = (await admin.get('/api/departments'))
        .json()
        .items.find((x: { id: number }) => x.id === org.dept.sales1);
      const res = await admin.put(`/api/departments/${org.dept.sales1}`, {
        parentId,
        name: d.name,
        headUserId: d.headUserId,
        sort: d.sort,
        version: d.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await moveDept(org.dept.sales2);
    const under = await q(
      `select count(*)::int as n from receivable_customer_subtrees where dept_id = $1 and customer_id in
         (select customer_id from receivable_customer_owners where owner_dept_id = $2)`,
      [org.dept.sales2, org.dept.sales1],
    );
    expect(under.rows[0].n).toBeGreaterThan(0);
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    await moveDept(org.dept.root);
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    expect(await page()).toEqual(want);
  });
});
