import { type AwardCandidate, type BonusRules, bonusOf, money, pickAwards } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Grant } from '../../platform/permissions/principal.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { measure } from '../analytics/index.ts';
import { appraisalResultItems } from './appraisal.schema.ts';

/** The bonus formula's figures (policies appraisal.bonus*, company policy; see bonusOf). */
export async function bonusRules(db: DbOrTx): Promise<BonusRules> {
  const [s1, c1, s2, c2, s3, c3, s4, c4, base, cap] = await Promise.all([
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
 * run (a rep sees the same winners as the manager): the engine is asked with a company-wide
 * analytics scope, its rows limited to the run's people, and only the winners' names and figures
 * leave this function.
 */
export async function runAwards(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal'>,
  run: { periodStart: string; periodEnd: string },
  results: { id: number; personId: number; personName: string; score: string }[],
  passMark: string,
) {
  if (results.length === 0) return [];
  const ids = results.map((r) => r.personId);
  const whole = {
    db: ctx.db,
    principal: {
      ...ctx.principal,
      grants: new Map<string, Grant[]>([['analytics.view', [{ scope: 'ALL', customDeptIds: [] }]]]),
    },
  };
  const [newRows, complaintRows, visitRows] = await Promise.all([
    measure(db, whole, { measure: 'new_customers', from: run.periodStart, to: run.periodEnd, groupBy: ['rep'] }),
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
  for (const r of newRows) if (r.keys.rep !== null) newCustomers.set(Number(r.keys.rep), Number(r.value));
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
