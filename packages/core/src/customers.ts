import { z } from 'zod';
import {
  BIRTH_DATE_MIN,
  customerAttributeFields,
  customerAttributeFilters,
  SavedFilterName,
} from './customer-attributes.ts';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TYPES,
  INDUSTRIES,
  REGIONS,
  SOURCE_CHANNELS,
} from './dictionaries.ts';
import { BigId, IntId, QueryIntId } from './ids.ts';
import { ListViewParam } from './lists.ts';
import { normalizePhone, toHalfWidth } from './normalize.ts';
import { validateCreditCode } from './validators/credit-code.ts';
import { validateIdNumber } from './validators/id-number.ts';
import { validateMobile } from './validators/mobile.ts';

/** Optional text: trimmed, empty string becomes null. */
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A custom issue whose message is an i18n key (the server localises it). */
function issue(ctx: z.RefinementCtx, path: string, key: string) {
  ctx.addIssue({ code: 'custom', path: [path], message: key, params: { key } });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A value shown masked (e.g. 138****5678) and sent back unchanged by a form. */
export const isMaskedValue = (v: string | null | undefined): boolean => !!v && v.includes('*');

export const CustomerInput = z
  .object({
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string().trim().min(1).max(100),
    creditCode: optText(30),
    idNumber: optText(30),
    mobile: optText(30),
    phone: optText(30),
    email: optText(100),
    address: optText(200),
    region: z
      .enum(REGIONS)
      .nullish()
      .transform((v) => v ?? null),
    industry: z
      .enum(INDUSTRIES)
      .nullish()
      .transform((v) => v ?? null),
    source: z
      .enum(SOURCE_CHANNELS)
      .nullish()
      .transform((v) => v ?? null),
    class: z
      .enum(CUSTOMER_CLASSES)
      .nullish()
      .transform((v) => v ?? null),
    tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
    remark: optText(1000),
    ownerId: IntId.nullish().transform((v) => v ?? null),
    ...customerAttributeFields,
  })
  .superRefine((v, ctx) => {
    // SPEC 1.12: Chinese identifiers are checked with their check characters.
    if (v.creditCode) {
      const r = validateCreditCode(v.creditCode);
      if (!r.ok) issue(ctx, 'creditCode', `validation.creditCode.${r.reason}`);
      else v.creditCode = r.value;
    }
    // Masked values are resolved against the stored ones by the server (kept only if unchanged).
    if (v.idNumber && !isMaskedValue(v.idNumber)) {
      const r = validateIdNumber(v.idNumber);
      if (!r.ok) issue(ctx, 'idNumber', `validation.idNumber.${r.reason}`);
      else v.idNumber = r.value;
    }
    if (v.mobile && !isMaskedValue(v.mobile)) {
      const r = validateMobile(v.mobile);
      if (!r.ok) issue(ctx, 'mobile', 'validation.mobile.format');
      else v.mobile = r.value;
    }
    if (v.phone && !isMaskedValue(v.phone) && !/^\d{7,15}$/.test(normalizePhone(v.phone)))
      issue(ctx, 'phone', 'validation.phone.format');
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(toHalfWidth(v.email))) issue(ctx, 'email', 'validation.email');
    // Birth date: a real date from 1900 on; "not in the future" needs the company's today (server).
    if (v.birthDate && !isMaskedValue(v.birthDate)) {
      if (!isIsoDate(v.birthDate)) issue(ctx, 'birthDate', 'validation.date');
      else if (v.birthDate < BIRTH_DATE_MIN) issue(ctx, 'birthDate', 'validation.birthDate.too_early');
    }
    // A phone lead (source 来电) needs a number to call back (seed 000: 留下其有效联系方式).
    if (v.source === 'phone' && !v.mobile && !v.phone) issue(ctx, 'mobile', 'validation.phone.lead_required');
  });
export type CustomerInput = z.output<typeof CustomerInput>;

/** Why a record was edited (SPEC 1.3: the audit trail records why): optional, kept on the audit row. */
export const EditComment = z.object({ comment: optText(500) });
export type EditComment = z.output<typeof EditComment>;

export const CONTACT_FIELDS = ['name', 'title', 'mobile', 'email', 'wechat', 'isPrimary', 'remark'] as const;
export const ContactInput = z
  .object({
    name: z.string().trim().min(1).max(50),
    title: optText(50),
    mobile: optText(30),
    email: optText(100),
    wechat: optText(50),
    isPrimary: z.boolean().default(false),
    remark: optText(500),
  })
  .superRefine((v, ctx) => {
    if (v.mobile) {
      const r = validateMobile(v.mobile);
      if (!r.ok) issue(ctx, 'mobile', 'validation.mobile.format');
      else v.mobile = r.value;
    }
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) issue(ctx, 'email', 'validation.email');
  });
export type ContactInput = z.output<typeof ContactInput>;

export const FollowUpLocation = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** metres, as the browser reports it */
  accuracy: z
    .number()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => (v == null ? null : Math.round(v))),
});

export const FollowUpInput = z
  .object({
    type: z.enum(FOLLOW_UP_TYPES),
    content: z.string().trim().min(1).max(2000),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    contactId: BigId.nullish().transform((v) => v ?? null),
    nextAction: optText(200),
    nextActionDate: z
      .string()
      .nullish()
      .transform((v) => v || null),
    // Where the rep was when recording a visit (the browser's position, WGS-84), if he shared it.
    location: FollowUpLocation.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.nextActionDate && !isIsoDate(v.nextActionDate)) issue(ctx, 'nextActionDate', 'validation.date');
  });
export type FollowUpInput = z.output<typeof FollowUpInput>;

export const CUSTOMER_SORTS = ['updatedAt', 'createdAt', 'name', 'no'] as const;

export const CustomerListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(50).optional(),
  ownerId: QueryIntId.optional(),
  deptId: QueryIntId.optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  region: z.enum(REGIONS).optional(),
  source: z.enum(SOURCE_CHANNELS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  tag: z.string().trim().max(20).optional(),
  createdFrom: z
    .string()
    .refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } })
    .optional(),
  createdTo: z
    .string()
    .refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } })
    .optional(),
  ...customerAttributeFilters,
  /** 已归档: only the archived ones (deleted within the retention period), for those who may delete. */
  archived: z.stringbool().optional(),
  /** 我负责的 / 下属的 / 全部 (absent: 全部), within the data scope. */
  view: ListViewParam,
  sort: z.enum(CUSTOMER_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CustomerListQuery = z.output<typeof CustomerListQuery>;

/**
 * The filter part of the customer list query. A saved filter stores it in its query-string form
 * (string values, as the list URL carries them) and is parsed with this schema on save and on use.
 */
export const CustomerFilterQuery = CustomerListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
/** A customer filter as the list URL carries it (what a saved filter stores). */
export const CustomerFilterParams = z.record(z.string().max(30), z.string().max(500));
export type CustomerFilterParams = z.infer<typeof CustomerFilterParams>;

export const SavedCustomerFilterInput = z.object({
  name: SavedFilterName,
  /** Shared with the owner's department (read-only for the others), or private. */
  shared: z.boolean().default(false),
  filter: CustomerFilterParams,
});
export type SavedCustomerFilterInput = z.output<typeof SavedCustomerFilterInput>;

export const SavedCustomerFilterUpdate = z.object({ name: SavedFilterName, shared: z.boolean() });
export type SavedCustomerFilterUpdate = z.output<typeof SavedCustomerFilterUpdate>;

export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

/** The money format: 16 integer digits and 2 decimals fit a numeric(18,2) column; ASCII digits only. */
export const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

/** True for a well-formed amount. Refinements after MoneyString compute only on these. */
export const isMoneyString = (v: unknown): v is string => typeof v === 'string' && MONEY_PATTERN.test(v);

/**
 * Money on the wire: a decimal string with at most 2 places (never a float); every money field
 * uses this schema. A malformed amount ('abc', '１２３', '') is refused with validation.money; the
 * other fields are still checked, so a check chained after it must guard with isMoneyString.
 */
export const MoneyString = z
  .string()
  .trim()
  .refine((v) => MONEY_PATTERN.test(v), {
    message: 'validation.money',
    params: { key: 'validation.money' },
  });

export const CreditRequestInput = z.object({
  rating: z.enum(CREDIT_RATINGS),
  creditLimit: MoneyString,
  paymentTermsDays: z.number().int().min(0).max(365),
  reason: z.string().trim().min(1).max(500),
});
export type CreditRequestInput = z.output<typeof CreditRequestInput>;
