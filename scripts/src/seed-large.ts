/**
 * Bulk-loads synthetic customers for performance work:
 *   npm run seed:large -- --customers 1000000
 *   npm run seed:large -- --customers 0 --orders 2000000   (10 lines each: 20 M order lines)
 * Generated orders get invoices, payments and a few write-offs (--finance no to skip; --finance yes
 * to invoice the existing orders without seeding new ones), and the maintained receivables are rebuilt.
 * Uses DATABASE_URL if set, else the embedded PostgreSQL in the default data directory
 * (DATA_DIR); an empty database gets the bootstrap organisation and demo data first.
 */
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '../../apps/server/src/db/client.ts';
import { rebuildReceivables } from '../../apps/server/src/modules/finance/index.ts';
import { openDatabase } from './open-db.ts';
import { seedCustomers } from './seed/seed-customers.ts';
import { seedFinance } from './seed/seed-finance.ts';
import { seedOrders } from './seed/seed-orders.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '100000' },
    orders: { type: 'string', default: '0' },
    'lines-per-order': { type: 'string', default: '10' },
    finance: { type: 'string', default: 'auto' },
  },
});
const count = Number(values.customers);
const orderCount = Number(values.orders);
if (!Number.isInteger(count) || count < 0) throw new Error('--customers must be a non-negative integer');
if (!Number.isInteger(orderCount) || orderCount < 0) throw new Error('--orders must be a non-negative integer');

const t0 = performance.now();
const db = await openDatabase();
try {
  console.log(`Seeding ${count.toLocaleString('en')} customers …`);
  const t1 = performance.now();
  if (count > 0) await seedCustomers(db.database.pool, count, { chunk: Number(values.chunk) });
  const { rows } = await db.database.pool.query<{ n: number }>('select count(*)::int as n from customers');
  console.log(
    `Done: ${count.toLocaleString('en')} customers inserted in ${((performance.now() - t1) / 1000).toFixed(1)} s ` +
      `(total ${rows[0].n.toLocaleString('en')}; ${((performance.now() - t0) / 1000).toFixed(1)} s including start-up).`,
  );
  if (orderCount > 0) {
    console.log(`Seeding ${orderCount.toLocaleString('en')} orders × ${values['lines-per-order']} lines …`);
    const t2 = performance.now();
    await seedOrders(db.database.pool, orderCount, {
      chunk: Number(values.chunk),
      linesPerOrder: Number(values['lines-per-order']),
    });
    console.log(
      `Done: ${orderCount.toLocaleString('en')} orders in ${((performance.now() - t2) / 1000).toFixed(1)} s.`,
    );
  }
  if (values.finance === 'yes' || (values.finance === 'auto' && orderCount > 0)) {
    console.log('Seeding invoices, payments and write-offs for the orders …');
    const t3 = performance.now();
    await seedFinance(db.database.pool, {
      // The same set-based rebuild as the backfill, inside the seeding transaction.
      rebuild: (client) => rebuildReceivables(drizzle(client) as unknown as Db),
    });
    const { rows: f } = await db.database.pool.query<{ i: number; p: number; o: number }>(
      `select (select count(*) from invoices)::int i, (select count(*) from payments)::int p,
        (select count(*) from receivable_invoices where outstanding > 0)::int o`,
    );
    console.log(
      `Done: ${f[0].i.toLocaleString('en')} invoices, ${f[0].p.toLocaleString('en')} payments, ` +
        `${f[0].o.toLocaleString('en')} open, in ${((performance.now() - t3) / 1000).toFixed(1)} s.`,
    );
  }
} finally {
  await db.close();
}
