import { money } from '@sales/core';

/**
 * The 4S lead target (4S店销售流程规范管理 1.1 展厅集客: 集客目标 = 销售目标 / 集客成交率, the rate from
 * the last months' actuals): deals target ÷ (deals ÷ leads) = target × leads ÷ deals, rounded up
 * to whole leads. No leads or no deals in the period: no rate, no target — never a division by zero.
 */
export function leadTargetOf(
  target: number,
  leads: string,
  deals: string,
): { rate: string | null; leadTarget: number | null } {
  const l = money(leads);
  const d = money(deals);
  if (l.lte(0) || d.lte(0)) return { rate: null, leadTarget: null };
  return {
    rate: d.div(l).toDecimalPlaces(4).toFixed(4),
    leadTarget: money(target).times(l).div(d).ceil().toNumber(),
  };
}

/** Achievement actual ÷ target as a percentage with 2 decimals; null (无目标) when the target is 0. */
export function rateOf(actual: string, target: string): string | null {
  const t = money(target);
  if (t.lte(0)) return null;
  return money(actual).div(t).times(100).toDecimalPlaces(2).toFixed(2);
}
