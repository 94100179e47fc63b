import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { BigId, IntId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { PricedLineInput, pricedLinesOf, QtyString } from './lines.ts';
import { ListViewParam } from './lists.ts';

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
  approved: {
    prepare: 'in_preparation',
    deliver_part: 'partially_delivered',
    deliver_all: 'delivered',
    cancel: 'cancelled',
  },
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

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const optDate = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), dateKey);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const Version = VersionNo;

/** A sales order as the form or another module (quote → order) sends it (SPEC 3.4). */
export const OrderInput = z.object({
  customerId: BigId,
  contactId: BigId.nullish().transform((v) => v ?? null),
  channel: z.enum(ORDER_CHANNELS).default('rep'),
  requestedDate: IsoDate,
  promisedDate: optDate,
  warehouseId: IntId.nullish().transform((v) => v ?? null),
  specialRequirements: optText(2000),
  consignee: optText(50),
  consigneePhone: optText(30),
  shippingAddress: optText(300),
  remark: optText(1000),
  lines: pricedLinesOf(PricedLineInput, 500),
});
export type OrderInput = z.output<typeof OrderInput>;

export const OrderUpdateInput = OrderInput.extend({ version: Version });
export type OrderUpdateInput = z.output<typeof OrderUpdateInput>;

export const OrderVersionInput = z.object({ version: Version });
export type OrderVersionInput = z.output<typeof OrderVersionInput>;
export const OrderConfirmInput = z.object({ version: Version, note: z.string().trim().min(1).max(500) });
export type OrderConfirmInput = z.output<typeof OrderConfirmInput>;
export const OrderReasonInput = z.object({ version: Version, reason: z.string().trim().min(1).max(500) });
export type OrderReasonInput = z.output<typeof OrderReasonInput>;
/**
 * The Chinese-labelling check of one line (中文标识核对, seed 000 4.4.3 c): the reviewer or planner
 * ticks it after checking the goods carry Chinese labels; an unticked labelled line blocks the review.
 */
export const OrderLabelCheckInput = z.object({
  version: Version,
  lineId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  checked: z.boolean(),
});
export type OrderLabelCheckInput = z.output<typeof OrderLabelCheckInput>;

/** Order statuses in which the label check may be ticked: until the review has passed. */
export const LABEL_CHECK_STATUSES = ['draft', 'submitted', 'under_review'] as const satisfies readonly OrderStatus[];

export const OrderReviewInput = z.object({
  version: Version,
  comment: optText(500),
  /** The reviewer accepts a shortage to be produced: needs a promised date ≥ the requested date. */
  allowProduction: z.boolean().default(false),
});
export type OrderReviewInput = z.output<typeof OrderReviewInput>;

export const ORDER_SORTS = ['updatedAt', 'createdAt', 'requestedDate', 'totalGross', 'no'] as const;
const dateQuery = z.string().refine(isIsoDate, dateKey).optional();

/** Filters shared by list, count and export. */
export const OrderFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: QueryBigId.optional(),
  ownerId: QueryIntId.optional(),
  from: dateQuery,
  to: dateQuery,
  /** 我负责的 / 下属的 / 全部 (absent: 全部), within the data scope. */
  view: ListViewParam,
});
export type OrderFilter = z.output<typeof OrderFilter>;
export const OrderListQuery = OrderFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(ORDER_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type OrderListQuery = z.output<typeof OrderListQuery>;

export const REVIEW_BLOCKERS = ['credit', 'stock', 'completeness'] as const;
export type ReviewBlocker = (typeof REVIEW_BLOCKERS)[number];
export const CREDIT_OVERRIDE_STATES = ['none', 'pending', 'approved', 'rejected'] as const;

/** Production / stock tasks (销售任务单). */
export const PRODUCTION_TASK_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ProductionTaskStatus = (typeof PRODUCTION_TASK_STATUSES)[number];
export const PRODUCTION_TASK_KINDS = ['stock', 'production'] as const;
export const ProductionTaskInput = z.object({
  lines: z
    .array(
      z.object({
        orderLineId: BigId,
        kind: z.enum(PRODUCTION_TASK_KINDS),
        qty: QtyString,
        dueDate: IsoDate,
      }),
    )
    .min(1)
    .max(200),
});
export type ProductionTaskInput = z.output<typeof ProductionTaskInput>;
export const ProductionTaskUpdateInput = z.object({
  status: z.enum(PRODUCTION_TASK_STATUSES),
  doneQty: z
    .string()
    .trim()
    .refine((v) => /^\d{1,14}(\.\d{1,4})?$/.test(v), { message: 'validation.qty', params: { key: 'validation.qty' } }),
  progressNote: optText(500),
  dueDate: IsoDate,
  version: Version,
});
export type ProductionTaskUpdateInput = z.output<typeof ProductionTaskUpdateInput>;
export const ProductionTaskQuery = z.object({
  status: z.enum(PRODUCTION_TASK_STATUSES).optional(),
  orderId: QueryBigId.optional(),
});
export const PlannerQuery = z.object({ from: dateQuery, to: dateQuery });
