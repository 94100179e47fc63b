import { documentTotals, lineAmounts } from '@sales/core';
import { sql } from 'drizzle-orm';
import { rebuildFacts } from '../../../apps/server/src/modules/analytics/index.ts';
import { officeTime, type Rng, shanghaiDate } from './rng.ts';
import type { DemoWorld } from './world.ts';

/**
 * Last year's completed orders, so last year's actuals exist for the dashboards' 去年同期 and for
 * planning from last year's actuals (issue 13 item 7): a few orders a month per owned customer
 * sample, priced at the catalogue price, with a seasonal swing (旺季 in Q4).
 */
async function createLastYearOrders(world: DemoWorld, rng: Rng) {
  const { tx } = world;
  const year = Number(shanghaiDate(world.now).slice(0, 4)) - 1;
  const products = (
    await tx.execute<{
      id: number;
      code: string;
      name: string;
      spec: string | null;
      unit: string;
      price: string;
      tax: string;
    }>(
      sql`select id, code, name, spec, unit, standard_price::text price, tax_rate::text tax from products
        where active and standard_price is not null order by id limit 20`,
    )
  ).rows;
  const owned = world.customers.filter((c) => c.ownerId !== null && c.ownerDeptId !== null);
  if (!products.length || !owned.length) return;
  let seq = 0;
  for (let month = 1; month <= 12; month++) {
    const orders = 2 + (month >= 10 ? 2 : month <= 2 ? 0 : 1) + rng.int(0, 2);
    for (let k = 0; k < orders; k++) {
      const c = rng.pick(owned);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const at = officeTime(date, rng);
      const lines = rng.sample(products, rng.int(1, 3)).map((p, i) => {
        const qty = String(rng.int(1, 3));
        return {
          p,
          lineNo: i + 1,
          qty,
          ...lineAmounts({ qty, unitPrice: p.price, discountPercent: '0', taxRate: p.tax }),
        };
      });
      const t = documentTotals(lines);
      seq += 1;
      const no = `SO-${date.replaceAll('-', '')}-9${String(seq).padStart(3, '0')}`;
      const [o] = (
        await tx.execute<{ id: number }>(sql`insert into orders (no, customer_id, owner_id, owner_dept_id, status,
          requested_date, total_net, total_tax, total_gross, submitted_at, approved_at, created_at, updated_at, created_by)
          values (${no}, ${c.id}, ${c.ownerId}, ${c.ownerDeptId}, 'completed', ${date}, ${t.totalNet}, ${t.totalTax},
            ${t.totalGross}, ${at}, ${at}, ${at}, ${at}, ${c.ownerId}) returning id`)
      ).rows;
      for (const l of lines)
        await tx.execute(sql`insert into order_lines (order_id, line_no, product_id, product_code, description, spec, unit,
            qty, list_price, unit_price, tax_rate, net_amount, tax_amount, gross_amount, delivered_qty)
          values (${o.id}, ${l.lineNo}, ${l.p.id}, ${l.p.code}, ${l.p.name}, ${l.p.spec}, ${l.p.unit}, ${l.qty}, ${l.p.price},
            ${l.p.price}, ${l.p.tax}, ${l.netAmount}, ${l.taxAmount}, ${l.grossAmount}, ${l.qty})`);
    }
  }
}

/**
 * The indicator facts of the demo documents (SPEC 5.1). The loader writes most documents directly,
 * not through the use cases, so the facts are derived once at the end by the same set-based
 * writers the booking hooks and the backfill use.
 */
export async function createAnalyticsFacts(world: DemoWorld, rng: Rng) {
  await createLastYearOrders(world, rng);
  await rebuildFacts(world.tx);
}
