import { type HalfYearReportQuery, halfOf, money, periodRange } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { type MeasureRow, measure } from '../analytics/index.ts';
import { reportBase, reportCtx } from './reports.scope.ts';

const byKey = (rows: MeasureRow[], dim: string) => new Map(rows.map((r) => [String(r.keys[dim]), r.value]));

/** Six months of the half: '2026-01' … '2026-06'. */
function monthsOf(from: string) {
  const y = from.slice(0, 4);
  const first = Number(from.slice(5, 7));
  return Array.from({ length: 6 }, (_, i) => `${y}-${String(first + i).padStart(2, '0')}`);
}

/** deals ÷ leads as a percentage with one decimal, or null ("—") when there were no leads. */
export function conversion(deals: string, leads: string): string | null {
  return money(leads).isZero() ? null : money(deals).div(leads).times(100).toFixed(1);
}

/**
 * 半年分析 (SPEC 5.1; seed 000 销售分析, seed 004 六): the six-month trend of amount, volume and new
 * customers; the best and worst five products by amount; channel effectiveness (leads, lead deals,
 * conversion); regions; and the stored 广告主题回顾 / 建议 of the half and department.
 */
export async function halfYearReport(ctx: Ctx, q: HalfYearReportQuery) {
  const date = q.date ?? companyDate(ctx.now());
  const range = periodRange('half', date);
  const period = halfOf(date);
  const b = await reportBase(ctx, q.departmentId);
  const rc = reportCtx(ctx);
  const m = (name: Parameters<typeof measure>[2]['measure'], groupBy: ('month' | 'product' | 'channel' | 'region')[]) =>
    measure(ctx.db, rc, { measure: name, ...range, departmentId: b.base.id, groupBy });
  const [amount, volume, customers, products, leads, deals, regions, regionVolume, totals] = await Promise.all([
    m('sales_amount', ['month']),
    m('sales_volume', ['month']),
    m('new_customers', ['month']),
    m('sales_amount', ['product']),
    m('leads', ['channel']),
    m('lead_deals', ['channel']),
    m('sales_amount', ['region']),
    m('sales_volume', ['region']),
    Promise.all(
      (['sales_amount', 'sales_volume', 'new_customers', 'leads', 'lead_deals'] as const).map((k) => m(k, [])),
    ),
  ]);
  const a = byKey(amount, 'month');
  const v = byKey(volume, 'month');
  const c = byKey(customers, 'month');
  const trend = monthsOf(range.from).map((month) => ({
    month,
    amount: a.get(month) ?? '0.00',
    volume: v.get(month) ?? '0',
    newCustomers: c.get(month) ?? '0',
  }));
  // Products sold in the half, largest first; the worst five are the smallest of those sold.
  const sold = products
    .filter((r) => r.keys.product !== null)
    .sort((x, y) => money(y.value).cmp(money(x.value)) || Number(x.keys.product) - Number(y.keys.product));
  const names = await productNames(
    ctx,
    sold.map((r) => Number(r.keys.product)),
  );
  const product = (r: MeasureRow) => ({
    id: Number(r.keys.product),
    name: names.get(Number(r.keys.product)) ?? '',
    amount: r.value,
  });
  const best = sold.slice(0, 5).map(product);
  const worst = sold.slice(-5).reverse().map(product);
  const d = byKey(deals, 'channel');
  const l = byKey(leads, 'channel');
  const channelKeys = [...new Set([...l.keys(), ...d.keys()])].sort();
  const channels = channelKeys.map((channel) => {
    const nLeads = l.get(channel) ?? '0';
    const nDeals = d.get(channel) ?? '0';
    return {
      channel: channel === 'null' ? null : channel,
      leads: nLeads,
      deals: nDeals,
      conversion: conversion(nDeals, nLeads),
    };
  });
  const rv = byKey(regionVolume, 'region');
  const regionRows = regions
    .map((r) => ({
      region: r.keys.region === null ? null : String(r.keys.region),
      amount: r.value,
      volume: rv.get(String(r.keys.region)) ?? '0',
    }))
    .sort((x, y) => money(y.amount).cmp(money(x.amount)));
  const [tAmount, tVolume, tCustomers, tLeads, tDeals] = totals.map((t) => t[0].value);
  return {
    period,
    ...range,
    departmentId: b.picked ?? null,
    department: { id: b.base.id, name: b.base.name },
    departments: b.departments.map(({ id, parentId, name }) => ({ id, parentId, name })),
    totals: {
      amount: tAmount,
      volume: tVolume,
      newCustomers: tCustomers,
      leads: tLeads,
      deals: tDeals,
      conversion: conversion(tDeals, tLeads),
    },
    trend,
    best,
    worst,
    channels,
    regions: regionRows,
    // SPEC 1.2: the review is the department's record; a viewer whose report scope does not hold
    // the department (a rep seeing his own figures) gets the empty review, like any record out of scope.
    review: b.departments.some((d) => d.id === b.base.id) ? await reviewOf(ctx, period, b.base.id) : emptyReview(),
  };
}

async function productNames(ctx: Ctx, ids: number[]) {
  const res = await ctx.db.execute<{ id: number; name: string }>(
    sql`select id, name from products where id = any(${sql.param(ids)}::bigint[])`,
  );
  return new Map(res.rows.map((r) => [Number(r.id), r.name]));
}

/** The stored review of one half and department (empty when nobody has written it yet). */
export async function reviewOf(ctx: Ctx, period: string, departmentId: number) {
  const res = await ctx.db.execute<{
    theme_review: string;
    suggestions: string;
    version: number;
    author: string | null;
    updated_at: string;
  }>(
    sql`select r.theme_review, r.suggestions, r.version, u.name author, to_char(r.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') updated_at
      from report_reviews r left join users u on u.id = r.updated_by
      where r.period = ${period} and r.department_id = ${departmentId}`,
  );
  const r = res.rows[0];
  return r
    ? {
        themeReview: r.theme_review,
        suggestions: r.suggestions,
        version: Number(r.version),
        author: r.author,
        updatedAt: r.updated_at,
      }
    : emptyReview();
}

const emptyReview = () => ({ themeReview: '', suggestions: '', version: null, author: null, updatedAt: null });
