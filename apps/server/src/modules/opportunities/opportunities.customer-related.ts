import { sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { opportunityScope } from './opportunities.access.ts';
import { opportunities } from './opportunities.schema.ts';

// A customer's opportunities in its 360 (issue 11 item 3), within the viewer's opportunity scope
// (which leaves out deleted ones).
registerRelatedSource({
  type: 'opportunity',
  select: async (ctx, customerId) =>
    relatedSelect(
      opportunities,
      { id: opportunities.id, no: opportunities.no, name: opportunities.name, status: opportunities.status },
      opportunities.amount,
      companyDay(opportunities.createdAt),
      sql`${opportunities.customerId} = ${customerId} and ${await opportunityScope(ctx)}`,
    ),
});
