import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { makeCustomer } from '../orders/orders.testkit.ts';
import { insertSignedSale, type SignedDelivery } from '../returns/returns.test-seed.ts';

/**
 * The internal-error returns deduction (seed 000 医药公司销后退回管理规定 第二条: 转销售、采购错误、客户报错计划
 * … 由申请人或责任人承担相应10元/件的费用并在绩效考核中体现): each internal-error charge of the month on the
 * person deducts appraisal.internalErrorReturnPoints, capped by the indicator's weight (10 in the
 * default scheme), each return an evidence record. Figures worked out by hand.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`);
let sale: SignedDelivery;
let customerId = 0;
let n = 0;

/** A completed return of `reason` whose charge of `kind` on `personId` was booked at `chargedAt`. */
async function chargedReturn(personId: number, reason: string, chargedAt: Date, kind = 'internal_error') {
  n += 1;
  const no = `TH-AP-${n}`;
  const [r] = await q(
    `insert into sales_returns (no, customer_id, order_id, delivery_id, reason, description, status, owner_id, owner_dept_id,
       created_by, responsible_user_id, total_qty, total_amount, arrived_at, warehouse_id, due_at, completed_at,
       storage_fee, cost_bearer, charge_amount)
     select $1, $2, $3, $4, $5, '退货', 'completed', u.id, u.dept_id, u.id, u.id, 2, 200, $6, $7, $6, $6, 0,
       case when $5 in ('wrong_sale','wrong_purchase','customer_error') then 'responsible' else 'company' end, 20
     from users u where u.id = $8 returning id`,
    [no, customerId, sale.orderId, sale.deliveryId, reason, chargedAt, sale.warehouseId, personId],
  );
  await q(
    `insert into sales_return_charges (return_id, kind, user_id, qty, amount, charged_at) values ($1, $2, $3, 2, 20, $4)`,
    [r.id, kind, personId, chargedAt],
  );
  return { id: Number(r.id), no };
}

const counted: Record<string, { id: number; no: string }[]> = { rep1: [], supervisor1: [] };

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  for (const u of ['admin', 'manager1', 'rep1']) who[u] = await Client.login(env.app, u);
  customerId = await makeCustomer(env, who.rep1, '退货考核客户');
  sale = await insertSignedSale(env, {
    customerId,
    ownerId: org.user.rep1,
    qty: '10',
    unitPrice: '100.00',
    signedDate: '2026-04-20',
  });
  // rep1 in May: two internal-error returns (one charged 1 May 00:30 Shanghai time — still May).
  counted.rep1.push(await chargedReturn(org.user.rep1, 'wrong_sale', at('2026-05-01', '00:30:00')));
  counted.rep1.push(await chargedReturn(org.user.rep1, 'customer_error', at('2026-05-20')));
  // Not counted: April 30 23:30 Shanghai (another month), June, and a storage fee (not an internal error).
  await chargedReturn(org.user.rep1, 'wrong_purchase', at('2026-04-30', '23:30:00'));
  await chargedReturn(org.user.rep1, 'wrong_sale', at('2026-06-01'));
  await chargedReturn(org.user.rep1, 'quality', at('2026-05-10'), 'storage_fee');
  // supervisor1: three in May.
  for (const d of ['2026-05-05', '2026-05-06', '2026-05-07'])
    counted.supervisor1.push(await chargedReturn(org.user.supervisor1, 'wrong_purchase', at(d)));
  // 4 points a return, so supervisor1's 3 × 4 = 12 reaches the weight 10.
  const put = await who.admin.put('/api/policies/appraisal.internalErrorReturnPoints', { value: '4.00', version: 0 });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('internal-error returns deduction', () => {
  it('2 returns × 4 = −8 (92.00); 3 × 4 = 12 capped at the weight 10 (90.00); the returns are the evidence', async () => {
    const r = await who.manager1.post('/api/appraisal-runs', { period: '2026-05' });
    expect(r.statusCode).toBe(201);
    const run = r.json();
    const resultOf = (personId: number) => run.results.find((x: { personId: number }) => x.personId === personId);
    // No plan: revenue is 无目标; no complaints or discipline — only the returns deduct.
    expect(resultOf(org.user.rep1)).toMatchObject({ score: '92.00' });
    expect(resultOf(org.user.supervisor1)).toMatchObject({ score: '90.00' });
    expect(resultOf(org.user.rep1b)).toMatchObject({ score: '100.00' });
    const itemOf = async (personId: number) => {
      const res = (await who.manager1.get(`/api/appraisal-results/${resultOf(personId).id}`)).json();
      return res.items.find((i: { indicator: string }) => i.indicator === 'returns');
    };
    const mine = await itemOf(org.user.rep1);
    expect(mine).toMatchObject({ kind: 'auto', points: '-8.00' });
    expect(mine.evidence).toMatchObject({ counts: { returns: 2 }, cap: '10', capped: false });
    expect(mine.evidence.records).toEqual([
      { type: 'sales_return', ...counted.rep1[0], date: '2026-05-01', label: 'wrong_sale', points: '4.00' },
      { type: 'sales_return', ...counted.rep1[1], date: '2026-05-20', label: 'customer_error', points: '4.00' },
    ]);
    const sup = await itemOf(org.user.supervisor1);
    expect(sup).toMatchObject({ points: '-10.00' });
    expect(sup.evidence).toMatchObject({ counts: { returns: 3 }, cap: '10', capped: true });
    expect(sup.evidence.records.map((x: { id: number }) => x.id)).toEqual(counted.supervisor1.map((x) => x.id));
    expect(await itemOf(org.user.rep1b)).toMatchObject({ points: '0.00', evidence: { counts: { returns: 0 } } });
    // The default scheme carries the indicator as a deduction row and its weight (migrations 0042, 0043);
    // its weights add up to 100 like every scheme's.
    const [scheme] = await q(`select indicators from appraisal_schemes where code = 'default'`);
    expect(scheme.indicators).toContainEqual({ code: 'returns', weight: 10, rule: 'deduction' });
    expect(scheme.indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);
  });
});
