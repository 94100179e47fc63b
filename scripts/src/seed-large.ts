/**
 * Bulk-loads synthetic customers for performance work:
 *   npm run seed:large -- --customers 1000000
 * Uses DATABASE_URL if set, else the embedded PostgreSQL in the default data directory
 * (DATA_DIR); an empty database gets the bootstrap organisation and demo data first.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from './open-db.ts';
import { seedCustomers } from './seed/seed-customers.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000000' }, chunk: { type: 'string', default: '100000' } },
});
const count = Number(values.customers);
if (!Number.isInteger(count) || count < 1) throw new Error('--customers must be a positive integer');

const t0 = performance.now();
const db = await openDatabase();
try {
  console.log(`Seeding ${count.toLocaleString('en')} customers …`);
  const t1 = performance.now();
  await seedCustomers(db.database.pool, count, { chunk: Number(values.chunk) });
  const { rows } = await db.database.pool.query<{ n: number }>('select count(*)::int as n from customers');
  console.log(
    `Done: ${count.toLocaleString('en')} customers inserted in ${((performance.now() - t1) / 1000).toFixed(1)} s ` +
      `(total ${rows[0].n.toLocaleString('en')}; ${((performance.now() - t0) / 1000).toFixed(1)} s including start-up).`,
  );
} finally {
  await db.close();
}
