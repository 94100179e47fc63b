import type { AppraisalIndicator, EvidenceRecord, ItemEvidence } from '@sales/core';
import { money } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { factWhere, measure } from '../analytics/index.ts';
import { disciplineForPeriod } from '../discipline/index.ts';
import { planInForce, salesPlanCells } from '../plans/index.ts';
import { complaintItem, disciplineItem, noTarget, revenueDeduction } from './appraisal.deductions.ts';
import type { Period } from './appraisal.periods.ts';
import { addReturnsItems } from './appraisal.returns.ts';
import type { SchemeIndicator } from './appraisal.schema.ts';
import { scoredSource, scoreItem } from './appraisal.scored.ts';

/** The deduction rates of the scheme (policies appraisal.*; seed 002 考核细则, seed 003 连续[X]个月). */
export async function appraisalRules(db: DbOrTx) {
  const [base, revenue, profit, exp, general, serious, l1, l2, l3, major, passMark, failStreak] = await Promise.all([
    getPolicy(db, 'appraisal.baseScore'),
    getPolicy(db, 'appraisal.revenuePointsPerPercent'),
    getPolicy(db, 'appraisal.profitPointsPerPercent'),
    getPolicy(db, 'appraisal.exportPointsPerPercent'),
    getPolicy(db, 'appraisal.generalComplaintPoints'),
    getPolicy(db, 'appraisal.seriousComplaintPoints'),
    getPolicy(db, 'appraisal.disciplineLevel1Points'),
    getPolicy(db, 'appraisal.disciplineLevel2Points'),
    getPolicy(db, 'appraisal.disciplineLevel3Points'),
    getPolicy(db, 'appraisal.disciplineMajorPoints'),
    getPolicy(db, 'appraisal.passMark'),
    getPolicy(db, 'appraisal.failStreakPeriods'),
  ]);
  return {
    base,
    perPercent: { revenue, profit, export: exp },
    complaint: { general, serious },
    discipline: { level1: l1, level2: l2, level3: l3, major },
    passMark,
    failStreak,
  };
}
export type AppraisalRules = Awaited<ReturnType<typeof appraisalRules>>;

export interface ComputedItem {
  indicator: Exclude<AppraisalIndicator, 'manual'>;
  /** Signed: a deduction is negative. */
  points: string;
  evidence: ItemEvidence;
}

export { type Period, periodOf, previousPeriod, yearEarlier } from './appraisal.periods.ts';

/** Each person's revenue target: the sum of their cells of the plan in force over the period's months (none: 无目标). */
export async function revenueTargets(db: DbOrTx, p: Period, personIds: number[]) {
  const plan = await planInForce(db, p.year);
  const out = new Map<number, { target: string; planId: number; planTitle: string }>();
  if (!plan) return out;
  const rows = await db
    .select({ userId: salesPlanCells.userId, amount: sql<string>`sum(${salesPlanCells.amount})::text` })
    .from(salesPlanCells)
    .where(
      and(
        eq(salesPlanCells.planId, plan.id),
        inArray(salesPlanCells.month, p.months),
        inArray(salesPlanCells.userId, personIds),
      ),
    )
    .groupBy(salesPlanCells.userId);
  for (const r of rows)
    if (r.userId !== null) out.set(r.userId, { target: r.amount, planId: plan.id, planTitle: plan.title });
  return out;
}

/**
 * The revenue actuals from THE indicator engine (measure sales_amount per rep, the runner's
 * analytics scope) and the records behind them (the engine's drill-down: one row per order,
 * cancellation or return, the same filter), so the evidence sums to the figure.
 */
export async function revenueActuals(db: DbOrTx, ctx: Pick<Ctx, 'db' | 'principal'>, p: Period, personIds: number[]) {
  const rows = await measure(db, ctx, { measure: 'sales_amount', from: p.start, to: p.end, groupBy: ['rep'] });
  const actual = new Map<number, string>();
  for (const r of rows) if (r.keys.rep !== null) actual.set(Number(r.keys.rep), r.value);
  const records = new Map<number, EvidenceRecord[]>();
  if (personIds.length === 0) return { actual, records };
  const { where } = await factWhere(db, ctx, { measure: 'sales_amount', from: p.start, to: p.end });
  const res = await db.execute<{
    rep_id: number;
    source_type: string;
    source_id: string;
    d: string;
    amount: string;
    no: string | null;
  }>(sql`
    select g.rep_id, g.source_type, g.source_id, g.d, g.amount,
      case g.source_type when 'order' then (select no from orders where id = g.source_id)
        when 'sales_return' then (select no from sales_returns where id = g.source_id) end as no
    from (select f.rep_id, f.source_type, f.source_id, min(f.fact_date)::text d, sum(f.amount)::numeric(20,2)::text amount
      from analytics_facts f where ${where} and f.rep_id = any(${sql.param(personIds)}::int[])
      group by f.rep_id, f.source_type, f.source_id) g
    order by g.rep_id, g.d, g.source_id`);
  for (const r of res.rows) {
    const list = records.get(Number(r.rep_id)) ?? [];
    records.set(Number(r.rep_id), list);
    list.push({
      type: r.source_type === 'sales_return' ? 'sales_return' : 'order',
      id: Number(r.source_id),
      no: r.no ?? String(r.source_id),
      date: r.d,
      amount: r.amount,
    });
  }
  return { actual, records };
}

/** Complaints filed in the period against each person (the owner when filed), cancelled ones left out. */
async function complaintsOf(db: DbOrTx, p: Period, personIds: number[]) {
  const res = await db.execute<{
    owner_id: number;
    id: string;
    no: string;
    severity: string;
    d: string;
    subject: string;
  }>(sql`
    select c.owner_id, c.id, c.no, c.severity, (c.created_at at time zone 'Asia/Shanghai')::date::text d, c.subject
    from complaints c
    where c.owner_id = any(${sql.param(personIds)}::int[]) and c.status <> 'cancelled'
      and (c.created_at at time zone 'Asia/Shanghai')::date between ${p.start}::date and ${p.end}::date
    order by c.owner_id, c.created_at, c.id`);
  const out = new Map<number, typeof res.rows>();
  for (const r of res.rows) {
    const list = out.get(Number(r.owner_id)) ?? [];
    out.set(Number(r.owner_id), list);
    list.push(r);
  }
  return out;
}

type Row = SchemeIndicator;
const isDeduction = (r: Row) => (r.rule ?? 'deduction') === 'deduction';

/**
 * Every person's computed items for the period, one per scheme row under its rule. Deduction rows
 * (seed 002 考核细则): revenue vs the plan's target, profit and export (无目标 until the company sets
 * such targets), complaints by severity, decided discipline incidents by level. Scored rows (linear
 * or threshold): the figure from THE indicator engine or the module's data vs the target (revenue:
 * the plan; others: the row's per-person target). Each item carries the figures, rule and records.
 */
export async function computeItems(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal'>,
  p: Period,
  personIds: number[],
  indicators: SchemeIndicator[],
  rules: AppraisalRules,
): Promise<Map<number, ComputedItem[]>> {
  const has = (code: string) => indicators.some((i) => i.code === code);
  const scoredRows = indicators.filter((r) => !isDeduction(r) && r.code !== 'revenue');
  const [targets, revenue, complaints, discipline, sources] = await Promise.all([
    has('revenue') ? revenueTargets(db, p, personIds) : new Map(),
    has('revenue') ? revenueActuals(db, ctx, p, personIds) : { actual: new Map(), records: new Map() },
    has('complaints') ? complaintsOf(db, p, personIds) : new Map(),
    has('discipline') ? disciplineForPeriod(db, { from: p.start, to: p.end, personIds }) : new Map(),
    Promise.all(scoredRows.map((r) => scoredSource(db, ctx, r.code, p, personIds))),
  ]);
  const out = new Map<number, ComputedItem[]>();
  for (const id of personIds) {
    const items: ComputedItem[] = [];
    for (const row of indicators) {
      if (row.code === 'revenue') {
        // Revenue: missing sales are an actual of 0 (the whole target short); no or zero target: 无目标.
        const t = targets.get(id);
        const actual = money(revenue.actual.get(id) ?? '0.00').toFixed(2);
        const planRecord: EvidenceRecord[] = t
          ? [{ type: 'plan', id: t.planId, no: t.planTitle, amount: t.target }]
          : [];
        const records = [...planRecord, ...(revenue.records.get(id) ?? [])];
        if (isDeduction(row))
          items.push(revenueDeduction(t?.target ?? null, actual, rules, String(row.weight), records));
        else {
          const s = scoreItem(row, t?.target ?? null, actual, 'money');
          items.push({ indicator: 'revenue', points: s.points, evidence: { ...s.evidence, records } });
        }
      } else if (row.code === 'profit' || row.code === 'export')
        items.push(noTarget(row.code, rules, String(row.weight)));
      else if (row.code === 'complaints') items.push(complaintItem(complaints.get(id) ?? [], rules, row));
      else if (row.code === 'discipline') items.push(disciplineItem(discipline.get(id), rules, row));
      else {
        const src = sources[scoredRows.indexOf(row)];
        if (!src) continue;
        const s = scoreItem(row, row.target ?? null, src.actual.get(id) ?? null, src.unit);
        const counts = src.counts?.get(id);
        items.push({
          indicator: row.code as ComputedItem['indicator'],
          points: s.points,
          evidence: {
            ...s.evidence,
            ...(counts ? { counts } : {}),
            ...(src.previous ? { previous: src.previous.get(id) ?? null } : {}),
          },
        });
      }
    }
    out.set(id, items);
  }
  // Internal-error returns (seed 000 销后退回 第二条), appraisal.returns.ts: a deduction row of the scheme.
  if (has('returns')) await addReturnsItems(db, p, personIds, indicators, out);
  return out;
}

/**
 * The base of a scheme's score. Seed 002's deduction scheme starts from the base score (policy
 * appraisal.baseScore, 100) and loses its deductions. A scheme with scored rows earns their points
 * from 0; its deduction rows (if any) start at their weight and lose at most it, so the base is the
 * sum of the deduction rows' weights: score = Σ deduction weights − deductions + Σ scored points.
 */
export function baseOf(indicators: SchemeIndicator[], rules: AppraisalRules): string {
  if (indicators.every(isDeduction)) return money(rules.base).toFixed(2);
  return indicators
    .filter(isDeduction)
    .reduce((s, r) => s.plus(r.weight), money(0))
    .toFixed(2);
}

/** The score of a result: base + every item's signed points, never below 0. */
export function scoreOf(base: string, items: { points: string }[]): string {
  const s = items.reduce((acc, i) => acc.plus(i.points), money(base));
  return (s.isNegative() ? money(0) : s).toFixed(2);
}
