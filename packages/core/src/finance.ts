import { z } from 'zod';
import { isIsoDate, isMoneyString, MoneyString } from './customers.ts';
import { BigId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { PercentString, pricedLinesOf, QtyString, TaxRateString } from './lines.ts';
import { money, toMoneyString } from './money.ts';

/**
 * Payments, invoices and receivables (SPEC 3.6). States and transitions are data, enforced by the
 * server and used by the web to show buttons.
 */

// ── Payments (收款) ─────────────────────────────────────────────────────────────────────────────
export const PAYMENT_KINDS = ['deposit', 'down_payment', 'instalment', 'full'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_METHODS = ['transfer', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = [
  'reported',
  'confirmed',
  'pending_clearance',
  'cleared',
  'bounced',
  'rejected',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_ACTIONS = ['confirm', 'clear', 'bounce', 'reject'] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];

/**
 * status → action → next status. A rep's report waits for finance's 核准 (seed 002); a cheque counts
 * only once the money is on the company's account (支票须款到帐户后方可算数, retail seed 6.5), so
 * confirming a cheque parks it in pending_clearance. Confirmed and cleared are final.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, Partial<Record<PaymentAction, PaymentStatus>>> = {
  reported: { confirm: 'confirmed', reject: 'rejected' },
  pending_clearance: { clear: 'cleared', bounce: 'bounced' },
  confirmed: {},
  cleared: {},
  bounced: {},
  rejected: {},
};

/** Statuses whose amount counts as received. */
export const COUNTED_PAYMENT_STATUSES = ['confirmed', 'cleared'] as const satisfies readonly PaymentStatus[];

/** The status a payment moves to, or null when the action is not allowed; a confirmed cheque waits for clearance. */
export function nextPaymentStatus(
  status: PaymentStatus,
  action: PaymentAction,
  method: PaymentMethod,
): PaymentStatus | null {
  const next = PAYMENT_TRANSITIONS[status][action] ?? null;
  if (next === 'confirmed' && method === 'cheque') return 'pending_clearance';
  return next;
}

export function paymentActions(status: PaymentStatus): PaymentAction[] {
  return Object.keys(PAYMENT_TRANSITIONS[status]) as PaymentAction[];
}

// ── Invoices (发票) ─────────────────────────────────────────────────────────────────────────────
export const INVOICE_KINDS = ['vat_special', 'vat_normal'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_STATUSES = ['issued', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_ACTIONS = ['void'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

/** An issued invoice is never edited: it can only be voided (作废) and a new one issued (seed: 发票写错不能涂改). */
export const INVOICE_TRANSITIONS: Record<InvoiceStatus, Partial<Record<InvoiceAction, InvoiceStatus>>> = {
  issued: { void: 'void' },
  void: {},
};

export function nextInvoiceStatus(status: InvoiceStatus, action: InvoiceAction): InvoiceStatus | null {
  return INVOICE_TRANSITIONS[status][action] ?? null;
}

// ── Receivables (应收) ──────────────────────────────────────────────────────────────────────────
export const AGING_BUCKETS = ['notDue', 'd1_30', 'd31_60', 'd61_90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Aging bucket of an amount `daysOverdue` days past its due date (≤ 0: not yet due). */
export function agingBucket(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'notDue';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'over90';
}

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface AllocInvoice {
  id: number;
  dueDate: string;
  gross: string;
}

/**
 * Applies a document's credits (counted payments + written-off amounts) to its invoices first in,
 * first out by due date (then id). Returns each invoice's applied and outstanding amounts and the
 * credit left unapplied (a prepayment larger than what is invoiced so far).
 */
export function allocateFifo(invoices: AllocInvoice[], credit: string) {
  let left = money(credit);
  const sorted = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  const rows = sorted.map((inv) => {
    const gross = money(inv.gross);
    const applied = left.gt(gross) ? gross : left.gt(0) ? left : money(0);
    left = left.minus(applied);
    return {
      id: inv.id,
      dueDate: inv.dueDate,
      gross: toMoneyString(gross),
      applied: toMoneyString(applied),
      outstanding: toMoneyString(gross.minus(applied)),
    };
  });
  return { rows, unapplied: toMoneyString(left.gt(0) ? left : 0) };
}

/**
 * The change to hand back at the counter (唱收唱找, retail seed 5.2.6): tendered − amount due, exact
 * decimal; null when less was tendered than is due (or either is not a well-formed amount).
 */
const isAmount = (v: string) => /^\d{1,16}(\.\d{1,2})?$/.test(v.trim());

export function changeDue(amount: string, tendered: string): string | null {
  if (!isAmount(amount) || !isAmount(tendered)) return null;
  const change = money(tendered).minus(amount);
  return change.lt(0) ? null : toMoneyString(change);
}

// ── Request schemas ─────────────────────────────────────────────────────────────────────────────
const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const dateQuery = IsoDate.optional();
const Version = VersionNo;
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const positive = { message: 'validation.positive_amount', params: { key: 'validation.positive_amount' } };
const PositiveMoney = MoneyString.refine((v) => !isMoneyString(v) || money(v).gt(0), positive);

/** A payment against exactly one order or contract (optionally one of the contract's plan items). */
export const PaymentInput = z
  .object({
    orderId: BigId.optional(),
    contractId: BigId.optional(),
    planItemId: BigId.optional(),
    kind: z.enum(PAYMENT_KINDS),
    method: z.enum(PAYMENT_METHODS),
    chequeNo: optText(50),
    amount: PositiveMoney,
    receivedDate: IsoDate,
    payerName: z.string().trim().min(1).max(100),
    remark: optText(500),
    /** Cash handed over at the counter (唱收); the change is tendered − amount (唱找). */
    tendered: MoneyString.optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, key: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: key, params: { key } });
    if ((v.orderId === undefined) === (v.contractId === undefined)) issue('orderId', 'payment.target_required');
    if (v.tendered !== undefined && v.method !== 'cash') issue('tendered', 'payment.tendered_cash_only');
    // Format errors are MoneyString's; this only adds "not enough" for two well-formed amounts.
    if (
      v.tendered !== undefined &&
      isAmount(v.amount) &&
      isAmount(v.tendered) &&
      changeDue(v.amount, v.tendered) === null
    )
      issue('tendered', 'payment.tendered_short');
    if (v.planItemId !== undefined && v.contractId === undefined)
      issue('planItemId', 'payment.plan_item_needs_contract');
    if (v.method === 'cheque' && !v.chequeNo) issue('chequeNo', 'payment.cheque_no_required');
  });
export type PaymentInput = z.output<typeof PaymentInput>;

export const PaymentActionInput = z.object({ version: Version, comment: optText(500) });
export type PaymentActionInput = z.output<typeof PaymentActionInput>;
export const PaymentRejectInput = z.object({ version: Version, reason: z.string().trim().min(1).max(500) });
export type PaymentRejectInput = z.output<typeof PaymentRejectInput>;

export const PaymentFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  kind: z.enum(PAYMENT_KINDS).optional(),
  customerId: QueryBigId.optional(),
  orderId: QueryBigId.optional(),
  contractId: QueryBigId.optional(),
  from: dateQuery,
  to: dateQuery,
});
export type PaymentFilter = z.output<typeof PaymentFilter>;
export const PaymentListQuery = PaymentFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PaymentListQuery = z.output<typeof PaymentListQuery>;

/** An invoice line as the issuer gives it (prices exclude VAT, as on a 增值税发票). */
export const InvoiceLineInput = z.object({
  productId: BigId.optional(),
  description: z.string().trim().min(1).max(200),
  spec: optText(100),
  unit: z.string().trim().min(1).max(20),
  qty: QtyString,
  unitPrice: MoneyString,
  discountPercent: PercentString.default('0'),
  taxRate: TaxRateString,
});
export type InvoiceLineInput = z.output<typeof InvoiceLineInput>;

const invoiceFields = {
  kind: z.enum(INVOICE_KINDS),
  externalNo: z.string().trim().min(1).max(40),
  /** Omitted: the order's lines. */
  lines: pricedLinesOf(InvoiceLineInput, 200).optional(),
  issueDate: IsoDate.optional(),
  isLate: z.boolean().default(false),
  buyerName: optText(200),
  buyerTaxNo: optText(40),
  /** 顾客名称及地址处填写顾客全名及联系电话: omitted, the customer's phone (or mobile). */
  buyerPhone: optText(40),
  issuerName: optText(50),
  payeeName: optText(50),
  /** When given, must agree with the capitals of the computed total (金额大小写必须一致). */
  amountInWords: optText(100),
};

export const InvoiceInput = z
  .object({ orderId: BigId.optional(), contractId: BigId.optional(), ...invoiceFields })
  .superRefine((v, ctx) => {
    if ((v.orderId === undefined) === (v.contractId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['orderId'],
        message: 'invoice.target_required',
        params: { key: 'invoice.target_required' },
      });
  });
export type InvoiceInput = z.output<typeof InvoiceInput>;

/** Reissue (重开) of a voided invoice: same order/contract, new number and content. */
export const InvoiceReissueInput = z.object(invoiceFields);
export type InvoiceReissueInput = z.output<typeof InvoiceReissueInput>;

export const InvoiceVoidInput = z.object({ version: Version, reason: z.string().trim().min(1).max(500) });
export type InvoiceVoidInput = z.output<typeof InvoiceVoidInput>;

export const InvoiceFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  customerId: QueryBigId.optional(),
  orderId: QueryBigId.optional(),
  contractId: QueryBigId.optional(),
  from: dateQuery,
  to: dateQuery,
});
export type InvoiceFilter = z.output<typeof InvoiceFilter>;
export const InvoiceListQuery = InvoiceFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InvoiceListQuery = z.output<typeof InvoiceListQuery>;

/** Aging and arrears are paged (50 rows by default); the xlsx export ignores the page and streams every row. */
export const ReceivablesQuery = z.object({
  asOf: dateQuery,
  customerId: QueryBigId.optional(),
  ownerId: QueryIntId.optional(),
  keyword: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReceivablesQuery = z.output<typeof ReceivablesQuery>;

/** Omitted: from the first day of the current year to today. */
export const StatementQuery = z.object({ from: dateQuery, to: dateQuery });
export type StatementQuery = z.output<typeof StatementQuery>;

export const WRITE_OFF_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type WriteOffStatus = (typeof WRITE_OFF_STATUSES)[number];
export const WriteOffInput = z.object({
  orderId: BigId,
  amount: PositiveMoney,
  reason: z.string().trim().min(1).max(500),
});
export type WriteOffInput = z.output<typeof WriteOffInput>;
export const WriteOffListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(WRITE_OFF_STATUSES).optional(),
  customerId: QueryBigId.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type WriteOffListQuery = z.output<typeof WriteOffListQuery>;
