import { z } from 'zod';
import { CUSTOMER_CLASSES, CUSTOMER_KINDS, INDUSTRIES, REGIONS, SOURCE_CHANNELS } from './dictionaries.ts';
import { IntId, QueryIntId, VersionNo } from './ids.ts';

/**
 * Public pool (公海, SPEC 2.4): request schemas shared by server and web.
 * How a customer left its owner: released by the owner, reclaimed automatically, or moved off the
 * owner by a manager.
 */
export const POOL_LEAVE_HOWS = ['release', 'reclaim', 'transfer'] as const;
export type PoolLeaveHow = (typeof POOL_LEAVE_HOWS)[number];

/** Why the reclaim sweep took a customer back: no follow-up for N days, or no deal for M days. */
export const POOL_RECLAIM_REASONS = ['no_follow_up', 'no_deal'] as const;
export type PoolReclaimReason = (typeof POOL_RECLAIM_REASONS)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const PoolInput = z.object({
  name: z.string().trim().min(1).max(60),
  description: text(500),
  memberDeptIds: z.array(IntId).min(1).max(100),
});
export type PoolInput = z.output<typeof PoolInput>;

export const POOL_SORTS = ['poolEnteredAt', 'createdAt', 'name'] as const;

export const PoolCustomerQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  poolId: QueryIntId.optional(),
  keyword: z.string().trim().max(50).optional(),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  region: z.enum(REGIONS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  source: z.enum(SOURCE_CHANNELS).optional(),
  sort: z.enum(POOL_SORTS).default('poolEnteredAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type PoolCustomerQuery = z.output<typeof PoolCustomerQuery>;

const reason = z.string().trim().min(1).max(500);
const version = VersionNo;

/** Release an owned customer to a pool (default: its home pool). */
export const PoolReleaseInput = z.object({
  reason,
  poolId: IntId.nullish().transform((v) => v ?? null),
  version,
});
export type PoolReleaseInput = z.output<typeof PoolReleaseInput>;

export const PoolMoveInput = z.object({ toPoolId: IntId, reason, version });
export type PoolMoveInput = z.output<typeof PoolMoveInput>;

export const PoolAssignInput = z.object({ toUserId: IntId, reason, version });
export type PoolAssignInput = z.output<typeof PoolAssignInput>;

export const CustomerLockInput = z.object({ version });
export type CustomerLockInput = z.output<typeof CustomerLockInput>;
