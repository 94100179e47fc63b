import { type DeliveryAction, type DeliveryStatus, nextDeliveryStatus } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';

/**
 * The next status for `action` per DELIVERY_TRANSITIONS (packages/core deliveries.ts); an illegal
 * action is a clear 409 naming the status and the action.
 */
export function nextOrThrow(ctx: Pick<Ctx, 'locale'>, status: string, action: DeliveryAction): DeliveryStatus {
  const next = nextDeliveryStatus(status as DeliveryStatus, action);
  if (next === null) {
    throw new ConflictError('delivery.transition', {
      status: translate(ctx.locale, `delivery.status.${status}`),
      action: translate(ctx.locale, `delivery.action.${action}`),
    });
  }
  return next;
}

export function assertVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw new StaleVersionError();
}

/** A label for a line in errors: its product code and name as on the order line. */
export function lineLabel(l: { productCode: string | null; description: string }) {
  return [l.productCode, l.description].filter(Boolean).join(' ');
}
