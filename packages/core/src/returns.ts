import { z } from 'zod';
import { BigId, IntId, QueryBigId, VersionNo } from './ids.ts';
import { QtyString } from './lines.ts';

/**
 * Sales returns (销后退回, SPEC 4.3, seed 000 医药公司销后退回管理规定): dictionaries and the state
 * table both sides use.
 */
export const RETURN_REASONS = [
  'quality',
  'policy',
  'breakage',
  'wrong_sale',
  'wrong_purchase',
  'customer_error',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * 第二条: 因销售部门转销售、采购错误、客户报错计划 — internal errors, charged to the applicant or the
 * responsible person per piece and recorded for their appraisal.
 */
export const INTERNAL_ERROR_REASONS: readonly ReturnReason[] = ['wrong_sale', 'wrong_purchase', 'customer_error'];
export const isInternalError = (r: ReturnReason) => INTERNAL_ERROR_REASONS.includes(r);

export const RETURN_STATUSES = ['submitted', 'returned', 'completed', 'rejected', 'withdrawn'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_ACTIONS = ['arrive', 'complete', 'reject', 'send_back', 'withdraw', 'resubmit', 'credit'] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

/**
 * Which action each status allows, and where it leads. `arrive` records the goods reaching the
 * warehouse (any time before the return is finished); `complete` is the receiving clerk's final
 * approval, which books the goods into stock; `credit` issues the red-letter invoice (status stays).
 */
export const RETURN_TRANSITIONS: Record<ReturnStatus, Partial<Record<ReturnAction, ReturnStatus>>> = {
  submitted: {
    arrive: 'submitted',
    complete: 'completed',
    reject: 'rejected',
    send_back: 'returned',
    withdraw: 'withdrawn',
  },
  returned: { arrive: 'returned', resubmit: 'submitted', withdraw: 'withdrawn' },
  completed: { credit: 'completed' },
  rejected: {},
  withdrawn: {},
};

/** The status after `action`, or null when the status does not allow it. */
export function nextReturnStatus(status: ReturnStatus, action: ReturnAction): ReturnStatus | null {
  return RETURN_TRANSITIONS[status][action] ?? null;
}

/** Who bears a return's cost (第一、二条). */
export const COST_BEARERS = ['company', 'responsible'] as const;
export type CostBearer = (typeof COST_BEARERS)[number];

/** A return gives money back (red invoice); an exchange (换货) ships the same goods again. */
export const RETURN_KINDS = ['return', 'exchange'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export const ReturnLineInput = z.object({ deliveryLineId: BigId, qty: QtyString });
export const ReturnInput = z.object({
  deliveryId: BigId,
  kind: z.enum(RETURN_KINDS).default('return'),
  reason: z.enum(RETURN_REASONS),
  description: z.string().trim().min(1).max(2000),
  // The person charged for an internal-error return (default: the applicant, 第二条 由申请人或责任人承担).
  responsibleUserId: IntId.nullish().transform((v) => v ?? null),
  lines: z.array(ReturnLineInput).min(1).max(200),
});
export type ReturnInput = z.output<typeof ReturnInput>;

export const ReturnArrivalInput = z.object({
  arrivedAt: z.iso.datetime({ offset: true }),
  // The warehouse the goods went to (a quarantine warehouse for quality returns).
  warehouseId: IntId,
  version: VersionNo,
});
export type ReturnArrivalInput = z.output<typeof ReturnArrivalInput>;

export const ReturnCreditInput = z.object({
  invoiceId: BigId,
  externalNo: z.string().trim().min(1).max(40),
  version: VersionNo,
});
export type ReturnCreditInput = z.output<typeof ReturnCreditInput>;

export const ReturnVersionInput = z.object({ version: VersionNo });

export const ReturnListQuery = z.object({
  status: z.enum(RETURN_STATUSES).optional(),
  reason: z.enum(RETURN_REASONS).optional(),
  customerId: QueryBigId.optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ReturnListQuery = z.output<typeof ReturnListQuery>;
