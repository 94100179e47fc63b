import { type AwardCandidate, type BonusRules, bonusOf, money, pickAwards } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { MEASURE_DEFS } from '../analytics/index.ts';
import { appraisalResultItems } from './appraisal.schema.ts';

const NEW_CUSTOMER_KIND = MEASURE_DEFS.new_customers.kinds[0];

/** The bonus formula's figures (policies appraisal.bonus*, company policy; see bonusOf). */
export async function bonusRules(db: DbOrTx): Promise<BonusRules> {
  const [s1, c1, s2, c2, s3, c3, s4, c4, base, cap, passMark] = await Promise.all([
    getPolicy(db, 'appraisal.bonusTier1Score'),
    getPolicy(db, 'appraisal.bonusTier1Coefficient'),
    getPolicy(db, 'appraisal.bonusTier2Score'),
    getPolicy(db, 'appraisal.bonusTier2Coefficient'),
    getPolicy(db, 'appraisal.bonusTier3Score'),
    getPolicy(db, 'appraisal.bonusTier3Coefficient'),
    getPolicy(db, 'appraisal.bonusTier4Score'),
    getPolicy(db, 'appraisal.bonusTier4Coefficient'),
    getPolicy(db, 'appraisal.bonusBase'),
    getPolicy(db, 'appraisal.bonusCap'),
    getPolicy(db, 'appraisal.passMark'),
  ]);
  return {
    tiers: [
      { minScore: s1, coefficient: c1 },
      { minScore: s2, coefficient: c2 },
      { minScore: s3, coefficient: c3 },
      { minScore: s4, coefficient: c4 },
    ],
    base,
    cap,
    passMark,
  };
}

/** Each result's bonus under the current policies (computed on read: a score change updates it). */
export function withBonus<T extends { score: string }>(rows: T[], rules: BonusRules) {
  return rows.map((r) => ({ ...r, bonus: bonusOf(r.score, rules) }));
}

/**
 * The awards of a run from its stored results (pickAwards in @sales/core has the rules): the score,
 * the complaint items' points, the period's new customers from THE indicator engine (measure
 * new_customers per rep, as the revenue indicator uses sales_amount) and the average satisfaction
 * of the period's done return visits per rep. Computed over ALL the run's people whoever views the
 * run (a rep sees the same winners as the manager): the caller has already checked the viewer may
 * open the run, the figures are read for the run's people only (as the complaint items and visits
 * are), and only the winners' names and figures leave this function.
 */
export async function runAwards(
  db: DbOrTx,
  run: { periodStart: string; periodEnd: string },
  results: { id: number; personId: number; personName: string; score: string }[],
  passMark: string,
) {
  if (results.length === 0) return [];
  const ids = results.map((r) => r.personId);
  const [newRows, complaintRows, visitRows] = await Promise.all([
    // The engine's new_customers measure (kind 'customer', value n) for the run's people.
    db.execute<{ rep_id: number; n: string }>(sql`
      select f.rep_id, sum(f.n)::text n from analytics_facts f
      where f.kind = ${NEW_CUSTOMER_KIND} and f.rep_id = any(${sql.param(ids)}::int[])
        and f.fact_date between ${run.periodStart}::date and ${run.periodEnd}::date
      group by f.rep_id`),
    db
      .select({
        resultId: appraisalResultItems.resultId,
        points: sql<string>`coalesce(sum(${appraisalResultItems.points}), 0)::text`,
      })
      .from(appraisalResultItems)
      .where(
        and(
          inArray(
            appraisalResultItems.resultId,
            results.map((r) => r.id),
          ),
          eq(appraisalResultItems.indicator, 'complaints'),
        ),
      )
      .groupBy(appraisalResultItems.resultId),
    db.execute<{ rep_id: number; avg: string }>(sql`
      select v.rep_id, round(avg(v.satisfaction), 2)::text avg from return_visits v
      where v.rep_id = any(${sql.param(ids)}::int[]) and v.status = 'done' and v.satisfaction is not null
        and (v.done_at at time zone 'Asia/Shanghai')::date between ${run.periodStart}::date and ${run.periodEnd}::date
      group by v.rep_id`),
  ]);
  const newCustomers = new Map<number, number>();
  for (const r of newRows.rows) newCustomers.set(Number(r.rep_id), Number(r.n));
  const complaints = new Map(complaintRows.map((c) => [c.resultId, money(c.points).abs().toFixed(2)]));
  const satisfaction = new Map(visitRows.rows.map((v) => [Number(v.rep_id), v.avg]));
  const candidates: AwardCandidate[] = results.map((r) => ({
    personId: r.personId,
    personName: r.personName,
    score: r.score,
    newCustomers: newCustomers.get(r.personId) ?? 0,
    complaintPoints: complaints.get(r.id) ?? '0.00',
    satisfaction: satisfaction.get(r.personId) ?? null,
  }));
  return pickAwards(candidates, passMark);
}
