import { REGION_NAMES_ZH, REPORT_MEASURES, REPORT_MONEY_MEASURES } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { dailyReport, weeklyReport } from './reports.daily.ts';
import type { dealRegister } from './reports.deals.ts';
import type { halfYearReport } from './reports.half.ts';

/**
 * One report laid out for paper and spreadsheet (SPEC 5.1: each report prints as PDF and exports
 * as xlsx): titled sections of columns and rows. Cells stay raw decimal strings here; the PDF
 * formats money with separators, the xlsx writes exact strings (never floats). null = "—".
 */
export type CellKind = 'text' | 'money' | 'count' | 'percent';
export interface Column {
  header: string;
  kind: CellKind;
  width: number;
}
export interface Section {
  title?: string;
  columns: Column[];
  rows: (string | null)[][];
}
export interface ReportLayout {
  title: string;
  /** File name stem, e.g. '销售日报-2026-03-05'. */
  file: string;
  fields: { label: string; value: string }[];
  sections: Section[];
  notes: string[];
}

type Daily = Awaited<ReturnType<typeof dailyReport>>;
type Weekly = Awaited<ReturnType<typeof weeklyReport>>;
type Half = Awaited<ReturnType<typeof halfYearReport>>;
type Deals = Awaited<ReturnType<typeof dealRegister>>;

const tr = (ctx: Ctx) => (key: string, params?: Record<string, unknown>) => translate(ctx.locale, key, params);
const kindOf = (m: (typeof REPORT_MEASURES)[number]): CellKind =>
  REPORT_MONEY_MEASURES.includes(m) ? 'money' : 'count';

function measureColumns(t: ReturnType<typeof tr>, suffix = ''): Column[] {
  return REPORT_MEASURES.map((m) => ({ header: `${t(`report.measure.${m}`)}${suffix}`, kind: kindOf(m), width: 7 }));
}

export function dailyLayout(ctx: Ctx, r: Daily): ReportLayout {
  const t = tr(ctx);
  const vals = (v: Daily['total']) => REPORT_MEASURES.map((m) => v[m]);
  const name: Column = { header: t('report.col.rep'), kind: 'text', width: 10 };
  const team: Column = { header: t('report.col.team'), kind: 'text', width: 10 };
  return {
    title: t('report.title.daily'),
    file: `${t('report.title.daily')}-${r.date}`,
    fields: [
      { label: t('report.field.date'), value: r.date },
      { label: t('report.field.department'), value: r.department.name },
    ],
    sections: [
      {
        title: t('report.section.reps'),
        columns: [name, ...measureColumns(t)],
        rows: r.reps.map((x) => [x.name, ...vals(x.values)]),
      },
      {
        title: t('report.section.teams'),
        columns: [team, ...measureColumns(t)],
        rows: [...r.teams.map((x) => [x.name, ...vals(x.values)]), [t('report.col.total'), ...vals(r.total)]],
      },
    ],
    notes: [],
  };
}

export function weeklyLayout(ctx: Ctx, r: Weekly): ReportLayout {
  const t = tr(ctx);
  // Each measure twice: this week, the week before.
  const cols = REPORT_MEASURES.flatMap((m) => [
    { header: `${t(`report.measure.${m}`)} ${t('report.col.thisWeek')}`, kind: kindOf(m), width: 6 },
    { header: t('report.col.lastWeek'), kind: kindOf(m), width: 5 },
  ]);
  const vals = (v: Weekly['total'], p: Weekly['total']) => REPORT_MEASURES.flatMap((m) => [v[m], p[m]]);
  const range = `${r.from} ~ ${r.to}`;
  return {
    title: t('report.title.weekly'),
    file: `${t('report.title.weekly')}-${r.from}`,
    fields: [
      { label: t('report.field.period'), value: range },
      { label: t('report.field.previous'), value: `${r.previousWeek.from} ~ ${r.previousWeek.to}` },
      { label: t('report.field.department'), value: r.department.name },
    ],
    sections: [
      {
        title: t('report.section.reps'),
        columns: [{ header: t('report.col.rep'), kind: 'text', width: 8 }, ...cols],
        rows: r.reps.map((x) => [x.name, ...vals(x.values, x.previous)]),
      },
      {
        title: t('report.section.teams'),
        columns: [{ header: t('report.col.team'), kind: 'text', width: 8 }, ...cols],
        rows: [
          ...r.teams.map((x) => [x.name, ...vals(x.values, x.previous)]),
          [t('report.col.total'), ...vals(r.total, r.previousTotal)],
        ],
      },
      {
        title: t('report.section.deals'),
        columns: [
          { header: t('report.col.date'), kind: 'text', width: 8 },
          { header: t('report.col.documentNo'), kind: 'text', width: 12 },
          { header: t('report.col.customer'), kind: 'text', width: 16 },
          { header: t('report.col.rep'), kind: 'text', width: 8 },
          { header: t('report.col.amount'), kind: 'money', width: 10 },
        ],
        rows: r.deals.map((d) => [d.date, d.documentNo, d.customerName, d.repName ?? t('report.unassigned'), d.value]),
      },
    ],
    notes: [],
  };
}

export function halfLayout(ctx: Ctx, r: Half): ReportLayout {
  const t = tr(ctx);
  const col = (key: string, kind: CellKind = 'text', width = 10): Column => ({ header: t(key), kind, width });
  const products = (rows: Half['best']) => rows.map((p, i) => [String(i + 1), p.name, p.amount]);
  const productCols: Column[] = [
    { header: '#', kind: 'text', width: 4 },
    col('report.col.product', 'text', 20),
    col('report.col.amount', 'money'),
  ];
  const region = (code: string | null) =>
    code === null ? t('report.unassigned') : (REGION_NAMES_ZH[code as keyof typeof REGION_NAMES_ZH] ?? code);
  const channel = (code: string | null) => (code === null ? t('report.unassigned') : t(`report.channel.${code}`));
  return {
    title: t('report.title.half'),
    file: `${t('report.title.half')}-${r.period}`,
    fields: [
      { label: t('report.field.period'), value: `${r.from} ~ ${r.to}` },
      { label: t('report.field.department'), value: r.department.name },
    ],
    sections: [
      {
        title: t('report.section.trend'),
        columns: [
          col('report.col.month'),
          col('report.col.amount', 'money'),
          col('report.col.volume', 'count'),
          col('report.col.newCustomers', 'count'),
        ],
        rows: [
          ...r.trend.map((m) => [m.month, m.amount, m.volume, m.newCustomers]),
          [t('report.col.total'), r.totals.amount, r.totals.volume, r.totals.newCustomers],
        ],
      },
      { title: t('report.section.best'), columns: productCols, rows: products(r.best) },
      { title: t('report.section.worst'), columns: productCols, rows: products(r.worst) },
      {
        title: t('report.section.channels'),
        columns: [
          col('report.col.channel'),
          col('report.col.leads', 'count'),
          col('report.col.deals', 'count'),
          col('report.col.conversion', 'percent'),
        ],
        rows: [
          ...r.channels.map((c) => [channel(c.channel), c.leads, c.deals, c.conversion]),
          [t('report.col.total'), r.totals.leads, r.totals.deals, r.totals.conversion],
        ],
      },
      {
        title: t('report.section.regions'),
        columns: [col('report.col.region'), col('report.col.amount', 'money'), col('report.col.volume', 'count')],
        rows: r.regions.map((x) => [region(x.region), x.amount, x.volume]),
      },
    ],
    notes: [
      `${t('report.section.review')}：${r.review.themeReview || t('report.none')}`,
      `${t('report.section.suggestions')}：${r.review.suggestions || t('report.none')}`,
    ],
  };
}

export function dealsLayout(ctx: Ctx, r: Deals): ReportLayout {
  const t = tr(ctx);
  const col = (key: string, kind: CellKind = 'text', width = 10): Column => ({ header: t(key), kind, width });
  return {
    title: t('report.title.deals'),
    file: `${t('report.title.deals')}-${r.from}-${r.to}`,
    fields: [
      { label: t('report.field.period'), value: `${r.from} ~ ${r.to}` },
      { label: t('report.field.department'), value: r.department.name },
    ],
    sections: [
      {
        columns: [
          col('report.col.date', 'text', 8),
          col('report.col.documentNo', 'text', 11),
          col('report.col.kind', 'text', 5),
          col('report.col.customer', 'text', 14),
          col('report.col.contact', 'text', 7),
          col('report.col.products', 'text', 14),
          col('report.col.amount', 'money', 9),
          col('report.col.rep', 'text', 6),
          col('report.col.department', 'text', 8),
        ],
        rows: [
          ...r.items.map((d) => [
            d.date,
            d.documentNo,
            t(`report.kind.${d.kind}`),
            d.customerName,
            d.contactName ?? '',
            d.products,
            d.amount,
            d.repName ?? t('report.unassigned'),
            d.deptName ?? '',
          ]),
          [t('report.col.total'), '', '', '', '', '', r.amount, '', ''],
        ],
      },
    ],
    notes: r.truncated ? [t('report.truncated', { n: r.items.length, total: r.total })] : [],
  };
}
