import { AGING_BUCKETS, addDays, money, toMoneyString } from '@sales/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertOrder } from './finance.fixtures.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let fin: Client;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
let n = 0;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  fin = await Client.login(env.app, 'finance');
});
afterAll(() => env.close());

const Op = fc.oneof(
  fc.record({
    t: fc.constant('invoice' as const),
    doc: fc.nat(1),
    cents: fc.integer({ min: 1, max: 400_000 }),
    age: fc.nat(150),
  }),
  fc.record({ t: fc.constant('pay' as const), doc: fc.nat(1), cents: fc.integer({ min: 1, max: 400_000 }) }),
  fc.record({ t: fc.constant('void' as const), pick: fc.nat(20) }),
);

describe('receivables consistency (property)', () => {
  it('for random invoices, payments and voids: invoiced + unapplied = received + outstanding, buckets sum to outstanding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const customerId = (
          await rep1.post('/api/customers', { kind: 'company', name: `性质测试客户${++n}号有限公司` })
        ).json().id;
        // Two orders of 10 000.00 each (0% tax, so gross = net).
        const docs = [];
        for (let i = 0; i < 2; i++)
          docs.push(
            await insertOrder(env, {
              customerId,
              ownerId: org.user.rep1,
              ownerDeptId: org.dept.sales1,
              lines: [{ qty: '1', unitPrice: '10000.00', taxRate: '0.00' }],
            }),
          );
        const model = docs.map(() => ({ invoiced: money(0), paid: money(0) }));
        const issued: { id: number; doc: number; gross: string }[] = [];
        for (const op of ops) {
          if (op.t === 'invoice') {
            const amount = toMoneyString(money(op.cents).div(100));
            const res = await fin.post('/api/invoices', {
              orderId: docs[op.doc].id,
              kind: 'vat_normal',
              externalNo: `P${Date.now()}${++n}`,
              issueDate: addDays(today(), -op.age),
              lines: [{ description: '货物', unit: '件', qty: '1', unitPrice: amount, taxRate: '0.00' }],
            });
            const fits = model[op.doc].invoiced.plus(amount).lte(10000);
            expect(res.statusCode, res.body).toBe(fits ? 201 : 409);
            if (fits) {
              model[op.doc].invoiced = model[op.doc].invoiced.plus(amount);
              issued.push({ id: res.json().id, doc: op.doc, gross: amount });
            }
          } else if (op.t === 'pay') {
            const amount = toMoneyString(money(op.cents).div(100));
            const res = await fin.post('/api/payments', {
              orderId: docs[op.doc].id,
              amount,
              kind: 'instalment',
              method: 'transfer',
              receivedDate: today(),
              payerName: '客户',
            });
            const fits = model[op.doc].paid.plus(amount).lte(10000);
            expect(res.statusCode, res.body).toBe(fits ? 201 : 409);
            if (fits) model[op.doc].paid = model[op.doc].paid.plus(amount);
          } else if (issued.length) {
            const [inv] = issued.splice(op.pick % issued.length, 1);
            expect((await fin.post(`/api/invoices/${inv.id}/void`, { version: 1, reason: '作废' })).statusCode).toBe(
              200,
            );
            model[inv.doc].invoiced = model[inv.doc].invoiced.minus(inv.gross);
          }
        }
        const r = (await rep1.get(`/api/receivables?customerId=${customerId}`)).json();
        if (issued.length === 0) {
          expect(r.items).toEqual([]);
          return;
        }
        const row = r.items[0];
        const withInvoices = docs.map((_, i) => issued.some((x) => x.doc === i));
        const exp = { invoiced: money(0), received: money(0), outstanding: money(0), unapplied: money(0) };
        model.forEach((m, i) => {
          if (!withInvoices[i]) return;
          exp.invoiced = exp.invoiced.plus(m.invoiced);
          exp.received = exp.received.plus(m.paid);
          exp.outstanding = exp.outstanding.plus(m.invoiced.gt(m.paid) ? m.invoiced.minus(m.paid) : 0);
          exp.unapplied = exp.unapplied.plus(m.paid.gt(m.invoiced) ? m.paid.minus(m.invoiced) : 0);
        });
        expect(row).toMatchObject({
          invoiced: toMoneyString(exp.invoiced),
          received: toMoneyString(exp.received),
          outstanding: toMoneyString(exp.outstanding),
          unapplied: toMoneyString(exp.unapplied),
          writtenOff: '0.00',
        });
        expect(
          money(row.invoiced).plus(row.unapplied).eq(money(row.received).plus(row.writtenOff).plus(row.outstanding)),
        ).toBe(true);
        const bucketSum = AGING_BUCKETS.reduce((s, b) => s.plus(row.buckets[b]), money(0));
        expect(toMoneyString(bucketSum)).toBe(row.outstanding);
        // The arrears list agrees with the aging table.
        const arrears = (await rep1.get(`/api/receivables/arrears?customerId=${customerId}`)).json().items;
        expect(
          toMoneyString(
            arrears.reduce(
              (s: ReturnType<typeof money>, a: { outstanding: string }) => s.plus(a.outstanding),
              money(0),
            ),
          ),
        ).toBe(row.outstanding);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
