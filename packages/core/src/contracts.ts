import { z } from 'zod';
import { isIsoDate, isMoneyString, MoneyString } from './customers.ts';
import { BigId, INT_ID_MAX, IntId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { PricedLineInput, pricedLinesOf, QtyString } from './lines.ts';
import { ListViewParam } from './lists.ts';
import { money } from './money.ts';

/**
 * Contract states (SPEC 3.3) and the transition table — data, enforced by the server and used by
 * the web to show buttons. 合同评审 (review) runs through the approval engine while in_review.
 */
export const CONTRACT_STATUSES = ['draft', 'in_review', 'approved', 'signed', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'return_to_draft',
  'sign',
  'amend',
  'complete',
  'terminate',
  'order',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** status → action → next status. An action missing here is refused with a clear error. */
export const CONTRACT_TRANSITIONS: Record<ContractStatus, Partial<Record<ContractAction, ContractStatus>>> = {
  draft: { edit: 'draft', submit: 'in_review' },
  // Approval passes → approved; rejected / returned / withdrawn → back to draft.
  in_review: { approve: 'approved', return_to_draft: 'draft' },
  approved: { sign: 'signed' },
  // Amendments (变更) are approved revisions of a signed contract; termination needs a reason.
  // A signed contract's goods are ordered in one step (分批订货: several orders, up to its quantities).
  signed: { amend: 'signed', complete: 'completed', terminate: 'terminated', order: 'signed' },
  completed: {},
  terminated: {},
};

export function nextContractStatus(status: ContractStatus, action: ContractAction): ContractStatus | null {
  return CONTRACT_TRANSITIONS[status][action] ?? null;
}

export function contractActions(status: ContractStatus): ContractAction[] {
  return Object.keys(CONTRACT_TRANSITIONS[status]) as ContractAction[];
}

/** 回款计划 item kinds: 定金, 首期款, 分期款, 尾款. */
export const PLAN_KINDS = ['deposit', 'down_payment', 'instalment', 'final'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Merge fields a contract template body may use, e.g. {{customerName}}. */
export const CONTRACT_MERGE_FIELDS = [
  'customerName',
  'contractNo',
  'amount',
  'amountInWords',
  'deliveryTerms',
  'paymentTerms',
  'qualityStandard',
  'afterSalesTerms',
  'signedDate',
] as const;
export type ContractMergeField = (typeof CONTRACT_MERGE_FIELDS)[number];

/** Replaces {{field}} placeholders; unknown placeholders are left as written, missing values become ''. */
export function renderContractBody(body: string, values: Partial<Record<ContractMergeField, string | null>>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) =>
    (CONTRACT_MERGE_FIELDS as readonly string[]).includes(key) ? (values[key as ContractMergeField] ?? '') : m,
  );
}

/** ¥100,000.00 — money for messages and print. */
export function formatYuan(v: string): string {
  const s = money(v).toFixed(2);
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

export interface PlanIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Checks a payment plan against the contract amount: the items must sum exactly to it and the due
 * dates must not go backwards (回款计划 = 合同金额). Pure; the server turns issues into a 400.
 */
export function checkPaymentPlan(
  items: { dueDate: string; amount: string }[],
  amount: string,
  field = 'paymentPlan',
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (let i = 1; i < items.length; i++) {
    if (items[i].dueDate < items[i - 1].dueDate)
      issues.push({
        field: `${field}.${i}.dueDate`,
        code: 'contract.plan.date_order',
        params: { prev: items[i - 1].dueDate },
      });
  }
  const sum = items.reduce((acc, it) => acc.plus(it.amount), money(0));
  if (!sum.eq(amount)) {
    issues.push({
      field,
      code: 'contract.plan.sum',
      params: {
        sum: formatYuan(sum.toString()),
        amount: formatYuan(amount),
        diff: formatYuan(money(amount).minus(sum).toString()),
      },
    });
  }
  return issues;
}

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const isoDate = z.string().refine(isIsoDate, dateKey);
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
// Format errors are MoneyString's; this only adds "greater than 0" for a well-formed amount.
const PositiveMoney = MoneyString.refine((v) => !isMoneyString(v) || money(v).gt(0), {
  message: 'contract.plan.amount_positive',
  params: { key: 'contract.plan.amount_positive' },
});

export const PaymentPlanItemInput = z.object({
  kind: z.enum(PLAN_KINDS),
  dueDate: isoDate,
  amount: PositiveMoney,
  note: optText(200),
});
export type PaymentPlanItemInput = z.output<typeof PaymentPlanItemInput>;

/** The editable terms of a contract (draft), shared by create, update and amendments. */
const ContractTerms = z.object({
  title: z.string().trim().min(1).max(200),
  deliveryTerms: optText(2000),
  paymentTerms: optText(2000),
  qualityStandard: optText(2000),
  afterSalesTerms: optText(2000),
  startDate: optDate,
  endDate: optDate,
  lines: pricedLinesOf(PricedLineInput, 500),
  paymentPlan: z.array(PaymentPlanItemInput).max(60).default([]),
});

/** The accepted proposal (销售提案) a contract is drafted from (SPEC 3.1 → 3.3). */
const ProposalId = BigId.nullish().transform((v) => v ?? null);

export const ContractInput = ContractTerms.extend({
  customerId: BigId,
  templateId: IntId.nullish(),
  proposalId: ProposalId,
});
export type ContractInput = z.output<typeof ContractInput>;

/** The terms 合同评审 needs (seed 003: 质量标准、交货方式、付款方式、售后服务): submission names each one missing. */
export const CONTRACT_REQUIRED_TERMS = ['paymentTerms', 'qualityStandard', 'deliveryTerms', 'afterSalesTerms'] as const;
export type ContractRequiredTerm = (typeof CONTRACT_REQUIRED_TERMS)[number];

/** The required terms left blank, in the order of CONTRACT_REQUIRED_TERMS. */
export function missingContractTerms(
  c: Record<ContractRequiredTerm, string | null | undefined>,
): ContractRequiredTerm[] {
  return CONTRACT_REQUIRED_TERMS.filter((k) => !c[k]?.trim());
}

export const ContractUpdateInput = ContractTerms.extend({
  version: Version,
  /** Absent: unchanged; null: no proposal. */
  proposalId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().optional(),
});
export type ContractUpdateInput = z.output<typeof ContractUpdateInput>;

export const ContractVersionInput = z.object({ version: Version });
export type ContractVersionInput = z.output<typeof ContractVersionInput>;

export const ContractSignInput = z.object({
  version: Version,
  signedDate: isoDate,
  ourSignatory: z.string().trim().min(1).max(50),
  customerSignatory: z.string().trim().min(1).max(50),
  scan: z.object({
    fileName: z.string().trim().min(1).max(200),
    mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
    contentBase64: z
      .string()
      .min(4)
      .max(15 * 1024 * 1024),
  }),
});
export type ContractSignInput = z.output<typeof ContractSignInput>;

/** Orders goods of a signed contract: by default everything not yet ordered, or the given line quantities. */
export const ContractOrderInput = z.object({
  version: Version,
  requestedDate: isoDate,
  warehouseId: IntId.nullish(),
  lines: z
    .array(z.object({ lineNo: z.number().int().positive().max(INT_ID_MAX), qty: QtyString }))
    .min(1)
    .max(200)
    .optional(),
});
export type ContractOrderInput = z.output<typeof ContractOrderInput>;

export const ContractTerminateInput = z.object({ version: Version, reason: z.string().trim().min(1).max(500) });
export type ContractTerminateInput = z.output<typeof ContractTerminateInput>;

/** A proposed new revision: the full new terms, with the reason for the change. */
export const AmendmentInput = ContractTerms.omit({ title: true }).extend({
  version: Version,
  reason: z.string().trim().min(1).max(500),
});
export type AmendmentInput = z.output<typeof AmendmentInput>;

export const DisputeInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(4000),
  handlerId: IntId,
});
export type DisputeInput = z.output<typeof DisputeInput>;

export const DisputeResolveInput = z.object({ version: Version, resolution: z.string().trim().min(1).max(4000) });
export type DisputeResolveInput = z.output<typeof DisputeResolveInput>;

export const ContractTemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(50000),
  qualityStandard: optText(2000),
  afterSalesTerms: optText(2000),
  active: z.boolean().default(true),
});
export type ContractTemplateInput = z.output<typeof ContractTemplateInput>;

export const ContractTemplateUpdateInput = ContractTemplateInput.extend({ version: Version });
export type ContractTemplateUpdateInput = z.output<typeof ContractTemplateUpdateInput>;

export const CONTRACT_SORTS = ['updatedAt', 'createdAt', 'endDate', 'amount', 'no'] as const;

/** Ledger filters shared by list, count and export. */
export const ContractFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  customerId: QueryBigId.optional(),
  ownerId: QueryIntId.optional(),
  /** Signed contracts ending within N days from today. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** An order of the contract is past its delivery date and not fully delivered (交付延迟). */
  deliveryLate: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** 我负责的 / 下属的 / 全部 (absent: 全部), within the data scope. */
  view: ListViewParam,
});
export type ContractFilter = z.output<typeof ContractFilter>;

export const ContractListQuery = ContractFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(CONTRACT_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ContractListQuery = z.output<typeof ContractListQuery>;

export const DisputeListQuery = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DisputeListQuery = z.output<typeof DisputeListQuery>;
