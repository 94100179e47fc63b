import { sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { quoteScope } from './quotes.access.ts';
import { quotes } from './quotes.schema.ts';

// A customer's quotes in its 360 (issue 11 item 3): the current revision of each, within the viewer's quote scope.
registerRelatedSource({
  type: 'quote',
  select: async (ctx, customerId) =>
    relatedSelect(
      quotes,
      { id: quotes.id, no: quotes.no, name: quotes.title, status: quotes.status },
      quotes.totalGross,
      companyDay(quotes.createdAt),
      sql`${quotes.customerId} = ${customerId} and ${quotes.isLatest} and ${await quoteScope(ctx)}`,
    ),
});
