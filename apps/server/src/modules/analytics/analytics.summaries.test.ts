import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertWarehouse } from '../../../test/q2c-seed.ts';
import type { Ctx } from '../../platform/context.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';
import { monthlySummary } from './analytics.engine.ts';
import { seedMarchSales } from './analytics.test-seed.ts';
import { bookFact, checkMonthlyTotals, type MeasureQuery, measure, rebuildFacts } from './index.ts';

/**
 * The monthly summaries by product / category and by region (B8): maintained with the facts by every
 * writer, equal to the facts summed from scratch, and giving the same answers as the facts path.
 */
let env: TestEnv;
let org: Org;
let ctx: Record<'rep1' | 'manager1' | 'director', Ctx>;
let product: number;
let category: number;
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const byKey = async (c: Ctx, m: MeasureQuery) =>
  Object.fromEntries((await measure(env.database.db, c, m)).map((r) => [String(Object.values(r.keys)[0]), r.value]));

/** The statements measure() sends for `m` (observed on the pool, not replaced). */
async function statementsOf(m: MeasureQuery) {
  const pool = env.database.pool;
  const seen: string[] = [];
  const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
  pool.query = ((...a: unknown[]) => {
    seen.push(String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string }).text));
    return query(...a);
  }) as typeof pool.query;
  try {
    await measure(env.database.db, ctx.director, m);
  } finally {
    pool.query = query as typeof pool.query;
  }
  return seen.filter((s) => s.includes('analytics_')).join('\n');
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  ctx = {
    rep1: await ctxFor(env, await Client.login(env.app, 'rep1')),
    manager1: await ctxFor(env, await Client.login(env.app, 'manager1')),
    director: await ctxFor(env, await Client.login(env.app, 'director')),
  };
  ({ product } = await seedMarchSales(env, org, '汇总', 'SM'));
});
afterAll(() => env.close());

describe('monthly summaries by product / category and region', () => {
  it('equal the facts after the live bookings, cancellation and return of the seed', async () => {
    expect(await env.database.db.transaction((tx) => checkMonthlyTotals(tx))).toEqual([]);
    const rows = await q(`select count(*)::int n from analytics_monthly_product where kind = 'return'`);
    expect(rows.rows[0].n).toBe(1);
  });

  it('by region, product and category: hand-computed, after a rebuild and live payments / cancellations', async () => {
    const cat = await q(`insert into product_categories (code, name) values ('SM-1', '汇总阀门') returning id`);
    category = Number(cat.rows[0].id);
    await q('update products set category_id = $2 where id = $1', [product, category]);
    for (const [name, region] of [
      ['汇总客户甲', '华东'],
      ['汇总客户乙', '华南'],
      ['汇总客户丙', '华北'],
    ])
      await q('update customers set region = $2 where name = $1', [name, region]);
    await env.database.db.transaction((tx) => rebuildFacts(tx));
    // Live after the rebuild: a payment of 500 from 客户丙 (18 March); teamRep sells 客户乙 2 units on
    // 20 March (226), cancelled on 3 April.
    const custB = Number((await q(`select id from customers where name = '汇总客户乙'`)).rows[0].id);
    const o4 = await q(
      `select o.id from orders o join customers c on c.id = o.customer_id where c.name = '汇总客户丙'`,
    );
    const pay = await q(
      `insert into payments (no, customer_id, order_id, owner_id, owner_dept_id, kind, method, amount, received_date, status)
       select 'SK-SM-1', o.customer_id, o.id, o.owner_id, o.owner_dept_id, 'full', 'transfer', 500, '2026-03-18', 'confirmed'
       from orders o where o.id = $1 returning id`,
      [o4.rows[0].id],
    );
    await env.database.db.transaction((tx) => bookFact.paymentCounted(tx, Number(pay.rows[0].id)));
    const wh = await insertWarehouse(env, 'WH-SM', '汇总仓');
    const o7 = await insertOrder(env, {
      customerId: custB,
      ownerId: org.user.teamRep,
      warehouseId: wh,
      lines: [{ productId: product, qty: '2', unitPrice: '100.00' }],
    });
    await q('update orders set approved_at = $2 where id = $1', [o7.id, at('2026-03-20')]);
    await env.database.db.transaction((tx) => bookFact.orderApproved(tx, o7.id));
    await env.database.db.transaction((tx) => bookFact.orderCancelled(tx, { now: () => at('2026-04-03') }, o7.id));
    expect(await env.database.db.transaction((tx) => checkMonthlyTotals(tx))).toEqual([]);

    // March: 甲 226 (O1) + 113 (O6), O2 reversed; 乙 339 − 113 returned + 226 (O7); 丙 565 (O4).
    const sales = { measure: 'sales_amount', ...MARCH } as const;
    expect(await byKey(ctx.director, { ...sales, groupBy: ['region'] })).toEqual({
      华东: '339.00',
      华南: '452.00',
      华北: '565.00',
    });
    // The seed's main product: O1 + O6 + O4 + O7 = 1130; the other product: O3 less the return.
    expect(await byKey(ctx.director, { ...sales, groupBy: ['product'], top: 10 })).toEqual({
      [product]: '1130.00',
      [(await q(`select id from products where code <> 'P-SM-1' and id in (select product_id from analytics_facts)`))
        .rows[0].id]: '226.00',
    });
    expect(await byKey(ctx.director, { ...sales, groupBy: ['category'] })).toEqual({
      [category]: '1130.00',
      null: '226.00',
    });
    // April: O5 of 甲 (452), O7 reversed (−226) against 乙.
    expect(await byKey(ctx.director, { measure: 'sales_amount', ...APRIL, groupBy: ['region'] })).toEqual({
      华东: '452.00',
      华南: '-226.00',
    });
    expect(await byKey(ctx.director, { measure: 'collections', ...MARCH, groupBy: ['region'] })).toEqual({
      华北: '500.00',
    });
    // Scope: rep1 sees only own sales (O1 of 甲); manager1 the 销售一部 tree (甲, 乙).
    expect(await byKey(ctx.rep1, { ...sales, groupBy: ['region'] })).toEqual({ 华东: '226.00' });
    expect(await byKey(ctx.manager1, { ...sales, groupBy: ['region'] })).toEqual({ 华东: '339.00', 华南: '452.00' });
    expect(await byKey(ctx.manager1, { ...sales, groupBy: ['rep'], region: '华南' })).toEqual({
      [org.user.teamRep]: '452.00',
    });
  });

  it('grouped / filtered whole-month queries answer the same from the summaries and from the facts', async () => {
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const cases: MeasureQuery[] = [
      { measure: 'sales_amount', ...MARCH, groupBy: ['region'] },
      { measure: 'sales_amount', ...MARCH, groupBy: ['product'], top: 10 },
      { measure: 'sales_amount', ...MARCH, groupBy: ['category'] },
      { measure: 'gross_margin', ...MARCH, groupBy: ['product'] },
      { measure: 'sales_volume', ...year, groupBy: ['month', 'category'] },
      { measure: 'sales_net_amount', ...year, groupBy: ['quarter', 'region'] },
      { measure: 'collections', ...MARCH, groupBy: ['region'] },
      { measure: 'orders', ...APRIL, groupBy: ['region', 'rep'] },
      { measure: 'sales_amount', ...MARCH, groupBy: ['rep'], region: '华南' },
      { measure: 'sales_amount', ...MARCH, groupBy: ['department'], departmentId: org.dept.root, productId: product },
      { measure: 'gross_margin', ...year, categoryId: category },
      { measure: 'new_customers', ...year, groupBy: ['region'] },
    ];
    for (const c of cases) {
      expect(monthlySummary(c), JSON.stringify(c)).not.toBeNull();
      // Margin needs product.cost, which only the director has here; the others check the scopes.
      for (const who of c.measure === 'gross_margin' ? [ctx.director] : [ctx.director, ctx.manager1, ctx.rep1]) {
        const fast = await measure(env.database.db, who, c);
        expect(fast, JSON.stringify(c)).toEqual(await measure(env.database.db, who, { ...c, monthly: false }));
      }
    }
    const nonEmpty = await measure(env.database.db, ctx.director, cases[0]);
    expect(nonEmpty.length).toBe(3);
  });

  it('reads the summary a query fits, and the facts for anything finer', async () => {
    const region: MeasureQuery = { measure: 'sales_amount', ...MARCH, groupBy: ['region'] };
    expect(await statementsOf(region)).toContain('from analytics_monthly_region f');
    expect(await statementsOf({ ...region, groupBy: ['product'], top: 10 })).toContain(
      'from analytics_monthly_product f',
    );
    expect(await statementsOf({ ...region, groupBy: ['channel'] })).toContain('from analytics_monthly f');
    // Not a whole month (1–30 March), two summaries' dimensions at once, a day series: the facts.
    const partial = { ...region, to: '2026-03-30' };
    expect(await statementsOf(partial)).toContain('from analytics_facts f');
    expect(await byKey(ctx.director, partial)).toEqual({ 华东: '339.00', 华南: '452.00', 华北: '565.00' });
    expect(await statementsOf({ ...region, groupBy: ['category', 'region'] })).toContain('from analytics_facts f');
    expect(await statementsOf({ ...region, groupBy: ['region'], productId: product })).toContain(
      'from analytics_facts f',
    );
    expect(await statementsOf({ ...region, groupBy: ['day'] })).toContain('from analytics_facts f');
  });
});
