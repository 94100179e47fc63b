import { type DisciplineThresholds, disciplineLevel } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';

/** The level thresholds as the company set them (seed 000 错误的划分标准; SPEC 1.5 policies). */
export async function disciplineThresholds(db: DbOrTx): Promise<DisciplineThresholds> {
  const [level2Loss, level3Loss, majorLoss, level2Repeats, level3Repeats] = await Promise.all([
    getPolicy(db, 'discipline.level2Loss'),
    getPolicy(db, 'discipline.level3Loss'),
    getPolicy(db, 'discipline.majorLoss'),
    getPolicy(db, 'discipline.level2Repeats'),
    getPolicy(db, 'discipline.level3Repeats'),
  ]);
  return { level2Loss, level3Loss, majorLoss, level2Repeats, level3Repeats };
}

/**
 * Which violation of the year this one is for the person (本年累计): the decided incidents of the same
 * calendar year that happened before it (same day: recorded earlier), plus this one. Drafts and
 * void records do not count — only what was decided against the person.
 */
export async function repeatCount(
  db: DbOrTx,
  personId: number,
  occurredOn: string,
  excludeId: number | null,
): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from discipline_records r
    where r.person_id = ${personId} and r.kind = 'incident' and r.status in ('decided', 'acknowledged')
      and r.occurred_on >= date_trunc('year', ${occurredOn}::date)::date
      and (r.occurred_on < ${occurredOn}::date
           or (r.occurred_on = ${occurredOn}::date and (${excludeId}::bigint is null or r.id < ${excludeId}::bigint)))
      and r.id is distinct from ${excludeId}::bigint`);
  return Number(res.rows[0].n) + 1;
}

/** The level of an incident with its evidence: the repeat count and the thresholds applied. */
export async function computeLevel(
  db: DbOrTx,
  input: { personId: number; occurredOn: string; lossAmount: string },
  excludeId: number | null,
) {
  const [t, count] = await Promise.all([
    disciplineThresholds(db),
    repeatCount(db, input.personId, input.occurredOn, excludeId),
  ]);
  const r = disciplineLevel(input.lossAmount, count, t);
  return {
    level: r.level,
    repeatCount: count,
    basis: { byLoss: r.byLoss, byRepeats: r.byRepeats, ...t } as Record<string, string | number>,
  };
}
