import type { EvidenceRecord } from '@sales/core';
import { money } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import type { ComputedItem } from './appraisal.compute.ts';
import type { Period } from './appraisal.periods.ts';
import type { SchemeIndicator } from './appraisal.schema.ts';

/**
 * The internal-error returns charged to each person in the period (seed 000 医药公司销后退回管理规定
 * 第二条: 转销售、采购错误、客户报错计划 … 由申请人或责任人承担相应10元/件的费用并在绩效考核中体现): the
 * `internal_error` charges booked when such a return completed, by the day they were charged.
 */
async function internalErrorReturns(db: DbOrTx, p: Period, personIds: number[]) {
  const res = await db.execute<{ user_id: number; return_id: string; no: string; reason: string; d: string }>(sql`
    select distinct on (c.user_id, c.return_id) c.user_id, c.return_id, r.no, r.reason,
      (c.charged_at at time zone 'Asia/Shanghai')::date::text d
    from sales_return_charges c join sales_returns r on r.id = c.return_id
    where c.kind = 'internal_error' and c.user_id = any(${sql.param(personIds)}::int[])
      and (c.charged_at at time zone 'Asia/Shanghai')::date between ${p.start}::date and ${p.end}::date
    order by c.user_id, c.return_id`);
  const out = new Map<number, typeof res.rows>();
  for (const r of res.rows) {
    const list = out.get(Number(r.user_id)) ?? [];
    out.set(Number(r.user_id), list);
    list.push(r);
  }
  return out;
}

/**
 * Adds the `returns` item to each person's computed items: `appraisal.internalErrorReturnPoints` per
 * internal-error return of the period (the seeds name no points: 1 by default, as a general
 * complaint), never more than the indicator's weight in the scheme; each return is an evidence record.
 */
export async function addReturnsItems(
  db: DbOrTx,
  p: Period,
  personIds: number[],
  indicators: SchemeIndicator[],
  out: Map<number, ComputedItem[]>,
) {
  if (personIds.length === 0) return;
  const [perReturn, returns] = await Promise.all([
    getPolicy(db, 'appraisal.internalErrorReturnPoints'),
    internalErrorReturns(db, p, personIds),
  ]);
  const cap = money(String(indicators.find((i) => i.code === 'returns')?.weight ?? 100));
  for (const id of personIds) {
    const rs = returns.get(id) ?? [];
    const records: EvidenceRecord[] = rs.map((r) => ({
      type: 'sales_return',
      id: Number(r.return_id),
      no: r.no,
      date: r.d,
      label: r.reason,
      points: money(perReturn).toFixed(2),
    }));
    const sum = money(perReturn).times(rs.length);
    const points = sum.gt(cap) ? cap : sum;
    out.get(id)?.push({
      indicator: 'returns',
      points: points.isZero() ? '0.00' : points.neg().toFixed(2),
      evidence: { counts: { returns: rs.length }, cap: cap.toFixed(0), capped: sum.gt(cap), records },
    });
  }
}
