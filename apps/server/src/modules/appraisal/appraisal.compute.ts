import type { EvidenceRecord, ItemEvidence } from '@sales/core';
import { money, shortfallPoints } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { factWhere, measure } from '../analytics/index.ts';
import { disciplineForPeriod } from '../discipline/index.ts';
import { planInForce, salesPlanCells } from '../plans/index.ts';
import { addReturnsItems } from './appraisal.returns.ts';
import type { SchemeIndicator } from './appraisal.schema.ts';

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
  indicator: 'revenue' | 'profit' | 'export' | 'complaints' | 'discipline' | 'returns';
  /** Signed: a deduction is negative. */
  points: string;
  evidence: ItemEvidence;
}

export interface Period {
  start: string;
  end: string;
  year: number;
  month: number;
}

/** 'YYYY-MM' → the month's first and last day. */
export function periodOf(ym: string): Period {
  const [year, month] = ym.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { start: `${ym}-01`, end: `${year}-${mm}-${String(last).padStart(2, '0')}`, year, month };
}

const neg = (p: string) => (money(p).isZero() ? '0.00' : money(p).neg().toFixed(2));
const weightOf = (indicators: SchemeIndicator[], code: string) =>
  String(indicators.find((i) => i.code === code)?.weight ?? 100);

/** Each person's monthly revenue target: their cells of the plan in force for the month (none: 无目标). */
async function revenueTargets(db: DbOrTx, p: Period, personIds: number[]) {
  const plan = await planInForce(db, p.year);
  const out = new Map<number, { target: string; planId: number; planTitle: string }>();
  if (!plan) return out;
  const rows = await db
    .select({ userId: salesPlanCells.userId, amount: sql<string>`sum(${salesPlanCells.amount})::text` })
    .from(salesPlanCells)
    .where(
      and(
        eq(salesPlanCells.planId, plan.id),
        eq(salesPlanCells.month, p.month),
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
async function revenueActuals(db: DbOrTx, ctx: Pick<Ctx, 'db' | 'principal'>, p: Period, personIds: number[]) {
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

/** A target-based indicator with no target source yet (利润 / 外销): 无目标, nothing deducted (seed 002). */
function noTarget(indicator: 'profit' | 'export', rules: AppraisalRules, cap: string): ComputedItem {
  const r = shortfallPoints(null, null, rules.perPercent[indicator], cap);
  return {
    indicator,
    points: '0.00',
    evidence: {
      target: null,
      actual: null,
      state: r.state,
      pointsPerPercent: rules.perPercent[indicator],
      cap,
      records: [],
    },
  };
}

/**
 * Every person's computed items for the month (seed 002 考核细则): revenue vs the plan's monthly
 * target, profit and export (无目标 until the company sets such targets), complaints by severity,
 * and decided discipline incidents by level. Each item carries the figures and the records.
 */
export async function computeItems(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal'>,
  p: Period,
  personIds: number[],
  indicators: SchemeIndicator[],
  rules: AppraisalRules,
): Promise<Map<number, ComputedItem[]>> {
  const [targets, revenue, complaints, discipline] = await Promise.all([
    revenueTargets(db, p, personIds),
    revenueActuals(db, ctx, p, personIds),
    complaintsOf(db, p, personIds),
    disciplineForPeriod(db, { from: p.start, to: p.end, personIds }),
  ]);
  const out = new Map<number, ComputedItem[]>();
  for (const id of personIds) {
    const items: ComputedItem[] = [];
    // Revenue: missing sales are an actual of 0 (the whole target short); no or zero target: 无目标.
    const t = targets.get(id);
    const actual = revenue.actual.get(id) ?? '0.00';
    const cap = weightOf(indicators, 'revenue');
    const r = shortfallPoints(t?.target ?? null, actual, rules.perPercent.revenue, cap);
    const planRecord: EvidenceRecord[] = t ? [{ type: 'plan', id: t.planId, no: t.planTitle, amount: t.target }] : [];
    items.push({
      indicator: 'revenue',
      points: neg(r.points),
      evidence: {
        target: t?.target ?? null,
        actual: money(actual).toFixed(2),
        completionPercent: r.completionPercent,
        percentsBelow: r.percentsBelow,
        pointsPerPercent: rules.perPercent.revenue,
        cap,
        capped: r.capped,
        state: r.state,
        records: [...planRecord, ...(revenue.records.get(id) ?? [])],
      },
    });
    items.push(noTarget('profit', rules, weightOf(indicators, 'profit')));
    items.push(noTarget('export', rules, weightOf(indicators, 'export')));
    // Complaints: 一般投诉扣1分/次, 严重投诉扣5分/次.
    const cs = complaints.get(id) ?? [];
    const ccap = money(weightOf(indicators, 'complaints'));
    const cRecords: EvidenceRecord[] = cs.map((c) => ({
      type: 'complaint',
      id: Number(c.id),
      no: c.no,
      date: c.d,
      label: c.severity,
      points: money(c.severity === 'serious' ? rules.complaint.serious : rules.complaint.general).toFixed(2),
    }));
    const cSum = cRecords.reduce((s, c) => s.plus(c.points ?? '0'), money(0));
    items.push({
      indicator: 'complaints',
      points: neg((cSum.gt(ccap) ? ccap : cSum).toFixed(2)),
      evidence: {
        counts: {
          general: cs.filter((c) => c.severity === 'general').length,
          serious: cs.filter((c) => c.severity === 'serious').length,
        },
        cap: ccap.toFixed(0),
        capped: cSum.gt(ccap),
        records: cRecords,
      },
    });
    // Discipline: each decided incident of the period deducts its level's points; rewards deduct nothing.
    const d = discipline.get(id);
    const dcap = money(weightOf(indicators, 'discipline'));
    const dRecords: EvidenceRecord[] = (d?.records ?? [])
      .filter((x) => x.kind === 'incident')
      .map((x) => ({
        type: 'discipline_record',
        id: x.id,
        no: x.no,
        date: x.occurredOn,
        label: x.level ?? undefined,
        points: money(rules.discipline[x.level as keyof AppraisalRules['discipline']] ?? '0').toFixed(2),
      }));
    const dSum = dRecords.reduce((s, x) => s.plus(x.points ?? '0'), money(0));
    items.push({
      indicator: 'discipline',
      points: neg((dSum.gt(dcap) ? dcap : dSum).toFixed(2)),
      evidence: {
        counts: { ...(d?.levels ?? { level1: 0, level2: 0, level3: 0, major: 0 }) },
        cap: dcap.toFixed(0),
        capped: dSum.gt(dcap),
        records: dRecords,
      },
    });
    out.set(id, items);
  }
  // Internal-error returns (seed 000 销后退回 第二条), appraisal.returns.ts.
  await addReturnsItems(db, p, personIds, indicators, out);
  return out;
}

/** The score of a result: base + every item's signed points, never below 0. */
export function scoreOf(base: string, items: { points: string }[]): string {
  const s = items.reduce((acc, i) => acc.plus(i.points), money(base));
  return (s.isNegative() ? money(0) : s).toFixed(2);
}
