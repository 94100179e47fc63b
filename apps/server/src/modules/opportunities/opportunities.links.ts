import { sql } from 'drizzle-orm';
import { registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { opportunityScope } from './opportunities.access.ts';
import { opportunities } from './opportunities.schema.ts';

// Opportunities at the head of the sales chain's links (issue 11 item 3), visible within the
// viewer's opportunity scope (deleted ones are shown as numbers only).
registerLinkedKind({
  type: 'opportunity',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: opportunities.id,
        no: opportunities.no,
        name: opportunities.name,
        status: opportunities.status,
        visible: sql<boolean>`${await scopeOrNone(opportunityScope(ctx))}`,
      })
      .from(opportunities)
      .where(sql`${opportunities.id} = any(${sql.param(ids)}::bigint[])`),
});
