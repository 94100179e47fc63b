/**
 * Order states (SPEC 3.4) and the transition table — data, enforced by the server and used by the
 * web to show buttons. Cancellation (with reason) is possible from any state before delivery.
 */
export const ORDER_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'in_preparation',
  'partially_delivered',
  'delivered',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = [
  'edit',
  'confirm',
  'submit',
  'start_review',
  'pass_review',
  'return_to_draft',
  'prepare',
  'deliver_part',
  'deliver_all',
  'complete',
  'cancel',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** status → action → next status. An action missing here is refused with a clear error. */
export const ORDER_TRANSITIONS: Record<OrderStatus, Partial<Record<OrderAction, OrderStatus>>> = {
  draft: { edit: 'draft', confirm: 'draft', submit: 'submitted', cancel: 'cancelled' },
  submitted: { start_review: 'under_review', return_to_draft: 'draft', cancel: 'cancelled' },
  // Review passes when credit, stock/capacity and completeness all hold (or the credit override is approved).
  under_review: { pass_review: 'approved', return_to_draft: 'draft', cancel: 'cancelled' },
  approved: { prepare: 'in_preparation', deliver_part: 'partially_delivered', deliver_all: 'delivered', cancel: 'cancelled' },
  in_preparation: { deliver_part: 'partially_delivered', deliver_all: 'delivered', cancel: 'cancelled' },
  partially_delivered: { deliver_part: 'partially_delivered', deliver_all: 'delivered' },
  delivered: { complete: 'completed' },
  completed: {},
  cancelled: {},
};

export function nextOrderStatus(status: OrderStatus, action: OrderAction): OrderStatus | null {
  return ORDER_TRANSITIONS[status][action] ?? null;
}

export function orderActions(status: OrderStatus): OrderAction[] {
  return Object.keys(ORDER_TRANSITIONS[status]) as OrderAction[];
}

export const ORDER_CHANNELS = ['rep', 'order_desk', 'phone', 'counter'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
