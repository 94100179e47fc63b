import { money, toMoneyString } from '@sales/core';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { applyContractMoney, findContractInScope } from '../contracts/index.ts';
import { applyOrderMoney, findOrderInScope } from '../orders/index.ts';

/** The order or contract a payment or invoice is against, with its ledger amounts. */
export interface MoneyTarget {
  kind: 'order' | 'contract';
  id: number;
  no: string;
  status: string;
  /** Sales channel of an order (counter = 门市销售); null for a contract. */
  channel: string | null;
  customerId: number;
  ownerId: number;
  ownerDeptId: number;
  /** Order total (gross) or contract amount: what may at most be invoiced and received. */
  total: string;
  invoiced: string;
  received: string;
  writtenOff: string;
}

// Money may be collected once a deal is accepted (a deposit may precede signing, seed 000 认购).
const PAYABLE: Record<MoneyTarget['kind'], readonly string[]> = {
  order: ['submitted', 'under_review', 'approved', 'in_preparation', 'partially_delivered', 'delivered', 'completed'],
  contract: ['approved', 'signed', 'completed'],
};
// Invoices follow the accepted order or the signed contract.
const INVOICEABLE: Record<MoneyTarget['kind'], readonly string[]> = {
  order: ['approved', 'in_preparation', 'partially_delivered', 'delivered', 'completed'],
  contract: ['signed', 'completed'],
};

/**
 * Loads the order or contract within the user's scope (404 otherwise), locked when `lock`, so
 * checks against its ledger amounts hold until the transaction commits.
 */
export async function loadTarget(
  ctx: Ctx,
  t: { orderId?: number | null; contractId?: number | null },
  db: DbOrTx = ctx.db,
  lock = false,
): Promise<MoneyTarget> {
  if (t.orderId) {
    const o = await findOrderInScope(ctx, t.orderId, 'order.view', db, lock);
    return {
      kind: 'order',
      id: o.id,
      no: o.no,
      status: o.status,
      channel: o.channel,
      customerId: o.customerId,
      ownerId: o.ownerId,
      ownerDeptId: o.ownerDeptId,
      total: o.totalGross,
      invoiced: o.invoicedAmount,
      received: o.receivedAmount,
      writtenOff: o.writtenOffAmount,
    };
  }
  const c = await findContractInScope(ctx, t.contractId as number, 'contract.view', db, lock);
  return {
    kind: 'contract',
    id: c.id,
    no: c.no,
    status: c.status,
    channel: null,
    customerId: c.customerId,
    ownerId: c.ownerId,
    ownerDeptId: c.ownerDeptId,
    total: c.amount,
    invoiced: c.invoicedAmount,
    received: c.receivedAmount,
    writtenOff: '0.00',
  };
}

export function assertPayable(t: MoneyTarget) {
  if (!PAYABLE[t.kind].includes(t.status))
    throw new ConflictError('payment.target_status', { no: t.no, status: t.status });
}

export function assertInvoiceable(t: MoneyTarget) {
  if (!INVOICEABLE[t.kind].includes(t.status))
    throw new ConflictError('invoice.target_status', { no: t.no, status: t.status });
}

/** Over-collection guard: received + amount may not exceed the order total / contract amount. */
export function assertNotOverCollected(t: MoneyTarget, amount: string) {
  const after = money(t.received).plus(t.writtenOff).plus(amount);
  if (after.gt(t.total)) {
    const room = money(t.total).minus(t.received).minus(t.writtenOff);
    throw new ConflictError('payment.over_collection', {
      no: t.no,
      total: toMoneyString(t.total),
      received: toMoneyString(t.received),
      open: toMoneyString(room.gt(0) ? room : 0),
    });
  }
}

/** Over-invoicing guard: invoiced + gross may not exceed the order total / contract amount. */
export function assertNotOverInvoiced(t: MoneyTarget, gross: string) {
  if (money(t.invoiced).plus(gross).gt(t.total)) {
    const room = money(t.total).minus(t.invoiced);
    throw new ConflictError('invoice.over_invoicing', {
      no: t.no,
      total: toMoneyString(t.total),
      invoiced: toMoneyString(t.invoiced),
      open: toMoneyString(room.gt(0) ? room : 0),
    });
  }
}

/** Books a ledger delta on the order or contract, inside the caller's transaction. */
export async function applyTargetMoney(
  tx: Tx,
  ctx: Ctx,
  t: { orderId: number | null; contractId: number | null },
  delta: { invoiced?: string; received?: string; planItemId?: number | null },
) {
  if (t.orderId) return applyOrderMoney(tx, ctx, t.orderId, { invoiced: delta.invoiced, received: delta.received });
  return applyContractMoney(tx, ctx, t.contractId as number, {
    invoiced: delta.invoiced,
    received: delta.received,
    planItemId: delta.planItemId ?? undefined,
  });
}
