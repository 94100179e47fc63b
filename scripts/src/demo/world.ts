/** Shared shapes of the demo loader: audit rows and notices collected in memory, the customers as inserted. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../apps/server/src/db/client.ts';
import type { FieldChange } from '../../../apps/server/src/platform/audit/audit.schema.ts';
import type { CustomerPlan } from './customers.ts';
import type { DemoOrg } from './org.ts';
import { shanghaiDate } from './rng.ts';

export const REQUEST_ID = 'demo-data';

/** An audit_log row written at the end in time order (timelines sort by audit id). */
export interface AuditRow {
  at: Date;
  /** null: the system (a scheduled sweep). */
  actorId: number | null;
  entityType: string;
  entityId: number;
  action: string;
  changes: FieldChange[];
  comment?: string | null;
  /** Defaults to 'demo-data'; sweeps use their job id. */
  requestId?: string;
}

/** An in-app notification, written at the end in time order (the list sorts by id). */
export interface Notice {
  userId: number;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A customer as inserted, with what later parts of the loader need to know about it. */
export interface DemoCustomer {
  id: number;
  no: string;
  name: string;
  kind: 'company' | 'individual';
  mobile: string | null;
  class: string | null;
  industry: string | null;
  createdAt: Date;
  ownerId: number | null;
  ownerDeptId: number | null;
  poolId: number | null;
  lastDealAt: Date | null;
  /** Credit limit in force (null: never rated). */
  creditLimit: string | null;
  paymentTermsDays: number | null;
  /** Since when it has had its current owner (or sat in its pool). */
  stableSince: Date;
  /** Kept close to its reclaim date on purpose: nothing may add a deal or an owner change to it. */
  nearReclaim: boolean;
  /** The generated archive (null for customers the front desk created). */
  plan: CustomerPlan | null;
}

/** What every part of the loader shares inside the one transaction. */
export interface DemoWorld {
  tx: Tx;
  org: DemoOrg;
  now: Date;
  customers: DemoCustomer[];
  audit: AuditRow[];
  notices: Notice[];
  pools: { defaultId: number; eastId: number };
}

export function userId(org: DemoOrg, username: string): number {
  const u = org.users.get(username);
  if (!u) throw new Error(`unknown demo user ${username}`);
  return u.id;
}

export function userOf(org: DemoOrg, username: string) {
  const u = org.users.get(username);
  if (!u) throw new Error(`unknown demo user ${username}`);
  return u;
}

/** A notice read some hours after it arrived, unless it is recent. */
export function readLater(createdAt: Date, now: Date, hours = 3): Date | null {
  const read = new Date(createdAt.getTime() + hours * 3600_000);
  return now.getTime() - createdAt.getTime() > 2 * 86_400_000 && read < now ? read : null;
}

/**
 * Numbers for documents created at these moments, in this order (time order): a block per year
 * taken from doc_sequences at once, the same numbers nextDocNumber would have issued one by one.
 */
export async function reserveNumbers(
  tx: Tx,
  docType: 'customer' | 'opportunity',
  prefix: string,
  moments: Date[],
): Promise<string[]> {
  const yearOf = (d: Date) => shanghaiDate(d).slice(0, 4);
  const perYear = new Map<string, number>();
  for (const m of moments) perYear.set(yearOf(m), (perYear.get(yearOf(m)) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [period, n] of perYear) {
    const res = await tx.execute<{ last_value: number }>(sql`
      insert into doc_sequences (doc_type, period, last_value) values (${docType}, ${period}, ${n})
      on conflict (doc_type, period) do update set last_value = doc_sequences.last_value + ${n}
      returning last_value`);
    next.set(period, Number(res.rows[0].last_value) - n + 1);
  }
  return moments.map((m) => {
    const v = next.get(yearOf(m)) as number;
    next.set(yearOf(m), v + 1);
    return `${prefix}-${yearOf(m)}-${String(v).padStart(6, '0')}`;
  });
}
