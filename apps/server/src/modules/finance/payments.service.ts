import {
  COUNTED_PAYMENT_STATUSES,
  changeDue,
  money,
  nextPaymentStatus,
  type PaymentAction,
  type PaymentActionInput,
  type PaymentInput,
  type PaymentMethod,
  type PaymentRejectInput,
  type PaymentStatus,
  toMoneyString,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { idempotent } from '../../platform/idempotency/index.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { can } from '../../platform/permissions/principal.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { paymentPlanOf } from '../contracts/index.ts';
import { findPaymentInScope, ownerInScope } from './finance.access.ts';
import { emitInvoicesPaid, settledInvoicesOf } from './finance.events.ts';
import { payments } from './finance.schema.ts';
import { applyTargetMoney, assertNotOverCollected, assertPayable, loadTarget } from './finance.target.ts';
import { syncReceivable } from './receivables.sync.ts';
import './finance.messages.ts';
import { bookFact } from '../analytics/index.ts';

type PaymentRow = typeof payments.$inferSelect;

/** A payment as the API returns it (money as 2-decimal strings, instants as ISO strings). */
export function presentPayment(p: PaymentRow) {
  return {
    ...p,
    amount: toMoneyString(p.amount),
    tenderedAmount: p.tenderedAmount === null ? null : toMoneyString(p.tenderedAmount),
    changeAmount: p.changeAmount === null ? null : toMoneyString(p.changeAmount),
    kind: p.kind as PaymentInput['kind'],
    method: p.method as PaymentMethod,
    status: p.status as PaymentStatus,
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const AUDITED = [
  'no',
  'orderId',
  'contractId',
  'planItemId',
  'kind',
  'method',
  'chequeNo',
  'amount',
  'receivedDate',
  'status',
  'payerName',
  'tenderedAmount',
  'changeAmount',
  'receiptNo',
] as const;
const counted = (s: PaymentStatus) => (COUNTED_PAYMENT_STATUSES as readonly string[]).includes(s);

/**
 * Counts a payment as received at the moment it becomes confirmed or cleared: re-checks the
 * over-collection guard on the locked order/contract, books the received delta and issues the
 * receipt (收据) number. Returns the fields to store.
 */
async function countPayment(tx: Tx, ctx: Ctx, p: Pick<PaymentRow, 'orderId' | 'contractId' | 'planItemId' | 'amount'>) {
  const target = await loadTarget(ctx, p, tx, true);
  assertNotOverCollected(target, p.amount);
  await applyTargetMoney(tx, ctx, p, { received: toMoneyString(p.amount), planItemId: p.planItemId });
  return {
    receiptNo: await nextDocNumber(tx, 'receipt', ctx.now()),
    confirmedBy: ctx.principal.userId,
    confirmedAt: ctx.now(),
  };
}

/**
 * A payment just counted: the document's maintained receivables move in this same transaction
 * (ADR 0003), and collection tasks (催收) of the invoices it settles are done.
 */
async function closeSettledReminders(tx: Tx, ctx: Ctx, p: Pick<PaymentRow, 'orderId' | 'contractId'>) {
  await syncReceivable(tx, p);
  const settled = await settledInvoicesOf(tx, p);
  if (settled.length) await completeTasksByRef(tx, 'invoice', settled, ctx.now());
  await emitInvoicesPaid(tx, settled);
}

/**
 * Cash at the counter (retail seed 5.2.6 唱收唱找): what the customer handed over and the change,
 * tendered − amount, exact decimal. A cash payment on a counter order must record it.
 */
function counterCash(target: { channel: string | null }, input: PaymentInput) {
  if (input.tendered === undefined) {
    if (target.channel === 'counter' && input.method === 'cash')
      throw ValidationError.field('tendered', 'payment.tendered_required');
    return { tenderedAmount: null, changeAmount: null };
  }
  const change = changeDue(input.amount, input.tendered);
  if (change === null) throw ValidationError.field('tendered', 'payment.tendered_short');
  return { tenderedAmount: toMoneyString(input.tendered), changeAmount: change };
}

/**
 * Records a collection against an order or contract. A rep's report stays `reported` (not counted)
 * until finance confirms it (核准, seed 002); finance's own entry is confirmed at once — or, for a
 * cheque, pending clearance. Cash at the counter records the amount tendered and the change. Runs
 * once per Idempotency-Key.
 */
export async function recordPayment(ctx: Ctx, input: PaymentInput, idempotencyKey?: string) {
  return idempotent(ctx, 'payment.create', idempotencyKey, input, async (tx) => {
    const target = await loadTarget(ctx, input, tx, true);
    assertPayable(target);
    assertNotOverCollected(target, input.amount);
    const cash = counterCash(target, input);
    if (input.planItemId !== undefined) {
      const plan = await paymentPlanOf(tx, target.id);
      if (!plan.some((i) => i.id === input.planItemId))
        throw ValidationError.field('planItemId', 'payment.plan_item_unknown', { no: target.no });
    }
    const direct =
      can(ctx.principal, 'payment.confirm') &&
      (await ownerInScope(ctx, 'payment.confirm', target.ownerId, target.ownerDeptId));
    const status: PaymentStatus = direct ? (input.method === 'cheque' ? 'pending_clearance' : 'confirmed') : 'reported';
    const base = {
      orderId: target.kind === 'order' ? target.id : null,
      contractId: target.kind === 'contract' ? target.id : null,
      planItemId: input.planItemId ?? null,
      amount: toMoneyString(input.amount),
    };
    const countedFields = status === 'confirmed' ? await countPayment(tx, ctx, base) : {};
    const [row] = await tx
      .insert(payments)
      .values({
        ...base,
        no: await nextDocNumber(tx, 'payment', ctx.now()),
        customerId: target.customerId,
        ownerId: target.ownerId,
        ownerDeptId: target.ownerDeptId,
        kind: input.kind,
        method: input.method,
        chequeNo: input.chequeNo,
        receivedDate: input.receivedDate,
        status,
        payerName: input.payerName,
        ...cash,
        remark: input.remark,
        reportedBy: ctx.principal.userId,
        ...countedFields,
      })
      .returning();
    if (status === 'confirmed') await closeSettledReminders(tx, ctx, row);
    // Collections count once finance counted them (SPEC 5.1).
    await bookFact.paymentCounted(tx, row.id);
    await recordAudit(tx, ctx, {
      entityType: 'payment',
      entityId: row.id,
      action: 'create',
      changes: createdFields(row, AUDITED),
    });
    return { status: 201, body: presentPayment(row) };
  });
}

/** Finance's decision on a payment: confirm (核准), clear or bounce a cheque, reject a report (with reason). */
export async function transitionPayment(
  ctx: Ctx,
  id: number,
  action: PaymentAction,
  input: PaymentActionInput | PaymentRejectInput,
) {
  // Invisible → 404 before the permission → 403 (no existence leak).
  await findPaymentInScope(ctx, id);
  if (!can(ctx.principal, 'payment.confirm')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const p = await findPaymentInScope(ctx, id, 'payment.confirm', tx, true);
    if (p.version !== input.version) throw new StaleVersionError();
    const next = nextPaymentStatus(p.status as PaymentStatus, action, p.method as PaymentMethod);
    if (!next) throw new ConflictError('payment.transition', { status: p.status, action });
    const countedFields = counted(next) ? await countPayment(tx, ctx, p) : {};
    const reason = 'reason' in input ? input.reason : (input.comment ?? null);
    const remark = action === 'reject' ? reason : p.remark;
    const [row] = await tx
      .update(payments)
      .set({ status: next, remark, ...countedFields, version: p.version + 1, updatedAt: sql`now()` })
      .where(and(eq(payments.id, id), eq(payments.version, p.version)))
      .returning();
    if (!row) throw new StaleVersionError();
    if (counted(next)) await closeSettledReminders(tx, ctx, row);
    await bookFact.paymentCounted(tx, row.id);
    const changes: { field: string; old: unknown; new: unknown }[] = [{ field: 'status', old: p.status, new: next }];
    if (row.receiptNo !== p.receiptNo)
      changes.push({ field: 'receiptNo', old: p.receiptNo ?? '', new: row.receiptNo ?? '' });
    await recordAudit(tx, ctx, { entityType: 'payment', entityId: id, action, changes, comment: reason });
    const to = [p.ownerId, ...(p.reportedBy && p.reportedBy !== ctx.principal.userId ? [p.reportedBy] : [])];
    await notify(tx, to, {
      kind: 'payment.decided',
      titleKey: `notify.payment.${next}`,
      params: { no: row.no, amount: toMoneyString(money(row.amount)), reason: reason ?? '' },
      link: `/finance/payments/${row.id}`,
    });
    return presentPayment(row);
  });
}
