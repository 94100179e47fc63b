import { CUSTOMER_CLASSES, type CustomerClass } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import type { PolicyKey } from '../../platform/policies/registry.ts';
import { customers } from '../customers/index.ts';

/** Reclaim days for customers without a class and per class (A/B/C/KEY). */
export interface ClassDays {
  general: number;
  byClass: Record<CustomerClass, number>;
}

export interface ReclaimRules {
  noFollowUp: ClassDays;
  noDeal: ClassDays;
  warningDays: number;
}

/** A per-class override of 0 means the general value applies (policy pool.*ReclaimDays.<class>). */
export function classDays(general: number, overrides: Record<CustomerClass, number>): ClassDays {
  const byClass = {} as Record<CustomerClass, number>;
  for (const c of CUSTOMER_CLASSES) byClass[c] = overrides[c] > 0 ? overrides[c] : general;
  return { general, byClass };
}

// The per-class override keys, written out so every policy read is visible in the source.
const CLASS_KEYS = {
  'pool.noFollowUpReclaimDays': {
    A: 'pool.noFollowUpReclaimDays.A',
    B: 'pool.noFollowUpReclaimDays.B',
    C: 'pool.noFollowUpReclaimDays.C',
    KEY: 'pool.noFollowUpReclaimDays.KEY',
  },
  'pool.noDealReclaimDays': {
    A: 'pool.noDealReclaimDays.A',
    B: 'pool.noDealReclaimDays.B',
    C: 'pool.noDealReclaimDays.C',
    KEY: 'pool.noDealReclaimDays.KEY',
  },
} as const satisfies Record<string, Record<CustomerClass, PolicyKey>>;

async function readClassDays(db: DbOrTx, base: keyof typeof CLASS_KEYS): Promise<ClassDays> {
  const general = (await getPolicy(db, base)) as number;
  const overrides = {} as Record<CustomerClass, number>;
  for (const c of CUSTOMER_CLASSES) overrides[c] = Number(await getPolicy(db, CLASS_KEYS[base][c]));
  return classDays(general, overrides);
}

/** The reclaim policies in force (SPEC 2.4: N days without follow-up, M days without a deal, K days' notice). */
export async function reclaimRules(db: DbOrTx): Promise<ReclaimRules> {
  return {
    noFollowUp: await readClassDays(db, 'pool.noFollowUpReclaimDays'),
    noDeal: await readClassDays(db, 'pool.noDealReclaimDays'),
    warningDays: (await getPolicy(db, 'pool.reclaimWarningDays')) as number,
  };
}

function daysFor(d: ClassDays): SQL {
  const { A, B, C, KEY } = d.byClass;
  return sql`(case ${customers.class} when 'A' then ${A}::int when 'B' then ${B}::int when 'C' then ${C}::int when 'KEY' then ${KEY}::int else ${d.general}::int end)`;
}

/**
 * The moments an owned customer falls due for reclaim. Each clock starts at the later of its own
 * event and the day the current owner got the customer (assigned_at, else created_at), so a
 * customer just claimed or transferred is never due at once.
 */
export function dueSql(r: ReclaimRules) {
  const start = sql`coalesce(${customers.assignedAt}, ${customers.createdAt})`;
  const followDue = sql`(greatest(${customers.lastFollowUpAt}, ${start}) + make_interval(days => ${daysFor(r.noFollowUp)}))`;
  const dealDue = sql`(greatest(${customers.lastDealAt}, ${start}) + make_interval(days => ${daysFor(r.noDeal)}))`;
  return {
    due: sql<Date>`least(${followDue}, ${dealDue})`,
    reason: sql<
      'no_follow_up' | 'no_deal'
    >`(case when ${followDue} <= ${dealDue} then 'no_follow_up' else 'no_deal' end)`,
  };
}
