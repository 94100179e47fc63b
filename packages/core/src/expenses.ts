import { z } from 'zod';
import { isIsoDate, isMoneyString, MoneyString } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, VersionNo } from './ids.ts';
import { ListViewParam } from './lists.ts';
import { money } from './money.ts';

/**
 * Expenses and budgets (费用管理, SPEC 5.3; seed 001 费用管理): budgets per department or event and
 * period by category, reimbursement claims with lines and invoices, approval supervisor → finance,
 * spending beyond the remaining budget only after an over-budget approval, cost analysis.
 */

// Seed 001 费用预算 1: 客户邀约费用、会议营销活动费用、市场推广费用、销售人员差旅费 (+ 业务招待, issue 15).
export const EXPENSE_CATEGORIES = ['invitation', 'event', 'promotion', 'travel', 'entertainment'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/**
 * draft → submitted (under approval) → approved (budget reserved) → paid (budget used, 予以报销);
 * rejected: the reason is shown to the applicant, who may correct and submit again.
 */
export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** The states in which the applicant may still change the claim and its invoices. */
export const CLAIM_EDITABLE: readonly ClaimStatus[] = ['draft', 'rejected'];

/**
 * Claim transitions (ARCHITECTURE 2: transitions are data): which action leads from which states to
 * which. The server enforces them; the web shows a button only where its action is allowed.
 * approve / reject / return / withdraw are the approval engine's outcomes (expenses.approval.ts).
 */
export const CLAIM_TRANSITIONS = {
  edit: { from: CLAIM_EDITABLE, to: null },
  delete: { from: ['draft'], to: null },
  submit: { from: CLAIM_EDITABLE, to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  return: { from: ['submitted'], to: 'draft' },
  withdraw: { from: ['submitted'], to: 'draft' },
  pay: { from: ['approved'], to: 'paid' },
} as const satisfies Record<string, { from: readonly ClaimStatus[]; to: ClaimStatus | null }>;
export type ClaimAction = keyof typeof CLAIM_TRANSITIONS;

/** Whether `action` may be taken on a claim in `status`. */
export const claimCan = (action: ClaimAction, status: string): boolean =>
  (CLAIM_TRANSITIONS[action].from as readonly string[]).includes(status);

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const positive = { message: 'validation.positive_amount', params: { key: 'validation.positive_amount' } };
const PositiveMoney = MoneyString.refine((v) => !isMoneyString(v) || money(v).gt(0), positive);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** One line of a claim (seed 001 费用报销 1: 注明费用用途、金额、时间). */
export const ClaimLineInput = z.object({
  category: z.enum(EXPENSE_CATEGORIES),
  amount: PositiveMoney,
  spentOn: IsoDate,
  description: z.string().trim().min(1).max(200),
});
export type ClaimLineInput = z.output<typeof ClaimLineInput>;

export const ClaimInput = z.object({
  title: z.string().trim().min(1).max(200),
  // A claim charged to a conference-marketing event spends the event's budget.
  eventId: BigId.nullish(),
  lines: z.array(ClaimLineInput).min(1).max(50),
  // The invoices, stored with the claim in one transaction (more can be added while it is a draft).
  attachments: z.array(AttachmentInput).max(10).default([]),
});
export type ClaimInput = z.output<typeof ClaimInput>;

export const ClaimUpdateInput = ClaimInput.omit({ attachments: true }).extend({ version: VersionNo });
export type ClaimUpdateInput = z.output<typeof ClaimUpdateInput>;

/** Submitting for approval; beyond the remaining budget the reason asks for the over-budget approval. */
export const ClaimSubmitInput = z.object({ version: VersionNo, overBudgetReason: optText(500) });
export type ClaimSubmitInput = z.output<typeof ClaimSubmitInput>;

export const ClaimListQuery = z.object({
  view: ListViewParam,
  status: z.enum(CLAIM_STATUSES).optional(),
  keyword: z.string().trim().max(50).optional(),
  ...page,
});
export type ClaimListQuery = z.output<typeof ClaimListQuery>;

/**
 * A budget: of a department for a period, or of an event (the event is its period). Used and
 * reserved are kept by the claims, never typed in.
 */
export const BudgetInput = z
  .object({
    deptId: IntId.nullish(),
    eventId: BigId.nullish(),
    category: z.enum(EXPENSE_CATEGORIES),
    periodStart: IsoDate.nullish(),
    periodEnd: IsoDate.nullish(),
    amount: MoneyString,
    note: optText(200),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, key: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: key, params: { key } });
    if (v.eventId) return;
    if (!v.deptId) issue('deptId', 'expenses.dept_required');
    if (!v.periodStart) issue('periodStart', 'expenses.period_required');
    if (!v.periodEnd) issue('periodEnd', 'expenses.period_required');
    if (
      v.periodStart &&
      v.periodEnd &&
      isIsoDate(v.periodStart) &&
      isIsoDate(v.periodEnd) &&
      v.periodEnd < v.periodStart
    )
      issue('periodEnd', 'expenses.period_order');
  });
export type BudgetInput = z.output<typeof BudgetInput>;

export const BudgetUpdateInput = z.object({ amount: MoneyString, note: optText(200), version: VersionNo });
export type BudgetUpdateInput = z.output<typeof BudgetUpdateInput>;

export const BudgetListQuery = z.object({
  category: z.enum(EXPENSE_CATEGORIES).optional(),
  // Budgets whose period holds this day (event budgets always match).
  on: IsoDate.optional(),
  kind: z.enum(['dept', 'event']).optional(),
  keyword: z.string().trim().max(50).optional(),
  ...page,
});
export type BudgetListQuery = z.output<typeof BudgetListQuery>;

/** Cost analysis over the lines spent between two days (approved and paid claims). */
export const CostAnalysisQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional(), ...page });
export type CostAnalysisQuery = z.output<typeof CostAnalysisQuery>;
