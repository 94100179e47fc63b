import { and, desc, eq } from 'drizzle-orm';
import { registerTimelineSource } from '../customers/index.ts';
import { quoteScope } from './quotes.access.ts';
import { quotes } from './quotes.schema.ts';

// A customer's quotes on its timeline (SPEC 2.4), within the viewer's quote scope.
registerTimelineSource({
  entityType: 'quote',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: quotes.id, no: quotes.no, amount: quotes.totalGross, status: quotes.status })
      .from(quotes)
      .where(and(eq(quotes.customerId, customerId), await quoteScope(ctx)))
      .orderBy(desc(quotes.id))
      .limit(limit),
});
