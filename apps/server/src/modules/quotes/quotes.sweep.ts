import { QUOTE_TRANSITIONS, type QuoteStatus } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordSystemAudit } from '../../platform/audit/audit.service.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import './quotes.messages.ts';
import { quotes } from './quotes.schema.ts';

const BATCH = 500;
// The statuses the transition table lets expire (approved, sent).
const EXPIRING = (Object.keys(QUOTE_TRANSITIONS) as QuoteStatus[]).filter((s) => QUOTE_TRANSITIONS[s].expire);

/**
 * Marks approved and sent quotes whose validity date (validUntil, company date) has passed as
 * expired, audits and notifies the owner. Idempotent: a second run for the same `now` changes nothing.
 */
export async function runQuoteExpirySweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const statuses = sql.join(
    EXPIRING.map((s) => sql`${s}`),
    sql`, `,
  );
  let changed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const res = await tx.execute<{
        id: number;
        no: string;
        revision: number;
        status: string;
        owner_id: number;
        customer: string;
      }>(sql`
        with due as (
          select ${quotes.id} as id, ${quotes.status} as status from ${quotes}
          where ${quotes.status} in (${statuses}) and ${quotes.validUntil} < ${today}
          order by ${quotes.id} limit ${BATCH} for update skip locked
        )
        update ${quotes} q set status = 'expired', version = q.version + 1, updated_at = ${now.toISOString()}::timestamptz
        from due where q.id = due.id
        returning q.id, q.no, q.revision, due.status, q.owner_id,
          (select ${customers.name} from ${customers} where ${customers.id} = q.customer_id) as customer`);
      for (const r of res.rows) {
        await recordSystemAudit(tx, 'sweep:quotes.expiry', {
          entityType: 'quote',
          entityId: Number(r.id),
          action: 'expire',
          changes: [{ field: 'status', old: r.status, new: 'expired' }],
        });
        await notify(tx, [Number(r.owner_id)], {
          kind: 'quote.expired',
          titleKey: 'notify.quote.expired',
          params: { no: r.no, customer: r.customer },
          link: `/quotes/${r.id}`,
        });
      }
      return res.rows.length;
    });
    changed += n;
    if (n < BATCH) return { changed };
  }
}
