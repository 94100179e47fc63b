import { money, toMoneyString, type WriteOffInput, type WriteOffListQuery, type WriteOffStatus } from '@sales/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, likePattern, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { applyOrderMoney, findOrderInScope, orders } from '../orders/index.ts';
import { findWriteOffInScope, ownerInScope, writeOffScope } from './finance.access.ts';
import { badDebtWriteOffs } from './finance.schema.ts';
import { syncReceivable } from './receivables.sync.ts';
import './finance.messages.ts';

export const WRITE_OFF_DOC = 'bad_debt_writeoff';

/** What is still owed on an order's invoices: invoiced − received − written off (never below 0). */
function orderOutstanding(o: { invoicedAmount: string; receivedAmount: string; writtenOffAmount: string }) {
  const v = money(o.invoicedAmount).minus(o.receivedAmount).minus(o.writtenOffAmount);
  return v.gt(0) ? v : money(0);
}

async function pendingOf(tx: Tx, orderId: number) {
  const [r] = await tx
    .select({ v: sql<string>`coalesce(sum(${badDebtWriteOffs.amount}), 0)::text` })
    .from(badDebtWriteOffs)
    .where(and(eq(badDebtWriteOffs.orderId, orderId), eq(badDebtWriteOffs.status, 'pending')));
  return money(r.v);
}

/**
 * Requests a bad-debt write-off (坏账核销) of part or all of an order's outstanding receivable, with
 * a reason; routed through the approval engine (SPEC 3.6: write-off needs approval). Nothing is
 * booked until the approval passes.
 */
export async function requestWriteOff(ctx: Ctx, input: WriteOffInput) {
  await findOrderInScope(ctx, input.orderId);
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderInScope(ctx, input.orderId, 'order.view', tx, true);
    if (!(await ownerInScope(ctx, 'receivable.writeoff', o.ownerId, o.ownerDeptId))) throw new NotFoundError();
    const room = orderOutstanding(o).minus(await pendingOf(tx, o.id));
    if (money(input.amount).gt(room))
      throw ValidationError.field('amount', 'writeoff.exceeds_outstanding', {
        outstanding: toMoneyString(room.gt(0) ? room : 0),
        no: o.no,
      });
    const [row] = await tx
      .insert(badDebtWriteOffs)
      .values({
        no: await nextDocNumber(tx, 'writeOff', ctx.now()),
        customerId: o.customerId,
        orderId: o.id,
        ownerId: o.ownerId,
        ownerDeptId: o.ownerDeptId,
        amount: toMoneyString(input.amount),
        reason: input.reason,
        requestedBy: ctx.principal.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'bad_debt_writeoff',
      entityId: row.id,
      action: 'request',
      changes: [
        { field: 'orderId', old: null, new: o.id },
        { field: 'amount', old: null, new: row.amount },
        { field: 'status', old: null, new: 'pending' },
      ],
      comment: input.reason,
    });
    const approval = await submitForApproval(tx, ctx, WRITE_OFF_DOC, row.id);
    return { ...present(row), instanceId: approval.instanceId, approvalStatus: approval.status };
  });
}

const present = (w: typeof badDebtWriteOffs.$inferSelect) => ({
  ...w,
  amount: toMoneyString(w.amount),
  status: w.status as WriteOffStatus,
  createdAt: w.createdAt.toISOString(),
  decidedAt: w.decidedAt?.toISOString() ?? null,
});

const requester = alias(users, 'requester');
function writeOffSelect(ctx: Ctx) {
  return ctx.db
    .select({
      w: badDebtWriteOffs,
      customerName: customers.name,
      orderNo: orders.no,
      requestedByName: requester.name,
      instanceId: sql<number | null>`(select max(${approvalInstances.id}) from ${approvalInstances}
        where ${approvalInstances.docType} = ${WRITE_OFF_DOC} and ${approvalInstances.docId} = ${badDebtWriteOffs.id})`,
    })
    .from(badDebtWriteOffs)
    .innerJoin(customers, eq(customers.id, badDebtWriteOffs.customerId))
    .innerJoin(orders, eq(orders.id, badDebtWriteOffs.orderId))
    .leftJoin(requester, eq(requester.id, badDebtWriteOffs.requestedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof writeOffSelect>['where']>>[number];
const presentRow = ({ w, instanceId, ...rest }: Row) => ({
  ...present(w),
  ...rest,
  instanceId: instanceId === null ? null : Number(instanceId),
});

/** Write-off requests in scope, newest first, with a capped total. */
export async function listWriteOffs(ctx: Ctx, q: WriteOffListQuery) {
  const parts: (SQL | undefined)[] = [await writeOffScope(ctx)];
  if (q.status) parts.push(eq(badDebtWriteOffs.status, q.status));
  if (q.customerId) parts.push(eq(badDebtWriteOffs.customerId, q.customerId));
  if (q.keyword) {
    const kw = likePattern(q.keyword);
    parts.push(
      sql`(lower(${badDebtWriteOffs.no}) like ${kw}
        or ${badDebtWriteOffs.customerId} in (select ${customers.id} from ${customers} where lower(${customers.name}) like ${kw}))`,
    );
  }
  const where = and(...parts);
  const [rows, count] = await Promise.all([
    writeOffSelect(ctx).where(where).orderBy(desc(badDebtWriteOffs.id)).limit(q.pageSize).offset(pageOffset(q)),
    cappedCount(ctx.db, badDebtWriteOffs, where),
  ]);
  return pageResult(rows.map(presentRow), count, q);
}

/** One write-off request (404 out of scope). */
export async function getWriteOff(ctx: Ctx, id: number) {
  const [row] = await writeOffSelect(ctx).where(and(eq(badDebtWriteOffs.id, id), await writeOffScope(ctx)));
  if (!row) throw new NotFoundError();
  return presentRow(row);
}

async function loadWriteOff(tx: Tx, id: number) {
  const [w] = await tx.select().from(badDebtWriteOffs).where(eq(badDebtWriteOffs.id, id)).for('update');
  if (!w) throw new NotFoundError();
  return w;
}

registerApprovalDocType({
  type: WRITE_OFF_DOC,
  fields: [{ key: 'amount', type: 'money' }],
  async describe(tx, _ctx, id) {
    const [w] = await tx.select().from(badDebtWriteOffs).where(eq(badDebtWriteOffs.id, id));
    if (!w) throw new NotFoundError();
    const [o] = await tx.select({ no: orders.no }).from(orders).where(eq(orders.id, w.orderId));
    const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, w.customerId));
    return {
      facts: { amount: w.amount, customerName: c.name, orderNo: o.no, reason: w.reason },
      summaryKey: 'approval.summary.bad_debt_writeoff',
      summaryParams: { no: w.no, customer: c.name, order: o.no, amount: w.amount },
      link: `/finance/write-offs/${w.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findWriteOffInScope(ctx, id);
  },
  // Approved: the written-off amount is booked on the order (re-checked against what is still owed).
  async onApproved(tx, ctx, id) {
    const w = await loadWriteOff(tx, id);
    if (w.status !== 'pending') throw new ConflictError('writeoff.not_pending', { no: w.no });
    const [o] = await tx.select().from(orders).where(eq(orders.id, w.orderId)).for('update');
    if (money(w.amount).gt(orderOutstanding(o)))
      throw new ConflictError('writeoff.exceeds_outstanding_now', {
        no: w.no,
        outstanding: toMoneyString(orderOutstanding(o)),
      });
    await applyOrderMoney(tx, ctx, w.orderId, { writtenOff: w.amount });
    await tx
      .update(badDebtWriteOffs)
      .set({ status: 'approved', decidedAt: ctx.now() })
      .where(eq(badDebtWriteOffs.id, id));
    await syncReceivable(tx, { orderId: w.orderId, contractId: null });
    await recordAudit(tx, ctx, {
      entityType: 'bad_debt_writeoff',
      entityId: id,
      action: 'approve',
      changes: [{ field: 'status', old: 'pending', new: 'approved' }],
    });
    await notify(tx, [w.ownerId, w.requestedBy], {
      kind: 'writeoff.approved',
      titleKey: 'notify.writeoff.approved',
      params: { no: w.no, amount: w.amount, order: o.no },
      link: `/finance/write-offs/${w.id}`,
    });
  },
  // Rejected, returned or withdrawn: nothing was booked, the request just closes.
  async onClosed(tx, ctx, id, outcome) {
    const w = await loadWriteOff(tx, id);
    if (w.status !== 'pending') return;
    await tx.update(badDebtWriteOffs).set({ status: outcome, decidedAt: ctx.now() }).where(eq(badDebtWriteOffs.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'bad_debt_writeoff',
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: 'pending', new: outcome }],
    });
  },
  defaultRules: [
    {
      name: '坏账核销',
      priority: 100,
      conditions: [],
      steps: [
        { name: '部门负责人审批', kind: 'dept_head', mode: 'any' },
        { name: '财务审核', kind: 'role', role: 'finance', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
  ],
});
