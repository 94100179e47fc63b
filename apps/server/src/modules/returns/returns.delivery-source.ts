import { inArray } from 'drizzle-orm';
import { registerReplacementSource } from '../deliveries/index.ts';
import { salesReturns } from './returns.schema.ts';

// An exchange's replacement note names its sales return by number in its history.
registerReplacementSource('sales_return', async (db, ids) => {
  const rows = await db
    .select({ id: salesReturns.id, no: salesReturns.no })
    .from(salesReturns)
    .where(inArray(salesReturns.id, ids));
  return new Map(rows.map((r) => [r.id, r.no]));
});
