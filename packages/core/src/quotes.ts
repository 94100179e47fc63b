import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { BigId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { effectiveUnitPrice, PricedLineInput, pricedLinesOf } from './lines.ts';
import { ListViewParam } from './lists.ts';
import { money } from './money.ts';

/**
 * Quote states (SPEC 3.2) and the transition table — data, enforced by the server and used by the
 * web to show buttons. A changed quote after approval is a new version (revise: the old row
 * becomes superseded); approved and sent quotes expire after their validity date (sweep).
 */
export const QUOTE_STATUSES = [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'accepted',
  'rejected',
  'expired',
  'superseded',
  'converted',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_ACTIONS = [
  'edit',
  'submit',
  // Mode 'exceptions' and nothing to approve: straight to approved, no approval instance.
  'auto_approve',
  // The approval engine's outcome (onApproved / rejected, returned or withdrawn).
  'approve',
  'return_to_draft',
  'send',
  'accept',
  'reject',
  'revise',
  'convert',
  // The validity sweep (validUntil passed).
  'expire',
] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];

/** Actions a user starts from the quote page (the others are the engine's or the sweep's). */
export const QUOTE_USER_ACTIONS: readonly QuoteAction[] = [
  'edit',
  'submit',
  'send',
  'accept',
  'reject',
  'revise',
  'convert',
];

/** status → action → next status. An action missing here is refused with a clear error. */
export const QUOTE_TRANSITIONS: Record<QuoteStatus, Partial<Record<QuoteAction, QuoteStatus>>> = {
  draft: { edit: 'draft', submit: 'pending_approval', auto_approve: 'approved' },
  // Locked while under approval; rejected / returned / withdrawn go back to draft (editable).
  pending_approval: { approve: 'approved', return_to_draft: 'draft' },
  approved: { send: 'sent', revise: 'superseded', expire: 'expired' },
  sent: { accept: 'accepted', reject: 'rejected', revise: 'superseded', expire: 'expired' },
  // An accepted quote past its validity cannot be converted; a new version renews it (SPEC 3.2 有效期).
  accepted: { convert: 'converted', revise: 'superseded' },
  rejected: { revise: 'superseded' },
  expired: { revise: 'superseded' },
  superseded: {},
  converted: {},
};

export function nextQuoteStatus(status: QuoteStatus, action: QuoteAction): QuoteStatus | null {
  return QUOTE_TRANSITIONS[status][action] ?? null;
}

/** What a user may do now (buttons): user actions the table allows from `status`. */
export function quoteActions(status: QuoteStatus): QuoteAction[] {
  return QUOTE_USER_ACTIONS.filter((a) => QUOTE_TRANSITIONS[status][a] !== undefined);
}

export const QUOTE_APPROVAL_MODES = ['all', 'exceptions'] as const;
export type QuoteApprovalMode = (typeof QUOTE_APPROVAL_MODES)[number];
export type QuoteApprovalReason = 'below_floor' | 'discount_over_limit' | 'policy_all';

/**
 * Why a quote needs internal approval (SPEC 3.2): a line whose effective unit price
 * (unitPrice × (1 − discount%)) is below the product's floor price, a discount above the rep's
 * limit (policy quotes.repDiscountLimitPercent), or every quote (policy quotes.approvalMode = 'all').
 */
export function quoteApprovalNeeds(
  lines: { unitPrice: string; discountPercent: string; floorPrice: string | null }[],
  policy: { mode: QuoteApprovalMode; repDiscountLimitPercent: string },
) {
  const belowFloor = lines.some((l) => l.floorPrice !== null && effectiveUnitPrice(l).lt(l.floorPrice));
  const max = lines.reduce((m, l) => (money(l.discountPercent).gt(m) ? money(l.discountPercent) : m), money(0));
  const discountOverLimit = max.gt(policy.repDiscountLimitPercent);
  const reasons: QuoteApprovalReason[] = [];
  if (belowFloor) reasons.push('below_floor');
  if (discountOverLimit) reasons.push('discount_over_limit');
  if (policy.mode === 'all') reasons.push('policy_all');
  return {
    belowFloor,
    discountOverLimit,
    maxDiscountPercent: max.toFixed(2),
    reasons,
    needsApproval: reasons.length > 0,
  };
}

const optText = (max: number) => z.string().trim().max(max).optional().nullable();
const IsoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });
const Version = VersionNo;

export const QuoteLineInput = PricedLineInput;
export type QuoteLineInput = z.output<typeof QuoteLineInput>;

export const QuoteInput = z.object({
  customerId: BigId,
  contactId: BigId.optional().nullable(),
  opportunityId: BigId.optional().nullable(),
  title: z.string().trim().min(1).max(200),
  /** Default: today + policy quotes.defaultValidityDays. */
  validUntil: IsoDate.optional(),
  deliveryTerms: optText(1000),
  paymentTerms: optText(1000),
  remark: optText(2000),
  lines: pricedLinesOf(QuoteLineInput, 200),
});
export type QuoteInput = z.output<typeof QuoteInput>;

/** The customer of a quote is fixed; a different customer is a different quote. */
export const QuoteUpdateInput = QuoteInput.omit({ customerId: true }).extend({ version: Version });
export type QuoteUpdateInput = z.output<typeof QuoteUpdateInput>;

export const QuoteVersionInput = z.object({ version: Version });
export type QuoteVersionInput = z.output<typeof QuoteVersionInput>;

export const QUOTE_RESPONSES = ['accepted', 'rejected'] as const;
export const QuoteRespondInput = z.object({
  version: Version,
  response: z.enum(QUOTE_RESPONSES),
  note: optText(1000),
});
export type QuoteRespondInput = z.output<typeof QuoteRespondInput>;

export const QUOTE_CONVERT_TARGETS = ['order', 'contract'] as const;
export const QuoteConvertInput = z.object({
  version: Version,
  target: z.enum(QUOTE_CONVERT_TARGETS),
  requestedDate: IsoDate.optional(),
});
export type QuoteConvertInput = z.output<typeof QuoteConvertInput>;

export const QUOTE_SORTS = ['updatedAt', 'createdAt', 'validUntil', 'totalGross', 'no'] as const;

/** Filters shared by list, count and export. Latest versions only unless allVersions. */
export const QuoteFilter = z.object({
  keyword: z.string().trim().max(100).optional(),
  status: z.enum(QUOTE_STATUSES).optional(),
  customerId: QueryBigId.optional(),
  ownerId: QueryIntId.optional(),
  allVersions: z.enum(['true', 'false']).optional(),
  /** 我负责的 / 下属的 / 全部 (absent: 全部), within the data scope. */
  view: ListViewParam,
});
export type QuoteFilter = z.output<typeof QuoteFilter>;

export const QuoteListQuery = QuoteFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(QUOTE_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type QuoteListQuery = z.output<typeof QuoteListQuery>;
