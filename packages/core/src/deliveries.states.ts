// Zod-free so the web can import the tables without pulling the schemas into its first chunk.

/**
 * Delivery notes (送货单, SPEC 3.5): draft → shipped → signed; cancelled only from draft.
 * The table is data: the server enforces it, the web shows buttons from it.
 */
export const DELIVERY_STATUSES = ['draft', 'shipped', 'signed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_ACTIONS = ['edit', 'cancel', 'inspect', 'checklist', 'request_release', 'ship', 'sign'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

/** status → action → next status. Inspection after shipping is only for emergency-released lines (紧急放行). */
export const DELIVERY_TRANSITIONS: Record<DeliveryStatus, Partial<Record<DeliveryAction, DeliveryStatus>>> = {
  draft: {
    edit: 'draft',
    cancel: 'cancelled',
    inspect: 'draft',
    checklist: 'draft',
    request_release: 'draft',
    ship: 'shipped',
  },
  shipped: { inspect: 'shipped', sign: 'signed' },
  signed: { inspect: 'signed' },
  cancelled: {},
};

export function nextDeliveryStatus(status: DeliveryStatus, action: DeliveryAction): DeliveryStatus | null {
  return DELIVERY_TRANSITIONS[status][action] ?? null;
}

export function deliveryActions(status: DeliveryStatus): DeliveryAction[] {
  return Object.keys(DELIVERY_TRANSITIONS[status]) as DeliveryAction[];
}

/**
 * Outbound inspection status of a line (检验状态, seed 000 4.3.4): 合格 passed, 不合格 failed,
 * 待检 pending, 待处理 on_hold, 报废 scrapped.
 */
export const INSPECTION_STATUSES = ['passed', 'failed', 'pending', 'on_hold', 'scrapped'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/**
 * Which inspection results may follow which. 报废 is final; a failed line goes to 待处理 or back
 * to 待检 after rework before it can pass.
 */
export const INSPECTION_TRANSITIONS: Record<InspectionStatus, readonly InspectionStatus[]> = {
  pending: ['passed', 'failed', 'on_hold', 'scrapped'],
  on_hold: ['passed', 'failed', 'pending', 'scrapped'],
  failed: ['on_hold', 'pending', 'scrapped'],
  passed: ['failed', 'on_hold'],
  scrapped: [],
};

export function canInspect(from: InspectionStatus, to: InspectionStatus): boolean {
  return INSPECTION_TRANSITIONS[from].includes(to);
}
