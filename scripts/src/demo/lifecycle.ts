/**
 * What happened to the demo customers after they were created (pure; no database): some went
 * back to a public pool (released by their rep with a reason, moved there by a manager, or
 * reclaimed by the sweep), a few were claimed back from the pool by another rep, rep1 locked two
 * key accounts, and most have a recent deal. Ownership and deal dates are chosen so that the
 * reclaim sweep on the first start warns about a handful of customers, not dozens.
 */

import type { CustomerPlan } from './customers.ts';
import { addDays, DAY, HOUR, officeTime, type Rng, shanghaiDate } from './rng.ts';

export type PoolKey = 'default' | 'east';

export type FateEvent =
  | {
      type: 'leave';
      how: 'release' | 'reclaim' | 'transfer';
      at: Date;
      userId: number;
      deptId: number;
      pool: PoolKey;
      /** Free text for release/transfer; 'no_follow_up' | 'no_deal' for the sweep. */
      reason: string;
      actorId: number | null;
      /** When the sweep warned the owner (reclaims only). */
      warnedAt: Date | null;
    }
  | { type: 'claim'; at: Date; userId: number; deptId: number; pool: PoolKey }
  | { type: 'lock'; at: Date; userId: number };

export interface CustomerFate {
  ownerId: number | null;
  ownerDeptId: number | null;
  /** The pool it sits in (owner null) or its home pool (owned, after a claim). */
  pool: PoolKey | null;
  poolEnteredAt: Date | null;
  assignedAt: Date;
  lastDealAt: Date | null;
  lockedAt: Date | null;
  lockedBy: number | null;
  events: FateEvent[];
  nearReclaim: boolean;
}

export interface LifecycleUsers {
  /** user id → department id */
  deptOf: Map<number, number>;
  reps: number[];
  rep1: number;
  sales2DeptId: number;
  /** department id → its head (who moves customers to the pool for the team). */
  headOf: Map<number, number>;
  /** When 华东区域公海 was set up: reclaims of 销售二部 customers go there from then on. */
  eastCreatedAt: Date;
}

/** The pool reclaim policies' defaults (platform/policies/registry.ts). */
const NO_FOLLOW_UP_DAYS = 30;
const NO_DEAL_DAYS = 90;
const WARNING_DAYS = 3;
// Two of the default pool's customers walk in at the front desk later and are assigned again.
const TARGET_DEFAULT = 27;
const TARGET_EAST = 5;

const RELEASE_REASONS = [
  '客户暂无采购计划',
  '客户暂无采购计划',
  '客户暂无采购计划，明年预算下达后再联系',
  '客户已选择其他供应商',
  '预算冻结，项目暂停',
  '联系人离职，暂无对接人',
  '客户需求与我司产品不匹配',
  '多次联系无回应',
  '客户经营困难，暂停合作',
];
const TRANSFER_REASONS = ['区域调整：该客户划归华东区域公海统一跟进', '客户已由集团总部统一采购，本部门暂无跟进价值'];

const lastFollowUp = (p: CustomerPlan) => p.followUps.at(-1) ?? null;

/** The next hourly sweep run at minute `minute` at or after an instant. */
function sweepRun(at: Date, minute: number): Date {
  const d = new Date(at);
  d.setUTCMinutes(minute, 0, 0);
  if (d < at) d.setUTCHours(d.getUTCHours() + 1);
  return d;
}

function between(rng: Rng, from: number, to: number): Date {
  return new Date(from + rng.next() * (to - from));
}

export function planLifecycle(rng: Rng, plans: CustomerPlan[], users: LifecycleUsers, now: Date): CustomerFate[] {
  const t = now.getTime();
  const today = shanghaiDate(now);
  const fates: CustomerFate[] = plans.map((p) => ({
    ownerId: p.ownerId,
    ownerDeptId: p.ownerDeptId,
    pool: null,
    poolEnteredAt: null,
    assignedAt: p.createdAt,
    lastDealAt: null,
    lockedAt: null,
    lockedBy: null,
    events: [],
    nearReclaim: false,
  }));
  const used = new Set<number>();
  const count: Record<PoolKey, number> = { default: 0, east: 0 };
  const homePool = (deptId: number, at: Date): PoolKey =>
    deptId === users.sales2DeptId && at >= users.eastCreatedAt ? 'east' : 'default';

  const leave = (i: number, e: Extract<FateEvent, { type: 'leave' }>) => {
    const f = fates[i];
    f.events.push(e);
    f.ownerId = null;
    f.ownerDeptId = null;
    f.pool = e.pool;
    f.poolEnteredAt = e.at;
    used.add(i);
    count[e.pool] += 1;
  };
  /** The sweep's view of a reclaim due at `due`: warned at the next :00 run K days before, taken at the next :30 run after. */
  const reclaim = (i: number, due: Date, reason: 'no_follow_up' | 'no_deal') => {
    const p = plans[i];
    const warnedAt = sweepRun(new Date(due.getTime() - WARNING_DAYS * DAY), 0);
    const at = sweepRun(new Date(Math.max(due.getTime(), warnedAt.getTime() + WARNING_DAYS * DAY)), 30);
    leave(i, {
      type: 'leave',
      how: 'reclaim',
      at,
      userId: p.ownerId,
      deptId: p.ownerDeptId,
      pool: homePool(p.ownerDeptId, at),
      reason,
      actorId: null,
      warnedAt,
    });
    return at;
  };

  // 1. rep1 locks two key accounts with a long purchase cycle (no deal for months: only the lock keeps them).
  const lockable = plans
    .map((p, i) => ({ p, i }))
    .filter(
      ({ p }) =>
        p.ownerId === users.rep1 &&
        p.kind === 'company' &&
        (p.class === 'KEY' || p.class === 'A') &&
        p.followUps.length > 0 &&
        p.createdAt.getTime() < t - 150 * DAY,
    );
  for (const { i } of rng.sample(lockable, 2)) {
    const f = fates[i];
    f.lockedAt = officeTime(addDays(today, -rng.int(8, 60)), rng);
    f.lockedBy = users.rep1;
    f.events.push({ type: 'lock', at: f.lockedAt, userId: users.rep1 });
    used.add(i);
  }

  // 2. Customers nobody ever followed up: the sweep reclaimed most of them 30 days after creation.
  const silent = rng.sample(
    plans
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !used.has(i) && p.followUps.length === 0 && p.createdAt.getTime() < t - 31 * DAY),
    plans.length,
  );
  silent.forEach(({ p, i }, k) => {
    if (k < 2) {
      // Left with their owner: due at once, so the first sweep warns about them.
      fates[i].nearReclaim = true;
      used.add(i);
      return;
    }
    const at = reclaim(i, new Date(p.createdAt.getTime() + NO_FOLLOW_UP_DAYS * DAY), 'no_follow_up');
    if (k < 5) {
      // …and another rep claimed it back recently.
      const pool = fates[i].pool as PoolKey;
      const claimers = users.reps.filter(
        (r) => r !== p.ownerId && (pool === 'default' || users.deptOf.get(r) === users.sales2DeptId),
      );
      const userId = rng.pick(claimers);
      const deptId = users.deptOf.get(userId) as number;
      const claimAt = new Date(
        Math.max(at.getTime() + DAY, officeTime(addDays(today, -rng.int(3, 20)), rng).getTime()),
      );
      if (claimAt.getTime() > t - HOUR) return;
      const f = fates[i];
      f.events.push({ type: 'claim', at: claimAt, userId, deptId, pool });
      f.ownerId = userId;
      f.ownerDeptId = deptId;
      f.poolEnteredAt = null;
      f.assignedAt = claimAt;
      count[pool] -= 1;
    }
  });

  // 3. Customers whose last conversation was negative: released by their rep, a few reclaimed for no deal.
  const endedBadly = (wanted: (f: CustomerPlan['followUps'][number]) => boolean) =>
    rng.sample(
      plans
        .map((p, i) => ({ p, i }))
        .filter(({ p, i }) => {
          const last = lastFollowUp(p);
          return !used.has(i) && last !== null && wanted(last) && last.createdAt.getTime() < t - 2 * DAY;
        }),
      plans.length,
    );
  // First those the rep gave up on (no next action), then those that stopped answering.
  const negative = [
    ...endedBadly((f) => f.outcome === 'negative' && f.nextActionDate === null),
    ...endedBadly((f) => f.outcome === 'no_answer' || (f.outcome === 'negative' && f.nextActionDate !== null)),
  ];
  let noDeal = 0;
  let transfers = 0;
  for (const { p, i } of negative) {
    if (count.default >= TARGET_DEFAULT && count.east >= TARGET_EAST) break;
    const last = lastFollowUp(p);
    if (!last) continue;
    const after = last.createdAt.getTime();
    if (noDeal < 2 && p.createdAt.getTime() < after - 120 * DAY) {
      // The last deal was 90 days before the reclaim; the rep's follow-ups did not reset that clock.
      const due = sweepRun(between(rng, after + 6 * HOUR, Math.min(after + 3 * DAY, t - 2 * HOUR)), 0);
      const pool = homePool(p.ownerDeptId, due);
      if (count[pool] >= (pool === 'east' ? TARGET_EAST : TARGET_DEFAULT)) continue;
      fates[i].lastDealAt = new Date(due.getTime() - NO_DEAL_DAYS * DAY);
      if (reclaim(i, due, 'no_deal').getTime() <= t) {
        noDeal += 1;
        continue;
      }
      // Not yet taken: undo (it stays owned and is handled below).
      const f = fates[i];
      const e = f.events.pop() as FateEvent;
      if (e.type === 'leave') count[e.pool] -= 1;
      Object.assign(f, {
        ownerId: p.ownerId,
        ownerDeptId: p.ownerDeptId,
        pool: null,
        poolEnteredAt: null,
        lastDealAt: null,
      });
      used.delete(i);
      continue;
    }
    const at = between(rng, after + HOUR, Math.min(after + 4 * DAY, t - HOUR));
    const inSales2 = p.ownerDeptId === users.sales2DeptId;
    const head = users.headOf.get(p.ownerDeptId);
    const byManager =
      transfers < 2 && p.kind === 'company' && head !== undefined && head !== p.ownerId && rng.chance(0.3);
    // 销售二部's reps release to their own pool until it has a few, then to the company's pool.
    const pool: PoolKey = inSales2 && count.east < TARGET_EAST ? 'east' : 'default';
    if (count[pool] >= (pool === 'east' ? TARGET_EAST : TARGET_DEFAULT)) continue;
    if (byManager) transfers += 1;
    leave(i, {
      type: 'leave',
      how: byManager ? 'transfer' : 'release',
      at,
      userId: p.ownerId,
      deptId: p.ownerDeptId,
      pool,
      reason: byManager
        ? TRANSFER_REASONS[pool === 'east' ? 0 : 1]
        : last.outcome === 'no_answer'
          ? '多次联系无回应，客户暂无意向'
          : rng.pick(RELEASE_REASONS),
      actorId: byManager ? (head as number) : p.ownerId,
      warnedAt: null,
    });
  }

  // 4. Deals: most owned customers bought something in the last months, so the no-deal clock is far
  // off; two are due within a day (warned on the first start) and four in the coming days.
  const owned = plans
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => !used.has(i) && fates[i].ownerId !== null && fates[i].events.length === 0);
  const oldEnough = owned.filter(({ p }) => p.createdAt.getTime() < t - 100 * DAY && p.followUps.length > 0);
  const nearDue = rng.sample(
    oldEnough.filter(({ p }) => p.class === 'B' || p.class === 'C'),
    6,
  );
  nearDue.forEach(({ i }, k) => {
    const daysAgo = k < 2 ? NO_DEAL_DAYS - 0.3 - rng.next() * 0.5 : NO_DEAL_DAYS - 6 + rng.next() * 2.5;
    fates[i].lastDealAt = new Date(t - daysAgo * DAY);
    fates[i].nearReclaim = true;
    used.add(i);
  });
  for (const { p, i } of owned) {
    if (used.has(i)) continue;
    const created = p.createdAt.getTime();
    if (created < t - 85 * DAY) {
      fates[i].lastDealAt = officeTime(addDays(today, -rng.int(5, 80)), rng);
    } else if (created < t - 10 * DAY && rng.chance(0.3)) {
      fates[i].lastDealAt = officeTime(shanghaiDate(between(rng, created + 3 * DAY, t - 2 * DAY)), rng);
    }
    if (fates[i].lastDealAt && (fates[i].lastDealAt as Date).getTime() > t - HOUR) fates[i].lastDealAt = null;
  }
  return fates;
}
