export const DELIVERY_VIEW = 'delivery.view';
export const DELIVERY_CREATE = 'delivery.create';
export const DELIVERY_INSPECT = 'delivery.inspect';
export const DELIVERY_SHIP = 'delivery.ship';
export const DELIVERY_SIGN = 'delivery.sign';
export const TRACE_VIEW = 'trace.view';

export const DELIVERY_STATUSES = ['draft', 'shipped', 'signed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const INSPECTION_STATUSES = ['passed', 'failed', 'pending', 'on_hold', 'scrapped'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

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

/** Which results may follow which (mirrors INSPECTION_TRANSITIONS in packages/core deliveries.ts). */
export const INSPECTION_NEXT: Record<InspectionStatus, InspectionStatus[]> = {
  pending: ['passed', 'failed', 'on_hold', 'scrapped'],
  on_hold: ['passed', 'failed', 'pending', 'scrapped'],
  failed: ['on_hold', 'pending', 'scrapped'],
  passed: ['failed', 'on_hold'],
  scrapped: [],
};
