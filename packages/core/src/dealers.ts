import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { BigId, IntId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { money } from './money.ts';
import { normalizePhone } from './normalize.ts';
import { MonthString } from './plans.ts';

/**
 * Distributors (经销商, SPEC 5.5; seed 000 公司销售管理制度实施细则: 设立经销点的经销制 … 定期走访各经销点,
 * 每月对所有经销商的业绩审评, 对销售业绩突出者予以奖励). A dealer is a customer account: its orders are the
 * dealer's orders. The monthly review reads the figures from the indicator facts; the reviewer rates
 * the month and may propose a reward. Visits to the outlet are recorded with their findings.
 */
export const DEALER_STATUSES = ['active', 'suspended'] as const;
export type DealerStatus = (typeof DEALER_STATUSES)[number];

/** The monthly rating (业绩审评): A 突出 … D 差. */
export const DEALER_RATINGS = ['A', 'B', 'C', 'D'] as const;
export type DealerRating = (typeof DEALER_RATINGS)[number];

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const text = (max: number) => z.string().trim().min(1).max(max);

export const DealerContact = z.object({
  name: text(50),
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((v) => /^\d{7,15}$/.test(normalizePhone(v)), {
      message: 'validation.phone.format',
      params: { key: 'validation.phone.format' },
    }),
  // 职务: 店长, 采购, 财务 …
  role: optText(50),
});
export type DealerContact = z.output<typeof DealerContact>;

export const DealerInput = z.object({
  name: text(100),
  // The customer account the dealer orders under (one dealer per customer).
  customerId: BigId,
  // 经销区域: the regions the outlet covers (customers store their region as text, e.g. 江苏省/南京市).
  territories: z.array(text(100)).min(1).max(20),
  contacts: z.array(DealerContact).max(20).default([]),
  status: z.enum(DEALER_STATUSES).default('active'),
  // The rep who manages the dealer; the data scope follows them (default: the one recording it).
  ownerId: IntId.optional(),
  remark: optText(2000),
});
export type DealerInput = z.output<typeof DealerInput>;
export const DealerUpdateInput = DealerInput.extend({ version: VersionNo });
export type DealerUpdateInput = z.output<typeof DealerUpdateInput>;

export const DealerListQuery = z.object({
  // Number, dealer name or the customer account's name.
  q: z.string().trim().max(100).optional(),
  status: z.enum(DEALER_STATUSES).optional(),
  ownerId: QueryIntId.optional(),
  // The dealer of one customer account (the customer page's link to its dealer).
  customerId: QueryBigId.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DealerListQuery = z.output<typeof DealerListQuery>;

/** The month's review page: every dealer in scope with its figures and the saved review. */
export const DealerReviewQuery = z.object({
  // Default: the current month.
  month: MonthString.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DealerReviewQuery = z.output<typeof DealerReviewQuery>;

/**
 * The review of one dealer and month. `version` is the saved review's version (0: none yet).
 * A reward (奖励) needs its reason.
 */
export const DealerReviewInput = z
  .object({
    month: MonthString,
    version: z.number().int().min(0).max(2_147_483_647),
    rating: z.enum(DEALER_RATINGS),
    comment: text(2000),
    rewardAmount: MoneyString.default('0'),
    rewardReason: optText(500),
  })
  .superRefine((v, ctx) => {
    if (/^\d+(\.\d{1,2})?$/.test(v.rewardAmount) && !money(v.rewardAmount).isZero() && !v.rewardReason)
      ctx.addIssue({
        code: 'custom',
        path: ['rewardReason'],
        message: 'dealers.reward_reason_required',
        params: { key: 'dealers.reward_reason_required' },
      });
  });
export type DealerReviewInput = z.output<typeof DealerReviewInput>;

/** A visit to the outlet (走访经销点). */
export const DealerVisitInput = z.object({
  visitedOn: IsoDate,
  visitorId: IntId,
  purpose: text(200),
  findings: text(4000),
  nextStep: optText(1000),
});
export type DealerVisitInput = z.output<typeof DealerVisitInput>;
