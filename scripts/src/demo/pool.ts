/** The public pools of the demo: 华东区域公海 for 销售二部 next to the default pool, and the pool history of the customers. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../apps/server/src/db/client.ts';
import { poolHistory, poolMembers, pools } from '../../../apps/server/src/db/schema.ts';
import type { FieldChange } from '../../../apps/server/src/platform/audit/audit.schema.ts';
import { createdFields } from '../../../apps/server/src/platform/audit/audit.service.ts';
import type { CustomerFate, PoolKey } from './lifecycle.ts';
import type { DemoOrg } from './org.ts';
import { shanghaiDate } from './rng.ts';
import { type AuditRow, type Notice, readLater, userId } from './world.ts';

export const EAST_POOL = '华东区域公海';

/** Adds 华东区域公海 (member department 销售二部), set up by the sales director; returns both pools' ids. */
export async function createPools(
  tx: Tx,
  org: DemoOrg,
  createdAt: Date,
  audit: AuditRow[],
): Promise<Record<PoolKey, number>> {
  const [def] = await tx.select({ id: pools.id }).from(pools).where(eq(pools.isDefault, true));
  if (!def) throw new Error('loadDemoData: the default pool is missing (seedDefaultPool)');
  const input = {
    name: EAST_POOL,
    description: '销售二部区域公海：二部退回和回收的客户，二部销售可见可领取',
    memberDeptIds: [org.deptIds.销售二部],
  };
  const [row] = await tx
    .insert(pools)
    .values({ name: input.name, description: input.description, createdAt, updatedAt: createdAt })
    .returning({ id: pools.id });
  await tx.insert(poolMembers).values(input.memberDeptIds.map((deptId) => ({ poolId: row.id, deptId })));
  audit.push({
    at: createdAt,
    actorId: userId(org, 'director'),
    entityType: 'pool',
    entityId: row.id,
    action: 'create',
    changes: createdFields(input, ['name', 'description', 'memberDeptIds']),
  });
  return { default: def.id, east: row.id };
}

/**
 * Writes what the lifecycle plan says happened to a customer after its creation, as the pool
 * services and sweeps would have: pool history, audit entries and the owners' notifications.
 */
export async function writeFates(
  tx: Tx,
  customers: { id: number; no: string; name: string }[],
  fates: CustomerFate[],
  poolIds: Record<PoolKey, number>,
  now: Date,
  audit: AuditRow[],
  notices: Notice[],
) {
  const history: (typeof poolHistory.$inferInsert)[] = [];
  fates.forEach((f, i) => {
    const c = customers[i];
    let poolId: number | null = null;
    for (const e of f.events) {
      if (e.type === 'lock') {
        audit.push({
          at: e.at,
          actorId: e.userId,
          entityType: 'customer',
          entityId: c.id,
          action: 'lock',
          changes: [{ field: 'lockedAt', old: null, new: e.at.toISOString() }],
        });
        continue;
      }
      if (e.type === 'claim') {
        audit.push({
          at: e.at,
          actorId: e.userId,
          entityType: 'customer',
          entityId: c.id,
          action: 'claim',
          changes: [
            { field: 'ownerId', old: null, new: e.userId },
            { field: 'ownerDeptId', old: null, new: e.deptId },
          ],
        });
        continue;
      }
      const to = poolIds[e.pool];
      history.push({
        customerId: c.id,
        userId: e.userId,
        poolId: to,
        releasedAt: e.at,
        reason: e.reason,
        how: e.how,
        actorId: e.actorId,
      });
      const changes: FieldChange[] = [
        { field: 'ownerId', old: e.userId, new: null },
        { field: 'ownerDeptId', old: e.deptId, new: null },
        ...(poolId !== to ? [{ field: 'poolId', old: poolId, new: to }] : []),
      ];
      poolId = to;
      const params = { customerName: c.name, customerNo: c.no };
      if (e.how === 'reclaim') {
        audit.push({
          at: e.at,
          actorId: null,
          requestId: `sweep:pool.reclaim:${e.at.toISOString()}`,
          entityType: 'customer',
          entityId: c.id,
          action: 'reclaim',
          changes,
          comment: e.reason,
        });
        if (e.warnedAt)
          notices.push({
            userId: e.userId,
            kind: 'pool.reclaim_warning',
            titleKey: 'notify.pool.reclaim_warning',
            params: { ...params, date: shanghaiDate(e.at) },
            link: `/customers/${c.id}`,
            createdAt: e.warnedAt,
            readAt: readLater(e.warnedAt, now),
          });
        notices.push({
          userId: e.userId,
          kind: 'pool.reclaimed',
          titleKey: 'notify.pool.reclaimed',
          params: { ...params, reason: e.reason },
          link: null,
          createdAt: e.at,
          readAt: readLater(e.at, now, 8),
        });
        continue;
      }
      audit.push({
        at: e.at,
        actorId: e.actorId,
        entityType: 'customer',
        entityId: c.id,
        action: 'release',
        changes,
        comment: e.reason,
      });
      if (e.how === 'transfer')
        notices.push({
          userId: e.userId,
          kind: 'pool.released',
          titleKey: 'notify.pool.released',
          params: { ...params, reason: e.reason },
          link: null,
          createdAt: e.at,
          readAt: readLater(e.at, now),
        });
    }
  });
  history.sort((a, b) => (a.releasedAt as Date).getTime() - (b.releasedAt as Date).getTime());
  if (history.length) await tx.insert(poolHistory).values(history);
}
