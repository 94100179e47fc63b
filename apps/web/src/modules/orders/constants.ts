// Codes shared with the server (packages/core orders.ts). Only types are imported from core for
// the lists; the copies are checked against the core unions at compile time.
import type { OrderAction, OrderChannel, OrderStatus } from '@sales/core';

export type { OrderAction, OrderChannel, OrderStatus };

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
] as const satisfies readonly OrderStatus[];

export const ORDER_CHANNELS = ['rep', 'order_desk', 'phone', 'counter'] as const satisfies readonly OrderChannel[];

export const TASK_KINDS = ['stock', 'production'] as const;
export const TASK_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Where a task may go from each status (the planning service refuses the rest). */
export const TASK_NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  planned: ['planned', 'in_progress', 'done', 'cancelled'],
  in_progress: ['in_progress', 'done', 'cancelled'],
  done: ['done'],
  cancelled: ['cancelled'],
};

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const ORDER_CODES_COMPLETE: [
  Missing<OrderStatus, (typeof ORDER_STATUSES)[number]>,
  Missing<OrderChannel, (typeof ORDER_CHANNELS)[number]>,
] = [true, true];

export const ORDER_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  under_review: 'processing',
  approved: 'cyan',
  in_preparation: 'geekblue',
  partially_delivered: 'orange',
  delivered: 'green',
  completed: 'success',
  cancelled: 'error',
};

export const CREDIT_OVERRIDE_COLORS: Record<string, string> = {
  none: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export const TASK_STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'error',
};

export const ORDER_VIEW = 'order.view';
export const ORDER_CREATE = 'order.create';
export const ORDER_EDIT = 'order.edit';
export const ORDER_REVIEW = 'order.review';
export const ORDER_CANCEL = 'order.cancel';
export const ORDER_EXPORT = 'order.export';
export const ORDER_PLAN = 'order.plan';
