import { z } from 'zod';
import { CustomerListQuery, isIsoDate, MoneyString } from './customers.ts';
import { BigId, IntId, VersionNo } from './ids.ts';

/**
 * Conference marketing (会销, SPEC 2.7; seed 001 客户邀约管理 / 会议营销现场管理): an event plan approved
 * through the approval engine, an invitation plan (customers, rep, method, script), invitation
 * results, the day-before confirmation, check-in, deals attributed to the event and its report.
 */
export const EVENT_STATUSES = ['draft', 'submitted', 'approved', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

// Seed 001 邀约流程: 电话、短信、郵件 (+ WeChat, the usual channel today).
export const INVITE_METHODS = ['phone', 'sms', 'email', 'wechat'] as const;
export type InviteMethod = (typeof INVITE_METHODS)[number];

export const INVITE_RESULTS = ['pending', 'accepted', 'declined', 'undecided'] as const;
export type InviteResult = (typeof INVITE_RESULTS)[number];

// Seed 001 邀约流程 4: 询问客户拒绝理由，总结分析原因 — a fixed list, so the analysis can count them.
export const DECLINE_REASONS = ['schedule', 'distance', 'no_interest', 'no_budget', 'competitor', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const BUDGET_CATEGORIES = [
  'venue',
  'catering',
  'gifts',
  'materials',
  'speakers',
  'promotion',
  'travel',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** Merge fields of an invitation script (seed 001 邀约话术示例). */
export const MERGE_FIELDS = ['客户姓名', '公司名称', '产品/服务主题', '时间', '地点', '你的姓名'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

// The seed's own script is written in traditional characters ([客戶姓名], [公司名稱] …): both spellings work.
const TRADITIONAL: Record<string, MergeField> = {
  客戶姓名: '客户姓名',
  公司名稱: '公司名称',
  '產品/服務主題': '产品/服务主题',
  時間: '时间',
  地點: '地点',
};

/** A merge field with no value renders as this marker, so nobody reads a script with a hole aloud. */
export const missingMarker = (field: string) => `【缺:${field}】`;

/**
 * Renders a script: every known [field] is replaced by its value; a known field without a value
 * renders as the visible missing marker and is listed in `missing` (the preview flags it).
 * Unknown brackets are left as written.
 */
export function renderScript(template: string, values: Partial<Record<MergeField, string | null>>) {
  const missing: MergeField[] = [];
  const text = template.replace(/\[([^\]]+)\]/g, (whole, name: string) => {
    const field = TRADITIONAL[name] ?? name;
    if (!(MERGE_FIELDS as readonly string[]).includes(field)) return whole;
    const v = values[field as MergeField]?.trim();
    if (v) return v;
    if (!missing.includes(field as MergeField)) missing.push(field as MergeField);
    return missingMarker(field);
  });
  return { text, missing };
}

const optText = (max: number) => z.string().trim().max(max).nullish();
const DateTime = z.iso.datetime({ offset: true });

export const BudgetLineInput = z.object({
  category: z.enum(BUDGET_CATEGORIES),
  budget: MoneyString,
  actual: MoneyString.default('0'),
  note: optText(200),
});

export const EventInput = z.object({
  theme: z.string().trim().min(1).max(200),
  agenda: optText(4000),
  speakers: optText(1000),
  venue: optText(300),
  startsAt: DateTime,
  endsAt: DateTime,
  capacity: z.number().int().min(1).max(100_000),
  materials: optText(2000),
  giftProductId: BigId.nullish(),
  giftWarehouseId: IntId.nullish(),
  responsibleIds: z.array(IntId).max(20).default([]),
  script: optText(4000),
  budget: z.array(BudgetLineInput).max(50).default([]),
});
export type EventInput = z.output<typeof EventInput>;
export const EventUpdateInput = EventInput.extend({ version: VersionNo });
export type EventUpdateInput = z.output<typeof EventUpdateInput>;

export const EventListQuery = z.object({
  status: z.enum(EVENT_STATUSES).optional(),
  from: z
    .string()
    .refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } })
    .optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type EventListQuery = z.output<typeof EventListQuery>;

/**
 * The customers of the invitation plan: a saved customer filter and/or a customer-list filter (its
 * fields override the saved one's; always within the data scope) and/or ids.
 */
export const InviteInput = z.object({
  savedFilterId: BigId.optional(),
  filter: CustomerListQuery.omit({ page: true, pageSize: true, sort: true, order: true }).partial().optional(),
  customerIds: z.array(BigId).max(2000).optional(),
  method: z.enum(INVITE_METHODS).default('phone'),
  // Absent: each customer's owner invites them.
  repId: IntId.optional(),
});
export type InviteInput = z.output<typeof InviteInput>;

export const InvitationListQuery = z.object({
  result: z.enum(INVITE_RESULTS).optional(),
  keyword: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InvitationListQuery = z.output<typeof InvitationListQuery>;

export const InvitationResultInput = z.object({
  result: z.enum(['accepted', 'declined', 'undecided']),
  reason: z.enum(DECLINE_REASONS).nullish(),
  reasonNote: optText(500),
  method: z.enum(INVITE_METHODS).optional(),
  version: VersionNo,
});
export type InvitationResultInput = z.output<typeof InvitationResultInput>;

export const CheckInInput = z.object({
  seat: optText(20),
  giveGift: z.boolean().default(false),
});
export type CheckInInput = z.output<typeof CheckInInput>;

export const CheckInSearchQuery = z.object({ keyword: z.string().trim().min(1).max(50) });
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const WalkInInput = z.object({
  customerId: BigId.optional(),
  // A new customer (person) registered at the door: name and mobile.
  name: z.string().trim().min(1).max(100).optional(),
  mobile: z.string().trim().max(20).optional(),
  seat: optText(20),
  giveGift: z.boolean().default(false),
});
export type WalkInInput = z.output<typeof WalkInInput>;

export const AttributeOrderInput = z.object({ orderId: BigId });

/**
 * An event's funnel and money (SPEC 2.7 event report), as the server computes them in SQL and the
 * list and report pages show them. Money as strings; cost per attendee and ROI null when undefined.
 */
export interface EventFunnelFigures {
  invited: number;
  accepted: number;
  declined: number;
  undecided: number;
  pending: number;
  confirmed: number;
  attended: number;
  walkIns: number;
  giftsGiven: number;
  deals: number;
  revenue: string;
  budget: string;
  cost: string;
  costPerAttendee: string | null;
  roi: string | null;
}
