import {
  DailyReportQuery,
  DealRegisterQuery,
  HalfYearReportQuery,
  HalfYearReviewBody,
  WeeklyReportQuery,
} from '@sales/core';
import type { FastifyReply } from 'fastify';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { dailyReport, weeklyReport } from './reports.daily.ts';
import { dealRegister } from './reports.deals.ts';
import { halfYearReport } from './reports.half.ts';
import { dailyLayout, dealsLayout, halfLayout, type ReportLayout, weeklyLayout } from './reports.model.ts';
import { layoutPdf, layoutXlsx } from './reports.render.ts';
import { saveHalfYearReview } from './reports.review.ts';

const tags = ['reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (kind: 'inline' | 'attachment', ascii: string, name: string) =>
  `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

async function sendPdf(ctx: Ctx, reply: FastifyReply, ascii: string, l: ReportLayout) {
  const pdf = await layoutPdf(ctx, l);
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', disposition('inline', `${ascii}.pdf`, `${l.file}.pdf`));
  return reply.send(pdf);
}

function sendXlsx(reply: FastifyReply, ascii: string, l: ReportLayout) {
  reply
    .header('content-type', XLSX)
    .header('content-disposition', disposition('attachment', `${ascii}.xlsx`, `${l.file}.xlsx`));
  return reply.send(layoutXlsx(l));
}

/**
 * Generated reports (SPEC 5.1): each as JSON for its page, as PDF and as xlsx, all three from the
 * same figures within the viewer's report scope (report.view: own / department tree / all).
 */
export function reportRoutes(app: ZodApp, db: Db) {
  const cfg = (resource: string, surface?: 'list' | 'export' | 'mutation') => ({
    permission: 'report.view' as const,
    resource,
    ...(surface ? { surface } : {}),
  });
  const reports = [
    {
      path: 'daily',
      ascii: 'daily-report',
      resource: 'report',
      query: DailyReportQuery,
      load: dailyReport,
      layout: dailyLayout,
    },
    {
      path: 'weekly',
      ascii: 'weekly-report',
      resource: 'report',
      query: WeeklyReportQuery,
      load: weeklyReport,
      layout: weeklyLayout,
    },
    {
      path: 'half-year',
      ascii: 'half-year-analysis',
      resource: 'report_half',
      query: HalfYearReportQuery,
      load: halfYearReport,
      layout: halfLayout,
    },
    {
      path: 'deals',
      ascii: 'deal-register',
      resource: 'report_deal',
      query: DealRegisterQuery,
      load: dealRegister,
      layout: dealsLayout,
    },
  ] as const;
  for (const r of reports) {
    // biome-ignore lint/suspicious/noExplicitAny: one loader per report, each typed by its own schema.
    const load = r.load as (ctx: Ctx, q: any) => Promise<any>;
    // biome-ignore lint/suspicious/noExplicitAny: the layout matches its loader.
    const layout = r.layout as (ctx: Ctx, data: any) => ReportLayout;
    app.get(
      `/reports/${r.path}`,
      { config: cfg(r.resource, 'list'), schema: { tags, querystring: r.query } },
      async (req) => load(ctxOf(req, db), req.query),
    );
    app.get(
      `/reports/${r.path}.xlsx`,
      { config: cfg(r.resource, 'export'), schema: { tags, querystring: r.query } },
      async (req, reply) => {
        const ctx = ctxOf(req, db);
        return sendXlsx(reply, r.ascii, layout(ctx, await load(ctx, req.query)));
      },
    );
    // The PDF is checked for scope by reports.test.ts (its text is not searchable by the sweep).
    app.get(
      `/reports/${r.path}.pdf`,
      { config: cfg(r.resource), schema: { tags, querystring: r.query } },
      async (req, reply) => {
        const ctx = ctxOf(req, db);
        return sendPdf(ctx, reply, r.ascii, layout(ctx, await load(ctx, req.query)));
      },
    );
  }
  app.put(
    '/reports/half-year/review',
    { config: cfg('report_review', 'mutation'), schema: { tags, body: HalfYearReviewBody } },
    async (req) => saveHalfYearReview(ctxOf(req, db), req.body),
  );
}
