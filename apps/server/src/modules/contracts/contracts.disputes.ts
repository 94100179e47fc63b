import type { DisputeInput, DisputeListQuery, DisputeResolveInput } from '@sales/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { COUNT_CAP, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { contractScope, findContractInScope } from './contracts.access.ts';
import { contractDisputes, contracts } from './contracts.schema.ts';

const handler = alias(users, 'handler');

async function assertActiveUser(db: DbOrTx, userId: number) {
  const [u] = await db.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, userId));
  if (!u?.active) throw ValidationError.field('handlerId', 'contract.dispute.handler');
}

/** Records a dispute (纠纷) on a contract with the colleague responsible for it, who is notified. */
export async function recordDispute(ctx: Ctx, contractId: number, input: DisputeInput) {
  return ctx.db.transaction(async (tx) => {
    // Scope first: an out-of-scope contract is a 404 whatever the handler.
    const c = await findContractInScope(ctx, contractId, 'contract.edit', tx, true);
    await assertActiveUser(tx, input.handlerId);
    if (c.status === 'draft' || c.status === 'in_review')
      throw new ConflictError('contract.dispute.not_signed', { status: c.status });
    const [row] = await tx
      .insert(contractDisputes)
      .values({
        contractId,
        title: input.title,
        description: input.description,
        handlerId: input.handlerId,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: contractDisputes.id });
    await recordAudit(tx, ctx, {
      entityType: 'contract_dispute',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'contractId', old: null, new: contractId },
        { field: 'title', old: null, new: input.title },
        { field: 'handlerId', old: null, new: input.handlerId },
      ],
    });
    await notify(tx, [input.handlerId], {
      kind: 'contract.dispute',
      titleKey: 'notify.contract.dispute',
      params: { no: c.no, title: input.title },
      link: `/contracts/${c.id}?tab=disputes`,
    });
    return { id: row.id };
  });
}

/** Locks a dispute whose contract the user may act on with `permission` (404 otherwise). */
async function lockDisputeInScope(ctx: Ctx, tx: Tx, id: number, permission: 'contract.view' | 'contract.edit') {
  const [d] = await tx
    .select({ d: contractDisputes })
    .from(contractDisputes)
    .innerJoin(contracts, eq(contracts.id, contractDisputes.contractId))
    .where(and(eq(contractDisputes.id, id), await contractScope(ctx, permission)))
    .for('update', { of: contractDisputes });
  if (!d) throw new NotFoundError();
  return d.d;
}

/** Resolves an open dispute with its resolution (处理结果). */
export async function resolveDispute(ctx: Ctx, id: number, input: DisputeResolveInput) {
  return ctx.db.transaction(async (tx) => {
    const d = await lockDisputeInScope(ctx, tx, id, 'contract.edit');
    if (d.version !== input.version) throw new StaleVersionError();
    if (d.status !== 'open') throw new ConflictError('contract.dispute.resolved');
    await tx
      .update(contractDisputes)
      .set({ status: 'resolved', resolution: input.resolution, resolvedAt: sql`now()`, version: d.version + 1 })
      .where(eq(contractDisputes.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'contract_dispute',
      entityId: id,
      action: 'resolve',
      changes: [
        { field: 'status', old: 'open', new: 'resolved' },
        { field: 'resolution', old: null, new: input.resolution },
      ],
    });
    return { id, version: d.version + 1, status: 'resolved' as const };
  });
}

const disputeSelect = {
  id: contractDisputes.id,
  contractId: contractDisputes.contractId,
  contractNo: contracts.no,
  contractTitle: contracts.title,
  customerName: contracts.partyB,
  title: contractDisputes.title,
  description: contractDisputes.description,
  handlerId: contractDisputes.handlerId,
  handlerName: handler.name,
  status: contractDisputes.status,
  resolution: contractDisputes.resolution,
  version: contractDisputes.version,
  createdAt: contractDisputes.createdAt,
  resolvedAt: contractDisputes.resolvedAt,
};

type DisputeRow = { createdAt: Date; resolvedAt: Date | null } & Record<string, unknown>;
const present = <T extends DisputeRow>(r: T) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
});

/** Disputes of one contract, open first. */
export async function contractDisputesOf(ctx: Ctx, contractId: number) {
  await findContractInScope(ctx, contractId);
  const rows = await ctx.db
    .select(disputeSelect)
    .from(contractDisputes)
    .innerJoin(contracts, eq(contracts.id, contractDisputes.contractId))
    .innerJoin(handler, eq(handler.id, contractDisputes.handlerId))
    .where(eq(contractDisputes.contractId, contractId))
    .orderBy(sql`${contractDisputes.status} = 'resolved'`, desc(contractDisputes.id));
  return rows.map(present);
}

/** The disputes list across contracts in scope (default: open ones), with a capped total. */
export async function listDisputes(ctx: Ctx, q: DisputeListQuery) {
  const where = and(await contractScope(ctx), eq(contractDisputes.status, q.status ?? 'open')) as SQL;
  const [rows, count] = await Promise.all([
    ctx.db
      .select(disputeSelect)
      .from(contractDisputes)
      .innerJoin(contracts, eq(contracts.id, contractDisputes.contractId))
      .innerJoin(handler, eq(handler.id, contractDisputes.handlerId))
      .where(where)
      .orderBy(desc(contractDisputes.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${contractDisputes} inner join ${contracts} on ${contracts.id} = ${contractDisputes.contractId} where ${where} limit ${COUNT_CAP + 1}) t`,
    ),
  ]);
  // cappedCount takes one table; the scope lives on the joined contract, so the count joins too.
  const n = Number(count.rows[0].n);
  return pageResult(rows.map(present), { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP }, q);
}
