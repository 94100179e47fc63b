import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { SOURCE_CHANNELS } from './dictionaries.ts';
import { IntId, QueryIntId, VersionNo } from './ids.ts';
import { normalizePhone } from './normalize.ts';

/**
 * Front-desk registration (集客 / 来电来访登记, SPEC 2.3) and the duty roster (轮值): request
 * schemas shared by server and web.
 */
export const REGISTRATION_KINDS = ['call', 'visit'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/**
 * existing_owner: matched an owned customer (客户归属); claimed_rep: the visitor named the rep they
 * dealt with; rotation: the next rep on duty; replacement: a rep with a granted 补客户 slot first.
 */
export const ROUTE_REASONS = ['existing_owner', 'claimed_rep', 'rotation', 'replacement'] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const isoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });

export const RegistrationInput = z
  .object({
    kind: z.enum(REGISTRATION_KINDS),
    visitorName: z.string().trim().min(1).max(50),
    phone: text(30),
    companyName: text(100),
    channel: z.enum(SOURCE_CHANNELS),
    intent: text(500),
    budget: MoneyString.nullish().transform((v) => v ?? null),
    notes: text(1000),
    /** The rep the visitor says they dealt with, when the front desk could pick them. */
    repUserId: IntId.nullish().transform((v) => v ?? null),
    /** What the visitor said about the rep, as free text (e.g. "姓王的男士"). */
    repName: text(50),
    /** Needed only when several duty groups are on duty that day. */
    dutyGroupId: IntId.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    // A phone lead (来电, or a registration from the phone channel) is only worth keeping with a
    // number to call back (seed 000 电话接听制度: 留下其有效联系方式).
    if (!v.phone && (v.kind === 'call' || v.channel === 'phone'))
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'validation.phone.lead_required',
        params: { key: 'validation.phone.lead_required' },
      });
    if (v.phone && !/^\d{7,15}$/.test(normalizePhone(v.phone)))
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'validation.phone.format',
        params: { key: 'validation.phone.format' },
      });
  });
export type RegistrationInput = z.output<typeof RegistrationInput>;

export const RegistrationQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.enum(REGISTRATION_KINDS).optional(),
  channel: z.enum(SOURCE_CHANNELS).optional(),
  routeReason: z.enum(ROUTE_REASONS).optional(),
  routedToId: QueryIntId.optional(),
  /** 'flagged': market-survey visits; 'pending': flagged and no 补客户 granted yet. */
  survey: z.enum(['flagged', 'pending']).optional(),
  /** 归属冲突: 'open' awaiting the manager, 'any' every conflict (open or resolved). */
  conflict: z.enum(['open', 'any']).optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type RegistrationQuery = z.output<typeof RegistrationQuery>;

export const RegistrationStatsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export type RegistrationStatsQuery = z.output<typeof RegistrationStatsQuery>;

/** 市场调查: set only when the receiving rep and the visitor both confirm the purpose at the desk. */
export const MarketSurveyInput = z.object({
  repUserId: IntId,
  repConfirmed: z.literal(true),
  visitorConfirmed: z.literal(true),
  note: text(500),
  version: VersionNo,
});
export type MarketSurveyInput = z.output<typeof MarketSurveyInput>;

/**
 * 归属冲突 resolution by the manager: keep the customer with its owner, or reassign it to the rep
 * the visitor named. Either way the reason is recorded.
 */
export const CONFLICT_DECISIONS = ['keep', 'reassign'] as const;
export type ConflictDecision = (typeof CONFLICT_DECISIONS)[number];
export const CONFLICT_STATUSES = ['open', 'kept', 'reassigned'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export const ConflictResolveInput = z.object({
  decision: z.enum(CONFLICT_DECISIONS),
  note: z.string().trim().min(1).max(500),
  version: z.number().int().min(1),
});
export type ConflictResolveInput = z.output<typeof ConflictResolveInput>;

/** The director's 补客户 grant for a flagged market-survey visit. */
export const ReplacementGrantInput = z.object({ note: text(500) });
export type ReplacementGrantInput = z.output<typeof ReplacementGrantInput>;

export const DutyGroupInput = z.object({
  name: z.string().trim().min(1).max(60),
  deptId: IntId,
  /** Ordered: the rotation order of the group. */
  memberIds: z.array(IntId).max(100),
  active: z.boolean().default(true),
});
export type DutyGroupInput = z.output<typeof DutyGroupInput>;

export const DutyRosterInput = z.object({
  dates: z.array(isoDate).min(1).max(62),
  /** Ordered: who is on duty those days, in rotation order; an empty list clears the days. */
  members: z.array(z.object({ userId: IntId, absent: z.boolean().default(false) })).max(100),
});
export type DutyRosterInput = z.output<typeof DutyRosterInput>;

export const DateRangeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const DateQuery = z.object({ date: isoDate.optional() });
