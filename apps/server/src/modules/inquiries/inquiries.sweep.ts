import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordSystemAudit } from '../../platform/audit/audit.service.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { dbNow } from '../../platform/outbox/outbox.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import './inquiries.messages.ts';

// Each run alerts at most this many inquiries; the next run takes the rest.
const BATCH = 500;

/**
 * Who is alerted of a handler's breach: the head of the handler's department, or of the nearest
 * department above with a head other than the handler (a head's own breach goes to their
 * superior); with no such head, the company's 销售总监 (role sales_director).
 */
async function supervisorsOf(db: DbOrTx, handlerId: number, deptId: number): Promise<number[]> {
  const head = await db.execute<{ id: number }>(sql`
    select d.head_user_id as id from departments d
    join users u on u.id = d.head_user_id and u.active
    where (select path from departments where id = ${deptId}) like d.path || '%'
      and d.head_user_id <> ${handlerId}
    order by length(d.path) desc limit 1`);
  if (head.rows[0]) return [Number(head.rows[0].id)];
  const r = await db.execute<{ id: number }>(sql`
    select distinct u.id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where r.code = 'sales_director' and u.active and u.id <> ${handlerId} order by u.id`);
  return r.rows.map((x) => Number(x.id));
}

/**
 * The online reply-time sweep (SPEC 2.9; seed 003: 在线客服平台应在[X]分钟内回复): every online
 * inquiry past its due time — still unanswered at `now`, or answered late — alerts the handler's
 * supervisor once (breach_alerted_at records it; a second run with the same clock changes
 * nothing). Rows locked by an answer in progress are skipped and taken by the next run.
 */
export async function runInquiryReplySweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const minutes = await getPolicy(tx, 'inquiries.onlineReplyMinutes');
    const due = await tx.execute<{
      id: number;
      contact_name: string;
      handler_id: number;
      dept_id: number;
      handler_name: string;
      reply_due_at: Date;
    }>(sql`
      select i.id, i.contact_name, i.handler_id, i.dept_id, u.name as handler_name, i.reply_due_at
      from inquiries i join users u on u.id = i.handler_id
      where i.channel = 'online' and i.breach_alerted_at is null
        and (i.reply_breached_at is not null or (i.answered_at is null and i.reply_due_at < ${now}))
      order by i.reply_due_at, i.id
      limit ${BATCH}
      for update of i skip locked`);
    for (const q of due.rows) {
      const id = Number(q.id);
      const to = await supervisorsOf(tx, Number(q.handler_id), Number(q.dept_id));
      await tx.execute(sql`
        update inquiries set reply_breached_at = coalesce(reply_breached_at, reply_due_at),
          breach_alerted_at = ${now} where id = ${id}`);
      await notify(tx, to, {
        kind: 'inquiry.breached',
        titleKey: 'notify.inquiry.breached',
        params: { contact: q.contact_name, handler: q.handler_name, minutes },
        link: `/inquiries/${id}`,
      });
      await recordSystemAudit(tx, 'sweep:inquiries.reply', {
        entityType: 'inquiry',
        entityId: id,
        action: 'reply_breach',
        changes: [{ field: 'breachAlertedTo', old: null, new: to }],
      });
    }
    return { changed: due.rows.length };
  });
}

// On the scheduler with the database clock (one clock for every instance), every five minutes.
registerSweep({
  name: 'inquiries.reply',
  cron: '*/5 * * * *',
  run: async (db) => runInquiryReplySweep(db, await dbNow(db)),
});
