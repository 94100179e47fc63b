import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordSystemAudit } from '../../platform/audit/audit.service.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { homePoolId } from './pool.access.ts';
import { dueSql, reclaimRules } from './pool.rules.ts';
import { poolHistory, poolReclaimNotices } from './pool.schema.ts';

const BATCH = 200;

/**
 * Warns owners K days (pool.reclaimWarningDays) before their customers return to the pool —
 * once per customer and reclaim cycle. A notice sent late still gives K full days: the reclaim
 * moment it announces is never earlier than the notice plus K days. Idempotent.
 */
export async function runPoolWarningSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const rules = await reclaimRules(db);
  if (rules.warningDays <= 0) return { changed: 0 };
  const { due } = dueSql(rules);
  const at = sql`${now.toISOString()}::timestamptz`;
  const k = sql`make_interval(days => ${rules.warningDays}::int)`;
  let changed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727005)`);
      // Computed and stored in SQL, so the cycle key keeps PostgreSQL's microseconds.
      const res = await tx.execute<{ id: number; owner_id: number; name: string; no: string; reclaim_at: Date }>(sql`
        with cand as (
          select ${customers.id} as id, ${customers.ownerId} as owner_id, ${customers.name} as name, ${customers.no} as no, ${due} as due
          from ${customers} left join ${poolReclaimNotices} n on n.customer_id = ${customers.id}
          where ${customers.ownerId} is not null and ${customers.lockedAt} is null and ${customers.deletedAt} is null and ${customers.archivedAt} is null
            and ${due} - ${k} <= ${at}
            and not (n.owner_id is not distinct from ${customers.ownerId} and n.cycle_due is not distinct from ${due})
          order by ${customers.id}
          limit ${BATCH}
        ), up as (
          insert into ${poolReclaimNotices} (customer_id, owner_id, cycle_due, reclaim_at, notified_at)
          select id, owner_id, due, greatest(due, ${at} + ${k}), ${at} from cand
          on conflict (customer_id) do update set owner_id = excluded.owner_id, cycle_due = excluded.cycle_due,
            reclaim_at = excluded.reclaim_at, notified_at = excluded.notified_at
          returning customer_id, reclaim_at
        )
        select cand.id, cand.owner_id, cand.name, cand.no, up.reclaim_at from cand join up on up.customer_id = cand.id`);
      for (const r of res.rows) {
        await notify(tx, [Number(r.owner_id)], {
          kind: 'pool.reclaim_warning',
          titleKey: 'notify.pool.reclaim_warning',
          params: { customerName: r.name, customerNo: r.no, date: companyDate(new Date(r.reclaim_at)) },
          link: `/customers/${r.id}`,
        });
      }
      return res.rows.length;
    });
    changed += n;
    if (n < BATCH) return { changed };
  }
}

/**
 * Returns to their pool the customers with no follow-up for N days or no deal for M days
 * (pool.noFollowUpReclaimDays / pool.noDealReclaimDays, per class overrides), skipping locked ones,
 * once their owner has had the warning; records the history, audits and notifies. Idempotent.
 */
export async function runPoolReclaimSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const rules = await reclaimRules(db);
  const { due, reason } = dueSql(rules);
  const at = sql`${now.toISOString()}::timestamptz`;
  const jobId = `sweep:pool.reclaim:${now.toISOString()}`;
  const warned =
    rules.warningDays <= 0
      ? sql`true`
      : sql`(n.owner_id = ${customers.ownerId} and n.cycle_due = ${due} and n.reclaim_at <= ${at})`;
  let changed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727006)`);
      const res = await tx.execute<{
        id: number;
        owner_id: number;
        owner_dept_id: number | null;
        pool_id: number | null;
        name: string;
        no: string;
        version: number;
        reason: 'no_follow_up' | 'no_deal';
      }>(sql`
        select ${customers.id} as id, ${customers.ownerId} as owner_id, ${customers.ownerDeptId} as owner_dept_id,
               ${customers.poolId} as pool_id, ${customers.name} as name, ${customers.no} as no, ${customers.version} as version,
               ${reason} as reason
        from ${customers} left join ${poolReclaimNotices} n on n.customer_id = ${customers.id}
        where ${customers.ownerId} is not null and ${customers.lockedAt} is null and ${customers.deletedAt} is null and ${customers.archivedAt} is null
          and ${due} <= ${at} and ${warned}
        order by ${customers.id}
        limit ${BATCH}
        for update of ${customers} skip locked`);
      let done = 0;
      for (const r of res.rows) {
        const ownerId = Number(r.owner_id);
        const poolId = await homePoolId(tx, { poolId: r.pool_id, ownerDeptId: r.owner_dept_id });
        // No pool at all (the default pool was never seeded): nothing to return it to.
        if (!poolId) continue;
        await tx
          .update(customers)
          .set({
            ownerId: null,
            ownerDeptId: null,
            poolId,
            poolEnteredAt: now,
            assignedAt: null,
            version: r.version + 1,
            updatedAt: sql`now()`,
          })
          .where(and(eq(customers.id, r.id), eq(customers.ownerId, ownerId)));
        await tx.insert(poolHistory).values({
          customerId: r.id,
          userId: ownerId,
          poolId,
          releasedAt: now,
          reason: r.reason,
          how: 'reclaim',
          actorId: null,
        });
        await tx.delete(poolReclaimNotices).where(eq(poolReclaimNotices.customerId, r.id));
        await recordSystemAudit(tx, jobId, {
          entityType: 'customer',
          entityId: r.id,
          action: 'reclaim',
          changes: [
            { field: 'ownerId', old: ownerId, new: null },
            { field: 'ownerDeptId', old: r.owner_dept_id, new: null },
            ...(r.pool_id !== poolId ? [{ field: 'poolId', old: r.pool_id, new: poolId }] : []),
          ],
          comment: r.reason,
        });
        await notify(tx, [ownerId], {
          kind: 'pool.reclaimed',
          titleKey: 'notify.pool.reclaimed',
          params: { customerName: r.name, customerNo: r.no, reason: r.reason },
          link: null,
        });
        done += 1;
      }
      return { seen: res.rows.length, done };
    });
    changed += n.done;
    // A batch that reclaimed nothing (no pool to return to) would select the same rows again.
    if (n.seen < BATCH || n.done === 0) return { changed };
  }
}
