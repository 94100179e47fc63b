import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  INSPECTION_TRANSITIONS,
  type InspectionStatus,
  isValidContactPhone,
} from '@sales/core';
import type { TFunction } from 'i18next';

// The life cycle and inspection tables are the server's own (packages/core deliveries.ts), not copies.
export { DELIVERY_STATUSES, type DeliveryStatus, type InspectionStatus };
/** Which inspection results may follow which. */
export const INSPECTION_NEXT = INSPECTION_TRANSITIONS;

export const DELIVERY_VIEW = 'delivery.view';
export const DELIVERY_CREATE = 'delivery.create';
export const DELIVERY_INSPECT = 'delivery.inspect';
export const DELIVERY_SHIP = 'delivery.ship';
export const DELIVERY_SIGN = 'delivery.sign';
export const TRACE_VIEW = 'trace.view';

export const DELIVERY_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  shipped: 'processing',
  signed: 'success',
  cancelled: 'error',
};

/** 合格 green, 不合格 red, 待检 blue, 待处理 orange, 报废 grey (the 报废 "╳" of the seed's site marking). */
export const INSPECTION_COLORS: Record<string, string> = {
  passed: 'success',
  failed: 'error',
  pending: 'processing',
  on_hold: 'warning',
  scrapped: 'default',
};

export const RELEASE_COLORS: Record<string, string> = {
  none: 'default',
  pending: 'processing',
  approved: 'magenta',
  rejected: 'error',
};

/** A consignee phone that reaches someone: mobile or landline with area code (shipping requires it, SPEC 3.5). */
/**
 * A consignee phone the consignee can be reached on. `masked` is the order's phone as this user was
 * shown it (138****5678): sent back unchanged it means "the order's number", which the server keeps.
 */
export const phoneRule = (t: TFunction, masked?: string | null) => ({
  validator: (_: unknown, v?: string | null) =>
    !v?.trim() || (!!masked && v === masked) || isValidContactPhone(v)
      ? Promise.resolve()
      : Promise.reject(new Error(t('delivery.phoneInvalid'))),
});
