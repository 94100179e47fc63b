import { nextOrderStatus, type OrderAction, type OrderStatus } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';

/**
 * The next status for `action` from `status` per ORDER_TRANSITIONS (packages/core orders.ts);
 * an illegal transition is a clear 409 naming the status and the action (SPEC 3.4).
 */
export function nextStatusOrThrow(ctx: Pick<Ctx, 'locale'>, status: string, action: OrderAction): OrderStatus {
  const next = nextOrderStatus(status as OrderStatus, action);
  if (next === null) {
    throw new ConflictError('order.transition', {
      status: translate(ctx.locale, `order.status.${status}`),
      action: translate(ctx.locale, `order.action.${action}`),
    });
  }
  return next;
}

export function assertVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw new StaleVersionError();
}
