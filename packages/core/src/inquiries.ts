import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { BigId, IntId, QueryIntId } from './ids.ts';

/**
 * Pre-sale inquiries and pre-sale service requests (售前咨询, SPEC 2.9; seed 003 三、售前服务管理 3:
 * 咨询热线 / 在线客服平台 …应在[X]分钟内回复).
 */
export const INQUIRY_CHANNELS = ['phone', 'online', 'email', 'visit'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
// What the question is about: the "frequent questions" analysis groups by it.
export const INQUIRY_TOPICS = ['product_info', 'price', 'technical', 'delivery', 'after_sales', 'other'] as const;
export const INQUIRY_STATUSES = ['open', 'answered'] as const;
export const PRESALE_KINDS = ['product_info', 'technical', 'sample'] as const;
export const PRESALE_STATUSES = ['open', 'in_progress', 'fulfilled', 'cancelled'] as const;
export type PresaleStatus = (typeof PRESALE_STATUSES)[number];
export const PRESALE_ACTIONS = ['start', 'fulfil', 'cancel', 'return'] as const;
export type PresaleAction = (typeof PRESALE_ACTIONS)[number];

/** Transitions of a pre-sale request (data, used by the server to enforce and the web to show buttons). */
export const PRESALE_TRANSITIONS: Record<
  Exclude<PresaleAction, 'return'>,
  { from: PresaleStatus[]; to: PresaleStatus }
> = {
  start: { from: ['open'], to: 'in_progress' },
  fulfil: { from: ['open', 'in_progress'], to: 'fulfilled' },
  cancel: { from: ['open', 'in_progress'], to: 'cancelled' },
};

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const Version = z.number().int().min(1).max(2_147_483_647);
const page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const InquiryInput = z
  .object({
    channel: z.enum(INQUIRY_CHANNELS),
    contactName: z.string().trim().min(1).max(50),
    company: optText(100),
    mobile: optText(30),
    email: optText(100),
    topic: z.enum(INQUIRY_TOPICS).default('product_info'),
    question: z.string().trim().min(1).max(2000),
    productIds: z.array(BigId).max(20).default([]),
    // The rep who answers; the recorder when omitted (front desk routes it to a rep).
    handlerId: IntId.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    // Someone to answer to: a phone or e-mail inquiry needs its channel's contact (seed 003: 及时回复).
    if (v.channel === 'phone' && !v.mobile)
      ctx.addIssue({
        code: 'custom',
        path: ['mobile'],
        message: 'inquiry.mobile_required',
        params: { key: 'inquiry.mobile_required' },
      });
    if (v.channel === 'email' && !v.email)
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'inquiry.email_required',
        params: { key: 'inquiry.email_required' },
      });
  });
export type InquiryInput = z.output<typeof InquiryInput>;

export const InquiryAnswerInput = z.object({ answer: z.string().trim().min(1).max(4000), version: Version });
export type InquiryAnswerInput = z.output<typeof InquiryAnswerInput>;

export const InquiryConvertCustomerInput = z.object({ version: Version });
export const InquiryConvertOpportunityInput = z.object({
  version: Version,
  name: z.string().trim().min(1).max(100),
  pipelineId: IntId,
  amount: MoneyString.default('0.00'),
});
export type InquiryConvertOpportunityInput = z.output<typeof InquiryConvertOpportunityInput>;

export const InquiryListQuery = z.object({
  ...page,
  channel: z.enum(INQUIRY_CHANNELS).optional(),
  status: z.enum(INQUIRY_STATUSES).optional(),
  // true: online inquiries past their reply time (answered late or still waiting).
  overdue: z.enum(['true', 'false']).optional(),
  keyword: z.string().trim().max(50).optional(),
  handlerId: QueryIntId.optional(),
});
export type InquiryListQuery = z.output<typeof InquiryListQuery>;

export const InquiryAnalysisQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export type InquiryAnalysisQuery = z.output<typeof InquiryAnalysisQuery>;

export const PresaleRequestInput = z
  .object({
    kind: z.enum(PRESALE_KINDS),
    detail: z.string().trim().min(1).max(2000),
    productId: BigId.nullish().transform((v) => v ?? null),
    quantity: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .nullish()
      .transform((v) => v ?? null),
    expectedReturnDate: IsoDate.nullish().transform((v) => v ?? null),
    // Who fulfils it; the inquiry's handler when omitted.
    assigneeId: IntId.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    // A sample is a product lent out: which one, how many, and when it comes back.
    if (v.kind !== 'sample') return;
    const need = (path: string, ok: unknown) =>
      ok ||
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'presale.sample_field',
        params: { key: 'presale.sample_field' },
      });
    need('productId', v.productId);
    need('quantity', v.quantity);
    need('expectedReturnDate', v.expectedReturnDate);
  });
export type PresaleRequestInput = z.output<typeof PresaleRequestInput>;

export const PresaleActionInput = z.object({ action: z.enum(PRESALE_ACTIONS), note: optText(1000), version: Version });
export type PresaleActionInput = z.output<typeof PresaleActionInput>;

export const PresaleListQuery = z.object({
  ...page,
  kind: z.enum(PRESALE_KINDS).optional(),
  status: z.enum(PRESALE_STATUSES).optional(),
  // true: samples past their expected return date and not returned.
  returnOverdue: z.enum(['true', 'false']).optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type PresaleListQuery = z.output<typeof PresaleListQuery>;
