import { money, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { contractPaymentPlan, contracts } from './contracts.schema.ts';

/**
 * Maintains the ledger amounts (合同台账) when finance issues/voids an invoice or confirms/reverses a
 * receipt, inside finance's transaction. A received delta with planItemId is also matched to that
 * plan item (which must belong to this contract). Amounts never go below zero.
 */
export async function applyContractMoney(
  tx: Tx,
  ctx: Ctx,
  contractId: number,
  delta: { invoiced?: string; received?: string; planItemId?: number },
): Promise<void> {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for('update');
  if (!c) throw new NotFoundError();
  const invoiced = money(c.invoicedAmount).plus(delta.invoiced ?? '0');
  const received = money(c.receivedAmount).plus(delta.received ?? '0');
  if (invoiced.isNegative()) throw new ConflictError('contract.money.negative', { field: 'invoiced' });
  if (received.isNegative()) throw new ConflictError('contract.money.negative', { field: 'received' });
  const changes = [];
  // A plan item is matched only by a received delta (an invoice alone carries no instalment).
  if (delta.planItemId !== undefined && delta.received) {
    const [item] = await tx
      .select()
      .from(contractPaymentPlan)
      .where(and(eq(contractPaymentPlan.id, delta.planItemId), eq(contractPaymentPlan.contractId, contractId)))
      .for('update');
    if (!item) throw ValidationError.field('planItemId', 'contract.money.plan_item');
    const itemReceived = money(item.receivedAmount).plus(delta.received);
    if (itemReceived.isNegative()) throw new ConflictError('contract.money.negative', { field: 'planItem' });
    await tx
      .update(contractPaymentPlan)
      .set({ receivedAmount: toMoneyString(itemReceived) })
      .where(eq(contractPaymentPlan.id, item.id));
    changes.push({
      field: `paymentPlan.${item.seq}.receivedAmount`,
      old: item.receivedAmount,
      new: toMoneyString(itemReceived),
    });
  }
  if (delta.invoiced) changes.push({ field: 'invoicedAmount', old: c.invoicedAmount, new: toMoneyString(invoiced) });
  if (delta.received) changes.push({ field: 'receivedAmount', old: c.receivedAmount, new: toMoneyString(received) });
  if (!changes.length) return;
  // Ledger amounts are maintained by finance: no version bump, so a rep's open edit form stays valid.
  await tx
    .update(contracts)
    .set({ invoicedAmount: toMoneyString(invoiced), receivedAmount: toMoneyString(received), updatedAt: sql`now()` })
    .where(eq(contracts.id, contractId));
  await recordAudit(tx, ctx, { entityType: 'contract', entityId: contractId, action: 'money', changes });
}
