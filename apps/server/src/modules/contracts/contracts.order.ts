import { type ContractOrderInput, Money, money, OrderInput } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { createOrder, orderedQtyByContract } from '../orders/index.ts';
import { findContractInScope } from './contracts.access.ts';
import { contractLinesOf } from './contracts.lines.ts';
import { contracts } from './contracts.schema.ts';
import { assertContractAction } from './contracts.state.ts';

/** What is still to be ordered per contract line: the line's qty less what earlier orders took of its product. */
function remainingByLine(
  lines: { lineNo: number; productId: number | null; qty: string }[],
  ordered: Map<number, string>,
) {
  const left = new Map([...ordered].map(([p, q]) => [p, money(q)]));
  return new Map(
    lines.map((l) => {
      const taken = l.productId === null ? money(0) : Money.min(left.get(l.productId) ?? 0, l.qty);
      if (l.productId !== null) left.set(l.productId, (left.get(l.productId) ?? money(0)).minus(taken));
      return [l.lineNo, money(l.qty).minus(taken)];
    }),
  );
}

/**
 * Places a draft order for a signed contract's goods in one step (SPEC 3.3 → 3.4): the lines are
 * copied at the contract's reviewed prices — by default everything not yet ordered, or the given
 * quantities (分批订货), never more than the contract holds. The order then goes through its own
 * review (credit, stock, completeness).
 */
export async function orderFromContract(ctx: Ctx, id: number, input: ContractOrderInput) {
  if (!can(ctx.principal, 'order.create')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const c = await findContractInScope(ctx, id, 'contract.edit', tx, true);
    if (c.version !== input.version) throw new StaleVersionError();
    assertContractAction(ctx, c.status, 'order');
    const lines = await contractLinesOf(tx, id);
    const remaining = remainingByLine(lines, await orderedQtyByContract(tx, id));
    const wanted =
      input.lines ?? lines.map((l) => ({ lineNo: l.lineNo, qty: remaining.get(l.lineNo)?.toString() ?? '0' }));
    const picked = wanted.flatMap((w, i) => {
      const line = lines.find((l) => l.lineNo === w.lineNo);
      if (!line) throw ValidationError.field(`lines.${i}.lineNo`, 'contract.order.unknown_line', { lineNo: w.lineNo });
      const left = remaining.get(w.lineNo) ?? money(0);
      if (money(w.qty).gt(left))
        throw ValidationError.field(`lines.${i}.qty`, 'contract.order.qty_exceeds', { remaining: left.toString() });
      return money(w.qty).gt(0) ? [{ line, qty: money(w.qty).toString() }] : [];
    });
    if (picked.length === 0) throw new ConflictError('contract.order.nothing_left');
    const order = await createOrder(tx, ctx, {
      ...OrderInput.parse({
        customerId: c.customerId,
        requestedDate: input.requestedDate,
        warehouseId: input.warehouseId ?? null,
        remark: [c.deliveryTerms, c.paymentTerms].filter(Boolean).join('；') || null,
        lines: picked.map(({ line, qty }) => ({
          productId: line.productId,
          description: line.description,
          qty,
          unitPrice: line.unitPrice,
          discountPercent: line.discountPercent,
          taxRate: line.taxRate,
          attributes: line.attributes,
        })),
      }),
      contractId: id,
    });
    const [row] = await tx
      .update(contracts)
      .set({ version: c.version + 1, updatedAt: sql`now()` })
      .where(and(eq(contracts.id, id), eq(contracts.version, input.version)))
      .returning({ version: contracts.version });
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'order',
      changes: [{ field: 'orderNo', old: null, new: order.no }],
    });
    return { id, version: row.version, orderId: order.id, orderNo: order.no };
  });
}
