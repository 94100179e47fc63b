import type { Measure } from '@sales/core';
import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../../app/i18n';
import type { KeyValue } from '../types';
import { formatValue, monthLabel } from './labels';

const GRID = { left: 8, right: 28, top: 40, bottom: 8, containLabel: true };

/** Axis ticks in compact form (30万 / 300K): full figures are in the tooltips. */
const compact = (v: number) => new Intl.NumberFormat(currentLanguage(), { notation: 'compact' }).format(v);

/** The 12 month keys of a year ('2026-01' … '2026-12'). */
export const monthsOf = (year: string) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** Values of `rows` on the given keys (0 where nothing was booked). */
export function valuesOn(keys: string[], rows: KeyValue[], shiftYear = 0): number[] {
  const map = new Map(rows.map((r) => [String(r.key), r.value]));
  return keys.map((k) => {
    const key = shiftYear ? `${Number(k.slice(0, 4)) + shiftYear}${k.slice(4)}` : k;
    return Number(map.get(key) ?? 0);
  });
}

/**
 * Monthly bars of this year with last year as a line; `plan` (from the plans module, SPEC 2.1)
 * adds the plan line when given. Chart values are numbers for drawing only: labels and tooltips
 * format them through the money / number formatters.
 */
export function monthlyOption(
  t: TFunction,
  measure: Measure,
  year: string,
  series: { actual: KeyValue[]; lastYear?: KeyValue[]; plan?: KeyValue[] },
): EChartsOption {
  const months = monthsOf(year);
  const fmt = (v: unknown) => formatValue(measure, Number(v));
  const lines = [
    ...(series.lastYear
      ? [{ name: t('analytics.series.lastYear'), type: 'line' as const, data: valuesOn(months, series.lastYear, -1) }]
      : []),
    ...(series.plan
      ? [{ name: t('analytics.series.plan'), type: 'line' as const, data: valuesOn(months, series.plan) }]
      : []),
  ];
  return {
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: months.map((m) => monthLabel(t, m)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatValue(measure === 'sales_volume' ? measure : 'orders', v) },
    },
    series: [{ name: t('analytics.series.actual'), type: 'bar', data: valuesOn(months, series.actual) }, ...lines],
  };
}

/** Horizontal bars of a ranking or breakdown, largest on top. */
export function rankingOption(measure: Measure, rows: { label: string; value: string; id: string }[]): EChartsOption {
  const shown = [...rows].reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => formatValue(measure, Number(v)),
    },
    grid: { ...GRID, top: 8 },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: compact } },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 90, overflow: 'truncate' } },
    series: [{ type: 'bar', data: shown.map((r) => ({ value: Number(r.value), id: r.id })) }],
  };
}

/** Pie of a breakdown (categories). */
export function pieOption(measure: Measure, rows: { label: string; value: string; id: string }[]): EChartsOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v) => formatValue(measure, Number(v)) },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: 0,
        bottom: 30,
        data: rows.map((r) => ({ name: r.label, value: Number(r.value), id: r.id })),
      },
    ],
  };
}

/** The funnel of stage entries, in pipeline order. */
export function funnelOption(rows: { label: string; value: string; id: string }[]): EChartsOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v) => formatValue('stage_entries', Number(v)) },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        label: { position: 'inside', formatter: '{b}  {c}' },
        data: rows.map((r) => ({ name: r.label, value: Number(r.value), id: r.id })),
      },
    ],
  };
}

/** Leads vs lead deals per channel (channel effectiveness), side by side. */
export function channelOption(
  t: TFunction,
  channels: string[],
  labels: string[],
  leads: KeyValue[],
  deals: KeyValue[],
): EChartsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('analytics.series.leads'), type: 'bar', data: valuesOn(channels, leads) },
      { name: t('analytics.series.deals'), type: 'bar', data: valuesOn(channels, deals) },
    ],
  };
}
