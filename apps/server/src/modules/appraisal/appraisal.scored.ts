import type { ItemEvidence, SchemeIndicator } from '@sales/core';
import { linearPoints, money, thresholdPoints } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { measure } from '../analytics/index.ts';
import { trainingResults } from '../training/index.ts';
import { type Period, yearEarlier } from './appraisal.periods.ts';

type Unit = NonNullable<ItemEvidence['unit']>;
/** Per person: the actual figure (null: no data) and the records behind it. */
export type Figures = Map<number, string | null>;

/** THE indicator engine's figure per rep over the period (the runner's analytics scope). */
async function perRep(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal'>,
  m: 'sales_amount' | 'sales_volume' | 'new_customers' | 'collections',
  p: { start: string; end: string },
) {
  const rows = await measure(db, ctx, { measure: m, from: p.start, to: p.end, groupBy: ['rep'] });
  const out = new Map<number, string>();
  for (const r of rows) if (r.keys.rep !== null) out.set(Number(r.keys.rep), r.value);
  return out;
}

/**
 * Growth rate (增长率): this period's sales amount vs the same period a year earlier, percent with 2
 * decimals; without sales a year earlier there is nothing to grow from (no data).
 */
async function growth(db: DbOrTx, ctx: Pick<Ctx, 'db' | 'principal'>, p: Period, ids: number[]) {
  const [now, before] = await Promise.all([
    perRep(db, ctx, 'sales_amount', p),
    perRep(db, ctx, 'sales_amount', yearEarlier(p)),
  ]);
  const actual: Figures = new Map();
  const previous = new Map<number, string | null>();
  for (const id of ids) {
    const prev = before.get(id) ?? null;
    previous.set(id, prev === null ? null : money(prev).toFixed(2));
    const cur = money(now.get(id) ?? '0');
    actual.set(
      id,
      prev === null || money(prev).lte(0)
        ? null
        : cur.minus(prev).div(prev).times(100).toDecimalPlaces(2, 1).toFixed(2),
    );
  }
  return { actual, previous };
}

/** Average satisfaction (1–5) of the person's return visits done in the period (null without any). */
async function satisfaction(db: DbOrTx, p: Period, ids: number[]) {
  const res = await db.execute<{ rep_id: number; avg: string; n: number }>(sql`
    select v.rep_id, round(avg(v.satisfaction), 2)::text avg, count(*)::int n from return_visits v
    where v.rep_id = any(${sql.param(ids)}::int[]) and v.status = 'done' and v.satisfaction is not null
      and (v.done_at at time zone 'Asia/Shanghai')::date between ${p.start}::date and ${p.end}::date
    group by v.rep_id`);
  return {
    actual: new Map(res.rows.map((r) => [Number(r.rep_id), r.avg])) as Figures,
    counts: new Map(res.rows.map((r) => [Number(r.rep_id), { visits: Number(r.n) }])),
  };
}

/**
 * SLA response (服务响应时间, seed 003): of the person's service tickets (the engineer, else the
 * owner) whose response clock settled in the period, the percent answered within the SLA.
 */
async function slaResponse(db: DbOrTx, p: Period, ids: number[]) {
  const res = await db.execute<{ person: number; met: number; breached: number }>(sql`
    select coalesce(t.engineer_id, t.owner_id) person,
      count(*) filter (where c.state = 'met')::int met, count(*) filter (where c.state = 'breached')::int breached
    from service_ticket_slas c join service_tickets t on t.id = c.ticket_id
    where c.metric = 'response' and c.state in ('met', 'breached')
      and coalesce(t.engineer_id, t.owner_id) = any(${sql.param(ids)}::int[])
      and (coalesce(c.met_at, c.breached_at) at time zone 'Asia/Shanghai')::date between ${p.start}::date and ${p.end}::date
    group by 1`);
  const actual: Figures = new Map();
  const counts = new Map<number, Record<string, number>>();
  for (const r of res.rows) {
    const total = Number(r.met) + Number(r.breached);
    actual.set(Number(r.person), money(r.met).div(total).times(100).toDecimalPlaces(2, 1).toFixed(2));
    counts.set(Number(r.person), { met: Number(r.met), breached: Number(r.breached) });
  }
  return { actual, counts };
}

/** Training (SPEC 5.4): the average assessment score of the period's completed sessions. */
async function training(db: DbOrTx, p: Period, ids: number[]) {
  const rows = await trainingResults(db, { userIds: ids, from: p.start, to: p.end });
  return {
    actual: new Map(rows.map((r) => [r.userId, r.averageScore])) as Figures,
    counts: new Map(rows.map((r) => [r.userId, { assessed: r.assessed, passed: r.passed, failed: r.failed }])),
  };
}

export interface ScoredSource {
  actual: Figures;
  unit: Unit;
  counts?: Map<number, Record<string, number>>;
  previous?: Map<number, string | null>;
}

/** The figures of a scored indicator (revenue is read by the caller with its records). */
export async function scoredSource(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal'>,
  code: string,
  p: Period,
  ids: number[],
): Promise<ScoredSource | null> {
  const engine = async (m: 'sales_volume' | 'new_customers' | 'collections', unit: Unit, zero: string) => {
    const got = await perRep(db, ctx, m, p);
    // The engine answers only reps with facts: anyone else had none in the period (0, not "no data").
    return { actual: new Map(ids.map((id) => [id, got.get(id) ?? zero])) as Figures, unit };
  };
  switch (code) {
    case 'sales_volume':
      return engine('sales_volume', 'qty', '0');
    case 'new_customers':
      return engine('new_customers', 'count', '0');
    case 'collections':
      return engine('collections', 'money', '0.00');
    case 'growth':
      return { ...(await growth(db, ctx, p, ids)), unit: 'percent' };
    case 'satisfaction':
      return { ...(await satisfaction(db, p, ids)), unit: 'score' };
    case 'sla_response':
      return { ...(await slaResponse(db, p, ids)), unit: 'percent' };
    case 'training':
      return { ...(await training(db, p, ids)), unit: 'score' };
    default:
      return null;
  }
}

/** One scored item under the row's rule (linear or threshold), with the figures and the rule as evidence. */
export function scoreItem(row: SchemeIndicator, target: string | null, actual: string | null, unit: Unit) {
  const weight = String(row.weight);
  if (row.rule === 'threshold') {
    const r = thresholdPoints(row.bands ?? [], actual, row.basis ?? 'actual', target);
    const evidence: ItemEvidence = {
      rule: 'threshold',
      weight,
      target,
      actual,
      unit,
      basis: row.basis ?? 'actual',
      bands: row.bands ?? [],
      band: r.band,
      completionPercent: r.completionPercent,
      state: r.state,
    };
    return { points: r.points, evidence };
  }
  const capRatio = row.capRatio ?? '1';
  const r = linearPoints(weight, target, actual, capRatio);
  const evidence: ItemEvidence = {
    rule: 'linear',
    weight,
    target,
    actual: actual ?? null,
    unit,
    capRatio,
    completionPercent: r.completionPercent,
    capped: r.capped,
    state: actual === null && r.state !== 'no_target' ? 'no_data' : r.state,
  };
  return { points: r.points, evidence };
}
